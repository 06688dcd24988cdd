import type ExcelJS from "exceljs";

// exceljs keeps several things it reads and writes on fields its types do not declare. Every reach
// into them goes through this file, so a change of exceljs (or its replacement) is mended here.

/** A table's model as exceljs holds it (`worksheet.tables[name].table`, or `.model` once written). */
export interface ExcelJsTableModel {
  name?: string;
  tableRef?: string;
  ref?: string;
  autoFilterRef?: string;
  rows?: ExcelJS.CellValue[][];
}

/** A worksheet's data validations: the manager exceljs keeps on `worksheet.dataValidations`. */
export interface ExcelJsValidations {
  add(ref: string, v: ExcelJS.DataValidation): void;
  /** By cell address for a loaded file, by the range given for those added. */
  model: Record<string, ExcelJS.DataValidation | undefined>;
}

interface SheetInternals {
  tables?: Record<string, { table?: ExcelJsTableModel; model?: ExcelJsTableModel }>;
  dataValidations: ExcelJsValidations;
  sheetProtection?: { sheet?: boolean } | null;
}

const internals = (ws: ExcelJS.Worksheet): SheetInternals => ws as unknown as SheetInternals;

/** The tables of a worksheet, by the key exceljs files them under, each with its model. */
export function sheetTableModels(ws: ExcelJS.Worksheet): [key: string, model: ExcelJsTableModel][] {
  return Object.entries(internals(ws).tables ?? {}).map(([key, t]) => [key, t.table ?? t.model ?? {}]);
}

/** The data validations of a worksheet. */
export function sheetValidations(ws: ExcelJS.Worksheet): ExcelJsValidations {
  return internals(ws).dataValidations;
}

/** Whether a worksheet is protected (with or without a password). */
export function isSheetProtected(ws: ExcelJS.Worksheet): boolean {
  return Boolean(internals(ws).sheetProtection?.sheet);
}

/** The workbook's defined names (`name` and ranges), as exceljs models them. */
export function definedNameModels(wb: ExcelJS.Workbook): { name?: string }[] {
  return (wb.definedNames as unknown as { model?: { name?: string }[] }).model ?? [];
}
