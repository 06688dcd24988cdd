/**
 * The evaluator's figures (design.md "The evaluator"), each worked out by hand: their score by the
 * self-assessment rule applied to e, the gap to the target, the agreement with the consolidated
 * rating c, the criteria beyond the tolerance, and evidence coverage under review.
 */
import { describe, expect, it } from "vitest";
import type { Assessment, CriterionAnswers, EvidenceItem, EvidenceReview } from "../model/assessment.types.js";
import { reviewStatusOfCell, reviewStatusOfText } from "../model/review.status.js";
import type { Rating } from "../model/scale.js";
import type { Criterion, Template } from "../model/template.types.js";
import { scoreAssessment } from "./assessment.score.js";
import { assessmentWith, criterionAnswers } from "./assessment.test-helpers.js";
import type { AssessmentResult, CriterionResult, DimensionResult } from "./scoring.types.js";

const lv = (value: number): Rating => ({ kind: "level", value });
const NA: Rating = { kind: "na" };
const BLANK: Rating = { kind: "blank" };

/** Default scale 1–4 (s = (v − 1)/3), target 75, targetLevel 3; a second scale `pct` 0–6 (one of its levels = 0.5 default levels). */
function tpl(dims: Record<string, (string | Partial<Criterion> & { id: string })[]>, weights: Record<string, number> = {}): Template {
  return {
    id: "t",
    version: "1.0.0",
    title: "T",
    source: "tests",
    scale: { levels: [1, 2, 3, 4].map((value) => ({ value, label: `N${value}` })), notApplicable: true },
    scales: { pct: { levels: [0, 1, 2, 3, 4, 5, 6].map((value) => ({ value, label: `P${value}` })), notApplicable: true } },
    target: 75,
    targetLevel: 3,
    dimensions: Object.entries(dims).map(([id, criteria]) => ({
      id,
      title: id,
      weight: weights[id] ?? 1,
      criteria: criteria.map((c) => ({ text: "x", weight: 1, ...(typeof c === "string" ? { id: c } : c) })),
    })),
  };
}

interface Row {
  self: Rating[];
  evaluator: Rating;
  agreed?: Rating;
}

/** An assessment with an evaluator: each criterion's respondents' ratings, the evaluator's, an agreed rating or none. */
function assessed(template: Template, rows: Record<string, Row>, change: (a: Assessment) => void = () => {}): Assessment {
  const criteria = Object.entries(rows).map(([id, r]): CriterionAnswers => ({
    ...criterionAnswers(template, id, r.self, r.agreed ?? null),
    evaluator: { rating: r.evaluator, comment: "", text: "" },
  }));
  const a = assessmentWith(template, criteria);
  a.evaluator = { name: "", role: "evaluator" };
  change(a);
  return a;
}

function dim(r: AssessmentResult, id: string): DimensionResult {
  const d = r.dimensions.find((x) => x.id === id);
  if (!d) throw new Error(`no dimension ${id}`);
  return d;
}

