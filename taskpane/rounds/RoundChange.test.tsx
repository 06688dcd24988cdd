// @vitest-environment jsdom
import "../test/setup.js";
import { screen, within } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { OVERALL_ROW } from "../../addin/model/history.types.js";
import { textOf } from "../../addin/model/text.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import type { Translator } from "../i18n/i18n.js";
import { FIXTURE_JSON, gridHost } from "../test/fixtures.js";
import { LANG_CASES, renderPane, spaced } from "../test/render.js";
import { fixtureRound, withHistory } from "../test/rounds.fixtures.js";

/** Now: GOUV-01 33,3 (was 100), GOUV-02 100 (was 100), GOUV-03 66,7 (was 33,3), COMM-01 0 (was 50), COMM-02 100 (not scored then). */
const RATINGS = { "GOUV-01": 2, "GOUV-02": 4, "GOUV-03": 3, "COMM-01": 1, "COMM-02": 4 };
const R2023 = fixtureRound("2023", "2023-11-30", { GOUV: 20, COMM: 10, [OVERALL_ROW]: 16 });
const R2025 = fixtureRound(
  "2025",
  "2025-12-01",
  { GOUV: 60, COMM: 50, [OVERALL_ROW]: 56 },
  { "GOUV-01": 100, "GOUV-02": 100, "GOUV-03": 100 / 3, "COMM-01": 50, "COMM-02": null },
);

function points(i18n: Translator, change: number): string {
  const n = `${change > 0 ? "+" : change < 0 ? "\u2212" : ""}${i18n.number(Math.abs(change))}`;
  return i18n.plural("rounds.points", Math.abs(change), { n });
}

function dimensionItem(id: string): HTMLElement {
  const li = document.querySelector<HTMLElement>(`li[data-dimension="${id}"]`);
  if (!li) throw new Error(`no dimension ${id}`);
  return li;
}

describe.each(LANG_CASES)("the dashboard's change since the previous rounds ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;
  const title = (id: string): string => `${id} — ${textOf(FIXTURE_JSON.dimensions.find((d) => d.id === id)?.title, lang)}`;

  it("gives each dimension's and the overall change since the last and the first closed rounds", async () => {
    const host = gridHost({ lang, ratings: RATINGS });
    withHistory(host, [R2023, R2025]);
    const result = scoreAssessment(host.workbook!.assessment);
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.dashboard") }));
    await screen.findByText(t("dashboard.dimensions"));
    for (const [id, last, first] of [
      ["GOUV", 60, 20],
      ["COMM", 50, 10],
    ] as const) {
      const score = result.dimensions.find((d) => d.id === id)?.score;
      if (score === null || score === undefined) throw new Error(`${id} is scored`);
      const line = `${t("dashboard.change.since", { label: "2025", change: points(i18n, score - last) })}${t("dashboard.change.sinceFirst", { label: "2023", change: points(i18n, score - first) })}`;
      expect(within(dimensionItem(id)).getByText(spaced(line))).toBeTruthy();
    }
    const overall = result.overall.score ?? 0;
    expect(
      screen.getByText(spaced(`${t("dashboard.change.since", { label: "2025", change: points(i18n, overall - 56) })}${t("dashboard.change.sinceFirst", { label: "2023", change: points(i18n, overall - 16) })}`)),
    ).toBeTruthy();
  });

  it("lists a dimension's criteria on demand, and those that went down since the last round", async () => {
    const host = gridHost({ lang, ratings: RATINGS });
    withHistory(host, [R2025]);
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.dashboard") }));
    await screen.findByText(t("dashboard.dimensions"));
    // One round only: the change since it, nothing « since the first ».
    expect(dimensionItem("GOUV").textContent).not.toContain(spaced(t("dashboard.change.sinceFirst", { label: "2025", change: "" })).trim());
    const gouv = within(dimensionItem("GOUV"));
    expect(gouv.getByText(spaced(i18n.plural("dashboard.down.count", 1, { label: "2025" })))).toBeTruthy();
    const toggle = gouv.getByRole("button", { name: t("dashboard.detail.show", { dimension: title("GOUV") }) });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    await user.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const criteria = gouv.getByRole("list", { name: t("dashboard.detail.list", { dimension: title("GOUV") }) });
    expect(within(criteria).getAllByRole("listitem").map((li) => li.getAttribute("data-criterion"))).toEqual(["GOUV-01", "GOUV-02", "GOUV-03"]);
    expect(within(criteria).getByText(spaced(t("dashboard.detail.criterion", { id: "GOUV-03", state: i18n.number(200 / 3) })))).toBeTruthy();
    const down = gouv.getByRole("list", { name: t("dashboard.down.heading", { label: "2025" }) });
    expect(within(down).getAllByRole("listitem").map((li) => li.getAttribute("data-criterion-down"))).toEqual(["GOUV-01"]);
    expect(within(down).getByText(spaced(t("dashboard.down.line", { id: "GOUV-01", previous: i18n.number(100), current: i18n.number(100 / 3), change: points(i18n, 100 / 3 - 100) })))).toBeTruthy();
    await user.click(toggle);
    expect(gouv.queryByRole("list", { name: t("dashboard.down.heading", { label: "2025" }) })).toBeNull();

    // COMM-02 was not scored then: only COMM-01 went down.
    const comm = within(dimensionItem("COMM"));
    await user.click(comm.getByRole("button", { name: t("dashboard.detail.show", { dimension: title("COMM") }) }));
    const commDown = comm.getByRole("list", { name: t("dashboard.down.heading", { label: "2025" }) });
    expect(within(commDown).getAllByRole("listitem").map((li) => li.getAttribute("data-criterion-down"))).toEqual(["COMM-01"]);
    const found = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
    expect(found.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });

  it("says no criterion went down when none did", async () => {
    const host = gridHost({ lang, ratings: RATINGS });
    withHistory(host, [fixtureRound("2025", "2025-12-01", { GOUV: 10, COMM: 0, [OVERALL_ROW]: 5 }, { "GOUV-01": 0 })]);
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.dashboard") }));
    await screen.findByText(t("dashboard.dimensions"));
    const gouv = within(dimensionItem("GOUV"));
    await user.click(gouv.getByRole("button", { name: t("dashboard.detail.show", { dimension: title("GOUV") }) }));
    expect(gouv.getByText(t("dashboard.down.none", { label: "2025" }))).toBeTruthy();
  });

  it("shows no change and no fall on a workbook without history, the criteria still listed", async () => {
    const { user } = renderPane(gridHost({ lang, ratings: RATINGS }));
    await user.click(screen.getByRole("tab", { name: t("tab.dashboard") }));
    await screen.findByText(t("dashboard.dimensions"));
    expect(document.querySelectorAll("[data-change]")).toHaveLength(0);
    const comm = within(dimensionItem("COMM"));
    await user.click(comm.getByRole("button", { name: t("dashboard.detail.show", { dimension: title("COMM") }) }));
    expect(comm.getByText(spaced(t("dashboard.detail.criterion", { id: "COMM-01", state: i18n.number(0) })))).toBeTruthy();
    expect(document.querySelectorAll("[data-down], [data-down-none]")).toHaveLength(0);
  });
});
