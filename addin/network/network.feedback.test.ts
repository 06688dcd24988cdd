import { describe, expect, it } from "vitest";
import { aggregateNetwork } from "./network.aggregate.js";
import { memberFeedback } from "./network.feedback.js";
import { percentileRank } from "./network.stats.js";
import type { MemberScan, NetworkMember } from "./network.types.js";

function member(i: number, d1: number | null, d2: number | null, ratings: (number | null)[]): NetworkMember {
  const scan: MemberScan = {
    file: `m${i}.xlsx`,
    templateId: "t",
    version: "1.0.0",
    organization: `Org ${i}`,
    date: null,
    overall: { score: d1, completion: 1, coverage: null },
    dimensions: [
      { id: "D1", score: d1, completion: 1, coverage: null },
      { id: "D2", score: d2, completion: 1, coverage: null },
    ],
    criteria: ratings.map((rating, k) => ({ id: `C${k + 1}`, dimensionId: "D1", rating, targetLevel: 3, levels: [1, 2, 3, 4] })),
  };
  return { code: `c${i}`, scan };
}

describe("memberFeedback", () => {
  // Ties, a missing score, D2 scored by 3 members only.
  const d1 = [10, 20, 20, 20, 35, null, 50, 90];
  const members = d1.map((s, i) => member(i, s, i < 3 ? 40 + i : null, [1 + (i % 4), i < 6 ? 4 : null, 2]));
  const data = aggregateNetwork(members, [], 5);
  const feedback = memberFeedback(data, members);

  it("gives each member the percentile rank design.md defines, ties counting half", () => {
    feedback.forEach((f, i) => {
      const others = members.filter((_, j) => j !== i).map((m) => m.scan.dimensions[0]?.score ?? null);
      expect(f.dimensions[0]?.percentileRank).toBe(percentileRank(d1[i] ?? null, others));
    });
    expect(feedback[1]?.dimensions[0]?.percentileRank).toBeCloseTo((100 * (1 + 2 / 2)) / 6, 12);
    expect(feedback[5]?.dimensions[0]?.percentileRank).toBeNull();
  });

  it("keeps suppressed what the network suppresses: D2's median, quartiles and ranks", () => {
    for (const f of feedback) {
      expect(f.dimensions[1]?.network).toEqual({ n: 3, median: null, q1: null, q3: null, suppressed: true });
      expect(f.dimensions[1]?.percentileRank).toBeNull();
    }
  });

  it("lists a member's criteria below the network's median rating, furthest first", () => {
    // C1's ratings: 1,2,3,4,1,2,3,4 (median 2.5); C2: six 4s (median 4); C3 all 2 (never below).
    expect(feedback[0]?.furthestBelow).toEqual([{ id: "C1", dimensionId: "D1", rating: 1, networkMedian: 2.5 }]);
    expect(feedback[2]?.furthestBelow).toEqual([]);
    expect(feedback.every((f) => f.furthestBelow.every((c) => c.id !== "C3"))).toBe(true);
  });

  it("says nothing of another member: only the member's own code", () => {
    feedback.forEach((f, i) => {
      const text = JSON.stringify(f);
      expect(f.code).toBe(`c${i}`);
      for (let j = 0; j < members.length; j++) if (j !== i) expect(text).not.toContain(`"c${j}"`);
      expect(text).not.toContain("Org ");
    });
  });
});
