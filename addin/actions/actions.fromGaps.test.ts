import { describe, expect, it } from "vitest";
import type { ActionRowRead } from "../workbook/workbook.types.js";
import { withAssessment } from "../workbook/workbook.assessment.js";
import { fixtureWorkbook } from "../../taskpane/test/fixtures.js";
import { actionsFromGaps } from "./actions.fromGaps.js";

function action(criterion: string, row: number): ActionRowRead {
  return { id: `A-${row}`, criterion, action: "Faire", owner: "", due: null, status: "", row, rowRef: { sheet: "Plan d'action", address: `A${row}` }, criterionCell: null, ownerCell: null, dueCell: null };
}

/** Ratings: GOUV-01 1 (gap 2 × weight 2 = 4), GOUV-02 2 (1), GOUV-03 3 (target 4: 1), COMM-01 4 (−1), COMM-02 1 (2). */
function workbook(actions: ActionRowRead[] = []) {
  const wb = fixtureWorkbook("fr");
  const ratings: Record<string, number> = { "GOUV-01": 1, "GOUV-02": 2, "GOUV-03": 3, "COMM-01": 4, "COMM-02": 1 };
  for (const r of wb.grid) r.rating = ratings[r.criterion] ?? null;
  wb.actions = actions;
  return withAssessment(wb);
}

describe("actionsFromGaps", () => {
  it("takes criteria with a positive gap, highest priority first, ties in template order", () => {
    expect(actionsFromGaps(workbook())).toEqual([
      { criterion: "GOUV-01", dimension: "GOUV", gap: 2, priority: 4 },
      { criterion: "COMM-02", dimension: "COMM", gap: 2, priority: 2 },
      { criterion: "GOUV-02", dimension: "GOUV", gap: 1, priority: 1 },
      { criterion: "GOUV-03", dimension: "GOUV", gap: 1, priority: 1 },
    ]);
  });

  it("leaves out criteria an action row already names (case-insensitively)", () => {
    expect(actionsFromGaps(workbook([action("gouv-01", 5), action(" COMM-02 ", 6)])).map((c) => c.criterion)).toEqual(["GOUV-02", "GOUV-03"]);
  });

  it("ignores unrated, N/A and at-target criteria", () => {
    const wb = workbook();
    for (const r of wb.grid) r.rating = r.criterion === "GOUV-01" ? "SO" : r.criterion === "GOUV-02" ? 3 : null;
    expect(actionsFromGaps(withAssessment(wb))).toEqual([]);
  });
});
