import type ExcelJS from "exceljs";
import { issueOf } from "../model/messages/message.catalog.js";
import "../model/messages/messages.report.js";
import type { Result } from "../model/template.types.js";
import { SHEET_NAMES } from "../plan/labels.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import { saveWorkbook } from "./xlsx.io.js";
import { upgradeWorkbook } from "./xlsx.upgrade.js";

/** The papers a report prints on, with OOXML's `paperSize` code (exceljs's type leaves Letter out). */
export const PAPERS = { a4: { code: 9, name: "A4" }, letter: { code: 1, name: "Letter" } } as const;

/** A paper a report prints on. */
export type Paper = keyof typeof PAPERS;

/**
 * A cell no Qualigrid sheet ever fills: the print area of the sheets that must not print. LibreOffice
 * prints hidden sheets too (checked with 7.4: `state="hidden"` is not enough), but it leaves out empty
 * pages (`/org.openoffice.Office.Calc/Print/Page/EmptyPages`, false by default), so a sheet whose print
 * area is one empty cell prints nothing.
 */
const NOTHING = "XFD1048576:XFD1048576";

/**
 * Makes a workbook print one sheet only, on `paper` (the copy `qualigrid report` prints; never the
 * user's file): every other sheet hidden, with an empty print area and no repeated rows; the sheet
 * shown, active and selected, its paper set. Returns false when the workbook has no sheet `name`.
 */
export function printOnly(wb: ExcelJS.Workbook, name: string, paper: Paper): boolean {
  const sheets = wb.worksheets;
  const index = sheets.findIndex((ws) => ws.name === name);
  const shown = sheets[index];
  if (!shown) return false;
  for (const ws of sheets) {
    if (ws === shown) continue;
    ws.state = "hidden";
    ws.pageSetup.printArea = NOTHING;
    delete ws.pageSetup.printTitlesRow;
    delete ws.pageSetup.printTitlesColumn;
    // The shown sheet alone is selected, as a person leaves it before printing one sheet.
    for (const view of ws.views) (view as { tabSelected?: boolean }).tabSelected = false;
  }
  shown.state = "visible";
  shown.pageSetup.paperSize = PAPERS[paper].code as number as ExcelJS.PaperSize;
  const view = wb.views[0];
  wb.views = [{ ...(view ?? { x: 0, y: 0, width: 20_000, height: 12_000, visibility: "visible" }), activeTab: index, firstSheet: index }];
  return true;
}

/** Which report: the board's « Rapport » or the committee's « Rapport de visite ». */
export type ReportKind = "report" | "visit";

/**
 * The `.xlsx` bytes `qualigrid report` prints: the workbook re-rendered with the current layout
 * (`upgradeWorkbook` to its own template: a workbook made before the report sheets gets them, and
 * every formula is today's), then made to print the report sheet only, on `paper` (`printOnly`).
 * The workbook `old` is not changed. A workbook that has no such sheet (no dashboard) is an issue
 * naming `file`.
 */
export async function printableCopy(old: ExcelJS.Workbook, a: AssessmentWorkbook, kind: ReportKind, paper: Paper, file: string): Promise<Result<Uint8Array>> {
  const done = await upgradeWorkbook(old, a, a.template);
  if (!done.ok) return done;
  const sheet = SHEET_NAMES[kind][a.lang];
  if (!printOnly(done.value.workbook, sheet, paper)) return { ok: false, issues: [issueOf("report.noSheet", { sheet }, file)] };
  return { ok: true, value: await saveWorkbook(done.value.workbook, { carryFrom: old }), warnings: [] };
}
