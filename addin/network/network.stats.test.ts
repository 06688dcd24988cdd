import { describe, expect, it } from "vitest";
import { figureStats, percentileRank } from "./network.stats.js";

/** QUARTILE.INC as Excel documents it, written out independently: the k-th value plus the fraction of the gap to the next. */
function quartileInc(values: number[], quart: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = ((s.length - 1) * quart) / 4;
  const k = Math.floor(h);
  const lo = s[k] as number;
  return k + 1 < s.length ? lo + (h - k) * ((s[k + 1] as number) - lo) : lo;
}

describe("figureStats", () => {
  it.each([
    // Values Excel gives: =QUARTILE.INC({1,2,3,4},1) is 1.75, ...,3) is 3.25; MEDIAN 2.5.
    [[1, 2, 3, 4], { n: 4, mean: 2.5, median: 2.5, q1: 1.75, q3: 3.25, min: 1, max: 4 }],
    [[7], { n: 1, mean: 7, median: 7, q1: 7, q3: 7, min: 7, max: 7 }],
    [[10, 0, 5], { n: 3, mean: 5, median: 5, q1: 2.5, q3: 7.5, min: 0, max: 10 }],
    [[1, 1, 2, 9, 10], { n: 5, mean: 4.6, median: 2, q1: 1, q3: 9, min: 1, max: 10 }],
  ])("happy path: %j", (values, expected) => {
    const s = figureStats(values);
    for (const [k, v] of Object.entries(expected)) expect(s[k as keyof typeof s], k).toBeCloseTo(v, 12);
  });

  it("agrees with QUARTILE.INC written out, on random sets of every size", () => {
    let seed = 11;
    const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 100;
    for (let n = 1; n <= 40; n++) {
      const values = Array.from({ length: n }, rand);
      const s = figureStats(values);
      expect(s.q1).toBeCloseTo(quartileInc(values, 1), 9);
      expect(s.median).toBeCloseTo(quartileInc(values, 2), 9);
      expect(s.q3).toBeCloseTo(quartileInc(values, 3), 9);
      expect(s.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / n, 9);
    }
  });

  it("leaves nulls out, and gives null figures for an empty set", () => {
    expect(figureStats([null, 4, null, 2])).toMatchObject({ n: 2, mean: 3, min: 2, max: 4 });
    expect(figureStats([null])).toEqual({ n: 0, mean: null, median: null, q1: null, q3: null, min: null, max: null });
  });
});

describe("percentileRank", () => {
  it.each([
    [50, [10, 20, 50, 80], 62.5],
    [10, [20, 30], 0],
    [90, [20, 30], 100],
    [30, [30, 30], 50],
  ])("%d among %j is %d", (score, others, rank) => {
    expect(percentileRank(score, others)).toBeCloseTo(rank, 12);
  });

  it("is null without a score or without others", () => {
    expect(percentileRank(null, [1, 2])).toBeNull();
    expect(percentileRank(5, [null])).toBeNull();
  });
});
