import type ExcelJS from "exceljs";
import type { AssessmentWorkbook } from "../model/assessment.types.js";
import type { Criterion, Template } from "../model/template.types.js";
import { SHEET_NAMES } from "../plan/labels.js";
import { TABLES } from "../plan/names.js";
import { buildPlan, DEFAULT_PLAN_OPTIONS } from "../plan/plan.build.js";
import type { PlanOptions, TablePlan } from "../plan/plan.types.js";
import { findTables, type FoundTable } from "./xlsx.tables.js";
import { loadWorkbook } from "./xlsx.io.js";
import { renderPlanToBuffer } from "./xlsx.render.js";

/** What an upgrade did to the criteria, by id. */
export interface UpgradeSummary {
  from: { id: string; version: string };
  to: { id: string; version: string };
  /** Criteria present in both versions, unchanged. */
  kept: string[];
  /** Criteria present in both versions whose text, weight or target level changed. */
  updated: string[];
  /** Grid rows whose criterion is not in the new version: moved, with all their answers, to the archive sheet. */
  archived: string[];
  /** Criteria new in this version: unanswered. */
  added: string[];
  /** The archive sheet's name, when criteria were archived. */
  archiveSheet: string | null;
  /** User-added sheets copied over. */
  sheetsCopied: string[];
  /** User-added grid columns carried over (headers). */
  columnsCopied: string[];
}

/**
 * Upgrades a Qualigrid workbook to a new template version: a new workbook is generated from the
 * new version's plan (same language and parts, the dashboard targets the user changed), then every
 * user-entered value of the old one is carried over: grid inputs of kept criteria (matched by id,
 * case-insensitively), grid columns the user added (to the right of the new grid table), every row
 * of the evidence register and the action plan (input columns and added columns), and sheets the
 * user added (cell by cell). Grid rows of removed criteria go whole to an « Archive » sheet.
 * The old workbook is not modified.
 */
