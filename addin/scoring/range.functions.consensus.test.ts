/**
 * QG.SPREAD(ratings_matrix) and QG.CONSENSUS(ratings_matrix, [method]) — spreadOfRows, consensusOfRows:
 * per row (one criterion rated by several respondents), the spread max − min and the consolidated
 * rating (mean or median) of the answers given; blanks and N/A left out; blank for a row without answers.
 */
import { describe, expect, it } from "vitest";
import { consensusOfRows, spreadOfRows } from "./range.functions.js";
import { DIV0, NA, propagatedOf, refusalOf, texts, valueOf } from "./range.functions.test-helpers.js";
import type { Cell } from "./range.functions.js";

// Criteria × respondents.
const MATRIX: Cell[][] = [
  [1, 2, 4], //              odd count: mean 7/3, median 2, spread 3
  [4, 1, 3, 2], //           even count: mean 10/4, median (2 + 3)/2, spread 3
  [3, "N/A", null, 3], //    two answers: mean 3, median 3, spread 0
  [null, "sans objet", ""], // no answer
  [2, "SO", 4], //           two answers: mean 3, median 3, spread 2
];

describe("QG.SPREAD — happy path", () => {
  it("gives max − min per row, skipping blanks and N/A, blank for a row without answers", () => {
    expect(valueOf(spreadOfRows(MATRIX))).toEqual([3, 3, 0, null, 2]);
  });

  it("gives 0 for a row with a single answer", () => {
    expect(valueOf(spreadOfRows([[null, 3, "NC"]]))).toEqual([0]);
  });

  it("handles decimal ratings", () => {
    const spread = valueOf(spreadOfRows([[2.5, 1.25]]))[0];
    expect(spread).toBeCloseTo(1.25, 12);
  });
});

describe("QG.CONSENSUS — happy path", () => {
  it("gives the mean per row by default", () => {
    const c = valueOf(consensusOfRows(MATRIX));
    expect(c).toHaveLength(5);
    expect(c[0]).toBeCloseTo((1 + 2 + 4) / 3, 12);
    expect(c[1]).toBeCloseTo((4 + 1 + 3 + 2) / 4, 12);
    expect(c[2]).toBeCloseTo(3, 12);
    expect(c[3]).toBeNull();
    expect(c[4]).toBeCloseTo(3, 12);
  });

  it.each(["mean", "MEAN", "Mean", " mean ", "moyenne", "Moyenne"])("accepts %j as the mean", (method) => {
    const c = valueOf(consensusOfRows([[1, 2, 4]], method));
    expect(c[0]).toBeCloseTo(7 / 3, 12);
  });

  it("treats a blank method as the mean", () => {
    expect(valueOf(consensusOfRows([[1, 2, 4]], null))[0]).toBeCloseTo(7 / 3, 12);
  });

  it("gives the median per row: middle value for an odd count, mean of the two middle values for an even count", () => {
    expect(valueOf(consensusOfRows(MATRIX, "median"))).toEqual([2, 2.5, 3, null, 3]);
  });

  it("sorts the answers numerically before taking the median (10 and 9 are not compared as text)", () => {
    expect(valueOf(consensusOfRows([[10, 9, 2]], "median"))).toEqual([9]);
    expect(valueOf(consensusOfRows([[10, 9, 2, 100]], "median"))).toEqual([9.5]);
  });

  it.each(["median", "MEDIAN", "médiane", "Médiane", "MÉDIANE", "mediane"])("accepts %j as the median", (method) => {
    expect(valueOf(consensusOfRows([[4, 1, 3, 2]], method))).toEqual([2.5]);
  });
});

