import { describe, expect, it } from "vitest";
import { storedOf } from "../excel/fake/excel.fake.js";
import { seededRandom } from "../../tests/support/random.js";
import { needsTextPrefix, textEntry } from "./text.entry.js";

describe("textEntry", () => {
  it.each([
    ["=1+1"],
    ['=HYPERLINK("http://example.invalid","clic")'],
    ["+33"],
    ["+SUM(1,2)"],
    ["-x"],
    ["-12"],
    ["@SUM(A1)"],
    ["'quoted"],
    ["''"],
    ["1.1"],
    ["00123"],
    ["2024-05-01"],
    ["1/2"],
    ["12:30"],
    ["50%"],
    ["€5"],
    [" 12"],
    ["#N/A"],
    ["TRUE"],
    ["vrai"],
    ["janv. 2024"],
    ["Jan 5"],
    ["Q1"],
  ])("keeps %j as text in Excel", (text) => {
    expect(needsTextPrefix(text)).toBe(true);
    expect(storedOf(textEntry(text))).toEqual({ kind: "text", text, quotePrefix: true });
  });

  it.each([["Critère"], ["S. O."], ["N/A"], ["Sans objet"], ["Gouvernance et éthique"], ["Évalué"], ["text[fr]"]])("leaves plain text %j as it is", (text) => {
    expect(needsTextPrefix(text)).toBe(false);
    expect(textEntry(text)).toBe(text);
    expect(storedOf(text)).toEqual({ kind: "text", text, quotePrefix: false });
  });

  it("leaves the empty string empty", () => {
    expect(textEntry("")).toBe("");
  });

  it("keeps random strings of spreadsheet-significant characters as the same text", () => {
    const rand = seededRandom(7);
    const alphabet = ["=", "+", "-", "@", "'", "#", "%", "/", ":", ".", ",", " ", "0", "1", "9", "e", "E", "a", "T", "RUE", "é", "(", ")", "\n"];
    for (let n = 0; n < 2000; n++) {
      let s = "";
      const len = 1 + Math.floor(rand() * 8);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      expect(storedOf(textEntry(s)), JSON.stringify(s)).toMatchObject({ kind: "text", text: s });
    }
  });
});