export async function upgradeWorkbook(
  old: ExcelJS.Workbook,
  a: AssessmentWorkbook,
  next: Template,
): Promise<{ workbook: ExcelJS.Workbook; summary: UpgradeSummary }> {
  const oldTables = findTables(old);
  const oldGrid = oldTables.get(TABLES.grid.toLowerCase());
  if (!oldGrid) throw new Error("the grid table vanished between reading and upgrading");
  const oldEvidence = oldTables.get(TABLES.evidence.toLowerCase());
  const oldActions = oldTables.get(TABLES.actions.toLowerCase());
  const lang = a.lang;
  const parts = { evidence: !!oldEvidence, actions: !!oldActions, dashboard: oldTables.has(TABLES.scores.toLowerCase()) };

  // Dashboard targets the user changed, for dimensions still present.
  const nextDims = new Map(next.dimensions.map((d) => [d.id.toLowerCase(), d.id]));
  const targets: Record<string, number> = {};
  for (const d of a.template.dimensions) {
    const set = a.targets[d.id];
    const id = nextDims.get(d.id.toLowerCase());
    if (set !== undefined && id !== undefined && set !== (d.target ?? a.template.target)) targets[id] = set;
  }
  const options: Partial<PlanOptions> = {
    lang,
    parts,
    targets,
    blankRows: Math.max(DEFAULT_PLAN_OPTIONS.blankRows, rowsOf(oldEvidence), rowsOf(oldActions)),
  };
  if (a.overallTarget !== null && a.overallTarget !== a.template.target) options.overallTarget = a.overallTarget;
  const plan = buildPlan(next, options);
  const loaded = await loadWorkbook(await renderPlanToBuffer(plan), "upgrade");
  if (!loaded.ok) throw new Error(`the generated workbook cannot be read back: ${loaded.issues.map((i) => i.message).join("; ")}`);
  const wb = loaded.value;
  const newTables = findTables(wb);
  const planTable = (name: string): TablePlan | undefined => plan.sheets.flatMap((s) => s.tables).find((t) => t.name === name);
  const summary: UpgradeSummary = {
    from: { id: a.template.id, version: a.template.version },
    to: { id: next.id, version: next.version },
    kept: [],
    updated: [],
    archived: [],
    added: [],
    archiveSheet: null,
    sheetsCopied: [],
    columnsCopied: [],
  };

  // The grid.
  const gridPlan = planTable(TABLES.grid);
  const newGrid = newTables.get(TABLES.grid.toLowerCase());
  if (!gridPlan || !newGrid) throw new Error("the new plan has no grid");
  const oldRowOf = new Map<string, number>();
  for (const r of a.grid) if (!oldRowOf.has(r.criterion.toLowerCase())) oldRowOf.set(r.criterion.toLowerCase(), r.row);
  const critCol = gridPlan.columns.findIndex((c) => c.key === "criterion");
  const newIds = new Set<string>();
  const gridRowMap = new Map<number, number>();
  gridPlan.rows.forEach((row, i) => {
    const id = String(row[critCol] ?? "");
    newIds.add(id.toLowerCase());
    const oldRow = oldRowOf.get(id.toLowerCase());
    if (oldRow !== undefined) gridRowMap.set(newGrid.top + 1 + i, oldRow);
  });
  copyInputs(oldGrid, newGrid, gridPlan, gridRowMap);
  const extra = extraColumns(oldGrid, gridPlan, [oldGrid.top, ...a.grid.map((r) => r.row)]);
  copyExtra(oldGrid, newGrid, extra, gridRowMap);
  summary.columnsCopied = extra.map((c) => c.header);

  const oldCriteria = new Map<string, Criterion>();
  for (const d of a.template.dimensions) for (const c of d.criteria) oldCriteria.set(c.id.toLowerCase(), c);
  for (const d of next.dimensions) {
    for (const c of d.criteria) {
      const was = oldCriteria.get(c.id.toLowerCase());
      if (!was && !oldRowOf.has(c.id.toLowerCase())) summary.added.push(c.id);
      else if (was && changed(was, c)) summary.updated.push(c.id);
      else summary.kept.push(c.id);
    }
  }

  // Removed criteria: their whole grid rows (inputs, template details, added columns) to the archive.
  const removed = a.grid.filter((r) => !newIds.has(r.criterion.toLowerCase()));
  const oldSheetNames = new Set(Object.values(SHEET_NAMES).map((n) => n[lang].toLowerCase()));
  const userSheets = old.worksheets.filter((ws) => !oldSheetNames.has(ws.name.toLowerCase()));
  if (removed.length > 0) {
    const taken = new Set([...wb.worksheets, ...userSheets].map((w) => w.name.toLowerCase()));
    let name = "Archive";
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `Archive ${n}`;
    const ws = wb.addWorksheet(name);
    ws.getCell(1, 1).value =
      lang === "fr"
        ? `Critères retirés par la mise à jour de ${a.template.id} ${a.template.version} vers ${next.version}, avec toutes leurs réponses.`
        : `Criteria removed by the upgrade of ${a.template.id} ${a.template.version} to ${next.version}, with all their answers.`;
    const cols: number[] = [];
    for (let c = oldGrid.left; c <= oldGrid.right; c++) cols.push(c);
    for (const e of extra) if (e.col > oldGrid.right) cols.push(e.col);
    cols.forEach((c, j) => {
      ws.getCell(3, j + 1).value = valueOnly(oldGrid.sheet.getCell(oldGrid.top, c));
      ws.getColumn(j + 1).width = 16;
    });
    removed.forEach((r, i) => {
      cols.forEach((c, j) => (ws.getCell(4 + i, j + 1).value = valueOnly(oldGrid.sheet.getCell(r.row, c))));
      summary.archived.push(r.criterion);
    });
    summary.archiveSheet = name;
  }

  // The registers: every row, in order, all input columns and added columns.
  for (const [name, oldT] of [[TABLES.evidence, oldEvidence], [TABLES.actions, oldActions]] as const) {
    const p = planTable(name);
    const newT = newTables.get(name.toLowerCase());
    if (!oldT || !p || !newT) continue;
    const map = new Map<number, number>();
    for (let i = 1; i <= oldT.bottom - oldT.top; i++) map.set(newT.top + i, oldT.top + i);
    if (newT.bottom - newT.top < oldT.bottom - oldT.top) throw new Error(`the new ${name} table is too short`);
    copyInputs(oldT, newT, p, map);
    const rows: number[] = [];
    for (let r = oldT.top; r <= oldT.bottom; r++) rows.push(r);
    copyExtra(oldT, newT, extraColumns(oldT, p, rows), map);
  }

  // Sheets the user added: cell by cell, values and formulas.
  for (const src of userSheets) {
    const dst = wb.addWorksheet(src.name);
    src.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const to = dst.getCell(r, c);
        to.value = cell.value;
        to.style = { ...cell.style };
      });
    });
    src.columns.forEach((col, i) => {
      if (col.width !== undefined) dst.getColumn(i + 1).width = col.width;
    });
    summary.sheetsCopied.push(src.name);
  }
  return { workbook: wb, summary };
}

