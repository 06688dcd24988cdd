import ExcelJS from "exceljs";
import type {
  AgreedAnswer,
  Answer,
  CriterionContext,
  EvaluatorAnswer,
  EvidenceReviewInput,
  ProtectionMode,
  RecommendationInput,
  CheckOptions,
  FormulaWrite,
  GenerateProgress,
  HostError,
  HostResult,
  MergeOutcome,
  NewAction,
  OpenedAs,
  RespondentCopy,
  UpgradeOptions,
  UpgradeOutcome,
  WorkbookStatus,
  MadeWorkbookNames,
  RoundCloseOutcome,
  SurveyImportOutcome,
} from "../host/host.types.js";
import type { RoundCloseOptions } from "../model/history.types.js";
import type { SurveyImportOptions } from "../model/survey.types.js";
import { closeRoundSnapshot, importSurveySnapshot } from "./xlsx.snapshot.js";
import type { TemplateFound, WorkbookCheck } from "../host/host.outcomes.js";
import { EMPTY_FILE_STATE, type FileHostOptions, type FileHostState, type WorkbenchHost } from "../host/host.file.js";
import { gridStatusOf, missingCoreTable, templateOfInfoRows } from "../host/host.workbook.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import type { InputIssue, Lang, Result, Template } from "../model/template.types.js";
import { parseCellAddress } from "../model/cell.address.js";
import { issueText } from "../model/messages/message.catalog.js";
import { TABLES } from "../plan/names.js";
import { buildPlan } from "../plan/plan.build.js";
import type { WorkbookPlan } from "../plan/plan.types.js";
import { definedNameModels } from "./exceljs.internals.js";
import { appendActions } from "./xlsx.actions.js";
import { checkQualigridWorkbook, withHistoryCheck } from "./xlsx.check.js";
import { sealForPane, withSealCheck } from "./xlsx.seal.js";
import type { SealReceipt } from "../workbook/seal.check.js";
import { fillAnswers } from "./xlsx.fill.js";
import { applyFormulaRepairs } from "./xlsx.formulas.js";
import { refusalOf } from "./xlsx.guard.js";
import { loadWorkbook, saveWorkbook } from "./xlsx.io.js";
import { readQualigridWorkbook } from "./xlsx.read.js";
import { renderPlanIntoWorkbook, renderPlanToWorkbook, workbookNamesOf } from "./xlsx.render.js";
import { findTables, plainTableOf } from "./xlsx.tables.js";
import { templateFromXlsx } from "./xlsx.template.js";
import { upgradeWorkbook } from "./xlsx.upgrade.js";
import { firstRespondentName } from "../model/messages/messages.cli.respondents.js";
import { respondentNameIssue } from "../model/respondent.names.js";
import { planMerges } from "../workbook/merge.answers.js";
import { makeRespondentCopies } from "./xlsx.copies.js";
import { mergeIntoWorkbook } from "./xlsx.merge.js";
import { loadQualigridWorkbook } from "./xlsx.read.js";
import { fillAgreed, fillRespondent, respondentIndex, withRespondents } from "./xlsx.respondents.js";
import { criterionContextOfWorkbook } from "../host/host.evaluator.js";
import { matchKey } from "../model/text.match.js";
import { applyProtectionMode } from "./xlsx.protection.js";
import { appendRecommendations, fillEvaluator, fillEvidenceReviews } from "./xlsx.review.js";

const OK: HostResult<void> = { ok: true, value: undefined };
const fail = <T>(code: HostError["code"], detail: string): HostResult<T> => ({ ok: false, error: { code, detail } });

/**
 * The task pane's host in the browser workbench: the same `WorkbookHost` as Excel, on an exceljs
 * workbook in memory, with the file renderer and reader of `addin/xlsx`. Nothing leaves the
 * page: workbooks come from the user's files and go back as downloads. Actions run one at a time.
 * The workbench makes it through `LazyFileHost` (addin/host), which loads this module on demand.
 */
export class FileHost implements WorkbenchHost {
  readonly kind = "file" as const;
  private wb: ExcelJS.Workbook = new ExcelJS.Workbook();
  private state: FileHostState = EMPTY_FILE_STATE;
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
      if (!loaded.ok) return { ok: false as const, issue: loaded.issues[0] ?? refusalOf("unopenable", name) };
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
      const { hasGrid, clashes } = gridStatusOf(workbookNamesOf(this.wb));
      const info = hasGrid ? tables.get(TABLES.templateInfo.toLowerCase()) : undefined;
      return { ok: true, value: { hasGrid, template: info ? templateOfInfoRows(plainTableOf(info).rows) : null, clashes } };
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

