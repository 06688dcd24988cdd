import { headerOf, type ColumnSpec } from "./columns.js";
import { f, thisRow } from "./formula.js";
import type { GridKey } from "./labels.js";
import { TABLES } from "./names.js";
import type { ColumnPlan, PlanOptions, PlanValue } from "./plan.types.js";
import { hasReview } from "./review.option.js";

/**
 * Whether a plan has the « Rapport de visite » sheet (design.md "Rounds, comparison and report"):
 * with the evaluator's review, the dashboard it reads, and the report sheets (unless
 * `options.report` is false, the layout `check` compares an older workbook with).
 */
export function hasVisitReport(options: Pick<PlanOptions, "review" | "report" | "parts">): boolean {
  return hasReview(options) && options.parts.dashboard && options.report !== false;
}

/** The grid's helper the visit report lists disagreements with, at the grid's right end. */
export function visitHelperSpecs(): Record<"disagreementRow", ColumnSpec> {
  return { disagreementRow: { width: 9, style: "helper" } };
}

/**
 * Its formula: the sheet row of a criterion where the consolidated rating and the evaluator's are
 * both levels and differ by more than the tolerance (the grid's « Écart évaluateur » is a number and
 * « Dans la tolérance » is 0), else blank. The visit report takes the j-th smallest, as
 * `QG_Discuss` does with « Rang à discuter », so the list keeps the grid's (template) order, the
 * engine's `disagreements`.
 */
export function visitHelperFormulas(columns: readonly ColumnPlan[]): Record<"disagreementRow", PlanValue> {
  const row = (k: GridKey): string => thisRow(TABLES.grid, headerOf(columns, k));
  return { disagreementRow: f(`IF(ISNUMBER(${row("evaluatorDifference")}),IF(${row("evaluatorWithin")}=0,ROW(),""),"")`) };
}
