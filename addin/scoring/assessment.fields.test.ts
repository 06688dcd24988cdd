import { describe, expect, it } from "vitest";
import type { Rating } from "../model/scale.js";
import { parseTemplate } from "../model/template.parse.js";
import { richTemplateJson } from "../model/template.rich.test-helpers.js";
import type { Template } from "../model/template.types.js";
import { assessmentWith, criterionAnswers } from "./assessment.test-helpers.js";
import { scoreAssessment } from "./assessment.score.js";
import { criteriaByPriority } from "./priority.js";

const level = (value: number): Rating => ({ kind: "level", value });
const NA: Rating = { kind: "na" };

function rich(): Template {
  const r = parseTemplate(richTemplateJson());
  if (!r.ok) throw new Error("the rich template does not parse");
  return r.value;
}

/**
 * The rich template (design.md's second version) answered by one respondent: G1 = 2 (1–4, target
 * 3, required), G2 = 0 (yes/no 0–1, target 1 carried from 3 of 1–4, required), G3 = 5 (0–10,
 * target 8, weight 2), G4 a text answer, S1 = 4 (target 4, weight 3), S2 N/A, S3 (text, required)
 * blank, S4 = 1.
 */
function answered(t: Template) {
  const rated = (id: string, r: Rating) => criterionAnswers(t, id, [r]);
  const g4 = criterionAnswers(t, "G4", [{ kind: "blank" }]);
  (g4.answers[0] as { text: string }).text = "  On en parle une fois par année.  ";
  return assessmentWith(
    t,
    [rated("G1", level(2)), rated("G2", level(0)), rated("G3", level(5)), g4, rated("S1", level(4)), rated("S2", NA), rated("S4", level(1))],
    [
      { criteria: ["G1"], status: "Accepté" },
      { criteria: ["G4", "S3"], status: "Accepté" },
    ],
  );
}

describe("scoring a template with several scales, text questions, required criteria and themes", () => {
  const t = rich();
  const result = scoreAssessment(answered(t));
  const byId = new Map(result.criteria.map((c) => [c.id, c]));
  const dim = (id: string) => result.dimensions.find((d) => d.id === id);

  it("scores each criterion on its own scale's min and max", () => {
    expect(byId.get("G1")?.score).toBeCloseTo(1 / 3, 12);
    expect(byId.get("G2")?.score).toBe(0);
    expect(byId.get("G3")?.score).toBe(0.5);
    expect(byId.get("S4")?.score).toBe(1);
  });

  it("weighs the scored criteria of a dimension and its dimensions as before: 33.33, 100, overall 55.56", () => {
    // GOUV: (1 × 1/3 + 1 × 0 + 2 × 0.5) / 4; SERV: (3 × 1 + 1 × 1) / 4; overall (2 × 33.33 + 100) / 3.
    expect(dim("GOUV")?.score).toBeCloseTo(100 / 3, 9);
    expect(dim("SERV")?.score).toBe(100);
    expect(result.overall.score).toBeCloseTo(500 / 9, 9);
  });

  it("gives gaps in default-scale levels: 1 on 1–4, 3 per level of 0–1, 0.3 per level of 0–10", () => {
    expect(byId.get("G1")?.gap).toBe(1);
    expect(byId.get("G2")?.gap).toBe(3);
    expect(byId.get("G3")?.gap).toBeCloseTo(0.9, 12);
    expect(byId.get("G3")?.priority).toBeCloseTo(1.8, 12);
    expect(criteriaByPriority(result.criteria).map((c) => c.id)).toEqual(["G2", "G3", "G1"]);
  });

  it("never scores a text question, counts it answered once it has words, and keeps them", () => {
    const g4 = byId.get("G4");
    expect(g4).toMatchObject({ type: "text", score: null, gap: null, priority: null, targetLevel: null, text: "On en parle une fois par année." });
    expect(dim("GOUV")).toMatchObject({ answered: 4, notApplicable: 0, total: 4, completion: 1 });
    expect(dim("SERV")).toMatchObject({ answered: 2, notApplicable: 1, total: 4, completion: 0.75 });
    expect(result.overall).toMatchObject({ answered: 6, notApplicable: 1, total: 8, completion: 7 / 8, provisional: false });
  });

  it("leaves text questions out of evidence coverage", () => {
    // GOUV: G1 of G1, G2, G3; SERV: none of S1, S4 (S2 N/A); overall 1 of 5.
    expect(dim("GOUV")?.evidenceCoverage).toBeCloseTo(1 / 3, 12);
    expect(dim("SERV")?.evidenceCoverage).toBe(0);
    expect(result.overall.evidenceCoverage).toBe(0.2);
  });

  it("counts required rating criteria unanswered or below their target, per dimension and overall", () => {
    expect(byId.get("G1")?.requiredNotMet).toBe(true);
    expect(byId.get("G2")?.requiredNotMet).toBe(true);
    expect(byId.get("S3")?.requiredNotMet).toBe(false);
    expect(dim("GOUV")?.requiredNotMet).toBe(2);
    expect(dim("SERV")?.requiredNotMet).toBe(0);
    expect(result.overall.requiredNotMet).toBe(2);
  });

  it("meets a required criterion rated at its target, not one left blank or said N/A", () => {
    const a = answered(t);
    const g1 = a.criteria.find((c) => c.criterion === "G1");
    if (g1) g1.answers = [{ rating: level(3), comment: "", text: "" }];
    a.criteria = a.criteria.filter((c) => c.criterion !== "G2");
    const r = scoreAssessment(a);
    expect(r.criteria.find((c) => c.id === "G1")?.requiredNotMet).toBe(false);
    expect(r.criteria.find((c) => c.id === "G2")?.requiredNotMet).toBe(true);
    a.criteria.push(criterionAnswers(t, "G2", [NA]));
    expect(scoreAssessment(a).criteria.find((c) => c.id === "G2")?.requiredNotMet).toBe(true);
  });

  it("judges a required criterion on the consolidated rating of several respondents", () => {
    const a = answered(t);
    a.criteria = a.criteria.map((c) => (c.criterion === "G1" ? criterionAnswers(t, "G1", [level(3), level(2)]) : c));
    expect(scoreAssessment(a).criteria.find((c) => c.id === "G1")?.requiredNotMet).toBe(true);
    a.criteria = a.criteria.map((c) => (c.criterion === "G1" ? criterionAnswers(t, "G1", [level(3), level(4)]) : c));
    expect(scoreAssessment(a).criteria.find((c) => c.id === "G1")?.requiredNotMet).toBe(false);
  });

  it("scores each theme by the dimension rule over its criteria", () => {
    // CA: G1 (1/3) and G4 (text); ETH: G2 (0) and G3 (0.5, weight 2): (0 + 1) / 3.
    expect(dim("GOUV")?.themes).toEqual([
      { id: "CA", score: expect.closeTo(100 / 3, 9), answered: 2, total: 2 },
      { id: "ETH", score: expect.closeTo(100 / 3, 9), answered: 2, total: 2 },
    ]);
    expect(dim("SERV")?.themes).toEqual([]);
  });

  it("counts a text question said N/A as not applicable", () => {
    const a = answered(t);
    a.criteria.push(criterionAnswers(t, "S3", [NA]));
    const serv = scoreAssessment(a).dimensions.find((d) => d.id === "SERV");
    expect(serv).toMatchObject({ answered: 2, notApplicable: 2, completion: 1 });
  });
});
