/**
 * QG.DIMSCORE(dimensions, ratings, dimension, scale_min, scale_max, [weights]): QG.SCORE of the rows
 * whose dimension matches, compared as SUMIFS compares text (ignoring case).
 */
import "./customFunctions.shim.js";
import { describe, expect, it } from "vitest";
import { dimscore } from "../../functions/functions.js";
import { inputError } from "./customFunctions.shim.js";
import { pick, seededRandom } from "../support/random.js";
import { col, errorOf, messages } from "./functions.helpers.js";

const DIMS = col("A", "B", "A", "a");
const RATINGS = col(1, 4, 3, 4);

describe("QG.DIMSCORE — happy path", () => {
  it("scores the rows of one dimension, ignoring case: A rows 1, 3, 4 on 1–4 → (0 + ⅔ + 1)/3 → 55.56", () => {
    expect(dimscore(DIMS, RATINGS, "A", [[1]], [[4]])).toBeCloseTo((100 * 5) / 9, 12);
    expect(dimscore(DIMS, RATINGS, "b", [[1]], [[4]])).toBe(100);
  });

  it("weighs the rows: A rows with weights 2, 1, 0 → (2·0 + 1·⅔ + 0·1)/3 → 22.22", () => {
    expect(dimscore(DIMS, RATINGS, "A", [[1]], [[4]], col(2, 9, 1, 0))).toBeCloseTo((100 * 2) / 9, 12);
  });

  it("skips blank and N/A rows of the dimension", () => {
    expect(dimscore(col("A", "A", "A"), col(4, "NC", ""), "A", [[1]], [[4]])).toBe(100);
  });

  it("matches numeric dimension ids as text", () => {
    expect(dimscore(col(1, 2, 1), col(1, 4, 4), 1, [[1]], [[4]])).toBeCloseTo(50, 12);
  });

  it("checks only the rows of the dimension: a bad rating elsewhere does not matter", () => {
    expect(dimscore(col("A", "B"), col(4, "oui"), "A", [[1]], [[4]])).toBe(100);
  });
});

describe("QG.DIMSCORE — empty input", () => {
  it('gives "" when no row belongs to the dimension, or none of its rows is rated', () => {
    expect(dimscore(DIMS, RATINGS, "Z", [[1]], [[4]])).toBe("");
    expect(dimscore(col("A", "B"), col("", 3), "A", [[1]], [[4]])).toBe("");
  });
});

describe("QG.DIMSCORE — given wrong argument type", () => {
  it("refuses a text that is not a rating, naming its row in the whole range", () => {
    expect(messages(() => dimscore(col("B", "A"), col(1, "oui"), "A", [[1]], [[4]]))).toEqual({
      fr: "cotations, ligne 2 : « oui » n'est ni une cotation ni « sans objet »",
      en: 'ratings, row 2: "oui" is neither a rating nor N/A',
    });
  });

  it("refuses a rating of the dimension outside the scale, and a reversed scale", () => {
    expect(messages(() => dimscore(col("A"), col(5), "A", [[1]], [[4]])).en).toBe("ratings, row 1: rating 5 is outside the scale (1 to 4)");
    expect(messages(() => dimscore(col("A"), col(1), "A", [[4]], [[1]])).fr).toBe("echelle_min (4) doit être inférieur à echelle_max (1)");
  });

  it("refuses a non-numeric weight", () => {
    expect(messages(() => dimscore(col("A", "A"), col(1, 2), "A", [[1]], [[4]], col(1, "deux"))).en).toBe('weights, row 2: weight "deux" must be a number ≥ 0');
  });
});

describe("QG.DIMSCORE — wrong sizes", () => {
  it("refuses dimensions and ratings of different sizes", () => {
    expect(messages(() => dimscore(col("A", "B", "A"), col(1, 2), "A", [[1]], [[4]]))).toEqual({
      fr: "dimensions (3) et cotations (2) doivent avoir la même taille",
      en: "dimensions (3) and ratings (2) must have the same size",
    });
  });

  it("refuses weights of another size than the ratings", () => {
    expect(messages(() => dimscore(DIMS, RATINGS, "A", [[1]], [[4]], col(1))).en).toBe("weights (1) and ratings (4) must have the same size");
  });
});

describe("QG.DIMSCORE — errors propagation", () => {
  it("returns an error found in the dimensions, the ratings, the weights or the dimension argument", () => {
    expect(errorOf(() => dimscore(col("A", inputError("#N/A")), col(1, 2), "A", [[1]], [[4]]))).toEqual({ code: "#N/A" });
    expect(errorOf(() => dimscore(col("A", "B"), col(1, inputError("#DIV/0!")), "A", [[1]], [[4]]))).toEqual({ code: "#DIV/0!" });
    expect(errorOf(() => dimscore(col("A"), col(1), "A", [[1]], [[4]], col(inputError("#NUM!"))))).toEqual({ code: "#NUM!" });
    expect(errorOf(() => dimscore(col("A"), col(1), inputError("#N/A"), [[1]], [[4]]))).toEqual({ code: "#N/A" });
  });
});

describe("QG.DIMSCORE — the one-pass path for plain columns", () => {
  // dimensionScoreOfColumns answers for plain one-column ranges and defers everything else to the
  // full checks. The same cells laid out in one row always take the full checks, so comparing
  // both layouts on random inputs (values, N/A, blanks, bad ratings, bad weights, errors) proves
  // that the shortcut changes no result and no message.
  const outcome = (call: () => unknown): unknown => {
    try {
      return call();
    } catch (e) {
      return e;
    }
  };
  const rowOf = (column: unknown[][]): unknown[][] => [column.map((r) => r[0])];

  it("gives exactly what the full checks give, on 300 random inputs", () => {
    const rand = seededRandom(4242);
    let answered = 0;
    for (let k = 0; k < 300; k++) {
      const n = 1 + Math.floor(rand() * 12);
      const dims = col(...Array.from({ length: n }, () => pick(rand, ["A", "a", "B", 3, "", null])));
      const ratings = col(...Array.from({ length: n }, () => pick(rand, [1, 2, 3, 4, 2.5, "N/A", "so", "", null, " ", ...(k % 5 === 0 ? [9, "oui", true, inputError("#N/A")] : [])])));
      const weights = rand() < 0.5 ? undefined : col(...Array.from({ length: n }, () => pick(rand, [0, 1, 2, 0.5, ...(k % 7 === 0 ? [-1, "x", inputError("#NUM!")] : [])])));
      const [lo, hi] = k % 11 === 0 ? [4, 1] : [1, 4];
      const dimension = pick(rand, ["A", "b", 3, ""]);
      const asColumns = outcome(() => dimscore(dims, ratings, dimension, [[lo]], [[hi]], weights));
      const asRow = outcome(() => dimscore(rowOf(dims), rowOf(ratings), dimension, [[lo]], [[hi]], weights && rowOf(weights)));
      expect(asColumns, `case ${k}`).toEqual(asRow);
      if (typeof asColumns === "number") answered++;
    }
    expect(answered).toBeGreaterThan(60);
  });
});
