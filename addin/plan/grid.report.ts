import { headerOf, type ColumnSpec } from "./columns.js";
import { f, thisRow } from "./formula.js";
import type { GridFeatures } from "./grid.features.js";
import { HEADERS, type GridKey } from "./labels.js";
import { TABLES } from "./names.js";
import type { ColumnPlan, PlanOptions, PlanValue } from "./plan.types.js";

/**
 * Whether a plan has the « Rapport » sheet (design.md "Rounds, comparison and report") and the
 * grid's helpers it reads: with the dashboard, unless `options.report` is false (the layout of the
 * versions before it, which `check`, an upgrade's old plan and an added respondent rebuild).
 */
export function hasReport(options: Pick<PlanOptions, "report" | "parts">): boolean {
  return options.parts.dashboard && options.report !== false;
}

/** The grid's helper columns the report reads, in order; `requiredRow` only with required criteria. */
export const REPORT_GRID_KEYS = ["priorityKey", "requiredRow"] as const satisfies readonly GridKey[];

/** Their specs, at the grid's right end (helpers: out of the print area). */
export function reportHelperSpecs(features: GridFeatures): Partial<Record<(typeof REPORT_GRID_KEYS)[number], ColumnSpec>> {
  return {
    priorityKey: { width: 10, style: "helper", numFmt: "0.000" },
    ...(features.required ? { requiredRow: { width: 10, style: "helper" } } : {}),
  };
}

/**
 * Their formulas, the same on every row (Excel 2010 functions, no array entry), kept short: they are
 * on every row of every workbook.
 * - « Clé de priorité »: for a criterion whose gap is positive (those the action plan takes,
 *   `criteriaByPriority`), its priority rounded to 6 decimals — so that equal priorities computed
 *   differently (0.1 × 3 and 0.3 × 1) tie, as the engine takes them — less a millionth of a millionth
 *   per sheet row, so that of equal priorities the one higher in the grid (the template's order)
 *   comes first and every key differs; "" otherwise. The report's k-th priority is the row of
 *   LARGE(keys, k). N() reads the gap's "" as 0.
 * - « Ligne requis non atteint »: the row of a required criterion not met, so that the report lists
 *   the k-th with SMALL, as the dashboard lists the criteria to discuss.
 */
export function reportHelperFormulas(columns: readonly ColumnPlan[], features: GridFeatures): Record<string, PlanValue> {
  const T = TABLES.grid;
  const row = (k: GridKey): string => thisRow(T, headerOf(columns, k));
  const out: Record<string, PlanValue> = {
    priorityKey: f(`IF(N(${row("gap")})>0,ROUND(${row("priority")},6)-ROW()*1E-12,"")`),
  };
  if (features.required) out.requiredRow = f(`IF(${row("requiredNotMet")}=1,ROW(),"")`);
  return out;
}

/**
 * Whether a grid with these headers was made with the report's helpers (« Clé de priorité »): the
 * `report` plan option that rebuilds a workbook's own layout, as `gridHasReviewLayout` does for the
 * evaluator's review. A workbook made before the report has no such column and gets `report: false`.
 */
export function gridHasReportLayout(headers: readonly string[]): boolean {
  const norm = (s: string): string => s.trim().toLocaleLowerCase();
  const wanted = [HEADERS.grid.priorityKey.fr, HEADERS.grid.priorityKey.en].map(norm);
  return headers.some((h) => wanted.includes(norm(h)));
}
