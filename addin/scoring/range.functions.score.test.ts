/**
 * QG.SCORE(ratings, scale_min, scale_max, [weights]) — scoreOfRange.
 * Expected numbers come from design.md's rule, written out by hand:
 *   s = (v − min)/(max − min);  score = 100 × Σ wᵢ·sᵢ / Σ wᵢ over answered, applicable rows; null when Σ wᵢ = 0.
 */
import { describe, expect, it } from "vitest";
import { scoreOfRange } from "./range.functions.js";
import { DIV0, NA, column, propagatedOf, refusalOf, texts, valueOf } from "./range.functions.test-helpers.js";

describe("QG.SCORE — happy path", () => {
  it("scores 1, 2, 3, 4 on a 1–4 scale as 50 (0, ⅓, ⅔, 1 averaged)", () => {
    expect(valueOf(scoreOfRange(column(1, 2, 3, 4), 1, 4))).toBeCloseTo(50, 9);
  });

  it("scores on a scale starting at 0: 3, 2, 0 on 0–3 gives 100 × (1 + ⅔ + 0)/3", () => {
    expect(valueOf(scoreOfRange(column(3, 2, 0), 0, 3))).toBeCloseTo((100 * (1 + 2 / 3 + 0)) / 3, 9);
  });

  it("gives 100 when every rating is at the top and 0 when every rating is at the bottom", () => {
    expect(valueOf(scoreOfRange(column(5, 5), 1, 5))).toBeCloseTo(100, 9);
    expect(valueOf(scoreOfRange(column(1, 1, 1), 1, 5))).toBe(0);
  });

  it("accepts ratings between levels inside the scale (7.5 on 0–10 is 75)", () => {
    expect(valueOf(scoreOfRange(column(7.5), 0, 10))).toBeCloseTo(75, 9);
  });

  it("reads a two-column range cell by cell: [[1, 5], [3, blank]] on 1–5 is 100 × (0 + 1 + ½)/3", () => {
    expect(valueOf(scoreOfRange([[1, 5], [3, null]], 1, 5))).toBeCloseTo(50, 9);
  });

  it("weighs ratings with unequal weights: 1, 2, 3, 4 weighted 1, 2, 3, 0 on 1–4 is 100 × (0 + 2·⅓ + 3·⅔ + 0·1)/6", () => {
    const expected = (100 * (1 * 0 + 2 * (1 / 3) + 3 * (2 / 3) + 0 * 1)) / (1 + 2 + 3 + 0);
    expect(expected).toBeCloseTo(44.444444444, 6);
    expect(valueOf(scoreOfRange(column(1, 2, 3, 4), 1, 4, column(1, 2, 3, 0)))).toBeCloseTo(expected, 9);
  });

  it("ignores a row weighted 0 entirely (the top rating weighted 0 does not lift the score)", () => {
    expect(valueOf(scoreOfRange(column(1, 4), 1, 4, column(1, 0)))).toBe(0);
  });

  it("accepts decimal weights: 4 weighted 0.5 and 1 weighted 1.5 on 1–4 is 100 × 0.5/2", () => {
    expect(valueOf(scoreOfRange(column(4, 1), 1, 4, column(0.5, 1.5)))).toBeCloseTo(25, 9);
  });

  it("skips blanks (null, empty text, spaces) without counting them as 0", () => {
    expect(valueOf(scoreOfRange(column(null, "", "   ", 3), 1, 5))).toBeCloseTo(50, 9);
  });

  it.each([
    "N/A",
    "NA",
    "n/a",
    "n.a.",
    "SO",
    "so",
    "S. O.",
    "s.o.",
    "sans objet",
    "Sans Objet",
    "NC",
    "n.c.",
    "non concerné",
    "Non concerne",
    "non applicable",
    "not applicable",
    "Not Applicable",
    "  N/A  ",
  ])("skips the N/A token %j (its weight does not count either)", (token) => {
    // 4 and 2 on 1–4 with weight 1 each: 100 × (1 + ⅓)/2; the N/A row weighs 10 but is skipped.
    const expected = (100 * (1 + 1 / 3)) / 2;
    expect(valueOf(scoreOfRange(column(4, token, 2), 1, 4, column(1, 10, 1)))).toBeCloseTo(expected, 9);
  });

  it("mixes blanks, N/A tokens and weights: only answered, applicable rows count", () => {
    // rows: 5 (w2) → 1; blank (w3) skipped; "S.O." (w4) skipped; 2 (w1) → ¼ ; on 1–5
    const expected = (100 * (2 * 1 + 1 * 0.25)) / (2 + 1);
    expect(valueOf(scoreOfRange(column(5, null, "S.O.", 2), 1, 5, column(2, 3, 4, 1)))).toBeCloseTo(expected, 9);
  });
});

