import { rangeAddress } from "../model/cell.address.js";
import type { SheetPlan } from "../plan/plan.types.js";
import { PRINT_MARGINS } from "../plan/styles.js";
import { inchesToPoints } from "./excel.units.js";
import type { Writer } from "./excel.writer.js";

/** Keeps the plan's first rows and columns in view (ExcelApi 1.7). */
export async function freezePanes(w: Writer, sheet: Excel.Worksheet, freeze: SheetPlan["freeze"]): Promise<void> {
  if (freeze.rows <= 0 && freeze.cols <= 0) return;
  await w.cost(1, 1, 16);
  if (freeze.rows > 0 && freeze.cols > 0) sheet.freezePanes.freezeAt(rangeAddress(1, 1, freeze.rows, freeze.cols));
  else if (freeze.rows > 0) sheet.freezePanes.freezeRows(freeze.rows);
  else sheet.freezePanes.freezeColumns(freeze.cols);
}

/**
 * The sheet protection of the file renderer: no password (it guards formulas from slips, it is not
 * a secret), locked cells selectable, columns and rows resizable, filters and sorts allowed.
 */
export const PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowSort: true,
  selectionMode: "Normal",
};

/** Protects a sheet as the plan asks; input cells were unlocked when written. */
export async function protectSheet(w: Writer, sheet: Excel.Worksheet): Promise<void> {
  await w.cost(1, 1, 120);
  sheet.protection.protect(PROTECTION);
}

/**
 * The plan's print settings (ExcelApi 1.9): orientation, one page wide, the file renderer's
 * margins, the header row repeated, the print area. Page setup is not cell editing, so it is
 * allowed on protected sheets.
 */
export async function pageLayout(w: Writer, sheet: Excel.Worksheet, print: SheetPlan["print"]): Promise<void> {
  await w.cost(9, 2, 200);
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  // Fit to one page wide; 0 pages tall means "as many as needed", as `fitToHeight="0"` in a file.
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.leftMargin = inchesToPoints(PRINT_MARGINS.left);
  layout.rightMargin = inchesToPoints(PRINT_MARGINS.right);
  layout.topMargin = inchesToPoints(PRINT_MARGINS.top);
  layout.bottomMargin = inchesToPoints(PRINT_MARGINS.bottom);
  layout.headerMargin = inchesToPoints(PRINT_MARGINS.header);
  layout.footerMargin = inchesToPoints(PRINT_MARGINS.footer);
  layout.setPrintTitleRows(`$${print.repeatRows.from}:$${print.repeatRows.to}`);
  layout.setPrintArea(print.area);
}
