import type ExcelJS from "exceljs";
import type { AssessmentWorkbook } from "../model/assessment.types.js";
import { loadWorkbook } from "../xlsx/xlsx.io.js";
import { readQualigridWorkbook } from "../xlsx/xlsx.read.js";
import { BadInput, readInputFile, type CliIo } from "./cli.io.js";
import { printWarnings } from "./cli.print.js";

/**
 * Opens a Qualigrid workbook file: its bytes, the exceljs workbook and what the engine reads of it.
 * With `io`, what the reader warns about (a Qualigrid table renamed) is printed.
 */
export async function openAssessment(file: string, io?: CliIo): Promise<{ bytes: Buffer; workbook: ExcelJS.Workbook; assessment: AssessmentWorkbook }> {
  const bytes = await readInputFile(file);
  const wb = await loadWorkbook(bytes, file);
  if (!wb.ok) throw new BadInput(wb.issues);
  const read = readQualigridWorkbook(wb.value, file);
  if (!read.ok) throw new BadInput(read.issues);
  if (io) printWarnings(io, read.warnings);
  return { bytes, workbook: wb.value, assessment: read.value };
}
