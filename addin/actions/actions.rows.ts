import type { NewAction } from "../host/host.types.js";
import { nextActionIds } from "./action.ids.js";
import { calculatedColumnFormula } from "../plan/calculated.js";
import { HEADERS, type ActionKey } from "../plan/labels.js";
import type { PlanValue } from "../plan/plan.types.js";
import { locateColumns, plainText } from "../model/table.plain.js";
import { textEntry } from "../plan/text.entry.js";
import type { CellEntry } from "../excel/excel.values.js";

/**
 * The rows to add at the end of the action plan for `actions`, from the table's headers and its
 * current data rows as `formulas` (formulas as `=…` text, constants as values):
 * - a calculated column (the same formula on every existing row: dimension, gap, overdue) gets that
 *   formula, the very text Excel would fill in, so adding rows never blanks a computed column;
 * - the id continues the existing numbering (`A-004` after `A-003`), the criterion is written as
 *   text, and dimension and gap as values only where those columns are not calculated;
 * - every other input is left blank.
 */
export function actionRows(headers: readonly string[], existing: readonly (readonly unknown[])[], actions: readonly NewAction[]): CellEntry[][] {
  const at = locateColumns({ headers: [...headers] }, HEADERS.actions);
  const planRows: PlanValue[][] = existing.map((r) => r.map(planValueOf));
  const calculated = headers.map((_, i) => calculatedColumnFormula(planRows, i));
  const idCol = at.id;
  const idOf = (r: PlanValue[]): string => {
    const v = idCol === undefined ? null : r[idCol];
    return v === undefined || typeof v === "object" ? "" : plainText(v);
  };
  const ids = nextActionIds(planRows.map(idOf), actions.length);
  const keyOf = new Map<number, ActionKey>(Object.entries(at).map(([k, i]) => [i as number, k as ActionKey]));
  return actions.map((a, n) =>
    headers.map((_, i): CellEntry => {
      const formula = calculated[i];
      if (formula) return formula;
      switch (keyOf.get(i)) {
        case "id":
          return textEntry(ids[n] ?? "");
        case "criterion":
          return textEntry(a.criterion);
        case "dimension":
          return textEntry(a.dimension);
        case "gap":
          return a.gap;
        default:
          return "";
      }
    }),
  );
}

/**
 * How many rows at the end of the action plan hold nothing typed by a person (the pre-formatted
 * empty rows a new workbook starts with): new actions fill those before the table grows, so they
 * do not land below a stretch of empty rows. Computed columns do not count as typed.
 */
export function trailingBlankRows(headers: readonly string[], existing: readonly (readonly unknown[])[]): number {
  const planRows: PlanValue[][] = existing.map((r) => r.map(planValueOf));
  const calculated = headers.map((_, i) => calculatedColumnFormula(planRows, i) !== undefined);
  let n = 0;
  for (let r = planRows.length - 1; r >= 0; r--) {
    const row = planRows[r] ?? [];
    const typed = row.some((v, i) => !calculated[i] && v !== null && !(typeof v === "string" && v.trim() === "") && !(typeof v === "object"));
    if (typed) break;
    n++;
  }
  return n;
}

/** A cell of a `formulas` array as a plan value: `=…` text is a formula, anything else a value. */
function planValueOf(v: unknown): PlanValue {
  if (typeof v === "string") return v.startsWith("=") ? { formula: v } : v;
  return typeof v === "number" || typeof v === "boolean" ? v : null;
}
