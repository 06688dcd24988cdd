import type { CellStyle } from "./plan.types.js";

/** A font as both renderers apply it: colours are RGB hex without `#`. */
export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
}

/** Fonts of each plan style. Input cells are tinted (see `INPUT_FILL`) so people see where to type. */
export const STYLE_FONTS: Record<CellStyle, FontStyle> = {
  title: { bold: true, size: 14, color: "1F4E79" },
  subtitle: { bold: true, size: 12, color: "1F4E79" },
  note: { italic: true, size: 9, color: "595959" },
  label: { bold: true },
  figure: { bold: true, size: 12 },
  input: {},
  computed: {},
  helper: { italic: true, color: "808080" },
};

/** The header font of helper columns: present for those who look, faint for those who do not. */
export const HELPER_HEADER_FONT: FontStyle = { bold: true, italic: true, color: "D9D9D9" };

/** The fill (RGB) of input cells. */
export const INPUT_FILL = "FFF8E1";

/** Colours (RGB) of the conditional colour scales, low → middle → high. */
export const SCALE_COLORS = {
  redYellowGreen: ["F8696B", "FFEB84", "63BE7B"],
  greenYellowRed: ["63BE7B", "FFEB84", "F8696B"],
} as const;

/** Page margins of every printed sheet, in inches (left/right, top/bottom, header/footer). */
export const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } as const;
