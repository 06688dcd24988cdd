import type ExcelJS from "exceljs";
import type { PlainTable, PlainValue } from "../model/table.plain.js";
import { sheetTableModels } from "./exceljs.internals.js";
import { plainValue } from "./xlsx.cells.js";
import { parseRangeAddress } from "../model/cell.address.js";
import { findRenamedTables } from "../workbook/workbook.read.js";

/** A table found in a workbook: where it is and its header texts. */
export interface FoundTable {
  name: string;
  sheet: ExcelJS.Worksheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
  headers: string[];
}

/** Every table of a workbook by lower-cased name (Excel table names are case-insensitive). */
export function findTables(wb: ExcelJS.Workbook): Map<string, FoundTable> {
  const out = new Map<string, FoundTable>();
  for (const sheet of wb.worksheets) {
    for (const [key, model] of sheetTableModels(sheet)) {
      const ref = model.tableRef ?? model.ref;
      if (!ref) continue;
      const { top, left, bottom, right } = parseRangeAddress(ref);
      const headers: string[] = [];
      for (let c = left; c <= right; c++) headers.push(String(sheet.getCell(top, c).text ?? "").trim());
      const name = model.name ?? key;
      out.set(name.toLowerCase(), { name, sheet, top, left, bottom, right, headers });
    }
  }
  return out;
}

/** Every table of a workbook as plain data (header texts and cell values), by lower-cased name. */
export function plainTables(wb: ExcelJS.Workbook): Map<string, PlainTable> {
  const tables = new Map<string, PlainTable>();
  for (const [key, t] of findTables(wb)) tables.set(key, plainTableOf(t));
  return tables;
}

/** One table found in a workbook as plain data: its header texts and cell values. */
export function plainTableOf(t: FoundTable): PlainTable {
  const rows: PlainValue[][] = [];
  for (let r = t.top + 1; r <= t.bottom; r++) {
    const row: PlainValue[] = [];
    for (let c = t.left; c <= t.right; c++) row.push(plainValue(t.sheet.getCell(r, c)));
    rows.push(row);
  }
  return { name: t.name, sheet: t.sheet.name, top: t.top, left: t.left, headers: t.headers, rows };
}

/**
 * Every table of a workbook by lower-cased name, with each Qualigrid table the user renamed also
 * under its Qualigrid name (found by its headers, as the reader finds it: `findRenamedTables`).
 */
export function findQualigridTables(wb: ExcelJS.Workbook): Map<string, FoundTable> {
  const found = findTables(wb);
  const { renamed } = findRenamedTables(plainTables(wb));
  for (const r of renamed) {
    const t = found.get(r.name.toLowerCase());
    if (t) found.set(r.table.toLowerCase(), t);
  }
  return found;
}
