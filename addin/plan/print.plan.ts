import { columnLetter } from "../model/cell.address.js";
import type { SheetPlan } from "./plan.types.js";

/**
 * Characters of column width a portrait A4 or Letter page holds at 100 % between the margins
 * (about 7.5 in at 96 pixels per inch, 7 pixels a character): a wider sheet prints landscape.
 */
export const PORTRAIT_WIDTH_CHARS = 95;

/**
 * Width (characters) of a column the plan gives no width: Excel's default. Only the
 * orientation depends on it.
 */
const DEFAULT_WIDTH_CHARS = 8.43;

/**
 * A sheet with its print settings, from what it holds: every column a person reads is in the print
 * area (whole columns, so rows a user adds to a register print too, and Excel prints no row past
 * the last one used), the header row `headerRow` repeats on every page, and a sheet wider than a
 * portrait page prints landscape. Both renderers fit the area to one page wide, as many tall as
 * needed: that is what prints it whole on A4 and on Letter alike.
 */
export function withPrint(sheet: Omit<SheetPlan, "print">, headerRow: number): SheetPlan {
  const last = lastColumnOf(sheet);
  let width = 0;
  for (let c = 1; c <= last; c++) width += sheet.widths[c] ?? DEFAULT_WIDTH_CHARS;
  return {
    ...sheet,
    print: {
      orientation: width > PORTRAIT_WIDTH_CHARS ? "landscape" : "portrait",
      repeatRows: { from: headerRow, to: headerRow },
      area: `${columnLetter(1)}:${columnLetter(last)}`,
    },
  };
}

/**
 * The rightmost column a sheet's tables, cells or widths reach, helper columns left out: the
 * grid's per-criterion workings (scored?, weighted points…) are for its formulas, not for a
 * reader, and printing them would shrink every column a person reads.
 */
function lastColumnOf(sheet: Omit<SheetPlan, "print">): number {
  let last = 1;
  const helpers = new Set<number>();
  for (const t of sheet.tables) {
    t.columns.forEach((c, i) => {
      if (c.style === "helper") helpers.add(t.left + i);
      else last = Math.max(last, t.left + i);
    });
  }
  for (const c of sheet.cells) last = Math.max(last, c.col);
  for (const c of Object.keys(sheet.widths)) if (!helpers.has(Number(c))) last = Math.max(last, Number(c));
  return last;
}
