/**
 * The evaluator's CSV files (`qualigrid review`): ratings (`criterion,rating,comment`), evidence
 * review (`evidence,status,note`) and recommendations (`criterion,recommendation,due`), read with the
 * answers file's machinery — separators, quotes, `file:line` messages in French and English.
 */
import { describe, expect, it } from "vitest";
import { issueText } from "./messages/message.catalog.js";
import { parseEvaluatorRatingsCsv, parseEvidenceReviewCsv, parseRecommendationsCsv } from "./review.parse.js";
import type { InputIssue, Result, Template } from "./template.types.js";

const TEMPLATE: Template = {
  id: "cap",
  version: "1.0.0",
  title: "Cap",
  source: "test",
  scale: {
    levels: [
      { value: 1, label: { fr: "Non amorcé", en: "Not started" } },
      { value: 2, label: { fr: "Amorcé", en: "Started" } },
      { value: 3, label: { fr: "Élaboré", en: "Developed" } },
      { value: 4, label: { fr: "Mise en œuvre", en: "Implemented" } },
    ],
    notApplicable: true,
  },
  target: 70,
  targetLevel: 3,
  dimensions: [
    {
      id: "D1",
      title: "Gouvernance",
      weight: 1,
      criteria: [
        { id: "C1", text: "a", weight: 1 },
        { id: "C2", text: "b", weight: 1 },
        { id: "Q1", text: "Décrivez", weight: 1, type: "text" },
      ],
    },
  ],
};

const REGISTER = ["P-1", "P-2", "P-3", ""];

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return r.value;
}

function issues<T>(r: Result<T>): InputIssue[] {
  if (r.ok) throw new Error("expected a refusal");
  return r.issues;
}

describe("the evaluator's ratings (review.csv)", () => {
  const read = (text: string) => parseEvaluatorRatingsCsv(text, "revue.csv", TEMPLATE);

  it("reads criterion, rating and comment as an answers file: values, labels, N/A, blank", () => {
    const lines = value(read("critère;cotation;commentaire\nc1;3;Bien documenté\nC2;sans objet;\nQ1;;Réponse claire\n"));
    expect(lines).toEqual([
      { criterion: "C1", rating: { kind: "level", value: 3 }, text: null, comment: "Bien documenté", line: 2 },
      { criterion: "C2", rating: { kind: "na" }, text: null, comment: "", line: 3 },
      { criterion: "Q1", rating: { kind: "blank" }, text: null, comment: "Réponse claire", line: 4 },
    ]);
  });

  it("refuses words as the rating of a question answered in words, naming file and line", () => {
    const found = issues(read("criterion,rating,comment\nC1,Implemented,\nQ1,We agree,\n"));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: "revue.csv:3", code: "review.textQuestion", params: { id: "Q1" } });
    expect(issueText(found[0]!, "fr")).toContain("l'évaluateur ne le cote pas");
  });

  it("keeps the answers file's messages for an unknown criterion and a rating off the scale", () => {
    const found = issues(read("criterion,rating\nX9,3\nC1,7\n"));
    expect(found.map((i) => [i.path, i.code])).toEqual([
      ["revue.csv:2", "answers.criterionUnknown"],
      ["revue.csv:3", "answers.ratingOutsideScale"],
    ]);
  });
});

