import type { Rating } from "../model/scale.js";
import { criterionScore, weightedMean } from "./score.core.js";
import type { EvaluatorFigures } from "./scoring.types.js";

/** What the evaluator's figures need of a criterion. */
export interface EvaluatorCriterion {
  weight: number;
  /** The evaluator's criterion score s = (e − min)/(max − min) when e is a level of a rating criterion, else null. */
  score: number | null;
  /** |c − e| in default-scale levels when both are levels, else null. */
  disagreement: number | null;
}

/** What a rating criterion's evaluator fields are computed from. */
export interface EvaluatorInput {
  /** The consolidated rating c. */
  consolidated: Rating;
  /** The evaluator's rating e. */
  evaluator: Rating;
  /** A level of the criterion's scale; null for a text question (nothing is then computed). */
  targetLevel: number | null;
  min: number;
  max: number;
  /** (max₀ − min₀)/(max − min): one of the criterion's levels in default-scale levels. */
  unit: number;
}

/** A criterion's evaluator score, gap and disagreement (design.md "The evaluator"), each null when it cannot be. */
export function evaluatorOfCriterion(x: EvaluatorInput): { score: number | null; gap: number | null; disagreement: number | null } {
  if (x.targetLevel === null || x.evaluator.kind !== "level") return { score: null, gap: null, disagreement: null };
  const e = x.evaluator.value;
  return {
    score: criterionScore(e, x.min, x.max),
    gap: (x.targetLevel - e) * x.unit,
    disagreement: x.consolidated.kind === "level" ? Math.abs(x.consolidated.value - e) * x.unit : null,
  };
}

/**
 * Whether a disagreement is within the tolerance. A hair of slack, as QG.AGREEMENT's, so that
 * decimal scales and means compare as people expect (0.3 − 0.2 is within 0.1).
 */
export function isWithinTolerance(disagreement: number, tolerance: number): boolean {
  return disagreement <= tolerance + 1e-12;
}

/**
 * The evaluator's figures over some criteria (a dimension's): the dimension rule applied to e, its
 * gap to `target`, and the agreement over criteria where c and e are both levels.
 */
export function evaluatorFigures(criteria: readonly EvaluatorCriterion[], target: number, tolerance: number): EvaluatorFigures {
  const mean = weightedMean(criteria.flatMap((c) => (c.score === null ? [] : [[c.weight, c.score] as const])));
  const score = mean === null ? null : 100 * mean;
  return { score, gap: score === null ? null : target - score, answered: criteria.filter((c) => c.score !== null).length, ...agreementOf(criteria, tolerance) };
}

/**
 * The evaluator's overall figures: the score weighted by dimension as the overall score
 * (Σ W_d·S_d / Σ W_d over dimensions the evaluator scored), the counts and agreement over every criterion.
 */
export function evaluatorOverall(
  dimensions: readonly { weight: number; evaluator: EvaluatorFigures | null }[],
  criteria: readonly EvaluatorCriterion[],
  target: number,
  tolerance: number,
): EvaluatorFigures {
  const score = weightedMean(dimensions.flatMap((d) => (d.evaluator?.score === null || d.evaluator === null ? [] : [[d.weight, d.evaluator.score] as const])));
  return { score, gap: score === null ? null : target - score, answered: criteria.filter((c) => c.score !== null).length, ...agreementOf(criteria, tolerance) };
}

function agreementOf(criteria: readonly EvaluatorCriterion[], tolerance: number): Pick<EvaluatorFigures, "both" | "withinTolerance" | "meanAbsDiff"> {
  const diffs = criteria.flatMap((c) => (c.disagreement === null ? [] : [c.disagreement]));
  const both = diffs.length;
  if (both === 0) return { both, withinTolerance: null, meanAbsDiff: null };
  return {
    both,
    withinTolerance: diffs.filter((d) => isWithinTolerance(d, tolerance)).length / both,
    meanAbsDiff: diffs.reduce((s, d) => s + d, 0) / both,
  };
}
