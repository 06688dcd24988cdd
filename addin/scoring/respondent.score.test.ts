import { describe, expect, it } from "vitest";
import type { CriterionAnswers } from "../model/assessment.types.js";
import type { Rating } from "../model/scale.js";
import type { Template } from "../model/template.types.js";
import { scoreAssessment } from "./assessment.score.js";
import { assessmentWith, criterionAnswers } from "./assessment.test-helpers.js";
import { isToDiscuss } from "./respondent.score.js";

// Several respondents (design.md "Respondents and consensus"): every figure below is worked out by hand.

const lv = (value: number): Rating => ({ kind: "level", value });
const NA: Rating = { kind: "na" };
const BLANK: Rating = { kind: "blank" };
const BAD: Rating = { kind: "invalid", raw: "bientôt", reason: "not a level" };

/** D1 (weight 1): C1–C3 on 1–4; D2 (weight 3): C4 (1–4, weight 2), C5 (0–10), C6 a text question. */
const T: Template = {
  id: "t",
  version: "1.0.0",
  title: "T",
  source: "tests",
  scale: { levels: [1, 2, 3, 4].map((value) => ({ value, label: `Niveau ${value}` })), notApplicable: true },
  scales: { ten: { levels: Array.from({ length: 11 }, (_, value) => ({ value, label: `${value}` })), notApplicable: true, targetLevel: 8 } },
  target: 75,
  targetLevel: 3,
  dimensions: [
    { id: "D1", title: "D1", weight: 1, criteria: ["C1", "C2", "C3"].map((id) => ({ id, text: id, weight: 1 })) },
    {
      id: "D2",
      title: "D2",
      weight: 3,
      criteria: [
        { id: "C4", text: "C4", weight: 2 },
        { id: "C5", text: "C5", weight: 1, scale: "ten" },
        { id: "C6", text: "C6", weight: 1, type: "text" },
      ],
    },
  ],
};

/** C6: R1 answers in words, the others leave it blank. */
function c6(): CriterionAnswers {
  const c = criterionAnswers(T, "C6", [BLANK, BLANK, BLANK]);
  (c.answers[0] as { text: string }).text = "Une fois par année";
  return c;
}

/**
 * Three respondents: C1 1/4/2 (spread 3), C2 3/N/A/blank, C3 blank/N/A/N/A, C4 2/4/3 agreed 3,
 * C5 10/4/blank on 0–10 (spread 6), C6 words from R1 only.
 */
function three(agreedC4: Rating | null = lv(3)) {
  return assessmentWith(T, [
    criterionAnswers(T, "C1", [lv(1), lv(4), lv(2)]),
    criterionAnswers(T, "C2", [lv(3), NA, BLANK]),
    criterionAnswers(T, "C3", [BLANK, NA, NA]),
    criterionAnswers(T, "C4", [lv(2), lv(4), lv(3)], agreedC4),
    criterionAnswers(T, "C5", [lv(10), lv(4), BLANK]),
    c6(),
  ]);
}

describe("the consolidated rating, the spread and « à discuter » per criterion", () => {
  it("takes the mean of the levels given, N/A and blanks left out; N/A when only N/A; the agreed rating over all", () => {
    const r = scoreAssessment(three());
    expect(r.criteria.map((c) => c.rating)).toEqual([lv(7 / 3), lv(3), NA, lv(3), lv(7), BLANK]);
    expect(r.criteria.map((c) => c.spread)).toEqual([3, 0, null, 2, 6, null]);
    expect(r.criteria.map((c) => c.toDiscuss)).toEqual([true, true, false, false, true, false]);
    expect(r.criteria[1]?.respondentRatings).toEqual([lv(3), NA, BLANK]);
    // (7/3 − 1)/3 = 4/9; gap 3 − 7/3 = 2/3, priority 1 × 2/3.
    expect(r.criteria[0]?.score).toBeCloseTo(4 / 9, 12);
    expect(r.criteria[0]?.gap).toBeCloseTo(2 / 3, 12);
    expect(r.criteria[4]?.score).toBeCloseTo(0.7, 12);
    expect(r.criteria[5]?.text).toBe("Une fois par année");
  });

  it("takes the median when the workbook says so: of an even count, the mean of the two middle values", () => {
    const a = three();
    a.settings.consolidation = "median";
    const r = scoreAssessment(a);
    expect(r.criteria.map((c) => c.rating)).toEqual([lv(2), lv(3), NA, lv(3), lv(7), BLANK]);
  });

  it("puts nothing to discuss once an agreed rating is recorded, be it N/A or unreadable; unreadable is neither scored nor N/A", () => {
    for (const agreed of [NA, BAD, lv(1)]) {
      const a = three();
      const c1 = a.criteria[0] as CriterionAnswers;
      c1.agreed = { rating: agreed, reason: "réunion du 3 mars" };
      const r = scoreAssessment(a).criteria[0];
      expect(r?.rating).toEqual(agreed);
      expect(r?.toDiscuss).toBe(false);
      // The spread stays the respondents' own.
      expect(r?.spread).toBe(3);
    }
    const a = three();
    (a.criteria[0] as CriterionAnswers).agreed = { rating: BAD, reason: "" };
    const d1 = scoreAssessment(a).dimensions[0];
    // C1 unreadable: only C2 (2/3) is scored; C3 N/A.
    expect(d1?.score).toBeCloseTo(100 * (2 / 3), 9);
    expect([d1?.answered, d1?.notApplicable]).toEqual([1, 1]);
  });

  it("discusses a spread at the threshold but not below it", () => {
    const a = three(null);
    expect(scoreAssessment(a).criteria[3]?.toDiscuss).toBe(true);
    a.settings.spreadThreshold = 2.5;
    expect(scoreAssessment(a).criteria.map((c) => c.toDiscuss)).toEqual([true, true, false, false, true, false]);
  });

  it("rates seven respondents: mean, median and an N/A that puts the criterion to discuss whatever the spread", () => {
    const seven = (ratings: Rating[]) => assessmentWith(T, [criterionAnswers(T, "C1", ratings)]);
    const a = seven([lv(1), lv(2), lv(2), lv(3), lv(4), lv(4), NA]);
    a.settings.spreadThreshold = 4;
    let c = scoreAssessment(a).criteria[0];
    expect([c?.rating, c?.spread, c?.toDiscuss]).toEqual([lv(16 / 6), 3, true]);
    a.settings.consolidation = "median";
    expect(scoreAssessment(a).criteria[0]?.rating).toEqual(lv(2.5));
    c = scoreAssessment(seven([lv(2), lv(2), lv(2), lv(2), lv(2), lv(2), lv(3)])).criteria[0];
    expect([c?.rating, c?.spread, c?.toDiscuss]).toEqual([lv(15 / 7), 1, false]);
  });

  it("discusses nothing with one respondent, even with a threshold of 0", () => {
    const a = assessmentWith(T, [criterionAnswers(T, "C1", [lv(2)])]);
    a.settings.spreadThreshold = 0;
    const r = scoreAssessment(a);
    expect([r.criteria[0]?.rating, r.criteria[0]?.spread, r.criteria[0]?.toDiscuss]).toEqual([lv(2), 0, false]);
    expect(r.overall.toDiscuss).toBe(0);
    expect(isToDiscuss([lv(1), lv(1)], null, 0)).toBe(true);
    expect(isToDiscuss([NA, NA], null, 0)).toBe(false);
  });
});

