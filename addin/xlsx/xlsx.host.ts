import ExcelJS from "exceljs";
import type {
  Answer,
  FormulaWrite,
  GenerateProgress,
  HostError,
  HostResult,
  NewAction,
  OpenedAs,
  WorkbookHost,
  WorkbookStatus,
} from "../host/host.types.js";
import { actionRows, trailingBlankRows } from "../actions/actions.rows.js";
import { missingCoreTable, templateOfInfoRows } from "../host/host.workbook.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import { naDisplayToken } from "../model/scale.js";
import type { InputIssue, Lang } from "../model/template.types.js";
import { cellAddress, parseCellAddress, parseRangeAddress } from "../model/cell.address.js";
import { TABLES } from "../plan/names.js";
import type { WorkbookPlan } from "../plan/plan.types.js";
import { applyFormulaRepairs } from "./xlsx.formulas.js";
import { loadWorkbook, saveWorkbook } from "./xlsx.io.js";
import { readQualigridWorkbook } from "./xlsx.read.js";
import { renderPlanIntoWorkbook, renderPlanToWorkbook, type WithValidations } from "./xlsx.render.js";
import { findTables, plainTableOf, type FoundTable } from "./xlsx.tables.js";

/** How a file host starts. */
export interface FileHostOptions {
  lang: Lang;
  dark?: boolean;
}

/** What the workbench shows of the workbook: its file name, and whether there is anything to download. */
export interface FileHostState {
  /** The opened file's name, or the name a download gets (`engagement-qualite.xlsx`); null for a new, empty workbook. */
  fileName: string | null;
  /** Whether the workbook holds any sheet (an empty new workbook has nothing to download). */
  hasContent: boolean;
  /** Increases each time the workbook is replaced (opened, new): the task pane starts afresh on it. */
  generation: number;
  /** Whether the workbook changed since it was opened, started or last downloaded. */
  modified: boolean;
  /** Where the workbook came from: started empty, a file the user opened, or made by the pane (`openWorkbook`). */
  origin: "new" | "file" | "pane";
}

const OK: HostResult<void> = { ok: true, value: undefined };
const fail = <T>(code: HostError["code"], detail: string): HostResult<T> => ({ ok: false, error: { code, detail } });

/**
 * The task pane's host in the browser workbench: the same `WorkbookHost` as Excel, on an exceljs
 * workbook in memory, with the file renderer and reader of `addin/xlsx`. Nothing leaves the
 * page: workbooks come from the user's files and go back as downloads. Actions run one at a time.
 */
