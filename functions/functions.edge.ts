// The edge between Excel and the scoring engine (style.md, rule 4): Excel's arguments become the
// engine's cells, and the engine's results become what a custom function returns — numbers, "" for
// an empty result, or a thrown `CustomFunctions.Error`. This is the only place where an engine
// failure turns into an Excel error. No scoring here.
import type { Lang } from "../addin/model/template.types.js";
import type { Cell, CellErrorValue, Grid, RangeFailure, RangeResult } from "../addin/scoring/range.functions.js";
import { rangeMessageText } from "../addin/scoring/range.messages.js";

/** What Excel passes for a range argument: rows of cells (`any[][]` in Microsoft's examples). */
export type ExcelRange = unknown[][];

/** What a function returns for one cell: a number or a text; "" shows an empty cell. */
export type ExcelValue = number | string;

/**
 * One argument as the engine reads it. Excel passes numbers, strings and booleans as they are and
 * an omitted optional argument as null. With `allowErrorForDataTypeAny` (set by the build) an error
 * cell arrives as an error object; with `allowCustomDataForDataTypeAny` a data-type cell arrives as
 * an `Excel.CellValue` object, read here through its `basicValue`.
 */
export function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "object") {
    const o = value as { code?: unknown; type?: unknown; basicValue?: unknown; errorType?: unknown };
    // CustomFunctions.Error: { code: "#N/A", message? }.
    if (typeof o.code === "string" && o.code.startsWith("#")) return { error: o.code };
    if (o.type === "Empty") return null;
    if (o.type === "Error") return { error: typeof o.basicValue === "string" ? o.basicValue : "#VALUE!" };
    if (typeof o.basicValue === "number" || typeof o.basicValue === "string" || typeof o.basicValue === "boolean") return o.basicValue;
  }
  // Nothing the functions can read (an entity without a basic value, a function…): Excel's #VALUE!.
  return { error: CustomFunctions.ErrorCode.invalidValue };
}

/** Whether cellOf would change a cell: Excel passes numbers, texts, booleans and null as they are. */
function needsReading(value: unknown): boolean {
  return value === undefined || (typeof value === "object" && value !== null);
}

/**
 * A range argument as the engine's grid. A range of plain values — the usual case — is passed on as
 * it is, without a copy (the functions run on ranges of 10,000 rows); only a range holding error or
 * data-type objects is converted. A single value stands for a one-cell range.
 */
export function gridOf(value: unknown): Grid {
  if (!Array.isArray(value)) return [[cellOf(value)]];
  const rows = value as unknown[];
  // Index loops, not for…of: an iterator per row doubled the time of a call on 10,000 rows.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row)) return [rows.map(cellOf)];
    for (let j = 0; j < row.length; j++) {
      if (needsReading(row[j])) return rows.map((x) => (Array.isArray(x) ? (x as unknown[]).map(cellOf) : [cellOf(x)]));
    }
  }
  return rows as Grid;
}

/** An optional range argument: Excel passes null when it is omitted. */
export function optionalGridOf(value: unknown): Grid | undefined {
  return value === null || value === undefined ? undefined : gridOf(value);
}

/** An optional single-value argument: omitted (null) stays undefined so the engine's default applies. */
export function optionalCellOf(value: unknown): Cell | undefined {
  return value === null || value === undefined ? undefined : cellOf(value);
}

/**
 * The language of Excel's user interface, for error messages: `Office.context.displayLanguage`
 * (the functions share the task pane's runtime, where office.js is loaded), French for any fr-*
 * tag, English otherwise and when Office is not there.
 */
export function displayLang(): Lang {
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
    const tag = office?.context?.displayLanguage;
    return typeof tag === "string" && tag.toLowerCase().startsWith("fr") ? "fr" : "en";
  } catch {
    return "en";
  }
}

/** Error codes a custom function may return (#NAME? and #REF! are accepted as inputs only). */
function returnableCode(code: string): CustomFunctions.ErrorCode | undefined {
  const E = CustomFunctions.ErrorCode;
  const codes: string[] = [E.invalidValue, E.notAvailable, E.divisionByZero, E.invalidNumber, E.nullReference];
  return codes.includes(code) ? (code as CustomFunctions.ErrorCode) : undefined;
}

/**
 * The Excel error for an engine failure: a refusal is #VALUE! with its message in the user's
 * language; an error found in an input is returned as the same error. An input error Excel does not
 * accept as a result (#REF!, #NAME?, #SPILL!…) becomes #VALUE! whose message is that error.
 */
export function excelErrorOf(failure: RangeFailure, lang: Lang = displayLang()): CustomFunctions.Error {
  if (failure.kind === "value") return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, rangeMessageText(failure.message, lang));
  const found: CellErrorValue = failure.error;
  const code = returnableCode(found.error);
  return code ? new CustomFunctions.Error(code) : new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, found.error);
}

function valueOrThrow<T>(result: RangeResult<T>): T {
  if (!result.ok) throw excelErrorOf(result.failure);
  return result.value;
}

/** A single result: the number, or "" when there is nothing to compute (Excel would show null as 0). */
export function scalarResult(result: RangeResult<number | null>): ExcelValue {
  return valueOrThrow(result) ?? "";
}

/** A result of the same shape as an input range; blanks are "". */
export function gridResult(result: RangeResult<readonly (readonly (ExcelValue | null)[])[]>): ExcelValue[][] {
  const rows = valueOrThrow(result).map((row) => row.map((v) => v ?? ""));
  return rows.length > 0 ? rows : [[""]];
}

/** One value per row, as a column that spills down (a dynamic array); blanks are "". */
export function columnResult(result: RangeResult<readonly (ExcelValue | null)[]>): ExcelValue[][] {
  const rows = valueOrThrow(result).map((v) => [v ?? ""]);
  return rows.length > 0 ? rows : [[""]];
}
