import type { AssessmentWorkbook, EvidenceRowRead, GridRowRead, RespondentCellsRead } from "../../addin/workbook/workbook.types.js";
import type { PlainValue } from "../../addin/model/table.plain.js";
import { answerOfCell, type CellAnswer } from "../../addin/model/answer.cell.js";
import { answerScale, isTextCriterion } from "../../addin/model/criterion.scale.js";
import { naDisplayToken, type Rating } from "../../addin/model/scale.js";
import type { Criterion, Dimension, Lang, Scale, Template } from "../../addin/model/template.types.js";
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

/**
 * Respondent `k`'s cells on a grid row (0-based, in `QG_Respondents` order). The first respondent's
 * are the row's own fields in every layout, as `assessmentOfLayout` reads them.
 */
export function cellsOfRespondent(row: GridRowRead, k: number): Pick<RespondentCellsRead, "rating" | "comment" | "answer" | "answerCell"> | null {
  if (k === 0) return { rating: row.rating, comment: row.comment, answer: row.answer, answerCell: row.answerCell };
  return row.respondents[k] ?? null;
}

/**
 * What the grid holds for `id` in respondent `k`'s columns, read the way the grid's formulas read
 * it: a rating on the criterion's own scale (N/A unreadable for a required one), and a text question's words.
 */
export function answerOf(wb: AssessmentWorkbook, id: string, k = 0): CellAnswer {
  const key = id.toLowerCase();
  const row = wb.grid.find((r) => r.criterion.toLowerCase() === key);
  const criterion = criterionPlace(wb.template, id)?.criterion;
  const cells = row && cellsOfRespondent(row, k);
  if (!cells || !criterion) return { rating: { kind: "blank" }, text: "" };
  return answerOfCell(cells.rating, wb.template, criterion, cells.answer);
}

/** The rating respondent `k` gave `id` (N/A or blank for a text question). */
export function ratingOf(wb: AssessmentWorkbook, id: string, k = 0): Rating {
  return answerOf(wb, id, k).rating;
}

/** The choices a criterion is answered with: its own scale's levels, N/A only where it may be said. */
export function choiceScale(template: Template, criterion: Criterion): Scale {
  const scale = answerScale(template, criterion);
  return isTextCriterion(criterion) ? { ...scale, levels: [] } : scale;
}

/** The comment respondent `k` wrote for `id`. */
export function commentOf(wb: AssessmentWorkbook, id: string, k = 0): string {
  const row = wb.grid.find((r) => r.criterion.toLowerCase() === id.toLowerCase());
  return (row && cellsOfRespondent(row, k)?.comment) ?? "";
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

/** A rating, comment and « Réponse » cell to put in place of what respondent cells hold, where given. */
export interface CellsChange {
  rating?: PlainValue;
  comment?: string;
  answer?: PlainValue;
}

function changed<T extends { rating: PlainValue; comment: string; answer?: PlainValue }>(cells: T, change: CellsChange): T {
  return {
    ...cells,
    rating: change.rating === undefined ? cells.rating : change.rating,
    comment: change.comment ?? cells.comment,
    ...(change.answer === undefined ? {} : { answer: change.answer }),
  };
}

/**
 * The workbook with respondent `k`'s rating cell, comment and « Réponse » cell for `id` replaced
 * where given, and its assessment rebuilt; the row's own cells follow the first respondent's, as the readers give them.
 */
export function withAnswer(wb: AssessmentWorkbook, id: string, change: CellsChange, k = 0): AssessmentWorkbook {
  const key = id.toLowerCase();
  return {
    ...withAssessment({
      ...wb,
      grid: wb.grid.map((r) => {
        if (r.criterion.toLowerCase() !== key) return r;
        const respondents = r.respondents.map((c, i) => (i === k ? changed(c, change) : c));
        return k === 0 ? { ...changed(r, change), respondents } : { ...r, respondents };
      }),
    }),
    respondents: wb.respondents,
  };
}

/** The workbook with the agreed rating cell and its reason for `id` replaced where given, and its assessment rebuilt. */
export function withAgreed(wb: AssessmentWorkbook, id: string, change: { agreed?: PlainValue; reason?: string }): AssessmentWorkbook {
  const key = id.toLowerCase();
  return {
    ...withAssessment({
      ...wb,
      grid: wb.grid.map((r) =>
        r.criterion.toLowerCase() === key
          ? { ...r, agreed: change.agreed === undefined ? r.agreed : change.agreed, agreedReason: change.reason ?? r.agreedReason }
          : r,
      ),
    }),
    respondents: wb.respondents,
  };
}

/**
 * The cells a text question's answer leaves, as the hosts write it: its words in the « Réponse »
 * cell (the rating cell of a grid without one), the N/A token in the rating cell when N/A.
 */
export function textAnswerCells(wb: AssessmentWorkbook, id: string, rating: Rating, text: string, k = 0): { rating: PlainValue; answer?: PlainValue } {
  const row = wb.grid.find((r) => r.criterion.toLowerCase() === id.toLowerCase());
  const words = rating.kind === "na" || text === "" ? null : text;
  const token = rating.kind === "na" ? ratingCellValue(rating, wb.lang) : null;
  return row && cellsOfRespondent(row, k)?.answerCell ? { rating: token, answer: words } : { rating: token ?? words };
}
