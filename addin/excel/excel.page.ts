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
 * margins, the header row repeated, the print area (whole columns or a range), the manual page
 * breaks after each row of `breaks`, and the header and footer. Page setup is not cell editing, so
 * it is allowed on protected sheets.
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
  const breaks = print.breaks ?? [];
  if (breaks.length > 0) {
    await w.cost(breaks.length, 1, breaks.length * 12);
    // A break goes above the cell given: the page starts on the row after the section's last.
    for (const row of breaks) sheet.horizontalPageBreaks.add(`A${row + 1}`);
  }
  const sections = { ...headerFooterSections(print.header, "Header"), ...headerFooterSections(print.footer, "Footer") };
  const entries = Object.entries(sections);
  if (entries.length > 0) {
    await w.cost(entries.length, 2, entries.reduce((n, [, v]) => n + v.length + 16, 0));
    const page = layout.headersFooters.defaultForAllPages;
    for (const [key, value] of entries) page[key as keyof typeof sections] = value;
  }
}

type Section = "left" | "center" | "right";

/**
 * An Excel header or footer code (`&LLeft&CCentre&RRight`, as a file holds it) split into the
 * three sections Office.js sets one by one (`leftHeader`, `centerHeader`…), each keeping its own
 * codes (`&P`, `&N`, `&D`); text before any section code is the centre's, as in Excel. `&&` is a
 * literal ampersand, not a section code. Absent: no section.
 */
export function headerFooterSections<K extends "Header" | "Footer">(code: string | undefined, kind: K): Partial<Record<`${Section}${K}`, string>> {
  if (code === undefined) return {};
  const found: Partial<Record<Section, string>> = {};
  let section: Section = "center";
  let text = "";
  const flush = (): void => {
    if (text !== "") found[section] = (found[section] ?? "") + text;
    text = "";
  };
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    const next = code[i + 1];
    if (c === "&" && (next === "L" || next === "C" || next === "R")) {
      flush();
      section = next === "L" ? "left" : next === "C" ? "center" : "right";
      i++;
    } else if (c === "&" && next === "&") {
      text += "&&";
      i++;
    } else {
      text += c;
    }
  }
  flush();
  return Object.fromEntries(Object.entries(found).map(([k, v]) => [`${k}${kind}`, v])) as Partial<Record<`${Section}${K}`, string>>;
}
