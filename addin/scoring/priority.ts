import type { CriterionResult } from "./scoring.types.js";

/**
 * Criteria whose gap is positive (below their target level), highest priority (weight × gap)
 * first, ties in template order: the order the action plan takes them in.
 */
export function criteriaByPriority(criteria: readonly CriterionResult[]): CriterionResult[] {
  return criteria
    .filter((c) => c.gap !== null && c.gap > 0)
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || a.order - b.order);
}