export class FileHost implements WorkbookHost {
  readonly kind = "file" as const;
  private wb: ExcelJS.Workbook = new ExcelJS.Workbook();
  private state: FileHostState = { fileName: null, hasContent: false, generation: 0, modified: false, origin: "new" };
  private readonly listeners = new Set<(s: FileHostState) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: FileHostOptions) {}

  /** The workbench's view of the workbook. */
  current(): FileHostState {
    return this.state;
  }

  /** Calls `listener` whenever the file name or content changes; returns an unsubscribe. */
  subscribe(listener: (s: FileHostState) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Starts afresh on an empty workbook (then Templates → Generate fills it). */
  async newWorkbook(): Promise<void> {
    await this.serial(async () => {
      this.replace(new ExcelJS.Workbook(), null, "new");
    });
  }

  /**
   * Opens a user's .xlsx file instead of the current workbook. A file that is not a readable .xlsx
   * or breaks the size limits is refused with the guard's issue (naming the file) and the current
   * workbook is kept.
   */
  async openFile(bytes: Uint8Array, name: string): Promise<{ ok: true } | { ok: false; issue: InputIssue }> {
    return this.serial(async () => {
      const loaded = await loadWorkbook(bytes, name);
      if (!loaded.ok) return { ok: false as const, issue: loaded.issues[0] ?? { path: name, message: "cannot be opened", severity: "error" as const } };
      this.replace(loaded.value, name, "file");
      return { ok: true as const };
    });
  }

  /** The workbook as a file to download, with its name. */
  async download(): Promise<{ bytes: Uint8Array; fileName: string }> {
    return this.serial(async () => {
      const bytes = await saveWorkbook(this.wb);
      this.update({ modified: false });
      return { bytes, fileName: this.state.fileName ?? "qualigrid.xlsx" };
    });
  }

  displayLanguage(): Lang {
    return this.options.lang;
  }

  prefersDark(): boolean {
    return this.options.dark ?? false;
  }

  status(): Promise<HostResult<WorkbookStatus>> {
    return this.serial(async () => {
      const tables = findTables(this.wb);
      const hasGrid = tables.has(TABLES.grid.toLowerCase());
      const info = hasGrid ? tables.get(TABLES.templateInfo.toLowerCase()) : undefined;
      return { ok: true, value: { hasGrid, template: info ? templateOfInfoRows(plainTableOf(info).rows) : null } };
    });
  }

  generate(plan: WorkbookPlan, onProgress?: (p: GenerateProgress) => void): Promise<HostResult<void>> {
    return this.serial(async () => {
      onProgress?.({ fraction: 0, stage: "prepare" });
      if (isBlank(this.wb)) {
        onProgress?.({ fraction: 0.2, stage: "write" });
        const wb = await renderPlanToWorkbook(plan);
        this.wb = wb;
        this.update({ fileName: this.state.fileName ?? `${plan.template.id}.xlsx`, hasContent: true, modified: true });
      } else {
        onProgress?.({ fraction: 0.2, stage: "write" });
        const outcome = await renderPlanIntoWorkbook(this.wb, plan);
        if (!outcome.ok) return fail<void>("gridExists", outcome.detail);
        this.update({ fileName: this.state.fileName ?? `${plan.template.id}.xlsx`, hasContent: true, modified: true });
      }
      onProgress?.({ fraction: 1, stage: "done" });
      return OK;
    });
  }

  read(): Promise<HostResult<AssessmentWorkbook>> {
    return this.serial(() => Promise.resolve(this.readNow()));
  }

  setAnswer(criterionId: string, answer: Answer): Promise<HostResult<void>> {
    return this.serial(async () => {
      const r = answer.rating;
      if (r.kind === "invalid") return fail<void>("unknown", `${r.raw}: ${r.reason}`);
      const read = this.readNow();
      if (!read.ok) return read;
      const a = read.value;
      const key = criterionId.toLowerCase();
      const row = a.grid.find((g) => g.criterion.toLowerCase() === key);
      if (!row) return fail<void>("unknownCriterion", criterionId);
      const ws = this.wb.getWorksheet(a.gridSheet);
      if (!ws) return fail<void>("tableMissing", TABLES.grid);
      // As xlsx.fill.ts writes answers: a level as a number, N/A as the workbook language's token.
      ws.getCell(row.ratingCell.address).value = r.kind === "level" ? r.value : r.kind === "na" ? naDisplayToken(a.lang) : null;
      if (answer.comment !== undefined && row.commentCell) {
        // A plain string cell is text in the file: "=…" typed in a comment never becomes a formula.
        ws.getCell(row.commentCell.address).value = answer.comment === "" ? null : answer.comment;
      }
      this.changed();
      return OK;
    });
  }

  /** The workbench shows no grid to select in. */
  async selectCriterion(): Promise<HostResult<void>> {
    return OK;
  }

  /** Nobody selects cells in the workbench: the listener is never called. */
  onCriterionSelected(): () => void {
    return () => undefined;
  }

  appendActions(rows: readonly NewAction[]): Promise<HostResult<number>> {
    return this.serial(async () => {
      if (rows.length === 0) return { ok: true, value: 0 };
      const read = this.readNow();
      if (!read.ok) return read;
      const table = findTables(this.wb).get(TABLES.actions.toLowerCase());
      if (!table) return fail<number>("tableMissing", TABLES.actions);
      if (isProtected(table.sheet)) return fail<number>("protected", table.sheet.name);
      const body = tableFormulas(table);
      const entries = actionRows(table.headers, body, rows);
      // As in Excel: the empty rows at the end of the plan are filled first, then the table grows.
      const blank = Math.min(trailingBlankRows(table.headers, body), entries.length);
      const firstBlank = table.top + 1 + body.length - trailingBlankRows(table.headers, body);
      entries.forEach((entry, i) => {
        const row = i < blank ? firstBlank + i : table.bottom + 1 + (i - blank);
        entry.forEach((v, j) => (table.sheet.getCell(row, table.left + j).value = cellValueOf(v)));
      });
      const added = entries.length - blank;
      if (added > 0) growTable(table, added);
      this.changed();
      return { ok: true, value: rows.length };
    });
  }

  /** The workbench has no active cell: the Functions screen offers the formula to copy instead. */
  async insertFormula(): Promise<HostResult<string>> {
    return fail<string>("noActiveCell", "");
  }

  snapshot(): Promise<HostResult<Uint8Array>> {
    return this.serial(async () => ({ ok: true, value: await saveWorkbook(this.wb) }));
  }

  writeFormulas(cells: readonly FormulaWrite[]): Promise<HostResult<number>> {
    return this.serial(async () => {
      const missing = cells.find((c) => !this.wb.getWorksheet(c.sheet));
      if (missing) return fail<number>("unknown", `${missing.sheet}: no such sheet`);
      const repairs = cells.map((c) => ({ where: { sheet: c.sheet, address: c.address }, ...parseCellAddress(c.address.replace(/\$/g, "")), formula: c.formula }));
      const written = applyFormulaRepairs(this.wb, repairs);
      if (written > 0) this.changed();
      return { ok: true, value: written };
    });
  }

  openWorkbook(bytes: Uint8Array, name: string): Promise<HostResult<OpenedAs>> {
    return this.serial(async () => {
      const loaded = await loadWorkbook(bytes, name);
      if (!loaded.ok) return fail<OpenedAs>("unknown", loaded.issues.map((i) => `${i.path} ${i.message}`).join("\n"));
      // Not saved anywhere yet: the workbench offers it for download.
      this.replace(loaded.value, name, "pane");
      this.update({ modified: true });
      return { ok: true, value: "replaced" as const };
    });
  }

  private readNow(): HostResult<AssessmentWorkbook> {
    const tables = findTables(this.wb);
    const missing = missingCoreTable((n) => tables.has(n.toLowerCase()));
    if (missing) return { ok: false, error: missing };
    const result = readQualigridWorkbook(this.wb, this.state.fileName ?? "workbook");
    if (!result.ok) return fail("unknown", result.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
    return { ok: true, value: result.value };
  }

  private replace(wb: ExcelJS.Workbook, fileName: string | null, origin: FileHostState["origin"]): void {
    this.wb = wb;
    // A workbook the user opens (or a new one) starts the screens afresh; one the pane itself made
    // (an upgrade) keeps them, so the screen that made it can still say what it did, and refreshes
    // what it shows itself.
    const generation = origin === "pane" ? this.state.generation : this.state.generation + 1;
    this.state = { fileName, hasContent: wb.worksheets.length > 0, generation, modified: false, origin };
    this.emit();
  }

  private changed(): void {
    if (!this.state.modified) this.update({ modified: true });
  }

  private update(change: Partial<Omit<FileHostState, "generation">>): void {
    this.state = { ...this.state, ...change };
    this.emit();
  }

  private emit(): void {
    for (const l of [...this.listeners]) l(this.state);
  }

  /** Runs `action` after every action before it: the workbook is never changed by two at once. */
  private serial<T>(action: () => Promise<T>): Promise<T> {
    const run = this.queue.then(action, action);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** A workbook with no sheet, or only empty sheets and no table or name: a plan may replace it whole. */
function isBlank(wb: ExcelJS.Workbook): boolean {
  if (findTables(wb).size > 0) return false;
  if (((wb.definedNames as unknown as { model?: unknown[] }).model ?? []).length > 0) return false;
  return wb.worksheets.every((ws) => ws.actualRowCount === 0);
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return Boolean(p?.sheet);
}

/** The table's data rows as Office.js `formulas` gives them: `=…` text for formulas, values otherwise. */
function tableFormulas(t: FoundTable): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = t.top + 1; r <= t.bottom; r++) {
    const row: unknown[] = [];
    for (let c = t.left; c <= t.right; c++) {
      const cell = t.sheet.getCell(r, c);
      const v = cell.value;
      if (typeof v === "object" && v !== null && !(v instanceof Date) && ("formula" in v || "sharedFormula" in v)) row.push(`=${cell.formula}`);
      else if (typeof v === "object" && v !== null && "richText" in v) row.push(v.richText.map((x) => x.text).join(""));
      else row.push(v instanceof Date ? v : (v ?? ""));
    }
    rows.push(row);
  }
  return rows;
}

/**
 * A cell entry made for Office.js (addin/actions/actions.rows.ts) as exceljs takes it: `=…` is a formula,
 * `'…` is text entered with Excel's text prefix (the text after it), anything else a value.
 */
function cellValueOf(v: string | number | boolean): ExcelJS.CellValue {
  if (typeof v !== "string") return v;
  if (v.startsWith("'")) return v.slice(1);
  if (v.startsWith("=")) return { formula: v.slice(1) } as ExcelJS.CellFormulaValue;
  return v === "" ? null : v;
}

/**
 * Makes the table `added` rows longer, over the rows just written below it: the new rows take
 * the style and the validation of the table's last row, as Excel gives a row added to a table.
 */
function growTable(t: FoundTable, added: number): void {
  const ws = t.sheet;
  const last = t.bottom;
  const validations = (ws as unknown as WithValidations).dataValidations;
  for (let i = 1; i <= added; i++) {
    const row = last + i;
    for (let c = t.left; c <= t.right; c++) {
      const above = ws.getCell(last, c);
      const cell = ws.getCell(row, c);
      cell.style = { ...above.style };
      const rule = validationAt(validations.model, last, c);
      if (rule) validations.add(cell.address, rule);
    }
    const height = ws.getRow(last).height;
    if (height) ws.getRow(row).height = height;
  }
  const tables = (ws as unknown as { tables: Record<string, { table?: TableModel; model?: TableModel }> }).tables;
  const entry = Object.values(tables).find((x) => (x.table ?? x.model)?.name?.toLowerCase() === t.name.toLowerCase());
  const model = entry?.table ?? entry?.model;
  if (!model) return;
  const ref = `${cellAddress(t.top, t.left)}:${cellAddress(last + added, t.right)}`;
  model.tableRef = ref;
  model.autoFilterRef = ref;
  if (Array.isArray(model.rows)) {
    for (let i = 1; i <= added; i++) {
      const values: ExcelJS.CellValue[] = [];
      for (let c = t.left; c <= t.right; c++) values.push(ws.getCell(last + i, c).value);
      model.rows.push(values);
    }
  }
}

/**
 * The validation of a cell: exceljs keys a loaded file's validations by cell, and those added by
 * the renderer by the range they were given.
 */
function validationAt(model: WithValidations["dataValidations"]["model"], row: number, col: number): ExcelJS.DataValidation | undefined {
  const own = model[cellAddress(row, col)];
  if (own) return own;
  for (const [key, rule] of Object.entries(model)) {
    if (!rule || !key.includes(":")) continue;
    const r = parseRangeAddress(key.replace(/\$/g, ""));
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return rule;
  }
  return undefined;
}

interface TableModel {
  name?: string;
  tableRef?: string;
  autoFilterRef?: string;
  rows?: ExcelJS.CellValue[][];
}
