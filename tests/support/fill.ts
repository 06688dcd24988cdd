/**
 * Seeded filling of generated workbooks, shared by the LibreOffice parity tests: the grid's ratings
 * (each respondent's, the agreed one, the evaluator's rating and comment) and the rows of a register
 * (evidence, actions), typed into the rendered workbook as people would. Every value is drawn from
 * the test's own seeded generator, in a fixed order, so a seed always fills the same cells.
 */
import type ExcelJS from "exceljs";
import { isTextCriterion, scaleOfCriterion } from "../../addin/model/criterion.scale.js";
import type { Criterion, Template } from "../../addin/model/template.types.js";
import { respondentKey } from "../../addin/plan/grid.respondents.js";
import type { SheetKey, TablePlan, WorkbookPlan } from "../../addin/plan/plan.types.js";
import { columnOf, planTable } from "./parity.js";
import { pick } from "./random.js";

/** What a rating cell may be given: a level, a word (N/A or another), a number off the scale, or nothing. */
export type RatingCell = string | number | null;

/**
 * The odds of {@link seededRating}, as thresholds on one roll in [0, 1): below `level` one of the
 * criterion's levels, below `na` N/A, below `blank` (1 when absent) a blank cell, else a value off
 * the scale.
 */
export interface RatingOdds {
  level: number;
  na: number;
  /** The words N/A is typed as, one drawn each time; when absent, the language's own N/A token (no draw). */
  naWords?: readonly string[];
  blank?: number;
  /** The values off the scale drawn above `blank`. */
  offScale?: readonly (string | number)[];
}

/**
 * A seeded rating as people type it, for a criterion of levels `own`: one roll, then the outcome
 * `odds` gives it (a level or a word drawn with a second roll). A text question gets N/A (`token`)
 * on 30 % of rolls, else nothing.
 */
export function seededRating(rand: () => number, token: string, odds: RatingOdds): (own: number[], text: boolean) => RatingCell {
  return (own, text) => {
    const roll = rand();
    if (text) return roll < 0.3 ? token : null;
    if (roll < odds.level) return pick(rand, own);
    if (roll < odds.na) return odds.naWords ? pick(rand, odds.naWords) : token;
    if (roll < (odds.blank ?? 1)) return null;
    return pick(rand, odds.offScale ?? []);
  };
}

/** How {@link fillGrid} fills a grid's rows. */
export interface GridFilling {
  /** The test's seeded generator, which `rating` and `evaluatorComment` draw from too. */
  rand: () => number;
  /** How many respondents the grid has: 2 or more, a rating column each; 1, the grid's single « rating » column. */
  respondents: number;
  /** A rating cell for a criterion of levels `own` (a text question when `text`); used for each respondent, then the evaluator. */
  rating: (own: number[], text: boolean) => RatingCell;
  /**
   * With several respondents, the chance that a criterion gets an agreed rating (one of its levels).
   * When absent, no agreed rating is written and nothing is drawn for it.
   */
  agreed?: number;
  /** The evaluator's comment on a criterion, asked after the evaluator's rating; when absent, none is written. */
  evaluatorComment?: (criterion: Criterion) => string | null;
}

/**
 * Fills the grid of a rendered workbook, criterion by criterion in template order: each respondent's
 * rating, then the agreed rating (see {@link GridFilling.agreed}), the evaluator's rating and the
 * evaluator's comment. The draws come in that order, so the same seed fills the same cells.
 */
export function fillGrid(wb: ExcelJS.Workbook, plan: WorkbookPlan, template: Template, filling: GridFilling): void {
  const { sheet, table: grid } = planTable(plan, "grid");
  const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  const { rand, respondents, rating, agreed, evaluatorComment } = filling;
  template.dimensions
    .flatMap((d) => d.criteria)
    .forEach((crit, i) => {
      const row = grid.top + 1 + i;
      const text = isTextCriterion(crit);
      const own = scaleOfCriterion(template, crit).levels.map((l) => l.value);
      for (let k = 1; k <= respondents; k++) ws.getCell(row, columnOf(grid, respondents >= 2 ? respondentKey("rating", k) : "rating")).value = rating(own, text);
      if (agreed !== undefined && respondents >= 2 && rand() < agreed) ws.getCell(row, columnOf(grid, "agreed")).value = pick(rand, own);
      ws.getCell(row, columnOf(grid, "evaluatorRating")).value = rating(own, text);
      if (evaluatorComment) ws.getCell(row, columnOf(grid, "evaluatorComment")).value = evaluatorComment(crit);
    });
}

/** One data row of a planned table, as {@link fillRows} hands it over. */
export interface RowToFill {
  /** The row's index among the table's data rows (0 for the first). */
  k: number;
  /** Its sheet row (1-based, as ExcelJS counts). */
  r: number;
  /** Writes `value` in the row's column `key`. */
  set: (key: string, value: ExcelJS.CellValue) => void;
}

/**
 * Fills the table of the sheet `key` (its first) in a rendered workbook row by row: `fillRow` is
 * called on each data row in order, with the table, and returns at once on the rows it leaves
 * alone (drawing nothing, so a seed still fills the same cells).
 */
export function fillRows(wb: ExcelJS.Workbook, plan: WorkbookPlan, key: SheetKey, fillRow: (row: RowToFill, table: TablePlan) => void): void {
  const { sheet, table } = planTable(plan, key);
  const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  table.rows.forEach((_, k) => {
    const r = table.top + 1 + k;
    fillRow({ k, r, set: (column, value) => void (ws.getCell(r, columnOf(table, column)).value = value) }, table);
  });
}
