/**
 * QG.DIMSCORE(dimensions, ratings, dimension, scale_min, scale_max, [weights]) — dimensionScoreOfRange.
 * design.md: S_d = 100 × Σ wᵢ·sᵢ / Σ wᵢ over the dimension's answered, applicable rows, sᵢ = (v − min)/(max − min);
 * null when that weight sum is 0. Expected numbers are written out by hand.
 */
import { describe, expect, it } from "vitest";
import { dimensionScoreOfRange } from "./range.functions.js";
import { DIV0, NA, column, propagatedOf, refusalOf, texts, valueOf } from "./range.functions.test-helpers.js";

// Row:          1      2     3      4      5     6
const DIMS = column("GOV", "RH", "gov", "Gov", "RH", "COM");
const RATINGS = column(4, 1, 2, "N/A", 3, null);
const WEIGHTS = column(1, 1, 3, 1, 2, 1);

describe("QG.DIMSCORE — happy path", () => {
  it("scores only the rows of the dimension, unweighted: GOV rows 4, 2, N/A on 1–4 → 100 × (1 + ⅓)/2", () => {
    expect(valueOf(dimensionScoreOfRange(DIMS, RATINGS, "GOV", 1, 4))).toBeCloseTo((100 * (1 + 1 / 3)) / 2, 9);
  });

  it("weighs the dimension's rows with unequal weights: GOV → 100 × (1·1 + 3·⅓)/(1 + 3)", () => {
    expect(valueOf(dimensionScoreOfRange(DIMS, RATINGS, "GOV", 1, 4, WEIGHTS))).toBeCloseTo(50, 9);
  });

  it("scores another dimension of the same ranges: RH rows 1 (w1), 3 (w2) → 100 × (1·0 + 2·⅔)/3", () => {
    expect(valueOf(dimensionScoreOfRange(DIMS, RATINGS, "RH", 1, 4, WEIGHTS))).toBeCloseTo((100 * (0 + 2 * (2 / 3))) / 3, 9);
  });

  it.each(["gov", "GOV", "Gov", "gOv"])("matches the dimension %j case-insensitively, as SUMIFS does", (wanted) => {
    expect(valueOf(dimensionScoreOfRange(DIMS, RATINGS, wanted, 1, 4, WEIGHTS))).toBeCloseTo(50, 9);
  });

  it("matches accented dimension names case-insensitively (Éthique / ÉTHIQUE / éthique)", () => {
    const dims = column("Éthique", "ÉTHIQUE", "Autre");
    // 3 and 1 on 1–3: 100 × (1 + 0)/2
    expect(valueOf(dimensionScoreOfRange(dims, column(3, 1, 3), "éthique", 1, 3))).toBeCloseTo(50, 9);
  });

  it("does not treat a dimension that only starts with the wanted one as a match (GOV ≠ GOV2)", () => {
    expect(valueOf(dimensionScoreOfRange(column("GOV", "GOV2"), column(1, 5), "GOV", 1, 5))).toBe(0);
  });

  it("matches numeric dimension ids (1 and \"1\")", () => {
    expect(valueOf(dimensionScoreOfRange(column(1, 2, 1), column(5, 1, 3), "1", 1, 5))).toBeCloseTo((100 * (1 + 0.5)) / 2, 9);
    expect(valueOf(dimensionScoreOfRange(column(1, 2, 1), column(5, 1, 3), 1, 1, 5))).toBeCloseTo(75, 9);
  });

  it("skips blank and N/A ratings inside the dimension", () => {
    const dims = column("D", "D", "D", "D");
    expect(valueOf(dimensionScoreOfRange(dims, column(null, "sans objet", "NC", 3), "D", 1, 5))).toBeCloseTo(50, 9);
  });

  it("gives a row weighted 0 no influence", () => {
    const dims = column("D", "D");
    expect(valueOf(dimensionScoreOfRange(dims, column(2, 5), "D", 1, 5, column(1, 0)))).toBeCloseTo(25, 9);
  });
});

describe("QG.DIMSCORE — given wrong argument type", () => {
  it("refuses a text rating in the dimension, naming ratings and its row in the whole range", () => {
    const r = dimensionScoreOfRange(DIMS, column(4, 1, "oui", "N/A", 3, null), "GOV", 1, 4);
    expect(refusalOf(r)).toMatchObject({ id: "notARating", params: { arg: "ratings", row: 3 } });
    const t = texts(r);
    expect(t.fr).toContain("cotations, ligne 3");
    expect(t.en).toContain("ratings, row 3");
  });

  it("refuses a non-numeric weight, naming weights and its row (FR and EN)", () => {
    const r = dimensionScoreOfRange(DIMS, RATINGS, "GOV", 1, 4, column(1, 1, "trois", 1, 2, 1));
    expect(refusalOf(r)).toMatchObject({ id: "badWeight", params: { arg: "weights", row: 3 } });
    const t = texts(r);
    expect(t.fr).toContain("poids, ligne 3");
    expect(t.fr).toContain("trois");
    expect(t.en).toContain("weights, row 3");
    expect(t.en).toContain("trois");
  });

  it("refuses a non-numeric scale bound, naming it", () => {
    const r = dimensionScoreOfRange(DIMS, RATINGS, "GOV", 1, "max");
    expect(refusalOf(r)).toMatchObject({ id: "notANumber", params: { arg: "scale_max" } });
    expect(texts(r).fr).toContain("echelle_max");
    expect(texts(r).en).toContain("scale_max");
  });
});

