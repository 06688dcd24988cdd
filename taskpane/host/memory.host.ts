import type {
  AgreedAnswer,
  Answer,
  CheckOptions,
  CriterionContext,
  EvaluatorAnswer,
  EvidenceReviewInput,
  ProtectionMode,
  RecommendationInput,
  FormulaWrite,
  GenerateProgress,
  HostError,
  HostResult,
  NewAction,
  MergeOutcome,
  OpenedAs,
  RespondentCopy,
  UpgradeOptions,
  UpgradeOutcome,
  WorkbookHost,
  WorkbookStatus,
  MadeWorkbookNames,
  RoundCloseOutcome,
  SurveyImportOutcome,
} from "../../addin/host/host.types.js";
import type { TemplateFound, WorkbookCheck } from "../../addin/host/host.outcomes.js";
import type { SealReceipt } from "../../addin/workbook/seal.check.js";
import type { RoundCloseOptions } from "../../addin/model/history.types.js";
import type { SurveyImportOptions } from "../../addin/model/survey.types.js";
import { loadSnapshotServices } from "../../addin/host/host.services.js";
import { snapshotActions } from "../../addin/host/host.snapshot.js";
import { gridStatusOf } from "../../addin/host/host.workbook.js";
import { criterionContextOfWorkbook, nextRecommendationId } from "../../addin/host/host.evaluator.js";
import { reviewStatusLabel } from "../../addin/model/review.status.js";
import type { ActionRowRead, AssessmentWorkbook, CellRef, GridRowRead, RespondentCellsRead, RespondentRecord } from "../../addin/workbook/workbook.types.js";
import { assessmentOfLayout, withAssessment } from "../../addin/workbook/workbook.assessment.js";
import { naDisplayToken, type Rating } from "../../addin/model/scale.js";
import { matchKey } from "../../addin/model/text.match.js";
import { respondentNameIssue } from "../../addin/model/respondent.names.js";
import { firstRespondentName } from "../../addin/model/messages/messages.cli.respondents.js";
import type { Lang, Result, Template } from "../../addin/model/template.types.js";
import { cellAddress } from "../../addin/model/cell.address.js";
import { ACTION_SOURCES, EVIDENCE_STATUSES } from "../../addin/plan/labels.js";
import { planSettings } from "../../addin/plan/settings.plan.js";
import { TABLES } from "../../addin/plan/names.js";
import type { TablePlan, WorkbookPlan } from "../../addin/plan/plan.types.js";

/** The host actions a memory host records. */
export type HostMethod =
  | "closeRound"
  | "importSurvey"
  | "status"
  | "generate"
  | "read"
  | "setAnswer"
  | "selectCriterion"
  | "appendActions"
  | "insertFormula"
  | "snapshot"
  | "writeFormulas"
  | "openWorkbook"
  | "check"
  | "templateFromWorkbook"
  | "openGridWorkbook"
  | "upgrade"
  | "addRespondent"
  | "setAgreed"
  | "importAnswers"
  | "makeCopies"
  | "criterionContext"
  | "setEvaluatorAnswer"
  | "setEvidenceReview"
  | "addRecommendation"
  | "setProtectionMode"
  | "seal";

/** One recorded call: the method and its arguments. */
export type HostCall = { [M in HostMethod]: { method: M; args: Parameters<WorkbookHost[M]> } }[HostMethod];

/** How a memory host starts. */
export interface MemoryHostOptions {
  lang?: Lang;
  dark?: boolean;
  /** The workbook already open; none (a blank workbook) by default. */
  workbook?: AssessmentWorkbook | null;
  /**
   * Whether selecting a criterion from the pane also fires the grid's selection event, as Excel's
   * `onSelectionChanged` does for a programmatic selection. True by default.
   */
  echoSelection?: boolean;
  /**
   * What `snapshot` returns: the workbook as .xlsx bytes (made with the file renderer in tests);
   * check, template reading and upgrade work on them, as Excel's host does on its snapshot.
   */
  bytes?: Uint8Array;
}

const OK_VOID: HostResult<void> = { ok: true, value: undefined };

/**
 * A `WorkbookHost` without Excel: the workbook is an `AssessmentWorkbook` in memory, made from the
 * engine's own plan on `generate`. It records every call, can be told to fail the next call of a
 * method with a given error, to hold a generation half-way, and to play a user selecting a grid row.
 */