  setAnswer(criterionId: string, answer: Answer, respondent?: string): Promise<HostResult<void>> {
    return this.serial(async () => {
      const r = answer.rating;
      if (r.kind === "invalid") return fail<void>("unknown", `${r.raw}: ${r.reason}`);
      const read = this.readNow();
      if (!read.ok) return read;
      // Written as `qualigrid fill` writes answers: a named respondent's cells only.
      const line = { criterion: criterionId, rating: r, comment: answer.comment ?? null, ...(answer.text !== undefined ? { text: answer.text } : {}) };
      const unnamed = read.value.respondents.length === 1 && (read.value.respondents[0]?.name ?? "") === "";
      if (respondent !== undefined && respondent.trim() !== "" && !unnamed && respondentIndex(read.value, respondent) < 0) {
        return fail<void>("unknown", `${TABLES.grid}: no respondent « ${respondent} »`);
      }
      const written =
        respondent !== undefined && respondent.trim() !== "" && !unnamed
          ? fillRespondent(this.wb, read.value, respondent, [line]).filled
          : fillAnswers(this.wb, read.value, [line]);
      if (written === 0) return fail<void>("unknownCriterion", criterionId);
      this.changed();
      return OK;
    });
  }

  setAgreed(criterionId: string, agreed: AgreedAnswer): Promise<HostResult<void>> {
    return this.serial(async () => {
      const r = agreed.rating;
      if (r.kind === "invalid") return fail<void>("unknown", `${r.raw}: ${r.reason}`);
      const read = this.readNow();
      if (!read.ok) return read;
      const row = read.value.grid.find((g) => g.criterion.toLowerCase() === criterionId.trim().toLowerCase());
      if (!row) return fail<void>("unknownCriterion", criterionId);
      if (!row.agreedCell) return fail<void>("unknown", `${TABLES.grid}: no agreed rating column (one respondent)`);
      const { cellsChanged } = fillAgreed(this.wb, read.value, [{ criterion: row.criterion, rating: r, comment: agreed.reason ?? null }]);
      if (cellsChanged > 0) this.changed();
      return OK;
    });
  }

  /** The workbook re-rendered with one more respondent (`withRespondents`, as `qualigrid fill --respondent`). */
  addRespondent(name: string): Promise<HostResult<Result<void>>> {
    return this.serial(async () => {
      const read = this.readNow();
      if (!read.ok) return read;
      const a = read.value;
      const named = a.respondents.length === 1 && (a.respondents[0]?.name ?? "") === "" ? [] : a.respondents.map((r) => r.name);
      const current = named.length === 0 ? [firstRespondentName(a.lang)] : named;
      const issue = respondentNameIssue(name, current, TABLES.respondents);
      if (issue) return { ok: true, value: { ok: false, issues: [issue] } };
      const made = await withRespondents(this.wb, a, [...current, name.trim()]);
      if (!made.ok) return { ok: true, value: made };
      this.wb = made.value;
      this.changed();
      return { ok: true, value: { ok: true, value: undefined, warnings: made.warnings } };
    });
  }

  /** Merges a copy's bytes into the workbook, as `qualigrid merge` does (nothing written when refused). */
  importAnswers(bytes: Uint8Array, file: string, as?: string): Promise<HostResult<Result<MergeOutcome>>> {
    return this.serial(async () => {
      const read = this.readNow();
      if (!read.ok) return read;
      const copy = await loadQualigridWorkbook(bytes, file);
      if (!copy.ok) return { ok: true, value: copy };
      const masterFile = this.state.fileName ?? "workbook";
      const planned = planMerges(read.value, [{ copy: copy.value.assessment, file, ...(as === undefined ? {} : { as }) }], masterFile);
      if (!planned.ok) return { ok: true, value: planned };
      const merged = await mergeIntoWorkbook(this.wb, read.value, planned.value, [file], masterFile);
      if (!merged.ok) return { ok: true, value: merged };
      const plan = planned.value.plans[0];
      if (!plan) return fail<Result<MergeOutcome>>("unknown", file);
      this.wb = merged.value.workbook;
      if (merged.value.changed) this.changed();
      return { ok: true, value: { ok: true, value: plan.outcome, warnings: planned.warnings } };
    });
  }

