// @vitest-environment jsdom
import "../test/setup.js";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import type { RoundCloseOutcome } from "../../addin/host/host.types.js";
import { OVERALL_ROW } from "../../addin/model/history.types.js";
import type { Result } from "../../addin/model/template.types.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import { HEADERS } from "../../addin/plan/labels.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { MemoryHost } from "../host/memory.host.js";
import { fixtureTemplate, gridHost } from "../test/fixtures.js";
import { gridCellOf, loaded, workbookBytes } from "../test/workbook.bytes.js";
import { dayText } from "./rounds.lines.js";
import { LANG_CASES, renderPane, spaced } from "../test/render.js";
import { fixtureRound, withHistory } from "../test/rounds.fixtures.js";
import type { Translator } from "../i18n/i18n.js";

const RATINGS = { "GOUV-01": 2, "GOUV-02": 4, "GOUV-03": 3, "COMM-01": 1, "COMM-02": 4 };
const R2024 = fixtureRound("2024", "2024-11-30", { GOUV: 30, COMM: 50, [OVERALL_ROW]: 40 });
const R2025 = fixtureRound("2025", "2025-12-01", { GOUV: 60, COMM: 50, [OVERALL_ROW]: 55.5 });

/** « +15,5 points », as the pane writes a change. */
function points(i18n: Translator, change: number): string {
  const n = `${change > 0 ? "+" : change < 0 ? "\u2212" : ""}${i18n.number(Math.abs(change))}`;
  return i18n.plural("rounds.points", Math.abs(change), { n });
}

/** The confirmation shown before a round is closed. */
function confirmBox(): HTMLElement {
  const box = document.querySelector<HTMLElement>("[data-confirm-close]");
  if (!box) throw new Error("no confirmation shown");
  return box;
}

function historyHost(lang: "fr" | "en"): MemoryHost {
  const host = gridHost({ lang, ratings: RATINGS });
  withHistory(host, [R2024, R2025]);
  return host;
}

/** Replaces the host's closeRound by one that records the call and answers `outcome`. */
function answerClose(host: MemoryHost, outcome: Result<RoundCloseOutcome>): void {
  host.closeRound = async (options, names) => {
    host.calls.push({ method: "closeRound", args: [options, names] });
    return { ok: true, value: outcome };
  };
}

