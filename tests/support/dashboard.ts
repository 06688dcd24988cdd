import type ExcelJS from "exceljs";
import { expect } from "vitest";
import { computedValue } from "./libreoffice.js";

/** What the assertions below read of `score --json`. */
export interface ScoredJson {
  overall: { score: number | null; completion: number };
  dimensions: { id: string; score: number | null; completion: number }[];
}

/**
 * Asserts that a recalculated French workbook's dashboard (QG_Scores from row 16, the overall
 * score in B5) shows the scores `score --json` printed, within 1e-9.
 */
export function expectDashboardShows(recalculated: ExcelJS.Workbook, scored: ScoredJson): void {
  const ws = recalculated.getWorksheet("Tableau de bord") as ExcelJS.Worksheet;
  // The scores table's header row, found rather than assumed.
  let header = 0;
  for (let r = 1; r <= ws.rowCount && header === 0; r++) if (ws.getCell(r, 1).value === "Dimension" && ws.getCell(r, 4).value === "Score") header = r;
  expect(header).toBeGreaterThan(0);
  for (const [i, d] of scored.dimensions.entries()) {
    const row = header + 1 + i;
    expect(computedValue(ws.getCell(row, 1))).toBe(d.id);
    const score = computedValue(ws.getCell(row, 4));
    if (d.score === null) expect(score).toBe("");
    else expect(score as number).toBeCloseTo(d.score, 9);
    expect(computedValue(ws.getCell(row, 7)) as number).toBeCloseTo(d.completion, 9);
  }
  expect(computedValue(ws.getCell("B5")) as number).toBeCloseTo(scored.overall.score ?? Number.NaN, 9);
}
