/**
 * QG.SCORE(ratings, scale_min, scale_max, [weights]): the 0–100 score of a set of ratings (design.md:
 * s = (v − min)/(max − min), 100 × Σ w·s / Σ w over answered, applicable ratings), called as Excel calls it.
 */
import "./customFunctions.shim.js";
import { describe, expect, it } from "vitest";
import { score } from "../../functions/functions.js";
import { inputError } from "./customFunctions.shim.js";
import { col, errorOf, messages } from "./functions.helpers.js";

describe("QG.SCORE — happy path", () => {
  it("places each rating on the scale and averages: 1, 2, 3, 4 on 1–4 → 0, ⅓, ⅔, 1 → 50", () => {
    expect(score(col(1, 2, 3, 4), [[1]], [[4]])).toBeCloseTo(50, 12);
  });

  it("weighs the ratings: 4 (weight 3) and 1 (weight 1) on 1–4 → 100 × 3/4 = 75", () => {
    expect(score(col(4, 1), [[1]], [[4]], col(3, 1))).toBeCloseTo(75, 12);
  });

  it("skips blanks and N/A tokens in their spellings: 4, blank, N/A, so, S. O., sans objet → 100", () => {
    expect(score(col(4, "", "N/A", "so", "S. O.", "sans objet", null), [[1]], [[4]])).toBe(100);
  });

  it("takes a row as well as a column, and a 0-based scale: 0 and 4 on 0–4 → 50", () => {
    expect(score([[0, 4]], [[0]], [[4]])).toBeCloseTo(50, 12);
  });

  it("reads a single cell: 3 on 1–4 → 66.67", () => {
    expect(score([[3]], [[1]], [[4]])).toBeCloseTo(200 / 3, 12);
  });

  it("gives a weight-0 rating no say: 1 (weight 0) and 4 → 100", () => {
    expect(score(col(1, 4), [[1]], [[4]], col(0, 1))).toBe(100);
  });

  it("reads number cells of a data type through their basic value", () => {
    expect(score(col({ type: "Double", basicValue: 4 }, 1), [[1]], [[4]])).toBeCloseTo(50, 12);
  });

  it("treats null, undefined, \"\" and an Empty cell value as blank", () => {
    expect(score(col(4, null, undefined, "", "  ", { type: "Empty", basicValue: "" }), [[1]], [[4]])).toBe(100);
  });
});

describe("QG.SCORE — empty input", () => {
  it('gives "" (an empty cell), not 0, when nothing is rated', () => {
    expect(score(col("", "N/A", null), [[1]], [[4]])).toBe("");
  });

  it('gives "" when every rated row weighs 0', () => {
    expect(score(col(3, 4), [[1]], [[4]], col(0, 0))).toBe("");
  });
});

describe("QG.SCORE — given wrong argument type", () => {
  it("refuses a text that is not a rating, naming the argument and the row", () => {
    expect(messages(() => score(col(1, "oui"), [[1]], [[4]]))).toEqual({
      fr: "cotations, ligne 2 : « oui » n'est ni une cotation ni « sans objet »",
      en: 'ratings, row 2: "oui" is neither a rating nor N/A',
    });
  });

  it("refuses a rating outside the scale", () => {
    expect(messages(() => score(col(1, 2, 7), [[1]], [[4]]))).toEqual({
      fr: "cotations, ligne 3 : la cotation 7 est hors de l'échelle (1 à 4)",
      en: "ratings, row 3: rating 7 is outside the scale (1 to 4)",
    });
  });

  it("refuses a scale whose min is not below its max", () => {
    expect(messages(() => score(col(1), [[4]], [[4]]))).toEqual({
      fr: "echelle_min (4) doit être inférieur à echelle_max (4)",
      en: "scale_min (4) must be below scale_max (4)",
    });
  });

  it("refuses a scale bound that is not a number, or missing", () => {
    expect(messages(() => score(col(1), [["bas"]], [[4]])).en).toBe('scale_min must be a number (got "bas")');
    expect(messages(() => score(col(1), [[1]], [[null]])).fr).toBe("echelle_max doit être un nombre (valeur «  »)");
  });

  it("refuses a non-numeric or negative weight, naming its row", () => {
    expect(messages(() => score(col(1, 2), [[1]], [[4]], col(1, "x")))).toEqual({
      fr: "poids, ligne 2 : le poids « x » doit être un nombre positif ou nul",
      en: 'weights, row 2: weight "x" must be a number ≥ 0',
    });
    expect(messages(() => score(col(1, 2), [[1]], [[4]], col(-1, 1))).en).toBe('weights, row 1: weight "-1" must be a number ≥ 0');
  });
});

describe("QG.SCORE — wrong sizes", () => {
  it("refuses weights of another size than the ratings", () => {
    expect(messages(() => score(col(1, 2, 3), [[1]], [[4]], col(1, 1)))).toEqual({
      fr: "poids (2) et cotations (3) doivent avoir la même taille",
      en: "weights (2) and ratings (3) must have the same size",
    });
  });
});

describe("QG.SCORE — errors propagation", () => {
  it("returns an Excel error found in the ratings as the same error, without a message", () => {
    expect(errorOf(() => score(col(1, inputError("#N/A")), [[1]], [[4]]))).toEqual({ code: "#N/A" });
    expect(errorOf(() => score(col(inputError("#DIV/0!")), [[1]], [[4]]))).toEqual({ code: "#DIV/0!" });
  });

  it("returns an error of the weights or the scale bounds", () => {
    expect(errorOf(() => score(col(1), [[1]], [[4]], col(inputError("#NUM!"))))).toEqual({ code: "#NUM!" });
    expect(errorOf(() => score(col(1), [[inputError("#NULL!")]], [[4]]))).toEqual({ code: "#NULL!" });
  });

  it("reads an error cell value (data types) as that error", () => {
    expect(errorOf(() => score(col({ type: "Error", errorType: "NotAvailable", basicValue: "#N/A" }), [[1]], [[4]]))).toEqual({ code: "#N/A" });
  });

  it("returns #REF! and #NAME? (input-only errors in Excel) as #VALUE! whose message names them", () => {
    expect(errorOf(() => score(col(inputError("#REF!")), [[1]], [[4]]))).toEqual({ code: "#VALUE!", message: "#REF!" });
    expect(errorOf(() => score(col(1), [[1]], [[inputError("#NAME?")]]))).toEqual({ code: "#VALUE!", message: "#NAME?" });
  });
});
