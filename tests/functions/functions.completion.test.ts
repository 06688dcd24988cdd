/**
 * QG.COMPLETION(ratings): design.md's completion — rows answered (N/A included) over all rows.
 */
import "./customFunctions.shim.js";
import { describe, expect, it } from "vitest";
import { completion } from "../../functions/functions.js";
import { inputError } from "./customFunctions.shim.js";
import { col, errorOf, messages } from "./functions.helpers.js";

describe("QG.COMPLETION — happy path", () => {
  it("counts ratings and N/A tokens as answered: 1, blank, N/A, 3 → 3/4", () => {
    expect(completion(col(1, "", "N/A", 3))).toBe(0.75);
  });

  it("counts every cell of a 2-D range: 2 answered of 6 → ⅓", () => {
    expect(completion([[1, "", ""], ["", "SO", null]])).toBeCloseTo(1 / 3, 12);
  });

  it("gives 0 for rows none of which is answered, and 1 when all are", () => {
    expect(completion(col("", null))).toBe(0);
    expect(completion(col(4, "sans objet"))).toBe(1);
  });
});

describe("QG.COMPLETION — empty input", () => {
  it('gives "" for a range without rows', () => {
    expect(completion([])).toBe("");
  });
});

describe("QG.COMPLETION — given wrong argument type", () => {
  it("refuses a text that is neither a rating nor N/A", () => {
    expect(messages(() => completion(col(1, "peut-être")))).toEqual({
      fr: "cotations, ligne 2 : « peut-être » n'est ni une cotation ni « sans objet »",
      en: 'ratings, row 2: "peut-être" is neither a rating nor N/A',
    });
  });
});

describe("QG.COMPLETION — wrong sizes", () => {
  it("has one range only: any shape is accepted", () => {
    expect(completion([[1, 2, 3, 4]])).toBe(1);
  });
});

describe("QG.COMPLETION — errors propagation", () => {
  it("returns an error found in the ratings", () => {
    expect(errorOf(() => completion(col(1, inputError("#N/A"))))).toEqual({ code: "#N/A" });
  });
});
