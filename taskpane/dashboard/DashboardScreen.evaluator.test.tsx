// @vitest-environment jsdom
import "../test/setup.js";
import { screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { reviewStatusLabel } from "../../addin/model/review.status.js";
import { DEFAULT_WORKBOOK_SETTINGS } from "../../addin/model/settings.js";
import type { EvidenceRowRead } from "../../addin/workbook/workbook.types.js";
import { withAssessment } from "../../addin/workbook/workbook.assessment.js";
import type { MemoryHost } from "../host/memory.host.js";
import { LANG_CASES, renderPane, spaced } from "../test/render.js";
import { respondentsHost, type RespondentCells } from "../test/respondents.fixtures.js";

/** Three respondents; consolidated (mean) GOUV-01 3, GOUV-02 4, GOUV-03 2, COMM-01 3, COMM-02 1. */
const CELLS: RespondentCells = {
  "GOUV-01": { ratings: [4, 2, 3] },
  "GOUV-02": { ratings: [4, 4, 4] },
  "GOUV-03": { ratings: [2, 2, 2] },
  "COMM-01": { ratings: [3, 3, 3] },
  "COMM-02": { ratings: [1, 1, 1] },
};

function evidenceRow(id: string, criteria: string, status: string, review: string, row: number): EvidenceRowRead {
  const cell = (c: string) => ({ sheet: "Preuves", address: `${c}${row}` });
  return {
    id,
    criteria,
    title: `Preuve ${id}`,
    status,
    row,
    criteriaCell: cell("B"),
    location: "",
    review: { status: review, note: "", date: null, reviewer: "", statusCell: cell("L"), noteCell: cell("M"), dateCell: cell("N"), reviewerCell: cell("O") },
  };
}

/**
 * The evaluator rated GOUV-01 2, GOUV-02 1 and COMM-01 3 (GOUV-03 and COMM-02 left blank), accepted
 * E001 (GOUV-01) and asked to complete E002 (COMM-01). Worked by hand:
 * GOUV: 100 × (2·⅓ + 1·0)/3 = 22.2, gap 80 − 22.2 = 57.8; both 2, within 1 of 2 (|3−2| = 1, |4−1| = 3), mean 2; reviewed 1 of 3.
 * COMM: 100 × ⅔ = 66.7, gap 75 − 66.7 = 8.3; both 1, within 100 %, mean 0; reviewed 0 of 2.
 * Overall: (2·22.2 + 66.7)/3 = 37, gap 75 − 37 = 38; both 3, within 67 %, mean 1.33; reviewed 1 of 5.
 */
function evaluatorHost(lang: "fr" | "en", evaluator: Record<string, number> = { "GOUV-01": 2, "GOUV-02": 1, "COMM-01": 3 }): MemoryHost {
  const host = respondentsHost({ lang, cells: CELLS });
  const wb = host.workbook;
  if (!wb) throw new Error("no workbook");
  for (const row of wb.grid) {
    // The grid has the evaluator's column, as a generated workbook has (the memory plan leaves it out).
    row.evaluatorRatingCell = { sheet: wb.gridSheet, address: `R${row.row}C97` };
    const e = evaluator[row.criterion];
    if (e !== undefined) row.evaluatorRating = e;
  }
  wb.evidence = [
    evidenceRow("E001", "GOUV-01", wb.acceptedStatus, reviewStatusLabel("accepted", lang), 5),
    evidenceRow("E002", "COMM-01", wb.acceptedStatus, reviewStatusLabel("toComplete", lang), 6),
  ];
  host.workbook = withAssessment(wb);
  return host;
}

const dimensionItem = (id: string): HTMLElement => {
  const item = document.querySelector<HTMLElement>(`li[data-dimension="${id}"]`);
  if (!item) throw new Error(`no dimension ${id}`);
  return item;
};

describe.each(LANG_CASES)("Dashboard screen with an evaluator ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;
  const line = (score: number, gap: number) => spaced(t("dashboard.evaluator.line", { score: i18n.number(score), gap: i18n.number(gap) }));
  const agreement = (share: number, both: number, mean: number) =>
    spaced(i18n.plural("dashboard.evaluator.agreement", both, { share: i18n.percent(share), mean: i18n.number(mean, 2) }));
  const reviewed = (share: number) => spaced(t("dashboard.evaluator.reviewed", { coverage: i18n.percent(share) }));

  it("shows the evaluator's score, gap, agreement and reviewed coverage per dimension and overall, and the criteria that differ", async () => {
    const { user } = renderPane(evaluatorHost(lang));
    await user.click(screen.getByRole("tab", { name: t("tab.dashboard") }));
    await waitFor(() => dimensionItem("GOUV"));

    const overall = within(screen.getByRole("list", { name: t("dashboard.evaluator.group", { label: t("dashboard.overall") }) }));
    expect(overall.getByText(line(37, 38))).toBeTruthy();
    expect(overall.getByText(agreement(2 / 3, 3, 4 / 3))).toBeTruthy();
    expect(overall.getByText(reviewed(0.2))).toBeTruthy();

    const gouv = within(dimensionItem("GOUV"));
    expect(gouv.getByText(line(200 / 9, 80 - 200 / 9))).toBeTruthy();
    expect(gouv.getByText(agreement(0.5, 2, 2))).toBeTruthy();
    expect(gouv.getByText(reviewed(1 / 3))).toBeTruthy();
    const comm = within(dimensionItem("COMM"));
    expect(comm.getByText(line(200 / 3, 75 - 200 / 3))).toBeTruthy();
    expect(comm.getByText(agreement(1, 1, 0))).toBeTruthy();
    expect(comm.getByText(reviewed(0))).toBeTruthy();

    // Only GOUV-02 (4 against 1) is beyond the default tolerance of 1; GOUV-01 (3 against 2) is within.
    const heading = screen.getByRole("heading", { level: 3, name: t("dashboard.evaluator.differences", { tolerance: "1" }) });
    const section = heading.closest("section");
    if (!section) throw new Error("no section");
    const items = within(section).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-criterion"))).toEqual(["GOUV-02"]);
    expect(items[0]?.textContent).toBe(t("dashboard.evaluator.difference", { id: "GOUV-02", consolidated: "4", evaluator: "1", diff: "3" }));

    // The new lists and headings pass axe-core's structural rules (colours are checked in Chromium).
    const found = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
    expect(found.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });

  it("says no criterion differs when all are within the tolerance, and the agreement is none where nothing is rated by both", async () => {
    const { user } = renderPane(evaluatorHost(lang, { "GOUV-01": 3, "GOUV-02": 4 }));
    await user.click(screen.getByRole("tab", { name: t("tab.dashboard") }));
    expect(await screen.findByText(spaced(t("dashboard.evaluator.differencesNone", { tolerance: "1" })))).toBeTruthy();
    const comm = within(dimensionItem("COMM"));
    expect(comm.getByText(spaced(t("dashboard.evaluator.line", { score: t("dashboard.notScored"), gap: t("app.noValue") })))).toBeTruthy();
    expect(comm.getByText(spaced(t("dashboard.evaluator.agreementNone")))).toBeTruthy();
  });

  it("takes the workbook's agreement tolerance", async () => {
    const host = evaluatorHost(lang);
    const wb = host.workbook;
    if (!wb) throw new Error("no workbook");
    wb.settings = { ...DEFAULT_WORKBOOK_SETTINGS, agreementTolerance: 3 };
    host.workbook = withAssessment(wb);
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.dashboard") }));
    expect(await screen.findByText(spaced(t("dashboard.evaluator.differencesNone", { tolerance: "3" })))).toBeTruthy();
    // Every difference is now within: 3 of 3 overall.
    const overall = within(screen.getByRole("list", { name: t("dashboard.evaluator.group", { label: t("dashboard.overall") }) }));
    expect(overall.getByText(agreement(1, 3, 4 / 3))).toBeTruthy();
  });

  it("shows nothing of the evaluator until they rated something", async () => {
    const { user } = renderPane(evaluatorHost(lang, {}));
    await user.click(screen.getByRole("tab", { name: t("tab.dashboard") }));
    await waitFor(() => dimensionItem("GOUV"));
    expect(document.querySelector("[data-evaluator-figures]")).toBeNull();
    expect(document.querySelector("[data-differences]")).toBeNull();
  });
});
