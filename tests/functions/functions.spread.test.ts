/**
 * QG.SPREAD(ratings_matrix, [levels]): per row (a criterion rated by several respondents), max − min
 * of the levels given (N/A and text left out); a column that spills down.
 */
import "./customFunctions.shim.js";
import { describe, expect, it } from "vitest";
import { spread } from "../../functions/functions.js";
import { inputError } from "./customFunctions.shim.js";
import { errorOf, messages } from "./functions.helpers.js";

describe("QG.SPREAD — happy path", () => {
  it("returns one row per criterion: 1, 3, 2 → 2; 4, blank, 4 → 0", () => {
    expect(spread([[1, 3, 2], [4, "", 4]])).toEqual([[2], [0]]);
  });

  it("leaves N/A answers out", () => {
    expect(spread([[1, "N/A", 4]])).toEqual([[3]]);
  });
});

describe("QG.SPREAD — empty input", () => {
  it('gives "" for a row without answers', () => {
    expect(spread([[1, 2], ["", "SO"]])).toEqual([[1], [""]]);
  });
});

describe("QG.SPREAD — given wrong argument type", () => {
  it("leaves out a text that is not N/A, as the grid's « Niveau retenu » helpers (« T »: answered in words)", () => {
    expect(spread([[1, 2], [3, "x"], ["T", "T"]])).toEqual([[1], [0], [""]]);
  });

  it("refuses a levels list holding a text, naming its row", () => {
    expect(messages(() => spread([[1, 2]], [[1], ["deux"]]))).toEqual({
      fr: "niveaux, ligne 2 : « deux » doit être un nombre",
      en: 'levels, row 2: "deux" must be a number',
    });
  });
});

describe("QG.SPREAD — the scale's levels", () => {
  it("given QG_LevelValues, leaves out a number that is no level (omitted levels arrive as null)", () => {
    expect(spread([[1, 2.5, 4], [9, 2, 2]], [[1], [2], [3], [4]])).toEqual([[3], [0]]);
    expect(spread([[1, 2.5, 4]], null as unknown as unknown[][])).toEqual([[3]]);
  });
});

describe("QG.SPREAD — wrong sizes", () => {
  it("has one range only: a single respondent gives a spread of 0 per answered row", () => {
    expect(spread([[3], [""]])).toEqual([[0], [""]]);
  });
});

describe("QG.SPREAD — errors propagation", () => {
  it("returns an error found in the matrix", () => {
    expect(errorOf(() => spread([[1, inputError("#N/A")]]))).toEqual({ code: "#N/A" });
  });
});
