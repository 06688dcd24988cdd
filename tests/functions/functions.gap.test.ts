/**
 * QG.GAP(score, target): target − score (design.md: points, positive = shortfall), cell by cell; a
 * single target applies to every score; the result has the shape of the scores.
 */
import "./customFunctions.shim.js";
import { describe, expect, it } from "vitest";
import { gap } from "../../functions/functions.js";
import { inputError } from "./customFunctions.shim.js";
import { col, errorOf, messages } from "./functions.helpers.js";

describe("QG.GAP — happy path", () => {
  it("subtracts the score from the target: 70 − 80 = −10 (ahead), 80 − 62.5 = 17.5 (shortfall)", () => {
    expect(gap([[80]], [[70]])).toEqual([[-10]]);
    expect(gap([[62.5]], [[80]])).toEqual([[17.5]]);
  });

  it("applies one target to a column of scores and returns a column of the same height", () => {
    expect(gap(col(50, 70, 100), [[75]])).toEqual([[25], [5], [-25]]);
  });

  it("pairs a range of scores with a range of targets of the same shape", () => {
    expect(gap([[10, 20], [30, 40]], [[15, 20], [35, 50]])).toEqual([[5, 0], [5, 10]]);
  });

  it("accepts constants, which Excel passes to a range parameter as one-cell ranges: QG.GAP(80, 90)", () => {
    expect(gap([[80]], [[90]])).toEqual([[10]]);
  });
});

describe("QG.GAP — empty input", () => {
  it('leaves "" where the score or the target is blank, not 0', () => {
    expect(gap(col(50, "", null), col(60, 60, 60))).toEqual([[10], [""], [""]]);
    expect(gap(col(50, 70), col("", 80))).toEqual([[""], [10]]);
  });
});

describe("QG.GAP — given wrong argument type", () => {
  it("refuses a score that is not a number, naming its row", () => {
    expect(messages(() => gap(col(50, "haut"), [[80]]))).toEqual({
      fr: "score, ligne 2 : « haut » doit être un nombre",
      en: 'score, row 2: "haut" must be a number',
    });
  });

  it("refuses a target that is not a number", () => {
    expect(messages(() => gap(col(50), [["cible"]])).en).toBe('target must be a number (got "cible")');
    expect(messages(() => gap(col(50, 60), col(70, "x"))).fr).toBe("cible, ligne 2 : « x » doit être un nombre");
  });
});

describe("QG.GAP — wrong sizes", () => {
  it("refuses targets of another shape than the scores (unless a single target)", () => {
    expect(messages(() => gap(col(1, 2, 3), col(4, 5)))).toEqual({
      fr: "score (3×1) et cible (2×1) doivent avoir la même taille",
      en: "score (3×1) and target (2×1) must have the same size",
    });
    expect(messages(() => gap([[1, 2]], col(4, 5))).en).toBe("score (1×2) and target (2×1) must have the same size");
  });
});

describe("QG.GAP — errors propagation", () => {
  it("returns an error found in a score or a target", () => {
    expect(errorOf(() => gap(col(50, inputError("#DIV/0!")), [[80]]))).toEqual({ code: "#DIV/0!" });
    expect(errorOf(() => gap(col(50), [[inputError("#N/A")]]))).toEqual({ code: "#N/A" });
  });
});
