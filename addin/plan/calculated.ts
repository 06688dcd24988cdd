import { isFormula } from "./formula.js";
import type { PlanValue } from "./plan.types.js";

/**
 * The formula shared by every row of a table column (with its `=`), or undefined when the rows
 * differ or hold values. Such a column is a *calculated column*: Excel fills its formula into the
 * rows people add, so both renderers declare it (the file renderer in the table's XML, the live
 * renderer by writing it on every row of an empty column).
 */
export function calculatedColumnFormula(rows: readonly (readonly PlanValue[])[], index: number): string | undefined {
  const first = rows[0]?.[index];
  if (!isFormula(first)) return undefined;
  return rows.every((r) => {
    const v = r[index];
    return isFormula(v) && v.formula === first.formula;
  })
    ? first.formula
    : undefined;
}
