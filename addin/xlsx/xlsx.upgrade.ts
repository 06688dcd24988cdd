import type ExcelJS from "exceljs";
import type { RoundRecord } from "../model/history.types.js";
import type { SurveyRecord } from "../model/survey.types.js";
import type { DimensionChange, UpgradeSummary } from "../host/host.outcomes.js";
import { scoreAssessment } from "../scoring/assessment.score.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import type { Criterion, InputIssue, Lang, Result, Template } from "../model/template.types.js";
import { sheetText, type SheetMessageCode } from "../model/messages/messages.sheets.js";
import { isFormula } from "../plan/formula.js";
import { HEADERS } from "../plan/labels.js";
import { TABLES } from "../plan/names.js";
import { buildPlan, DEFAULT_PLAN_OPTIONS } from "../plan/plan.build.js";
import { gridHasReviewLayout } from "../workbook/formula.check.js";
import { gridHasReportLayout } from "../plan/grid.report.js";
import { prefilledActionRows } from "../plan/register.plan.js";
import { planLimits } from "../plan/plan.limits.js";
import type { PlanOptions, TablePlan, WorkbookPlan } from "../plan/plan.types.js";
import { findQualigridTables, findTables, type FoundTable } from "./xlsx.tables.js";
import { readQualigridWorkbook } from "./xlsx.read.js";
import { renderPlanToWorkbook } from "./xlsx.render.js";
import { carryFormulas, isFormulaValue, type CarriedFormula, type Put, type SheetMove } from "./xlsx.upgrade.formulas.js";
import { upgradeText } from "../model/messages/messages.upgrade.js";
import { scaleOfCriterion } from "../model/criterion.scale.js";
import { sameLevels } from "./xlsx.upgrade.answers.js";
import { answerSources, carryGridAnswers, oldColumnIndex } from "./xlsx.upgrade.grid.js";
import { carryRespondentRecords, namedRespondents, respondentOldHeaders, upgradeRespondents } from "./xlsx.upgrade.respondents.js";
import { REVIEW_LEAD, writeReviewBlock } from "./xlsx.upgrade.review.js";
import { carrySteps } from "./xlsx.steps.js";
import { noteChartReferences } from "./xlsx.carry.notes.js";
import { carrySeal, sealArea } from "./xlsx.seal.js";
import { freeSheetName, qualigridSheetNames, renamedSheetIssue } from "./xlsx.usersheets.js";

/**
 * Upgrades a Qualigrid workbook to a new template version: a new workbook is generated from the
 * new version's plan (same language and parts, the dashboard targets the user changed), then every
 * user-entered value of the old one is carried over: grid inputs of kept criteria (matched by id,
 * case-insensitively, or by the ids a new criterion `replaces`: see `carryAnswers` for scale changes,
 * questions in words and merged criteria; what cannot be placed is listed for review on the notes
 * sheet, never dropped), grid columns the user added (to the right of the new grid table), every row
 * of the evidence register and the action plan (input columns and added columns), sheets the user
 * added (whole: values, formats, merges, validations, widths), and cells typed outside the tables of
 * Qualigrid's sheets (at the same address when it is free, else listed on a notes sheet with values
 * typed over computed columns). Grid rows of removed criteria go whole to an « Archive » sheet; the
 * archive and notes sheets of an earlier upgrade are carried over and appended to. A formula the
 * user typed in a carried cell moves with its row: its references to carried cells are re-pointed to
 * where they went; one that cannot be re-pointed is kept as its last value and listed on the notes sheet.
 * Tables the user renamed are found by their headers. The old workbook is not modified.
 * Respondents (design.md "Respondents and consensus") go on by name with their answers, the agreed
 * ratings and their copy records; `options.respondents` sets the list (an unnamed single
 * respondent's answers go to the first name; leaving out one who has answers is refused).
 * A sealed workbook keeps its seal as recorded (`carrySeal`): `check` then names what the upgrade changed.
 */
