import { describe, expect, it } from "vitest";
import { parseRatingText, type Rating } from "../model/scale.js";
import type { Template } from "../model/template.types.js";
import { scoreAssessment } from "./assessment.score.js";
import { assessmentOf, assessmentWith, criterionAnswers, type EvidenceLink } from "./assessment.test-helpers.js";
import type { AssessmentResult, CriterionResult, DimensionResult } from "./scoring.types.js";

// Expected numbers below are worked out by hand from design.md's rules. With the default scale
// 1–4, a criterion's score is s = (v − 1)/3: 1 → 0, 2 → 1/3, 3 → 2/3, 4 → 1.

interface CritSpec {
  id: string;
  weight?: number;
  targetLevel?: number;
}
interface DimSpec {
  id: string;
  weight?: number;
  target?: number;
  criteria: (string | CritSpec)[];
}
interface TplOptions {
  target?: number;
  targetLevel?: number;
  levels?: number[];
  notApplicable?: boolean;
}

/** A template built directly (not through the parser), with the default scale 1–4, target 75, targetLevel 3. */
function tpl(dims: DimSpec[], o: TplOptions = {}): Template {
  return {
    id: "t",
    version: "1.0.0",
    title: "T",
    source: "tests",
    scale: {
      levels: (o.levels ?? [1, 2, 3, 4]).map((value) => ({ value, label: `Niveau ${value}` })),
      notApplicable: o.notApplicable ?? true,
    },
    target: o.target ?? 75,
    targetLevel: o.targetLevel ?? 3,
    dimensions: dims.map((d) => ({
      id: d.id,
      title: d.id,
      weight: d.weight ?? 1,
      ...(d.target !== undefined ? { target: d.target } : {}),
      criteria: d.criteria.map((c) => {
        const spec = typeof c === "string" ? { id: c } : c;
        return {
          id: spec.id,
          text: spec.id,
          weight: spec.weight ?? 1,
          ...(spec.targetLevel !== undefined ? { targetLevel: spec.targetLevel } : {}),
        };
      }),
    })),
  };
}

const lv = (value: number): Rating => ({ kind: "level", value });
const NA: Rating = { kind: "na" };
const BLANK: Rating = { kind: "blank" };
const INVALID: Rating = { kind: "invalid", raw: "peut-être", reason: "not a level" };

