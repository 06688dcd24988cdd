/**
 * QG.AGREEMENT(ratings_a, ratings_b, [tolerance]): among rows answered and applicable on both sides,
 * the share whose ratings differ by at most the tolerance (default 0).
 */
import "./customFunctions.shim.js";
import { describe, expect, it } from "vitest";
import { agreement } from "../../functions/functions.js";
import { inputError } from "./customFunctions.shim.js";
import { col, errorOf, messages } from "./functions.helpers.js";

// Rows 1–3 are rated on both sides; rows 4 (N/A) and 5 (blank) are not.
const SELF = col(1, 2, 3, "N/A", "");
const EVALUATOR = col(1, 3, 3, 2, 4);

describe("QG.AGREEMENT — happy path", () => {
  it("compares the rows rated on both sides: rows 1 and 3 agree, row 2 does not → ⅔", () => {
    expect(agreement(SELF, EVALUATOR)).toBeCloseTo(2 / 3, 12);
  });

  it("accepts a difference up to the tolerance: tolerance 1 → 3/3", () => {
    expect(agreement(SELF, EVALUATOR, 1)).toBe(1);
  });

  it("counts 0.3 against 0.2 as agreeing within 0.1 (binary fractions aside)", () => {
    expect(agreement(col(0.3), col(0.2), 0.1)).toBe(1);
  });
});

describe("QG.AGREEMENT — empty input", () => {
  it('gives "" when no row is rated on both sides', () => {
    expect(agreement(col(1, ""), col("", "SO"))).toBe("");
  });
});

describe("QG.AGREEMENT — given wrong argument type", () => {
  it("refuses a negative or non-numeric tolerance", () => {
    expect(messages(() => agreement(SELF, EVALUATOR, -1))).toEqual({
      fr: "la tolérance « -1 » doit être un nombre positif ou nul",
      en: 'tolerance "-1" must be a number ≥ 0',
    });
    expect(messages(() => agreement(SELF, EVALUATOR, "un")).en).toBe('tolerance "un" must be a number ≥ 0');
  });

  it("refuses a text that is not a rating, naming the side and the row", () => {
    expect(messages(() => agreement(col(1, 2), col(1, "bof")))).toEqual({
      fr: "cotations_b, ligne 2 : « bof » n'est ni une cotation ni « sans objet »",
      en: 'ratings_b, row 2: "bof" is neither a rating nor N/A',
    });
  });
});

describe("QG.AGREEMENT — wrong sizes", () => {
  it("refuses two ranges of different sizes", () => {
    expect(messages(() => agreement(col(1, 2), col(1)))).toEqual({
      fr: "cotations_a (2) et cotations_b (1) doivent avoir la même taille",
      en: "ratings_a (2) and ratings_b (1) must have the same size",
    });
  });
});

describe("QG.AGREEMENT — errors propagation", () => {
  it("returns an error found on either side or in the tolerance", () => {
    expect(errorOf(() => agreement(col(inputError("#N/A")), col(1)))).toEqual({ code: "#N/A" });
    expect(errorOf(() => agreement(col(1), col(inputError("#NUM!"))))).toEqual({ code: "#NUM!" });
    expect(errorOf(() => agreement(col(1), col(1), inputError("#DIV/0!")))).toEqual({ code: "#DIV/0!" });
  });
});