export async function upgradeWorkbook(
  old: ExcelJS.Workbook,
  a: AssessmentWorkbook,
  next: Template,
  upgradeOptions?: {
    respondents?: readonly string[];
    /** The closed rounds the new workbook keeps (a round close adds one); by default the old workbook's. */
    history?: readonly RoundRecord[];
    /** The surveys the new workbook keeps (an import adds one); by default the old workbook's. */
    surveys?: readonly SurveyRecord[];
  },
): Promise<Result<{ workbook: ExcelJS.Workbook; summary: UpgradeSummary }>> {
  const respondents = upgradeRespondents(a, upgradeOptions?.respondents);
  if (!respondents.ok) return respondents;
  const names = respondents.value;
  const oldTables = findQualigridTables(old);
  const oldGrid = oldTables.get(TABLES.grid.toLowerCase());
  if (!oldGrid) throw new Error("the grid table vanished between reading and upgrading");
  const oldEvidence = oldTables.get(TABLES.evidence.toLowerCase());
  const oldActions = oldTables.get(TABLES.actions.toLowerCase());
  const lang: Lang = a.lang;
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
  // The workbook's settings go on (a workbook made before them gets the defaults).
  if (a.settings) options.settings = a.settings;
  // The new template's own actions are written above the old plan's rows, but for those it holds already.
  if (a.actions) options.presentActionIds = a.actions.map((x) => x.id).filter((id) => id !== "");
  // Closed rounds and surveys are Qualigrid's: the old plan has the sheets that hold them, and the new one keeps them.
  if (a.history && a.history.length > 0) options.history = a.history;
  if (a.surveys && a.surveys.length > 0) options.surveys = a.surveys;
  // The old workbook's own plan (its respondents, the template's targets): its cells are Qualigrid's, not notes.
  const oldNames = namedRespondents(a);
  // A workbook made before the evaluator's review columns: its own plan is of that layout.
  const oldReview = gridHasReviewLayout(oldGrid.headers) ? {} : { review: false };
  // A workbook made before the « Rapport » sheet: its own plan has none (nor the grid's helpers for it).
  const oldReport = gridHasReportLayout(oldGrid.headers) ? {} : { report: false };
  const oldPlan = buildPlan(a.template, { ...options, ...oldReview, ...oldReport, ...(oldNames ? { respondents: oldNames } : {}), targets: {}, blankRows: DEFAULT_PLAN_OPTIONS.blankRows });
  if (names) options.respondents = names;
  if (upgradeOptions?.history) options.history = upgradeOptions.history;
  if (upgradeOptions?.surveys) options.surveys = upgradeOptions.surveys;
  const plan = buildPlan(next, options);
  // Nothing Excel would repair, nor that Qualigrid would refuse to read back, is written.
  const overLimits = planLimits(plan);
  if (overLimits.length > 0) return { ok: false, issues: overLimits };
  // Rendered straight into the workbook to fill: a round trip through .xlsx bytes would cost a
  // second render's write and a whole load for the same cells.
  const wb = await renderPlanToWorkbook(plan);
  // Just rendered: its tables have their Qualigrid names.
  const newTables = findTables(wb);
  const planTable = (name: string): TablePlan | undefined => plan.sheets.flatMap((s) => s.tables).find((t) => t.name === name);
  const summary: UpgradeSummary = {
    from: { id: a.template.id, version: a.template.version },
    to: { id: next.id, version: next.version },
    kept: [],
    updated: [],
    archived: [],
    added: [],
    replaced: [],
    review: [],
    archiveSheet: null,
    sheetsCopied: [],
    columnsCopied: [],
    notesKept: [],
    notesMoved: [],
    notesSheet: null,
    formulasMoved: [],
    formulasAsValues: [],
    dimensions: [],
  };

  // The grid.
  const gridPlan = planTable(TABLES.grid);
  const newGrid = newTables.get(TABLES.grid.toLowerCase());
  if (!gridPlan || !newGrid) throw new Error("the new plan has no grid");
  const oldRowOf = new Map<string, number>();
  for (const r of a.grid) if (!oldRowOf.has(r.criterion.toLowerCase())) oldRowOf.set(r.criterion.toLowerCase(), r.row);
  // Each new criterion's old rows: its own and those it `replaces`; the first one's row moves with it.
  const sources = answerSources(a, next);
  const critCol = gridPlan.columns.findIndex((c) => c.key === "criterion");
  const newIds = new Set<string>();
  const gridRowMap = new Map<number, number>();
  gridPlan.rows.forEach((row, i) => {
    const id = String(row[critCol] ?? "");
    const first = sources.get(id.toLowerCase())?.[0];
    for (const r of sources.get(id.toLowerCase()) ?? []) newIds.add(r.criterion.toLowerCase());
    newIds.add(id.toLowerCase());
    if (first !== undefined) gridRowMap.set(newGrid.top + 1 + i, first.row);
  });
  // Formulas wait until every table's rows are placed: one may name a cell of another table.
  const formulas: CarriedFormula[] = [];
  const moves = new Map<string, SheetMove | null>();
  const put: Put = (from, to, table) => {
    if (isFormulaValue(from.value)) formulas.push({ from, to, table });
    else to.value = from.value;
  };
  const typedOver = valuesOverFormulas(oldGrid, gridPlan);
  // The old grid's respondent columns (« Cotation — A », helpers…) are Qualigrid's, not columns the user added.
  const oldGridPlan = oldNames ? oldPlan.sheets.flatMap((s) => s.tables).find((t) => t.name === TABLES.grid) : undefined;
  const gridHeaders = [...Object.values(HEADERS.grid).map((h) => h[lang]), ...(oldGridPlan?.columns.map((c) => c.header) ?? [])];
  const extra = extraColumns(oldGrid, gridPlan, [oldGrid.top, ...a.grid.map((r) => r.row)], gridHeaders);
  const oldHeaders = respondentOldHeaders(a, names, gridPlan);
  summary.review.push(...carryGridAnswers({ a, next, oldGrid, newGrid, gridPlan, sources, extra, put, oldHeaders }));
  copyExtra(oldGrid, newGrid, extra, gridRowMap, put);
  addMove(moves, oldGrid, sheetMove(oldGrid, newGrid, gridPlan, extra, gridRowMap, oldHeaders));
  carryRespondentRecords(wb, a, names);
  summary.columnsCopied = extra.map((c) => c.header);

  const oldCriteria = new Map<string, Criterion>();
  for (const d of a.template.dimensions) for (const c of d.criteria) oldCriteria.set(c.id.toLowerCase(), c);
  for (const d of next.dimensions) {
    for (const c of d.criteria) {
      const was = oldCriteria.get(c.id.toLowerCase());
      const from = (sources.get(c.id.toLowerCase()) ?? []).map((r) => r.criterion).filter((id) => id.toLowerCase() !== c.id.toLowerCase());
      if (from.length > 0) {
        summary.replaced.push({ id: c.id, from });
        summary.updated.push(c.id);
      } else if (!was && !oldRowOf.has(c.id.toLowerCase())) summary.added.push(c.id);
      else if (was && changed(a.template, was, next, c)) summary.updated.push(c.id);
      else summary.kept.push(c.id);
    }
  }

  // Sheets the user added, and the archive and notes sheets of earlier upgrades: carried over whole.
  // « Démarche », « Rapport », « Sondages », « Historique »… are Qualigrid's only when they hold their
  // table (`qualigridSheetNames`): before those sheets existed, a sheet of that name was the user's own.
  const oldSheetNames = qualigridSheetNames(oldTables, lang);
  const userSheets = old.worksheets.filter((ws) => !oldSheetNames.has(ws.name.toLowerCase()));
  const copied = new Map<ExcelJS.Worksheet, ExcelJS.Worksheet>();
  const warnings: InputIssue[] = [];
  for (const src of userSheets) {
    // A name the new version takes for itself (« Rapport » in a workbook made before it) gets « 2 », and is said.
    const dst = wb.addWorksheet(freeSheetName(wb, src.name));
    copySheet(src, dst);
    copied.set(src, dst);
    summary.sheetsCopied.push(dst.name === src.name ? src.name : `${src.name} → ${dst.name}`);
    if (dst.name !== src.name) warnings.push(renamedSheetIssue(src.name, dst.name));
  }
  const earlier = (lead: Record<Lang, string>): ExcelJS.Worksheet | undefined => {
    const src = userSheets.find((ws) => startsWithLead(ws, lead));
    return src ? copied.get(src) : undefined;
  };

  // Removed criteria: their whole grid rows (inputs, template details, added columns) to the
  // archive, appended under what an earlier upgrade archived.
  const removed = a.grid.filter((r) => !newIds.has(r.criterion.toLowerCase()));
  if (removed.length > 0) {
    const ws = earlier(ARCHIVE_LEAD) ?? wb.addWorksheet(freeSheetName(wb, sheetText("sheets.archive.name", lang)));
    const first = ws.actualRowCount === 0 ? 1 : ws.rowCount + 2;
    ws.getCell(first, 1).value = sheetText("sheets.archive.title", lang, { template: a.template.id, from: a.template.version, to: next.version });
    const cols: number[] = [];
    for (let c = oldGrid.left; c <= oldGrid.right; c++) cols.push(c);
    for (const e of extra) if (e.col > oldGrid.right) cols.push(e.col);
    cols.forEach((c, j) => {
      ws.getCell(first + 2, j + 1).value = valueOnly(oldGrid.sheet.getCell(oldGrid.top, c));
      if (ws.getColumn(j + 1).width === undefined) ws.getColumn(j + 1).width = 16;
    });
    removed.forEach((r, i) => {
      cols.forEach((c, j) => (ws.getCell(first + 3 + i, j + 1).value = valueOnly(oldGrid.sheet.getCell(r.row, c))));
      summary.archived.push(r.criterion);
    });
    summary.archiveSheet = ws.name;
  }

  // The registers: every row, in order, all input columns and added columns.
  const carried: Area[] = [area(oldGrid, extra)];
  for (const [name, oldT] of [[TABLES.evidence, oldEvidence], [TABLES.actions, oldActions]] as const) {
    const p = planTable(name);
    const newT = newTables.get(name.toLowerCase());
    if (!oldT || !p || !newT) continue;
    const map = new Map<number, number>();
    const below = name === TABLES.actions ? prefilledActionRows(p) : 0;
    for (let i = 1; i <= oldT.bottom - oldT.top; i++) map.set(newT.top + below + i, oldT.top + i);
    if (newT.bottom - newT.top - below < oldT.bottom - oldT.top) throw new Error(`the new ${name} table is too short`);
    copyInputs(oldT, newT, p, map, put);
    typedOver.push(...valuesOverFormulas(oldT, p));
    const rows: number[] = [];
    for (let r = oldT.top; r <= oldT.bottom; r++) rows.push(r);
    const more = extraColumns(oldT, p, rows);
    copyExtra(oldT, newT, more, map, put);
    addMove(moves, oldT, sheetMove(oldT, newT, p, more, map));
    carried.push(area(oldT, more));
  }
  // The process table (`QG_Steps`): the user's entries follow their step by id; those of a step the
  // new version dropped go to the notes sheet with the values typed over formulas.
  typedOver.push(...carrySteps(oldTables.get(TABLES.steps.toLowerCase()), newTables.get(TABLES.steps.toLowerCase()), put));
  for (const src of userSheets) moves.set(src.name.toLowerCase(), { rows: "same", cols: "same" });
  const asValues = carryFormulas(formulas, {
    sheets: new Map([...moves].flatMap(([k, m]) => (m ? [[k, m] as const] : []))),
    names: new Set(plan.names.map((n) => n.name.toLowerCase())),
    tables: new Map([...newTables.values()].map((t) => [t.name.toLowerCase(), new Set(t.headers.map((h) => h.toLowerCase()))])),
  }, summary);

  // What the user typed outside the tables of Qualigrid's sheets: at the same address when it is
  // free in the new workbook, else listed on a notes sheet.
  // A table of the user's own on a Qualigrid sheet is not one of them: its cells are notes too.
  const qualigridTables = Object.values(TABLES).flatMap((n) => oldTables.get(n.toLowerCase()) ?? []);
  // The seal's block is no note: it goes on whole, as the seal (below).
  const sealed = sealArea(old);
  const notes = notesOutsideTables(old, oldPlan, [...qualigridTables.map((t) => area(t, [])), ...carried, ...(sealed ? [sealed] : [])]);
  // Values typed over a computed column have no place in the new tables, which compute it again.
  const moved: Note[] = [...typedOver];
  const newCells = planCells(plan);
  const newAreas = [...findTables(wb).values()].map((t) => area(t, []));
  for (const n of notes) {
    const ws = wb.getWorksheet(n.sheet);
    const to = ws?.getCell(n.row, n.col);
    const free =
      ws !== undefined &&
      to !== undefined &&
      blank(to.value) &&
      !to.isMerged &&
      !newCells.has(`${ws.name.toLowerCase()}!${n.row}:${n.col}`) &&
      !newAreas.some((x) => x.sheet === ws.name && inArea(x, n.row, n.col));
    if (free && to) {
      to.value = ownValue(n.cell);
      to.style = structuredClone(n.cell.style);
      summary.notesKept.push(`${n.sheet}!${n.cell.address}`);
    } else moved.push(n);
  }
  const notesSheet = (): ExcelJS.Worksheet =>
    (summary.notesSheet ? wb.getWorksheet(summary.notesSheet) : undefined) ??
    earlier(NOTES_LEAD) ??
    earlier(FORMULAS_LEAD) ??
    earlier(REVIEW_LEAD) ??
    earlier(CHARTS_LEAD) ??
    wb.addWorksheet(freeSheetName(wb, sheetText("sheets.notes.name", lang)));
  if (moved.length > 0) {
    const ws = notesSheet();
    const first = ws.actualRowCount === 0 ? 1 : ws.rowCount + 2;
    ws.getCell(first, 1).value = sheetText("sheets.notes.title", lang, { template: a.template.id, from: a.template.version, to: next.version });
    const head = (["sheets.notes.sheet", "sheets.notes.cell", "sheets.notes.value", "sheets.notes.formula"] as const).map((code) => sheetText(code, lang));
    head.forEach((h, j) => {
      ws.getCell(first + 2, j + 1).value = h;
      ws.getCell(first + 2, j + 1).font = { bold: true };
    });
    [16, 10, 40, 30].forEach((w, j) => {
      if (ws.getColumn(j + 1).width === undefined) ws.getColumn(j + 1).width = w;
    });
    moved.forEach((n, i) => {
      const r = first + 3 + i;
      ws.getCell(r, 1).value = n.sheet;
      ws.getCell(r, 2).value = n.cell.address;
      ws.getCell(r, 3).value = valueOnly(n.cell);
      ws.getCell(r, 3).numFmt = n.cell.numFmt;
      const f = n.cell.formula;
      if (typeof f === "string" && f !== "") ws.getCell(r, 4).value = `=${f}`;
      summary.notesMoved.push(`${n.sheet}!${n.cell.address}`);
    });
    summary.notesSheet = ws.name;
  }
  if (asValues.length > 0) {
    const ws = notesSheet();
    const first = ws.actualRowCount === 0 ? 1 : ws.rowCount + 2;
    ws.getCell(first, 1).value = upgradeText("upgrade.formulas.title", lang, { template: a.template.id, from: a.template.version, to: next.version });
    const head = [sheetText("sheets.notes.sheet", lang), upgradeText("upgrade.formulas.cell", lang), sheetText("sheets.notes.value", lang), upgradeText("upgrade.formulas.formula", lang)];
    head.forEach((h, j) => {
      ws.getCell(first + 2, j + 1).value = h;
      ws.getCell(first + 2, j + 1).font = { bold: true };
    });
    asValues.forEach((c, i) => {
      const r = first + 3 + i;
      ws.getCell(r, 1).value = c.to.worksheet.name;
      ws.getCell(r, 2).value = c.to.address;
      ws.getCell(r, 3).value = c.to.value;
      ws.getCell(r, 3).numFmt = c.from.numFmt;
      // As text: the old formula would point at cells that moved.
      ws.getCell(r, 4).value = `=${c.from.formula}`;
    });
    summary.notesSheet = ws.name;
  }
  if (summary.review.length > 0) {
    const ws = notesSheet();
    writeReviewBlock(ws, summary.review, lang, { template: a.template.id, from: a.template.version, to: next.version });
    summary.notesSheet = ws.name;
  }
  noteChartReferences(old, wb, summary, notesSheet, lang, { template: a.template.id, from: a.template.version, to: next.version });
  summary.dimensions = dimensionChanges(a, next, wb, summary);
  // Last, right of all the lists sheet now holds: the seal as the reviewer recorded it, so that `check`
  // still compares against it and names each entry the upgrade changed.
  carrySeal(old, wb, lang);
  return { ok: true, value: { workbook: wb, summary }, warnings };
}

