import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import { OVERALL_ROW, type RoundRecord } from "../model/history.types.js";
import { handRound, roundFigures } from "./round.test-helpers.js";
import { assessmentOf } from "./assessment.test-helpers.js";
import { scoreAssessment } from "./assessment.score.js";
import { compareJson, compareResults, hasAnyRating, oneWorkbookSides, sameTemplate, scoreChange, sideOfResult, sideOfRound, type CompareSide } from "./compare.js";

const side = (over: Partial<CompareSide> = {}): CompareSide => ({
  template: { id: "demo", version: "1.0.0" },
  round: null,
  overall: 50,
  dimensions: [
    { id: "D1", score: 40 },
    { id: "D2", score: 60 },
  ],
  criteria: [
    { id: "C1", score: 0 },
    { id: "C2", score: 100 },
    { id: "C3", score: null },
  ],
  ...over,
});

/** A closed round with the figures given, the rest left empty. */
function round(label: string, dims: Record<string, number | null>, criteria: Record<string, number | null>, overall: number | null): RoundRecord {
  const figure = (dimension: string, score: number | null) => roundFigures(dimension, score, 80, { answered: 0, total: 0, completion: 0 });
  return handRound({
    label,
    date: new Date(Date.UTC(2026, 0, 1)),
    templateId: "demo",
    version: "1.0.0",
    respondents: [""],
    figures: [...Object.entries(dims).map(([d, s]) => figure(d, s)), figure(OVERALL_ROW, overall)],
    criteria: Object.entries(criteria).map(([criterion, score]) => ({ criterion, dimension: "D1", consolidated: null, score, evaluator: null, agreedReason: "", evaluatorComment: "" })),
  });
}

describe("compareResults", () => {
  it("gives each dimension's and criterion's change as b − a, positive when b is better", () => {
    const b = side({ overall: 55, dimensions: [{ id: "D1", score: 43.5 }, { id: "D2", score: 50 }], criteria: [{ id: "C1", score: 50 }, { id: "C2", score: 75 }, { id: "C3", score: 20 }] });
    const r = compareResults(side(), b);
    expect(r.dimensions).toEqual([
      { id: "D1", a: 40, b: 43.5, change: 3.5 },
      { id: "D2", a: 60, b: 50, change: -10 },
    ]);
    expect(r.criteria).toEqual([
      { id: "C1", a: 0, b: 50, change: 50 },
      { id: "C2", a: 100, b: 75, change: -25 },
      { id: "C3", a: null, b: 20, change: null },
    ]);
    expect(r.overall).toEqual({ id: OVERALL_ROW, a: 50, b: 55, change: 5 });
  });

  it("matches ids case-insensitively, keeps b's spelling, and lists criteria added and removed", () => {
    const b = side({ criteria: [{ id: "c2", score: 100 }, { id: "C9", score: 10 }, { id: "c1", score: 0 }] });
    const r = compareResults(side(), b);
    expect(r.criteria.map((c) => c.id)).toEqual(["c2", "c1"]);
    expect(r.added).toEqual(["C9"]);
    expect(r.removed).toEqual(["C3"]);
  });

  it("keeps a dimension one side lacks, with null on the other side", () => {
    const r = compareResults(side(), side({ dimensions: [{ id: "d2", score: 70 }, { id: "D3", score: 10 }] }));
    expect(r.dimensions).toEqual([
      { id: "d2", a: 60, b: 70, change: 10 },
      { id: "D3", a: null, b: 10, change: null },
      { id: "D1", a: 40, b: null, change: null },
    ]);
  });

  it("prints the shape of design.md in JSON: no overall row", () => {
    const r = compareResults(side({ round: "2025" }), side({ template: { id: "demo", version: "2.0.0" } }));
    expect(Object.keys(compareJson(r))).toEqual(["a", "b", "dimensions", "criteria", "added", "removed"]);
    expect(compareJson(r).a).toEqual({ template: { id: "demo", version: "1.0.0" }, round: "2025" });
    expect(compareJson(r).b).toEqual({ template: { id: "demo", version: "2.0.0" }, round: null });
  });

  it("says whether two sides share a template, whatever the version or the case of its id", () => {
    expect(sameTemplate(side(), side({ template: { id: "DEMO", version: "9" } }))).toBe(true);
    expect(sameTemplate(side(), side({ template: { id: "other", version: "1.0.0" } }))).toBe(false);
    expect(scoreChange(null, 3)).toBeNull();
    expect(scoreChange(3, null)).toBeNull();
  });
});

describe("sides", () => {
  it("takes a workbook's current state from the engine: dimension scores, and 100 × s per criterion", () => {
    const template = builtinTemplates()[0];
    if (!template) throw new Error("no built-in");
    const all = template.dimensions.flatMap((d) => d.criteria);
    const [x, y] = all;
    if (!x || !y) throw new Error("too few criteria");
    const top = Math.max(...template.scale.levels.map((l) => l.value));
    const result = scoreAssessment(assessmentOf(template, { [x.id]: { kind: "level", value: top }, [y.id]: { kind: "na" } }));
    const s = sideOfResult(template, result);
    expect(s.template).toEqual({ id: template.id, version: template.version });
    expect(s.round).toBeNull();
    expect(s.dimensions.map((d) => d.id)).toEqual(template.dimensions.map((d) => d.id));
    expect(s.dimensions.map((d) => d.score)).toEqual(result.dimensions.map((d) => d.score));
    expect(s.criteria.find((c) => c.id === x.id)?.score).toBe(100);
    expect(s.criteria.find((c) => c.id === y.id)?.score).toBeNull();
    expect(s.overall).toBe(result.overall.score);
  });

  it("takes a closed round's recorded figures, its overall row apart", () => {
    const s = sideOfRound(round("2025", { D1: 40, D2: null }, { C1: 25 }, 40));
    expect(s).toEqual({
      template: { id: "demo", version: "1.0.0" },
      round: "2025",
      overall: 40,
      dimensions: [
        { id: "D1", score: 40 },
        { id: "D2", score: null },
      ],
      criteria: [{ id: "C1", score: 25 }],
    });
  });

  it("compares one workbook's last round with its current state, or its last two rounds when nothing is rated since", () => {
    const history = [round("2024", { D1: 30 }, { C1: 0 }, 30), round("2025", { D1: 40 }, { C1: 50 }, 40)];
    const now = side();
    const rated = oneWorkbookSides(history, now, true);
    expect(rated.ok && [rated.a.round, rated.b.round]).toEqual(["2025", null]);
    const fresh = oneWorkbookSides(history, now, false);
    expect(fresh.ok && [fresh.a.round, fresh.b.round]).toEqual(["2024", "2025"]);
    expect(oneWorkbookSides([], now, true)).toEqual({ ok: false, problem: "noRound" });
    expect(oneWorkbookSides(history.slice(1), now, false)).toEqual({ ok: false, problem: "oneRoundNoRating" });
  });

  it("sees any rating, N/A or agreed rating as a rated current state, and a blank grid as none", () => {
    const template = builtinTemplates()[0];
    const id = template?.dimensions[0]?.criteria[0]?.id;
    if (!template || !id) throw new Error("no built-in");
    expect(hasAnyRating(assessmentOf(template, {}))).toBe(false);
    expect(hasAnyRating(assessmentOf(template, { [id]: { kind: "blank" } }))).toBe(false);
    expect(hasAnyRating(assessmentOf(template, { [id]: { kind: "na" } }))).toBe(true);
    expect(hasAnyRating(assessmentOf(template, { [id]: { kind: "level", value: 1 } }))).toBe(true);
  });
});
