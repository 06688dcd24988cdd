import { parse } from "csv-parse/sync";
import { parseRatingText, type Rating } from "./scale.js";
import type { InputIssue, Result, Template } from "./template.types.js";

/** One line of an answers CSV, understood. */
export interface AnswerLine {
  /** The criterion id as the template spells it. */
  criterion: string;
  rating: Rating;
  /** The comment, or null when the file has no comment column (comments are then left as they are). */
  comment: string | null;
  line: number;
}

const COLUMNS = ["criterion", "rating", "comment"] as const;

/**
 * Reads an answers CSV (`criterion,rating,comment`, comment optional; `;` also accepted as separator, as French
 * Excel writes it). Every problem is reported at once with `file:line`: unknown criterion,
 * rating outside the scale, duplicated criterion, malformed line.
 */
export function parseAnswersCsv(text: string, file: string, template: Template): Result<AnswerLine[]> {
  const issues: InputIssue[] = [];
  const err = (line: number, message: string): void => void issues.push({ path: `${file}:${line}`, message, severity: "error" });
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (e) {
    // csv-parse counts lines up to where it gave up; an unclosed quote is better shown where it opened.
    const lines = unclosedQuoteLine(body, delimiter) ?? (e as { lines?: number }).lines;
    const message = e instanceof Error ? e.message.replace(/^Invalid[^:]*:\s*/, "") : String(e);
    return { ok: false, issues: [{ path: lines ? `${file}:${lines}` : file, message: `malformed CSV: ${message}`, severity: "error" }] };
  }
  const header = records[0];
  if (!header) return { ok: false, issues: [{ path: `${file}:1`, message: "the file is empty; expected the header criterion,rating,comment", severity: "error" }] };
  const names = header.record.map((h) => h.trim().toLowerCase());
  const index = COLUMNS.map((c) => names.indexOf(c));
  if (index[0] === -1 || index[1] === -1 || names.some((n) => !(COLUMNS as readonly string[]).includes(n))) {
    return {
      ok: false,
      issues: [{ path: `${file}:${header.info.lines}`, message: `the header must be criterion,rating,comment (comment may be left out; got ${header.record.join(delimiter)})`, severity: "error" }],
    };
  }
  const byId = new Map<string, string>();
  for (const d of template.dimensions) for (const c of d.criteria) byId.set(c.id.toLowerCase(), c.id);
  const seen = new Map<string, number>();
  const out: AnswerLine[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    if (record.length !== header.record.length) {
      err(line, `expected ${header.record.length} fields, found ${record.length} (quote a comment that holds a "${delimiter}")`);
      continue;
    }
    const cell = (i: number): string => (i >= 0 ? (record[i] ?? "") : "");
    const rawId = cell(index[0] as number).trim();
    if (rawId === "") {
      err(line, "the criterion is empty");
      continue;
    }
    const id = byId.get(rawId.toLowerCase());
    if (!id) {
      err(line, `unknown criterion "${rawId}" (not in template ${template.id})`);
      continue;
    }
    const first = seen.get(id.toLowerCase());
    if (first !== undefined) {
      err(line, `criterion ${id} is given twice (first on line ${first})`);
      continue;
    }
    seen.set(id.toLowerCase(), line);
    const rating = parseRatingText(cell(index[1] as number), template.scale);
    if (rating.kind === "invalid") {
      err(line, `rating "${rating.raw.trim()}" of ${id}: ${rating.reason}`);
      continue;
    }
    out.push({ criterion: id, rating, comment: index[2] === -1 ? null : cell(index[2] as number), line });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out, warnings: [] };
}

/** The line where a quoted field opens and never closes, or undefined when every quote closes. */
function unclosedQuoteLine(text: string, delimiter: string): number | undefined {
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
