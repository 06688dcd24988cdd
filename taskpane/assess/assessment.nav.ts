import type { AssessmentWorkbook, EvidenceRowRead } from "../../addin/workbook/workbook.types.js";
import type { PlainValue } from "../../addin/model/table.plain.js";
import { naDisplayToken, parseRatingCell, type Rating } from "../../addin/model/scale.js";
import type { Criterion, Dimension, Lang, Template } from "../../addin/model/template.types.js";
import { evidenceNames, splitCriterionIds } from "../../addin/scoring/evidence.js";
import { withAssessment } from "../../addin/workbook/workbook.assessment.js";

/** A criterion where it sits: its dimension and its place among the dimension's criteria. */
export interface CriterionPlace {
  dimension: Dimension;
  criterion: Criterion;
  /** 0-based, in the dimension. */
  index: number;
  count: number;
}

/** The criterion `id` (case-insensitive, as the grid's formulas compare), or null. */
export function criterionPlace(template: Template, id: string): CriterionPlace | null {
  const key = id.toLowerCase();
  for (const dimension of template.dimensions) {
    const index = dimension.criteria.findIndex((c) => c.id.toLowerCase() === key);
    const criterion = dimension.criteria[index];
    if (criterion) return { dimension, criterion, index, count: dimension.criteria.length };
  }
  return null;
}

/** Every criterion id in template order, across dimensions. */
export function criterionIds(template: Template): string[] {
  return template.dimensions.flatMap((d) => d.criteria.map((c) => c.id));
}

/** The criterion `step` places after (or before) `id` in template order, crossing dimensions; null at either end. */
export function criterionAfter(template: Template, id: string, step: 1 | -1): string | null {
  const ids = criterionIds(template);
  const i = ids.findIndex((x) => x.toLowerCase() === id.toLowerCase());
  if (i < 0) return null;
  return ids[i + step] ?? null;
}

/** The rating the grid holds for `id`, read the way the grid's formulas read it. */
export function ratingOf(wb: AssessmentWorkbook, id: string): Rating {
  const row = wb.grid.find((r) => r.criterion.toLowerCase() === id.toLowerCase());
  return row ? parseRatingCell(row.rating, wb.template.scale) : { kind: "blank" };
}

/** The comment the grid holds for `id`. */
export function commentOf(wb: AssessmentWorkbook, id: string): string {
  return wb.grid.find((r) => r.criterion.toLowerCase() === id.toLowerCase())?.comment ?? "";
}

/** What a rating cell holds once `rating` is written: the level's value, the N/A token, or nothing. */
export function ratingCellValue(rating: Rating, lang: Lang): PlainValue {
  return rating.kind === "level" ? rating.value : rating.kind === "na" ? naDisplayToken(lang) : null;
}

/** A key that tells ratings apart (`level:3`, `na`, `blank`, `invalid`). */
export function ratingKey(rating: Rating): string {
  return rating.kind === "level" ? `level:${rating.value}` : rating.kind;
}

/** The evidence register's items that name `id`; null when the workbook has no register. */
export function evidenceFor(wb: AssessmentWorkbook, id: string): EvidenceRowRead[] | null {
  if (!wb.evidence) return null;
  return wb.evidence.filter((e) => evidenceNames(splitCriterionIds(e.criteria), id));
}

/** The workbook with `id`'s rating cell and comment replaced where given, and its assessment rebuilt. */
export function withAnswer(wb: AssessmentWorkbook, id: string, change: { rating?: PlainValue; comment?: string }): AssessmentWorkbook {
  const key = id.toLowerCase();
  return withAssessment({
    ...wb,
    grid: wb.grid.map((r) =>
      r.criterion.toLowerCase() === key ? { ...r, rating: change.rating === undefined ? r.rating : change.rating, comment: change.comment ?? r.comment } : r,
    ),
  });
}
