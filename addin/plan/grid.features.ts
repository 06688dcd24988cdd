import { answerScale, isTextCriterion } from "../model/criterion.scale.js";
import type { Criterion, Template } from "../model/template.types.js";
import { NAMES, scaleNames } from "./names.js";

/**
 * Which of the second version's fields a template uses, so the grid grows only the columns they
 * need: a template of the first version keeps the grid, formulas and names it always had.
 */
export interface GridFeatures {
  /** Some criterion is rated on another scale than the template's. */
  scales: boolean;
  /** Some criterion is a free-text question. */
  text: boolean;
  /** Some criterion is required. */
  required: boolean;
  /** Some dimension has themes. */
  themes: boolean;
  /** Rows differ in their drop-down or in whether N/A may be said: each row names its list. */
  perRow: boolean;
}

/** The second-version features a template uses. */
export function gridFeatures(template: Template): GridFeatures {
  const all = template.dimensions.flatMap((d) => d.criteria);
  const scales = all.some((c) => c.scale !== undefined && template.scales?.[c.scale] !== undefined);
  const text = all.some(isTextCriterion);
  const required = all.some((c) => c.required === true);
  return { scales, text, required, themes: template.dimensions.some((d) => (d.themes ?? []).length > 0), perRow: scales || text || required };
}

/** 1-based position of a scale id among the template's other scales; 0 for the template's own. */
export function scaleNumber(template: Template, c: Pick<Criterion, "scale">): number {
  if (c.scale === undefined || template.scales?.[c.scale] === undefined) return 0;
  return Object.keys(template.scales).indexOf(c.scale) + 1;
}

/**
 * The workbook name of a criterion's drop-down: its scale's choices with N/A, or its values only
 * when N/A is refused (its scale has none, or it is required); for a text question, only the N/A
 * token when it may be said, else an empty list (its words go in the « Réponse » column).
 */
export function ratingListName(template: Template, c: Criterion): string {
  const na = answerScale(template, c).notApplicable;
  if (isTextCriterion(c)) return na ? NAMES.naChoice : NAMES.noRating;
  const n = scaleNumber(template, c);
  if (n === 0) return na ? NAMES.ratingChoices : NAMES.levelValues;
  const names = scaleNames(n);
  return na ? names.ratings : names.levels;
}
