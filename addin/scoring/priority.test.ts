import { describe, expect, it } from "vitest";
import type { Rating } from "../model/scale.js";
import type { Template } from "../model/template.types.js";
import { scoreAssessment } from "./assessment.score.js";
import { assessmentOf } from "./assessment.test-helpers.js";
import { criteriaByPriority } from "./priority.js";
import type { CriterionResult } from "./scoring.types.js";

interface CritSpec {
  id: string;
  weight?: number;
  targetLevel?: number;
}

/** Scale 1–4, default targetLevel 3; one dimension per list of criteria. */
function tpl(dims: CritSpec[][]): Template {
  return {
    id: "t",
    version: "1.0.0",
    title: "T",
    source: "tests",
    scale: { levels: [1, 2, 3, 4].map((value) => ({ value, label: `Niveau ${value}` })), notApplicable: true },
    target: 75,
    targetLevel: 3,
    dimensions: dims.map((criteria, i) => ({
      id: `D${i + 1}`,
      title: `D${i + 1}`,
      weight: 1,
      criteria: criteria.map((c) => ({
        id: c.id,
        text: c.id,
        weight: c.weight ?? 1,
        ...(c.targetLevel !== undefined ? { targetLevel: c.targetLevel } : {}),
      })),
    })),
  };
}

const lv = (value: number): Rating => ({ kind: "level", value });

function results(template: Template, ratings: Record<string, Rating>): CriterionResult[] {
  return scoreAssessment(assessmentOf(template, ratings)).criteria;
}

describe("criteriaByPriority", () => {
  // Priorities worked out by hand: weight × (targetLevel − v), default targetLevel 3.
  const T = tpl([
    [
      { id: "C1", weight: 1 }, // v=1: gap 2, priority 2
      { id: "C2", weight: 2 }, // v=2: gap 1, priority 2 (ties with C1)
      { id: "C3", weight: 3 }, // v=1: gap 2, priority 6
    ],
    [
      { id: "C4" }, // v=3: gap 0, left out
      { id: "C5" }, // v=4: gap −1, left out
      { id: "C6" }, // blank, left out
      { id: "C7" }, // N/A, left out
      { id: "C8" }, // invalid, left out
      { id: "C9", weight: 0 }, // v=1: gap 2, priority 0, kept (gap > 0)
      { id: "C10", weight: 2, targetLevel: 4 }, // v=2: gap 2, priority 4
      { id: "C11", weight: 1 }, // v=1: gap 2, priority 2 (ties with C1, C2)
    ],
  ]);
  const RATINGS: Record<string, Rating> = {
    C1: lv(1),
    C2: lv(2),
    C3: lv(1),
    C4: lv(3),
    C5: lv(4),
    C7: { kind: "na" },
    C8: { kind: "invalid", raw: "x", reason: "x" },
    C9: lv(1),
    C10: lv(2),
    C11: lv(1),
  };
  const EXPECTED = ["C3", "C10", "C1", "C2", "C11", "C9"];

  it("keeps only criteria below their target, highest weight × gap first, ties in template order", () => {
    expect(criteriaByPriority(results(T, RATINGS)).map((c) => c.id)).toEqual(EXPECTED);
  });

  it("orders ties by template order, not by the order it is given them in", () => {
    const reversed = [...results(T, RATINGS)].reverse();
    expect(criteriaByPriority(reversed).map((c) => c.id)).toEqual(EXPECTED);
  });

  it("keeps ties in template order across dimensions", () => {
    const t = tpl([[{ id: "A" }, { id: "B" }], [{ id: "C" }], [{ id: "D" }]]);
    const r = results(t, { D: lv(2), C: lv(2), B: lv(2), A: lv(2) });
    expect(criteriaByPriority(r).map((c) => c.id)).toEqual(["A", "B", "C", "D"]);
  });

  it("puts a heavier criterion first when gaps are equal", () => {
    const t = tpl([[{ id: "A", weight: 1 }, { id: "B", weight: 1.5 }]]);
    expect(criteriaByPriority(results(t, { A: lv(2), B: lv(2) })).map((c) => c.id)).toEqual(["B", "A"]);
  });

  it("puts a larger gap first when weights are equal", () => {
    const t = tpl([[{ id: "A" }, { id: "B" }]]);
    expect(criteriaByPriority(results(t, { A: lv(2), B: lv(1) })).map((c) => c.id)).toEqual(["B", "A"]);
  });

  it("is empty when every criterion reaches its target", () => {
    const t = tpl([[{ id: "A" }, { id: "B", targetLevel: 1 }]]);
    expect(criteriaByPriority(results(t, { A: lv(3), B: lv(1) }))).toEqual([]);
  });

  it("is empty when nothing is answered", () => {
    expect(criteriaByPriority(results(T, {}))).toEqual([]);
  });

  it("does not change the list it is given", () => {
    const r = results(T, RATINGS);
    const before = r.map((c) => c.id);
    criteriaByPriority(r);
    expect(r.map((c) => c.id)).toEqual(before);
  });

  // 0.3 × 1 and 0.1 × 3 are both 0.3, a tie, so A (first in the template) should come first.
  // In floating point 0.1 × 3 = 0.30000000000000004 > 0.3 and B comes first. Known bug, reported;
  // flip `it.fails` to `it` once fixed.
  it("treats equal priorities from fractional weights as ties", () => {
    const t = tpl([[{ id: "A", weight: 0.3, targetLevel: 3 }, { id: "B", weight: 0.1, targetLevel: 4 }]]);
    expect(criteriaByPriority(results(t, { A: lv(2), B: lv(1) })).map((c) => c.id)).toEqual(["A", "B"]);
  });
});
