import { describe, expect, it } from "vitest";
import { parseAnswersCsv, type AnswerLine } from "./answers.parse.js";
import { answerOfCell } from "./answer.cell.js";
import { issueText } from "./messages/message.catalog.js";
import { parseTemplate } from "./template.parse.js";
import { richTemplateJson } from "./template.rich.test-helpers.js";
import type { Result, Template } from "./template.types.js";

function rich(): Template {
  const r = parseTemplate(richTemplateJson());
  if (!r.ok) throw new Error("the rich template does not parse");
  return r.value;
}

const T = rich();
const read = (text: string): Result<AnswerLine[]> => parseAnswersCsv(text, "reponses.csv", T);
const critOf = (id: string) => T.dimensions.flatMap((d) => d.criteria).find((c) => c.id === id) ?? {};

describe("an answers CSV for a template with several scales, text questions and required criteria", () => {
  it("reads each rating on its criterion's own scale, by value or label", () => {
    const r = read("criterion,rating\nG2,Oui\nG3,souvent\nS2,0\nS1,Dépassé\n");
    expect(r.ok && r.value.map((l) => [l.criterion, l.rating])).toEqual([
      ["G2", { kind: "level", value: 1 }],
      ["G3", { kind: "level", value: 8 }],
      ["S2", { kind: "level", value: 0 }],
      ["S1", { kind: "level", value: 4 }],
    ]);
  });

  it("refuses a level of another scale, naming the criterion's own", () => {
    const r = read("criterion,rating\nG3,3\n");
    expect(!r.ok && r.issues.map((i) => `${i.path}: ${issueText(i, "fr")}`)).toEqual([
      "reponses.csv:2: cotation « 3 » de G3 : hors de l'échelle (0 = Jamais, 5 = Parfois, 8 = Souvent, 10 = Toujours)",
    ]);
  });

  it("takes a text question's rating field as its words, and an N/A token as N/A", () => {
    const r = read('criterion,rating,comment\nG4,"=1+1 ; on en parle, souvent",note\nS2,S/O,\n');
    expect(r.ok && r.value.map((l) => [l.criterion, l.rating.kind, l.text])).toEqual([
      ["G4", "blank", "=1+1 ; on en parle, souvent"],
      ["S2", "na", null],
    ]);
  });

  it("refuses N/A for a required criterion, rated or in words", () => {
    const r = read("criterion,rating\nG1,S. O.\nS3,sans objet\n");
    expect(!r.ok && r.issues.map((i) => `${i.path}: ${issueText(i, "en")}`)).toEqual([
      'reponses.csv:2: rating "S. O." of G1: this criterion is required, it cannot be N/A (choose 1 = Not met, 2 = Partially met, 3 = Met, 4 = Exceeded)',
      'reponses.csv:3: rating "sans objet" of S3: this criterion is required, it cannot be N/A',
    ]);
  });
});

describe("an answer cell read as the grid's formulas read it", () => {
  it("reads a level of the criterion's own scale and refuses another scale's", () => {
    expect(answerOfCell(8, T, critOf("G3")).rating).toEqual({ kind: "level", value: 8 });
    expect(answerOfCell(3, T, critOf("G3")).rating.kind).toBe("invalid");
  });

  it("does not take N/A for a required criterion", () => {
    expect(answerOfCell("S. O.", T, critOf("G1")).rating.kind).toBe("invalid");
    expect(answerOfCell("S. O.", T, critOf("S1")).rating.kind).toBe("na");
  });

  it("keeps a text question's words, numbers written as text, and N/A where allowed", () => {
    expect(answerOfCell("  Des ateliers.  ", T, critOf("G4"))).toEqual({ rating: { kind: "blank" }, text: "Des ateliers." });
    expect(answerOfCell(42, T, critOf("G4"))).toEqual({ rating: { kind: "blank" }, text: "42" });
    expect(answerOfCell("N/A", T, critOf("G4"))).toEqual({ rating: { kind: "na" }, text: "" });
    expect(answerOfCell("N/A", T, critOf("S3"))).toEqual({ rating: { kind: "blank" }, text: "N/A" });
  });
});
