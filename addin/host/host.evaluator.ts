import { reviewStatusLabel } from "../model/review.status.js";
import { naDisplayToken, type Rating } from "../model/scale.js";
import { scoreAssessment } from "../scoring/assessment.score.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import { serialOfDay } from "../model/date.serial.js";
import { locateColumns, plainText, type PlainTable, type PlainValue } from "../model/table.plain.js";
import type { Lang } from "../model/template.types.js";
import { matchKey } from "../model/text.match.js";
import { HEADERS, RESPONDENT_HEADERS } from "../plan/labels.js";
import type { NewAction } from "../actions/actions.types.js";
import type { CriterionContext, EvidenceContext, EvidenceReviewInput, RecommendationInput } from "./host.types.js";

/** A grid or register as the hosts read it: headers and data rows, nothing else needed. */
export type HeadedRows = Pick<PlainTable, "headers" | "rows">;

/** Where each respondent's rating and comment sit in the grid (0-based columns), in order. */
export function respondentColumnsOfHeaders(headers: readonly string[]): { name: string; rating: number; comment: number | undefined }[] {
  const c = locateColumns({ headers: [...headers] }, HEADERS.grid);
  if (c.rating !== undefined) return [{ name: "", rating: c.rating, comment: c.comment }];
  const norm = (h: string): string => h.trim().toLocaleLowerCase();
  const out: { name: string; rating: number; comment: number | undefined }[] = [];
  headers.forEach((h, i) => {
    for (const lang of ["fr", "en"] as const) {
      const prefix = `${RESPONDENT_HEADERS.rating[lang]} — `;
      if (!norm(h).startsWith(norm(prefix))) continue;
      const name = h.trim().slice(prefix.length).trim();
      const comment = headers.findIndex((x) => norm(x) === norm(`${RESPONDENT_HEADERS.comment[lang]} — ${name}`));
      out.push({ name, rating: i, comment: comment < 0 ? undefined : comment });
      return;
    }
  });
  return out;
}

/** Whether an evidence row's « Critères » cell names `criterionId` (codes separated by , or ;). */
export function backsCriterion(criteria: PlainValue, criterionId: string): boolean {
  const key = matchKey(criterionId);
  return plainText(criteria)
    .split(/[,;]/)
    .some((c) => c.trim() !== "" && matchKey(c) === key);
}

/**
 * One criterion's context from the grid and the register as read (values, formulas' results):
 * the consolidated rating (the rating itself in a one-respondent grid), each respondent's rating
 * and comment, the agreed rating, the evaluator's fields and the evidence rows that back it. Null
 * when the grid has no such criterion.
 */
export function criterionContextOfTables(grid: HeadedRows, evidence: HeadedRows | null, criterionId: string): CriterionContext | null {
  const g = locateColumns({ headers: [...grid.headers] }, HEADERS.grid);
  if (g.criterion === undefined) return null;
  const key = matchKey(criterionId);
  const row = grid.rows.find((r) => matchKey(plainText(r[g.criterion ?? 0] ?? null)) === key);
  if (!row) return null;
  const at = (i: number | undefined): PlainValue => (i === undefined ? null : (row[i] ?? null));
  const respondents = respondentColumnsOfHeaders(grid.headers).map((r) => ({ name: r.name, rating: at(r.rating), comment: plainText(at(r.comment)) }));
  const consolidated = g.consolidated !== undefined ? at(g.consolidated) : (respondents[0]?.rating ?? null);
  return {
    criterion: plainText(at(g.criterion)),
    consolidated,
    respondents,
    agreed: g.agreed === undefined ? null : { rating: at(g.agreed), reason: plainText(at(g.agreedReason)) },
    evaluator: { rating: at(g.evaluatorRating), comment: plainText(at(g.evaluatorComment)) },
    evidence: evidence ? evidenceOfCriterion(evidence, criterionId) : [],
  };
}

/** The register's rows that back `criterionId`, with their review fields. */
function evidenceOfCriterion(t: HeadedRows, criterionId: string): EvidenceContext[] {
  const e = locateColumns({ headers: [...t.headers] }, HEADERS.evidence);
  if (e.criteria === undefined) return [];
  const hasReview = e.reviewStatus !== undefined;
  return t.rows
    .filter((r) => backsCriterion(r[e.criteria ?? 0] ?? null, criterionId))
    .map((r) => {
      const text = (i: number | undefined): string => (i === undefined ? "" : plainText(r[i] ?? null));
      return {
        id: text(e.id),
        title: text(e.title),
        status: text(e.status),
        location: text(e.location),
        review: hasReview ? { status: text(e.reviewStatus), note: text(e.evaluatorNote), date: e.reviewDate === undefined ? null : (r[e.reviewDate] ?? null), reviewer: text(e.reviewer) } : null,
      };
    });
}

