// @vitest-environment jsdom
import "../test/setup.js";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DEFAULT_WORKBOOK_SETTINGS } from "../../addin/model/settings.js";
import { textOf } from "../../addin/model/text.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import { assessmentOfLayout } from "../../addin/workbook/workbook.assessment.js";
import type { MemoryHost } from "../host/memory.host.js";
import { FIXTURE_JSON, gridHost } from "../test/fixtures.js";
import { LANG_CASES, renderPane, spaced } from "../test/render.js";

/** GOUV: 4 (weight 2), 2, N/A → 100 × (2·1 + 1·⅓) / 3 = 77.8; COMM: 1, blank → 0. */
function knownHost(lang: "fr" | "en"): MemoryHost {
  const host = gridHost({ lang, ratings: { "GOUV-01": 4, "GOUV-02": 2, "GOUV-03": lang === "fr" ? "S. O." : "N/A", "COMM-01": 1 } });
  if (host.workbook) {
    host.workbook.evidence = [
      { id: "P-01", criteria: "GOUV-01", title: "Code", status: host.workbook.acceptedStatus, row: 5, criteriaCell: { sheet: "Preuves", address: "B5" } },
      { id: "P-02", criteria: "COMM-01", title: "Site", status: "Fournie", row: 6, criteriaCell: { sheet: "Preuves", address: "B6" } },
    ];
  }
  return host;
}

async function openDashboard(host: MemoryHost, tab: string) {
  const r = renderPane(host);
  await r.user.click(screen.getByRole("tab", { name: tab }));
  return r;
}

const dimensionItem = (id: string): HTMLElement => {
  const item = document.querySelector<HTMLElement>(`li[data-dimension="${id}"]`);
  if (!item) throw new Error(`no dimension ${id}`);
  return item;
};

describe.each(LANG_CASES)("Dashboard screen ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("shows the engine's figures for a known set of answers, as text beside each bar", async () => {
    const host = knownHost(lang);
    await openDashboard(host, t("tab.dashboard"));
    await screen.findByRole("heading", { level: 3, name: t("dashboard.overall") });
    const wb = host.workbook;
    if (!wb) throw new Error("no workbook");
    const expected = scoreAssessment(assessmentOfLayout(wb));

    for (const d of expected.dimensions) {
      const item = within(dimensionItem(d.id));
      const title = textOf(FIXTURE_JSON.dimensions.find((x) => x.id === d.id)?.title, lang);
      expect(item.getByText(`${d.id} — ${title}`)).toBeTruthy();
      const gap = d.gap === null ? t("app.noValue") : i18n.number(d.gap);
      const score = d.score === null ? t("dashboard.notScored") : i18n.number(d.score);
      expect(item.getByText(spaced(t("dashboard.figures", { score, target: i18n.number(d.target), gap })))).toBeTruthy();
      const coverage = d.evidenceCoverage === null ? t("app.noValue") : i18n.percent(d.evidenceCoverage);
      expect(item.getByText(spaced(t("dashboard.completionLine", { completion: i18n.percent(d.completion), coverage })))).toBeTruthy();
      const bar = dimensionItem(d.id).querySelector("[aria-hidden='true'][data-target]");
      expect(bar?.getAttribute("data-score")).toBe(d.score === null ? "" : String(d.score));
      expect(bar?.getAttribute("data-target")).toBe(String(d.target));
    }
    // Worked by hand, so that the engine and this screen cannot be wrong together.
    expect(within(dimensionItem("GOUV")).getByText(spaced(t("dashboard.figures", { score: i18n.number(77.8), target: "80", gap: i18n.number(2.2) })))).toBeTruthy();
    expect(within(dimensionItem("COMM")).getByText(spaced(t("dashboard.figures", { score: "0", target: "75", gap: "75" })))).toBeTruthy();

    const overall = expected.overall;
    expect(overall.score).toBeCloseTo(51.85, 2);
    const terms = screen.getAllByRole("term").map((e) => e.textContent);
    const values = screen.getAllByRole("definition").map((e) => spaced(e.textContent ?? ""));
    expect(terms).toEqual([t("dashboard.score"), t("dashboard.target"), t("dashboard.gap"), t("dashboard.completion"), t("dashboard.coverage")]);
    expect(values).toEqual(
      [
        i18n.number(overall.score ?? 0),
        i18n.number(overall.target),
        i18n.number(overall.gap ?? 0),
        `${i18n.percent(overall.completion)} (${t("dashboard.counts", { answered: 3, na: 1, total: 5 })})`,
        i18n.percent(overall.evidenceCoverage ?? 0),
      ].map(spaced),
    );
  });

  it("refreshes from the workbook on request", async () => {
    const host = knownHost(lang);
    const { user } = await openDashboard(host, t("tab.dashboard"));
    await waitFor(() => within(dimensionItem("COMM")).getByText(spaced(t("dashboard.figures", { score: "0", target: "75", gap: "75" }))));
    const row = host.workbook?.grid.find((r) => r.criterion === "COMM-02");
    if (row) row.rating = 4;
    await user.click(screen.getByRole("button", { name: t("app.refresh") }));
    await waitFor(() =>
      expect(within(dimensionItem("COMM")).getByText(spaced(t("dashboard.figures", { score: "50", target: "75", gap: "25" })))).toBeTruthy(),
    );
    expect(host.callsTo("read").length).toBeGreaterThanOrEqual(2);
  });

  it("says the overall result is provisional while completion is below the workbook's threshold", async () => {
    const host = gridHost({ lang, ratings: { "GOUV-01": 4 } }); // 1 of 5 answered: 20 %
    const { user } = await openDashboard(host, t("tab.dashboard"));
    const note = spaced(t("dashboard.provisional", { completion: i18n.percent(0.2), threshold: i18n.percent(0.8) }));
    expect(await screen.findByText(note)).toBeTruthy();
    // The workbook lowers its threshold: the same answers give a final result.
    const wb = host.workbook;
    if (!wb) throw new Error("no workbook");
    wb.settings = { ...DEFAULT_WORKBOOK_SETTINGS, completionThreshold: 0.2 };
    await user.click(screen.getByRole("button", { name: t("app.refresh") }));
    await waitFor(() => expect(screen.queryByText(note)).toBeNull());
    expect(document.querySelector("[data-provisional]")).toBeNull();
  });

  it("does not say provisional at the threshold itself (80 % answered)", async () => {
    await openDashboard(knownHost(lang), t("tab.dashboard"));
    await screen.findByRole("heading", { level: 3, name: t("dashboard.overall") });
    expect(document.querySelector("[data-provisional]")).toBeNull();
  });

  it("says a dimension with nothing rated is not scored yet", async () => {
    await openDashboard(gridHost({ lang }), t("tab.dashboard"));
    await waitFor(() => dimensionItem("GOUV"));
    expect(within(dimensionItem("GOUV")).getByText(spaced(t("dashboard.figures", { score: t("dashboard.notScored"), target: "80", gap: t("app.noValue") })))).toBeTruthy();
  });
});
