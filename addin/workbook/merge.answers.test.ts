import { describe, expect, it } from "vitest";
import type { Template } from "../model/template.types.js";
import { planMerge, planMerges } from "./merge.answers.js";
import { withAssessment } from "./workbook.assessment.js";
import type { AssessmentWorkbook, GridRowRead, RespondentRecord } from "./workbook.types.js";

const TEMPLATE: Template = {
  id: "t",
  version: "1.0.0",
  title: "T",
  source: "tests",
  scale: { levels: [1, 2, 3, 4].map((value) => ({ value, label: `Niveau ${value}` })), notApplicable: true },
  target: 75,
  targetLevel: 3,
  dimensions: [
    { id: "D1", title: "D1", weight: 1, criteria: ["C1", "C2", "C3"].map((id) => ({ id, text: id, weight: 1 })) },
    { id: "D2", title: "D2", weight: 1, criteria: [{ id: "Q1", text: "Q1", weight: 1, type: "text" as const }] },
  ],
};

type Cell = GridRowRead["rating"];

/** A grid row; `ratings` are the respondents' (the first also in the row's own fields), each with a comment. */
function row(criterion: string, ratings: Cell[], comments: string[] = []): GridRowRead {
  const cell = { sheet: "Grille", address: `F${criterion.length}` };
  const respondents = ratings.map((rating, k) => ({ rating, comment: comments[k] ?? "", ratingCell: cell, commentCell: cell }));
  return {
    criterion,
    dimension: criterion === "Q1" ? "D2" : "D1",
    rating: ratings[0] ?? null,
    comment: comments[0] ?? "",
    evaluatorRating: null,
    evaluatorComment: "",
    row: 5,
    ratingCell: cell,
    commentCell: cell,
    evaluatorRatingCell: null,
    respondents,
    agreed: null,
    agreedReason: "",
    agreedCell: null,
    agreedReasonCell: null,
  };
}

const rec = (name: string, copyId = ""): RespondentRecord => ({ name, copyId, mergedOn: null, mergedFrom: "" });

function workbook(grid: GridRowRead[], respondents: RespondentRecord[] | undefined, template: Template = TEMPLATE): AssessmentWorkbook {
  return withAssessment({
    template,
    lang: "fr",
    grid,
    gridSheet: "Grille",
    evidence: null,
    actions: null,
    targets: {},
    overallTarget: null,
    acceptedStatus: "Acceptée",
    ...(respondents ? { respondents } : {}),
  });
}

const MASTER = workbook(
  ["C1", "C2", "C3", "Q1"].map((id) => row(id, [2, null], ["", ""])),
  [rec("Direction", "id-dir"), rec("CA", "id-ca")],
);

/** A one-respondent copy stamped for `name` with `copyId`, its ratings by criterion id. */
function copyOf(name: string, copyId: string, answers: Record<string, [Cell, string?]>, template: Template = TEMPLATE): AssessmentWorkbook {
  const grid = Object.entries(answers).map(([id, [rating, comment]]) => row(id, [rating], [comment ?? ""]));
  return workbook(grid, [rec(name, copyId)], template);
}

