/**
 * The edge between Excel and the engine (functions/functions.edge.ts): how Excel's arguments are
 * read, which language the messages use, and which Excel error each engine failure becomes.
 */
import "./customFunctions.shim.js";
import { afterEach, describe, expect, it } from "vitest";
import { cellOf, displayLang, excelErrorOf, gridOf, gridResult, columnResult, optionalGridOf, scalarResult } from "../../functions/functions.edge.js";
import { score } from "../../functions/functions.js";
import { CustomFunctionsErrorShim, inputError, setDisplayLanguage } from "./customFunctions.shim.js";
import { col, errorOf } from "./functions.helpers.js";

afterEach(() => setDisplayLanguage(undefined));

describe("arguments", () => {
  it.each([
    ["a number", 3, 3],
    ["a text", "N/A", "N/A"],
    ["a boolean", true, true],
    ["null (an omitted argument, or a blank on the web)", null, null],
    ["undefined", undefined, null],
    ["a CustomFunctions.Error (allowErrorForDataTypeAny)", inputError("#N/A"), { error: "#N/A" }],
    ["an error cell value", { type: "Error", errorType: "Div0", basicValue: "#DIV/0!" }, { error: "#DIV/0!" }],
    ["an empty cell value", { type: "Empty", basicValue: "" }, null],
    ["a string cell value", { type: "String", basicValue: "C1" }, "C1"],
    ["a formatted number", { type: "FormattedNumber", basicValue: 0.5, numberFormat: "0%" }, 0.5],
    ["an entity without a basic value", { type: "Entity", text: "Paris", properties: {} }, { error: "#VALUE!" }],
  ])("reads %s", (_, value, cell) => {
    expect(cellOf(value)).toEqual(cell);
  });

  it("passes a range of plain values on without copying it (ranges can have 10,000 rows)", () => {
    const range = col(1, "N/A", null, "", true);
    expect(gridOf(range)).toBe(range);
  });

  it("converts a range that holds error or data-type objects, cell by cell", () => {
    expect(gridOf([[1, inputError("#N/A")], [undefined, { type: "Double", basicValue: 2 }]])).toEqual([
      [1, { error: "#N/A" }],
      [null, 2],
    ]);
  });

  it("reads a single value as a one-cell range, and an omitted range (null) as absent", () => {
    expect(gridOf(7)).toEqual([[7]]);
    expect(optionalGridOf(null)).toBeUndefined();
    expect(optionalGridOf(undefined)).toBeUndefined();
  });
});

describe("the language of the messages", () => {
  it.each([
    ["fr-FR", "fr"],
    ["fr-CA", "fr"],
    ["FR-be", "fr"],
    ["en-US", "en"],
    ["de-DE", "en"],
  ])("follows Office's display language %s → %s", (tag, lang) => {
    setDisplayLanguage(tag);
    expect(displayLang()).toBe(lang);
  });

  it("is English when Office is not there (tests, a page outside Office)", () => {
    setDisplayLanguage(undefined);
    expect(displayLang()).toBe("en");
  });

  it("is read at each call: the same refusal in French, then in English", () => {
    setDisplayLanguage("fr-FR");
    expect(errorOf(() => score(col(9), [[1]], [[4]])).message).toBe("cotations, ligne 1 : la cotation 9 est hors de l'échelle (1 à 4)");
    setDisplayLanguage("en-GB");
    expect(errorOf(() => score(col(9), [[1]], [[4]])).message).toBe("ratings, row 1: rating 9 is outside the scale (1 to 4)");
  });
});

describe("results and errors", () => {
  it('turns an empty result into "" and keeps numbers', () => {
    expect(scalarResult({ ok: true, value: null })).toBe("");
    expect(scalarResult({ ok: true, value: 0 })).toBe(0);
    expect(gridResult({ ok: true, value: [[1, null]] })).toEqual([[1, ""]]);
    expect(columnResult({ ok: true, value: [null, 2] })).toEqual([[""], [2]]);
  });

  it('never returns an empty array to Excel: no rows gives one blank cell', () => {
    expect(gridResult({ ok: true, value: [] })).toEqual([[""]]);
    expect(columnResult({ ok: true, value: [] })).toEqual([[""]]);
  });

  it("makes a refusal #VALUE! with its message", () => {
    const e = excelErrorOf({ kind: "value", message: { id: "badTolerance", params: { value: "x" } } }, "en");
    expect(e).toBeInstanceOf(CustomFunctionsErrorShim);
    expect(e).toMatchObject({ code: "#VALUE!", message: 'tolerance "x" must be a number ≥ 0' });
  });

  it.each(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"])("returns the input error %s as itself", (code) => {
    expect(excelErrorOf({ kind: "propagate", error: { error: code } })).toEqual(new CustomFunctionsErrorShim(code as "#N/A"));
  });

  it.each(["#REF!", "#NAME?", "#SPILL!", "#CALC!"])("returns %s, which a custom function cannot return, as #VALUE! naming it", (code) => {
    expect(excelErrorOf({ kind: "propagate", error: { error: code } })).toEqual(new CustomFunctionsErrorShim("#VALUE!", code));
  });
});