describe("QG.DIMSCORE — rating outside the scale, scale min not below max", () => {
  it("refuses a rating outside the scale in the dimension, with its row in the whole range (FR and EN)", () => {
    const r = dimensionScoreOfRange(DIMS, column(4, 1, 2, "N/A", 9, null), "RH", 1, 4);
    expect(refusalOf(r)).toMatchObject({ id: "outsideScale", params: { arg: "ratings", row: 5, value: 9 } });
    const t = texts(r);
    expect(t.fr).toContain("cotations, ligne 5");
    expect(t.fr).toContain("9");
    expect(t.en).toContain("ratings, row 5");
    expect(t.en).toContain("9");
  });

  it("refuses scale_min equal to scale_max", () => {
    const r = dimensionScoreOfRange(DIMS, RATINGS, "GOV", 2, 2);
    expect(refusalOf(r)).toMatchObject({ id: "scaleBounds", params: { min: 2, max: 2 } });
    expect(texts(r).fr).toContain("echelle_min");
    expect(texts(r).en).toContain("scale");
  });
});

describe("QG.DIMSCORE — given wrong sizes", () => {
  it("refuses dimensions and ratings of different sizes, naming both (FR and EN)", () => {
    const r = dimensionScoreOfRange(column("A", "A", "B", "B", "C"), RATINGS, "A", 1, 4);
    expect(refusalOf(r)).toMatchObject({ id: "sizeMismatch", params: { a: "dimensions", b: "ratings", sizeA: 5, sizeB: 6 } });
    const t = texts(r);
    expect(t.fr).toContain("dimensions (5)");
    expect(t.fr).toContain("cotations (6)");
    expect(t.en).toContain("dimensions (5)");
    expect(t.en).toContain("ratings (6)");
  });

  it("refuses weights of another size than the ratings, naming both (FR and EN)", () => {
    const r = dimensionScoreOfRange(DIMS, RATINGS, "GOV", 1, 4, column(1, 1));
    expect(refusalOf(r)).toMatchObject({ id: "sizeMismatch", params: { a: "weights", b: "ratings", sizeA: 2, sizeB: 6 } });
    expect(texts(r).fr).toContain("poids (2)");
    expect(texts(r).en).toContain("weights (2)");
  });
});

describe("QG.DIMSCORE — errors propagation", () => {
  it("propagates an Excel error in the ratings", () => {
    expect(propagatedOf(dimensionScoreOfRange(DIMS, column(4, 1, NA, "N/A", 3, null), "GOV", 1, 4))).toEqual({ error: "#N/A" });
  });

  it("propagates an Excel error in the dimensions", () => {
    expect(propagatedOf(dimensionScoreOfRange(column("GOV", DIV0, "gov", "Gov", "RH", "COM"), RATINGS, "GOV", 1, 4))).toEqual({
      error: "#DIV/0!",
    });
  });

  it("propagates an Excel error given as the dimension", () => {
    expect(propagatedOf(dimensionScoreOfRange(DIMS, RATINGS, NA, 1, 4))).toEqual({ error: "#N/A" });
  });

  it("propagates an Excel error in the weights", () => {
    expect(propagatedOf(dimensionScoreOfRange(DIMS, RATINGS, "GOV", 1, 4, column(1, 1, 1, NA, 1, 1)))).toEqual({ error: "#N/A" });
  });
});

describe("QG.DIMSCORE — empty input", () => {
  it("returns null (not 0) for a dimension that has no rows", () => {
    expect(valueOf(dimensionScoreOfRange(DIMS, RATINGS, "FIN", 1, 4, WEIGHTS))).toBeNull();
  });

  it("returns null for a dimension whose only row is blank", () => {
    expect(valueOf(dimensionScoreOfRange(DIMS, RATINGS, "COM", 1, 4, WEIGHTS))).toBeNull();
  });

  it("returns null for empty ranges", () => {
    expect(valueOf(dimensionScoreOfRange([], [], "GOV", 1, 4))).toBeNull();
  });

  it("returns null when the dimension's answered rows all weigh 0", () => {
    expect(valueOf(dimensionScoreOfRange(DIMS, RATINGS, "GOV", 1, 4, column(0, 1, 0, 1, 1, 1)))).toBeNull();
  });
});
