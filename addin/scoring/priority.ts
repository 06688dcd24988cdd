import type { CriterionResult } from "./scoring.types.js";

/**
 * Criteria whose gap is positive (below their target level), highest priority (weight × gap)
 * first, ties in template order: the order the action plan takes them in.
 */
export function criteriaByPriority(criteria: readonly CriterionResult[]): CriterionResult[] {
  return criteria
    .filter((c) => c.gap !== null && c.gap > 0)
    .sort((a, b) => comparePriority(b.priority ?? 0, a.priority ?? 0) || a.order - b.order);
}

/**
 * Compares priorities, taking values equal to 12 significant digits as ties: 0.1 × 3 and 0.3 × 1
 * are the same priority, whatever floating point makes of them.
 */
function comparePriority(a: number, b: number): number {
  return Number(a.toPrecision(12)) - Number(b.toPrecision(12));
}
