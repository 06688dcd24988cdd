/**
 * A closed round's record (design.md "Rounds, comparison and report"), worked out by hand on a
 * small template (scale 1–4, s = (v − 1)/3): the figures are `scoreJson`'s, each criterion's c,
 * 100 × s and e, each respondent's rating as written, and the fingerprint covers every row.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { scoreJson } from "../cli/commands/score.command.js";
import { roundCanonicalText } from "../model/history.canonical.js";
import { OVERALL_ROW } from "../model/history.types.js";
import type { Rating } from "../model/scale.js";
import type { Template } from "../model/template.types.js";
import { scoreAssessment } from "./assessment.score.js";
import { assessmentWith, criterionAnswers } from "./assessment.test-helpers.js";
import { historyRatingOf, roundRecordOf } from "./round.record.js";

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
const lv = (value: number): Rating => ({ kind: "level", value });
const NA: Rating = { kind: "na" };
const BLANK: Rating = { kind: "blank" };
const BAD: Rating = { kind: "invalid", raw: "beaucoup", reason: "not a level" };

const TEMPLATE: Template = {
  id: "t",
  version: "1.2.0",
  title: "T",
  source: "tests",
  scale: { levels: [1, 2, 3, 4].map((value) => ({ value, label: `N${value}` })), notApplicable: true },
  target: 75,
  targetLevel: 3,
  dimensions: [
    { id: "A", title: "A", weight: 1, criteria: ["A1", "A2"].map((id) => ({ id, text: "x", weight: 1 })) },
    { id: "B", title: "B", weight: 1, criteria: ["B1"].map((id) => ({ id, text: "x", weight: 1 })) },
  ],
};

/** Two respondents: A1 rated 4 and 2 (c = 3), A2 N/A by both, B1 blank and unreadable; the evaluator rates A1 2. */
function assessment() {
  const a1 = { ...criterionAnswers(TEMPLATE, "A1", [lv(4), lv(2)]), evaluator: { rating: lv(2), comment: "vu", text: "" } };
  a1.answers[0] = { rating: lv(4), comment: "Bien", text: "" };
  const a2 = { ...criterionAnswers(TEMPLATE, "A2", [NA, NA], null), evaluator: { rating: BLANK, comment: "", text: "" } };
  const b1 = { ...criterionAnswers(TEMPLATE, "B1", [BLANK, BAD], lv(1)), evaluator: { rating: BLANK, comment: "", text: "" } };
  b1.agreed = { rating: lv(1), reason: "Convenu en comité" };
  // Words in answer (as a text question holds them): the history keeps them beside the rating.
  b1.answers[0] = { rating: BLANK, comment: "", text: "Des rencontres trimestrielles" };
  const a = assessmentWith(TEMPLATE, [a1, a2, b1]);
  return { ...a, evaluator: { name: "", role: "evaluator" as const } };
}

