import type ExcelJS from "exceljs";
import type { UpgradeReviewItem } from "../host/host.outcomes.js";
import { criteriaById } from "../model/answer.cell.js";
import type { Template } from "../model/template.types.js";
import { HEADERS, RESPONDENT_HEADERS } from "../plan/labels.js";
import type { TablePlan } from "../plan/plan.types.js";
import type { AssessmentWorkbook, GridRowRead } from "../workbook/workbook.types.js";
import { plainValue } from "./xlsx.cells.js";
import type { FoundTable } from "./xlsx.tables.js";
import { baseKey, carryAnswers, type AnswerSource, type PlainCell } from "./xlsx.upgrade.answers.js";
import { isFormulaValue, type Put } from "./xlsx.upgrade.formulas.js";

/**
 * The old grid rows each new criterion takes its answers from, by the new criterion's lower-cased
 * id: the row of its own id, and those of the ids it `replaces`, in the old grid's order (the old
 * template's). A criterion no row answers is absent.
 */
export function answerSources(a: Pick<AssessmentWorkbook, "grid">, next: Pick<Template, "dimensions">): Map<string, GridRowRead[]> {
  const rowOf = new Map<string, GridRowRead>();
  for (const r of a.grid) if (!rowOf.has(r.criterion.toLowerCase())) rowOf.set(r.criterion.toLowerCase(), r);
  const out = new Map<string, GridRowRead[]>();
  for (const d of next.dimensions) {
    for (const c of d.criteria) {
      const rows = [c.id, ...(c.replaces ?? [])].flatMap((id) => rowOf.get(id.toLowerCase()) ?? []);
      if (rows.length > 0) out.set(c.id.toLowerCase(), [...new Set(rows)].sort((x, y) => x.row - y.row));
    }
  }
  return out;
}

/** What `carryGridAnswers` works on: both grids, the new grid's plan, both templates. */
export interface GridCarry {
  a: AssessmentWorkbook;
  next: Template;
  oldGrid: FoundTable;
  newGrid: FoundTable;
  gridPlan: TablePlan;
  sources: Map<string, GridRowRead[]>;
  /** Columns the user added to the old grid (carried from each criterion's first row by the caller). */
  extra: readonly { col: number; header: string }[];
  put: Put;
  /**
   * The old headers a new input column takes its answers from, by the new column's key, when they
   * are not its own header: a respondent's columns as they were named (« Cotation » of a grid whose
   * single respondent now has a name, « Cotation — A » of a grid that had several).
   */
  oldHeaders?: ReadonlyMap<string, readonly string[]>;
}

/** Where a new column's answers are in the old table (its index among `headers`), by `oldHeaders` or its own header; -1 when nowhere. */
export function oldColumnIndex(headers: readonly string[], col: { key: string; header: string }, oldHeaders?: ReadonlyMap<string, readonly string[]>): number {
  const wanted = oldHeaders?.get(col.key) ?? [col.header];
  for (const w of wanted) {
    const i = headers.findIndex((h) => h.toLowerCase() === w.trim().toLowerCase());
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Writes the new grid's input cells from the old rows each criterion takes over (`carryAnswers`
 * decides what goes where), and returns the old answers left for review: those `carryAnswers`
 * could not place, and what a merged criterion's other rows hold in the columns the user added
 * (the caller carries the first row's).
 */
export function carryGridAnswers(g: GridCarry): UpgradeReviewItem[] {
  const { oldGrid, newGrid, gridPlan } = g;
  const columns = gridPlan.columns.flatMap((col, j) => {
    if (!col.input) return [];
    const i = oldColumnIndex(oldGrid.headers, col, g.oldHeaders);
    return i < 0 ? [] : [{ key: col.key, header: oldGrid.headers[i] ?? col.header, from: oldGrid.left + i, to: newGrid.left + j }];
  });
  const ctx = { old: g.a.template, next: g.next, lang: g.a.lang, columns };
  // The old grid's « Réponse » columns (« Réponse — NAME » with several respondents), when the new grid has none (no question in words any more).
  const word = HEADERS.grid.answer[g.a.lang].toLowerCase();
  const answers = gridPlan.columns.some((c) => baseKey(c.key) === "answer")
    ? []
    : oldGrid.headers.flatMap((h, i) => (h.toLowerCase() === word || h.toLowerCase().startsWith(`${RESPONDENT_HEADERS.answer[g.a.lang].toLowerCase()} — `) ? [i] : []));
  const oldCriteria = criteriaById(g.a.template);
  const newCriteria = criteriaById(g.next);
  const critCol = gridPlan.columns.findIndex((c) => c.key === "criterion");
  const review: UpgradeReviewItem[] = [];
  gridPlan.rows.forEach((planRow, i) => {
    const id = String(planRow[critCol] ?? "").toLowerCase();
    const rows = g.sources.get(id);
    const target = newCriteria.get(id);
    if (!rows || !target) return;
    const sources: AnswerSource[] = rows.map((r) => {
      const values: Record<string, PlainCell> = {};
      const formulas: Record<string, string> = {};
      for (const col of columns) {
        const cell = oldGrid.sheet.getCell(r.row, col.from);
        values[col.key] = plainCell(cell);
        if (isFormulaValue(cell.value)) formulas[col.key] = cell.formula;
      }
      return { id: r.criterion, criterion: oldCriteria.get(r.criterion.toLowerCase()), values, formulas };
    });
    const carried = carryAnswers(ctx, target, sources);
    const to = newGrid.top + 1 + i;
    for (const col of columns) {
      const how = carried.cells[col.key];
      const cell = newGrid.sheet.getCell(to, col.to);
      if (how && "copy" in how) {
        const from = rows[how.copy];
        if (from) g.put(oldGrid.sheet.getCell(from.row, col.from), cell, oldGrid.name);
      } else if (how) cell.value = how.value;
    }
    review.push(...carried.review);
    for (const i of answers) {
      for (const r of rows) {
        const v = plainCell(oldGrid.sheet.getCell(r.row, oldGrid.left + i));
        if (v !== null && v !== "") review.push({ criterion: target.id, from: r.criterion, column: oldGrid.headers[i] ?? "", value: v, label: "", reason: "notAQuestion" });
      }
    }
    // A merged criterion's other rows: what they hold in the user's own columns, where it differs from the first's.
    const [first, ...others] = rows;
    if (!first) return;
    for (const e of g.extra) {
      const kept = plainCell(oldGrid.sheet.getCell(first.row, e.col));
      for (const r of others) {
        const v = plainCell(oldGrid.sheet.getCell(r.row, e.col));
        if (v !== null && v !== "" && v !== kept) review.push({ criterion: target.id, from: r.criterion, column: e.header, value: v, label: "", reason: "merged" });
      }
    }
  });
  return review;
}

/**
 * A cell as `carryAnswers` reads it: its plain value (a formula's last result, a date as
 * YYYY-MM-DD); a formula without a cached result is its text, so that it is not taken for blank.
 */
function plainCell(cell: ExcelJS.Cell): PlainCell {
  const v = plainValue(cell);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v === null && isFormulaValue(cell.value)) return `=${cell.formula}`;
  return v;
}
