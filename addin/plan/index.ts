/** The workbook plan: template + options → sheets, tables, formulas, formats. */
export * from "./plan.types.js";
export { buildPlan, DEFAULT_PLAN_OPTIONS } from "./plan.build.js";
export { HEADERS, SHEET_NAMES, EVIDENCE_STATUSES, ACTION_STATUSES } from "./labels.js";
export { NAMES, TABLES } from "./names.js";
export { isFormula } from "./formula.js";
