import { describe, expect, it } from "vitest";
import { answerColumnOf, csvSeparatorOf, parseAnswersCsv, type AnswerLine } from "./answers.parse.js";
import { issueText } from "./messages/message.catalog.js";
import type { Rating } from "./scale.js";
import type { InputIssue, Result, Template } from "./template.types.js";

/** A template whose labels carry accents, as the HAS « Donner le cap » scale does. */
const TEMPLATE: Template = {
  id: "cap",
  version: "1.0.0",
  title: { fr: "Cap", en: "Cap" },
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
      criteria: ["C1", "C2", "C3", "C4", "C5", "C6"].map((id) => ({ id, text: `Critère ${id}`, weight: 1 })),
    },
  ],
} as unknown as Template;

/** The same, but two levels whose labels differ only by an accent and a dash. */
const CLASHING: Template = {
  ...TEMPLATE,
  scale: {
    levels: [
      { value: 1, label: { fr: "Élevé", en: "High" } },
      { value: 2, label: { fr: "Elevé-", en: "Higher" } },
      { value: 3, label: { fr: "Très élevé", en: "Highest" } },
    ],
    notApplicable: true,
  },
} as Template;

const level = (value: number): Rating => ({ kind: "level", value });
const NA: Rating = { kind: "na" };

function lines(r: Result<AnswerLine[]>): AnswerLine[] {
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return r.value;
}

function issues(r: Result<AnswerLine[]>): InputIssue[] {
  if (r.ok) throw new Error("expected a refusal");
  return r.issues;
}

const read = (text: string, template = TEMPLATE): Result<AnswerLine[]> => parseAnswersCsv(text, "reponses.csv", template);

describe("csvSeparatorOf", () => {
  it.each([
    ["criterion,rating,comment", ","],
    ["Critère;Cotation;Commentaire", ";"],
    ["Critère\tCotation\tCommentaire", "\t"],
    ['"Critère, code";Cotation', ";"],
    ["criterion", ","],
    ["", ","],
  ])("finds the separator of %j", (line, sep) => {
    expect(csvSeparatorOf(line)).toBe(sep);
  });
});

describe("answerColumnOf", () => {
  it.each([
    ["Critère", "criterion"],
    ["CRITERE", "criterion"],
    [" critère ", "criterion"],
    ["Criterion", "criterion"],
    ["Code", "criterion"],
    ["ID", "criterion"],
    ["Cotation", "rating"],
    ["Note", "rating"],
    ["rating", "rating"],
    ["Niveau", "rating"],
    ["Commentaire", "comment"],
    ["Commentaires", "comment"],
    ["COMMENT", "comment"],
  ])("reads the header %j as the %s column", (header, column) => {
    expect(answerColumnOf(header)).toBe(column);
  });

  it.each(["Évaluateur", "score", "valeur", "critères retenus", ""])("knows no column %j", (header) => {
    expect(answerColumnOf(header)).toBeUndefined();
  });
});

