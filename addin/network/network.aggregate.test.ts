import { describe, expect, it } from "vitest";
import { aggregateNetwork, compareVersions, nearestLevel } from "./network.aggregate.js";
import { OLDER_ROUND, pickMembers } from "./network.members.js";
import type { MemberScan } from "./network.types.js";

const LEVELS = [1, 2, 3, 4];

function scan(file: string, organization: string, score: number | null, ratings: (number | null)[], extra: Partial<MemberScan> = {}): MemberScan {
  return {
    file,
    templateId: "t",
    version: "1.0.0",
    organization,
    date: "2025-01-01",
    overall: { score, completion: 0.5, coverage: 0.25 },
    dimensions: [{ id: "D1", score, completion: 0.5, coverage: 0.25 }],
    criteria: ratings.map((rating, i) => ({ id: `C${i + 1}`, dimensionId: "D1", rating, targetLevel: 3, levels: LEVELS })),
    ...extra,
  };
}

const members = (scans: MemberScan[]) => pickMembers(scans, (s) => s.organization.toLowerCase()).members;

describe("aggregateNetwork", () => {
  it("happy path: statistics per dimension and overall, counts per level and share at or above target", () => {
    const scans = [10, 20, 30, 40, 50].map((v, i) => scan(`m${i}.xlsx`, `Org ${i}`, v, [1 + (i % 4), i < 2 ? null : 3, 2.5]));
    const a = aggregateNetwork(members(scans), [], 5);
    expect(a.overall).toMatchObject({ n: 5, mean: 30, median: 30, q1: 20, q3: 40, min: 10, max: 50, suppressed: false });
    expect(a.dimensions[0]).toMatchObject({ id: "D1", n: 5, median: 30, completion: { n: 5, mean: 0.5 }, coverage: { n: 5, mean: 0.25 } });
    expect(a.criteria[0]).toEqual({ id: "C1", dimensionId: "D1", n: 5, levels: { 1: 2, 2: 1, 3: 1, 4: 1 }, atOrAboveTarget: 0.4, suppressed: false });
    // A mean of respondents' levels halfway between two levels counts at the higher one.
    expect(a.criteria[2]?.levels).toEqual({ 1: 0, 2: 0, 3: 5, 4: 0 });
    expect(a.criteria[2]?.atOrAboveTarget).toBe(0);
    expect(a.mostBelowTarget.map((c) => c.id)).toEqual(["C3", "C1"]);
  });

  it("suppresses every figure over fewer members than the minimum group", () => {
    const scans = [10, 20, 30, 40, 50].map((v, i) => scan(`m${i}.xlsx`, `Org ${i}`, v, [i < 4 ? 2 : null]));
    const a = aggregateNetwork(members(scans), [], 5);
    expect(a.criteria[0]).toMatchObject({ n: 4, levels: null, atOrAboveTarget: null, suppressed: true });
    const strict = aggregateNetwork(members(scans), [], 6);
    expect(strict.overall).toMatchObject({ n: 5, mean: null, median: null, q1: null, q3: null, min: null, max: null, suppressed: true });
    expect(strict.dimensions[0]?.completion).toMatchObject({ n: 5, mean: null, suppressed: true });
  });

  it("matches criteria by id across versions, latest version's order first", () => {
    const old = scan("a.xlsx", "A", 10, [1, 2], { version: "1.9.0" });
    const next = { ...scan("b.xlsx", "B", 20, [3]), version: "1.10.0", criteria: [{ id: "C9", dimensionId: "D1", rating: 3, targetLevel: 3, levels: LEVELS }, { id: "C1", dimensionId: "D1", rating: 4, targetLevel: 3, levels: LEVELS }] };
    const a = aggregateNetwork(members([old, next]), [], 1);
    expect(a.template.versions).toEqual(["1.9.0", "1.10.0"]);
    expect(a.criteria.map((c) => [c.id, c.n])).toEqual([["C9", 1], ["C1", 2], ["C2", 1]]);
  });
});

describe("pickMembers", () => {
  it("keeps each organization's latest workbook and skips the others as an older round or copy", () => {
    const picked = pickMembers(
      [scan("b.xlsx", "Org", 1, [], { date: "2024-05-01" }), scan("a.xlsx", "org", 2, [], { date: "2025-05-01" }), scan("c.xlsx", "ORG", 3, [], { date: null }), scan("d.xlsx", "Autre", 4, [])],
      (s) => s.organization.toLowerCase(),
    );
    expect(picked.members.map((m) => m.scan.file)).toEqual(["d.xlsx", "a.xlsx"]);
    expect(picked.skipped).toEqual([
      { file: "b.xlsx", reason: OLDER_ROUND },
      { file: "c.xlsx", reason: OLDER_ROUND },
    ]);
  });
});

describe("nearestLevel and compareVersions", () => {
  it.each([
    [2.49, 2],
    [2.5, 3],
    [3.5, 4],
    [0, 1],
    [9, 4],
  ])("%d rounds to level %d", (rating, level) => expect(nearestLevel(rating, LEVELS)).toBe(level));

  it("orders versions as semver", () => {
    expect(["1.10.0", "1.9.0", "2.0.0", "1.9.1"].sort(compareVersions)).toEqual(["1.9.0", "1.9.1", "1.10.0", "2.0.0"]);
  });
});
