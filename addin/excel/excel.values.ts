import type { PlanValue } from "../plan/plan.types.js";
import { textEntry } from "../plan/text.entry.js";

/** What Office.js takes in a `formulas` (or `values`) 2-D array for one cell. */
export type CellEntry = string | number | boolean;

/**
 * A plan value as it goes into `range.formulas`: a formula as its invariant-syntax text (the
 * same string exceljs writes into files), text through `textEntry` so Excel never evaluates or
 * coerces it, numbers and booleans as they are, and blank as `""` (which clears the cell; `null`
 * would mean "leave unchanged" in Office.js arrays).
 */
export function cellEntry(v: PlanValue): CellEntry {
  if (v === null) return "";
  if (typeof v === "object") return v.formula;
  if (typeof v === "string") return textEntry(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  return v;
}
