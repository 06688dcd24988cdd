import type { Rating } from "../model/scale.js";

/** How the respondents' levels make one rating: their mean (the default) or their median. */
export interface ConsolidationPolicy {
  method: "mean" | "median";
}

/** The consolidation of a workbook that says nothing: the mean. */
export const DEFAULT_POLICY: ConsolidationPolicy = { method: "mean" };

/**
 * The mean, or the median, of the levels given; null for none. The median of an even count is the
 * mean of the two middle values, as Excel's MEDIAN.
 */
export function consensusOfLevels(levels: readonly number[], policy: ConsolidationPolicy = DEFAULT_POLICY): number | null {
  if (levels.length === 0) return null;
  if (policy.method === "mean") return levels.reduce((s, x) => s + x, 0) / levels.length;
  const sorted = [...levels].sort((p, q) => p - q);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Max − min of the levels given: 0 for one level, null for none. */
export function spreadOfLevels(levels: readonly number[]): number | null {
  return levels.length === 0 ? null : Math.max(...levels) - Math.min(...levels);
}

/**
 * The consolidated rating c of a criterion (design.md "Respondents and consensus"): the agreed
 * rating when one is recorded; else the mean (or median) of the levels the respondents gave — not
 * necessarily a level itself; else N/A when someone said N/A; else unanswered. An agreed rating
 * that cannot be read stays unreadable rather than giving way to the respondents', and so does a
 * lone unreadable answer, so one respondent's rating is always its own consolidation.
 */
export function consolidatedRating(answers: readonly Rating[], agreed: Rating | null = null, policy: ConsolidationPolicy = DEFAULT_POLICY): Rating {
  if (agreed && agreed.kind !== "blank") return agreed;
  const value = consensusOfLevels(levelsOf(answers), policy);
  if (value !== null) return { kind: "level", value };
  return answers.find((r) => r.kind === "na") ?? answers.find((r) => r.kind === "invalid") ?? { kind: "blank" };
}

/** The spread of the respondents' ratings: max − min of the levels given, N/A and blanks left out. */
export function spreadOfRatings(answers: readonly Rating[]): number | null {
  return spreadOfLevels(levelsOf(answers));
}

function levelsOf(answers: readonly Rating[]): number[] {
  return answers.flatMap((r) => (r.kind === "level" ? [r.value] : []));
}
