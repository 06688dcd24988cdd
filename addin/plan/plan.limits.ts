import { cellAddress } from "../model/cell.address.js";
import { EXCEL_LIMITS, READ_LIMITS } from "../model/excel.limits.js";
import { issueOf } from "../model/messages/message.catalog.js";
import "../model/messages/messages.limits.js";
import type { InputIssue } from "../model/template.types.js";
import type { PlanValue, WorkbookPlan } from "./plan.types.js";

/** Characters Excel refuses in a sheet name. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

/** A table or defined name's form: a letter or `_` first, then letters, digits, `_` and `.`. */
const NAME_FORM = /^[\p{L}_][\p{L}\p{N}_.]*$/u;

/** Whether `name` reads as a cell reference (A1 style up to XFD1048576, or R1C1 style), which Excel refuses as a name. */
function looksLikeReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1) {
    const col = [...(a1[1] as string).toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(a1[2]);
    if (col <= EXCEL_LIMITS.columns && row >= 1 && row <= EXCEL_LIMITS.rows) return true;
  }
  return /^[Rr]\d*([Cc]\d*)?$|^[Cc]\d*$/.test(name);
}

/** Whether Excel accepts `name` as a table or defined name. */
export function isExcelName(name: string): boolean {
  return name.length <= EXCEL_LIMITS.name && NAME_FORM.test(name) && !looksLikeReference(name);
}

/** Whether Excel accepts `name` as a sheet name. */
export function isExcelSheetName(name: string): boolean {
  return (
    name.trim() !== "" &&
    name.length <= EXCEL_LIMITS.sheetName &&
    !SHEET_NAME_FORBIDDEN.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'")
  );
}

/**
 * What in `plan` is over Excel's documented limits, each issue naming the cell (`Grille!B5`), the
 * sheet or the name: a text over 32,767 characters, a formula over 8,192, a sheet name Excel refuses
 * (over 31 characters, empty, `[]:*?/\`, an apostrophe at either end), a table or defined name Excel
 * refuses, a cell beyond row 1,048,576 or column 16,384 (XFD). Empty: the plan can be written. Run
 * before rendering, so Qualigrid never writes a file Excel would repair or it would refuse to read.
 */
export function planLimits(plan: WorkbookPlan): InputIssue[] {
  const out: InputIssue[] = [];
  const badName = (name: string, path: string): void => {
    if (!isExcelName(name)) out.push(issueOf("limits.plan.name", { name: name.slice(0, 300), limit: EXCEL_LIMITS.name }, path));
  };
  for (const sheet of plan.sheets) {
    if (!isExcelSheetName(sheet.name)) {
      out.push(issueOf("limits.plan.sheetName", { name: sheet.name.slice(0, 300), limit: EXCEL_LIMITS.sheetName }, sheet.name.slice(0, 300)));
    }
    const at = (row: number, col: number): string => `${sheet.name}!${cellAddress(row, col)}`;
    const checkCell = (row: number, col: number, value: PlanValue): void => {
      if (row > EXCEL_LIMITS.rows) return void out.push(issueOf("limits.plan.rows", { row, limit: EXCEL_LIMITS.rows }, at(row, col)));
      if (col > EXCEL_LIMITS.columns) return void out.push(issueOf("limits.plan.columns", { column: col, limit: EXCEL_LIMITS.columns }, at(row, col)));
      if (typeof value === "string" && value.length > EXCEL_LIMITS.cellText) {
        out.push(issueOf("limits.plan.cellText", { length: value.length, limit: EXCEL_LIMITS.cellText }, at(row, col)));
      } else if (value !== null && typeof value === "object" && value.formula.replace(/^=/, "").length > EXCEL_LIMITS.formula) {
        out.push(issueOf("limits.plan.formula", { length: value.formula.replace(/^=/, "").length, limit: EXCEL_LIMITS.formula }, at(row, col)));
      }
    };
    for (const cell of sheet.cells) checkCell(cell.row, cell.col, cell.value);
    for (const table of sheet.tables) {
      badName(table.name, `${sheet.name}!${table.name}`);
      const bottom = table.top + table.rows.length;
      const right = table.left + table.columns.length - 1;
      // One issue for the whole table rather than one per cell beyond the edge.
      if (bottom > EXCEL_LIMITS.rows) {
        out.push(issueOf("limits.plan.rows", { row: bottom, limit: EXCEL_LIMITS.rows }, `${sheet.name}!${table.name}`));
        continue;
      }
      if (right > EXCEL_LIMITS.columns) {
        out.push(issueOf("limits.plan.columns", { column: right, limit: EXCEL_LIMITS.columns }, `${sheet.name}!${table.name}`));
        continue;
      }
      table.columns.forEach((c, j) => checkCell(table.top, table.left + j, c.header));
      table.rows.forEach((row, i) => row.forEach((v, j) => checkCell(table.top + 1 + i, table.left + j, v)));
    }
  }
  for (const n of plan.names) badName(n.name, n.name);
  const cells = planCells(plan);
  if (cells > READ_LIMITS.cells) out.push(issueOf("limits.plan.cells", { cells, limit: READ_LIMITS.cells }, plan.template.id));
  return out;
}

/**
 * The cells a reader would count in the workbook a plan makes: its block cells, every table's
 * header and rows, and the cells its validated columns cover again (as `READ_LIMITS` counts them).
 */
function planCells(plan: WorkbookPlan): number {
  let n = 0;
  for (const sheet of plan.sheets) {
    n += sheet.cells.length;
    for (const t of sheet.tables) {
      n += (t.rows.length + 1) * t.columns.length;
      n += t.columns.filter((c) => c.validation).length * t.rows.length;
    }
  }
  return n;
}