describe("parseAnswersCsv: headers and separators", () => {
  it.each([
    ["French headers with ;", "Critère;Cotation;Commentaire\nC1;2;Procès-verbaux diffusés\n"],
    ["English headers with ,", "criterion,rating,comment\nC1,2,Procès-verbaux diffusés\n"],
    ["upper case without accents, tab-separated", "CRITERE\tNOTE\tCOMMENTAIRES\nC1\t2\tProcès-verbaux diffusés\n"],
    ["columns in another order", "Commentaire;Code;Niveau\nProcès-verbaux diffusés;C1;2\n"],
    ["Excel's sep= line", "sep=;\nCritère;Cotation;Commentaire\nC1;2;Procès-verbaux diffusés\n"],
  ])("reads %s", (_, text) => {
    expect(lines(read(text))).toEqual([{ criterion: "C1", rating: level(2), text: null, comment: "Procès-verbaux diffusés", line: text.startsWith("sep=") ? 3 : 2 }]);
  });

  it("keeps line numbers after a sep= line", () => {
    const r = issues(read("sep=;\r\nCritère;Cotation\r\nC1;2\r\nZZ;3\r\n"));
    expect(r.map((i) => i.path)).toEqual(["reponses.csv:4"]);
  });

  it("skips lines of empty fields, as Excel writes below the data", () => {
    expect(lines(read("Critère;Cotation;Commentaire\nC1;2;ok\n;;\n ; ; \nC2;3;\n;;\n")).map((l) => [l.criterion, l.line])).toEqual([
      ["C1", 2],
      ["C2", 5],
    ]);
  });

  it("ignores a column without a header while it stays empty", () => {
    expect(lines(read("Critère;Cotation;Commentaire;\nC1;2;ok;\n")).map((l) => l.comment)).toEqual(["ok"]);
  });

  it("refuses a line that writes in a column without a header", () => {
    const [i] = issues(read("Critère;Cotation;\nC1;2;\nC2;3;oups\n"));
    expect(i?.path).toBe("reponses.csv:3");
    expect(i?.code).toBe("answers.unnamedColumn");
    expect(i?.params).toMatchObject({ column: "C", value: "oups" });
  });

  it("refuses a header it does not know, naming the file, line 1 and the column", () => {
    const r = issues(read("Critère;Cotation;Évaluateur\nC1;2;Marie\n"));
    expect(r).toHaveLength(1);
    const [i] = r;
    expect(i?.path).toBe("reponses.csv:1");
    expect(i?.code).toBe("answers.headerUnknown");
    expect(i?.params).toMatchObject({ file: "reponses.csv", line: 1, column: "C", name: "Évaluateur" });
    expect(issueText(i as InputIssue, "fr")).toContain("colonne C");
    expect(issueText(i as InputIssue, "fr")).toContain("« Évaluateur »");
    expect(i?.message).toContain('column C of the header, "Évaluateur"');
  });

  it("refuses a header without a rating column", () => {
    const [i] = issues(read("Critère;Commentaire\nC1;ok\n"));
    expect(i?.code).toBe("answers.headerMissing");
    expect(issueText(i as InputIssue, "fr")).toContain("« cotation »");
    expect(i?.message).toContain('"rating"');
  });

  it("refuses two columns for the criterion", () => {
    const [i] = issues(read("Code;Critère;Cotation\nC1;C1;2\n"));
    expect(i?.code).toBe("answers.headerTwice");
    expect(i?.params).toMatchObject({ role: "criterion", first: "A", column: "B" });
  });

  it("refuses an empty file at line 1", () => {
    const [i] = issues(read("\n\n"));
    expect([i?.path, i?.code]).toEqual(["reponses.csv:1", "answers.empty"]);
  });
});

