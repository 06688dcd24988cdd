import { OVERALL_ROW, type RoundFigures, type RoundRecord } from "../model/history.types.js";
import type { AssessmentResult } from "./scoring.types.js";

/** A dimension's (or the overall, `id` = `OVERALL_ROW`) score now and in the closed rounds. */
export interface DimensionChange {
  id: string;
  score: number | null;
  /** The last closed round's score; null when there is none or it was blank. */
  previous: number | null;
  /** The first closed round's score; null likewise. */
  first: number | null;
  /** score − previous (points; positive = better); null when either is null. */
  change: number | null;
  /** score − first; null when either is null. */
  changeFirst: number | null;
}

/** A criterion whose score went down since the last closed round. */
export interface CriterionDown {
  id: string;
  previous: number;
  current: number;
  /** current − previous: negative. */
  change: number;
}

/** The difference of two scores; null when either is null (design.md: blank when either is blank). */
export function scoreChange(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before;
}

/** A round's figures for a dimension id (case-insensitively) or `OVERALL_ROW`. */
function figuresOf(round: RoundRecord | undefined, id: string): RoundFigures | undefined {
  const key = id.toLowerCase();
  return round?.figures.find((f) => f.dimension.toLowerCase() === key);
}

/**
 * Per dimension of the current result, then overall: the score now, the last and the first closed
 * rounds' scores and the changes since them (design.md "Rounds, comparison and report"). `history`
 * is oldest first; a dimension a round lacks (another template version) has no previous score.
 */
export function dimensionChanges(result: AssessmentResult, history: readonly RoundRecord[]): DimensionChange[] {
  const last = history[history.length - 1];
  const first = history[0];
  const one = (id: string, score: number | null): DimensionChange => {
    const previous = figuresOf(last, id)?.score ?? null;
    const firstScore = figuresOf(first, id)?.score ?? null;
    return { id, score, previous, first: firstScore, change: scoreChange(score, previous), changeFirst: scoreChange(score, firstScore) };
  };
  return [...result.dimensions.map((d) => one(d.id, d.score)), one(OVERALL_ROW, result.overall.score)];
}

/**
 * The criteria that went down since the last closed round: scored in both (100 × s now, the
 * round's criterion score then) and lower now; of one dimension when `dimensionId` is given
 * (case-insensitively). Sorted by change ascending (the largest fall first), then template order.
 */
export function criteriaDown(result: AssessmentResult, history: readonly RoundRecord[], dimensionId?: string): CriterionDown[] {
  const last = history[history.length - 1];
  if (!last) return [];
  const before = new Map(last.criteria.map((c) => [c.criterion.toLowerCase(), c.score]));
  const dim = dimensionId?.toLowerCase();
  const out: (CriterionDown & { order: number })[] = [];
  for (const c of result.criteria) {
    if (dim !== undefined && c.dimensionId.toLowerCase() !== dim) continue;
    const previous = before.get(c.id.toLowerCase()) ?? null;
    if (previous === null || c.score === null) continue;
    const current = 100 * c.score;
    if (current < previous) out.push({ id: c.id, previous, current, change: current - previous, order: c.order });
  }
  out.sort((a, b) => a.change - b.change || a.order - b.order);
  return out.map(({ order: _order, ...rest }) => rest);
}
