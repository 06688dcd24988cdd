import type ExcelJS from "exceljs";
import type { AnswerLine } from "../model/answers.parse.js";
import type { AssessmentWorkbook, GridRowRead, RespondentCellsRead } from "../workbook/workbook.types.js";
import { isTextCriterion } from "../model/criterion.scale.js";
import { naDisplayToken } from "../model/scale.js";
import { clearToConfirm, toConfirmColumn } from "./xlsx.round.js";

/** One criterion's answer to write: its rating, and its comment (null: the comment is left as it is). */
export type AnswerEntry = Pick<AnswerLine, "criterion" | "rating" | "comment"> & Partial<Pick<AnswerLine, "text">>;

/** What `fillAnswers` did: the rows it filled, and how many cells now hold a value they did not. */
export interface FillResult {
  filled: number;
  cellsChanged: number;
}

/**
 * Writes ratings and comments into the grid of a loaded workbook: a level as a number, N/A as
 * the workbook language's token, a text question's words as text, blank as an empty cell. Comments are always written as text.
 * Criteria not in the grid are skipped. A cell that already holds the value is left alone. Returns
 * how many rows were filled.
 */
export function fillAnswers(wb: ExcelJS.Workbook, assessment: AssessmentWorkbook, lines: readonly AnswerEntry[]): number {
  return fillAnswersCounted(wb, assessment, lines).filled;
}

/** `fillAnswers`, telling also how many cells it changed (none: the workbook is as it was read). */
export function fillAnswersCounted(wb: ExcelJS.Workbook, assessment: AssessmentWorkbook, lines: readonly AnswerEntry[]): FillResult {
  return fillCells(wb, assessment, lines, (row) => row);
}

/** A respondent's cells on a grid row, as `fillCells` writes them. */
export type AnswerCells = Pick<RespondentCellsRead, "ratingCell" | "commentCell" | "answerCell">;

/**
 * Writes `lines` into the cells `cellsOf` picks on each criterion's row (one respondent's); with
 * `replace`, the rows no line names are blanked (rating, comment and words).
 */
export function fillCells(
  wb: ExcelJS.Workbook,
  assessment: AssessmentWorkbook,
  lines: readonly AnswerEntry[],
  cellsOf: (row: GridRowRead) => AnswerCells | undefined,
  replace = false,
): FillResult {
  const ws = wb.getWorksheet(assessment.gridSheet);
  if (!ws) throw new Error(`sheet ${assessment.gridSheet} vanished between reading and filling`);
  const rows = new Map(assessment.grid.map((r) => [r.criterion.toLowerCase(), r]));
  const questions = new Set(assessment.template.dimensions.flatMap((d) => d.criteria.filter(isTextCriterion).map((c) => c.id.toLowerCase())));
  let filled = 0;
  let cellsChanged = 0;
  const put = (cell: ExcelJS.Cell, value: string | number | null): void => {
    if (sameValue(cell.value, value)) return;
    cell.value = value;
    cellsChanged++;
  };
  const named = new Set<string>();
  // « À confirmer » (a round closed with its ratings kept): a respondent who rates the criterion confirms it.
  const confirmCol = (assessment.history?.length ?? 0) > 0 ? toConfirmColumn(wb) : null;
  for (const line of lines) {
    const row = rows.get(line.criterion.toLowerCase());
    const cells = row && cellsOf(row);
    if (!cells) continue;
    named.add(line.criterion.toLowerCase());
    const r = line.rating;
    // A text question's words go in the « Réponse » column (the rating cell of a grid without one), as text: "=…" never becomes a formula.
    const words = line.text === undefined || line.text === null || line.text === "" ? null : line.text;
    const answerCell = cells.answerCell ?? null;
    const ratingValue = r.kind === "level" ? r.value : r.kind === "na" ? naDisplayToken(assessment.lang) : answerCell ? null : words;
    put(ws.getCell(cells.ratingCell.address), ratingValue);
    if (confirmCol !== null && (r.kind === "level" || r.kind === "na")) {
      const k = row.respondents.findIndex((c) => c.ratingCell.address === cells.ratingCell.address);
      if (clearToConfirm(ws.getCell(row.row, confirmCol), assessment.respondents[k]?.name ?? "")) cellsChanged++;
    }
    // Only a question's « Réponse » cell is written (N/A clears its words); a rating row's is left as it is.
    if (answerCell && line.text !== undefined && questions.has(line.criterion.toLowerCase())) put(ws.getCell(answerCell.address), r.kind === "na" ? null : words);
    if (line.comment !== null && cells.commentCell) {
      // A plain string cell is text in the file: "=…" typed in a comment never becomes a formula.
      put(ws.getCell(cells.commentCell.address), line.comment === "" ? null : line.comment);
    }
    filled++;
  }
  if (replace) {
    for (const row of assessment.grid) {
      const cells = named.has(row.criterion.toLowerCase()) ? undefined : cellsOf(row);
      if (!cells) continue;
      for (const c of [cells.ratingCell, cells.commentCell, cells.answerCell]) if (c) put(ws.getCell(c.address), null);
    }
  }
  return { filled, cellsChanged };
}

/** Whether a cell already holds `value`: the same number or text, or empty for an empty one. */
function sameValue(held: ExcelJS.CellValue, value: string | number | null): boolean {
  if (value === null) return held === null || held === undefined || held === "";
  return held === value;
}