/**
 * Each dimension's score before (the old template, the answers as they were) and after (the new
 * workbook read back), and the criteria archived, added or updated in it: why its score moved.
 */
function dimensionChanges(a: AssessmentWorkbook, next: Template, wb: ExcelJS.Workbook, summary: UpgradeSummary): DimensionChange[] {
  const before = new Map(scoreAssessment(a.assessment).dimensions.map((d) => [d.id.toLowerCase(), d.score]));
  const read = readQualigridWorkbook(wb, "upgrade");
  if (!read.ok) throw new Error(`the upgraded workbook cannot be read back: ${read.issues.map((i) => i.message).join("; ")}`);
  const after = new Map(scoreAssessment(read.value.assessment).dimensions.map((d) => [d.id.toLowerCase(), d.score]));
  const dimOf = new Map<string, string>();
  for (const t of [a.template, next]) for (const d of t.dimensions) for (const c of d.criteria) dimOf.set(c.id.toLowerCase(), d.id.toLowerCase());
  const inDim = (ids: readonly string[], dim: string): string[] => ids.filter((id) => dimOf.get(id.toLowerCase()) === dim);
  const ids = [...next.dimensions.map((d) => d.id), ...a.template.dimensions.map((d) => d.id).filter((id) => !after.has(id.toLowerCase()))];
  return ids.map((id) => {
    const key = id.toLowerCase();
    return {
      id,
      before: before.get(key) ?? null,
      after: after.get(key) ?? null,
      archived: inDim(summary.archived, key),
      added: inDim(summary.added, key),
      updated: inDim(summary.updated, key),
    };
  });
}

