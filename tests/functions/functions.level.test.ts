/**
 * QG.LEVEL(score, thresholds, labels): the label of the highest threshold not above each score.
 */
import "./customFunctions.shim.js";
import { describe, expect, it } from "vitest";
import { level } from "../../functions/functions.js";
import { inputError } from "./customFunctions.shim.js";
import { col, errorOf, messages } from "./functions.helpers.js";

const THRESHOLDS = col(0, 50, 75);
const LABELS = col("À améliorer", "En progrès", "Atteint");

describe("QG.LEVEL — happy path", () => {
  it("labels each score by the highest threshold it reaches; a threshold itself belongs to its level", () => {
    expect(level(col(10, 50, 74.9, 75, 100), THRESHOLDS, LABELS)).toEqual([["À améliorer"], ["En progrès"], ["En progrès"], ["Atteint"], ["Atteint"]]);
  });

  it("takes thresholds in any order, and a single score", () => {
    expect(level([[60]], col(75, 0, 50), col("Atteint", "À améliorer", "En progrès"))).toEqual([["En progrès"]]);
  });
});

describe("QG.LEVEL — empty input", () => {
  it('leaves "" for a blank score and for a score below every threshold', () => {
    expect(level(col("", 10), col(20, 60), col("Bas", "Haut"))).toEqual([[""], [""]]);
  });
});

describe("QG.LEVEL — given wrong argument type", () => {
  it("refuses a score or a threshold that is not a number", () => {
    expect(messages(() => level(col("x"), THRESHOLDS, LABELS)).en).toBe('score, row 1: "x" must be a number');
    expect(messages(() => level(col(10), col(0, "moitié"), col("Bas", "Haut")))).toEqual({
      fr: "seuils, ligne 2 : « moitié » doit être un nombre",
      en: 'thresholds, row 2: "moitié" must be a number',
    });
  });
});

describe("QG.LEVEL — wrong sizes", () => {
  it("refuses thresholds and labels of different sizes", () => {
    expect(messages(() => level(col(10), THRESHOLDS, col("Bas", "Haut")))).toEqual({
      fr: "seuils (3) et libelles (2) doivent avoir la même taille",
      en: "thresholds (3) and labels (2) must have the same size",
    });
  });
});

describe("QG.LEVEL — errors propagation", () => {
  it("returns an error found in a score, a threshold or a label", () => {
    expect(errorOf(() => level(col(inputError("#N/A")), THRESHOLDS, LABELS))).toEqual({ code: "#N/A" });
    expect(errorOf(() => level(col(10), col(0, inputError("#NUM!"), 75), LABELS))).toEqual({ code: "#NUM!" });
    expect(errorOf(() => level(col(10), THRESHOLDS, col("a", inputError("#DIV/0!"), "c")))).toEqual({ code: "#DIV/0!" });
  });
});