describe("roundRecordOf", () => {
  it("keeps each rating as history reads it: a level's value, na, and null for blank or unreadable", () => {
    expect([lv(2.5), NA, BLANK, BAD].map(historyRatingOf)).toEqual([2.5, "na", null, null]);
  });

  it("records every figure of score --json per dimension and overall, worked out by hand", async () => {
    const a = assessment();
    const result = scoreAssessment(a);
    const r = await roundRecordOf({ template: TEMPLATE, assessment: a }, result, " 2026 ", new Date(Date.UTC(2026, 11, 4, 15, 30)), sha256);
    expect(r.label).toBe("2026");
    expect(r.date.toISOString()).toBe("2026-12-04T00:00:00.000Z");
    expect([r.templateId, r.version]).toEqual(["t", "1.2.0"]);
    expect(r.respondents).toEqual(["R1", "R2"]);
    // A: A1 c = 3 → s = 2/3 → 66.67; A2 N/A. B: B1 agreed 1 → 0. Overall: mean of 66.67 and 0.
    const [A, B, overall] = r.figures;
    expect(A?.score).toBeCloseTo(200 / 3, 12);
    expect(B?.score).toBe(0);
    expect(overall?.dimension).toBe(OVERALL_ROW);
    expect(overall?.score).toBeCloseTo(100 / 3, 12);
    expect([A?.answered, A?.notApplicable, A?.total]).toEqual([1, 1, 2]);
    // The evaluator rated A1 2: s = 1/3 → 33.3; both rated A1 with |3 − 2| = 1.
    expect(A?.evaluator?.score).toBeCloseTo(100 / 3, 12);
    expect(A?.evaluator?.both).toBe(1);
    expect(A?.evaluator?.meanAbsDiff).toBe(1);
    expect(B?.evaluator?.answered).toBe(0);
    // Exactly score --json's figures.
    const json = scoreJson(TEMPLATE.id, TEMPLATE.version, result) as { dimensions: Record<string, unknown>[]; overall: Record<string, unknown> };
    for (const [i, d] of json.dimensions.entries()) {
      const f = r.figures[i];
      for (const k of ["score", "target", "gap", "answered", "notApplicable", "total", "completion", "evidenceCoverage", "requiredNotMet", "evaluator"] as const) {
        expect(f?.[k], `${String(d.id)} ${k}`).toEqual(d[k]);
      }
    }
    for (const k of ["score", "target", "gap", "completion", "evidenceCoverage", "requiredNotMet", "evaluator"] as const) expect(overall?.[k], k).toEqual(json.overall[k]);
  });

  it("records each criterion's c, 100 × s, e and reasons, and each respondent's rating, words and comment", async () => {
    const a = assessment();
    const r = await roundRecordOf({ template: TEMPLATE, assessment: a }, scoreAssessment(a), "2026", new Date(Date.UTC(2026, 11, 4)), sha256);
    expect(r.criteria.map((c) => [c.criterion, c.dimension, c.consolidated, c.score, c.evaluator])).toEqual([
      ["A1", "A", 3, expect.closeTo(200 / 3, 12), 2],
      ["A2", "A", "na", null, null],
      ["B1", "B", 1, 0, null],
    ]);
    expect(r.criteria[0]?.evaluatorComment).toBe("vu");
    expect(r.criteria[2]?.agreedReason).toBe("Convenu en comité");
    expect(r.answers).toEqual([
      { criterion: "A1", respondent: "R1", rating: 4, answer: "", comment: "Bien" },
      { criterion: "A1", respondent: "R2", rating: 2, answer: "", comment: "" },
      { criterion: "A2", respondent: "R1", rating: "na", answer: "", comment: "" },
      { criterion: "A2", respondent: "R2", rating: "na", answer: "", comment: "" },
      { criterion: "B1", respondent: "R1", rating: null, answer: "Des rencontres trimestrielles", comment: "" },
      { criterion: "B1", respondent: "R2", rating: null, answer: "", comment: "" },
    ]);
  });

  it("fingerprints the canonical text and checks each row, so any change of a row shows", async () => {
    const a = assessment();
    const r = await roundRecordOf({ template: TEMPLATE, assessment: a }, scoreAssessment(a), "2026", new Date(Date.UTC(2026, 11, 4)), sha256);
    expect(r.fingerprint).toBe(sha256(roundCanonicalText(r)));
    expect(r.rowChecks?.figures).toHaveLength(3);
    expect(r.rowChecks?.items).toHaveLength(6);
    expect(new Set(r.rowChecks?.items).size).toBe(6);
    expect(r.rowChecks?.figures.every((c) => /^[0-9a-f]{12}$/.test(c))).toBe(true);
    const changed = { ...r, answers: r.answers.map((x, i) => (i === 1 ? { ...x, comment: "autre" } : x)) };
    expect(sha256(roundCanonicalText(changed))).not.toBe(r.fingerprint);
    const reworded = { ...r, answers: r.answers.map((x, i) => (i === 4 ? { ...x, answer: "Des rencontres mensuelles" } : x)) };
    expect(sha256(roundCanonicalText(reworded))).not.toBe(r.fingerprint);
  });
});