function rowsOf(t: FoundTable | undefined): number {
  return t ? t.bottom - t.top : 0;
}

/** Whether a criterion kept under its id changed: text, weight, target level, scale, type or required. */
function changed(old: Template, a: Criterion, next: Template, b: Criterion): boolean {
  return (
    JSON.stringify(a.text) !== JSON.stringify(b.text) ||
    a.weight !== b.weight ||
    a.targetLevel !== b.targetLevel ||
    a.type !== b.type ||
    (a.required === true) !== (b.required === true) ||
    !sameLevels(scaleOfCriterion(old, a), scaleOfCriterion(next, b))
  );
}

/** Where a header sits in a found table (1-based sheet column), case-insensitively. */
function columnOf(t: FoundTable, header: string): number | undefined {
  const i = t.headers.findIndex((h) => h.toLowerCase() === header.trim().toLowerCase());
  return i < 0 ? undefined : t.left + i;
}

/** Copies the plan's input columns from old rows to new rows (`rowMap`: new row → old row). */
function copyInputs(oldT: FoundTable, newT: FoundTable, p: TablePlan, rowMap: Map<number, number>, put: Put): void {
  p.columns.forEach((col, j) => {
    if (!col.input) return;
    const from = columnOf(oldT, col.header);
    if (from === undefined) return;
    for (const [to, fromRow] of rowMap) {
      const cell = oldT.sheet.getCell(fromRow, from);
      if (!blank(cell.value)) put(cell, newT.sheet.getCell(to, newT.left + j), oldT.name);
    }
  });
}

