import { figureStats } from "./network.stats.js";
import type { GroupStats, NetworkAggregate, NetworkMember } from "./network.types.js";

/** One dimension (or the whole assessment) in a member's feedback: its own score beside the network's. */
export interface FeedbackLine {
  /** The dimension's id; null for the whole assessment. */
  id: string | null;
  score: number | null;
  network: Pick<GroupStats, "n" | "median" | "q1" | "q3" | "suppressed">;
  /** Its percentile rank among the other members (0–100); null when suppressed or without a score. */
  percentileRank: number | null;
}

/** A criterion where the member's consolidated rating is below the network's median rating. */
export interface FeedbackCriterion {
  id: string;
  dimensionId: string;
  rating: number;
  networkMedian: number;
}

/** What one member's report holds: its own figures and the network's group figures, nothing of any other member. */
export interface MemberFeedback {
  code: string;
  templateId: string;
  version: string;
  minGroup: number;
  members: number;
  overall: FeedbackLine;
  dimensions: FeedbackLine[];
  /** Its criteria furthest below the network's median rating, furthest first. */
  furthestBelow: FeedbackCriterion[];
}

/** How many criteria a member's report lists as furthest below the network. */
const FURTHEST = 10;

/**
 * Each member's feedback (issue 19, `--member-reports`): per dimension and overall its score beside
 * the network's median and quartiles and its percentile rank (design.md), and its criteria whose
 * consolidated rating is furthest below the network's median rating for that criterion. A group
 * figure over fewer than `aggregate.minGroup` members stays suppressed, and so does a percentile
 * rank among fewer others: a rank among a handful would tell the member about the others' scores.
 */
export function memberFeedback(aggregate: NetworkAggregate, members: readonly NetworkMember[]): MemberFeedback[] {
  const min = aggregate.minGroup;
  const ratings = new Map<string, (number | null)[]>();
  for (const m of members) {
    for (const c of m.scan.criteria) {
      const list = ratings.get(c.id);
      if (list) list.push(c.rating);
      else ratings.set(c.id, [c.rating]);
    }
  }
  const criterionMedian = new Map<string, number>();
  for (const c of aggregate.criteria) {
    const s = figureStats(ratings.get(c.id) ?? []);
    if (!c.suppressed && s.n >= min && s.median !== null) criterionMedian.set(c.id, s.median);
  }
  const overall = rankOf(members.map((m) => m.scan.overall.score));
  const byDimension = aggregate.dimensions.map((d) => {
    const scores = members.map((m) => m.scan.dimensions.find((x) => x.id === d.id)?.score ?? null);
    return { group: d, scores, rank: rankOf(scores) };
  });
  const line = (id: string | null, group: GroupStats, score: number | null, rank: (score: number | null) => number | null): FeedbackLine => ({
    id,
    score,
    network: { n: group.n, median: group.median, q1: group.q1, q3: group.q3, suppressed: group.suppressed },
    // Among fewer than the minimum group, a rank would tell a member about the others' scores.
    percentileRank: group.suppressed || group.n < min ? null : rank(score),
  });
  return members.map((m, i) => {
    const furthestBelow = m.scan.criteria
      .flatMap((c) => {
        const median = criterionMedian.get(c.id);
        return c.rating !== null && median !== undefined && c.rating < median ? [{ id: c.id, dimensionId: c.dimensionId, rating: c.rating, networkMedian: median }] : [];
      })
      .sort((a, b) => b.networkMedian - b.rating - (a.networkMedian - a.rating))
      .slice(0, FURTHEST);
    return {
      code: m.code,
      templateId: aggregate.template.id,
      version: m.scan.version,
      minGroup: min,
      members: aggregate.members.length,
      overall: line(null, aggregate.overall, m.scan.overall.score, overall),
      dimensions: byDimension.map((d) => line(d.group.id, d.group, d.scores[i] ?? null, d.rank)),
      furthestBelow,
    };
  });
}

/**
 * The percentile rank (design.md, as `percentileRank` defines it) of one of `scores` among the
 * others, by binary search in the sorted scores, so that a network of thousands stays fast.
 */
function rankOf(scores: readonly (number | null)[]): (score: number | null) => number | null {
  const sorted = scores.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const firstAtLeast = (x: number, strict: boolean): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) < x || (strict && sorted[mid] === x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (score) => {
    if (score === null || !Number.isFinite(score) || sorted.length < 2) return null;
    const below = firstAtLeast(score, false);
    const equalOthers = firstAtLeast(score, true) - below - 1;
    return (100 * (below + equalOthers / 2)) / (sorted.length - 1);
  };
}