/** The row (0-based in the data) of the register whose « Code » is `evidenceId`, or -1. */
export function evidenceRowIndex(t: HeadedRows, evidenceId: string): number {
  const id = locateColumns({ headers: [...t.headers] }, HEADERS.evidence).id;
  if (id === undefined || evidenceId.trim() === "") return -1;
  return t.rows.findIndex((r) => matchKey(plainText(r[id] ?? null)) === matchKey(evidenceId));
}

/** The language of a table's headers: French unless one of `keys`' English headers is there. */
export function langOfTableHeaders(headers: readonly string[], table: Record<string, Record<Lang, string>>): Lang {
  const have = new Set(headers.map((h) => h.trim().toLocaleLowerCase()));
  const fr = Object.values(table).filter((h) => have.has(h.fr.toLocaleLowerCase())).length;
  const en = Object.values(table).filter((h) => have.has(h.en.toLocaleLowerCase())).length;
  return en > fr ? "en" : "fr";
}

/**
 * The review cells to write, by column (0-based within the register): the status in the register's
 * language (blank = not reviewed), the note and reviewer through `text` (Office.js: `textEntry`, so
 * Excel keeps them as text), the date as a day serial when given. Columns the register lacks are left out.
 */
export function reviewWrites(headers: readonly string[], review: EvidenceReviewInput, text: (s: string) => string = (s) => s): { column: number; value: string | number }[] {
  const e = locateColumns({ headers: [...headers] }, HEADERS.evidence);
  const lang = langOfTableHeaders(headers, HEADERS.evidence);
  const out: { column: number; value: string | number }[] = [];
  const put = (i: number | undefined, value: string | number): void => {
    if (i !== undefined) out.push({ column: i, value });
  };
  put(e.reviewStatus, review.status === null ? "" : reviewStatusLabel(review.status, lang));
  put(e.evaluatorNote, text(review.note));
  if (review.date !== undefined) put(e.reviewDate, review.date === null ? "" : serialOfDay(review.date));
  put(e.reviewer, text(review.reviewer));
  return out;
}

/** The grid keys the organization types into (besides each respondent's own columns). */
const ORGANIZATION_GRID_KEYS = ["rating", "comment", "answer", "agreed", "agreedReason"] as const;
const EVALUATOR_GRID_KEYS = ["evaluatorRating", "evaluatorComment"] as const;
/** The register's organization columns: everything typed but the review and the computed ones. */
const ORGANIZATION_EVIDENCE_KEYS = ["id", "criteria", "title", "type", "owner", "documentDate", "location", "status", "expiry", "confidential", "comment"] as const;
const EVALUATOR_EVIDENCE_KEYS = ["evaluatorNote", "reviewStatus", "reviewDate", "reviewer"] as const;

/** Whose input columns (0-based) a table has: the organization's and the evaluator's. */
export interface InputColumns {
  organization: number[];
  evaluator: number[];
}

/** The grid's input columns by owner: respondents' ratings, comments and words, the agreed rating; the evaluator's. */
export function gridInputColumns(headers: readonly string[]): InputColumns {
  const c = locateColumns({ headers: [...headers] }, HEADERS.grid);
  const pick = (keys: readonly (keyof typeof HEADERS.grid)[]): number[] => keys.flatMap((k) => (c[k] === undefined ? [] : [c[k]]));
  const norm = (h: string): string => h.trim().toLocaleLowerCase();
  const prefixes = (["rating", "comment", "answer"] as const).flatMap((k) => (["fr", "en"] as const).map((l) => norm(`${RESPONDENT_HEADERS[k][l]} — `)));
  const respondents = headers.flatMap((h, i) => (prefixes.some((p) => norm(h).startsWith(p)) ? [i] : []));
  return { organization: [...new Set([...pick(ORGANIZATION_GRID_KEYS), ...respondents])].sort((a, b) => a - b), evaluator: pick(EVALUATOR_GRID_KEYS) };
}

