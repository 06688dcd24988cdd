import type ExcelJS from "exceljs";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import type { PlainValue } from "../model/table.plain.js";
import type { Result } from "../model/template.types.js";
import { READ_NAMES, readAssessment } from "../workbook/workbook.read.js";
import { plainValue } from "./xlsx.cells.js";
import { loadWorkbook } from "./xlsx.io.js";
import { ASSESSMENT_TABLES } from "./xlsx.require.js";
import { plainTables } from "./xlsx.tables.js";

/**
 * Reads a Qualigrid workbook loaded by exceljs: its tables become plain tables and its named
 * cells plain values, which `readAssessment` (shared with the Office.js reader) turns into the
 * template, ratings, evidence and actions, or issues naming sheet and cell.
 */
export function readQualigridWorkbook(wb: ExcelJS.Workbook, file: string): Result<AssessmentWorkbook> {
  const tables = plainTables(wb);
  const names = new Map<string, PlainValue>();
  // A name the workbook lacks is left out, so that the reader can tell it from an empty cell.
  for (const n of READ_NAMES) if (wb.definedNames.getRanges(n).ranges.length > 0) names.set(n.toLowerCase(), namedCellValue(wb, n));
  return readAssessment(tables, names, file);
}

/**
 * Loads a Qualigrid workbook's bytes and reads it: the exceljs workbook and the assessment, or the
 * issues of the first step that failed (a file refused before opening, or what the reader found).
 */
export async function loadQualigridWorkbook(bytes: Uint8Array, file: string): Promise<Result<{ workbook: ExcelJS.Workbook; assessment: AssessmentWorkbook }>> {
  const loaded = await loadWorkbook(bytes, file, { requireTables: ASSESSMENT_TABLES });
  if (!loaded.ok) return loaded;
  const read = readQualigridWorkbook(loaded.value, file);
  if (!read.ok) return read;
  return { ok: true, value: { workbook: loaded.value, assessment: read.value }, warnings: read.warnings };
}

function namedCellValue(wb: ExcelJS.Workbook, name: string): PlainValue {
  const ranges = wb.definedNames.getRanges(name).ranges;
  const ref = ranges[0];
  if (!ref) return null;
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m || m[1] === undefined) return null;
  const ws = wb.getWorksheet(m[1].replace(/''/g, "'"));
  return ws ? plainValue(ws.getCell(`${m[2]}${m[3]}`)) : null;
}
