/**
 * QG.SPREAD(ratings_matrix): per row (a criterion rated by several respondents), max − min of the
 * answers given; a column that spills down.
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
  it("refuses a text that is not a rating, naming its row", () => {
    expect(messages(() => spread([[1, 2], [3, "x"]]))).toEqual({
      fr: "matrice_cotations, ligne 2 : « x » n'est ni une cotation ni « sans objet »",
      en: 'ratings_matrix, row 2: "x" is neither a rating nor N/A',
    });
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