/**
 * Where a table's rows and columns went (`rowMap`: new row → old row; the header row too; input
 * columns by header, added columns where `copyExtra` put them).
 */
function sheetMove(
  oldT: FoundTable,
  newT: FoundTable,
  p: TablePlan,
  extra: ExtraColumn[],
  rowMap: Map<number, number>,
  oldHeaders?: ReadonlyMap<string, readonly string[]>,
): SheetMove {
  const rows = new Map<number, number>([[oldT.top, newT.top]]);
  for (const [to, from] of rowMap) rows.set(from, to);
  const cols = new Map<number, number>();
  p.columns.forEach((c, j) => {
    const i = oldColumnIndex(oldT.headers, c, oldHeaders);
    if (i >= 0) cols.set(oldT.left + i, newT.left + j);
  });
  extra.forEach((e, k) => cols.set(e.col, newT.right + 1 + k));
  return { rows, cols };
}

/** Files a table's move under its sheet; a sheet holding two carried tables gets none (`null`: not mapped). */
function addMove(moves: Map<string, SheetMove | null>, t: FoundTable, m: SheetMove): void {
  const key = t.sheet.name.toLowerCase();
  moves.set(key, moves.has(key) ? null : m);
}

/**
 * Cells of a table's computed columns (a formula in the plan) that hold a value the user typed
 * over the formula: the new workbook computes those cells again, so they go to the notes sheet.
 */
