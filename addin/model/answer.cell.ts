import { answerScale, isTextCriterion } from "./criterion.scale.js";
import { isNaToken, parseRatingCell, type Rating } from "./scale.js";
import type { Criterion, Template } from "./template.types.js";

/** One answer cell understood: the rating, and for a text question its words. */
export interface CellAnswer {
  rating: Rating;
  /** A text question's words ("" for a rating criterion, a blank cell or N/A). */
  text: string;
}

/**
 * Reads the cell where a criterion is answered, as the grid's formulas read it: a rating on the
 * criterion's own scale (N/A refused for a required criterion: it is then unreadable), or, for a
 * text question, N/A when its rating cell holds an N/A token and N/A is allowed, else its words
 * (`words`, the « Réponse » cell; the rating cell's text when the grid has no such column).
 */
export function answerOfCell(
  value: unknown,
  template: Pick<Template, "scale" | "scales">,
  c: Pick<Criterion, "scale" | "required" | "type">,
  words?: unknown,
): CellAnswer {
  const scale = answerScale(template, c);
  if (!isTextCriterion(c)) return { rating: parseRatingCell(value, scale), text: "" };
  const typed = value === null || value === undefined ? "" : String(value).trim();
  if (typed !== "" && isNaToken(typed) && scale.notApplicable) return { rating: { kind: "na" }, text: "" };
  // The grid's « Réponse » column holds the words; without it (a hand-made grid), the rating cell does.
  const answer = words === undefined ? typed : words === null ? "" : String(words).trim();
  return { rating: { kind: "blank" }, text: answer };
}

/** The template's criteria by lower-cased id, for readers that meet ids as a grid spells them. */
export function criteriaById(template: Pick<Template, "dimensions">): Map<string, Criterion> {
  const out = new Map<string, Criterion>();
  for (const d of template.dimensions) for (const c of d.criteria) out.set(c.id.toLowerCase(), c);
  return out;
}
