import type ExcelJS from "exceljs";
import { readSurveyCsv, SURVEY_LIMITS, surveyIssue, type SurveyLimits } from "../model/survey.csv.js";
import type { SurveyTable } from "../model/survey.tally.js";
import { plainText, type PlainValue } from "../model/table.plain.js";
import type { Result } from "../model/template.types.js";
import { cellAddress } from "../model/cell.address.js";
import { plainValue } from "./xlsx.cells.js";
import { loadWorkbook } from "./xlsx.io.js";

/**
 * Reads a survey export, whatever it is: a workbook (Microsoft Forms' « Ouvrir dans Excel »
 * download, any .xlsx: `readSurveyXlsx`) when its bytes are a zip or an old Office file (refused
 * then, as `loadWorkbook` refuses it), else a CSV (`readSurveyCsv`).
 */
export async function readSurveyFile(bytes: Uint8Array, file: string, limits: SurveyLimits = SURVEY_LIMITS): Promise<Result<SurveyTable>> {
  const zipOrOle = (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf);
  return zipOrOle ? readSurveyXlsx(bytes, file, limits) : readSurveyCsv(bytes, file, limits);
}

/**
 * Reads a survey exported to Excel (Microsoft Forms: one row per response, one column per
 * question after its metadata columns) through the project's guarded loader (`loadWorkbook`: zip
 * bombs and oversize files refused). The first sheet holding something is read: its first non-empty
 * row is the header, each later non-empty row a response. Texts as shown (dates `yyyy-mm-dd`,
 * numbers as written); every excess of `limits` is refused naming the file and the sheet's cell.
 */
export async function readSurveyXlsx(bytes: Uint8Array, file: string, limits: SurveyLimits = SURVEY_LIMITS): Promise<Result<SurveyTable>> {
  const loaded = await loadWorkbook(bytes, file);
  if (!loaded.ok) return loaded;
  const ws = loaded.value.worksheets.find((s) => s.actualRowCount > 0);
  if (!ws) return { ok: false, issues: [surveyIssue("survey.noSheet", file)] };
  const where = (row: number, col: number): string => `${file}: ${ws.name}!${cellAddress(row, col)}`;
  const refuse = (code: string, path: string, params: Record<string, string | number> = {}): Result<SurveyTable> => ({ ok: false, issues: [surveyIssue(code, path, params)] });
  const width = ws.actualColumnCount;
  // Columns holding something: a sheet formatted far to the right is not a wide survey.
  if (width > limits.columns) return refuse("survey.tooManyColumns", where(1, limits.columns + 1), { found: width, max: limits.columns });
  if (ws.actualRowCount - 1 > limits.responses) return refuse("survey.tooManyResponses", file, { max: limits.responses });
  if ((ws.actualRowCount - 1) * width > limits.cells) return refuse("survey.tooManyCells", file, { max: limits.cells });

  let headers: string[] | null = null;
  let headerWidth = 0;
  const rows: string[][] = [];
  let tooLong: { row: number; col: number } | null = null;
  ws.eachRow({ includeEmpty: false }, (row: ExcelJS.Row, rowNumber: number) => {
    if (tooLong) return;
    const texts: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = textOf(plainValue(cell));
      if (text.length > limits.cellChars) tooLong ??= { row: rowNumber, col };
      texts[col - 1] = text;
    });
    if (!texts.some((t) => t !== undefined && t.trim() !== "")) return;
    if (!headers) {
      headerWidth = texts.length;
      headers = Array.from({ length: headerWidth }, (_, i) => (texts[i] ?? "").trim());
      return;
    }
    rows.push(Array.from({ length: headerWidth }, (_, i) => texts[i] ?? ""));
  });
  const long = tooLong as { row: number; col: number } | null;
  if (long) return refuse("survey.cellTooLong", where(long.row, long.col), { max: limits.cellChars });
  if (!headers) return { ok: false, issues: [surveyIssue("survey.noSheet", file)] };
  if (rows.length === 0) return refuse("survey.noResponse", `${file}: ${ws.name}`);
  return { ok: true, value: { headers, rows }, warnings: [] };
}

/** A cell's text as a survey answer: a date as `yyyy-mm-dd` (a time of day kept when there is one), a number as written. */
function textOf(v: PlainValue): string {
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 16).replace("T", " ");
  }
  return plainText(v);
}