describe("QG.SCORE — given wrong argument type", () => {
  it("refuses a text that is neither a rating nor an N/A token, naming ratings and its row", () => {
    const r = scoreOfRange(column(1, 2, "beaucoup", 4), 1, 4);
    expect(refusalOf(r)).toMatchObject({ id: "notARating", params: { arg: "ratings", row: 3 } });
    const t = texts(r);
    expect(t.fr).toContain("cotations");
    expect(t.fr).toContain("ligne 3");
    expect(t.fr).toContain("beaucoup");
    expect(t.fr).not.toContain("ratings");
    expect(t.en).toContain("ratings");
    expect(t.en).toContain("row 3");
    expect(t.en).toContain("beaucoup");
  });

  it("refuses a TRUE/FALSE rating, naming its row", () => {
    expect(refusalOf(scoreOfRange(column(2, true), 1, 4))).toMatchObject({ id: "notARating", params: { row: 2 } });
  });

  it.each([
    ["a text", "2", "2"],
    ["a word", "lourd", "lourd"],
    ["TRUE", true, "true"],
    ["a negative number", -1, "-1"],
  ])("refuses %s as a weight, naming weights and its row (FR and EN)", (_what, weight, shown) => {
    const r = scoreOfRange(column(1, 2, 3), 1, 4, column(1, weight, 1));
    expect(refusalOf(r)).toMatchObject({ id: "badWeight", params: { arg: "weights", row: 2 } });
    const t = texts(r);
    expect(t.fr).toContain("poids");
    expect(t.fr).toContain("ligne 2");
    expect(t.fr).toContain(shown);
    expect(t.fr).not.toContain("weights");
    expect(t.en).toContain("weights");
    expect(t.en).toContain("row 2");
    expect(t.en).toContain(shown);
  });

  it("refuses a non-numeric scale minimum, naming scale_min (echelle_min in French)", () => {
    const r = scoreOfRange(column(1, 2), "un", 4);
    expect(refusalOf(r)).toMatchObject({ id: "notANumber", params: { arg: "scale_min" } });
    const t = texts(r);
    expect(t.fr).toContain("echelle_min");
    expect(t.fr).toContain("un");
    expect(t.en).toContain("scale_min");
  });

  it("refuses a non-numeric scale maximum, naming scale_max (echelle_max in French)", () => {
    const r = scoreOfRange(column(1, 2), 1, "quatre");
    expect(refusalOf(r)).toMatchObject({ id: "notANumber", params: { arg: "scale_max" } });
    const t = texts(r);
    expect(t.fr).toContain("echelle_max");
    expect(t.en).toContain("scale_max");
  });

  it("refuses a blank scale bound rather than reading it as 0", () => {
    expect(refusalOf(scoreOfRange(column(1, 2), null, 4))).toMatchObject({ id: "notANumber", params: { arg: "scale_min" } });
  });
});