export class MemoryHost implements WorkbookHost {
  readonly kind = "file" as const;
  workbook: AssessmentWorkbook | null;
  /** The protection mode last set (`setProtectionMode`); the organization's, as generated, to begin with. */
  protection: ProtectionMode = "organization";
  /** The criterion whose rating cell is selected in the grid. */
  selected: string | null = null;
  /** The address `insertFormula` writes to and returns, as Excel gives it. */
  activeCell = "Feuil1!B2";
  /** The formulas inserted, by address, the last one written to a cell winning. */
  readonly formulas = new Map<string, string>();
  readonly calls: HostCall[] = [];
  /** What `snapshot` returns; `null`: the host fails with `unknown` as an Excel without the file API would. */
  bytes: Uint8Array | null;
  /** Formulas written by `writeFormulas`, by `Sheet!A1`. */
  readonly written = new Map<string, string>();
  /** Workbooks opened by `openWorkbook`, in order. */
  readonly opened: { bytes: Uint8Array; name: string }[] = [];
  /**
   * What `importAnswers` does with a copy; by default the copy's answers go to `as` (else the file's
   * base name), added when new, nothing filled: tests that need more set their own.
   */
  merge: (bytes: Uint8Array, file: string, as?: string) => Result<MergeOutcome> = (_bytes, file, as) => ({
    ok: true,
    value: { respondent: as ?? file.replace(/\.xlsx$/i, ""), added: false, copyId: "", filled: 0, missing: [], unknown: [], otherVersion: null, warnings: [] },
    warnings: [],
  });
  private readonly lang: Lang;
  private readonly dark: boolean;
  private readonly echoSelection: boolean;
  private readonly listeners = new Set<(id: string) => void>();
  private readonly failures = new Map<HostMethod, HostError[]>();
  private hold: Promise<void> | null = null;
  // As Excel does: on the bytes `snapshot` gives, with the real file services, opened with `openWorkbook`.
  private readonly copy = snapshotActions(this, loadSnapshotServices);

  constructor(options: MemoryHostOptions = {}) {
    this.lang = options.lang ?? "fr";
    this.dark = options.dark ?? false;
    this.workbook = options.workbook ? structuredClone(options.workbook) : null;
    this.echoSelection = options.echoSelection ?? true;
    this.bytes = options.bytes ?? null;
  }

  /** A host whose workbook already holds the grid of `plan`. */
  static withPlan(plan: WorkbookPlan, options: Omit<MemoryHostOptions, "workbook"> = {}): MemoryHost {
    return new MemoryHost({ ...options, workbook: workbookFromPlan(plan) });
  }

  displayLanguage(): Lang {
    return this.lang;
  }

  prefersDark(): boolean {
    return this.dark;
  }

  /** The next `times` calls of `method` fail with `error`. */
  fail(method: HostMethod, error: HostError, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(error);
    this.failures.set(method, queue);
  }

  /** The next generation stops after its "write" progress until the returned function is called. */
  holdGeneration(): () => void {
    let release = (): void => {};
    this.hold = new Promise<void>((resolve) => (release = resolve));
    return release;
  }

