import type ExcelJS from "exceljs";
import type { AssessmentWorkbook } from "../model/assessment.types.js";
import { loadWorkbook } from "../xlsx/xlsx.io.js";
import { readQualigridWorkbook } from "../xlsx/xlsx.read.js";
import { BadInput, readInputFile } from "./cli.io.js";

/** Opens a Qualigrid workbook file: its bytes, the exceljs workbook and what the engine reads of it. */
export async function openAssessment(file: string): Promise<{ bytes: Buffer; workbook: ExcelJS.Workbook; assessment: AssessmentWorkbook }> {
  const bytes = await readInputFile(file);
  const wb = await loadWorkbook(bytes, file);
  if (!wb.ok) throw new BadInput(wb.issues);
  const read = readQualigridWorkbook(wb.value, file);
  if (!read.ok) throw new BadInput(read.issues);
  return { bytes, workbook: wb.value, assessment: read.value };
}
