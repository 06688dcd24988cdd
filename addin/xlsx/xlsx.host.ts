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
import { missingCoreTable, templateOfInfoRows } from "../host/host.workbook.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import { naDisplayToken } from "../model/scale.js";
import type { InputIssue, Lang } from "../model/template.types.js";
import { parseCellAddress } from "../model/cell.address.js";
import { TABLES } from "../plan/names.js";
import type { WorkbookPlan } from "../plan/plan.types.js";
import { definedNameModels } from "./exceljs.internals.js";
import { appendActions } from "./xlsx.actions.js";
import { applyFormulaRepairs } from "./xlsx.formulas.js";
import { loadWorkbook, saveWorkbook } from "./xlsx.io.js";
import { readQualigridWorkbook } from "./xlsx.read.js";
import { renderPlanIntoWorkbook, renderPlanToWorkbook } from "./xlsx.render.js";
import { findTables, plainTableOf } from "./xlsx.tables.js";

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
      const appended = appendActions(this.wb, rows);
      if (!appended.ok) return fail<number>(appended.code, appended.detail);
      this.changed();
      return { ok: true, value: appended.added };
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
  if (definedNameModels(wb).length > 0) return false;
  return wb.worksheets.every((ws) => ws.actualRowCount === 0);
}
