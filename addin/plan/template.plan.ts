import { templateToSheetRows, TEMPLATE_ITEM_COLUMNS, type SheetCell } from "../model/template.sheet.js";
import type { Template } from "../model/template.types.js";
import { TEXTS } from "./labels.js";
import { TABLES } from "./names.js";
import type { BlockCell, ColumnPlan, PlanOptions, TablePlan } from "./plan.types.js";

/** Row of the template tables' headers. */
export const TEMPLATE_HEADER_ROW = 4;
/** Column where `QG_TemplateItems` starts, leaving a gap after `QG_TemplateInfo`. */
export const TEMPLATE_ITEMS_LEFT = 4;

/** Version of Qualigrid that writes workbooks, recorded in them. */
export const GENERATOR = "Qualigrid 0.1.0";

/**
 * The template sheet: `QG_TemplateInfo` (key/value rows) and `QG_TemplateItems` (one row per
 * criterion, FR/EN texts in `…[fr]` / `…[en]` columns), so the workbook describes itself.
 */
export function templateSheetContent(template: Template, options: PlanOptions): { tables: TablePlan[]; cells: BlockCell[] } {
  const rows = templateToSheetRows(template, [
    ["workbook.lang", options.lang],
    ["workbook.generator", GENERATOR],
  ]);
  const col = (key: string, width: number, wrap = false): ColumnPlan => ({ key, header: key, width, input: false, style: "computed", ...(wrap ? { wrap } : {}) });
  const info: TablePlan = {
    name: TABLES.templateInfo,
    top: TEMPLATE_HEADER_ROW,
    left: 1,
    columns: [col("key", 26), col("value", 40, true)],
    rows: rows.info.map(([k, v]) => [k, v as SheetCell]),
    style: "TableStyleLight1",
  };
  const wide = new Set(["text[fr]", "text[en]", "guidance[fr]", "guidance[en]", "evidence[fr]", "evidence[en]", "dimensionDescription[fr]", "dimensionDescription[en]"]);
  const items: TablePlan = {
    name: TABLES.templateItems,
    top: TEMPLATE_HEADER_ROW,
    left: TEMPLATE_ITEMS_LEFT,
    // A key is one word: its column is at least as wide, or a printed page would break it in two.
    columns: (rows.columns ?? TEMPLATE_ITEM_COLUMNS).map((k) => col(k, wide.has(k) ? 40 : k.includes("Title") ? 24 : Math.max(12, k.length + 3), wide.has(k))),
    rows: rows.items,
    style: "TableStyleLight1",
  };
  const cells: BlockCell[] = [
    { row: 1, col: 1, value: `${template.id} ${template.version}`, style: "title" },
    { row: 2, col: 1, value: TEXTS.templateSubtitle[options.lang], style: "note" },
  ];
  return { tables: [info, items], cells };
}