  /** The arguments of every recorded call of `method`, in order. */
  callsTo<M extends HostMethod>(method: M): Parameters<WorkbookHost[M]>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args as Parameters<WorkbookHost[M]>);
  }

  /** Plays a user selecting a criterion's row in the grid. */
  userSelects(criterionId: string): void {
    this.selected = criterionId;
    for (const l of [...this.listeners]) l(criterionId);
  }

  async status(): Promise<HostResult<WorkbookStatus>> {
    this.calls.push({ method: "status", args: [] });
    return (
      this.failure("status") ?? {
        ok: true,
        value: {
          ...gridStatusOf({ tables: this.workbook ? Object.values(TABLES) : [], definedNames: [] }),
          template: this.workbook ? { id: this.workbook.template.id, version: this.workbook.template.version } : null,
        },
      }
    );
  }

  async generate(plan: WorkbookPlan, onProgress?: (p: GenerateProgress) => void): Promise<HostResult<void>> {
    this.calls.push({ method: "generate", args: [plan, onProgress] });
    const failed = this.failure("generate");
    if (failed) return failed;
    if (this.workbook) return { ok: false, error: { code: "gridExists", detail: this.workbook.template.id } };
    onProgress?.({ fraction: 0, stage: "prepare" });
    await tick();
    onProgress?.({ fraction: 0.4, stage: "write" });
    if (this.hold) {
      await this.hold;
      this.hold = null;
    }
    await tick();
    onProgress?.({ fraction: 0.8, stage: "format" });
    this.workbook = workbookFromPlan(plan);
    onProgress?.({ fraction: 1, stage: "done" });
    return OK_VOID;
  }

  async read(): Promise<HostResult<AssessmentWorkbook>> {
    this.calls.push({ method: "read", args: [] });
    const failed = this.failure("read") ?? this.needGrid();
    if (failed) return failed;
    // Rebuilt from the rows, which setAnswer, appendActions and tests change in place.
    return { ok: true, value: withAssessment(structuredClone(this.workbook as AssessmentWorkbook)) };
  }

  async setAnswer(criterionId: string, answer: Answer, respondent?: string): Promise<HostResult<void>> {
    this.calls.push({ method: "setAnswer", args: respondent === undefined ? [criterionId, answer] : [criterionId, answer, respondent] });
    const row = this.rowOf("setAnswer", criterionId);
    if (!row.ok) return row;
    const wb = this.workbook as AssessmentWorkbook;
    const k = respondent === undefined ? 0 : respondentIndex(wb, respondent);
    if (k < 0) return { ok: false, error: { code: "unknown", detail: `no respondent ${respondent ?? ""}` } };
    const r = answer.rating;
    if (r.kind === "invalid") return { ok: false, error: { code: "unknown", detail: `invalid rating ${r.raw}` } };
    const cells: WritableCells = k === 0 ? row.value : (row.value.respondents[k] as RespondentCellsRead);
    // As the hosts write: a text question's words in its « Réponse » cell (its rating cell without one), none when N/A.
    const words = answer.text === undefined || answer.text === "" || r.kind === "na" ? null : answer.text;
    const inAnswerCell = answer.text !== undefined && cells.answerCell;
    cells.rating = r.kind === "level" ? r.value : r.kind === "na" ? naDisplayToken(wb.lang) : answer.text !== undefined && !inAnswerCell ? words : null;
    if (inAnswerCell) cells.answer = words;
    if (answer.comment !== undefined) cells.comment = answer.comment;
    mirrorFirst(row.value);
    wb.assessment = assessmentOfLayout(wb);
    return OK_VOID;
  }

  async addRespondent(name: string): Promise<HostResult<Result<void>>> {
    this.calls.push({ method: "addRespondent", args: [name] });
    const failed = this.failure("addRespondent") ?? this.needGrid();
    if (failed) return failed;
    const wb = this.workbook as AssessmentWorkbook;
    const record = (n: string): RespondentRecord => ({ name: n, copyId: "", mergedOn: null, mergedFrom: "" });
    // As the hosts do: a grid whose one respondent has no name calls it « Répondant 1 », who keeps its answers.
    const current = wb.respondents.length === 1 && wb.respondents[0]?.name === "" ? [record(firstRespondentName(wb.lang))] : wb.respondents;
    const issue = respondentNameIssue(name, current.map((r) => r.name), TABLES.respondents);
    if (issue) return { ok: true, value: { ok: false, issues: [issue] } };
    wb.respondents = [...current, record(name.trim())];
    const k = wb.respondents.length;
    for (const row of wb.grid) {
      row.respondents.push({
        rating: null,
        comment: "",
        ratingCell: { sheet: wb.gridSheet, address: `R${row.row}C${100 + 3 * k}` },
        commentCell: { sheet: wb.gridSheet, address: `R${row.row}C${101 + 3 * k}` },
        ...(row.answerCell !== undefined ? { answer: null, answerCell: { sheet: wb.gridSheet, address: `R${row.row}C${102 + 3 * k}` } } : {}),
      });
      row.agreedCell ??= { sheet: wb.gridSheet, address: `R${row.row}C98` };
      row.agreedReasonCell ??= { sheet: wb.gridSheet, address: `R${row.row}C99` };
    }
    wb.assessment = assessmentOfLayout(wb);
    return { ok: true, value: { ok: true, value: undefined, warnings: [] } };
  }

  async setAgreed(criterionId: string, agreed: AgreedAnswer): Promise<HostResult<void>> {
    this.calls.push({ method: "setAgreed", args: [criterionId, agreed] });
    const row = this.rowOf("setAgreed", criterionId);
    if (!row.ok) return row;
    const wb = this.workbook as AssessmentWorkbook;
    if (!row.value.agreedCell) return { ok: false, error: { code: "tableMissing", detail: "Cotation convenue" } };
    const r: Rating = agreed.rating;
    if (r.kind === "invalid") return { ok: false, error: { code: "unknown", detail: `invalid rating ${r.raw}` } };
    row.value.agreed = r.kind === "level" ? r.value : r.kind === "na" ? naDisplayToken(wb.lang) : null;
    if (agreed.reason !== undefined) row.value.agreedReason = agreed.reason;
    wb.assessment = assessmentOfLayout(wb);
    return OK_VOID;
  }

  async importAnswers(bytes: Uint8Array, file: string, as?: string): Promise<HostResult<Result<MergeOutcome>>> {
    this.calls.push({ method: "importAnswers", args: as === undefined ? [bytes, file] : [bytes, file, as] });
    const failed = this.failure("importAnswers") ?? this.needGrid();
    if (failed) return failed;
    const r = this.merge(bytes, file, as);
    if (!r.ok) return { ok: true, value: r };
    const wb = this.workbook as AssessmentWorkbook;
    if (respondentIndex(wb, r.value.respondent) < 0) {
      const added = await this.addRespondent(r.value.respondent);
      this.calls.pop();
      if (!added.ok) return added;
      if (!added.value.ok) return { ok: true, value: added.value };
    }
    const k = respondentIndex(wb, r.value.respondent);
    const record = wb.respondents[k];
    if (record) Object.assign(record, { copyId: r.value.copyId, mergedOn: new Date(), mergedFrom: file });
    return { ok: true, value: r };
  }

  async makeCopies(): Promise<HostResult<Result<RespondentCopy[]>>> {
    this.calls.push({ method: "makeCopies", args: [] });
    const failed = this.failure("makeCopies") ?? this.needGrid();
    if (failed) return failed;
    const wb = this.workbook as AssessmentWorkbook;
    const named = wb.respondents.filter((r) => r.name !== "");
    if (named.length === 0) return { ok: true, value: { ok: false, issues: [{ path: "QG_Respondents", message: "The workbook names no respondent.", severity: "error" }] } };
    const copies = named.map((r, i): RespondentCopy => {
      r.copyId = `copy-${i + 1}`;
      return { respondent: r.name, file: `${wb.template.id} - ${r.name}.xlsx`, bytes: new TextEncoder().encode(`copy of ${r.name}`) };
    });
    return { ok: true, value: { ok: true, value: copies, warnings: [] } };
  }

  async criterionContext(criterionId: string): Promise<HostResult<CriterionContext>> {
    this.calls.push({ method: "criterionContext", args: [criterionId] });
    const row = this.rowOf("criterionContext", criterionId);
    if (!row.ok) return row;
    const found = criterionContextOfWorkbook(withAssessment(structuredClone(this.workbook as AssessmentWorkbook)), criterionId);
    return found ? { ok: true, value: found } : { ok: false, error: { code: "unknownCriterion", detail: criterionId } };
  }

  async setEvaluatorAnswer(criterionId: string, answer: EvaluatorAnswer): Promise<HostResult<void>> {
    this.calls.push({ method: "setEvaluatorAnswer", args: [criterionId, answer] });
    const row = this.rowOf("setEvaluatorAnswer", criterionId);
    if (!row.ok) return row;
    const wb = this.workbook as AssessmentWorkbook;
    const r = answer.rating;
    if (r.kind === "invalid") return { ok: false, error: { code: "unknown", detail: `invalid rating ${r.raw}` } };
    row.value.evaluatorRatingCell ??= { sheet: wb.gridSheet, address: `R${row.value.row}C97` };
    row.value.evaluatorRating = r.kind === "level" ? r.value : r.kind === "na" ? naDisplayToken(wb.lang) : null;
    if (answer.comment !== undefined) row.value.evaluatorComment = answer.comment;
    wb.assessment = assessmentOfLayout(wb);
    return OK_VOID;
  }

  async setEvidenceReview(evidenceId: string, review: EvidenceReviewInput): Promise<HostResult<void>> {
    this.calls.push({ method: "setEvidenceReview", args: [evidenceId, review] });
    const failed = this.failure("setEvidenceReview") ?? this.needGrid();
    if (failed) return failed;
    const wb = this.workbook as AssessmentWorkbook;
    const item = (wb.evidence ?? []).find((e) => e.id !== "" && matchKey(e.id) === matchKey(evidenceId));
    if (!item?.review) return { ok: false, error: { code: "unknownEvidence", detail: evidenceId } };
    item.review.status = review.status === null ? "" : reviewStatusLabel(review.status, wb.lang);
    item.review.note = review.note;
    item.review.reviewer = review.reviewer;
    if (review.date !== undefined) item.review.date = review.date;
    wb.assessment = assessmentOfLayout(wb);
    return OK_VOID;
  }

  async addRecommendation(recommendation: RecommendationInput): Promise<HostResult<void>> {
    this.calls.push({ method: "addRecommendation", args: [recommendation] });
    const row = this.rowOf("addRecommendation", recommendation.criterion);
    if (!row.ok) return row;
    const wb = this.workbook as AssessmentWorkbook;
    if (!wb.actions) return { ok: false, error: { code: "tableMissing", detail: TABLES.actions } };
    const at = wb.actions.reduce((max, a) => Math.max(max, a.row), 4) + 1;
    wb.actions.push({
      id: nextRecommendationId(wb.actions.map((a) => a.id)),
      criterion: row.value.criterion,
      action: recommendation.text,
      owner: "",
      due: recommendation.due,
      status: "",
      source: ACTION_SOURCES.find((s) => s.key === "externalEvaluation")?.text[wb.lang] ?? "",
      row: at,
      rowRef: { sheet: "Plan d'action", address: cellAddress(at, 1) },
      criterionCell: null,
      ownerCell: null,
      dueCell: null,
    });
    wb.assessment = assessmentOfLayout(wb);
    return OK_VOID;
  }

  async setProtectionMode(mode: ProtectionMode): Promise<HostResult<void>> {
    this.calls.push({ method: "setProtectionMode", args: [mode] });
    const failed = this.failure("setProtectionMode") ?? this.needGrid();
    if (failed) return failed;
    this.protection = mode;
    return OK_VOID;
  }

  async selectCriterion(criterionId: string): Promise<HostResult<void>> {
    this.calls.push({ method: "selectCriterion", args: [criterionId] });
    const row = this.rowOf("selectCriterion", criterionId);
    if (!row.ok) return row;
    this.selected = row.value.criterion;
    if (this.echoSelection) {
      const id = row.value.criterion;
      setTimeout(() => this.userSelects(id), 0);
    }
    return OK_VOID;
  }

  onCriterionSelected(listener: (criterionId: string) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  async appendActions(rows: readonly NewAction[]): Promise<HostResult<number>> {
    this.calls.push({ method: "appendActions", args: [rows] });
    const failed = this.failure("appendActions") ?? this.needGrid();
    if (failed) return failed;
    const wb = this.workbook as AssessmentWorkbook;
    if (!wb.actions) return { ok: false, error: { code: "tableMissing", detail: TABLES.actions } };
    const actions = wb.actions;
    let next = actions.reduce((max, a) => Math.max(max, a.row), 4) + 1;
    for (const r of rows) {
      const row = next++;
      const added: ActionRowRead = {
        id: "",
        criterion: r.criterion,
        action: "",
        owner: "",
        due: null,
        status: "",
        row,
        rowRef: { sheet: "Plan d'action", address: cellAddress(row, 1) },
        criterionCell: null,
        ownerCell: null,
        dueCell: null,
      };
      actions.push(added);
    }
    wb.assessment = assessmentOfLayout(wb);
    return { ok: true, value: rows.length };
  }

  async insertFormula(formula: string): Promise<HostResult<string>> {
    this.calls.push({ method: "insertFormula", args: [formula] });
    const failed = this.failure("insertFormula");
    if (failed) return failed;
    this.formulas.set(this.activeCell, formula);
    return { ok: true, value: this.activeCell };
  }

  async snapshot(): Promise<HostResult<Uint8Array>> {
    this.calls.push({ method: "snapshot", args: [] });
    const failed = this.failure("snapshot");
    if (failed) return failed;
    return this.bytes ? { ok: true, value: this.bytes } : { ok: false, error: { code: "unknown", detail: "no bytes" } };
  }

  async writeFormulas(cells: readonly FormulaWrite[]): Promise<HostResult<number>> {
    this.calls.push({ method: "writeFormulas", args: [cells] });
    const failed = this.failure("writeFormulas");
    if (failed) return failed;
    for (const c of cells) this.written.set(`${c.sheet}!${c.address}`, c.formula);
    return { ok: true, value: cells.length };
  }

  async openWorkbook(bytes: Uint8Array, name: string): Promise<HostResult<OpenedAs>> {
    this.calls.push({ method: "openWorkbook", args: [bytes, name] });
    const failed = this.failure("openWorkbook");
    if (failed) return failed;
    this.opened.push({ bytes, name });
    return { ok: true, value: "newWindow" };
  }

  async check(options: CheckOptions): Promise<HostResult<Result<WorkbookCheck>>> {
    this.calls.push({ method: "check", args: [options] });
    return this.failure("check") ?? this.copy.check(options);
  }

  /** Records the seal asked for and gives a receipt (the fingerprint is made up: no workbook is hashed here). */
  async seal(by: string, file: string): Promise<HostResult<Result<SealReceipt>>> {
    this.calls.push({ method: "seal", args: [by, file] });
    const failed = this.failure("seal");
    if (failed) return failed;
    const receipt: SealReceipt = {
      kind: "qualigrid-seal",
      algorithm: "SHA-256",
      fingerprint: "0".repeat(64),
      date: new Date().toISOString().slice(0, 10),
      reviewer: by.trim(),
      template: { id: this.workbook?.template.id ?? "", version: this.workbook?.template.version ?? "" },
      file,
    };
    return { ok: true, value: { ok: true, value: receipt, warnings: [] } };
  }

  async templateFromWorkbook(file: string): Promise<HostResult<Result<TemplateFound>>> {
    this.calls.push({ method: "templateFromWorkbook", args: [file] });
    return this.failure("templateFromWorkbook") ?? this.copy.templateFromWorkbook(file);
  }

  async openGridWorkbook(template: Template, lang: Lang, name: string): Promise<HostResult<OpenedAs>> {
    this.calls.push({ method: "openGridWorkbook", args: [template, lang, name] });
    return this.failure("openGridWorkbook") ?? this.copy.openGridWorkbook(template, lang, name);
  }

  async upgrade(next: Template, options: UpgradeOptions): Promise<HostResult<Result<UpgradeOutcome>>> {
    this.calls.push({ method: "upgrade", args: [next, options] });
    return this.failure("upgrade") ?? this.copy.upgrade(next, options);
  }

  async closeRound(options: RoundCloseOptions, names: MadeWorkbookNames): Promise<HostResult<Result<RoundCloseOutcome>>> {
    this.calls.push({ method: "closeRound", args: [options, names] });
    return this.failure("closeRound") ?? this.copy.closeRound(options, names);
  }

  async importSurvey(bytes: Uint8Array, source: string, options: SurveyImportOptions, names: MadeWorkbookNames): Promise<HostResult<Result<SurveyImportOutcome>>> {
    this.calls.push({ method: "importSurvey", args: [bytes, source, options, names] });
    return this.failure("importSurvey") ?? this.copy.importSurvey(bytes, source, options, names);
  }

  private failure(method: HostMethod): { ok: false; error: HostError } | null {
    const error = this.failures.get(method)?.shift();
    return error ? { ok: false, error } : null;
  }

  private needGrid(): { ok: false; error: HostError } | null {
    return this.workbook ? null : { ok: false, error: { code: "noGrid", detail: "" } };
  }

  private rowOf(method: HostMethod, criterionId: string): HostResult<GridRowRead> {
    const failed = this.failure(method) ?? this.needGrid();
    if (failed) return failed;
    const key = criterionId.toLowerCase();
    const row = (this.workbook as AssessmentWorkbook).grid.find((r) => r.criterion.toLowerCase() === key);
    return row ? { ok: true, value: row } : { ok: false, error: { code: "unknownCriterion", detail: criterionId } };
  }
}

