/**
 * QG.CONSENSUS(ratings_matrix, [method]): per row, the mean (default) or the median of the answers
 * given; a column that spills down.
 */
import "./customFunctions.shim.js";
import { describe, expect, it } from "vitest";
import { consensus } from "../../functions/functions.js";
import { inputError } from "./customFunctions.shim.js";
import { errorOf, messages } from "./functions.helpers.js";

const MATRIX = [
  [1, 2, 4, 10],
  [3, "", "N/A", 4],
];

describe("QG.CONSENSUS — happy path", () => {
  it("averages each row's answers by default (omitted method arrives as null): 17/4 and 3.5", () => {
    expect(consensus(MATRIX)).toEqual([[4.25], [3.5]]);
    expect(consensus(MATRIX, null)).toEqual([[4.25], [3.5]]);
  });

  it("takes the median on request, in English or French: 3 and 3.5", () => {
    expect(consensus(MATRIX, "median")).toEqual([[3], [3.5]]);
    expect(consensus(MATRIX, "Médiane")).toEqual([[3], [3.5]]);
    expect(consensus([[5, 1, 2]], "mediane")).toEqual([[2]]);
  });

  it('accepts "moyenne" for the mean', () => {
    expect(consensus(MATRIX, "moyenne")).toEqual([[4.25], [3.5]]);
  });
});

describe("QG.CONSENSUS — empty input", () => {
  it('gives "" for a row without answers', () => {
    expect(consensus([["", "SO"], [2, 2]])).toEqual([[""], [2]]);
  });
});

describe("QG.CONSENSUS — given wrong argument type", () => {
  it("refuses an unknown method", () => {
    expect(messages(() => consensus(MATRIX, "mode"))).toEqual({
      fr: 'méthode « mode » inconnue : utilisez "mean" (moyenne) ou "median" (médiane)',
      en: 'unknown method "mode": use "mean" or "median"',
    });
  });

  it("refuses a text that is not a rating", () => {
    expect(messages(() => consensus([[1, "beaucoup"]])).en).toBe('ratings_matrix, row 1: "beaucoup" is neither a rating nor N/A');
  });
});

describe("QG.CONSENSUS — wrong sizes", () => {
  it("has one range only: rows of a single respondent are that respondent's answers", () => {
    expect(consensus([[2], [3]], "median")).toEqual([[2], [3]]);
  });
});

describe("QG.CONSENSUS — errors propagation", () => {
  it("returns an error found in the matrix or the method", () => {
    expect(errorOf(() => consensus([[1, inputError("#DIV/0!")]]))).toEqual({ code: "#DIV/0!" });
    expect(errorOf(() => consensus(MATRIX, inputError("#N/A")))).toEqual({ code: "#N/A" });
  });
});
