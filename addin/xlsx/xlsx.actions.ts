import type ExcelJS from "exceljs";
import { placeActions } from "../actions/actions.rows.js";
import type { NewAction } from "../actions/actions.types.js";
import { cellAddress, parseRangeAddress } from "../model/cell.address.js";
import { TABLES } from "../plan/names.js";
import type { PlanValue } from "../plan/plan.types.js";
import { isSheetProtected, sheetTableModels, sheetValidations, type ExcelJsValidations } from "./exceljs.internals.js";
import { toExcelValue } from "./xlsx.render.js";
import { findTables, type FoundTable } from "./xlsx.tables.js";

/** Why actions could not be added: the plan's table is gone, or its sheet is protected. */
export type AppendRefusal = { code: "tableMissing" | "protected"; detail: string };

/**
 * Adds `actions` to the action plan of a loaded workbook, as the task pane adds them in Excel
 * (`placeActions`): the empty rows at the end of the plan are filled first, then the table grows,
 * its new rows taking the last row's style and validation. Rows with anything typed are never
 * touched. Returns how many actions were added, or why none could be.
 */
export function appendActions(wb: ExcelJS.Workbook, actions: readonly NewAction[]): { ok: true; added: number } | ({ ok: false } & AppendRefusal) {
  if (actions.length === 0) return { ok: true, added: 0 };
  const table = findTables(wb).get(TABLES.actions.toLowerCase());
  if (!table) return { ok: false, code: "tableMissing", detail: TABLES.actions };
  if (isSheetProtected(table.sheet)) return { ok: false, code: "protected", detail: table.sheet.name };
  const placed = placeActions(table.headers, tableFormulas(table), actions);
  const write = (rows: PlanValue[][], firstRow: number): void =>
    rows.forEach((row, i) => row.forEach((v, j) => (table.sheet.getCell(firstRow + i, table.left + j).value = toExcelValue(v))));
  write(placed.fill, table.top + 1 + placed.fillFrom);
  write(placed.append, table.bottom + 1);
  if (placed.append.length > 0) growTable(table, placed.append.length);
  return { ok: true, added: actions.length };
}

/** The table's data rows as Office.js `formulas` gives them: `=…` text for formulas, values otherwise. */
function tableFormulas(t: FoundTable): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = t.top + 1; r <= t.bottom; r++) {
    const row: unknown[] = [];
    for (let c = t.left; c <= t.right; c++) {
      const cell = t.sheet.getCell(r, c);
      const v = cell.value;
      if (typeof v === "object" && v !== null && !(v instanceof Date) && ("formula" in v || "sharedFormula" in v)) row.push(`=${cell.formula}`);
      else if (typeof v === "object" && v !== null && "richText" in v) row.push(v.richText.map((x) => x.text).join(""));
      else row.push(v instanceof Date ? v : (v ?? ""));
    }
    rows.push(row);
  }
  return rows;
}

/**
 * Makes the table `added` rows longer, over the rows just written below it: the new rows take
 * the style and the validation of the table's last row, as Excel gives a row added to a table.
 */
function growTable(t: FoundTable, added: number): void {
  const ws = t.sheet;
  const last = t.bottom;
  const validations = sheetValidations(ws);
  for (let i = 1; i <= added; i++) {
    const row = last + i;
    for (let c = t.left; c <= t.right; c++) {
      const cell = ws.getCell(row, c);
      cell.style = { ...ws.getCell(last, c).style };
      const rule = validationAt(validations.model, last, c);
      if (rule) validations.add(cell.address, rule);
    }
    const height = ws.getRow(last).height;
    if (height) ws.getRow(row).height = height;
  }
  const model = sheetTableModels(ws).find(([key, m]) => (m.name ?? key).toLowerCase() === t.name.toLowerCase())?.[1];
  if (!model) return;
  const ref = `${cellAddress(t.top, t.left)}:${cellAddress(last + added, t.right)}`;
  model.tableRef = ref;
  model.autoFilterRef = ref;
  if (Array.isArray(model.rows)) {
    for (let i = 1; i <= added; i++) {
      const values: ExcelJS.CellValue[] = [];
      for (let c = t.left; c <= t.right; c++) values.push(ws.getCell(last + i, c).value);
      model.rows.push(values);
    }
  }
}

/**
 * The validation of a cell: exceljs keys a loaded file's validations by cell, and those added by
 * the renderer by the range they were given.
 */
function validationAt(model: ExcelJsValidations["model"], row: number, col: number): ExcelJS.DataValidation | undefined {
  const own = model[cellAddress(row, col)];
  if (own) return own;
  for (const [key, rule] of Object.entries(model)) {
    if (!rule || !key.includes(":")) continue;
    const r = parseRangeAddress(key.replace(/\$/g, ""));
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return rule;
  }
  return undefined;
}
