import type { GenerateProgress } from "../host/host.types.js";
import { columnLetter, quoteSheet } from "../model/cell.address.js";
import type { SheetKey, WorkbookPlan } from "../plan/plan.types.js";
import { clashDetail, planForWorkbook } from "../plan/plan.clashes.js";
import { writeBlockCell } from "./excel.block.js";
import { MAX_REQUEST_BYTES, RequestBudget } from "./excel.budget.js";
import { addPlanCharts } from "./excel.chart.js";
import { renameChartSheets } from "../plan/chart.plan.js";
import { ALL_FEATURES, FEATURE_SETS, type ExcelFeatures } from "./excel.features.js";
import { addConditionalFormat } from "./excel.format.js";
import { freezePanes, pageLayout, protectSheet } from "./excel.page.js";
import { ACTION_BYTES, OBJECT_BYTES, utf8Length } from "./excel.size.js";
import { createTable, fillTable } from "./excel.table.js";
import { columnWidthPoints } from "./excel.units.js";
import { Writer } from "./excel.writer.js";

/** Options of a live generation. */
export interface RenderOptions {
  onProgress?: (p: GenerateProgress) => void;
  /** Largest estimated request before it is split; 4 MB by default (Excel on the web refuses 5 MB). */
  maxRequestBytes?: number;
  /** What this Excel supports (`excelFeatures(Office.context.requirements.isSetSupported)`); all by default. */
  features?: ExcelFeatures;
}

/** What a generation did: its round trips and their estimated sizes. */
export interface RenderReport {
  /** `context.sync()` calls. */
  syncs: number;
  /** Estimated bytes of each request, in order: the preparing read, the writes, the page layout. */
  requestBytes: number[];
  /** The sheet names written, by key (a name already taken in the workbook gets « (2) »). */
  sheets: Partial<Record<SheetKey, string>>;
  /** Parts left out because this Excel lacks them or refused them, in English. */
  warnings: string[];
}

/** A generation either ran or found Qualigrid content it must not overwrite. */
export type RenderOutcome = { ok: true; report: RenderReport } | { ok: false; reason: "gridExists"; detail: string };

/**
 * Renders a workbook plan into the open workbook in a constant number of round trips:
 *
 * 1. one read of the workbook's sheet, table and name lists, checked by `planForWorkbook` (a
 *    Qualigrid table or name already there stops everything: nothing is ever overwritten; a sheet
 *    name already taken is avoided);
 * 2. one request with every write, split only when it would pass `maxRequestBytes`: sheets and
 *    tables first (a formula's structured reference must name an existing table), then names,
 *    then each sheet's content, formats, validations and conditional formats, the dashboard
 *    chart, frozen panes and protection, all in plan order as the file renderer visits them;
 * 3. one request for the print settings (ExcelApi 1.9), whose failure only leaves them out.
 *
 * Calculation is suspended for each write request (`suspendApiCalculationUntilNextSync`), so
 * Excel computes the formulas once, after they are all in place. Office.js errors propagate.
 */
