import { parse } from "csv-parse/sync";
import { columnLetter } from "./cell.address.js";
import { issueOf } from "./messages/message.catalog.js";
import "./messages/messages.answers.js";
import "./messages/messages.issues.js";
import "./messages/messages.limits.js";
import { EXCEL_LIMITS } from "./excel.limits.js";
import type { MessageParams } from "./messages/message.types.js";
import { answerScale, isTextCriterion } from "./criterion.scale.js";
import { describeScale, isTypedNaToken, parseRatingText, type Rating, type RatingProblem } from "./scale.js";
import { matchKey } from "./text.match.js";
import type { Criterion, InputIssue, Result, Scale, Template } from "./template.types.js";

/**
 * How many problems a reader lists at most; the others are counted in one last issue
 * (`issues.more`, its `count` saying how many), which the command line prints as such.
 */
export const LISTED_ISSUES = 1000;

/** One line of an answers CSV, understood. */
export interface AnswerLine {
  /** The criterion id as the template spells it. */
  criterion: string;
  /** For a text question: N/A, or blank (its words are in `text`). */
  rating: Rating;
  /** A text question's answer in words; null for a rating criterion. */
  text: string | null;
  /** The comment, or null when the file has no comment column (comments are then left as they are). */
  comment: string | null;
  line: number;
}

/** What a column of an answers CSV holds. */
export type AnswerColumn = "criterion" | "rating" | "comment";

/**
 * The header names each column answers to, as `matchKey` writes them (case, accents, spaces and
 * punctuation set aside). « niveau » / "level" name the rating too: the glossary calls a rating's
 * value a level, and nothing else in an answers file could be meant by it.
 */
const HEADER_NAMES: Record<AnswerColumn, readonly string[]> = {
  criterion: ["critere", "criterion", "code", "id", "codecritere", "codeducritere", "criterionid", "criterioncode"],
  rating: ["cotation", "note", "rating", "niveau", "level"],
  comment: ["commentaire", "commentaires", "comment", "comments"],
};

const RATING_MESSAGES: Record<RatingProblem, string> = {
  notALevel: "answers.ratingNotALevel",
  outsideScale: "answers.ratingOutsideScale",
  naNotAllowed: "answers.ratingNaNotAllowed",
  ambiguous: "answers.ratingAmbiguous",
};

