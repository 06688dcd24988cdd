import { readCsvLines, type CsvColumns } from "./csv.records.js";
import "./messages/messages.answers.js";
import "./messages/messages.limits.js";
import { EXCEL_LIMITS } from "./excel.limits.js";
import type { MessageParams } from "./messages/message.types.js";
import { answerScale, isTextCriterion } from "./criterion.scale.js";
import { describeScale, isTypedNaToken, parseRatingText, type Rating, type RatingProblem } from "./scale.js";
import { matchKey } from "./text.match.js";
import type { Criterion, Result, Scale, Template } from "./template.types.js";

export { LISTED_ISSUES, csvSeparatorOf, unclosedQuoteLine } from "./csv.records.js";

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

const ANSWER_COLUMNS: CsvColumns<AnswerColumn> = {
  names: HEADER_NAMES,
  required: ["criterion", "rating"],
  codes: { empty: "answers.empty", headerUnknown: "answers.headerUnknown", headerTwice: "answers.headerTwice", headerMissing: "answers.headerMissing" },
};

/** The column a header names, or undefined for a name Qualigrid does not know. */
export function answerColumnOf(header: string): AnswerColumn | undefined {
  const key = matchKey(header);
  return (Object.keys(HEADER_NAMES) as AnswerColumn[]).find((c) => HEADER_NAMES[c].includes(key));
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
  const byId = new Map<string, Criterion>();
  for (const d of template.dimensions) for (const c of d.criteria) byId.set(c.id.toLowerCase(), c);
  const seen = new Map<string, number>();
  const out: AnswerLine[] = [];
  const read = readCsvLines(text, file, ANSWER_COLUMNS, (l) => {
    const rawId = (l.value("criterion") ?? "").trim();
    if (rawId === "") return l.report("answers.criterionEmpty");
    const criterion = byId.get(rawId.toLowerCase());
    if (!criterion) return l.report("answers.criterionUnknown", { id: rawId, template: template.id });
    const id = criterion.id;
    const first = seen.get(id.toLowerCase());
    if (first !== undefined) return l.report("answers.criterionTwice", { id, first });
    seen.set(id.toLowerCase(), l.line);
    const scale = answerScale(template, criterion);
    const raw = l.value("rating") ?? "";
    const textQuestion = isTextCriterion(criterion);
    const rating = textQuestion ? textAnswerRating(raw, scale) : parseRatingText(raw, scale);
    if (rating.kind === "invalid") {
      const levels: MessageParams = rating.levels ? { levels: rating.levels.join(", ") } : {};
      const code = rating.problem === "naNotAllowed" && criterion.required ? "answers.ratingNaRequired" : RATING_MESSAGES[rating.problem ?? "notALevel"];
      const described: MessageParams = textQuestion ? {} : { scaleFr: describeScale(scale, "fr"), scaleEn: describeScale(scale, "en") };
      return l.report(code, { id, value: rating.raw.trim(), ...described, ...levels });
    }
    if (textQuestion && raw.length > EXCEL_LIMITS.cellText) {
      return l.report("limits.commentTooLong", { id, length: raw.length, limit: EXCEL_LIMITS.cellText });
    }
    const comment = l.value("comment");
    if (comment !== null && comment.length > EXCEL_LIMITS.cellText) {
      return l.report("limits.commentTooLong", { id, length: comment.length, limit: EXCEL_LIMITS.cellText });
    }
    out.push({ criterion: id, rating, text: textQuestion && rating.kind !== "na" ? raw.trim() : null, comment, line: l.line });
  });
  return read.ok ? { ok: true, value: out, warnings: [] } : read;
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
