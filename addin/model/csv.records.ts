import { parse } from "csv-parse/sync";
import { LISTED_ISSUES, csvSeparatorOf, unclosedQuoteLine } from "./answers.parse.js";
import { columnLetter } from "./cell.address.js";
import { issueOf } from "./messages/message.catalog.js";
import "./messages/messages.answers.js";
import "./messages/messages.issues.js";
import "./messages/messages.review.js";
import type { MessageParams } from "./messages/message.types.js";
import { matchKey } from "./text.match.js";
import type { InputIssue, Result } from "./template.types.js";

/** The columns a CSV of Qualigrid may have: the header names each answers to (as `matchKey` writes them), and those it needs. */
export interface CsvColumns<C extends string> {
  names: Record<C, readonly string[]>;
  required: readonly C[];
  /** The header to show in messages (`evidence,status,note`). */
  expected: string;
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
 * LISTED_ISSUES, the rest counted). The header's problems are worded by `review.header*` codes.
 */
export function readCsvLines<C extends string>(text: string, file: string, columns: CsvColumns<C>, onLine: (l: CsvLine<C>) => void): Result<void> {
  const issues: InputIssue[] = [];
  let unlisted = 0;
  const at = (line: number, code: string, params: MessageParams = {}): void => {
    if (issues.length < LISTED_ISSUES) issues.push(issueOf(code, { file, line, ...params }, `${file}:${line}`));
    else unlisted++;
  };
  let body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  const sepLine = /^sep=(.)$/i.exec(firstLine.replace(/\r$/, ""));
  let delimiter: string;
  if (sepLine) {
    delimiter = sepLine[1] as string;
    // Kept as an empty line so that line numbers stay right.
    body = body.slice(firstLine.length);
  } else {
    delimiter = csvSeparatorOf(body.split(/\r?\n/).find((l) => l.trim() !== "") ?? "");
  }
  const roles = Object.keys(columns.names) as C[];
  const index = new Map<C, number>();
  const unnamed: number[] = [];
  let width = -1;
  const expected = columns.expected;
  const readHeader = (record: string[], line: number): void => {
    width = record.length;
    record.forEach((name, i) => {
      const column = columnLetter(i + 1);
      if (name.trim() === "") return void unnamed.push(i);
      const key = matchKey(name);
      const role = roles.find((r) => columns.names[r].includes(key));
      if (role === undefined) return at(line, "review.headerUnknown", { column, name: name.trim(), expected });
      const first = index.get(role);
      if (first !== undefined) return at(line, "review.headerTwice", { role, first: columnLetter(first + 1), column, expected });
      index.set(role, i);
    });
    if (issues.length === 0) for (const role of columns.required) if (!index.has(role)) at(line, "review.headerMissing", { role, expected });
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
  try {
    parse(body, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], context: { lines: number }) => {
        if (headerRefused || !record.some((v) => v.trim() !== "")) return null;
        if (!started) {
          started = true;
          readHeader(record, context.lines);
          headerRefused = issues.length > 0;
        } else readLine(record, context.lines);
        return null;
      },
    });
  } catch (e) {
    const opened = unclosedQuoteLine(body, delimiter);
    if (opened !== undefined) return { ok: false, issues: [issueOf("answers.unclosedQuote", { file, line: opened }, `${file}:${opened}`)] };
    const lines = (e as { lines?: number }).lines;
    const detail = e instanceof Error ? e.message.replace(/^Invalid[^:]*:\s*/, "") : String(e);
    return { ok: false, issues: [issueOf("answers.malformed", { file, ...(lines ? { line: lines } : {}), detail }, lines ? `${file}:${lines}` : file)] };
  }
  if (!started) return { ok: false, issues: [issueOf("review.empty", { file, line: 1, expected }, `${file}:1`)] };
  if (headerRefused) return { ok: false, issues };
  if (unlisted > 0) issues.push(issueOf("issues.more", { count: unlisted }, file));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: undefined, warnings: [] };
}