/** The column a header names, or undefined for a name Qualigrid does not know. */
export function answerColumnOf(header: string): AnswerColumn | undefined {
  const key = matchKey(header);
  return (Object.keys(HEADER_NAMES) as AnswerColumn[]).find((c) => HEADER_NAMES[c].includes(key));
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

/**
 * Reads an answers CSV: a header naming the criterion, rating and (optional) comment columns in
 * French or English (`Critère;Cotation;Commentaire`, `criterion,rating,comment`), separated by `,`,
 * `;` or tab (or as an Excel `sep=` first line says). Ratings are level values, level labels or N/A
 * tokens, matched ignoring case, accents, spaces and punctuation. Lines of blank fields are skipped.
 * Every problem is reported at once with `file:line`: unknown column, unknown criterion, rating
 * outside the scale or ambiguous, duplicated criterion, malformed line.
 */
export function parseAnswersCsv(text: string, file: string, template: Template): Result<AnswerLine[]> {
  const issues: InputIssue[] = [];
  // Past LISTED_ISSUES problems are only counted: a file of a million bad lines keeps memory bounded.
  let unlisted = 0;
  const at = (line: number, code: string, params: MessageParams = {}): void => {
    if (issues.length < LISTED_ISSUES) issues.push(issueOf(code, { file, line, ...params }, `${file}:${line}`));
    else unlisted++;
  };
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
  const index: Record<AnswerColumn, number> = { criterion: -1, rating: -1, comment: -1 };
  const unnamed: number[] = [];
  let header: { record: string[]; line: number } | undefined;
  const readHeader = (record: string[], line: number): void => {
    header = { record, line };
    record.forEach((name, i) => {
      const column = columnLetter(i + 1);
      if (name.trim() === "") return void unnamed.push(i);
      const role = answerColumnOf(name);
      if (role === undefined) return at(line, "answers.headerUnknown", { column, name: name.trim() });
      if (index[role] >= 0) return at(line, "answers.headerTwice", { role, first: columnLetter(index[role] + 1), column });
      index[role] = i;
    });
    if (issues.length === 0) {
      for (const role of ["criterion", "rating"] as const) if (index[role] < 0) at(line, "answers.headerMissing", { role });
    }
  };

  const byId = new Map<string, Criterion>();
  for (const d of template.dimensions) for (const c of d.criteria) byId.set(c.id.toLowerCase(), c);
  const seen = new Map<string, number>();
  const out: AnswerLine[] = [];
  const readLine = (record: string[], line: number, columns: number): void => {
    if (record.length !== columns) {
      at(line, "answers.fieldCount", { expected: columns, found: record.length, separator: delimiter });
      return;
    }
    const cell = (i: number): string => (i >= 0 ? (record[i] ?? "") : "");
    const stray = unnamed.find((i) => cell(i).trim() !== "");
    if (stray !== undefined) {
      at(line, "answers.unnamedColumn", { column: columnLetter(stray + 1), value: cell(stray).trim() });
      return;
    }
    const rawId = cell(index.criterion).trim();
    if (rawId === "") {
      at(line, "answers.criterionEmpty");
      return;
    }
    const criterion = byId.get(rawId.toLowerCase());
    if (!criterion) {
      at(line, "answers.criterionUnknown", { id: rawId, template: template.id });
      return;
    }
    const id = criterion.id;
    const first = seen.get(id.toLowerCase());
    if (first !== undefined) {
      at(line, "answers.criterionTwice", { id, first });
      return;
    }
    seen.set(id.toLowerCase(), line);
    const scale = answerScale(template, criterion);
    const raw = cell(index.rating);
    const textQuestion = isTextCriterion(criterion);
    const rating = textQuestion ? textAnswerRating(raw, scale) : parseRatingText(raw, scale);
    if (rating.kind === "invalid") {
      const levels: MessageParams = rating.levels ? { levels: rating.levels.join(", ") } : {};
      const code = rating.problem === "naNotAllowed" && criterion.required ? "answers.ratingNaRequired" : RATING_MESSAGES[rating.problem ?? "notALevel"];
      const described: MessageParams = textQuestion ? {} : { scaleFr: describeScale(scale, "fr"), scaleEn: describeScale(scale, "en") };
      at(line, code, { id, value: rating.raw.trim(), ...described, ...levels });
      return;
    }
    if (textQuestion && raw.length > EXCEL_LIMITS.cellText) {
      at(line, "limits.commentTooLong", { id, length: raw.length, limit: EXCEL_LIMITS.cellText });
      return;
    }
    const comment = index.comment === -1 ? null : cell(index.comment);
    if (comment !== null && comment.length > EXCEL_LIMITS.cellText) {
      at(line, "limits.commentTooLong", { id, length: comment.length, limit: EXCEL_LIMITS.cellText });
      return;
    }
    out.push({ criterion: id, rating, text: textQuestion && rating.kind !== "na" ? raw.trim() : null, comment, line });
  };

  let headerRefused = false;
  try {
    // Each record is read as csv-parse makes it and then dropped (`on_record` returns null): a file of a
    // million lines never becomes a million records in memory.
    parse(body, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], context: { lines: number }) => {
        if (headerRefused || !record.some((v) => v.trim() !== "")) return null;
        if (!header) {
          readHeader(record, context.lines);
          headerRefused = issues.length > 0;
        } else readLine(record, context.lines, header.record.length);
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
  if (!header) return { ok: false, issues: [issueOf("answers.empty", { file, line: 1 }, `${file}:1`)] };
  if (headerRefused) return { ok: false, issues };
  if (unlisted > 0) issues.push(issueOf("issues.more", { count: unlisted }, file));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out, warnings: [] };
}

/**
 * A text question's answer read as a rating: N/A when it is an N/A token and N/A is allowed (refused
 * when it is not), else blank — its words are the answer.
 */
function textAnswerRating(raw: string, scale: Scale): Rating {
  if (!isTypedNaToken(raw.trim())) return { kind: "blank" };
  if (scale.notApplicable) return { kind: "na" };
  return { kind: "invalid", raw, problem: "naNotAllowed", reason: "N/A is not allowed for this criterion" };
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
