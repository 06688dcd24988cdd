/**
 * QG.COMPLETION(ratings) — completionOfRange. design.md: completion = (answered + N/A) / criteria count.
 */
import { describe, expect, it } from "vitest";
import { completionOfRange } from "./range.functions.js";
import { DIV0, NA, column, propagatedOf, refusalOf, texts, valueOf } from "./range.functions.test-helpers.js";

describe("QG.COMPLETION — happy path", () => {
  it("gives 1 when every row is rated", () => {
    expect(valueOf(completionOfRange(column(1, 2, 3, 4)))).toBe(1);
  });

  it("counts answered rows over all rows: 2 ratings out of 5 rows is 2/5", () => {
    expect(valueOf(completionOfRange(column(1, null, 3, "", "  ")))).toBeCloseTo(2 / 5, 12);
  });

  it("counts N/A tokens (French and English spellings) as answered: 3, N/A, blank, so, sans objet, not applicable → 5/6", () => {
    expect(valueOf(completionOfRange(column(3, "N/A", null, "so", "sans objet", "not applicable")))).toBeCloseTo(5 / 6, 12);
  });

  it("counts the cells of a two-column range: [[1, blank], [NC, 4]] → 3/4", () => {
    expect(valueOf(completionOfRange([[1, null], ["NC", 4]]))).toBeCloseTo(3 / 4, 12);
  });

  it("counts a rating of 0 as answered", () => {
    expect(valueOf(completionOfRange(column(0, null)))).toBeCloseTo(1 / 2, 12);
  });

  it("gives 0 when rows exist but none is answered", () => {
    expect(valueOf(completionOfRange(column(null, "", null)))).toBe(0);
  });
});

describe("QG.COMPLETION — given wrong argument type", () => {
  it("refuses a text that is neither a rating nor an N/A token, naming ratings and its row (FR and EN)", () => {
    const r = completionOfRange(column(1, "N/A", "peut-être"));
    expect(refusalOf(r)).toMatchObject({ id: "notARating", params: { arg: "ratings", row: 3, value: "peut-être" } });
    const t = texts(r);
    expect(t.fr).toContain("cotations, ligne 3");
    expect(t.fr).toContain("peut-être");
    expect(t.en).toContain("ratings, row 3");
    expect(t.en).toContain("peut-être");
  });

  it("refuses a TRUE/FALSE cell, naming its row", () => {
    expect(refusalOf(completionOfRange(column(false, 2)))).toMatchObject({ id: "notARating", params: { row: 1 } });
  });
});

describe("QG.COMPLETION — given wrong sizes", () => {
  it("has a single range argument, so any shape is accepted (1 row × 3 columns)", () => {
    expect(valueOf(completionOfRange([[1, null, "SO"]]))).toBeCloseTo(2 / 3, 12);
  });
});

describe("QG.COMPLETION — errors propagation", () => {
  it("propagates an Excel error found in the ratings", () => {
    expect(propagatedOf(completionOfRange(column(1, DIV0, NA)))).toEqual({ error: "#DIV/0!" });
  });
});

describe("QG.COMPLETION — empty input", () => {
  it("returns an empty result (null), not 0, for an empty range", () => {
    expect(valueOf(completionOfRange([]))).toBeNull();
  });
});
