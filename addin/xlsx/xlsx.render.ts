import ExcelJS from "exceljs";
import { quoteSheet } from "../model/cell.address.js";
import type { BlockCell, ColumnPlan, ConditionalFormatPlan, PlanValue, SheetPlan, TablePlan, ValidationRule, WorkbookPlan } from "../plan/plan.types.js";
import { calculatedColumnFormula } from "../plan/calculated.js";
import { clashDetail, planForWorkbook, type WorkbookNames } from "../plan/plan.clashes.js";
import { PRINT_MARGINS } from "../plan/styles.js";
import { definedNameModels, sheetValidations } from "./exceljs.internals.js";
import { patchExcelJs } from "./exceljs.patch.js";
import { HELPER_HEADER_FONT, INPUT_FILL, SCALE_COLORS, STYLE_FONTS } from "./xlsx.styles.js";
import { findTables } from "./xlsx.tables.js";
import { writeWithDrawings } from "./xlsx.carry.js";
import { rememberCharts, rememberedCharts } from "./xlsx.charts.js";
import { renameChartSheets } from "../plan/chart.plan.js";

patchExcelJs();

/**
 * Renders a workbook plan into a new exceljs workbook, visiting sheets, tables and cells in plan
 * order (as `addin/excel` does in the open workbook). Formulas carry no cached value and the
 * workbook asks for a full calculation on load, so what opens is always computed afresh.
 */
export async function renderPlanToWorkbook(plan: WorkbookPlan): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Qualigrid";
  wb.created = new Date();
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) await renderSheet(wb, sheet);
  for (const n of plan.names) wb.definedNames.add(`${quoteSheet(n.sheet)}!${n.ref}`, n.name);
  const active = plan.sheets.findIndex((s) => s.key === plan.activeSheet);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: "visible" }];
  // exceljs cannot write a chart: the workbook remembers its plan's, written when it is saved (`xlsx.charts.ts`).
  rememberCharts(wb, plan.sheets.flatMap((s) => (s.charts ?? []).map((chart) => ({ sheet: s.name, chart }))));
  return wb;
}

/** Why a plan was not rendered into an existing workbook. */
export type RenderIntoOutcome = { ok: true } | { ok: false; reason: "gridExists"; detail: string };

/**
 * Renders a plan into a workbook that already holds sheets of its own (the browser workbench's
 * opened file), as `addin/excel` does in the open workbook: a Qualigrid table or name already there
 * stops everything (`planForWorkbook`: nothing is overwritten), a sheet name already taken is avoided (« … (2) »), the
 * workbook's own sheets are left as they were, and the plan's sheets come after them.
 */
export async function renderPlanIntoWorkbook(wb: ExcelJS.Workbook, plan: WorkbookPlan): Promise<RenderIntoOutcome> {
  const placed = planForWorkbook(plan, workbookNamesOf(wb));
  if (!placed.ok) return { ok: false, reason: "gridExists", detail: clashDetail(placed.clashes) };
  const p = placed.plan;
  const before = wb.worksheets.length;
  for (const sheet of p.sheets) await renderSheet(wb, sheet);
  // Sheets renamed to avoid taken names (« … (2) »): their charts' references follow.
  const renamed = new Map(plan.sheets.flatMap((s, i) => (p.sheets[i] && p.sheets[i].name !== s.name ? [[s.name, p.sheets[i].name] as const] : [])));
  rememberCharts(wb, p.sheets.flatMap((s) => (s.charts ?? []).map((chart) => ({ sheet: s.name, chart: renameChartSheets(chart, renamed) }))));
  for (const n of p.names) wb.definedNames.add(`${quoteSheet(n.sheet)}!${n.ref}`, n.name);
  wb.calcProperties.fullCalcOnLoad = true;
  const active = p.sheets.findIndex((s) => s.key === p.activeSheet);
  // A workbook exceljs made or loaded without a <bookViews> has no views.
  const view = (wb.views as ExcelJS.WorkbookView[] | undefined)?.[0] ?? { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: "visible" as const };
  wb.views = [{ ...view, firstSheet: 0, activeTab: before + Math.max(0, active) }];
  return { ok: true };
}

/** The table, sheet and defined names of a workbook (exceljs keeps defined names in `definedNames.model`). */
export function workbookNamesOf(wb: ExcelJS.Workbook): WorkbookNames {
  return {
    tables: [...findTables(wb).values()].map((t) => t.name),
    sheets: wb.worksheets.map((ws) => ws.name),
    definedNames: definedNameModels(wb)
      .map((m) => m.name ?? "")
      .filter((n) => n !== ""),
  };
}

/** Renders a plan to .xlsx bytes. */
export async function renderPlanToBuffer(plan: WorkbookPlan): Promise<Uint8Array> {
  const wb = await renderPlanToWorkbook(plan);
  return writeWithDrawings(wb, wb, rememberedCharts(wb));
}

async function renderSheet(wb: ExcelJS.Workbook, sheet: SheetPlan): Promise<void> {
  const ws = wb.addWorksheet(sheet.name, {
    properties: { tabColor: { argb: `FF${sheet.tabColor}` } },
    views: [
      sheet.freeze.rows > 0 || sheet.freeze.cols > 0
        ? { state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows, zoomScale: 100 }
        : { state: "normal", zoomScale: 100 },
    ],
    // One page wide, as many tall as needed (fitToHeight 0); the paper is left to the printer's default.
    pageSetup: {
      orientation: sheet.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { ...PRINT_MARGINS },
      printTitlesRow: `${sheet.print.repeatRows.from}:${sheet.print.repeatRows.to}`,
      printArea: sheet.print.area,
    },
  });
  // Page breaks between sections, header and footer (`printSettings`).
  printSettings(ws, sheet.print);
  for (const [col, width] of Object.entries(sheet.widths)) ws.getColumn(Number(col)).width = width;
  for (const t of sheet.tables) renderTable(ws, t);
  for (const c of sheet.cells) renderCell(ws, c);
  for (const cf of sheet.conditionalFormats) renderConditionalFormat(ws, cf);
  if (sheet.protect) {
    // No password: the protection guards formulas from slips, it is not a secret.
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
      sort: true,
    });
  }
}

