/**
 * QG.AGREEMENT(ratings_a, ratings_b, [tolerance]) — agreementOfRanges: among the rows answered and
 * applicable on both sides, the share whose ratings differ by at most `tolerance` (default 0).
 */
import { describe, expect, it } from "vitest";
import { agreementOfRanges } from "./range.functions.js";
import { DIV0, NA, column, propagatedOf, refusalOf, texts, valueOf } from "./range.functions.test-helpers.js";

// Row:           1   2    3      4     5     6
const SELF = column(4, 3, "N/A", null, 2, 1);
const EVAL = column(4, 2, 3, 2, "SO", 3);
// Comparable rows (both sides rated): 1 (4 vs 4, diff 0), 2 (3 vs 2, diff 1), 6 (1 vs 3, diff 2).

describe("QG.AGREEMENT — happy path", () => {
  it("gives 1 when the two sides agree on every row", () => {
    expect(valueOf(agreementOfRanges(column(1, 2, 3), column(1, 2, 3)))).toBe(1);
  });

  it("with tolerance 0 (the default), counts exact matches only: 1 of the 3 comparable rows", () => {
    expect(valueOf(agreementOfRanges(SELF, EVAL))).toBeCloseTo(1 / 3, 12);
    expect(valueOf(agreementOfRanges(SELF, EVAL, 0))).toBeCloseTo(1 / 3, 12);
  });

  it("with tolerance 1, also counts ratings one level apart: 2 of 3", () => {
    expect(valueOf(agreementOfRanges(SELF, EVAL, 1))).toBeCloseTo(2 / 3, 12);
  });

  it("with tolerance 2, counts all 3 comparable rows", () => {
    expect(valueOf(agreementOfRanges(SELF, EVAL, 2))).toBe(1);
  });

  it("treats a blank tolerance as 0", () => {
    expect(valueOf(agreementOfRanges(SELF, EVAL, null))).toBeCloseTo(1 / 3, 12);
  });

  it("ignores rows that are N/A or blank on one side only (rows 3, 4 and 5 above)", () => {
    // Only row 2 is comparable; it disagrees by 1.
    expect(valueOf(agreementOfRanges(column("sans objet", 3, null), column(2, 2, 4)))).toBe(0);
    expect(valueOf(agreementOfRanges(column(3, 3, 1), column("not applicable", 3, "")))).toBe(1);
  });

  it("ignores rows N/A on both sides", () => {
    expect(valueOf(agreementOfRanges(column("N/A", 2), column("NC", 1)))).toBe(0);
  });

  it("compares decimal ratings within the tolerance as people expect (0.3 vs 0.2 within 0.1)", () => {
    expect(valueOf(agreementOfRanges(column(0.3, 0.5), column(0.2, 0.3), 0.1))).toBeCloseTo(1 / 2, 12);
  });

  it("compares two-column ranges cell by cell in reading order", () => {
    expect(valueOf(agreementOfRanges([[1, 2], [3, 4]], [[1, 3], [3, 4]]))).toBeCloseTo(3 / 4, 12);
  });
});

describe("QG.AGREEMENT — given wrong argument type", () => {
  it("refuses a text rating on side A, naming ratings_a and its row (FR and EN)", () => {
    const r = agreementOfRanges(column(1, "bien"), column(1, 2));
    expect(refusalOf(r)).toMatchObject({ id: "notARating", params: { arg: "ratings_a", row: 2 } });
    const t = texts(r);
    expect(t.fr).toContain("cotations_a, ligne 2");
    expect(t.en).toContain("ratings_a, row 2");
  });

  it("refuses a text rating on side B, naming ratings_b and its row (FR and EN)", () => {
    const r = agreementOfRanges(column(1, 2, 3), column(1, 2, "excellent"));
    expect(refusalOf(r)).toMatchObject({ id: "notARating", params: { arg: "ratings_b", row: 3 } });
    const t = texts(r);
    expect(t.fr).toContain("cotations_b, ligne 3");
    expect(t.fr).toContain("excellent");
    expect(t.en).toContain("ratings_b, row 3");
  });

  it.each([
    ["a negative tolerance", -1, "-1"],
    ["a text tolerance", "un", "un"],
  ])("refuses %s (FR and EN)", (_what, tolerance, shown) => {
    const r = agreementOfRanges(SELF, EVAL, tolerance);
    expect(refusalOf(r)).toMatchObject({ id: "badTolerance" });
    const t = texts(r);
    expect(t.fr).toContain("tolérance");
    expect(t.fr).toContain(shown);
    expect(t.en).toContain("tolerance");
    expect(t.en).toContain(shown);
  });
});

describe("QG.AGREEMENT — given wrong sizes", () => {
  it("refuses ranges of different sizes, naming both with their sizes (FR and EN)", () => {
    const r = agreementOfRanges(column(1, 2, 3), column(1, 2));
    expect(refusalOf(r)).toMatchObject({ id: "sizeMismatch", params: { a: "ratings_a", b: "ratings_b", sizeA: 3, sizeB: 2 } });
    const t = texts(r);
    expect(t.fr).toContain("cotations_a (3)");
    expect(t.fr).toContain("cotations_b (2)");
    expect(t.en).toContain("ratings_a (3)");
    expect(t.en).toContain("ratings_b (2)");
  });
});

describe("QG.AGREEMENT — errors propagation", () => {
  it("propagates an Excel error found on side A", () => {
    expect(propagatedOf(agreementOfRanges(column(1, NA), column(1, 2)))).toEqual({ error: "#N/A" });
  });

  it("propagates an Excel error found on side B", () => {
    expect(propagatedOf(agreementOfRanges(column(1, 2), column(DIV0, 2)))).toEqual({ error: "#DIV/0!" });
  });

  // known bug: an Excel error given as the tolerance is refused as a bad tolerance instead of propagating.
  // Input agreementOfRanges([[1]], [[1]], { error: "#N/A" }): expected { kind: "propagate", error: { error: "#N/A" } };
  // actual { kind: "value", message: { id: "badTolerance", params: { value: "[object Object]" } } },
  // i.e. « la tolérance « [object Object] » doit être un nombre positif ou nul ».
  it("propagates an Excel error given as the tolerance", () => {
    expect(propagatedOf(agreementOfRanges(column(1), column(1), NA))).toEqual({ error: "#N/A" });
  });
});

describe("QG.AGREEMENT — empty input", () => {
  it("returns null, not 0, for empty ranges", () => {
    expect(valueOf(agreementOfRanges([], []))).toBeNull();
  });

  it("returns null when no row is answered and applicable on both sides", () => {
    expect(valueOf(agreementOfRanges(column(1, "N/A", null), column(null, 2, "SO")))).toBeNull();
  });
});