describe("each respondent's own figures", () => {
  it("scores each respondent by the dimension rule on their own ratings, beside the consolidated score", () => {
    const r = scoreAssessment(three());
    const [d1, d2] = r.dimensions;
    // D1: consolidated (4/9 + 2/3)/2; R1 (0 + 2/3)/2, R2 1 (C2, C3 N/A), R3 1/3.
    expect(d1?.score).toBeCloseTo(100 * (5 / 9), 9);
    expect(d1?.respondents.map((x) => x.name)).toEqual(["R1", "R2", "R3"]);
    expect(d1?.respondents.map((x) => x.score)).toEqual([expect.closeTo(100 / 3, 9), expect.closeTo(100, 9), expect.closeTo(100 / 3, 9)]);
    expect(d1?.respondents.map((x) => x.answered)).toEqual([2, 1, 1]);
    expect(d1?.toDiscuss).toBe(2);
    // D2: C4 weight 2 on 1–4, C5 on 0–10; R1 (2 × 1/3 + 1)/3, R2 (2 × 1 + 0.4)/3, R3 2/3; R1 also answered C6 in words.
    expect(d2?.score).toBeCloseTo((100 * (2 * (2 / 3) + 0.7)) / 3, 9);
    expect(d2?.respondents.map((x) => x.score)).toEqual([expect.closeTo(500 / 9, 9), expect.closeTo(80, 9), expect.closeTo(200 / 3, 9)]);
    expect(d2?.respondents.map((x) => x.answered)).toEqual([3, 2, 1]);
    expect(d2?.toDiscuss).toBe(1);
    // Overall by dimension weight (1 and 3): R1 (100/3 + 3 × 500/9)/4 = 50, R2 (100 + 240)/4 = 85, R3 (100/3 + 200)/4.
    expect(r.overall.respondents.map((x) => x.score)).toEqual([expect.closeTo(50, 9), expect.closeTo(85, 9), expect.closeTo(700 / 12, 9)]);
    expect(r.overall.respondents.map((x) => x.answered)).toEqual([5, 3, 2]);
    expect(r.overall.toDiscuss).toBe(3);
  });

  it("leaves out of the overall a dimension where a respondent has no score", () => {
    const a = assessmentWith(T, [criterionAnswers(T, "C1", [lv(4), NA]), criterionAnswers(T, "C4", [lv(1), lv(4)])]);
    const r = scoreAssessment(a);
    expect(r.dimensions[0]?.respondents.map((x) => x.score)).toEqual([100, null]);
    // R2 only has D2: 100; R1 (1 × 100 + 3 × 0)/4.
    expect(r.overall.respondents.map((x) => x.score)).toEqual([25, 100]);
  });

  it("gives the one unnamed respondent of a one-respondent grid the dimension's own figures", () => {
    const a = assessmentWith(T, [criterionAnswers(T, "C1", [lv(3)]), criterionAnswers(T, "C2", [NA])]);
    const r = scoreAssessment(a);
    expect(r.dimensions[0]?.respondents).toEqual([{ name: "", score: r.dimensions[0]?.score, answered: 1 }]);
    expect(r.dimensions[1]?.respondents).toEqual([{ name: "", score: null, answered: 0 }]);
    expect(r.overall.respondents).toEqual([{ name: "", score: r.overall.score, answered: 1 }]);
  });
});
