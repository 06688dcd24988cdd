import { describe, expect, it } from "vitest";
import type { Template } from "../model/template.types.js";
import { assessmentOfLayout, withAssessment } from "./workbook.assessment.js";
import type { ActionRowRead, EvidenceRowRead, GridRowRead, RespondentRecord, WorkbookLayout } from "./workbook.types.js";

const TEMPLATE: Template = {
  id: "t",
  version: "1.0.0",
  title: "T",
  source: "tests",
  scale: { levels: [1, 2, 3, 4].map((value) => ({ value, label: `Niveau ${value}` })), notApplicable: true },
  target: 75,
  targetLevel: 3,
  dimensions: [{ id: "D1", title: "D1", weight: 1, criteria: ["C1", "C2", "C3", "C4"].map((id) => ({ id, text: id, weight: 1 })) }],
};

function gridRow(criterion: string, rating: GridRowRead["rating"], evaluator?: { rating: GridRowRead["rating"]; comment: string }): GridRowRead {
  const cell = { sheet: "Grille", address: "A1" };
  return {
    criterion,
    dimension: "D1",
    rating,
    comment: `sur ${criterion}`,
    evaluatorRating: evaluator?.rating ?? null,
    evaluatorComment: evaluator?.comment ?? "",
    row: 5,
    ratingCell: cell,
    commentCell: cell,
    evaluatorRatingCell: evaluator ? cell : null,
    respondents: [{ rating, comment: `sur ${criterion}`, ratingCell: cell, commentCell: cell }],
    agreed: null,
    agreedReason: "",
    agreedCell: null,
    agreedReasonCell: null,
  };
}

/** A multi-respondent row: each respondent's rating and comment, and the agreed rating. */
function multiRow(criterion: string, ratings: GridRowRead["rating"][], agreed: GridRowRead["rating"] = null, reason = ""): GridRowRead {
  const cell = { sheet: "Grille", address: "A1" };
  const respondents = ratings.map((rating, k) => ({ rating, comment: `R${k + 1} ${criterion}`, ratingCell: cell, commentCell: cell }));
  return { ...gridRow(criterion, ratings[0] ?? null), comment: `R1 ${criterion}`, respondents, agreed, agreedReason: reason, agreedCell: cell, agreedReasonCell: cell };
}

const NAMED = (...names: string[]): RespondentRecord[] => names.map((name) => ({ name, copyId: "", mergedOn: null, mergedFrom: "" }));

function layout(grid: GridRowRead[], parts: Partial<WorkbookLayout> = {}): WorkbookLayout {
  return { template: TEMPLATE, lang: "fr", grid, gridSheet: "Grille", evidence: null, actions: null, targets: {}, overallTarget: null, acceptedStatus: "Acceptée", ...parts };
}

