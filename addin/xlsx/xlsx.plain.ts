import type ExcelJS from "exceljs";
import type { PlainValue } from "../model/table.plain.js";
import type { PlainSheet, PlainWorkbook } from "../model/template.workbook.js";
import { plainValue } from "./xlsx.cells.js";
import { plainTables } from "./xlsx.tables.js";

/** Rows × columns read per sheet at most when a workbook is reduced to plain cells. */
const PLAIN_SHEET_LIMITS = { rows: 5000, columns: 60 } as const;

/**
 * A workbook loaded by exceljs as plain data for `templateFromWorkbook`: its tables and, for each
 * sheet, its cell values. A merged range keeps its value in its top-left cell only, so a merged
 * title or section row reads as one cell.
 */
export function plainWorkbook(wb: ExcelJS.Workbook): PlainWorkbook {
  const tables = plainTables(wb);
  const sheets: PlainSheet[] = wb.worksheets.map((ws) => {
    const rows: PlainValue[][] = [];
    const bottom = Math.min(ws.rowCount, PLAIN_SHEET_LIMITS.rows);
    const right = Math.min(ws.columnCount, PLAIN_SHEET_LIMITS.columns);
    for (let r = 1; r <= bottom; r++) {
      const row: PlainValue[] = [];
      for (let c = 1; c <= right; c++) {
        const cell = ws.getCell(r, c);
        row.push(cell.isMerged && cell.master !== cell ? null : plainValue(cell));
      }
      rows.push(row);
    }
    return { name: ws.name, rows };
  });
  return { tables, sheets };
}
