/**
 * QG.CONSENSUS(ratings_matrix, [method], [agreed], [levels]): per row, the consolidated rating of
 * design.md "Respondents and consensus" — the agreed rating, else the mean (default) or the median
 * of the levels given, else N/A, else blank; a column that spills down.
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

describe("QG.CONSENSUS — agreed ratings and levels, as the grid passes them", () => {
  // The grid's « Niveau retenu — A/B/C » helpers, its « Cotation convenue » column, QG_LevelValues.
  const LEVELS = [[1], [2], [3], [4]];
  const HELPERS = [
    [1, 4, 4],
    [2, "S. O.", 3],
    ["S. O.", "", ""],
    ["T", "T", ""],
    [1, 2, 4],
  ];

  it("the agreed rating wins (a level or N/A), a blank leaves the respondents' mean or median", () => {
    expect(consensus(HELPERS, "moyenne", [[2], [""], [null], [null], ["S. O."]], LEVELS)).toEqual([[2], [2.5], ["S. O."], [""], ["S. O."]]);
    expect(consensus(HELPERS, "médiane", [[null], [null], [null], [null], [null]], LEVELS)).toEqual([[4], [2.5], ["S. O."], [""], [2]]);
  });

  it("an unreadable agreed rating gives an empty result, not the respondents' ratings", () => {
    expect(consensus([[1, 4]], "mean", [["beaucoup"]])).toEqual([[""]]);
    expect(consensus([[1, 4]], "mean", [[2.5]], LEVELS)).toEqual([[""]]);
  });

  it("omitted agreed and levels arrive as null: every row is the respondents'", () => {
    const none = null as unknown as unknown[][];
    expect(consensus([[1, 2.5]], null, none, none)).toEqual([[1.75]]);
  });
});

describe("QG.CONSENSUS — empty input", () => {
  it('gives "" for a row without answers, the N/A token for a row of N/A only', () => {
    expect(consensus([["", ""], ["", "SO"], ["N/A", null], [2, 2]])).toEqual([[""], ["S. O."], ["N/A"], [2]]);
  });
});

describe("QG.CONSENSUS — given wrong argument type", () => {
  it("refuses an unknown method", () => {
    expect(messages(() => consensus(MATRIX, "mode"))).toEqual({
      fr: 'méthode « mode » inconnue : utilisez "mean" (moyenne) ou "median" (médiane)',
      en: 'unknown method "mode": use "mean" or "median"',
    });
  });

  it("leaves out a text that is not a rating, as the grid's « Niveau retenu » helpers (« T »: answered in words)", () => {
    expect(consensus([[1, "beaucoup"], ["T", "T"]])).toEqual([[1], [""]]);
  });

  it("refuses an agreed column that is not one cell per row", () => {
    expect(messages(() => consensus(MATRIX, null, [[1]]))).toEqual({
      fr: "cotations_convenues (1) et matrice_cotations (2) doivent avoir la même taille",
      en: "agreed (1) and ratings_matrix (2) must have the same size",
    });
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
