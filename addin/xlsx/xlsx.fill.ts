import type ExcelJS from "exceljs";
import type { AnswerLine } from "../model/answers.parse.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import { naDisplayToken } from "../model/scale.js";

/** One criterion's answer to write: its rating, and its comment (null: the comment is left as it is). */
export type AnswerEntry = Pick<AnswerLine, "criterion" | "rating" | "comment">;

/**
 * Writes ratings and comments into the grid of a loaded workbook: a level as a number, N/A as
 * the workbook language's token, blank as an empty cell. Comments are always written as text.
 * Criteria not in the grid are skipped. Returns how many rows were changed.
 */
export function fillAnswers(wb: ExcelJS.Workbook, assessment: AssessmentWorkbook, lines: readonly AnswerEntry[]): number {
  const ws = wb.getWorksheet(assessment.gridSheet);
  if (!ws) throw new Error(`sheet ${assessment.gridSheet} vanished between reading and filling`);
  const rows = new Map(assessment.grid.map((r) => [r.criterion.toLowerCase(), r]));
  let changed = 0;
  for (const line of lines) {
    const row = rows.get(line.criterion.toLowerCase());
    if (!row) continue;
    const rating = ws.getCell(row.ratingCell.address);
    const r = line.rating;
    rating.value = r.kind === "level" ? r.value : r.kind === "na" ? naDisplayToken(assessment.lang) : null;
    if (line.comment !== null && row.commentCell) {
      // A plain string cell is text in the file: "=…" typed in a comment never becomes a formula.
      ws.getCell(row.commentCell.address).value = line.comment === "" ? null : line.comment;
    }
    changed++;
  }
  return changed;
}