describe("QG.SPREAD and QG.CONSENSUS — given wrong argument type", () => {
  it("QG.SPREAD refuses a text that is not an N/A token, naming ratings_matrix and its row (FR and EN)", () => {
    const r = spreadOfRows([[1, 2], [3, "moyen"]]);
    expect(refusalOf(r)).toMatchObject({ id: "notARating", params: { arg: "ratings_matrix", row: 2, value: "moyen" } });
    const t = texts(r);
    expect(t.fr).toContain("matrice_cotations, ligne 2");
    expect(t.en).toContain("ratings_matrix, row 2");
  });

  it("QG.CONSENSUS refuses a text that is not an N/A token, naming ratings_matrix and its row (FR and EN)", () => {
    const r = consensusOfRows([[1, 2], [3, 4], [true, 2]]);
    expect(refusalOf(r)).toMatchObject({ id: "notARating", params: { arg: "ratings_matrix", row: 3 } });
    const t = texts(r);
    expect(t.fr).toContain("matrice_cotations, ligne 3");
    expect(t.en).toContain("ratings_matrix, row 3");
  });

  it.each(["mode", "average", "moy", 1])("QG.CONSENSUS refuses the unknown method %j (FR and EN)", (method) => {
    const r = consensusOfRows(MATRIX, method);
    expect(refusalOf(r)).toMatchObject({ id: "badMethod", params: { value: String(method) } });
    const t = texts(r);
    expect(t.fr).toContain(`« ${String(method)} »`);
    expect(t.fr).toContain("médiane");
    expect(t.en).toContain(`"${String(method)}"`);
    expect(t.en).toContain("median");
  });
});

describe("QG.SPREAD and QG.CONSENSUS — given wrong sizes", () => {
  it("accept rows of different lengths (respondents who skipped the last columns)", () => {
    expect(valueOf(spreadOfRows([[1, 5], [2]]))).toEqual([4, 0]);
    expect(valueOf(consensusOfRows([[1, 5], [2]], "median"))).toEqual([3, 2]);
  });

  it("return one value per row of the matrix (a column)", () => {
    const m: Cell[][] = [[1], [2], [3], [null]];
    expect(valueOf(spreadOfRows(m))).toHaveLength(4);
    expect(valueOf(consensusOfRows(m))).toEqual([1, 2, 3, null]);
  });
});

describe("QG.SPREAD and QG.CONSENSUS — errors propagation", () => {
  it("QG.SPREAD propagates an Excel error found in the matrix", () => {
    expect(propagatedOf(spreadOfRows([[1, 2], [NA, 3]]))).toEqual({ error: "#N/A" });
  });

  it("QG.CONSENSUS propagates an Excel error found in the matrix", () => {
    expect(propagatedOf(consensusOfRows([[1, DIV0]], "median"))).toEqual({ error: "#DIV/0!" });
  });

  it("QG.CONSENSUS propagates an error in the matrix even in a row whose other cells are N/A", () => {
    expect(propagatedOf(consensusOfRows([["N/A", DIV0]]))).toEqual({ error: "#DIV/0!" });
  });

  // known bug: an Excel error given as the method is refused as an unknown method instead of propagating.
  // Input consensusOfRows([[1, 2]], { error: "#N/A" }): expected { kind: "propagate", error: { error: "#N/A" } };
  // actual { kind: "value", message: { id: "badMethod", params: { value: "[object Object]" } } },
  // i.e. `unknown method "[object Object]": use "mean" or "median"`.
  it("QG.CONSENSUS propagates an Excel error given as the method", () => {
    expect(propagatedOf(consensusOfRows([[1, 2]], NA))).toEqual({ error: "#N/A" });
  });
});

describe("QG.SPREAD and QG.CONSENSUS — empty input", () => {
  it("give a blank (null), not 0, for rows without answers", () => {
    const m: Cell[][] = [[null, null], ["N/A", "so"], ["", "  "]];
    expect(valueOf(spreadOfRows(m))).toEqual([null, null, null]);
    expect(valueOf(consensusOfRows(m))).toEqual([null, null, null]);
    expect(valueOf(consensusOfRows(m, "median"))).toEqual([null, null, null]);
  });

  it("give an empty column for an empty matrix", () => {
    expect(valueOf(spreadOfRows([]))).toEqual([]);
    expect(valueOf(consensusOfRows([]))).toEqual([]);
  });
});
