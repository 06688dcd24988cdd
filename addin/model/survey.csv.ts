import { eachCsvRecord } from "./csv.records.js";
import { issueOf } from "./messages/message.catalog.js";
import "./messages/messages.answers.js";
import "./messages/messages.survey.js";
import type { MessageParams } from "./messages/message.types.js";
import type { SurveyTable } from "./survey.tally.js";
import { decodeTextFile } from "./text.decode.js";
import type { InputIssue, Result } from "./template.types.js";

/**
 * How big a survey export may be (a hostile or mistaken file is refused in bounded time and
 * memory, before it is tallied): responses (rows), columns, cells (rows × columns), characters in
 * one answer (an Excel cell's limit) and, for a CSV, bytes.
 */
export interface SurveyLimits {
  responses: number;
  columns: number;
  cells: number;
  cellChars: number;
  csvBytes: number;
}

/** The limits of `qualigrid survey import` and « Importer un sondage ». */
export const SURVEY_LIMITS: SurveyLimits = {
  responses: 100_000,
  columns: 500,
  cells: 5_000_000,
  cellChars: 32_767,
  csvBytes: 64 * 1024 * 1024,
};

/** A survey refusal worded by the catalogue, its path `file`, `file:line` or `file!cell`. */
export function surveyIssue(code: string, path: string, params: MessageParams = {}): InputIssue {
  return issueOf(code, params, path);
}

/**
 * Reads a survey exported as CSV (Microsoft Forms, Google Forms, LimeSurvey, Excel's « CSV »):
 * UTF-8 with or without BOM, or Windows-1252 (`decodeTextFile`); comma or semicolon, found from the
 * header (`csvSeparatorOf`; Excel's `sep=` line is read); quoted fields may hold separators and line
 * breaks. The header's texts and one row of texts per response; a line of blank fields is no
 * response; a line shorter than the header is padded with blanks, one longer is refused with its
 * line. Everything past `limits` is refused naming the file and line.
 */
export function readSurveyCsv(bytes: Uint8Array, file: string, limits: SurveyLimits = SURVEY_LIMITS): Result<SurveyTable> {
  const refuse = (code: string, path: string, params: MessageParams = {}): Result<SurveyTable> => ({ ok: false, issues: [surveyIssue(code, path, params)] });
  if (bytes.length > limits.csvBytes) {
    return refuse("survey.tooLarge", file, { size: Math.ceil(bytes.length / 1048576), max: Math.floor(limits.csvBytes / 1048576) });
  }
  const decoded = decodeTextFile(bytes, file);
  if (!decoded.ok) return decoded;

  // Filled by the record callback (a closure: kept in an object so that the compiler sees them change).
  const read: { headers: string[] | null; stop: Result<SurveyTable> | null } = { headers: null, stop: null };
  const rows: string[][] = [];
  // Each record is checked as it is read and then dropped: a hostile file stops at its first excess.
  const halt = (code: string, path: string, params: MessageParams = {}): boolean => {
    read.stop = refuse(code, path, params);
    return false;
  };
  const parsed = eachCsvRecord(decoded.value.text, file, (record, line, delimiter) => {
    const at = `${file}:${line}`;
    if (record.some((v) => v.length > limits.cellChars)) return halt("survey.cellTooLong", at, { max: limits.cellChars });
    const headers = read.headers;
    if (!headers) {
      if (record.length > limits.columns) return halt("survey.tooManyColumns", at, { found: record.length, max: limits.columns });
      read.headers = record.map((h) => h.trim());
      return true;
    }
    const width = headers.length;
    if (record.length > width && record.slice(width).some((v) => v.trim() !== "")) {
      return halt("survey.extraFields", at, { found: record.length, expected: width, separator: delimiter === "\t" ? "tab" : delimiter });
    }
    if (rows.length >= limits.responses) return halt("survey.tooManyResponses", file, { max: limits.responses });
    if ((rows.length + 1) * width > limits.cells) return halt("survey.tooManyCells", at, { max: limits.cells });
    rows.push(record.length >= width ? record.slice(0, width) : [...record, ...Array<string>(width - record.length).fill("")]);
    return true;
  });
  if (!parsed.ok) return parsed;
  if (read.stop) return read.stop;
  if (!read.headers) return refuse("survey.empty", `${file}:1`);
  if (rows.length === 0) return refuse("survey.noResponse", file);
  return { ok: true, value: { headers: read.headers, rows }, warnings: [] };
}
