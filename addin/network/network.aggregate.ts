import semver from "semver";
import { figureStats, suppressedStats } from "./network.stats.js";
import type { CriterionAggregate, DimensionAggregate, GroupStats, MemberScan, NetworkAggregate, NetworkMember, SkippedInput } from "./network.types.js";

/** The smallest group whose figures are shown (`--min-group`). */
export const DEFAULT_MIN_GROUP = 5;

/** How many criteria the « most often below target » list holds. */
const MOST_BELOW = 10;

/**
 * The network's figures (design.md "Network aggregate") over its members: per dimension and
 * overall the statistics of the scores, completion and coverage; per criterion the members per
 * level and the share at or above target; the criteria most often below target. Dimensions and
 * criteria are matched by id across template versions, in the order of the latest version first.
 * Any figure over fewer than `minGroup` members is null and marked suppressed.
 */
export function aggregateNetwork(members: readonly NetworkMember[], skipped: readonly SkippedInput[], minGroup: number = DEFAULT_MIN_GROUP): NetworkAggregate {
  const scans = members.map((m) => m.scan);
  const group = (values: (number | null)[]): GroupStats => {
    const s = figureStats(values);
    return s.n < minGroup ? { ...suppressedStats(s.n), suppressed: true } : { ...s, suppressed: false };
  };
  const layout = layoutOf(scans);
  const dimensions: DimensionAggregate[] = layout.dimensions.map((id) => {
    const figures = scans.map((s) => s.dimensions.find((d) => d.id === id) ?? null);
    return {
      id,
      ...group(figures.map((f) => f?.score ?? null)),
      completion: group(figures.map((f) => f?.completion ?? null)),
      coverage: group(figures.map((f) => f?.coverage ?? null)),
    };
  });
  const byCriterion = new Map<string, { rating: number; targetLevel: number | null; levels: readonly number[] }[]>();
  for (const s of scans) {
    for (const c of s.criteria) {
      if (c.rating === null) continue;
      const list = byCriterion.get(c.id) ?? [];
      list.push({ rating: c.rating, targetLevel: c.targetLevel, levels: c.levels });
      byCriterion.set(c.id, list);
    }
  }
  const criteria: CriterionAggregate[] = layout.criteria.map(({ id, dimensionId }) => {
    const answers = byCriterion.get(id) ?? [];
    const n = answers.length;
    if (n < minGroup) return { id, dimensionId, n, levels: null, atOrAboveTarget: null, suppressed: true };
    const levels: Record<string, number> = {};
    for (const v of [...new Set(answers.flatMap((a) => a.levels))].sort((a, b) => a - b)) levels[String(v)] = 0;
    for (const a of answers) {
      const level = nearestLevel(a.rating, a.levels);
      if (level !== null) levels[String(level)] = (levels[String(level)] ?? 0) + 1;
    }
    const targeted = answers.filter((a) => a.targetLevel !== null);
    const atOrAboveTarget = targeted.length === 0 ? null : targeted.filter((a) => a.rating >= (a.targetLevel as number)).length / targeted.length;
    return { id, dimensionId, n, levels, atOrAboveTarget, suppressed: false };
  });
  const mostBelowTarget = criteria
    .filter((c) => c.atOrAboveTarget !== null && c.atOrAboveTarget < 1)
    .map((c) => ({ id: c.id, belowTarget: 1 - (c.atOrAboveTarget as number), n: c.n }))
    .sort((a, b) => b.belowTarget - a.belowTarget)
    .slice(0, MOST_BELOW);
  const versions = [...new Set(scans.map((s) => s.version))].sort(compareVersions);
  return {
    template: { id: scans[0]?.templateId ?? "", versions },
    members: members.map((m) => ({ code: m.code, version: m.scan.version, date: m.scan.date })),
    skipped: [...skipped],
    minGroup,
    overall: {
      ...group(scans.map((s) => s.overall.score)),
      completion: group(scans.map((s) => s.overall.completion)),
      coverage: group(scans.map((s) => s.overall.coverage)),
    },
    dimensions,
    criteria,
    mostBelowTarget,
  };
}

/**
 * The level nearest to a consolidated rating (a mean of levels need not be one); a rating halfway
 * between two levels goes to the higher. Null for a scale without levels.
 */
export function nearestLevel(rating: number, levels: readonly number[]): number | null {
  let best: number | null = null;
  for (const v of levels) {
    if (best === null) best = v;
    else {
      const d = Math.abs(rating - v);
      const bd = Math.abs(rating - best);
      if (d < bd - 1e-9 || (Math.abs(d - bd) <= 1e-9 && v > best)) best = v;
    }
  }
  return best;
}

/** Dimensions and criteria across the members' versions: the latest version's order first, then what older ones add. */
function layoutOf(scans: readonly MemberScan[]): { dimensions: string[]; criteria: { id: string; dimensionId: string }[] } {
  const ordered = [...scans].sort((a, b) => compareVersions(b.version, a.version));
  const dimensions: string[] = [];
  const criteria = new Map<string, string>();
  for (const s of ordered) {
    for (const d of s.dimensions) if (!dimensions.includes(d.id)) dimensions.push(d.id);
    for (const c of s.criteria) if (!criteria.has(c.id)) criteria.set(c.id, c.dimensionId);
  }
  return { dimensions, criteria: [...criteria].map(([id, dimensionId]) => ({ id, dimensionId })) };
}

/** Versions compared as semver (`1.10.0` after `1.9.0`); one that is not semver is read as the semver it starts with. */
export function compareVersions(a: string, b: string): number {
  const sa = semver.coerce(a);
  const sb = semver.coerce(b);
  if (sa && sb && semver.compare(sa, sb) !== 0) return semver.compare(sa, sb);
  return a < b ? -1 : a > b ? 1 : 0;
}
