import type ExcelJS from "exceljs";
import type { CellStyle } from "../plan/plan.types.js";
import { HELPER_HEADER_FONT as HELPER_HEADER, INPUT_FILL as INPUT_RGB, SCALE_COLORS as SCALES, STYLE_FONTS as FONTS, type FontStyle } from "../plan/styles.js";

/** A plan font (addin/plan/styles.ts) as exceljs takes it. */
function excelJsFont(f: FontStyle): Partial<ExcelJS.Font> {
  // Named: a font element without a name is drawn in the reader's default face (LibreOffice prints
  // it in a serif), not the workbook's Calibri, and every width on paper is measured in Calibri.
  const font: Partial<ExcelJS.Font> = { name: "Calibri", family: 2 };
  if (f.bold !== undefined) font.bold = f.bold;
  if (f.italic !== undefined) font.italic = f.italic;
  if (f.size !== undefined) font.size = f.size;
  if (f.color !== undefined) font.color = { argb: `FF${f.color}` };
  return font;
}

/** Fonts of each plan style, as exceljs takes them. */
export const STYLE_FONTS: Record<CellStyle, Partial<ExcelJS.Font>> = Object.fromEntries(
  Object.entries(FONTS).map(([k, f]) => [k, excelJsFont(f)]),
) as Record<CellStyle, Partial<ExcelJS.Font>>;

/** The header font of helper columns. */
export const HELPER_HEADER_FONT: Partial<ExcelJS.Font> = excelJsFont(HELPER_HEADER);

/** The fill of input cells. */
export const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${INPUT_RGB}` } };

/** Colours of the conditional colour scales (low → middle → high), as ARGB. */
export const SCALE_COLORS = {
  redYellowGreen: SCALES.redYellowGreen.map((c) => `FF${c}`) as [string, string, string],
  greenYellowRed: SCALES.greenYellowRed.map((c) => `FF${c}`) as [string, string, string],
};