  /** One copy per respondent, as `qualigrid copies` makes them; the copy ids are recorded in this workbook. */
  makeCopies(): Promise<HostResult<Result<RespondentCopy[]>>> {
    return this.serial(async () => {
      const read = this.readNow();
      if (!read.ok) return read;
      const file = this.state.fileName ?? "qualigrid.xlsx";
      const made = await makeRespondentCopies(this.wb, read.value, file, () => globalThis.crypto.randomUUID());
      if (!made.ok) return { ok: true, value: made };
      this.changed();
      return { ok: true, value: { ok: true, value: made.value.map((c) => ({ respondent: c.respondent, file: c.file, bytes: c.bytes })), warnings: made.warnings } };
    });
  }

  criterionContext(criterionId: string): Promise<HostResult<CriterionContext>> {
    return this.serial(async () => {
      const read = this.readNow();
      if (!read.ok) return read;
      const found = criterionContextOfWorkbook(read.value, criterionId);
      return found ? { ok: true, value: found } : fail<CriterionContext>("unknownCriterion", criterionId);
    });
  }

  /** The evaluator's cells only, as `qualigrid review --answers` writes them. */
  setEvaluatorAnswer(criterionId: string, answer: EvaluatorAnswer): Promise<HostResult<void>> {
    return this.serial(async () => {
      const r = answer.rating;
      if (r.kind === "invalid") return fail<void>("unknown", `${r.raw}: ${r.reason}`);
      const read = this.readNow();
      if (!read.ok) return read;
      const row = read.value.grid.find((g) => matchKey(g.criterion) === matchKey(criterionId));
      if (!row) return fail<void>("unknownCriterion", criterionId);
      if (!row.evaluatorRatingCell) return fail<void>("unknown", `${TABLES.grid}: no evaluator rating column`);
      const { cellsChanged } = fillEvaluator(this.wb, read.value, [{ criterion: row.criterion, rating: r, comment: answer.comment ?? null }]);
      if (cellsChanged > 0) this.changed();
      return OK;
    });
  }

  /** The review cells of one evidence row, as `qualigrid review --evidence` writes them. */
  setEvidenceReview(evidenceId: string, review: EvidenceReviewInput): Promise<HostResult<void>> {
    return this.serial(async () => {
      const read = this.readNow();
      if (!read.ok) return read;
      const item = (read.value.evidence ?? []).find((e) => e.id.trim() !== "" && matchKey(e.id) === matchKey(evidenceId));
      if (!item?.review) return fail<void>("unknownEvidence", evidenceId);
      const options = { reviewer: review.reviewer, ...(review.date ? { date: review.date } : {}) };
      const { cellsChanged } = fillEvidenceReviews(this.wb, read.value, [{ evidence: item.id, status: review.status, note: review.note, line: 0 }], options);
      if (cellsChanged > 0) this.changed();
      return OK;
    });
  }

  /** An action-plan row « Évaluation externe », as `qualigrid review --recommendations` adds it. */
  addRecommendation(recommendation: RecommendationInput): Promise<HostResult<void>> {
    return this.serial(async () => {
      const read = this.readNow();
      if (!read.ok) return read;
      if (!read.value.grid.some((g) => matchKey(g.criterion) === matchKey(recommendation.criterion))) return fail<void>("unknownCriterion", recommendation.criterion);
      const line = { criterion: recommendation.criterion, recommendation: recommendation.text, due: recommendation.due, line: 0 };
      const added = appendRecommendations(this.wb, read.value, [line]);
      if (!added.ok) return fail<void>(added.code, added.detail);
      if (added.added > 0) this.changed();
      return OK;
    });
  }

  setProtectionMode(mode: ProtectionMode): Promise<HostResult<void>> {
    return this.serial(async () => {
      const read = this.readNow();
      if (!read.ok) return read;
      await applyProtectionMode(this.wb, mode);
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
      return this.openNow(bytes, name);
    });
  }

  check({ lang, orgDomains, file }: CheckOptions): Promise<HostResult<Result<WorkbookCheck>>> {
    return this.serial(async () => ({ ok: true, value: await withSealCheck(this.wb, await withHistoryCheck(checkQualigridWorkbook(this.wb, file, lang, orgDomains), lang), lang) }));
  }

