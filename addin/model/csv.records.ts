import { parse } from "csv-parse/sync";
import { columnLetter } from "./cell.address.js";
import { issueOf } from "./messages/message.catalog.js";
import "./messages/messages.answers.js";
import "./messages/messages.issues.js";
import "./messages/messages.review.js";
import type { MessageParams } from "./messages/message.types.js";
import { matchKey } from "./text.match.js";
import type { InputIssue, Result } from "./template.types.js";

/**
 * How many problems a reader lists at most; the others are counted in one last issue
 * (`issues.more`, its `count` saying how many), which the command line prints as such.
 */
export const LISTED_ISSUES = 1000;

/** The message codes of a CSV's header problems. */
export interface CsvHeaderCodes {
  empty: string;
  headerUnknown: string;
  headerTwice: string;
  headerMissing: string;
}

const REVIEW_HEADER_CODES: CsvHeaderCodes = {
  empty: "review.empty",
  headerUnknown: "review.headerUnknown",
  headerTwice: "review.headerTwice",
  headerMissing: "review.headerMissing",
};

/** The columns a CSV of Qualigrid may have: the header names each answers to (as `matchKey` writes them), and those it needs. */
export interface CsvColumns<C extends string> {
  names: Record<C, readonly string[]>;
  required: readonly C[];
  /** The header to show in messages (`evidence,status,note`); left out of the messages' params when absent. */
  expected?: string;
  /** The header problems' codes; `review.*` when absent. */
  codes?: CsvHeaderCodes;
}

/** What a data line's reader is given: its fields by column (null when the file has no such column), and a way to report a problem. */
export interface CsvLine<C extends string> {
  value(column: C): string | null;
  line: number;
  /** Reports a problem of this line (`file:line`); the line is then left out. */
  report(code: string, params?: MessageParams): void;
}

/**
 * Reads a CSV the way answers files are read (`parseAnswersCsv`): an optional BOM and Excel `sep=`
 * line, the separator guessed from the header (`,`, `;` or tab), a header naming known columns in
 * French or English (case, accents and punctuation set aside), lines of blank fields skipped, each
 * record passed to `onLine` and dropped, every problem reported at once with `file:line` (at most
 * LISTED_ISSUES, the rest counted). The header's problems are worded by `columns.codes`.
 */
export function readCsvLines<C extends string>(text: string, file: string, columns: CsvColumns<C>, onLine: (l: CsvLine<C>) => void): Result<void> {
  const issues: InputIssue[] = [];
  // Past LISTED_ISSUES problems are only counted: a file of a million bad lines keeps memory bounded.
  let unlisted = 0;
  const at = (line: number, code: string, params: MessageParams = {}): void => {
    if (issues.length < LISTED_ISSUES) issues.push(issueOf(code, { file, line, ...params }, `${file}:${line}`));
    else unlisted++;
  };
  let delimiter = ",";
  const roles = Object.keys(columns.names) as C[];
  const index = new Map<C, number>();
  const unnamed: number[] = [];
  let width = -1;
  const expected: MessageParams = columns.expected === undefined ? {} : { expected: columns.expected };
  const codes = columns.codes ?? REVIEW_HEADER_CODES;
  const readHeader = (record: string[], line: number): void => {
    width = record.length;
    record.forEach((name, i) => {
      const column = columnLetter(i + 1);
      if (name.trim() === "") return void unnamed.push(i);
      const key = matchKey(name);
      const role = roles.find((r) => columns.names[r].includes(key));
      if (role === undefined) return at(line, codes.headerUnknown, { column, name: name.trim(), ...expected });
      const first = index.get(role);
      if (first !== undefined) return at(line, codes.headerTwice, { role, first: columnLetter(first + 1), column, ...expected });
      index.set(role, i);
    });
    if (issues.length === 0) for (const role of columns.required) if (!index.has(role)) at(line, codes.headerMissing, { role, ...expected });
  };
  const readLine = (record: string[], line: number): void => {
    if (record.length !== width) return at(line, "answers.fieldCount", { expected: width, found: record.length, separator: delimiter });
    const stray = unnamed.find((i) => (record[i] ?? "").trim() !== "");
    if (stray !== undefined) return at(line, "answers.unnamedColumn", { column: columnLetter(stray + 1), value: (record[stray] ?? "").trim() });
    onLine({
      value: (role) => {
        const i = index.get(role);
        return i === undefined ? null : (record[i] ?? "");
      },
      line,
      report: (code, params = {}) => at(line, code, params),
    });
  };

  let started = false;
  let headerRefused = false;
  const read = eachCsvRecord(text, file, (record, line, separator) => {
    if (!started) {
      started = true;
      delimiter = separator;
      readHeader(record, line);
      headerRefused = issues.length > 0;
      return !headerRefused;
    }
    readLine(record, line);
    return true;
  });
  if (!read.ok) return read;
  if (!started) return { ok: false, issues: [issueOf(codes.empty, { file, line: 1, ...expected }, `${file}:1`)] };
  if (headerRefused) return { ok: false, issues };
  if (unlisted > 0) issues.push(issueOf("issues.more", { count: unlisted }, file));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: undefined, warnings: [] };
}