/**
 * The print settings exceljs takes outside `pageSetup`: a manual page break after each row of
 * `print.breaks` (a section's last row), and the page header and footer (Excel's codes, the same
 * on every page).
 */
function printSettings(ws: ExcelJS.Worksheet, print: SheetPlan["print"]): void {
  // Across every column (exceljs's default `max` is past Excel's last column).
  for (const row of print.breaks ?? []) ws.getRow(row).addPageBreak(1, 16384);
  if (print.header !== undefined) ws.headerFooter.oddHeader = print.header;
  if (print.footer !== undefined) ws.headerFooter.oddFooter = print.footer;
}

function renderTable(ws: ExcelJS.Worksheet, t: TablePlan): void {
  ws.addTable({
    name: t.name,
    ref: ws.getCell(t.top, t.left).address,
    headerRow: true,
    totalsRow: false,
    style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: t.columns.map((c, i) => {
      // Without its `=`, as the table XML holds it.
      const formula = calculatedColumnFormula(t.rows, i)?.replace(/^=/, "");
      return formula ? { name: c.header, filterButton: true, calculatedColumnFormula: formula } : { name: c.header, filterButton: true };
    }),
    rows: t.rows.map((r) => r.map(toExcelValue)),
  });
  const first = t.top + 1;
  const last = t.top + t.rows.length;
  if (t.headerHeight) ws.getRow(t.top).height = t.headerHeight;
  t.rowHeights?.forEach((h, i) => {
    if (h > 15) ws.getRow(first + i).height = h;
  });
  t.columns.forEach((c, i) => {
    const col = t.left + i;
    const header = ws.getCell(t.top, col);
    header.alignment = { wrapText: true, vertical: "top" };
    if (c.style === "helper") header.font = HELPER_HEADER_FONT;
    const style = columnStyle(c);
    for (let r = first; r <= last; r++) {
      const cell = ws.getCell(r, col);
      cell.style = style;
    }
    if (c.validation) addValidation(ws, `${ws.getCell(first, col).address}:${ws.getCell(last, col).address}`, c.validation);
  });
}

/** One style object per column, shared by its cells (exceljs copies on write, not on assignment). */
function columnStyle(c: ColumnPlan): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: STYLE_FONTS[c.style],
    alignment: { vertical: "top", wrapText: c.wrap ?? false },
    protection: { locked: !c.input },
  };
  if (c.numFmt) style.numFmt = c.numFmt;
  if (c.input) style.fill = INPUT_FILL;
  return style;
}

function renderCell(ws: ExcelJS.Worksheet, c: BlockCell): void {
  const cell = ws.getCell(c.row, c.col);
  cell.value = toExcelValue(c.value);
  cell.font = STYLE_FONTS[c.style];
  if (c.numFmt) cell.numFmt = c.numFmt;
  if (c.wrap) cell.alignment = { wrapText: true, vertical: "top" };
  if (c.input) {
    cell.protection = { locked: false };
    cell.fill = INPUT_FILL;
  }
  if (c.validation) addValidation(ws, cell.address, c.validation);
}

/** exceljs has `dataValidations` on worksheets but leaves it out of its types. */
function addValidation(sheet: ExcelJS.Worksheet, ref: string, v: ValidationRule): void {
  const validations = sheetValidations(sheet);
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: "stop", error: v.message } as const;
  switch (v.type) {
    case "list":
      validations.add(ref, { ...common, type: "list", formulae: [v.source.replace(/^=/, "")] });
      break;
    case "decimal":
      validations.add(ref, { ...common, type: "decimal", operator: "between", formulae: [v.min, v.max] });
      break;
    case "date":
      // Any real date: from 1900-01-01 on (serial 1).
      validations.add(ref, { ...common, type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(1900, 0, 1))] });
      break;
  }
}

function renderConditionalFormat(ws: ExcelJS.Worksheet, cf: ConditionalFormatPlan): void {
  if (cf.type === "expression") {
    ws.addConditionalFormatting({
      ref: cf.ref,
      rules: [{ type: "expression", priority: 1, formulae: [cf.formula], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${cf.fill}` } } } }],
    });
  } else if (cf.type === "colorScale") {
    const [low, mid, high] = SCALE_COLORS[cf.colors];
    ws.addConditionalFormatting({
      ref: cf.ref,
      rules: [
        {
          type: "colorScale",
          priority: 1,
          cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
          color: [{ argb: low }, { argb: mid }, { argb: high }],
        },
      ],
    });
  } else {
    ws.addConditionalFormatting({
      ref: cf.ref,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          minLength: 0,
          maxLength: 100,
          gradient: true,
          cfvo: [
            { type: "num", value: 0 },
            { type: "num", value: 1 },
          ],
          color: { argb: `FF${cf.color}` },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
}

/** A plan value as exceljs takes it: formulas without their `=`; strings stay strings (text, never a formula). */
export function toExcelValue(v: PlanValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "object") return { formula: v.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  return v;
}
