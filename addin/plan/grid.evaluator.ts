import { DEFAULT_SETTINGS } from "../model/settings.js";
import { headerOf, type ColumnSpec } from "./columns.js";
import { f, thisRow } from "./formula.js";
import type { GridFeatures } from "./grid.features.js";
import type { GridKey } from "./labels.js";
import { NAMES, SETTING_NAMES, TABLES } from "./names.js";
import type { ColumnPlan, PlanValue } from "./plan.types.js";

/** The grid's evaluator helper columns, in order (design.md "The evaluator"); every workbook has them. */
export const EVALUATOR_GRID_KEYS = [
  "evaluatorScored",
  "evaluatorCountedWeight",
  "evaluatorPoints",
  "evaluatorDifference",
  "evaluatorWithin",
] as const satisfies readonly GridKey[];

/** The specs of the evaluator's helper columns, at the grid's right end. */
export function evaluatorHelperSpecs(): Record<(typeof EVALUATOR_GRID_KEYS)[number], ColumnSpec> {
  return {
    evaluatorScored: { width: 9, style: "helper" },
    evaluatorCountedWeight: { width: 9, style: "helper" },
    evaluatorPoints: { width: 9, style: "helper", numFmt: "0.000" },
    evaluatorDifference: { width: 10, style: "helper", numFmt: "0.00" },
    evaluatorWithin: { width: 9, style: "helper" },
  };
}

/**
 * The agreement tolerance the grid compares with (`QG_ToleranceUsed` on the lists sheet): the
 * workbook's setting, else design.md's default when the cell is blank.
 */
export const TOLERANCE_USED_FORMULA = `IF(ISNUMBER(${SETTING_NAMES.agreementTolerance}),${SETTING_NAMES.agreementTolerance},${DEFAULT_SETTINGS.agreementTolerance})`;

/**
 * The evaluator's figures criterion by criterion, one formula per column, the same on every row:
 * whether the evaluator's rating e is a level of the row's scale (a text question never is), its
 * counted weight and points as the self-assessment's (the dashboard sums them by dimension),
 * |c − e| in default-scale levels when the consolidated rating c (`rating`: « Cotation » or
 * « Cotation consolidée ») counts too — a number only then, so the dashboard counts the criteria
 * both rated with COUNTIFS — and whether that is within the tolerance (with the same hair of slack
 * as the engine and QG.AGREEMENT). Kept short: these formulas are on every row of every workbook.
 */
export function evaluatorFormulas(columns: readonly ColumnPlan[], features: GridFeatures, rating: string): Record<string, PlanValue> {
  const row = (k: GridKey): string => thisRow(TABLES.grid, headerOf(columns, k));
  const e = row("evaluatorRating");
  const isLevel = features.scales ? `ISNUMBER(MATCH(${row("scale")}&"|"&${e},${NAMES.levelKeys},0))` : `ISNUMBER(MATCH(${e},${NAMES.levelValues},0))`;
  const { min, max } = features.scales ? { min: row("scaleMin"), max: row("scaleMax") } : { min: NAMES.scaleMin, max: NAMES.scaleMax };
  const scored = `IF(ISNUMBER(${e}),IF(${isLevel},1,0),0)`;
  // One level of the row's scale in default-scale levels, as the gap's.
  const unit = features.scales ? `*(${NAMES.scaleMax}-${NAMES.scaleMin})/(${max}-${min})` : "";
  return {
    evaluatorScored: f(features.text ? `IF(${row("isText")}=1,0,${scored})` : scored),
    evaluatorCountedWeight: f(`${row("weight")}*${row("evaluatorScored")}`),
    evaluatorPoints: f(`IF(${row("evaluatorScored")}=1,${row("weight")}*(${e}-${min})/(${max}-${min}),0)`),
    evaluatorDifference: f(`IF(${row("scored")}+${row("evaluatorScored")}=2,ABS(${rating}-${e})${unit},"")`),
    evaluatorWithin: f(`IF(ISNUMBER(${row("evaluatorDifference")}),IF(${row("evaluatorDifference")}<=${NAMES.toleranceUsed}+1E-12,1,0),0)`),
  };
}