/**
 * Passes a CSV's records that are not all blank to `onRecord`, one at a time, with their line and the
 * separator, and drops them (a file of a million lines never becomes a million records in memory):
 * an optional BOM and Excel `sep=` line, the separator guessed from the first line that is not blank
 * (`csvSeparatorOf`), quoted fields that may hold separators and line breaks. Once `onRecord` returns
 * false the records left are read but not passed. A file csv-parse cannot read is an issue naming
 * its line: where an unclosed quote opened, else where csv-parse gave up.
 */
export function eachCsvRecord(text: string, file: string, onRecord: (record: string[], line: number, delimiter: string) => boolean): Result<void> {
  let body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  // Excel writes and reads a first line `sep=;` naming the separator; it is kept as an empty line so line numbers stay right.
  const sepLine = /^sep=(.)$/i.exec(firstLine.replace(/\r$/, ""));
  let delimiter: string;
  if (sepLine) {
    delimiter = sepLine[1] as string;
    body = body.slice(firstLine.length);
  } else {
    delimiter = csvSeparatorOf(body.split(/\r?\n/).find((l) => l.trim() !== "") ?? "");
  }
  let done = false;
  try {
    parse(body, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], context: { lines: number }) => {
        if (!done && record.some((v) => v.trim() !== "")) done = !onRecord(record, context.lines, delimiter);
        return null;
      },
    });
  } catch (e) {
    // csv-parse counts lines up to where it gave up; an unclosed quote is better shown where it opened.
    const opened = unclosedQuoteLine(body, delimiter);
    if (opened !== undefined) return { ok: false, issues: [issueOf("answers.unclosedQuote", { file, line: opened }, `${file}:${opened}`)] };
    const lines = (e as { lines?: number }).lines;
    const detail = e instanceof Error ? e.message.replace(/^Invalid[^:]*:\s*/, "") : String(e);
    return { ok: false, issues: [issueOf("answers.malformed", { file, ...(lines ? { line: lines } : {}), detail }, lines ? `${file}:${lines}` : file)] };
  }
  return { ok: true, value: undefined, warnings: [] };
}

/** The separator of a CSV from its header line: the most frequent of `;`, `,` and tab outside quotes (`,` when none). */
export function csvSeparatorOf(headerLine: string): string {
  const counts = new Map<string, number>([["\t", 0], [";", 0], [",", 0]]);
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  for (const [sep, n] of counts) if (n > (counts.get(best) ?? 0)) best = sep;
  return best;
}

/** The line where a quoted field opens and never closes, or undefined when every quote closes. */
export function unclosedQuoteLine(text: string, delimiter: string): number | undefined {
  let line = 1;
  let inQuotes = false;
  let openedAt = 0;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      } else if (ch === "\n") line++;
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true;
      openedAt = line;
    }
    if (ch === "\n") line++;
    fieldStart = ch === delimiter || ch === "\n" || (ch === "\r" && text[i + 1] === "\n");
  }
  return inQuotes ? openedAt : undefined;
}
