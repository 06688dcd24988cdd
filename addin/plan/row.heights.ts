import type { PlanValue, TablePlan } from "./plan.types.js";

/** Points per line of 11-pt text, and Excel's largest row height. */
const LINE = 15;
const MAX_HEIGHT = 409;

/**
 * Lines a text takes in a wrapped column `width` characters wide. Column widths count the
 * digit "0"; prose averages narrower letters, hence the 1.15.
 */
export function linesOf(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.15));
  return text.split(/\r?\n/).reduce((n, para) => n + Math.max(1, Math.ceil(para.length / perLine)), 0);
}

/**
 * The table with heights for its header and data rows, so wrapped texts show whole in Excel and
 * LibreOffice alike (neither reliably fits rows of a generated file by itself). Rows whose texts
 * fit on one line keep the default height.
 */
export function withRowHeights(table: TablePlan): TablePlan {
  const wrapped = table.columns.map((c) => (c.wrap ? c.width : 0));
  const height = (values: readonly PlanValue[]): number => {
    let lines = 1;
    values.forEach((v, i) => {
      const w = wrapped[i] ?? 0;
      if (w > 0 && typeof v === "string") lines = Math.max(lines, linesOf(v, w));
    });
    return Math.min(MAX_HEIGHT, lines * LINE);
  };
  const headerLines = Math.max(...table.columns.map((c) => linesOf(c.header, c.width)));
  return {
    ...table,
    headerHeight: Math.min(MAX_HEIGHT, Math.max(1, headerLines) * LINE),
    rowHeights: table.rows.map(height),
  };
}