function crit(r: AssessmentResult, id: string): CriterionResult {
  const c = r.criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no criterion ${id}`);
  return c;
}

describe("the evaluator's score, gap and agreement — one respondent, one scale", () => {
  // D1: a self 3 / eval 4 (diff 1), b 2 / 4 (diff 2), c N/A / 2 (not compared). D2 (weight 2): d 4 / N/A.
  const template = tpl({ D1: ["a", "b", "c"], D2: ["d"] }, { D2: 2 });
  const rows: Record<string, Row> = {
    a: { self: [lv(3)], evaluator: lv(4) },
    b: { self: [lv(2)], evaluator: lv(4) },
    c: { self: [NA], evaluator: lv(2) },
    d: { self: [lv(4)], evaluator: NA },
  };
  const r = scoreAssessment(assessed(template, rows));

  it("scores the dimension on e by the dimension rule: (1 + 1 + 1/3)/3 × 100, gap 75 − that", () => {
    const e = dim(r, "D1").evaluator;
    expect(e?.score).toBeCloseTo((700 / 9), 9);
    expect(e?.gap).toBeCloseTo(75 - 700 / 9, 9);
    expect(e?.answered).toBe(3);
  });

  it("compares only criteria where c and e are both levels: a (1) and b (2)", () => {
    const e = dim(r, "D1").evaluator;
    expect(e?.both).toBe(2);
    expect(e?.withinTolerance).toBe(0.5);
    expect(e?.meanAbsDiff).toBe(1.5);
  });

  it("gives nulls inside where the evaluator rated nothing with a level (D2: N/A)", () => {
    expect(dim(r, "D2").evaluator).toEqual({ score: null, gap: null, answered: 0, both: 0, withinTolerance: null, meanAbsDiff: null });
  });

  it("weights the overall score by dimension over the dimensions the evaluator scored (D1 only)", () => {
    expect(r.overall.evaluator?.score).toBeCloseTo(700 / 9, 9);
    expect(r.overall.evaluator?.gap).toBeCloseTo(75 - 700 / 9, 9);
    expect(r.overall.evaluator).toMatchObject({ answered: 3, both: 2, withinTolerance: 0.5, meanAbsDiff: 1.5 });
  });

  it("gives each criterion e, its gap and |c − e|", () => {
    expect(crit(r, "a")).toMatchObject({ evaluatorRating: lv(4), evaluatorGap: -1, disagreement: 1 });
    expect(crit(r, "b")).toMatchObject({ evaluatorGap: -1, disagreement: 2 });
    expect(crit(r, "c")).toMatchObject({ evaluatorGap: 1, disagreement: null });
    expect(crit(r, "d")).toMatchObject({ evaluatorRating: NA, evaluatorGap: null, disagreement: null });
  });

  it("lists the criteria beyond the tolerance (1): b only", () => {
    expect(r.disagreements).toEqual(["b"]);
  });

  it("with tolerance 0, only equal ratings agree: none of 2, and a and b are listed", () => {
    const zero = scoreAssessment(assessed(template, rows, (a) => void (a.settings.agreementTolerance = 0)));
    expect(dim(zero, "D1").evaluator?.withinTolerance).toBe(0);
    expect(zero.overall.evaluator?.withinTolerance).toBe(0);
    expect(zero.disagreements).toEqual(["a", "b"]);
  });

  it("leaves the self-assessment's own figures as they were", () => {
    const without = scoreAssessment(assessed(template, rows, (a) => void (a.evaluator = null)));
    expect(dim(r, "D1").score).toBe(dim(without, "D1").score);
    expect(r.overall.score).toBe(without.overall.score);
  });
});

describe("the evaluator against the consolidated rating — three respondents", () => {
  // x: 2, 3, N/A → c = 2.5 (mean), e 3: 0.5. y: 1, 2, 4 → c = 7/3 (mean) or 2 (median), e 4. z: agreed 2 (their 4s set aside), e 2: 0.
  const template = tpl({ D: ["x", "y", "z"] });
  const rows: Record<string, Row> = {
    x: { self: [lv(2), lv(3), NA], evaluator: lv(3) },
    y: { self: [lv(1), lv(2), lv(4)], evaluator: lv(4) },
    z: { self: [lv(4), lv(4), lv(4)], evaluator: lv(2), agreed: lv(2) },
  };

  it("uses the mean 2.5 against the evaluator's 3, and the agreed rating when one is recorded", () => {
    const r = scoreAssessment(assessed(template, rows));
    expect(crit(r, "x").disagreement).toBe(0.5);
    expect(crit(r, "y").disagreement).toBeCloseTo(4 - 7 / 3, 12);
    expect(crit(r, "z").disagreement).toBe(0);
    const e = dim(r, "D").evaluator;
    expect(e?.both).toBe(3);
    // Within 1: x and z.
    expect(e?.withinTolerance).toBeCloseTo(2 / 3, 12);
    expect(e?.meanAbsDiff).toBeCloseTo((0.5 + 5 / 3 + 0) / 3, 12);
    // e: 3 → 2/3, 4 → 1, 2 → 1/3; mean 2/3.
    expect(e?.score).toBeCloseTo(200 / 3, 9);
    expect(r.disagreements).toEqual(["y"]);
  });

  it("with tolerance 0, only z agrees; with the median, y's c is 2", () => {
    const r = scoreAssessment(assessed(template, rows, (a) => {
      a.settings.agreementTolerance = 0;
      a.settings.consolidation = "median";
    }));
    expect(crit(r, "y").disagreement).toBe(2);
    expect(dim(r, "D").evaluator?.withinTolerance).toBeCloseTo(1 / 3, 12);
    expect(dim(r, "D").evaluator?.meanAbsDiff).toBeCloseTo((0.5 + 2 + 0) / 3, 12);
    expect(r.disagreements).toEqual(["x", "y"]);
  });

  it("leaves out a criterion every respondent said N/A, and one the evaluator left blank", () => {
    const r = scoreAssessment(assessed(template, { x: { self: [NA, NA, NA], evaluator: lv(3) }, y: { self: [lv(2), lv(2), lv(2)], evaluator: BLANK } }));
    expect(dim(r, "D").evaluator).toMatchObject({ answered: 1, both: 0, withinTolerance: null, meanAbsDiff: null });
  });
});

describe("the evaluator across scales", () => {
  // p on `pct` 0–6, target level 4: one pct level = 3/6 = 0.5 default level. c = 2, e = 5.
  const template = tpl({ D: [{ id: "p", scale: "pct", targetLevel: 4 }, "q"] });
  const rows: Record<string, Row> = { p: { self: [lv(2)], evaluator: lv(5) }, q: { self: [lv(2)], evaluator: lv(3) } };

  it("measures the gap and the difference in default-scale levels, and scores e on its own scale", () => {
    const r = scoreAssessment(assessed(template, rows));
    expect(crit(r, "p")).toMatchObject({ evaluatorGap: -0.5, disagreement: 1.5 });
    // p: 5/6; q: (3 − 1)/3 = 2/3.
    expect(dim(r, "D").evaluator?.score).toBeCloseTo(100 * (5 / 6 + 2 / 3) / 2, 9);
    // Tolerance 1: q (1) agrees, p (1.5) does not.
    expect(dim(r, "D").evaluator).toMatchObject({ both: 2, withinTolerance: 0.5, meanAbsDiff: 1.25 });
    expect(r.disagreements).toEqual(["p"]);
  });

  it("counts p within a tolerance of 1.5", () => {
    const r = scoreAssessment(assessed(template, rows, (a) => void (a.settings.agreementTolerance = 1.5)));
    expect(dim(r, "D").evaluator?.withinTolerance).toBe(1);
    expect(r.disagreements).toEqual([]);
  });
});

describe("the evaluator — edges", () => {
  it("is null in every figure when the assessment has no evaluator, and its criterion fields empty", () => {
    const template = tpl({ D: ["a"] });
    const a = assessed(template, { a: { self: [lv(2)], evaluator: lv(4) } }, (x) => void (x.evaluator = null));
    const r = scoreAssessment(a);
    expect(dim(r, "D").evaluator).toBeNull();
    expect(r.overall.evaluator).toBeNull();
    expect(dim(r, "D").reviewedCoverage).toBeNull();
    expect(crit(r, "a")).toMatchObject({ evaluatorRating: BLANK, evaluatorGap: null, disagreement: null });
    expect(r.disagreements).toEqual([]);
  });

  it("scores nothing for a text question nor for an unreadable rating", () => {
    const template = tpl({ D: [{ id: "t", type: "text" }, "u"] });
    const bad: Rating = { kind: "invalid", raw: "bof", reason: "not a level" };
    const r = scoreAssessment(assessed(template, { t: { self: [BLANK], evaluator: lv(4) }, u: { self: [lv(3)], evaluator: bad } }));
    expect(dim(r, "D").evaluator).toEqual({ score: null, gap: null, answered: 0, both: 0, withinTolerance: null, meanAbsDiff: null });
    expect(crit(r, "t").evaluatorRating).toEqual(BLANK);
  });
});

describe("evidence coverage under the evaluator's review", () => {
  const template = tpl({ D: ["a", "b", "c", "d", "e", "f"] });
  const rows = Object.fromEntries(["a", "b", "c", "d", "e", "f"].map((id) => [id, { self: [lv(3)], evaluator: BLANK }]));
  const item = (criterion: string, status: string, review: string, expiry: Date | null = null): EvidenceItem => ({
    id: `P-${criterion}`,
    criteria: [criterion],
    title: "",
    status,
    location: "",
    confidential: false,
    expiry,
    review: { status: review, note: "", date: null, reviewer: "" } satisfies EvidenceReview,
  });
  const register = [
    item("a", "Accepté", ""), // not reviewed: counts for the organization, not for the evaluator
    item("b", "Accepté", "Acceptée"), // both
    item("c", "Accepté", "Manquante"), // neither…
    item("c", "En préparation", "ACCEPTÉE"), // …but the evaluator accepted this one: reviewed only
    item("d", "Accepté", "à compléter"), // sent back: neither
    item("d", "Accepté", "Acceptée", new Date(Date.UTC(2025, 4, 1))), // expired: neither
    item("f", "Accepté", "Missing"), // the other language's word, as the formulas read it: no verdict, so not reviewed
  ];
  const r = scoreAssessment(
    assessed(template, rows, (x) => {
      x.evidence = register;
      x.assessmentDate = new Date(Date.UTC(2025, 5, 1));
    }),
  );

  it("counts an accepted item unless the evaluator sent it back or it expired: a, b, f of 6", () => {
    expect(dim(r, "D").evidenceCoverage).toBe(0.5);
    expect(r.criteria.map((c) => c.acceptedEvidenceCount)).toEqual([1, 1, 0, 0, 0, 1]);
  });

  it("counts in reviewedCoverage only items the evaluator marked « Acceptée »: b, c of 6", () => {
    expect(dim(r, "D").reviewedCoverage).toBeCloseTo(1 / 3, 12);
    expect(r.overall.reviewedCoverage).toBeCloseTo(1 / 3, 12);
    expect(r.criteria.map((c) => c.reviewedEvidenceCount)).toEqual([0, 1, 1, 0, 0, 0]);
  });

  it("keeps today's coverage when the register has no review fields", () => {
    const plain = scoreAssessment(
      assessed(template, rows, (x) => {
        x.evidence = register.map((e) => ({ ...e, review: null }));
        x.assessmentDate = new Date(Date.UTC(2025, 5, 1));
      }),
    );
    // a, b, c, d (its first item), f.
    expect(dim(plain, "D").evidenceCoverage).toBeCloseTo(5 / 6, 12);
    expect(dim(plain, "D").reviewedCoverage).toBe(0);
  });
});

describe("review status words", () => {
  it.each([
    ["Acceptée", "accepted"],
    ["ACCEPTÉE", "accepted"],
    ["manquante", "missing"],
    ["A compléter", null],
    ["À compléter ", null],
    ["To complete", null],
    ["", null],
  ])("a cell « %s » of a French workbook is %s, as COUNTIFS compares", (text, status) => {
    expect(reviewStatusOfCell(text, "fr")).toBe(status);
  });

  it("reads the English words in an English workbook, and either without a language", () => {
    expect(reviewStatusOfCell("to complete", "en")).toBe("toComplete");
    expect(reviewStatusOfCell("Acceptée", "en")).toBeNull();
    expect(reviewStatusOfCell("Missing")).toBe("missing");
  });

  it.each([
    ["a completer", "toComplete"],
    ["TO-COMPLETE", "toComplete"],
    [" acceptee ", "accepted"],
    ["Missing", "missing"],
    ["maybe", null],
  ])("typed in a file, « %s » is %s (case, accents, spaces set aside)", (text, status) => {
    expect(reviewStatusOfText(text)).toBe(status);
  });
});