function valuesOverFormulas(t: FoundTable, p: TablePlan): Note[] {
  const out: Note[] = [];
  p.columns.forEach((col, j) => {
    if (col.input || !p.rows.some((r) => isFormula(r[j]))) return;
    const c = columnOf(t, col.header);
    if (c === undefined) return;
    for (let r = t.top + 1; r <= t.bottom; r++) {
      const cell = t.sheet.getCell(r, c);
      const v = cell.value;
      if (blank(v) || (typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v))) continue;
      out.push({ sheet: t.sheet.name, row: r, col: c, cell });
    }
  });
  return out;
}

interface ExtraColumn {
  col: number;
  header: string;
}

/**
 * Columns a user added to a table: inside it, under a header neither the plan nor `own` (Qualigrid's
 * own headers, of columns the new version dropped) has; or right of it, with something in the
 * header row or one of `rows`.
 */
function extraColumns(t: FoundTable, p: TablePlan, rows: number[], own: readonly string[] = []): ExtraColumn[] {
  const known = new Set([...p.columns.map((c) => c.header), ...own].map((h) => h.toLowerCase()));
  const out: ExtraColumn[] = [];
  t.headers.forEach((h, i) => {
    if (!known.has(h.toLowerCase())) out.push({ col: t.left + i, header: h });
  });
  for (let c = t.right + 1; c <= t.sheet.columnCount; c++) {
    if (rows.some((r) => !blank(t.sheet.getCell(r, c).value))) out.push({ col: c, header: String(t.sheet.getCell(t.top, c).text ?? "") });
  }
  return out;
}

