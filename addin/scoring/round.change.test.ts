/**
 * The change since the previous and the first closed rounds (design.md "Rounds, comparison and
 * report"), and the criteria that went down, with figures written by hand.
 */
import { describe, expect, it } from "vitest";
import { OVERALL_ROW, type RoundFigures, type RoundRecord } from "../model/history.types.js";
import { criteriaDown, dimensionChanges, scoreChange } from "./round.change.js";
import type { AssessmentResult, CriterionResult, DimensionResult } from "./scoring.types.js";

const fig = (dimension: string, score: number | null): RoundFigures => ({
  dimension,
  score,
  target: 75,
  gap: null,
  answered: 0,
  notApplicable: 0,
  total: 0,
  completion: 0,
  evidenceCoverage: null,
  requiredNotMet: 0,
  toDiscuss: 0,
  reviewedCoverage: null,
  evaluator: null,
});

function round(label: string, scores: Record<string, number | null>, criteria: Record<string, number | null>): RoundRecord {
  return {
    label,
    date: new Date(Date.UTC(2025, 0, 1)),
    templateId: "t",
    version: "1",
    respondents: [""],
    figures: Object.entries(scores).map(([d, s]) => fig(d, s)),
    criteria: Object.entries(criteria).map(([criterion, score]) => ({ criterion, dimension: criterion.slice(0, 1), consolidated: null, score, evaluator: null, agreedReason: "", evaluatorComment: "" })),
    answers: [],
    fingerprint: "",
  };
}

function result(dims: Record<string, number | null>, overall: number | null, criteria: [string, string, number | null][]): AssessmentResult {
  return {
    dimensions: Object.entries(dims).map(([id, score]) => ({ id, score }) as DimensionResult),
    overall: { score: overall } as AssessmentResult["overall"],
    criteria: criteria.map(([id, dimensionId, s], order) => ({ id, dimensionId, score: s, order }) as CriterionResult),
    disagreements: [],
  };
}

describe("dimensionChanges", () => {
  const history = [round("2024", { A: 40, B: null, [OVERALL_ROW]: 40 }, {}), round("2025", { a: 50, B: 70, [OVERALL_ROW]: 60 }, {})];

  it("gives per dimension then overall the change since the previous round and since the first, in points", () => {
    const changes = dimensionChanges(result({ A: 55.5, B: 60, C: 10 }, 57.75, []), history);
    expect(changes).toEqual([
      // Ids match case-insensitively (the previous round wrote « a »).
      { id: "A", score: 55.5, previous: 50, first: 40, change: 5.5, changeFirst: 15.5 },
      // The first round had no score for B: no change since it.
      { id: "B", score: 60, previous: 70, first: null, change: -10, changeFirst: null },
      // A dimension the rounds did not have.
      { id: "C", score: 10, previous: null, first: null, change: null, changeFirst: null },
      { id: OVERALL_ROW, score: 57.75, previous: 60, first: 40, change: -2.25, changeFirst: 17.75 },
    ]);
  });

  it("has no change when the current score is blank, nor without history", () => {
    expect(dimensionChanges(result({ A: null }, null, []), history)[0]).toEqual({ id: "A", score: null, previous: 50, first: 40, change: null, changeFirst: null });
    expect(dimensionChanges(result({ A: 10 }, 10, []), [])[0]).toEqual({ id: "A", score: 10, previous: null, first: null, change: null, changeFirst: null });
    expect(scoreChange(3, null)).toBeNull();
  });
});

describe("criteriaDown", () => {
  const history = [round("2024", {}, { A1: 0 }), round("2025", { A: 50 }, { A1: 100, a2: 50, A3: 50, B1: 100, B2: null })];
  // s now: A1 2/3 (66.7, down 33.3), A2 0.5 (50, same), A3 0 (down 50), B1 0 (down 100), B2 0 (not scored before).
  const now = result({}, null, [
    ["A1", "A", 2 / 3],
    ["A2", "A", 0.5],
    ["A3", "A", 0],
    ["B1", "B", 0],
    ["B2", "B", 0],
    ["B3", "B", null],
  ]);

  it("lists the criteria scored in both rounds and lower now, largest fall first", () => {
    const down = criteriaDown(now, history);
    expect(down.map((d) => d.id)).toEqual(["B1", "A3", "A1"]);
    expect(down[2]).toEqual({ id: "A1", previous: 100, current: expect.closeTo(200 / 3, 12), change: expect.closeTo(-100 / 3, 12) });
  });

  it("keeps one dimension's criteria when asked, and none without history", () => {
    expect(criteriaDown(now, history, "a").map((d) => d.id)).toEqual(["A3", "A1"]);
    expect(criteriaDown(now, [])).toEqual([]);
  });
});
