import type ExcelJS from "exceljs";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { findTables } from "../../addin/xlsx/xlsx.tables.js";
import { loadWorkbook, saveWorkbook } from "../../addin/xlsx/xlsx.io.js";
import { renderPlanToBuffer } from "../../addin/xlsx/xlsx.render.js";

/** A generated workbook of `template` as .xlsx bytes, after `edit` (a user's changes) when given. */
export async function workbookBytes(template: Template, lang: Lang, edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const bytes = await renderPlanToBuffer(buildPlan(template, { lang }));
  if (!edit) return bytes;
  const wb = await loaded(bytes);
  edit(wb);
  return saveWorkbook(wb);
}

/** Bytes loaded with the project's reader; throws on a refusal (a test's own files are readable). */
export async function loaded(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const r = await loadWorkbook(bytes, "test.xlsx");
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
  return r.value;
}

/** The cell of `header`'s column on the grid row of criterion `id`. */
export function gridCellOf(wb: ExcelJS.Workbook, criterionHeader: string, id: string, header: string): ExcelJS.Cell {
  const grid = findTables(wb).get("qg_grid");
  if (!grid) throw new Error("no grid");
  const headers = grid.headers;
  const critCol = grid.left + headers.indexOf(criterionHeader);
  for (let r = grid.top + 1; r <= grid.bottom; r++) {
    if (String(grid.sheet.getCell(r, critCol).value) === id) return grid.sheet.getCell(r, grid.left + headers.indexOf(header));
  }
  throw new Error(`no row ${id}`);
}

/** The first formula cell of the grid's first row: a cell a user might type over. */
export function firstGridFormula(wb: ExcelJS.Workbook): ExcelJS.Cell {
  const grid = findTables(wb).get("qg_grid");
  if (!grid) throw new Error("no grid");
  for (let c = grid.left; c <= grid.right; c++) {
    const cell = grid.sheet.getCell(grid.top + 1, c);
    if (cell.formula) return cell;
  }
  throw new Error("no formula in the grid");
}
