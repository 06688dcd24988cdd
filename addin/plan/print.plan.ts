import { columnLetter } from "../model/cell.address.js";
import type { SheetPlan } from "./plan.types.js";
import { STYLE_FONTS } from "./styles.js";

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
  const last = Math.max(lastColumnOf(sheet), lastColumnOfOverflow(sheet));
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

/**
 * The column a long text outside the tables (a sheet's title) reaches as it spills over the empty
 * cells to its right: on paper a text is cut at the print area's edge, so the area takes it in.
 * Its width is estimated from its length and its style's font (11 pt being Excel's width unit).
 */
function lastColumnOfOverflow(sheet: Omit<SheetPlan, "print">): number {
  let last = 1;
  for (const cell of sheet.cells) {
    if (typeof cell.value !== "string" || cell.wrap) continue;
    // Another cell, or a table, to its right on the same row stops the spill (on screen too).
    const blocked =
      sheet.cells.some((c) => c.row === cell.row && c.col > cell.col) ||
      sheet.tables.some((t) => cell.row >= t.top && cell.row <= t.top + t.rows.length && t.left + t.columns.length - 1 > cell.col);
    if (blocked) continue;
    const font = STYLE_FONTS[cell.style];
    let need = cell.value.length * ((font.size ?? 11) / 11) * (font.bold ? 1.1 : 1);
    let col = cell.col;
    for (;;) {
      need -= sheet.widths[col] ?? DEFAULT_WIDTH_CHARS;
      if (need <= 0) break;
      col++;
    }
    last = Math.max(last, col);
  }
  return last;
}