/**
 * The workbook a generation of `plan` leaves, as the readers would read it back: one grid row per
 * row of the plan's `QG_Grid`, empty registers for the parts generated, the dashboard's targets.
 */
export function workbookFromPlan(plan: WorkbookPlan): AssessmentWorkbook {
  const tables = plan.sheets.flatMap((s) => s.tables.map((table) => ({ sheet: s.name, table })));
  const found = (name: string): { sheet: string; table: TablePlan } | undefined => tables.find((t) => t.table.name === name);
  const grid = found(TABLES.grid);
  if (!grid) throw new Error("a plan always has a grid");
  const col = (t: TablePlan, key: string): number => t.columns.findIndex((c) => c.key === key);
  const g = grid.table;
  const [criterion, dimension] = ["criterion", "dimension"].map((k) => col(g, k)) as [number, number];
  const names = plan.options.respondents ?? [];
  // The multi layout's columns carry the respondent's 1-based index (`rating.2`); one respondent keeps today's.
  const suffixes = names.length >= 2 ? names.map((_, k) => `.${k + 1}`) : [""];
  const [agreed, agreedReason] = [col(g, "agreed"), col(g, "agreedReason")];
  const rows: GridRowRead[] = g.rows.map((values, i) => {
    const row = g.top + 1 + i;
    const cell = (c: number): CellRef | null => (c >= 0 ? { sheet: grid.sheet, address: cellAddress(row, g.left + c) } : null);
    const respondents = suffixes.map((sfx): RespondentCellsRead => {
      const answer = col(g, `answer${sfx}`);
      return {
        rating: null,
        comment: "",
        ratingCell: cell(col(g, `rating${sfx}`)) as CellRef,
        commentCell: cell(col(g, `comment${sfx}`)),
        // A template with text questions has a « Réponse » column: as the readers read it back.
        ...(answer >= 0 ? { answer: null, answerCell: cell(answer) } : {}),
      };
    });
    const first = respondents[0] as RespondentCellsRead;
    return {
      ...(first.answerCell !== undefined ? { answer: null, answerCell: first.answerCell } : {}),
      criterion: String(values[criterion]),
      dimension: String(values[dimension]),
      rating: null,
      comment: "",
      evaluatorRating: null,
      evaluatorComment: "",
      row,
      ratingCell: first.ratingCell,
      commentCell: first.commentCell,
      evaluatorRatingCell: null,
      respondents,
      agreed: null,
      agreedReason: "",
      agreedCell: cell(agreed),
      agreedReasonCell: cell(agreedReason),
    };
  });
  const targets: Record<string, number> = {};
  const scores = found(TABLES.scores)?.table;
  if (scores) {
    const [d, t] = [col(scores, "dimension"), col(scores, "target")];
    for (const values of scores.rows) {
      const target = values[t];
      if (typeof target === "number") targets[String(values[d])] = target;
    }
  }
  return withAssessment({
    template: plan.template,
    lang: plan.lang,
    grid: rows,
    gridSheet: grid.sheet,
    evidence: found(TABLES.evidence) ? [] : null,
    actions: found(TABLES.actions) ? [] : null,
    targets,
    overallTarget: scores ? (plan.options.overallTarget ?? plan.template.target) : null,
    acceptedStatus: EVIDENCE_STATUSES.find((s) => s.key === "accepted")?.text[plan.lang] ?? "",
    settings: planSettings(plan.options),
    respondents: (names.length > 0 ? names : [""]).map((name) => ({ name, copyId: "", mergedOn: null, mergedFrom: "" })),
  });
}

/** The index of the respondent `name` (case, accents and spaces ignored), or −1. */
function respondentIndex(wb: AssessmentWorkbook, name: string): number {
  const key = matchKey(name);
  return wb.respondents.findIndex((r) => matchKey(r.name) === key);
}

/** The cells a write changes: a respondent's, or the row's own (the first respondent's). */
type WritableCells = Pick<RespondentCellsRead, "rating" | "comment" | "answer" | "answerCell">;

/** The row's own rating, comment and words are respondent 1's (what the readers score); its `respondents[0]` follows them. */
function mirrorFirst(row: GridRowRead): void {
  const first = row.respondents[0];
  if (!first) return;
  first.rating = row.rating;
  first.comment = row.comment;
  if (first.answerCell !== undefined) first.answer = row.answer ?? null;
}

/** Lets React render between progress steps, as a real round trip to Excel would. */
function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