/** The register's input columns by owner. */
export function evidenceInputColumns(headers: readonly string[]): InputColumns {
  const c = locateColumns({ headers: [...headers] }, HEADERS.evidence);
  const pick = (keys: readonly (keyof typeof HEADERS.evidence)[]): number[] => keys.flatMap((k) => (c[k] === undefined ? [] : [c[k]]));
  return { organization: pick(ORGANIZATION_EVIDENCE_KEYS), evaluator: pick(EVALUATOR_EVIDENCE_KEYS) };
}

/**
 * How a sheet is set for a protection mode: whether it is protected, and whether each owner's
 * columns are locked. The register stays unprotected in organization mode so that it can grow.
 */
export function protectionPlan(mode: "organization" | "evaluator" | "none", table: "grid" | "evidence"): { protect: boolean; organizationLocked: boolean; evaluatorLocked: boolean } {
  if (mode === "evaluator") return { protect: true, organizationLocked: true, evaluatorLocked: false };
  if (mode === "organization") return { protect: table === "grid", organizationLocked: false, evaluatorLocked: true };
  return { protect: false, organizationLocked: false, evaluatorLocked: false };
}

/**
 * The action-plan row of a recommendation: marked « Évaluation externe », its criterion's
 * dimension and gap as the grid shows them (0 when the gap is blank), the text and due date as
 * given. Null when the grid has no such criterion.
 */
export function recommendationAction(grid: HeadedRows, rec: RecommendationInput): NewAction | null {
  const g = locateColumns({ headers: [...grid.headers] }, HEADERS.grid);
  if (g.criterion === undefined) return null;
  const row = grid.rows.find((r) => matchKey(plainText(r[g.criterion ?? 0] ?? null)) === matchKey(rec.criterion));
  if (!row) return null;
  const gap = g.gap === undefined ? null : (row[g.gap] ?? null);
  return {
    criterion: plainText(row[g.criterion] ?? null),
    dimension: g.dimension === undefined ? "" : plainText(row[g.dimension] ?? null),
    gap: typeof gap === "number" ? gap : 0,
    source: "externalEvaluation",
    action: rec.text,
    due: rec.due === null ? null : serialOfDay(rec.due),
  };
}

/** A rating as a grid cell would hold it: a level as its number, N/A as the workbook's token. */
function cellOfRating(r: Rating, lang: Lang): PlainValue {
  if (r.kind === "level") return r.value;
  if (r.kind === "na") return naDisplayToken(lang);
  return r.kind === "invalid" ? r.raw : null;
}

/**
 * One criterion's context from a workbook read back (the file hosts): as
 * `criterionContextOfTables`, the consolidated rating computed by the engine since a file's
 * formula results may be stale. Null when the grid has no such criterion.
 */
export function criterionContextOfWorkbook(wb: AssessmentWorkbook, criterionId: string): CriterionContext | null {
  const key = matchKey(criterionId);
  const row = wb.grid.find((r) => matchKey(r.criterion) === key);
  if (!row) return null;
  const scored = scoreAssessment(wb.assessment).criteria.find((c) => matchKey(c.id) === key);
  return {
    criterion: row.criterion,
    consolidated: scored ? cellOfRating(scored.rating, wb.lang) : row.rating,
    respondents: row.respondents.map((r, i) => ({ name: wb.respondents[i]?.name ?? "", rating: r.rating, comment: r.comment })),
    agreed: row.agreedCell ? { rating: row.agreed, reason: row.agreedReason } : null,
    evaluator: { rating: row.evaluatorRating, comment: row.evaluatorComment },
    evidence: (wb.evidence ?? [])
      .filter((e) => backsCriterion(e.criteria, criterionId))
      .map((e) => ({
        id: e.id,
        title: e.title,
        status: e.status,
        location: e.location ?? "",
        review: e.review ? { status: e.review.status, note: e.review.note, date: e.review.date, reviewer: e.review.reviewer } : null,
      })),
  };
}

/** The next recommendation id after those of the plan (R001, R002…, as `qualigrid review` numbers them). */
export function nextRecommendationId(ids: readonly string[]): string {
  let max = 0;
  for (const id of ids) {
    const m = /^R(\d+)$/i.exec(id.trim());
    if (m?.[1]) max = Math.max(max, Number(m[1]));
  }
  return `R${String(max + 1).padStart(3, "0")}`;
}