describe("planMerge", () => {
  it("happy path: a stamped copy goes to its respondent and replaces the whole column, in master order", () => {
    const copy = copyOf("Direction", "id-dir", { C2: [3, "vu"], C1: ["S. O."], C3: [null], Q1: ["Des bénévoles formés"] });
    const planned = planMerge(MASTER, copy, "direction.xlsx");
    if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
    expect(planned.value.outcome).toMatchObject({ respondent: "Direction", added: false, copyId: "id-dir", filled: 3, missing: [], unknown: [], otherVersion: null });
    expect(planned.value.answers).toEqual([
      { criterion: "C1", rating: { kind: "na" }, comment: "", text: "" },
      { criterion: "C2", rating: { kind: "level", value: 3 }, comment: "vu", text: "" },
      { criterion: "C3", rating: { kind: "blank" }, comment: "", text: "" },
      { criterion: "Q1", rating: { kind: "blank" }, comment: "", text: "Des bénévoles formés" },
    ]);
  });

  it("matches criteria by id whatever their case; those the copy lacks are blank, those the master lacks skipped", () => {
    const copy = copyOf("CA", "id-ca", { c1: [4], C9: [1] });
    const planned = planMerge(MASTER, copy, "ca.xlsx");
    if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
    expect(planned.value.outcome.missing).toEqual(["C2", "C3", "Q1"]);
    expect(planned.value.outcome.unknown).toEqual(["C9"]);
    expect(planned.value.answers.map((a) => a.rating)).toEqual([{ kind: "level", value: 4 }, { kind: "blank" }, { kind: "blank" }, { kind: "blank" }]);
  });

  it("reports a copy of another version of the template and merges it by id", () => {
    const older: Template = { ...TEMPLATE, version: "0.9.0", dimensions: [{ ...TEMPLATE.dimensions[0]!, criteria: TEMPLATE.dimensions[0]!.criteria.slice(0, 2) }] };
    const planned = planMerge(MASTER, copyOf("CA", "id-ca", { C1: [1], C2: [2] }, older), "ca.xlsx");
    if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
    expect(planned.value.outcome.otherVersion).toEqual({ copy: "0.9.0", master: "1.0.0" });
    expect(planned.warnings.map((w) => [w.code, w.severity, w.path])).toEqual([["merge.otherVersion", "warning", "ca.xlsx"]]);
    expect(planned.value.outcome.missing).toEqual(["C3", "Q1"]);
  });

  it("accepts a copy of a template that replaces the master's, or that the master's replaces", () => {
    const successor: Template = { ...TEMPLATE, id: "t2", replaces: ["t"] };
    expect(planMerge(MASTER, copyOf("CA", "id-ca", { C1: [1] }, successor), "ca.xlsx").ok).toBe(true);
  });

  it("given a copy of another template: refused, naming both", () => {
    const other: Template = { ...TEMPLATE, id: "autre" };
    const planned = planMerge(MASTER, copyOf("CA", "id-ca", { C1: [1] }, other), "ca.xlsx", undefined, "grille.xlsx");
    expect(planned).toMatchObject({ ok: false, issues: [{ code: "merge.otherTemplate", path: "ca.xlsx", params: { copy: "autre", master: "t", file: "grille.xlsx" } }] });
  });

  it("given a copy with several respondents: refused", () => {
    const two = workbook([row("C1", [1, 2])], [rec("A"), rec("B")]);
    expect(planMerge(MASTER, two, "deux.xlsx")).toMatchObject({ ok: false, issues: [{ code: "merge.severalRespondents", params: { count: 2, names: "A, B" } }] });
  });

  it("given an unstamped copy: --as is required, and a name it holds is suggested", () => {
    const unstamped = copyOf("Équipe", "", { C1: [1] });
    expect(planMerge(MASTER, unstamped, "e.xlsx")).toMatchObject({ ok: false, issues: [{ code: "merge.needsAs", params: { hint: "Équipe" } }] });
    const plain = workbook([row("C1", [1])], undefined);
    expect(planMerge(MASTER, plain, "p.xlsx")).toMatchObject({ ok: false, issues: [{ code: "merge.needsAs", params: { hint: "" } }] });
    const as = planMerge(MASTER, plain, "p.xlsx", "Bénévoles");
    expect(as.ok && as.value.outcome).toMatchObject({ respondent: "Bénévoles", added: true, copyId: "" });
  });

  it("--as names an existing respondent as people type names, and the master's spelling is kept", () => {
    const planned = planMerge(MASTER, workbook([row("C1", [1])], undefined), "p.xlsx", " direction ");
    expect(planned.ok && planned.value.outcome).toMatchObject({ respondent: "Direction", added: false });
  });

  it("given a stamped copy whose respondent was sent another copy: refused, unless --as names someone else", () => {
    const stolen = copyOf("Direction", "id-other", { C1: [1] });
    expect(planMerge(MASTER, stolen, "x.xlsx", undefined, "grille.xlsx")).toMatchObject({
      ok: false,
      issues: [{ code: "merge.nameTaken", params: { name: "Direction", held: "id-dir", copyId: "id-other", file: "grille.xlsx" } }],
    });
    expect(planMerge(MASTER, stolen, "x.xlsx", "Direction").ok).toBe(false);
    const elsewhere = planMerge(MASTER, stolen, "x.xlsx", "Invités");
    expect(elsewhere.ok && elsewhere.value.outcome).toMatchObject({ respondent: "Invités", added: true, copyId: "id-other" });
  });

  it("a stamped copy for a name the master lacks adds that respondent", () => {
    const planned = planMerge(MASTER, copyOf("Équipe", "id-eq", { C1: [1] }), "e.xlsx");
    expect(planned.ok && planned.value.outcome).toMatchObject({ respondent: "Équipe", added: true });
  });

  it("given a name a column header cannot hold: refused with the respondents' message", () => {
    expect(planMerge(MASTER, copyOf("A", "id", { C1: [1] }), "a.xlsx", "=A1")).toMatchObject({ ok: false, issues: [{ code: "respondents.leadingSign", path: "--as" }] });
  });

  it("given a rating the master's scale does not hold: refused, naming the copy's cell", () => {
    const planned = planMerge(MASTER, copyOf("CA", "id-ca", { C1: [7] }), "ca.xlsx");
    expect(planned).toMatchObject({ ok: false, issues: [{ code: "merge.ratingUnreadable", path: "ca.xlsx: Grille!F2", params: { value: "7", criterion: "C1" } }] });
  });

  it("refuses to give a master's unnamed answers to someone; an unnamed blank master takes names", () => {
    const unnamed = workbook([row("C1", [3])], undefined);
    expect(planMerge(unnamed, copyOf("A", "id-a", { C1: [1] }), "a.xlsx")).toMatchObject({ ok: false, issues: [{ code: "merge.masterUnnamed" }] });
    const blank = workbook([row("C1", [null])], undefined);
    expect(planMerge(blank, copyOf("A", "id-a", { C1: [1] }), "a.xlsx")).toMatchObject({ ok: true, value: { outcome: { respondent: "A", added: true } } });
  });
});