describe("parseAnswersCsv: ratings as people type them", () => {
  it.each([
    ["Non amorcé", 1],
    ["non amorce", 1],
    ["NON-AMORCE", 1],
    ["Amorcé", 2],
    ["amorce", 2],
    ["AMORCE", 2],
    ["élaboré", 3],
    ["Elabore", 3],
    ["mise en oeuvre", 4],
    ["Mise-en-œuvre", 4],
    ["not started", 1],
    ["Developed", 3],
    ["4", 4],
  ])("reads %j as level %d", (typed, value) => {
    expect(lines(read(`Critère;Cotation\nC1;${typed}\n`))[0]?.rating).toEqual(level(value));
  });

  it.each(["S/O", "s/o", "S. O.", "s.o.", "SO", "n/a", "N.A.", "NA", "sans objet", "Sans Objet", "non applicable", "non concerné", "Non concerne", "NC", "not applicable"])(
    "reads %j as N/A",
    (typed) => {
      expect(lines(read(`Critère;Cotation\nC1;${typed}\n`))[0]?.rating).toEqual(NA);
    },
  );

  it("refuses a word that two levels answer to, naming both, instead of guessing", () => {
    const [i] = issues(read("Critère;Cotation\nC1;eleve\n", CLASHING));
    expect(i?.path).toBe("reponses.csv:2");
    expect(i?.code).toBe("answers.ratingAmbiguous");
    expect(i?.params).toMatchObject({ id: "C1", value: "eleve", levels: "1, 2" });
  });

  it("takes a label typed exactly even when another differs from it only by an accent", () => {
    expect(lines(read("Critère;Cotation\nC1;Élevé\nC2;Elevé-\nC3;tres eleve\n", CLASHING)).map((l) => l.rating)).toEqual([level(1), level(2), level(3)]);
  });

  it("refuses a word that is no level, with the scale in the message's language", () => {
    const [i] = issues(read("Critère;Cotation\nC1;Presque\n"));
    expect(i?.code).toBe("answers.ratingNotALevel");
    expect(issueText(i as InputIssue, "fr")).toContain("1 = Non amorcé, 2 = Amorcé, 3 = Élaboré, 4 = Mise en œuvre");
    expect(issueText(i as InputIssue, "en")).toContain("1 = Not started, 2 = Started, 3 = Developed, 4 = Implemented");
    expect(i?.message).toBe(issueText(i as InputIssue, "en"));
  });

  it("refuses a number outside the scale", () => {
    const [i] = issues(read("Critère;Cotation\nC1;7\n"));
    expect([i?.code, i?.params?.value]).toEqual(["answers.ratingOutsideScale", "7"]);
  });

  it("refuses N/A where the template allows none", () => {
    const [i] = issues(read("Critère;Cotation\nC1;S/O\n", { ...TEMPLATE, scale: { ...TEMPLATE.scale, notApplicable: false } }));
    expect(i?.code).toBe("answers.ratingNaNotAllowed");
  });

  it("lists every problem at once, each with its file and line, in the catalogue", () => {
    const r = issues(read('Critère;Cotation;Commentaire\nC1;2;ok\nZZ;2;\nC2;9;\nC1;3;\nC3;2\nC4;;\n;1;\nC5;1;"jamais fermé\n'));
    expect(r.map((i) => [i.path, i.code])).toEqual([["reponses.csv:9", "answers.unclosedQuote"]]);
    const all = issues(read("Critère;Cotation;Commentaire\nC1;2;ok\nZZ;2;\nC2;9;\nC1;3;\nC3;2\n;1;\n"));
    expect(all.map((i) => [i.path, i.code])).toEqual([
      ["reponses.csv:3", "answers.criterionUnknown"],
      ["reponses.csv:4", "answers.ratingOutsideScale"],
      ["reponses.csv:5", "answers.criterionTwice"],
      ["reponses.csv:6", "answers.fieldCount"],
      ["reponses.csv:7", "answers.criterionEmpty"],
    ]);
    for (const i of all) {
      expect(issueText(i, "fr")).not.toBe(i.message);
      expect(i.params).toMatchObject({ file: "reponses.csv" });
    }
  });
});

describe("a comment longer than an Excel cell (issue 14)", () => {
  it("refuses a comment of 32,768 characters with its line, and accepts one of 32,767", () => {
    const r = read(`critere;cotation;commentaire\nC1;3;court\nC2;2;"${"x".repeat(32_768)}"\n`);
    expect(r.ok).toBe(false);
    const found = issues(r);
    expect(found.map((i) => [i.path, i.code])).toEqual([["reponses.csv:3", "limits.commentTooLong"]]);
    expect(found[0]?.params).toMatchObject({ id: "C2", length: 32_768, limit: 32_767 });
    expect(issueText(found[0] as InputIssue, "fr")).toMatch(/commentaire du critère « C2 » a 32\s768 caractères/);
    const ok = read(`critere;cotation;commentaire\nC2;2;"${"x".repeat(32_767)}"\n`);
    expect(lines(ok)[0]?.comment?.length).toBe(32_767);
  });
});
