import { cellAddress } from "../model/cell.address.js";
import type { BlockCell } from "../plan/plan.types.js";
import { STYLE_FONTS } from "../plan/styles.js";
import { jsonBytes } from "./excel.size.js";
import { cellEntry } from "./excel.values.js";
import { addValidation, markInput } from "./excel.format.js";
import type { Writer } from "./excel.writer.js";

/** Writes a cell outside tables (title, label, figure, input), as the file renderer's `renderCell`. */
export async function writeBlockCell(w: Writer, sheet: Excel.Worksheet, c: BlockCell): Promise<void> {
  const entry = [[cellEntry(c.value)]];
  const range = await w.range(sheet, cellAddress(c.row, c.col), 1, jsonBytes(entry));
  range.formulas = entry;
  w.cells++;
  await w.font(range, STYLE_FONTS[c.style]);
  if (c.numFmt) {
    await w.cost(1, 0, jsonBytes(c.numFmt));
    range.numberFormat = [[c.numFmt]];
  }
  if (c.wrap) {
    await w.cost(2, 1);
    range.format.wrapText = true;
    range.format.verticalAlignment = "Top";
  }
  if (c.input) await markInput(w, range);
  if (c.validation) await addValidation(w, range, c.validation);
}