describe("assessmentOfLayout", () => {
  it("gives one unnamed respondent whose answers are the grid's cells read as the formulas read them", () => {
    const a = assessmentOfLayout(layout([gridRow("C1", 3), gridRow("C2", "s.o."), gridRow("C3", null), gridRow("C4", "peut-être")]));
    expect(a.respondents).toEqual([{ name: "", role: "self" }]);
    expect(a.evaluator).toBeNull();
    expect(a.criteria.map((c) => [c.criterion, c.dimension, c.answers.map((x) => x.rating.kind), c.agreed, c.evaluator])).toEqual([
      ["C1", "D1", ["level"], null, null],
      ["C2", "D1", ["na"], null, null],
      ["C3", "D1", ["blank"], null, null],
      ["C4", "D1", ["invalid"], null, null],
    ]);
    expect(a.criteria[0]?.answers).toEqual([{ rating: { kind: "level", value: 3 }, comment: "sur C1", text: "" }]);
  });

  it("leaves out grid rows without a criterion id", () => {
    expect(assessmentOfLayout(layout([gridRow("", 3), gridRow("C1", 2)])).criteria.map((c) => c.criterion)).toEqual(["C1"]);
  });

  it("has the evaluator when the grid has its rating column, with the evaluator's rating and comment", () => {
    const a = assessmentOfLayout(layout([gridRow("C1", 3, { rating: 2, comment: "À revoir" }), gridRow("C2", null, { rating: null, comment: "" })]));
    expect(a.evaluator).toEqual({ name: "", role: "evaluator" });
    expect(a.criteria.map((c) => c.evaluator)).toEqual([
      { rating: { kind: "level", value: 2 }, comment: "À revoir", text: "" },
      { rating: { kind: "blank" }, comment: "", text: "" },
    ]);
  });

  it("reads the evidence register: ids split, the confidential flag, the expiry as a day, no review", () => {
    const row = (e: Partial<EvidenceRowRead>): EvidenceRowRead => ({ id: "", criteria: "", title: "", status: "", row: 5, criteriaCell: { sheet: "Preuves", address: "B5" }, ...e });
    const a = assessmentOfLayout(
      layout([], {
        evidence: [
          row({ id: "P-1", criteria: "C1; c2 ,C3", title: "Code", status: "Acceptée", location: "https://x", confidential: "oui", expiry: new Date(Date.UTC(2024, 5, 30, 15)) }),
          row({ id: "P-2", criteria: "C4", confidential: "Non", expiry: 45473 }),
          row({ id: "P-3", confidential: "Yes", expiry: "2024-06-30" }),
        ],
      }),
    );
    const day = new Date(Date.UTC(2024, 5, 30));
    expect(a.evidence).toEqual([
      { id: "P-1", criteria: ["C1", "c2", "C3"], title: "Code", status: "Acceptée", location: "https://x", confidential: true, expiry: day, review: null },
      { id: "P-2", criteria: ["C4"], title: "", status: "", location: "", confidential: false, expiry: day, review: null },
      { id: "P-3", criteria: [], title: "", status: "", location: "", confidential: true, expiry: day, review: null },
    ]);
  });

  it("reads the action plan with due dates as days and no source", () => {
    const action: ActionRowRead = {
      id: "A-1",
      criterion: "C1",
      action: "Écrire",
      owner: "Lina",
      due: 45473.75,
      status: "En cours",
      row: 5,
      rowRef: { sheet: "Plan d'action", address: "A5" },
      criterionCell: null,
      ownerCell: null,
      dueCell: null,
    };
    const a = assessmentOfLayout(layout([], { actions: [action, { ...action, id: "A-2", due: null }] }));
    expect(a.actions).toEqual([
      { id: "A-1", criterion: "C1", action: "Écrire", owner: "Lina", due: new Date(Date.UTC(2024, 5, 30)), status: "En cours", source: "" },
      { id: "A-2", criterion: "C1", action: "Écrire", owner: "Lina", due: null, status: "En cours", source: "" },
    ]);
  });

  it("carries the template, the targets and the accepted status, and nothing the workbook does not record", () => {
    const a = assessmentOfLayout(layout([], { targets: { D1: 60 }, overallTarget: 70, evidence: [], actions: [] }));
    expect(a).toMatchObject({ template: TEMPLATE, lang: "fr", targets: { D1: 60 }, overallTarget: 70, acceptedStatus: "Acceptée", evidence: [], actions: [] });
    expect([a.organization, a.assessmentDate, a.round]).toEqual([null, null, null]);
    expect(assessmentOfLayout(layout([])).evidence).toBeNull();
  });
});

describe("assessmentOfLayout with several respondents", () => {
  it("names the respondents of QG_Respondents and gives each their own answers, in order", () => {
    const a = assessmentOfLayout(layout([multiRow("C1", [3, "s.o.", null]), multiRow("C2", [1, 2, "peut-être"])], { respondents: NAMED("Direction", "CA", "Équipe") }));
    expect(a.respondents).toEqual([
      { name: "Direction", role: "self" },
      { name: "CA", role: "self" },
      { name: "Équipe", role: "self" },
    ]);
    expect(a.criteria.map((c) => c.answers.map((x) => x.rating.kind))).toEqual([
      ["level", "na", "blank"],
      ["level", "level", "invalid"],
    ]);
    expect(a.criteria[1]?.answers.map((x) => x.comment)).toEqual(["R1 C2", "R2 C2", "R3 C2"]);
  });

  it("reads the agreed rating and its reason: a level, N/A, unreadable input; a blank cell records nothing", () => {
    const a = assessmentOfLayout(
      layout([multiRow("C1", [1, 4], 3, "Vu en réunion"), multiRow("C2", [1, 4], "s.o."), multiRow("C3", [1, 4], "bientôt"), multiRow("C4", [1, 4], "  ")], {
        respondents: NAMED("A", "B"),
      }),
    );
    expect(a.criteria.map((c) => c.agreed?.rating.kind ?? null)).toEqual(["level", "na", "invalid", null]);
    expect(a.criteria[0]?.agreed).toEqual({ rating: { kind: "level", value: 3 }, reason: "Vu en réunion" });
  });

  it("gives withAssessment's workbook one unnamed respondent when the layout names none", () => {
    expect(withAssessment(layout([gridRow("C1", 2)])).respondents).toEqual([{ name: "", copyId: "", mergedOn: null, mergedFrom: "" }]);
    expect(withAssessment(layout([multiRow("C1", [2, 3])], { respondents: NAMED("A", "B") })).respondents.map((r) => r.name)).toEqual(["A", "B"]);
  });
});

describe("withAssessment", () => {
  it("rebuilds the assessment of a layout whose rows changed", () => {
    const wb = withAssessment(layout([gridRow("C1", null)]));
    const row = wb.grid[0];
    if (row) row.rating = 4;
    expect(withAssessment(wb).assessment.criteria[0]?.answers[0]?.rating).toEqual({ kind: "level", value: 4 });
  });
});
