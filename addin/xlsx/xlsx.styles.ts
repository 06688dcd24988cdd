import type ExcelJS from "exceljs";
import type { CellStyle } from "../plan/plan.types.js";

/** Fonts and fills of each plan style. Input cells are tinted so people see where to type. */
export const STYLE_FONTS: Record<CellStyle, Partial<ExcelJS.Font>> = {
  title: { bold: true, size: 14, color: { argb: "FF1F4E79" } },
  subtitle: { bold: true, size: 12, color: { argb: "FF1F4E79" } },
  note: { italic: true, size: 9, color: { argb: "FF595959" } },
  label: { bold: true },
  figure: { bold: true, size: 12 },
  input: {},
  computed: {},
  helper: { italic: true, color: { argb: "FF808080" } },
};

/** The fill of input cells. */
export const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF8E1" } };

/** Colours of the conditional colour scales (low → middle → high). */
export const SCALE_COLORS = {
  redYellowGreen: ["FFF8696B", "FFFFEB84", "FF63BE7B"],
  greenYellowRed: ["FF63BE7B", "FFFFEB84", "FFF8696B"],
} as const;
