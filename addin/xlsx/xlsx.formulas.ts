import type ExcelJS from "exceljs";
import type { CellContent, ContentTable, ContentView, FormulaRepair } from "../workbook/formula.check.js";
import { plainValue } from "./xlsx.cells.js";
import { findTables } from "./xlsx.tables.js";

/** What a cell holds: its formula (shared formulas translated to the cell), or its plain value. */
function contentOf(cell: ExcelJS.Cell): CellContent {
  const v = cell.value;
  if (typeof v === "object" && v !== null && !(v instanceof Date) && ("formula" in v || "sharedFormula" in v)) {
    const formula = cell.formula;
    if (typeof formula === "string" && formula !== "") return { formula };
  }
  return plainValue(cell);
}

/** A workbook loaded by exceljs as the formula check sees it: tables with formulas, and any cell. */
export function contentView(wb: ExcelJS.Workbook): ContentView {
  const tables = new Map<string, ContentTable>();
  for (const [key, t] of findTables(wb)) {
    const rows: CellContent[][] = [];
    for (let r = t.top + 1; r <= t.bottom; r++) {
      const row: CellContent[] = [];
      for (let c = t.left; c <= t.right; c++) row.push(contentOf(t.sheet.getCell(r, c)));
      rows.push(row);
    }
    tables.set(key, { name: t.name, sheet: t.sheet.name, top: t.top, left: t.left, headers: t.headers, rows });
  }
  return {
    tables,
    sheets: new Set(wb.worksheets.map((s) => s.name)),
    cell: (sheet, row, col) => {
      const ws = wb.getWorksheet(sheet);
      return ws ? contentOf(ws.getCell(row, col)) : undefined;
    },
  };
}

/**
 * Rewrites the formula cells a structure check found altered or missing, and nothing else. A
 * shared formula whose master cell is rewritten keeps its own formula, written out in full.
 * Returns how many cells were rewritten.
 */
export function applyFormulaRepairs(wb: ExcelJS.Workbook, repairs: readonly FormulaRepair[]): number {
  const bySheet = new Map<string, FormulaRepair[]>();
  for (const r of repairs) bySheet.set(r.where.sheet, [...(bySheet.get(r.where.sheet) ?? []), r]);
  let done = 0;
  for (const [sheet, list] of bySheet) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const masters = new Set(list.map((r) => ws.getCell(r.row, r.col).address));
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as { sharedFormula?: string; result?: ExcelJS.CellValue } | null;
        if (typeof v === "object" && v !== null && typeof v.sharedFormula === "string" && masters.has(v.sharedFormula) && !masters.has(cell.address)) {
          cell.value = { formula: cell.formula, result: v.result } as ExcelJS.CellFormulaValue;
        }
      }),
    );
    for (const r of list) {
      ws.getCell(r.row, r.col).value = { formula: r.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
      done++;
    }
  }
  return done;
}