function copyExtra(oldT: FoundTable, newT: FoundTable, extra: ExtraColumn[], rowMap: Map<number, number>, put: Put): void {
  extra.forEach((e, k) => {
    const to = newT.right + 1 + k;
    newT.sheet.getCell(newT.top, to).value = oldT.sheet.getCell(oldT.top, e.col).value;
    newT.sheet.getColumn(to).width = oldT.sheet.getColumn(e.col).width ?? 16;
    // A column right of the table is no part of it: `[#This Row]` there means nothing.
    const table = e.col <= oldT.right ? oldT.name : null;
    for (const [r, fromRow] of rowMap) {
      const cell = oldT.sheet.getCell(fromRow, e.col);
      if (!blank(cell.value)) put(cell, newT.sheet.getCell(r, to), table);
    }
  });
}

function blank(v: ExcelJS.CellValue): boolean {
  return v === null || v === undefined || v === "";
}

/** A cell's value, a shared formula written out in full (its master cell stays behind). */
function ownValue(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const v = cell.value;
  if (v && typeof v === "object" && "sharedFormula" in v) {
    return { formula: cell.formula, result: (v as ExcelJS.CellSharedFormulaValue).result } as ExcelJS.CellFormulaValue;
  }
  return v;
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

/**
 * The criteria earlier upgrades archived, by lower-cased id, with the archive sheet's name: read
 * from each archive sheet (recognised by its first line), under every header row holding the
 * grid's criterion header, down to the block's blank line.
 */
export function archivedCriteria(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  const headers = new Set([HEADERS.grid.criterion.fr, HEADERS.grid.criterion.en].map((h) => h.toLowerCase()));
  for (const ws of wb.worksheets) {
    if (!startsWithLead(ws, ARCHIVE_LEAD)) continue;
    let col: number | null = null;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const texts: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => void (texts[c] = String(valueOnly(cell) ?? "").trim()));
      if (texts.every((t) => t === undefined || t === "")) {
        col = null;
        continue;
      }
      const header = texts.findIndex((t) => t !== undefined && headers.has(t.toLowerCase()));
      if (header > 0) col = header;
      else if (col !== null && texts[col]) out.set((texts[col] as string).toLowerCase(), ws.name);
    }
  }
  return out;
}

/** Both languages' texts of `code`. */
function bothTexts(code: SheetMessageCode): Record<Lang, string> {
  return { fr: sheetText(code, "fr"), en: sheetText(code, "en") };
}