describe("the evaluator's evidence review (evidence.csv)", () => {
  const read = (text: string) => parseEvidenceReviewCsv(text, "preuves.csv", REGISTER);

  it("reads French and English statuses, case and accents ignored; blank = not reviewed", () => {
    const lines = value(read("preuve;statut;note\np-1;acceptee;Vu sur place\nP-2;A COMPLETER;Version signée manquante\nP-3;;\n"));
    expect(lines).toEqual([
      { evidence: "P-1", status: "accepted", note: "Vu sur place", line: 2 },
      { evidence: "P-2", status: "toComplete", note: "Version signée manquante", line: 3 },
      { evidence: "P-3", status: null, note: "", line: 4 },
    ]);
    expect(value(read("evidence,status\nP-1,Missing\nP-2,to complete\nP-3,ACCEPTED\n")).map((l) => [l.status, l.note])).toEqual([
      ["missing", null],
      ["toComplete", null],
      ["accepted", null],
    ]);
  });

  it("reports every bad line at once: unknown id, repeated id, unknown status, empty id", () => {
    const found = issues(read("evidence,status,note\nP-9,Accepted,\nP-1,Accepted,\np-1,Missing,\nP-2,Peut-être,\n,Accepted,\n"));
    expect(found.map((i) => [i.path, i.code])).toEqual([
      ["preuves.csv:2", "review.evidenceUnknown"],
      ["preuves.csv:4", "review.evidenceTwice"],
      ["preuves.csv:5", "review.statusUnknown"],
      ["preuves.csv:6", "review.evidenceEmpty"],
    ]);
    const status = found[2]!;
    expect(issueText(status, "fr")).toBe("statut «\u00a0Peut-être\u00a0» de la preuve P-2\u00a0: indiquez Acceptée, À compléter ou Manquante (ou laissez vide pour «\u00a0non revue\u00a0»)");
    expect(issueText(status, "en")).toBe('status "Peut-être" of evidence P-2: give Accepted, To complete or Missing (or leave it blank for "not reviewed")');
  });

  it("refuses a header without the status column, and an unknown column, naming the expected header", () => {
    const missing = issues(read("evidence,note\nP-1,x\n"));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ path: "preuves.csv:1", code: "review.headerMissing", params: { role: "status" } });
    expect(issueText(missing[0]!, "fr")).toBe("l'en-tête n'a pas de colonne «\u00a0statut\u00a0»\u00a0: l'en-tête attendu est evidence,status,note (preuve;statut;note)");
    expect(issues(read("evidence,status,owner\nP-1,x,y\n"))[0]).toMatchObject({ code: "review.headerUnknown", params: { column: "C", name: "owner" } });
  });

  it("keeps line numbers after an Excel sep= line, a BOM, blank lines and quoted line breaks", () => {
    const text = '\uFEFFsep=;\npreuve;statut;note\n\n"P-1";Acceptée;"sur\ndeux lignes"\nP-2;Bof;\n';
    expect(issues(read(text)).map((i) => i.path)).toEqual(["preuves.csv:6"]);
  });

  it("refuses an empty file, a wrong field count and an unclosed quote", () => {
    expect(issues(read(""))[0]).toMatchObject({ code: "review.empty", path: "preuves.csv:1" });
    expect(issues(read("evidence,status\nP-1,Accepted,extra\n"))[0]).toMatchObject({ code: "answers.fieldCount", path: "preuves.csv:2" });
    expect(issues(read('evidence,status\nP-1,"Accepted\n'))[0]).toMatchObject({ code: "answers.unclosedQuote", path: "preuves.csv:2" });
  });

  it("refuses a note longer than an Excel cell", () => {
    const found = issues(read(`evidence,status,note\nP-1,Accepted,${"x".repeat(32_768)}\n`));
    expect(found[0]).toMatchObject({ code: "review.textTooLong", params: { id: "P-1", role: "note", length: 32_768 } });
  });
});

describe("the evaluator's recommendations (reco.csv)", () => {
  const read = (text: string) => parseRecommendationsCsv(text, "reco.csv", TEMPLATE);

  it("reads criterion, recommendation and due date, several for one criterion, due optional", () => {
    const lines = value(read("Critère;Recommandation;Échéance\nc1;Formaliser la politique;2026-06-30\nC1;Former l'équipe;\nQ1;Documenter;  2027-01-15 \n"));
    expect(lines).toEqual([
      { criterion: "C1", recommendation: "Formaliser la politique", due: new Date(Date.UTC(2026, 5, 30)), line: 2 },
      { criterion: "C1", recommendation: "Former l'équipe", due: null, line: 3 },
      { criterion: "Q1", recommendation: "Documenter", due: new Date(Date.UTC(2027, 0, 15)), line: 4 },
    ]);
    expect(value(read("criterion,recommendation\nC2,Do it\n"))).toEqual([{ criterion: "C2", recommendation: "Do it", due: null, line: 2 }]);
  });

  it("reports an unknown criterion, an empty recommendation and a date that is not a real day", () => {
    const found = issues(read("criterion,recommendation,due\nZZ,Do,\nC1,,2026-01-01\nC2,Do,2026-02-30\nC2,Do,30/06/2026\n"));
    expect(found.map((i) => [i.path, i.code])).toEqual([
      ["reco.csv:2", "answers.criterionUnknown"],
      ["reco.csv:3", "review.recommendationEmpty"],
      ["reco.csv:4", "review.dueNotADate"],
      ["reco.csv:5", "review.dueNotADate"],
    ]);
    expect(issueText(found[2]!, "fr")).toContain("AAAA-MM-JJ");
    expect(issueText(found[2]!, "en")).toContain("YYYY-MM-DD");
  });

  it("refuses a header without the recommendation column", () => {
    expect(issues(read("criterion,due\nC1,2026-01-01\n"))[0]).toMatchObject({ code: "review.headerMissing", params: { role: "recommendation" } });
  });
});
