import { describe, expect, it } from "vitest";
import type { Rating } from "../model/scale.js";
import { consensusOfLevels, consolidatedRating, spreadOfLevels, spreadOfRatings } from "./consensus.js";

// Expected values worked out by hand from design.md "Respondents and consensus".
const lv = (value: number): Rating => ({ kind: "level", value });
const NA: Rating = { kind: "na" };
const BLANK: Rating = { kind: "blank" };
const INVALID: Rating = { kind: "invalid", raw: "peut-être", reason: "not a level" };

describe("consensusOfLevels", () => {
  it.each([
    [[3], 3],
    [[2, 3, 3], 8 / 3],
    [[1, 4], 2.5],
    [[0.5, 1.5, 2], 4 / 3],
  ])("gives the mean of %j by default: %d", (levels, expected) => {
    expect(consensusOfLevels(levels)).toBeCloseTo(expected, 12);
    expect(consensusOfLevels(levels, { method: "mean" })).toBeCloseTo(expected, 12);
  });

  it.each([
    [[3], 3],
    [[4, 1, 2], 2],
    [[4, 1, 4, 2], 3],
    [[1, 2], 1.5],
    [[2, 2, 3, 4, 4, 4], 3.5],
  ])("gives the median of %j by policy, an even count taking the mean of the two middle values: %d", (levels, expected) => {
    expect(consensusOfLevels(levels, { method: "median" })).toBe(expected);
  });

  it("does not reorder the levels it is given", () => {
    const levels = [4, 1, 3];
    consensusOfLevels(levels, { method: "median" });
    expect(levels).toEqual([4, 1, 3]);
  });

  it.each(["mean", "median"] as const)("gives null without levels (%s)", (method) => {
    expect(consensusOfLevels([], { method })).toBeNull();
  });
});

describe("spreadOfLevels and spreadOfRatings", () => {
  it.each([
    [[2, 4, 3], 2],
    [[3], 0],
    [[1, 1], 0],
    [[0, 0.5, 2], 2],
  ])("give max − min of %j: %d", (levels, expected) => {
    expect(spreadOfLevels(levels)).toBe(expected);
    expect(spreadOfRatings(levels.map(lv))).toBe(expected);
  });

  it("leave N/A, blanks and unreadable answers out", () => {
    expect(spreadOfRatings([lv(1), NA, BLANK, INVALID, lv(3)])).toBe(2);
  });

  it("give null when no level was given", () => {
    expect(spreadOfLevels([])).toBeNull();
    expect(spreadOfRatings([NA, BLANK])).toBeNull();
  });
});

describe("consolidatedRating", () => {
  it("is one respondent's own rating, whatever it is", () => {
    for (const r of [lv(1), lv(4), NA, BLANK, INVALID]) expect(consolidatedRating([r])).toEqual(r);
  });

  it("takes the mean of the levels given, leaving N/A and blanks out", () => {
    expect(consolidatedRating([lv(2), NA, lv(3), BLANK, lv(3)])).toEqual(lv(8 / 3));
  });

  it("takes the median when the policy says so", () => {
    expect(consolidatedRating([lv(4), lv(1), lv(4), lv(2)], null, { method: "median" })).toEqual(lv(3));
    expect(consolidatedRating([lv(4), lv(1), lv(4), lv(2)], null, { method: "mean" })).toEqual(lv(2.75));
  });

  it.each([
    ["a level", lv(4)],
    ["N/A", NA],
  ])("gives the agreed rating when one is recorded (%s), over the respondents' levels", (_, agreed) => {
    expect(consolidatedRating([lv(1), lv(2)], agreed)).toEqual(agreed);
    expect(consolidatedRating([NA], agreed, { method: "median" })).toEqual(agreed);
  });

  it("ignores a blank agreed rating", () => {
    expect(consolidatedRating([lv(1), lv(2)], BLANK)).toEqual(lv(1.5));
  });

  it("keeps an agreed rating that cannot be read rather than the respondents' mean", () => {
    expect(consolidatedRating([lv(1), lv(2)], INVALID)).toEqual(INVALID);
  });

  it("is N/A when nobody gave a level and someone said N/A", () => {
    expect(consolidatedRating([BLANK, NA, BLANK])).toEqual(NA);
    expect(consolidatedRating([INVALID, NA])).toEqual(NA);
  });

  it("is unanswered when nobody answered", () => {
    expect(consolidatedRating([BLANK, BLANK])).toEqual(BLANK);
    expect(consolidatedRating([])).toEqual(BLANK);
  });

  it("leaves an unreadable answer out when another respondent gave a level", () => {
    expect(consolidatedRating([INVALID, lv(3)])).toEqual(lv(3));
  });
});
