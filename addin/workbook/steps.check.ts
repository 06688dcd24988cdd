import { textOf } from "../model/text.js";
import type { Lang } from "../model/template.types.js";
import { stepsStanding } from "../scoring/steps.status.js";
import type { AssessmentWorkbook, CellRef } from "./workbook.types.js";

/**
 * The process steps overdue on `today` (planned before it, not completed), each with the cell to
 * point at — its planned date in `QG_Steps`, else its row, else the grid — and the values of
 * `check`'s message (`check.stepOverdue`).
 */
export function overdueSteps(wb: AssessmentWorkbook, lang: Lang, today: Date): { where: CellRef; params: Record<string, string> }[] {
  const standing = stepsStanding(wb.assessment, today);
  if (!standing) return [];
  const rows = new Map((wb.steps ?? []).map((r) => [r.id.toLowerCase(), r]));
  return standing.overdue.map((s) => {
    const row = rows.get(s.id.toLowerCase());
    const where = row?.plannedCell ?? row?.rowRef ?? { sheet: wb.gridSheet, address: "A1" };
    return { where, params: { id: s.id, title: textOf(s.title, lang), date: s.planned ? s.planned.toISOString().slice(0, 10) : "" } };
  });
}