describe("QG.SCORE — rating outside the scale", () => {
  it.each([
    [5, 2],
    [0, 1],
    [4.01, 3],
    [-1, 4],
  ])("refuses the rating %d at row %d of a 1–4 scale, naming ratings and the row (FR and EN)", (bad, row) => {
    const cells: (number | null)[] = [1, 2, 3, 4];
    cells[row - 1] = bad;
    const r = scoreOfRange(column(...cells), 1, 4);
    expect(refusalOf(r)).toMatchObject({ id: "outsideScale", params: { arg: "ratings", row, value: bad, min: 1, max: 4 } });
    const t = texts(r);
    expect(t.fr).toContain("cotations");
    expect(t.fr).toContain(`ligne ${row}`);
    expect(t.fr).toContain(String(bad));
    expect(t.fr).toContain("1 à 4");
    expect(t.en).toContain("ratings");
    expect(t.en).toContain(`row ${row}`);
    expect(t.en).toContain("1 to 4");
  });

  it("accepts the bounds themselves", () => {
    expect(valueOf(scoreOfRange(column(1, 4), 1, 4))).toBeCloseTo(50, 9);
  });
});

describe("QG.SCORE — scale min not below max", () => {
  it.each([
    [4, 1],
    [3, 3],
  ])("refuses scale_min %d with scale_max %d, with both values in French and English", (min, max) => {
    const r = scoreOfRange(column(1, 2), min, max);
    expect(refusalOf(r)).toMatchObject({ id: "scaleBounds", params: { min, max } });
    const t = texts(r);
    expect(t.fr).toContain("echelle_min");
    expect(t.fr).toContain(`(${min})`);
    expect(t.fr).toContain(`(${max})`);
    expect(t.en).toContain("scale");
    expect(t.en).toContain(`(${min})`);
    expect(t.en).toContain(`(${max})`);
  });
});

describe("QG.SCORE — given wrong sizes", () => {
  it("refuses weights with fewer rows than ratings, naming both arguments and their sizes", () => {
    const r = scoreOfRange(column(1, 2, 3, 4), 1, 4, column(1, 1, 1));
    expect(refusalOf(r)).toMatchObject({ id: "sizeMismatch", params: { a: "weights", b: "ratings", sizeA: 3, sizeB: 4 } });
    const t = texts(r);
    expect(t.fr).toContain("poids (3)");
    expect(t.fr).toContain("cotations (4)");
    expect(t.en).toContain("weights (3)");
    expect(t.en).toContain("ratings (4)");
  });

  it("refuses weights with more rows than ratings", () => {
    expect(refusalOf(scoreOfRange(column(1), 1, 4, column(1, 2)))).toMatchObject({ id: "sizeMismatch" });
  });
});

describe("QG.SCORE — errors propagation", () => {
  it("propagates an Excel error found in the ratings", () => {
    expect(propagatedOf(scoreOfRange(column(1, NA, 3), 1, 4))).toEqual({ error: "#N/A" });
  });

  it("propagates an Excel error found in the weights", () => {
    expect(propagatedOf(scoreOfRange(column(1, 2), 1, 4, column(1, DIV0)))).toEqual({ error: "#DIV/0!" });
  });

  it("propagates an Excel error given as scale_min or scale_max", () => {
    expect(propagatedOf(scoreOfRange(column(1, 2), NA, 4))).toEqual({ error: "#N/A" });
    expect(propagatedOf(scoreOfRange(column(1, 2), 1, DIV0))).toEqual({ error: "#DIV/0!" });
  });

  it("propagates the first error in reading order", () => {
    expect(propagatedOf(scoreOfRange([[1, DIV0], [NA, 2]], 1, 4))).toEqual({ error: "#DIV/0!" });
  });
});

describe("QG.SCORE — empty input", () => {
  it("returns an empty result (null), not 0, for an empty range", () => {
    expect(valueOf(scoreOfRange([], 1, 4))).toBeNull();
  });

  it("returns null when every rating is blank", () => {
    expect(valueOf(scoreOfRange(column(null, "", null), 1, 4))).toBeNull();
  });

  it("returns null when every rating is N/A", () => {
    expect(valueOf(scoreOfRange(column("N/A", "sans objet", "SO"), 1, 4))).toBeNull();
  });

  it("returns null when every answered row weighs 0", () => {
    expect(valueOf(scoreOfRange(column(1, 4, null), 1, 4, column(0, 0, 5)))).toBeNull();
  });
});
