import { max, mean, min, quantileSorted } from "d3-array";

/** The summary statistics of a set of figures (design.md "Network aggregate"); null figures when the set is empty. */
export interface FigureStats {
  n: number;
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
}

/**
 * n, mean, median, first and third quartiles, min and max of `values` (nulls left out). The
 * quartiles are Excel's QUARTILE.INC (linear interpolation between closest ranks, R's type 7),
 * which is how d3's `quantileSorted` computes them.
 */
export function figureStats(values: readonly (number | null)[]): FigureStats {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { n: 0, mean: null, median: null, q1: null, q3: null, min: null, max: null };
  return {
    n: sorted.length,
    mean: mean(sorted) ?? null,
    median: quantileSorted(sorted, 0.5) ?? null,
    q1: quantileSorted(sorted, 0.25) ?? null,
    q3: quantileSorted(sorted, 0.75) ?? null,
    min: min(sorted) ?? null,
    max: max(sorted) ?? null,
  };
}

/** The same statistics with every figure but n blanked: what a group too small to show gives. */
export function suppressedStats(n: number): FigureStats {
  return { n, mean: null, median: null, q1: null, q3: null, min: null, max: null };
}

/**
 * A member's percentile rank among the others (design.md): the share of the other members' scores
 * strictly below `score` plus half the share equal to it, 0–100; null without a score or without others.
 */
export function percentileRank(score: number | null, others: readonly (number | null)[]): number | null {
  const rest = others.filter((v): v is number => v !== null && Number.isFinite(v));
  if (score === null || rest.length === 0) return null;
  const below = rest.filter((v) => v < score).length;
  const equal = rest.filter((v) => v === score).length;
  return (100 * (below + equal / 2)) / rest.length;
}
