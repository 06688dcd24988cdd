/** A rating's place on its scale: 0 at the smallest level, 1 at the largest. */
export function criterionScore(value: number, min: number, max: number): number {
  return (value - min) / (max - min);
}

/**
 * Σ wᵢ·xᵢ / Σ wᵢ, or null when the weights add up to 0 (nothing to score): the one weighted mean
 * behind dimension scores (criteria) and the overall score (dimensions).
 */
export function weightedMean(items: Iterable<readonly [weight: number, value: number]>): number | null {
  let weights = 0;
  let sum = 0;
  for (const [w, x] of items) {
    weights += w;
    sum += w * x;
  }
  return weights > 0 ? sum / weights : null;
}
