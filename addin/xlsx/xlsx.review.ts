import type ExcelJS from "exceljs";
import type { NewAction } from "../actions/actions.types.js";
import { serialOfDay } from "../model/date.serial.js";
import type { EvidenceReviewLine, RecommendationLine } from "../model/review.parse.js";
import { reviewStatusLabel } from "../model/review.status.js";
import { naDisplayToken } from "../model/scale.js";
import { scoreAssessment } from "../scoring/assessment.score.js";
import type { AssessmentWorkbook, CellRef } from "../workbook/workbook.types.js";
import { appendActions, type AppendRefusal } from "./xlsx.actions.js";
import type { AnswerEntry, FillResult } from "./xlsx.fill.js";

/** How the evaluator's recommendations ids start: R001, R002…, apart from the plan's A-001. */
const RECOMMENDATION_ID = /^R(\d+)$/i;

/** Sets a cell to `value` unless it already holds it; tells whether it changed. */
function putter(wb: ExcelJS.Workbook): (ref: CellRef | null | undefined, value: string | number | null) => boolean {
  return (ref, value) => {
    if (!ref) return false;
    const ws = wb.getWorksheet(ref.sheet);
    if (!ws) throw new Error(`sheet ${ref.sheet} vanished between reading and writing`);
    const cell = ws.getCell(ref.address);
    const held = cell.value;
    if (value === null ? held === null || held === undefined || held === "" : held === value) return false;
    cell.value = value;
    return true;
  };
}

/**
 * Writes the evaluator's ratings and comments into the grid's « Cotation évaluateur » and
 * « Commentaire évaluateur »: a level as a number, N/A as the workbook language's token, blank as
 * an empty cell; a null comment leaves the comment as it is. Criteria not in the grid, and rows
 * without the evaluator's column, are skipped; the organization's cells are never touched.
 */
export function fillEvaluator(wb: ExcelJS.Workbook, a: AssessmentWorkbook, lines: readonly AnswerEntry[]): FillResult {
  const put = putter(wb);
  const rows = new Map(a.grid.map((r) => [r.criterion.toLowerCase(), r]));
  let filled = 0;
  let cellsChanged = 0;
  for (const line of lines) {
    const row = rows.get(line.criterion.toLowerCase());
    if (!row?.evaluatorRatingCell) continue;
    const r = line.rating;
    if (put(row.evaluatorRatingCell, r.kind === "level" ? r.value : r.kind === "na" ? naDisplayToken(a.lang) : null)) cellsChanged++;
    // A plain string cell is text in the file: "=…" in a comment never becomes a formula.
    if (line.comment !== null && put(row.evaluatorCommentCell, line.comment === "" ? null : line.comment)) cellsChanged++;
    filled++;
  }
  return { filled, cellsChanged };
}

/**
 * Writes the evaluator's review of evidence rows (by id, ignoring case): the status in the
 * workbook language's word (blank: not reviewed), the note (null leaves it), and, on a row whose
 * status or note changed, the review date (`date`, else today) and the reviewer (`reviewer`, when
 * given); a row set back to not reviewed loses its date and reviewer. A row already so is left
 * alone, so the same review written twice changes nothing. Rows without review columns are skipped.
 */
export function fillEvidenceReviews(
  wb: ExcelJS.Workbook,
  a: AssessmentWorkbook,
  lines: readonly EvidenceReviewLine[],
  options: { reviewer?: string; date?: Date } = {},
): FillResult {
  const put = putter(wb);
  const rows = new Map((a.evidence ?? []).filter((e) => e.id !== "").map((e) => [e.id.toLowerCase(), e]));
  const day = serialOfDay(options.date ?? localToday());
  let filled = 0;
  let cellsChanged = 0;
  for (const line of lines) {
    const review = rows.get(line.evidence.toLowerCase())?.review;
    if (!review) continue;
    let changed = put(review.statusCell, line.status === null ? null : reviewStatusLabel(line.status, a.lang)) ? 1 : 0;
    if (line.note !== null && put(review.noteCell, line.note.trim() === "" ? null : line.note.trim())) changed++;
    if (changed > 0) {
      if (put(review.dateCell, line.status === null ? null : day)) changed++;
      const reviewer = line.status === null ? null : options.reviewer?.trim() || undefined;
      if (reviewer !== undefined && put(review.reviewerCell, reviewer)) changed++;
    }
    cellsChanged += changed;
    filled++;
  }
  return { filled, cellsChanged };
}

/**
 * Adds the evaluator's recommendations to the action plan (`QG_Actions`) as the plan from gaps adds
 * its rows (`appendActions`: blank rows at the end first, then the table grows), each with source
 * « Évaluation externe » / "External evaluation", its criterion, its text as the action, its due date
 * and a fresh id R001, R002… after the plan's highest; no other row is edited. A recommendation the
 * plan already holds (same criterion and text) is not added again.
 */
export function appendRecommendations(
  wb: ExcelJS.Workbook,
  a: AssessmentWorkbook,
  lines: readonly RecommendationLine[],
): { ok: true; added: number } | ({ ok: false } & AppendRefusal) {
  const held = new Set((a.actions ?? []).map((r) => recommendationKey(r.criterion, r.action)));
  const fresh: RecommendationLine[] = [];
  for (const l of lines) {
    const key = recommendationKey(l.criterion, l.recommendation);
    if (held.has(key)) continue;
    held.add(key);
    fresh.push(l);
  }
  if (fresh.length === 0) return { ok: true, added: 0 };
  let max = 0;
  for (const r of a.actions ?? []) {
    const m = RECOMMENDATION_ID.exec(r.id.trim());
    if (m?.[1]) max = Math.max(max, Number(m[1]));
  }
  const scored = new Map(scoreAssessment(a.assessment).criteria.map((c) => [c.id.toLowerCase(), c]));
  const actions: NewAction[] = fresh.map((l, i) => {
    const c = scored.get(l.criterion.toLowerCase());
    return {
      criterion: l.criterion,
      dimension: c?.dimensionId ?? "",
      gap: c?.gap ?? 0,
      source: "externalEvaluation",
      id: `R${String(max + 1 + i).padStart(3, "0")}`,
      action: l.recommendation,
      due: l.due === null ? null : serialOfDay(l.due),
    };
  });
  return appendActions(wb, actions);
}

/** A recommendation as compared with the plan's rows: criterion and text, case and spacing set aside. */
function recommendationKey(criterion: string, text: string): string {
  return `${criterion.trim().toLowerCase()}\u001f${text.trim().replace(/\s+/g, " ").toLowerCase()}`;
}

/** Today's local calendar day as a UTC day, as the workbook's `TODAY()` takes it. */
function localToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}
