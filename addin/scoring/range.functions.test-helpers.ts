/**
 * Small helpers shared by the range-function tests (range.functions.*.test.ts). They only unwrap
 * results; they compute nothing, so every expected number stays written by hand in the tests.
 */
import type { Lang } from "../model/template.types.js";
import type { Cell, CellErrorValue, Grid, RangeResult } from "./range.functions.js";
import { rangeMessageText, type RangeMessage } from "./range.messages.js";

/** A one-column range, as Excel passes `A2:A5`. */
export function column(...cells: Cell[]): Cell[][] {
  return cells.map((c) => [c]);
}

/** The value of a result that must have succeeded. */
export function valueOf<T>(r: RangeResult<T>): T {
  if (!r.ok) throw new Error(`expected a value, got the failure ${JSON.stringify(r.failure)}`);
  return r.value;
}

/** The message of a result that must be a #VALUE! refusal. */
export function refusalOf<T>(r: RangeResult<T>): RangeMessage {
  if (r.ok) throw new Error(`expected a refusal, got the value ${JSON.stringify(r.value)}`);
  if (r.failure.kind !== "value") throw new Error(`expected a #VALUE! refusal, got ${JSON.stringify(r.failure)}`);
  return r.failure.message;
}

/** The Excel error a result must propagate. */
export function propagatedOf<T>(r: RangeResult<T>): CellErrorValue {
  if (r.ok) throw new Error(`expected a propagated error, got the value ${JSON.stringify(r.value)}`);
  if (r.failure.kind !== "propagate") throw new Error(`expected a propagated error, got ${JSON.stringify(r.failure)}`);
  return r.failure.error;
}

/** The refusal's text in French and in English. */
export function texts<T>(r: RangeResult<T>): Record<Lang, string> {
  const m = refusalOf(r);
  return { fr: rangeMessageText(m, "fr"), en: rangeMessageText(m, "en") };
}

export const NA: CellErrorValue = { error: "#N/A" };
export const DIV0: CellErrorValue = { error: "#DIV/0!" };

/** A grid typed as the engine expects, for readability at call sites. */
export const grid = (rows: Cell[][]): Grid => rows;