export async function renderPlanToExcel(context: Excel.RequestContext, plan: WorkbookPlan, opts: RenderOptions = {}): Promise<RenderOutcome> {
  const features = opts.features ?? ALL_FEATURES;
  const progress = (stage: GenerateProgress["stage"], fraction: number): void => opts.onProgress?.({ stage, fraction });
  progress("prepare", 0);

  // 1. What the workbook already holds.
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name");
  const tables = wb.tables.load("items/name");
  const names = wb.names.load("items/name");
  await context.sync();
  const requestBytes = [3 * (ACTION_BYTES + OBJECT_BYTES)];
  const placed = planForWorkbook(plan, {
    tables: tables.items.map((t) => t.name),
    sheets: sheets.items.map((s) => s.name),
    definedNames: names.items.map((n) => n.name),
  });
  if (!placed.ok) return { ok: false, reason: "gridExists", detail: clashDetail(placed.clashes) };
  const p = placed.plan;
  progress("prepare", 0.1);

  // 2. Every write, in as few requests as the limit allows.
  const suspend = (): number => {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    return ACTION_BYTES + OBJECT_BYTES;
  };
  const total = p.sheets.reduce((n, s) => n + s.cells.length + s.tables.reduce((m, t) => m + t.rows.length * t.columns.length, 0), 0);
  const budget = new RequestBudget(context, opts.maxRequestBytes ?? MAX_REQUEST_BYTES, {
    onStart: suspend,
    onSent: () => progress("write", 0.1 + 0.8 * Math.min(1, w.cells / Math.max(1, total))),
  });
  const w = new Writer(context, budget, features);
  if (!features.dataValidation) w.warnings.push(`data validation needs ${FEATURE_SETS.dataValidation}: drop-down lists left out`);

  const ws = new Map<SheetKey, Excel.Worksheet>();
  for (const s of p.sheets) {
    await w.cost(2, 1, utf8Length(s.name) + 16);
    const sheet = wb.worksheets.add(s.name);
    sheet.tabColor = `#${s.tabColor}`;
    ws.set(s.key, sheet);
    for (const t of s.tables) await createTable(w, sheet, t);
  }
  for (const n of p.names) {
    const ref = `=${quoteSheet(n.sheet)}!${n.ref}`;
    await w.cost(1, 1, utf8Length(n.name) + utf8Length(ref));
    wb.names.add(n.name, ref);
  }
  for (const s of p.sheets) {
    const sheet = ws.get(s.key) as Excel.Worksheet;
    for (const [col, width] of Object.entries(s.widths)) {
      const letter = columnLetter(Number(col));
      (await w.range(sheet, `${letter}:${letter}`, 2)).format.columnWidth = columnWidthPoints(width);
    }
    for (const t of s.tables) await fillTable(w, sheet, t);
    for (const c of s.cells) await writeBlockCell(w, sheet, c);
    for (const cf of s.conditionalFormats) await addConditionalFormat(w, sheet, cf);
  }
  progress("format", 0.9);
  // Charts name sheets in their references: those renamed to avoid a taken name (« … (2) ») follow.
  const renamed = new Map(plan.sheets.flatMap((s, i) => (p.sheets[i] && p.sheets[i].name !== s.name ? [[s.name, p.sheets[i].name] as const] : [])));
  const byName = new Map(p.sheets.map((s) => [s.name.toLowerCase(), ws.get(s.key) as Excel.Worksheet]));
  const sheetNamed = (n: string): Excel.Worksheet => byName.get(n.toLowerCase()) ?? wb.worksheets.getItem(n);
  for (const s of p.sheets) {
    const sheet = ws.get(s.key) as Excel.Worksheet;
    await addPlanCharts(w, sheet, { ...s, charts: (s.charts ?? []).map((c) => renameChartSheets(c, renamed)) }, sheetNamed);
    await freezePanes(w, sheet, s.freeze);
    if (s.protect) await protectSheet(w, sheet);
  }
  const active = ws.get(p.activeSheet);
  if (active) {
    await w.cost(1, 0);
    active.activate();
  }
  await budget.send();
  requestBytes.push(...budget.sent);
  let syncs = 1 + budget.sent.length;

  // 3. Print settings, optional: a refusal leaves them out, the workbook is complete without them.
  if (features.pageLayout) {
    const pages = new RequestBudget(context, Number.POSITIVE_INFINITY);
    const pw = new Writer(context, pages, features);
    for (const s of p.sheets) await pageLayout(pw, ws.get(s.key) as Excel.Worksheet, s.print);
    requestBytes.push(pages.queued);
    syncs++;
    try {
      await pages.send();
    } catch (e) {
      w.warnings.push(`print settings left out: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else {
    w.warnings.push(`page layout needs ${FEATURE_SETS.pageLayout}: print settings left out`);
  }
  progress("done", 1);
  return {
    ok: true,
    report: { syncs, requestBytes, sheets: Object.fromEntries(p.sheets.map((s) => [s.key, s.name])), warnings: w.warnings },
  };
}