/** How the archive sheet starts; an earlier upgrade's archive is recognised by it (in either language). */
const ARCHIVE_LEAD = bothTexts("sheets.archive.lead");
/** How the notes sheet starts; an earlier upgrade's notes sheet is recognised by it. */
const NOTES_LEAD = bothTexts("sheets.notes.lead");
/** How a notes sheet holding only chart references left as they were starts. */
const CHARTS_LEAD: Record<Lang, string> = { fr: upgradeText("upgrade.charts.lead", "fr"), en: upgradeText("upgrade.charts.lead", "en") };
/** How a notes sheet holding only formulas kept as values starts. */
const FORMULAS_LEAD: Record<Lang, string> = { fr: upgradeText("upgrade.formulas.lead", "fr"), en: upgradeText("upgrade.formulas.lead", "en") };

function startsWithLead(ws: ExcelJS.Worksheet, lead: Record<Lang, string>): boolean {
  const v = ws.getCell(1, 1).value;
  return typeof v === "string" && (v.startsWith(lead.fr) || v.startsWith(lead.en));
}

/** A rectangle of a sheet: a table with the columns carried with it. */
interface Area {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function area(t: FoundTable, extra: ExtraColumn[]): Area {
  return { sheet: t.sheet.name, top: t.top, left: t.left, bottom: t.bottom, right: Math.max(t.right, ...extra.map((e) => e.col)) };
}

function inArea(x: Area, row: number, col: number): boolean {
  return row >= x.top && row <= x.bottom && col >= x.left && col <= x.right;
}

/** `sheet!row:col` (sheet lower-cased) of every cell a plan writes outside its tables. */
function planCells(plan: WorkbookPlan): Set<string> {
  const out = new Set<string>();
  for (const s of plan.sheets) for (const c of s.cells) out.add(`${s.name.toLowerCase()}!${c.row}:${c.col}`);
  return out;
}

interface Note {
  sheet: string;
  row: number;
  col: number;
  cell: ExcelJS.Cell;
}

/**
 * Cells with something in them on the sheets of `plan`, outside every table and area given and
 * where the plan writes nothing: what a user typed beside the grid or under the dashboard.
 */
function notesOutsideTables(wb: ExcelJS.Workbook, plan: WorkbookPlan, areas: Area[]): Note[] {
  const cells = planCells(plan);
  const out: Note[] = [];
  for (const s of plan.sheets) {
    const ws = wb.getWorksheet(s.name);
    if (!ws) continue;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        if (blank(cell.value) || cells.has(`${s.name.toLowerCase()}!${r}:${c}`)) return;
        if (areas.some((x) => x.sheet === ws.name && inArea(x, r, c))) return;
        out.push({ sheet: ws.name, row: r, col: c, cell });
      });
    });
  }
  return out;
}

/**
 * Copies a worksheet whole: values and formulas, cell formats (number formats, fonts, fills,
 * borders, alignment), merged cells, data validations, conditional formats, column widths, row
 * heights, hidden rows and columns, frozen panes and the tab colour.
 */
function copySheet(src: ExcelJS.Worksheet, dst: ExcelJS.Worksheet): void {
  // Merged first: exceljs gives a merged range's value to its top-left cell only.
  for (const m of src.model.merges ?? []) dst.mergeCells(m);
  src.eachRow({ includeEmpty: true }, (row, r) => {
    const to = dst.getRow(r);
    if (row.height !== undefined) to.height = row.height;
    if (row.hidden) to.hidden = true;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const out = dst.getCell(r, c);
      if (!(cell.isMerged && cell.master !== cell)) out.value = cell.value;
      out.style = structuredClone(cell.style);
    });
  });
  (src.columns as ExcelJS.Column[] | null)?.forEach((col, i) => {
    const to = dst.getColumn(i + 1);
    if (col.width !== undefined) to.width = col.width;
    if (col.hidden) to.hidden = true;
  });
  const from = src as unknown as Sheetish;
  const into = dst as unknown as Sheetish;
  if (from.dataValidations?.model && into.dataValidations) into.dataValidations.model = structuredClone(from.dataValidations.model);
  if (from.conditionalFormattings?.length) into.conditionalFormattings = structuredClone(from.conditionalFormattings);
  // exceljs leaves `views` and `columns` null on sheets that have none.
  const views = src.views as ExcelJS.WorksheetView[] | null;
  if (views && views.length > 0) dst.views = structuredClone(views);
  if (src.properties.tabColor) dst.properties.tabColor = structuredClone(src.properties.tabColor);
}

/** Parts of an exceljs worksheet its types leave out. */
interface Sheetish {
  dataValidations?: { model: Record<string, unknown> };
  conditionalFormattings?: unknown[];
}
