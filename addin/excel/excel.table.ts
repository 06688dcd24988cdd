import { rangeAddress } from "../model/cell.address.js";
import type { TablePlan } from "../plan/plan.types.js";
import { HELPER_HEADER_FONT, STYLE_FONTS } from "../plan/styles.js";
import { textEntry } from "../plan/text.entry.js";
import { jsonBytes, utf8Length } from "./excel.size.js";
import { cellEntry } from "./excel.values.js";
import { addValidation, markInput } from "./excel.format.js";
import type { Writer } from "./excel.writer.js";

/** Where a table plan sits: its corners and the rows of its data. */
function extent(t: TablePlan): { right: number; first: number; last: number } {
  return { right: t.left + t.columns.length - 1, first: t.top + 1, last: t.top + t.rows.length };
}

/**
 * Creates a table over its header and (still empty) data rows, with its stable name, style and
 * header texts. Every table exists before any formula is written: Excel parses a formula when it
 * is set, and a structured reference to a table not yet created would not parse.
 */
export async function createTable(w: Writer, sheet: Excel.Worksheet, t: TablePlan): Promise<void> {
  const { right, last } = extent(t);
  const headers = [t.columns.map((c) => textEntry(c.header))];
  await w.cost(5, 2, utf8Length(t.name) + utf8Length(t.style) + jsonBytes(headers) + 16);
  const table = sheet.tables.add(rangeAddress(t.top, t.left, last, right), true);
  table.name = t.name;
  table.style = t.style;
  table.getHeaderRowRange().values = headers;
}

/**
 * Writes a table's data rows (values and formulas as 2-D arrays, split only at the request limit),
 * then its row heights, the header's and columns' formats, number formats, input cells and
 * validations, mirroring the file renderer's `renderTable`.
 */
export async function fillTable(w: Writer, sheet: Excel.Worksheet, t: TablePlan): Promise<void> {
  const { right, first, last } = extent(t);
  const entries = t.rows.map((r) => r.map(cellEntry));
  await w.writeRows(sheet, entries, (a, b) => rangeAddress(first + a, t.left, first + b, right));

  if (t.headerHeight) (await w.range(sheet, `${t.top}:${t.top}`, 2)).format.rowHeight = t.headerHeight;
  // Rows of the same height in a run share one command; rows whose texts fit keep Excel's default.
  const heights = t.rowHeights ?? [];
  for (let i = 0; i < heights.length; ) {
    const h = heights[i] ?? 0;
    let j = i + 1;
    while (j < heights.length && heights[j] === h) j++;
    if (h > 15) (await w.range(sheet, `${first + i}:${first + j - 1}`, 2)).format.rowHeight = h;
    i = j;
  }

  const header = await w.range(sheet, rangeAddress(t.top, t.left, t.top, right), 2);
  header.format.wrapText = true;
  header.format.verticalAlignment = "Top";
  (await w.range(sheet, rangeAddress(first, t.left, last, right), 1)).format.verticalAlignment = "Top";

  for (const [i, c] of t.columns.entries()) {
    const col = t.left + i;
    if (c.style === "helper") await w.font(await w.range(sheet, rangeAddress(t.top, col, t.top, col), 0), HELPER_HEADER_FONT);
    const range = await w.range(sheet, rangeAddress(first, col, last, col), 0);
    await w.font(range, STYLE_FONTS[c.style]);
    if (c.wrap) {
      await w.cost(1, 1);
      range.format.wrapText = true;
    }
    if (c.numFmt) {
      const formats = t.rows.map(() => [c.numFmt as string]);
      await w.cost(1, 0, jsonBytes(formats));
      range.numberFormat = formats;
    }
    if (c.input) await markInput(w, range);
    if (c.validation) await addValidation(w, range, c.validation);
  }
}