function score(template: Template, ratings: Record<string, Rating>, evidence: EvidenceLink[] = [], acceptedStatus = "Accepté"): AssessmentResult {
  return scoreAssessment(assessmentOf(template, ratings, evidence, acceptedStatus));
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

/** Asserts a number or null, numbers to 9 decimals. */
function expectNum(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else {
    expect(actual).not.toBeNull();
    expect(actual as number).toBeCloseTo(expected, 9);
  }
}

describe("a single criterion", () => {
  it.each([
    // v, s, S_d = 100·s, dimension gap = 75 − S_d, criterion gap = 3 − v
    [1, 0, 0, 75, 2],
    [2, 1 / 3, 100 / 3, 75 - 100 / 3, 1],
    [3, 2 / 3, 200 / 3, 75 - 200 / 3, 0],
    [4, 1, 100, -25, -1],
  ])("rated %i scores s=%d, dimension %d, gap %d, criterion gap %d", (v, s, dimScore, dimGap, critGap) => {
    const r = score(tpl([{ id: "D1", criteria: ["C1"] }]), { C1: lv(v) });
    const c = crit(r, "C1");
    expectNum(c.score, s);
    expect(c.gap).toBe(critGap);
    expect(c.priority).toBe(critGap);
    const d = dim(r, "D1");
    expectNum(d.score, dimScore);
    expectNum(d.gap, dimGap);
    expect(d.target).toBe(75);
    expect([d.answered, d.notApplicable, d.total, d.completion]).toEqual([1, 0, 1, 1]);
    expectNum(r.overall.score, dimScore);
    expectNum(r.overall.gap, dimGap);
    expect(r.overall.completion).toBe(1);
  });

  it("has no score when its only criterion is blank", () => {
    const r = score(tpl([{ id: "D1", criteria: ["C1"] }]), {});
    const d = dim(r, "D1");
    expect(d.score).toBeNull();
    expect(d.gap).toBeNull();
    expect([d.answered, d.notApplicable, d.total, d.completion]).toEqual([0, 0, 1, 0]);
    expect(r.overall.score).toBeNull();
    expect(r.overall.gap).toBeNull();
    expect(r.overall.completion).toBe(0);
  });
});

describe("scale bounds", () => {
  it.each([
    // levels, v, expected s = (v − min)/(max − min)
    [[0, 1, 5], 1, 1 / 5],
    [[0, 1, 5], 5, 1],
    [[-2, 0, 2], 0, 1 / 2],
    [[-2, 0, 2], -2, 0],
    [[10, 20, 30, 40], 20, 1 / 3],
    [[1, 2.5, 4], 2.5, 1 / 2],
  ])("on the scale %j, level %d scores s=%d", (levels, v, s) => {
    const targetLevel = levels[levels.length - 1] as number;
    const r = score(tpl([{ id: "D1", criteria: ["C1"] }], { levels, targetLevel }), { C1: lv(v) });
    expectNum(crit(r, "C1").score, s);
    expectNum(dim(r, "D1").score, 100 * s);
    expect(crit(r, "C1").gap).toBe(targetLevel - v);
  });
});

describe("criterion weights", () => {
  it.each([
    // C1 (w1), C2 (w3), expected S = 100·(1·s1 + 3·s2)/4
    [4, 1, 25],
    [1, 4, 75],
    [4, 4, 100],
    [2, 3, 100 * (1 / 3 + 3 * (2 / 3)) / 4],
  ])("weights C1=1, C2=3 with ratings %i and %i give %d", (v1, v2, expected) => {
    const t = tpl([{ id: "D1", criteria: [{ id: "C1", weight: 1 }, { id: "C2", weight: 3 }] }]);
    expectNum(dim(score(t, { C1: lv(v1), C2: lv(v2) }), "D1").score, expected);
  });

  it("weights fractional criterion weights", () => {
    // 100·(0.5·1 + 1.5·(1/3))/(0.5 + 1.5) = 100·1/2 = 50
    const t = tpl([{ id: "D1", criteria: [{ id: "C1", weight: 0.5 }, { id: "C2", weight: 1.5 }] }]);
    expectNum(dim(score(t, { C1: lv(4), C2: lv(2) }), "D1").score, 50);
  });

  it("leaves a dimension without a score when all its criterion weights are 0, though they are answered", () => {
    const t = tpl([
      { id: "D1", criteria: [{ id: "C1", weight: 0 }, { id: "C2", weight: 0 }] },
      { id: "D2", criteria: ["C3"] },
    ]);
    const r = score(t, { C1: lv(4), C2: lv(1), C3: lv(2) });
    const d = dim(r, "D1");
    expect(d.score).toBeNull();
    expect(d.gap).toBeNull();
    expect([d.answered, d.notApplicable, d.total, d.completion]).toEqual([2, 0, 2, 1]);
    // D1 is left out of the overall: only D2 (100/3) counts.
    expectNum(r.overall.score, 100 / 3);
    // Each criterion still has its own score and gap; priority = 0 × gap.
    expectNum(crit(r, "C2").score, 0);
    expect(crit(r, "C2").gap).toBe(2);
    expect(crit(r, "C2").priority).toBe(0);
  });

  it("ignores a zero-weight criterion in a dimension that has weighted ones", () => {
    const t = tpl([{ id: "D1", criteria: [{ id: "C1", weight: 0 }, { id: "C2", weight: 1 }] }]);
    expectNum(dim(score(t, { C1: lv(1), C2: lv(4) }), "D1").score, 100);
  });
});

describe("dimension weights and the overall score", () => {
  it.each([
    // W1, v1, W2, v2, expected overall = (W1·S1 + W2·S2)/(W1 + W2)
    [1, 4, 3, 1, (1 * 100 + 3 * 0) / 4],
    [3, 4, 1, 1, (3 * 100 + 1 * 0) / 4],
    [2, 3, 1, 2, (2 * (200 / 3) + 1 * (100 / 3)) / 3],
    [1, 2, 1, 3, 50],
    [0.5, 4, 1.5, 2, (0.5 * 100 + 1.5 * (100 / 3)) / 2],
  ])("dimension weights %d (rated %i) and %d (rated %i) give an overall of %d", (w1, v1, w2, v2, expected) => {
    const t = tpl([
      { id: "D1", weight: w1, criteria: ["C1"] },
      { id: "D2", weight: w2, criteria: ["C2"] },
    ]);
    expectNum(score(t, { C1: lv(v1), C2: lv(v2) }).overall.score, expected);
  });

  it("leaves a dimension with no score out of the overall, whatever its weight", () => {
    const t = tpl([
      { id: "D1", weight: 5, criteria: ["C1", "C2"] },
      { id: "D2", weight: 1, criteria: ["C3"] },
      { id: "D3", weight: 2, criteria: ["C4"] },
    ]);
    const r = score(t, { C1: NA, C2: NA, C3: lv(3), C4: lv(2) });
    expect(dim(r, "D1").score).toBeNull();
    // (1·200/3 + 2·100/3)/(1 + 2) = 400/9
    expectNum(r.overall.score, 400 / 9);
  });

  it("leaves an unanswered dimension out of the overall", () => {
    const t = tpl([
      { id: "D1", weight: 1, criteria: ["C1"] },
      { id: "D2", weight: 1, criteria: ["C2"] },
    ]);
    expectNum(score(t, { C1: lv(4) }).overall.score, 100);
  });

  it("gives a zero-weight dimension its own score but leaves it out of the overall", () => {
    const t = tpl([
      { id: "D1", weight: 0, criteria: ["C1"] },
      { id: "D2", weight: 1, criteria: ["C2"] },
    ]);
    const r = score(t, { C1: lv(4), C2: lv(1) });
    expectNum(dim(r, "D1").score, 100);
    expectNum(dim(r, "D1").gap, -25);
    expectNum(r.overall.score, 0);
  });

  it("has no overall score when every scored dimension has weight 0", () => {
    const t = tpl([
      { id: "D1", weight: 0, criteria: ["C1"] },
      { id: "D2", weight: 0, criteria: ["C2"] },
    ]);
    const r = score(t, { C1: lv(4), C2: lv(2) });
    expectNum(dim(r, "D1").score, 100);
    expect(r.overall.score).toBeNull();
    expect(r.overall.gap).toBeNull();
  });

  it("gives the overall gap as the template target minus the overall score", () => {
    const t = tpl([{ id: "D1", criteria: ["C1"] }, { id: "D2", criteria: ["C2"] }], { target: 60 });
    const r = score(t, { C1: lv(4), C2: lv(1) }); // overall 50
    expect(r.overall.target).toBe(60);
    expectNum(r.overall.gap, 10);
  });

  it("uses a dimension's own target for its gap, the template's otherwise", () => {
    const t = tpl([
      { id: "D1", target: 90, criteria: ["C1"] },
      { id: "D2", criteria: ["C2"] },
    ]);
    const r = score(t, { C1: lv(4), C2: lv(4) });
    expect(dim(r, "D1").target).toBe(90);
    expectNum(dim(r, "D1").gap, -10);
    expect(dim(r, "D2").target).toBe(75);
    expectNum(dim(r, "D2").gap, -25);
  });
});

describe("N/A, blanks and invalid ratings", () => {
  it("scores nothing when every criterion is N/A, yet the assessment is complete", () => {
    const t = tpl([
      { id: "D1", criteria: ["C1", "C2"] },
      { id: "D2", criteria: ["C3"] },
    ]);
    const r = score(t, { C1: NA, C2: NA, C3: NA }, [{ criteria: ["C1", "C3"], status: "Accepté" }]);
    for (const d of r.dimensions) {
      expect(d.score).toBeNull();
      expect(d.gap).toBeNull();
      expect(d.answered).toBe(0);
      expect(d.notApplicable).toBe(d.total);
      expect(d.completion).toBe(1);
      expect(d.evidenceCoverage).toBeNull();
    }
    for (const c of r.criteria) expect([c.score, c.gap, c.priority]).toEqual([null, null, null]);
    expect(r.overall.score).toBeNull();
    expect(r.overall.gap).toBeNull();
    expect(r.overall.completion).toBe(1);
    expect(r.overall.evidenceCoverage).toBeNull();
    expect([r.overall.answered, r.overall.notApplicable, r.overall.total]).toEqual([0, 3, 3]);
  });

  it("leaves N/A criteria out of the dimension score", () => {
    // Only C1 (4 → s=1) counts: 100, not 50 as if N/A were 0.
    const t = tpl([{ id: "D1", criteria: ["C1", "C2"] }]);
    expectNum(dim(score(t, { C1: lv(4), C2: NA }), "D1").score, 100);
  });

  it("counts blanks as neither answered nor N/A, and leaves them out of the score", () => {
    const t = tpl([{ id: "D1", criteria: ["C1", "C2", "C3", "C4"] }]);
    // C2 missing from the map, C3 explicitly blank.
    const r = score(t, { C1: lv(4), C3: BLANK, C4: NA });
    const d = dim(r, "D1");
    expectNum(d.score, 100);
    expect([d.answered, d.notApplicable, d.total]).toEqual([1, 1, 4]);
    expect(d.completion).toBe(2 / 4);
    expect([crit(r, "C2").score, crit(r, "C2").gap, crit(r, "C2").priority]).toEqual([null, null, null]);
    expect(crit(r, "C2").rating).toEqual(BLANK);
  });

  it("counts invalid ratings as neither answered nor N/A", () => {
    const t = tpl([{ id: "D1", criteria: ["C1", "C2", "C3"] }]);
    const r = score(t, { C1: lv(2), C2: INVALID, C3: NA });
    const d = dim(r, "D1");
    expectNum(d.score, 100 / 3);
    expect([d.answered, d.notApplicable, d.total]).toEqual([1, 1, 3]);
    expectNum(d.completion, 2 / 3);
    const c2 = crit(r, "C2");
    expect([c2.score, c2.gap, c2.priority]).toEqual([null, null, null]);
    expect(c2.rating.kind).toBe("invalid");
    expect([r.overall.answered, r.overall.notApplicable, r.overall.total]).toEqual([1, 1, 3]);
  });

  it("has no dimension score when only invalid ratings were given", () => {
    const t = tpl([{ id: "D1", criteria: ["C1", "C2"] }]);
    const d = dim(score(t, { C1: INVALID, C2: INVALID }), "D1");
    expect(d.score).toBeNull();
    expect(d.completion).toBe(0);
  });

  it("computes the overall completion over all criteria, not as a mean of dimensions", () => {
    const t = tpl([
      { id: "D1", criteria: ["C1"] },
      { id: "D2", criteria: ["C2", "C3", "C4"] },
    ]);
    const r = score(t, { C1: lv(4), C3: NA });
    expect(dim(r, "D1").completion).toBe(1);
    expect(dim(r, "D2").completion).toBe(1 / 3);
    // (1 answered + 1 N/A) / 4 criteria
    expect(r.overall.completion).toBe(2 / 4);
    expect([r.overall.answered, r.overall.notApplicable, r.overall.total]).toEqual([1, 1, 4]);
  });

  it("looks ratings up by criterion id case-insensitively", () => {
    const t = tpl([{ id: "D1", criteria: ["Gouv.1"] }]);
    expectNum(dim(score(t, { "gouv.1": lv(4) }), "D1").score, 100);
  });
});

describe("ratings typed in French and in English", () => {
  const FR_EN = tpl([
    { id: "D1", criteria: ["C1", "C2", "C3"] },
    { id: "D2", criteria: ["C4", "C5", "C6"] },
  ]);
  FR_EN.scale.levels = [
    { value: 1, label: { fr: "Non atteint", en: "Not met" } },
    { value: 2, label: { fr: "Partiellement atteint", en: "Partially met" } },
    { value: 3, label: { fr: "Atteint", en: "Met" } },
    { value: 4, label: { fr: "Dépassé", en: "Exceeded" } },
  ];

  it("scores labels and N/A tokens from either language alike", () => {
    const typed: Record<string, string> = {
      C1: "Atteint", // 3 → 2/3
      C2: "not met", // 1 → 0
      C3: "S. O.", // N/A
      C4: "n/a", // N/A
      C5: "EXCEEDED", // 4 → 1
      C6: "partiellement atteint", // 2 → 1/3
    };
    const ratings: Record<string, Rating> = {};
    for (const [id, text] of Object.entries(typed)) ratings[id] = parseRatingText(text, FR_EN.scale);
    const r = score(FR_EN, ratings);
    // D1: 100·(2/3 + 0)/2 = 100/3; D2: 100·(1 + 1/3)/2 = 200/3; overall (equal weights) 50.
    expectNum(dim(r, "D1").score, 100 / 3);
    expectNum(dim(r, "D2").score, 200 / 3);
    expectNum(r.overall.score, 50);
    expect([dim(r, "D1").answered, dim(r, "D1").notApplicable]).toEqual([2, 1]);
    expect([dim(r, "D2").answered, dim(r, "D2").notApplicable]).toEqual([2, 1]);
  });

  it.each(["sans objet", "Not applicable", "NC", "non applicable", "N.A."])("counts %j as N/A", (text) => {
    const r = score(FR_EN, { C1: parseRatingText(text, FR_EN.scale), C2: lv(4) });
    expect(dim(r, "D1").notApplicable).toBe(1);
    expectNum(dim(r, "D1").score, 100);
  });
});

describe("criterion gap and priority", () => {
  it("computes gap = targetLevel − v and priority = weight × gap", () => {
    const t = tpl([
      {
        id: "D1",
        criteria: [
          { id: "C1", weight: 2, targetLevel: 4 },
          { id: "C2", weight: 0.5 },
          { id: "C3", weight: 3 },
          "C4",
          "C5",
        ],
      },
    ]);
    const r = score(t, { C1: lv(2), C2: lv(1), C3: lv(4), C4: NA });
    const rows = r.criteria.map((c) => [c.id, c.targetLevel, c.gap, c.priority]);
    expect(rows).toEqual([
      ["C1", 4, 2, 4], // 4 − 2 = 2; 2 × 2
      ["C2", 3, 2, 1], // 3 − 1 = 2; 0.5 × 2
      ["C3", 3, -1, -3], // 3 − 4 = −1; 3 × −1
      ["C4", 3, null, null], // N/A
      ["C5", 3, null, null], // blank
    ]);
  });

  it("lists every criterion in template order with its dimension", () => {
    const t = tpl([
      { id: "D1", criteria: ["C1", "C2"] },
      { id: "D2", criteria: ["C3"] },
    ]);
    const r = score(t, {});
    expect(r.criteria.map((c) => [c.id, c.dimensionId, c.order])).toEqual([
      ["C1", "D1", 0],
      ["C2", "D1", 1],
      ["C3", "D2", 2],
    ]);
    expect(r.dimensions.map((d) => d.id)).toEqual(["D1", "D2"]);
  });
});

describe("evidence coverage", () => {
  const T = tpl([
    { id: "D1", criteria: ["C1", "C10", "C2"] },
    { id: "D2", criteria: ["C3", "C4"] },
  ]);
  const EVIDENCE: EvidenceLink[] = [
    { criteria: ["C1", "C3"], status: "accepté" },
    { criteria: ["C10"], status: "ACCEPTÉ" },
    { criteria: ["C2"], status: "En attente" },
    { criteria: ["C2", "C4"], status: "Refusé" },
    { criteria: ["C3"], status: "Accepté" },
  ];

  it("counts evidence per criterion: all items, and accepted ones (status case-insensitive)", () => {
    const r = score(T, {}, EVIDENCE);
    expect(r.criteria.map((c) => [c.id, c.evidenceCount, c.acceptedEvidenceCount])).toEqual([
      ["C1", 1, 1],
      ["C10", 1, 1],
      ["C2", 2, 0],
      ["C3", 2, 2],
      ["C4", 1, 0],
    ]);
  });

  it("gives coverage as applicable criteria with accepted evidence over applicable criteria", () => {
    const r = score(T, {}, EVIDENCE);
    expectNum(dim(r, "D1").evidenceCoverage, 2 / 3); // C1, C10 of C1, C10, C2
    expectNum(dim(r, "D2").evidenceCoverage, 1 / 2); // C3 of C3, C4
    expectNum(r.overall.evidenceCoverage, 3 / 5);
  });

  it("leaves N/A criteria out of coverage, even when they have accepted evidence", () => {
    const r = score(T, { C4: NA, C1: NA }, EVIDENCE);
    expectNum(dim(r, "D1").evidenceCoverage, 1 / 2); // C10 of C10, C2
    expectNum(dim(r, "D2").evidenceCoverage, 1); // C3 of C3
    expectNum(r.overall.evidenceCoverage, 2 / 3); // C10, C3 of C10, C2, C3
  });

  it("counts blank and invalid criteria as applicable for coverage", () => {
    const r = score(T, { C1: INVALID, C10: BLANK, C2: lv(4) }, EVIDENCE);
    expectNum(dim(r, "D1").evidenceCoverage, 2 / 3);
  });

  it("does not match an id that is only a prefix of another (C1 vs C10)", () => {
    const r = score(T, {}, [{ criteria: ["C10"], status: "Accepté" }]);
    expect([crit(r, "C1").evidenceCount, crit(r, "C10").evidenceCount]).toEqual([0, 1]);
    expectNum(dim(r, "D1").evidenceCoverage, 1 / 3);
  });

  it("does not match C10 from an item that names C1", () => {
    const r = score(T, {}, [{ criteria: ["C1"], status: "Accepté" }]);
    expect([crit(r, "C1").evidenceCount, crit(r, "C10").evidenceCount]).toEqual([1, 0]);
  });

  it("counts an item naming several criteria for each of them", () => {
    const r = score(T, {}, [{ criteria: ["C2", "C3", "C4"], status: "Accepté" }]);
    expect(r.criteria.map((c) => c.acceptedEvidenceCount)).toEqual([0, 0, 1, 1, 1]);
    expectNum(dim(r, "D1").evidenceCoverage, 1 / 3);
    expectNum(dim(r, "D2").evidenceCoverage, 1);
  });

  it("covers a criterion once however many accepted items name it", () => {
    const r = score(T, {}, [
      { criteria: ["C3"], status: "Accepté" },
      { criteria: ["C3"], status: "Accepté" },
      { criteria: ["C3"], status: "Accepté" },
    ]);
    expectNum(dim(r, "D2").evidenceCoverage, 1 / 2);
  });

  it.each([
    ["Accepté", true],
    ["accepté", true],
    ["ACCEPTÉ", true],
    ["aCCepTé", true],
    ["Refusé", false],
    ["En attente", false],
    ["", false],
    ["Accepté en partie", false],
    ["Accepte", false],
  ])("with accepted status Accepté, an item with status %j counts as accepted: %s", (status, accepted) => {
    const r = score(T, {}, [{ criteria: ["C1"], status }]);
    expect(crit(r, "C1").evidenceCount).toBe(1);
    expect(crit(r, "C1").acceptedEvidenceCount).toBe(accepted ? 1 : 0);
    expectNum(dim(r, "D1").evidenceCoverage, accepted ? 1 / 3 : 0);
  });

  it("uses the accepted status it is given", () => {
    const r = score(T, {}, [{ criteria: ["C1"], status: "validée" }, { criteria: ["C2"], status: "Accepté" }], "Validée");
    expect([crit(r, "C1").acceptedEvidenceCount, crit(r, "C2").acceptedEvidenceCount]).toEqual([1, 0]);
  });

  it("has zero coverage, not null, when applicable criteria have no evidence", () => {
    const r = score(T, {});
    expect(dim(r, "D1").evidenceCoverage).toBe(0);
    expect(r.overall.evidenceCoverage).toBe(0);
  });

  it("has null coverage for a dimension whose criteria are all N/A", () => {
    const r = score(T, { C3: NA, C4: NA }, EVIDENCE);
    expect(dim(r, "D2").evidenceCoverage).toBeNull();
    expectNum(dim(r, "D1").evidenceCoverage, 2 / 3);
    expectNum(r.overall.evidenceCoverage, 2 / 3);
  });

  it("ignores evidence that names no criterion of the template", () => {
    const r = score(T, {}, [{ criteria: ["X9", ""], status: "Accepté" }, { criteria: [], status: "Accepté" }]);
    expect(r.criteria.every((c) => c.evidenceCount === 0)).toBe(true);
  });
});

describe("the dashboard's targets", () => {
  const T = tpl([{ id: "D1", target: 90, criteria: ["C1"] }, { id: "D2", criteria: ["C2"] }], { target: 60 });

  it("replace the template's dimension and overall targets where set", () => {
    const r = scoreAssessment({ ...assessmentOf(T, { C1: lv(4), C2: lv(1) }), targets: { D2: 40 }, overallTarget: 70 });
    expect([dim(r, "D1").target, dim(r, "D2").target, r.overall.target]).toEqual([90, 40, 70]);
    expectNum(dim(r, "D2").gap, 40); // 40 − 0
    expectNum(r.overall.gap, 20); // 70 − 50
  });

  it("leave the template's targets when none is set", () => {
    const r = score(T, { C1: lv(4) });
    expect([dim(r, "D1").target, dim(r, "D2").target, r.overall.target]).toEqual([90, 60, 60]);
  });
});

describe("several respondents", () => {
  const T = tpl([{ id: "D1", criteria: ["C1", { id: "C2", weight: 2 }, "C3"] }]);

  it("scores each criterion's consolidated rating: the mean of the levels given, not necessarily a level", () => {
    // C1: mean(2, 3, 3) = 8/3, s = 5/9, gap 1/3; C2: mean(4, 1) = 2.5, s = 1/2, gap 0.5 × weight 2 = 1.
    const r = scoreAssessment(assessmentWith(T, [criterionAnswers(T, "C1", [lv(2), lv(3), lv(3)]), criterionAnswers(T, "C2", [lv(4), NA, lv(1)])]));
    expectNum(crit(r, "C1").score, 5 / 9);
    expectNum(crit(r, "C1").gap, 1 / 3);
    expectNum(crit(r, "C2").score, 1 / 2);
    expectNum(crit(r, "C2").priority, 1);
    expectNum(dim(r, "D1").score, (100 * (5 / 9 + 2 * (1 / 2))) / 3);
    expect([dim(r, "D1").answered, dim(r, "D1").notApplicable]).toEqual([2, 0]);
  });

  it("takes the median when the policy says so", () => {
    // median(1, 2, 4, 4) = (2 + 4) / 2 = 3, s = 2/3
    const r = scoreAssessment(assessmentWith(T, [criterionAnswers(T, "C1", [lv(4), lv(1), lv(4), lv(2)])]), { policy: { method: "median" } });
    expectNum(crit(r, "C1").score, 2 / 3);
    expect(crit(r, "C1").gap).toBe(0);
  });

  it("scores the agreed rating over the respondents' ratings, N/A included", () => {
    const r = scoreAssessment(assessmentWith(T, [criterionAnswers(T, "C1", [lv(1), lv(1)], lv(4)), criterionAnswers(T, "C2", [lv(1), lv(2)], NA)]));
    expect(crit(r, "C1").rating).toEqual(lv(4));
    expect(crit(r, "C2").rating).toEqual(NA);
    expectNum(dim(r, "D1").score, 100);
    expect([dim(r, "D1").answered, dim(r, "D1").notApplicable]).toEqual([1, 1]);
  });

  it("counts a criterion N/A when nobody gave a level and someone said N/A, unanswered when nobody answered", () => {
    const r = scoreAssessment(assessmentWith(T, [criterionAnswers(T, "C1", [BLANK, NA]), criterionAnswers(T, "C2", [BLANK, BLANK])]));
    expect(crit(r, "C1").rating).toEqual(NA);
    expect(crit(r, "C2").rating).toEqual(BLANK);
    expect([dim(r, "D1").answered, dim(r, "D1").notApplicable, dim(r, "D1").score]).toEqual([0, 1, null]);
  });
});