describe("planMerges", () => {
  it("plans every copy, and gives the respondents after the merge, new ones last in copy order", () => {
    const planned = planMerges(MASTER, [
      { copy: copyOf("Équipe", "id-eq", { C1: [1] }), file: "e.xlsx" },
      { copy: copyOf("CA", "id-ca", { C1: [2] }), file: "ca.xlsx" },
      { copy: copyOf("Bénévoles", "id-b", { C1: [3] }), file: "b.xlsx" },
    ]);
    expect(planned.ok && planned.value.respondents).toEqual(["Direction", "CA", "Équipe", "Bénévoles"]);
  });

  it("given two copies for one respondent, or one refused copy: nothing is planned, every problem is said", () => {
    const planned = planMerges(MASTER, [
      { copy: copyOf("CA", "id-ca", { C1: [1] }), file: "ca1.xlsx" },
      { copy: copyOf("ca", "id-ca", { C1: [2] }), file: "ca2.xlsx" },
      { copy: copyOf("X", "", { C1: [2] }), file: "x.xlsx" },
    ]);
    expect(planned.ok ? [] : planned.issues.map((i) => [i.code, i.path])).toEqual([
      ["merge.twoCopies", "ca2.xlsx"],
      ["merge.needsAs", "x.xlsx"],
    ]);
  });

  it("given more respondents than a workbook holds: refused", () => {
    const copies = Array.from({ length: 19 }, (_, i) => ({ copy: copyOf(`R${i}`, `id${i}`, { C1: [1] }), file: `r${i}.xlsx` }));
    expect(planMerges(MASTER, copies)).toMatchObject({ ok: false, issues: [{ code: "merge.tooMany", params: { count: 21, max: 20 } }] });
  });
});
