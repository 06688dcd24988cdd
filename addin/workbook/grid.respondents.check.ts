import { answerOfCell } from "../model/answer.cell.js";
import { isTextCriterion } from "../model/criterion.scale.js";
import { numberText } from "../model/messages/message.format.js";
import { isNaToken } from "../model/scale.js";
import type { Criterion, Lang, Template } from "../model/template.types.js";
import type { CriterionResult } from "../scoring/scoring.types.js";
import { HEADERS, respondentHeader } from "../plan/labels.js";
import type { CellRef, GridRowRead } from "./workbook.types.js";

/** A finding of the multi-respondent grid before it is worded: its code, severity, cell and parameters. */
export interface RespondentFinding {
  code: "ratingInvalid" | "requiredNotApplicable" | "unanswered" | "questionUnanswered" | "requiredUnanswered" | "requiredBelowTarget";
  severity: "error" | "warning";
  where: CellRef;
  params: Record<string, string>;
}

/**
 * What `check` says of a grid row with several respondents: each respondent's rating and the
 * agreed rating that cannot be read (named by cell, and by column in the message), N/A in a
 * required criterion's cells; then, on the consolidated rating, a criterion nobody answered or a
 * required one below its target (at respondent 1's cell).
 */
export function respondentRowFindings(
  row: GridRowRead,
  names: readonly string[],
  template: Template,
  criterion: Partial<Criterion>,
  scale: string,
  result: CriterionResult | undefined,
  workbookLang: Lang,
  lang: Lang,
): RespondentFinding[] {
  const out: RespondentFinding[] = [];
  const required = criterion.required === true;
  const text = isTextCriterion(criterion);
  const naRefused = (value: unknown): boolean => required && typeof value === "string" && isNaToken(value.trim());
  let unreadable = false;
  const inspect = (value: unknown, where: CellRef, column: string, words: unknown, agreed: boolean): void => {
    const id = `${row.criterion} (${column})`;
    if (naRefused(value)) {
      out.push({ code: "requiredNotApplicable", severity: "error", where, params: { id, value: String(value) } });
      unreadable = true;
      return;
    }
    const a = answerOfCell(value, template, criterion, words);
    // A text question's agreed rating is N/A or nothing: words there are not read.
    const wordsAgreed = agreed && text && a.rating.kind === "blank" && a.text !== "";
    if (a.rating.kind === "invalid" || wordsAgreed) {
      out.push({ code: "ratingInvalid", severity: "error", where, params: { id, value: a.rating.kind === "invalid" ? a.rating.raw : String(value), scale } });
      unreadable = true;
    }
  };
  row.respondents.forEach((cells, k) => {
    // Respondent 1's values are the row's own (what code not aware of respondents changes).
    const c = k === 0 ? { rating: row.rating, answer: row.answer, ratingCell: row.ratingCell } : cells;
    inspect(c.rating, c.ratingCell, respondentHeader("rating", names[k] ?? "", workbookLang), c.answer, false);
  });
  const agreedBlank = row.agreed === null || (typeof row.agreed === "string" && row.agreed.trim() === "");
  if (!agreedBlank && row.agreedCell) inspect(row.agreed, row.agreedCell, HEADERS.grid.agreed[workbookLang], undefined, true);
  if (unreadable || !result) return out;
  const where = row.ratingCell;
  const id = row.criterion;
  if (text) {
    if (result.rating.kind !== "na" && result.text === "") out.push({ code: required ? "requiredUnanswered" : "questionUnanswered", severity: "warning", where, params: { id } });
  } else if (result.rating.kind === "blank") {
    out.push({ code: required ? "requiredUnanswered" : "unanswered", severity: "warning", where, params: { id } });
  } else if (result.requiredNotMet && result.rating.kind === "level" && result.targetLevel !== null) {
    out.push({ code: "requiredBelowTarget", severity: "warning", where, params: { id, value: numberText(result.rating.value, lang), target: numberText(result.targetLevel, lang) } });
  }
  return out;
}