describe.each(LANG_CASES)("Rounds screen ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("lists the closed rounds with their overall score and change, and the current round's change since the last", async () => {
    const host = historyHost(lang);
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.rounds") }));
    const first = await screen.findByText(spaced(t("rounds.line", { label: "2024", date: "2024-11-30", version: "1.2.0", score: i18n.number(40), change: "" })));
    expect(first.closest("li")?.getAttribute("data-round")).toBe("2024");
    expect(
      screen.getByText(spaced(t("rounds.line", { label: "2025", date: "2025-12-01", version: "1.2.0", score: i18n.number(55.5), change: t("rounds.lineChange", { change: points(i18n, 15.5) }) }))),
    ).toBeTruthy();
    const current = scoreAssessment(host.workbook!.assessment).overall.score;
    if (current === null) throw new Error("the fixture's ratings score");
    expect(screen.getByText(spaced(t("rounds.current", { score: i18n.number(current), change: t("rounds.currentChange", { change: points(i18n, current - 55.5), label: "2025" }) })))).toBeTruthy();
  });

  it("proposes the closing day's year as the label until one is typed", async () => {
    const { user } = renderPane(historyHost(lang));
    await user.click(screen.getByRole("tab", { name: t("tab.rounds") }));
    const label = await screen.findByLabelText<HTMLInputElement>(t("rounds.close.label"));
    const date = screen.getByLabelText<HTMLInputElement>(t("rounds.close.date"));
    expect(label.value).toBe(date.value.slice(0, 4));
    fireEvent.change(date, { target: { value: "2031-03-15" } });
    expect(label.value).toBe("2031");
    await user.clear(label);
    await user.type(label, "Cycle 3");
    fireEvent.change(date, { target: { value: "2032-01-10" } });
    expect(label.value).toBe("Cycle 3");
  });

  it("says a workbook without history is the first round", async () => {
    const { user } = renderPane(gridHost({ lang, ratings: RATINGS }));
    await user.click(screen.getByRole("tab", { name: t("tab.rounds") }));
    expect(await screen.findByText(spaced(t("rounds.none")))).toBeTruthy();
  });

  it("refuses an empty or a taken label and a date that is not a day, and says what closing does before anything is done", async () => {
    const host = historyHost(lang);
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.rounds") }));
    const label = await screen.findByLabelText(t("rounds.close.label"));
    const close = screen.getByRole("button", { name: t("rounds.close.button") });
    await user.clear(label);
    await user.click(close);
    expect(await screen.findByText(t("rounds.close.labelEmpty"))).toBeTruthy();
    await user.type(label, "2025");
    expect(screen.getByText(spaced(t("rounds.close.labelTaken", { label: "2025" })))).toBeTruthy();
    expect(screen.queryByRole("button", { name: t("rounds.confirm.run") })).toBeNull();

    await user.clear(label);
    await user.type(label, "2026");
    fireEvent.change(screen.getByLabelText(t("rounds.close.date")), { target: { value: "2026-02-31" } });
    await user.click(close);
    expect(screen.getByText(t("rounds.close.dateInvalid"))).toBeTruthy();
    expect(screen.queryByRole("button", { name: t("rounds.confirm.run") })).toBeNull();

    fireEvent.change(screen.getByLabelText(t("rounds.close.date")), { target: { value: "2026-12-04" } });
    await user.click(screen.getByRole("checkbox", { name: t("rounds.close.keep") }));
    await user.click(close);
    const confirm = confirmBox();
    const text = spaced(confirm.textContent ?? "");
    expect(text).toContain(spaced(t("rounds.confirm.title", { label: "2026" })));
    expect(text).toContain(spaced(t("rounds.confirm.kept")));
    expect(text).toContain(spaced(t("rounds.confirm.keep")));
    expect(text).toContain(spaced(t("rounds.confirm.replaced")));
    await user.click(within(confirm).getByRole("button", { name: t("rounds.confirm.cancel") }));
    expect(screen.queryByRole("button", { name: t("rounds.confirm.run") })).toBeNull();
    expect(host.callsTo("closeRound")).toEqual([]);
  });

  it("closes the round with the label, date and choice given, and says where the next round's workbook went", async () => {
    const host = historyHost(lang);
    const round = fixtureRound("2026", "2026-12-04", { GOUV: 70, COMM: 60, [OVERALL_ROW]: 66 });
    answerClose(host, { ok: true, value: { round, opened: "replaced" }, warnings: [] });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.rounds") }));
    const label = await screen.findByLabelText(t("rounds.close.label"));
    await user.clear(label);
    await user.type(label, " 2026 ");
    fireEvent.change(screen.getByLabelText(t("rounds.close.date")), { target: { value: "2026-12-04" } });
    await user.click(screen.getByRole("button", { name: t("rounds.close.button") }));
    expect(spaced(confirmBox().textContent ?? "")).toContain(spaced(t("rounds.confirm.blank")));
    await user.click(screen.getByRole("button", { name: t("rounds.confirm.run") }));
    await screen.findByText(spaced(t("rounds.done", { label: "2026" })));
    expect(host.callsTo("closeRound")).toEqual([
      [
        { label: "2026", date: new Date("2026-12-04T00:00:00Z"), keepRatings: false },
        { name: `${t("rounds.fileName", { id: "essai", label: "2026" })}.xlsx`, file: t("check.thisWorkbook") },
      ],
    ]);
    const status = screen.getAllByRole("status").find((s) => spaced(s.textContent ?? "").includes(spaced(t("rounds.done", { label: "2026" }))));
    expect(spaced(status?.textContent ?? "")).toContain(spaced(t("rounds.doneScore", { score: i18n.number(66) })));
    expect(spaced(status?.textContent ?? "")).toContain(spaced(t("rounds.where.replaced", { name: `${t("rounds.fileName", { id: "essai", label: "2026" })}.xlsx` })));
    // The new round's workbook was read again (the workbench replaced the workbook).
    await waitFor(() => expect(host.callsTo("read").length).toBeGreaterThanOrEqual(2));
  });

  it("closes a rated workbook with the command line's code: the next round's workbook holds the round, its ratings blank beside the previous ones", async () => {
    const template = fixtureTemplate();
    const bytes = await workbookBytes(template, lang, (wb) => {
      gridCellOf(wb, HEADERS.grid.criterion[lang], "GOUV-01", HEADERS.grid.rating[lang]).value = 3;
      gridCellOf(wb, HEADERS.grid.criterion[lang], "COMM-01", HEADERS.grid.rating[lang]).value = 2;
    });
    const host = MemoryHost.withPlan(buildPlan(template, { lang }), { lang, bytes });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.rounds") }));
    const label = await screen.findByLabelText(t("rounds.close.label"));
    await user.clear(label);
    await user.type(label, "Cycle 1");
    fireEvent.change(screen.getByLabelText(t("rounds.close.date")), { target: { value: "2026-12-04" } });
    await user.click(screen.getByRole("button", { name: t("rounds.close.button") }));
    await user.click(screen.getByRole("button", { name: t("rounds.confirm.run") }));
    await screen.findByText(spaced(t("rounds.done", { label: "Cycle 1" })), undefined, { timeout: 30_000 });
    expect(screen.getByText(spaced(t("rounds.where.newWindow")))).toBeTruthy();
    const opened = host.opened[0];
    if (!opened) throw new Error("nothing opened");
    const read = readQualigridWorkbook(await loaded(opened.bytes), opened.name);
    if (!read.ok) throw new Error(read.issues.map((i) => i.message).join("; "));
    expect(read.value.history?.map((r) => [r.label, dayText(r.date)])).toEqual([["Cycle 1", "2026-12-04"]]);
    expect(read.value.history?.[0]?.criteria.find((c) => c.criterion === "GOUV-01")?.consolidated).toBe(3);
    expect(read.value.grid.find((r) => r.criterion === "GOUV-01")?.rating ?? null).toBeNull();
    // The open workbook (the closed round) was never written to.
    expect(host.calls.map((c) => c.method).filter((m) => m === "setAnswer" || m === "writeFormulas" || m === "generate")).toEqual([]);
  }, 60_000);

  it("shows the host's failure, and the engine's refusal with where the problem is", async () => {
    const host = historyHost(lang);
    host.fail("closeRound", { code: "unknown", detail: "lost connection" });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.rounds") }));
    const label = await screen.findByLabelText(t("rounds.close.label"));
    await user.clear(label);
    await user.type(label, "2026");
    await user.click(screen.getByRole("button", { name: t("rounds.close.button") }));
    await user.click(screen.getByRole("button", { name: t("rounds.confirm.run") }));
    const bar = await screen.findByText(spaced(t("app.detail", { detail: "lost connection" })));
    expect(bar.closest("[data-error-code]")?.getAttribute("data-error-code")).toBe("unknown");

    answerClose(host, { ok: false, issues: [{ path: "Historique!A2", message: "history row changed by hand", severity: "error" }] });
    await user.click(screen.getByRole("button", { name: t("rounds.close.button") }));
    await user.click(screen.getByRole("button", { name: t("rounds.confirm.run") }));
    const refused = await screen.findByText(t("rounds.failed"));
    expect(refused.closest("[role=alert]")?.textContent).toContain("Historique!A2");
  });

  it("passes axe-core's structural rules, confirmation shown", async () => {
    const { user } = renderPane(historyHost(lang));
    await user.click(screen.getByRole("tab", { name: t("tab.rounds") }));
    const label = await screen.findByLabelText(t("rounds.close.label"));
    await user.clear(label);
    await user.type(label, "2026");
    await user.click(screen.getByRole("button", { name: t("rounds.close.button") }));
    await screen.findByRole("button", { name: t("rounds.confirm.run") });
    const found = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
    expect(found.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });
});