  seal(by: string, file: string): Promise<HostResult<Result<SealReceipt>>> {
    return this.serial(async () => {
      const read = this.readNow();
      if (!read.ok) return read;
      const sealed = await sealForPane(this.wb, read.value, by, file);
      if (!sealed.ok) return { ok: true, value: sealed };
      this.changed();
      return { ok: true, value: { ok: true, value: sealed.value.receipt, warnings: [] } };
    });
  }

  templateFromWorkbook(file: string): Promise<HostResult<Result<TemplateFound>>> {
    return this.serial(async () => ({ ok: true, value: templateFromXlsx(this.wb, file) }));
  }

  /** The workbench replaces its workbook with the grid (« replaced »), as `openWorkbook` does. */
  openGridWorkbook(template: Template, lang: Lang, name: string): Promise<HostResult<OpenedAs>> {
    return this.serial(async () => {
      this.replaceByPane(await renderPlanToWorkbook(buildPlan(template, { lang })), name);
      return { ok: true, value: "replaced" as const };
    });
  }

  /** The upgraded workbook replaces the old one (« replaced »), as `openWorkbook` does; the old one's file is untouched. */
  upgrade(next: Template, { name, file }: UpgradeOptions): Promise<HostResult<Result<UpgradeOutcome>>> {
    return this.serial(async () => {
      const read = readQualigridWorkbook(this.wb, file);
      if (!read.ok) return { ok: true, value: read };
      const done = await upgradeWorkbook(this.wb, read.value, next);
      if (!done.ok) return { ok: true, value: done };
      const { workbook, summary } = done.value;
      // Through its bytes, as Excel opens it: the workbench then works on what a download gives.
      const opened = await this.openNow(await saveWorkbook(workbook, { carryFrom: this.wb }), name);
      if (!opened.ok) return opened;
      return { ok: true, value: { ok: true, value: { summary, opened: opened.value }, warnings: read.warnings } };
    });
  }

  /** The next round's workbook replaces this one (« replaced »), as `openWorkbook` does; the closed round's file is untouched. */
  closeRound(options: RoundCloseOptions, { name, file }: MadeWorkbookNames): Promise<HostResult<Result<RoundCloseOutcome>>> {
    return this.serial(async () => {
      const closed = await closeRoundSnapshot(await saveWorkbook(this.wb), file, options);
      if (!closed.ok) return { ok: true, value: closed };
      const opened = await this.openNow(closed.value.bytes, name);
      if (!opened.ok) return opened;
      return { ok: true, value: { ok: true, value: { round: closed.value.round, opened: opened.value }, warnings: closed.warnings } };
    });
  }

  /** The workbook with the survey imported replaces this one (« replaced »), as `openWorkbook` does. */
  importSurvey(bytes: Uint8Array, source: string, options: SurveyImportOptions, { name, file }: MadeWorkbookNames): Promise<HostResult<Result<SurveyImportOutcome>>> {
    return this.serial(async () => {
      const imported = await importSurveySnapshot(await saveWorkbook(this.wb), file, bytes, source, options);
      if (!imported.ok) return { ok: true, value: imported };
      const opened = await this.openNow(imported.value.bytes, name);
      if (!opened.ok) return opened;
      const { survey, evidenceRows } = imported.value;
      return { ok: true, value: { ok: true, value: { survey, evidenceRows, opened: opened.value }, warnings: imported.warnings } };
    });
  }

  /** Opens bytes the pane made in place of the workbook (inside `serial`). */
  private async openNow(bytes: Uint8Array, name: string): Promise<HostResult<OpenedAs>> {
    const loaded = await loadWorkbook(bytes, name);
    if (!loaded.ok) return fail<OpenedAs>("unknown", loaded.issues.map((i) => `${i.path} ${issueText(i, this.options.lang)}`).join("\n"));
    this.replaceByPane(loaded.value, name);
    return { ok: true, value: "replaced" as const };
  }

  /** A workbook the pane made replaces the current one. */
  private replaceByPane(wb: ExcelJS.Workbook, name: string): void {
    this.replace(wb, name, "pane");
    // Not saved anywhere yet: the workbench offers it for download.
    this.update({ modified: true });
  }

  private readNow(): HostResult<AssessmentWorkbook> {
    const tables = findTables(this.wb);
    const missing = missingCoreTable((n) => tables.has(n.toLowerCase()));
    if (missing) return { ok: false, error: missing };
    const result = readQualigridWorkbook(this.wb, this.state.fileName ?? "workbook");
    if (!result.ok) return fail("unknown", result.issues.map((i) => `${i.path}: ${issueText(i, this.options.lang)}`).join("\n"));
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
