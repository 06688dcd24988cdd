import type ExcelJS from "exceljs";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import { loadQualigridWorkbook } from "../xlsx/xlsx.read.js";
import { BadInput, readInputFile, type CliIo } from "./cli.io.js";
import { Cli } from "./cli.lang.js";
import { printWarnings } from "./cli.print.js";

/**
 * Opens a Qualigrid workbook file: its bytes, the exceljs workbook and what the engine reads of it.
 * With `io`, the command line speaks the workbook's language from now on (unless `--lang` said
 * otherwise) and what the reader warns about (a Qualigrid table renamed) is printed, unless `quiet`.
 */
export async function openAssessment(file: string, io?: CliIo, quiet = false): Promise<{ bytes: Buffer; workbook: ExcelJS.Workbook; assessment: AssessmentWorkbook }> {
  const bytes = await readInputFile(file);
  const opened = await loadQualigridWorkbook(bytes, file);
  if (!opened.ok) throw new BadInput(opened.issues);
  if (io instanceof Cli) io.workbookOpened(opened.value.assessment.lang);
  if (io && !quiet) printWarnings(io, opened.warnings);
  return { bytes, ...opened.value };
}
