import type { ConditionalFormatPlan, ValidationRule } from "../plan/plan.types.js";
import { INPUT_FILL, SCALE_COLORS } from "../plan/styles.js";
import { jsonBytes } from "./excel.size.js";
import type { Writer } from "./excel.writer.js";

/** The earliest date a date cell accepts, as Office.js takes it (ISO 8601): any real date. */
const DATE_VALIDATION_FROM = "1900-01-01";

/**
 * A plan validation as Office.js rules: a list from a workbook name (`=QG_RatingChoices`, the
 * same source string the file holds), a decimal between bounds, a date from 1900-01-01; blanks
 * allowed and a stop alert with the plan's message, as the file renderer writes them.
 */
function validationOf(v: ValidationRule): { rule: Excel.DataValidationRule; errorAlert: Excel.DataValidationErrorAlert } {
  const errorAlert: Excel.DataValidationErrorAlert = { message: v.message, showAlert: true, style: "Stop", title: "Qualigrid" };
  switch (v.type) {
    case "list":
      return { rule: { list: { inCellDropDown: true, source: v.source } }, errorAlert };
    case "decimal":
      return { rule: { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } }, errorAlert };
    case "date":
      return { rule: { date: { formula1: DATE_VALIDATION_FROM, operator: "GreaterThan" } }, errorAlert };
  }
}

/** Adds a validation to a range, when this Excel has data validation (ExcelApi 1.8). */
export async function addValidation(w: Writer, range: Excel.Range, v: ValidationRule): Promise<void> {
  if (!w.features.dataValidation) return;
  const { rule, errorAlert } = validationOf(v);
  await w.cost(3, 1, jsonBytes(rule) + jsonBytes(errorAlert));
  range.dataValidation.ignoreBlanks = true;
  range.dataValidation.rule = rule;
  range.dataValidation.errorAlert = errorAlert;
}

/** Marks a range as input: unlocked under sheet protection, tinted. */
export async function markInput(w: Writer, range: Excel.Range): Promise<void> {
  await w.cost(2, 3, 16);
  range.format.protection.locked = false;
  range.format.fill.color = `#${INPUT_FILL}`;
}

/**
 * Adds a conditional format: a 3-colour scale (lowest, 50th percentile, highest) or a data bar
 * from 0 to 1, as the file renderer writes them. Type names are string literals: the `Excel`
 * enums do not exist outside Office.
 */
export async function addConditionalFormat(w: Writer, sheet: Excel.Worksheet, cf: ConditionalFormatPlan): Promise<void> {
  const range = await w.range(sheet, cf.ref, 1);
  if (cf.type === "colorScale") {
    const [low, mid, high] = SCALE_COLORS[cf.colors];
    const criteria: Excel.ConditionalColorScaleCriteria = {
      minimum: { type: "LowestValue", color: `#${low}` },
      midpoint: { type: "Percentile", formula: "50", color: `#${mid}` },
      maximum: { type: "HighestValue", color: `#${high}` },
    };
    await w.cost(2, 2, jsonBytes(criteria));
    range.conditionalFormats.add("ColorScale").colorScale.criteria = criteria;
  } else if (cf.type === "expression") {
    await w.cost(3, 2, cf.formula.length);
    const custom = range.conditionalFormats.add("Custom").custom;
    custom.rule.formula = `=${cf.formula}`;
    custom.format.fill.color = `#${cf.fill}`;
  } else {
    await w.cost(5, 3, 64);
    const bar = range.conditionalFormats.add("DataBar").dataBar;
    bar.lowerBoundRule = { type: "Number", formula: "0" };
    bar.upperBoundRule = { type: "Number", formula: "1" };
    bar.positiveFormat.fillColor = `#${cf.color}`;
    bar.positiveFormat.gradientFill = true;
  }
}
