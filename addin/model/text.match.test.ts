import { describe, expect, it } from "vitest";
import { matchKey } from "./text.match.js";

describe("matchKey", () => {
  it.each([
    ["Non amorcé", "nonamorce"],
    ["NON-AMORCE", "nonamorce"],
    ["  non   amorcé. ", "nonamorce"],
    ["Mise en œuvre", "miseenoeuvre"],
    ["MISE EN ŒUVRE", "miseenoeuvre"],
    ["De\u0301passe\u0301", "depasse"],
    ["S. O.", "so"],
    ["s/o", "so"],
    ["N/A", "na"],
    ["Critère", "critere"],
    ["Niveau 2", "niveau2"],
  ])("keys %j as %j", (text, key) => {
    expect(matchKey(text)).toBe(key);
  });

  it.each([
    ["+", "+"],
    ["- -", "--"],
    ["", ""],
  ])("keeps the punctuation of %j, a word made of nothing else", (text, key) => {
    expect(matchKey(text)).toBe(key);
  });
});