function rowsOf(t: FoundTable | undefined): number {
  return t ? t.bottom - t.top : 0;
}

function changed(a: Criterion, b: Criterion): boolean {
  return JSON.stringify(a.text) !== JSON.stringify(b.text) || a.weight !== b.weight || a.targetLevel !== b.targetLevel;
}

/** Where a header sits in a found table (1-based sheet column), case-insensitively. */
function columnOf(t: FoundTable, header: string): number | undefined {
  const i = t.headers.findIndex((h) => h.toLowerCase() === header.trim().toLowerCase());
  return i < 0 ? undefined : t.left + i;
}

/** Copies the plan's input columns from old rows to new rows (`rowMap`: new row → old row). */
function copyInputs(oldT: FoundTable, newT: FoundTable, p: TablePlan, rowMap: Map<number, number>): void {
  p.columns.forEach((col, j) => {
    if (!col.input) return;
    const from = columnOf(oldT, col.header);
    if (from === undefined) return;
    for (const [to, fromRow] of rowMap) {
      const v = oldT.sheet.getCell(fromRow, from).value;
      if (v !== null && v !== undefined && v !== "") newT.sheet.getCell(to, newT.left + j).value = v;
    }
  });
}

interface ExtraColumn {
  col: number;
  header: string;
}

/**
 * Columns a user added to a table: inside it, under a header the plan does not have; or right of
 * it, with something in the header row or one of `rows`.
 */
function extraColumns(t: FoundTable, p: TablePlan, rows: number[]): ExtraColumn[] {
  const known = new Set(p.columns.map((c) => c.header.toLowerCase()));
  const out: ExtraColumn[] = [];
  t.headers.forEach((h, i) => {
    if (!known.has(h.toLowerCase())) out.push({ col: t.left + i, header: h });
  });
  for (let c = t.right + 1; c <= t.sheet.columnCount; c++) {
    if (rows.some((r) => !blank(t.sheet.getCell(r, c).value))) out.push({ col: c, header: String(t.sheet.getCell(t.top, c).text ?? "") });
  }
  return out;
}

function copyExtra(oldT: FoundTable, newT: FoundTable, extra: ExtraColumn[], rowMap: Map<number, number>): void {
  extra.forEach((e, k) => {
    const to = newT.right + 1 + k;
    newT.sheet.getCell(newT.top, to).value = oldT.sheet.getCell(oldT.top, e.col).value;
    newT.sheet.getColumn(to).width = oldT.sheet.getColumn(e.col).width ?? 16;
    for (const [r, fromRow] of rowMap) {
      const v = oldT.sheet.getCell(fromRow, e.col).value;
      if (!blank(v)) newT.sheet.getCell(r, to).value = v;
    }
  });
}

function blank(v: ExcelJS.CellValue): boolean {
  return v === null || v === undefined || v === "";
}

/** A cell's value with formulas replaced by their last result (the archive has no tables to refer to). */
function valueOnly(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const v = cell.value;
  if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    const r = (v as ExcelJS.CellFormulaValue).result;
    if (r === undefined || (typeof r === "object" && r !== null && "error" in r)) return null;
    return r as ExcelJS.CellValue;
  }
  return v;
}
