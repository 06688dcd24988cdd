import type {
  AgreedAnswer,
  Answer,
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
  OpenedAs,
  MergeOutcome,
  RespondentCopy,
  WorkbookHost,
  WorkbookStatus,
} from "../host/host.types.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import { naDisplayToken } from "../model/scale.js";
import { confirmedBy } from "../model/messages/messages.round.js";
import type { Lang, Result } from "../model/template.types.js";
import { planMerges } from "../workbook/merge.answers.js";
import { cellAddress, parseRangeAddress } from "../model/cell.address.js";
import { TABLES } from "../plan/names.js";
import type { PlanValue, WorkbookPlan } from "../plan/plan.types.js";
import { textEntry } from "../plan/text.entry.js";
import type { SnapshotServices, SnapshotServicesLoader } from "../host/host.services.js";
import { HEADERS } from "../plan/labels.js";
import { snapshotActions } from "../host/host.snapshot.js";
import { gridStatusOf, missingCoreTable, templateOfInfoRows } from "../host/host.workbook.js";
import { placeActions } from "../actions/actions.rows.js";
import { cellEntry, type CellEntry } from "./excel.values.js";
import { hostErrorOf, isOfficeError, type ErrorHint } from "./excel.errors.js";
import { openAsNewWorkbook, workbookBytes, type OfficeDocumentFile } from "./excel.file.js";
import { writeFormulaCells } from "./excel.formulas.js";
import { excelFeatures, FEATURE_SETS, type IsSetSupported } from "./excel.features.js";
import { criterionOfRow, gridLayoutOf, locateGrid, respondentColumnsOf, rowOfCriterion, type GridLayout } from "./excel.grid.js";
import { addRespondentLive, answerEntries, namedRespondents, recordRespondentLive, writeRespondentColumn } from "./excel.respondents.js";
import { readAssessmentFromExcel } from "./excel.read.js";
import { queueEvaluatorAnswer, readCriterionContextLive, recommendationRowLive, setProtectionLive, writeEvidenceReviewLive } from "./excel.evaluator.js";
import { renamedCoreTables } from "./excel.renamed.js";
import { renderPlanToExcel } from "./excel.render.js";
import { writeSealLive } from "./excel.seal.js";
import type { SealReceipt } from "../workbook/seal.check.js";

/** Runs Office.js batches: `Excel.run`, or a test double. */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Runs a batch on an existing context: removing an event handler needs the context that added it. */
  runOn<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** What the host reads from Office's common API. */
export interface OfficeEnv {
  isSetSupported: IsSetSupported;
  /** Office's display language (`fr-CA`, `en-US`). */
  displayLanguage: string;
  /** The theme's background colour (`#1f1f1f`), when Office tells it. */
  bodyBackgroundColor?: string;
}

/** Test doubles for Excel and Office; the globals by default. */
export interface ExcelHostDeps {
  runner?: ExcelRunner;
  office?: () => OfficeEnv;
  /** `Office.context.document`, for the workbook's bytes. */
  document?: () => OfficeDocumentFile | undefined;
  /** `Excel.createWorkbook`, to open a workbook the task pane made. */
  createWorkbook?: () => ((base64: string) => Promise<void>) | undefined;
  /**
   * Loads the file reader's services, which check, read the template of, upgrade and make grids on
   * the workbook's bytes (`loadSnapshotServices`, given by the page: addin/excel never names the
   * exceljs code). Without it, those actions fail with `unknown`.
   */
  snapshotServices?: SnapshotServicesLoader;
}

const OK: HostResult<void> = { ok: true, value: undefined };
const fail = <T>(error: HostError): HostResult<T> => ({ ok: false, error });

/** `Excel.run` from the global the Office.js script defines. */
const globalRunner: ExcelRunner = {
  run: (batch) => Excel.run(batch),
  runOn: (context, batch) => Excel.run(context, batch),
};

/** Office's common API from the global; outside Office every requirement set is unsupported. */
function globalOffice(): OfficeEnv {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return {
    isSetSupported: (name, version) => office?.context?.requirements?.isSetSupported(name, version) ?? false,
    displayLanguage: office?.context?.displayLanguage ?? "en-US",
    bodyBackgroundColor: office?.context?.officeTheme?.bodyBackgroundColor,
  };
}

/**
 * The task pane's host in Excel: every workbook action through Office.js, every Office.js failure
 * turned into a `HostError` (protected sheet, missing table, unsupported API, request too large,
 * or Excel's own message), never thrown. Generation refuses to touch a workbook that already holds
 * Qualigrid tables. The grid's layout from the last read is kept, so a rating costs two round
 * trips: one to check the grid is where it was, one to write.
 */
export function createExcelHost(deps: ExcelHostDeps = {}): WorkbookHost {
  const runner = deps.runner ?? globalRunner;
  const office = deps.office ?? globalOffice;
  const documentFile = deps.document ?? globalDocument;
  const createWorkbook = deps.createWorkbook ?? globalCreateWorkbook;
  const services = deps.snapshotServices ?? noSnapshotServices;
  let layout: GridLayout | null = null;
  // Whether the register was there at the last read: a criterion's context is then one round trip.
  let hasEvidence: boolean | null = null;

  /** Runs a batch; an Office.js failure becomes a HostError, after `diagnose` when Excel says an item is missing. */
  async function attempt<T>(batch: (context: Excel.RequestContext, hint: ErrorHint) => Promise<HostResult<T>>): Promise<HostResult<T>> {
    const hint: ErrorHint = {};
    try {
      return await runner.run((context) => batch(context, hint));
    } catch (e) {
      if (isOfficeError(e) && e.code === "ItemNotFound" && !hint.table) {
        const missing = await missingTables([TABLES.grid, TABLES.templateInfo]);
        if (missing.includes(TABLES.grid)) return fail({ code: "noGrid", detail: TABLES.grid });
        if (missing[0]) return fail({ code: "tableMissing", detail: missing[0] });
      }
      return fail(hostErrorOf(e, hint));
    }
  }

  /** Which of `names` the workbook lacks (one request; used after an `ItemNotFound`). */
  async function missingTables(names: readonly string[]): Promise<string[]> {
    try {
      return await runner.run(async (context) => {
        const tables = context.workbook.tables.load("items/name");
        await context.sync();
        const have = new Set(tables.items.map((t) => t.name.toLowerCase()));
        return names.filter((n) => !have.has(n.toLowerCase()));
      });
    } catch {
      return [];
    }
  }

  /** The layout of the grid, checked (or found) in the open workbook. */
  async function grid(context: Excel.RequestContext, hint: ErrorHint): Promise<GridLayout> {
    const found = await locateGrid(context, layout);
    layout = found.layout;
    hint.sheetProtected = found.sheetProtected;
    return found.layout;
  }

  async function snapshot(): Promise<HostResult<Uint8Array>> {
    try {
      return await workbookBytes(documentFile());
    } catch (e) {
      return fail(hostErrorOf(e));
    }
  }

  /** Runs `work` with the snapshot services (loaded on first use); a failure is an `unknown` HostError. */
  async function withServices<T>(work: (s: SnapshotServices) => Promise<T>): Promise<HostResult<T>> {
    try {
      return { ok: true, value: await work(await services()) };
    } catch (e) {
      return fail({ code: "unknown", detail: e instanceof Error ? e.message : String(e) });
    }
  }

  async function appendActions(rows: readonly NewAction[]): Promise<HostResult<number>> {
    if (rows.length === 0) return { ok: true, value: 0 };
    return attempt(async (context, hint) => {
      hint.table = TABLES.actions;
      const table = context.workbook.tables.getItem(TABLES.actions);
      const sheet = table.worksheet.load("name, protection/protected");
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("formulas");
      await context.sync();
      hint.sheetProtected = sheet.protection.protected;
      // A protected sheet cannot grow its table: say so before writing anything.
      if (sheet.protection.protected) return fail({ code: "protected", detail: sheet.name });
      const headers = (header.values[0] ?? []).map((h) => String(h ?? "").trim());
      const placed = placeActions(headers, body.formulas, rows);
      const entries = (r: PlanValue[][]): CellEntry[][] => r.map((row) => row.map(cellEntry));
      if (placed.fill.length > 0) body.getRow(placed.fillFrom).getResizedRange(placed.fill.length - 1, 0).formulas = entries(placed.fill);
      if (placed.append.length > 0) table.rows.add(undefined, entries(placed.append));
      await context.sync();
      return { ok: true, value: rows.length };
    });
  }

  async function openWorkbook(bytes: Uint8Array): Promise<HostResult<OpenedAs>> {
    return openAsNewWorkbook(createWorkbook(), bytes);
  }

  return {
    kind: "excel",

    displayLanguage(): Lang {
      return office().displayLanguage.toLowerCase().startsWith("fr") ? "fr" : "en";
    },

    prefersDark(): boolean {
      const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(office().bodyBackgroundColor ?? "");
      if (!m) return false;
      const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x ?? "ff", 16) / 255) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
    },

    async status(): Promise<HostResult<WorkbookStatus>> {
      return attempt<WorkbookStatus>(async (context) => {
        const tables = context.workbook.tables.load("items/name");
        const names = context.workbook.names.load("items/name");
        await context.sync();
        const have = new Set(tables.items.map((t) => t.name.toLowerCase()));
        const { hasGrid, clashes } = gridStatusOf({ tables: tables.items.map((t) => t.name), definedNames: names.items.map((n) => n.name) });
        if (!hasGrid || !have.has(TABLES.templateInfo.toLowerCase())) return { ok: true, value: { hasGrid, template: null, clashes } };
        const info = context.workbook.tables.getItem(TABLES.templateInfo).getDataBodyRange().load("values");
        await context.sync();
        return { ok: true, value: { hasGrid, template: templateOfInfoRows(info.values), clashes } };
      });
    },

    async generate(plan: WorkbookPlan, onProgress?: (p: GenerateProgress) => void): Promise<HostResult<void>> {
      const features = excelFeatures(office().isSetSupported);
      if (!features.core) return fail({ code: "apiUnsupported", detail: FEATURE_SETS.core });
      return attempt(async (context) => {
        const outcome = await renderPlanToExcel(context, plan, { features, ...(onProgress ? { onProgress } : {}) });
        if (!outcome.ok) return fail({ code: "gridExists", detail: outcome.detail });
        layout = null;
        return OK;
      });
    },

    async read(): Promise<HostResult<AssessmentWorkbook>> {
      return attempt(async (context) => {
        const { result, read } = await readAssessmentFromExcel(context);
        const has = (n: string): boolean => read.tables.has(n.toLowerCase());
        if (!has(TABLES.grid) || !has(TABLES.templateItems)) {
          // A renamed table is not a missing one: say which, and what to call it again.
          const renamed = (await renamedCoreTables(context))[0];
          if (renamed) return fail({ code: "tableRenamed", detail: `${renamed.table} → ${renamed.name} (${renamed.sheet})` });
        }
        const missing = missingCoreTable(has);
        if (missing) return fail(missing);
        if (!result.ok) return fail({ code: "unknown", detail: result.issues.map((i) => `${i.path}: ${i.message}`).join("\n") });
        const g = read.tables.get(TABLES.grid.toLowerCase());
        const found = g ? gridLayoutOf(g, result.value.lang) : null;
        layout = found ? { ...found, respondents: result.value.respondents.map((r) => r.name) } : null;
        hasEvidence = has(TABLES.evidence);
        return { ok: true, value: result.value };
      });
    },

    async setAnswer(criterionId: string, answer: Answer, respondent?: string): Promise<HostResult<void>> {
      const r = answer.rating;
      if (r.kind === "invalid") return fail({ code: "unknown", detail: `${r.raw}: ${r.reason}` });
      return attempt(async (context, hint) => {
        const g = await grid(context, hint);
        const row = rowOfCriterion(g, criterionId);
        if (row === null) return fail({ code: "unknownCriterion", detail: criterionId });
        // Only this respondent's cells are written: others may be answering in the same workbook.
        const cols = respondentColumnsOf(g, respondent);
        if (!cols) return fail({ code: "unknown", detail: `${TABLES.grid}: no respondent « ${respondent ?? ""} »` });
        const sheet = context.workbook.worksheets.getItem(g.sheet);
        const answerColumn = answer.text === undefined ? undefined : cols.answer;
        // A text question's words are the user's text, entered so that Excel keeps them as text; in a
        // grid without a « Réponse » column they sit in the rating cell, as `qualigrid fill` puts them.
        const { rating, words } = answerEntries({ rating: r, text: answer.text ?? null }, g.lang, cols.answer !== undefined);
        sheet.getRange(cellAddress(row, g.left + cols.rating)).values = [[rating]];
        if (answerColumn !== undefined) sheet.getRange(cellAddress(row, g.left + answerColumn)).values = [[words]];
        if (answer.comment !== undefined && cols.comment !== undefined) {
          // Comments are the user's text: written so that Excel keeps them as text, never a formula.
          sheet.getRange(cellAddress(row, g.left + cols.comment)).values = [[textEntry(answer.comment)]];
        }
        const confirm = g.columns.toConfirm;
        if (confirm !== undefined && (r.kind === "level" || r.kind === "na")) {
          // « À confirmer » (a round closed with its ratings kept): this respondent has now rated the criterion.
          const cell = sheet.getRange(cellAddress(row, g.left + confirm)).load("values");
          await context.sync();
          const held = String(cell.values[0]?.[0] ?? "");
          const left = held === "" ? held : (confirmedBy(held, respondent ?? g.respondents?.[0] ?? "") ?? "");
          if (left !== held) cell.values = [[textEntry(left)]];
        }
        await context.sync();
        return OK;
      });
    },

    async setAgreed(criterionId: string, agreed: AgreedAnswer): Promise<HostResult<void>> {
      const r = agreed.rating;
      if (r.kind === "invalid") return fail({ code: "unknown", detail: `${r.raw}: ${r.reason}` });
      return attempt(async (context, hint) => {
        const g = await grid(context, hint);
        const row = rowOfCriterion(g, criterionId);
        if (row === null) return fail({ code: "unknownCriterion", detail: criterionId });
        const at = g.columns.agreed;
        if (at === undefined) return fail({ code: "unknown", detail: `${TABLES.grid}: no column « ${HEADERS.grid.agreed.fr} » / « ${HEADERS.grid.agreed.en} » (one respondent)` });
        const sheet = context.workbook.worksheets.getItem(g.sheet);
        const rating = r.kind === "level" ? r.value : r.kind === "na" ? textEntry(naDisplayToken(g.lang)) : "";
        sheet.getRange(cellAddress(row, g.left + at)).values = [[rating]];
        if (agreed.reason !== undefined && g.columns.agreedReason !== undefined) {
          sheet.getRange(cellAddress(row, g.left + g.columns.agreedReason)).values = [[textEntry(agreed.reason)]];
        }
        await context.sync();
        return OK;
      });
    },

    async addRespondent(name: string): Promise<HostResult<Result<void>>> {
      const features = excelFeatures(office().isSetSupported);
      if (!features.core) return fail({ code: "apiUnsupported", detail: FEATURE_SETS.core });
      return attempt<Result<void>>(async (context) => {
        const added = await addRespondentLive(context, name, features);
        layout = null;
        if (!added.ok) return { ok: true, value: added };
        return { ok: true, value: { ok: true, value: undefined, warnings: added.warnings } };
      });
    },

    async importAnswers(bytes: Uint8Array, file: string, as?: string): Promise<HostResult<Result<MergeOutcome>>> {
      const features = excelFeatures(office().isSetSupported);
      if (!features.core) return fail({ code: "apiUnsupported", detail: FEATURE_SETS.core });
      const copy = await withServices((s) => s.readSnapshot(bytes, file));
      if (!copy.ok) return copy;
      if (!copy.value.ok) return { ok: true, value: copy.value };
      const copyRead = copy.value.value;
      return attempt<Result<MergeOutcome>>(async (context, hint) => {
        const { result, read } = await readAssessmentFromExcel(context);
        if (!result.ok) return { ok: true, value: result };
        const planned = planMerges(result.value, [{ copy: copyRead, file, ...(as === undefined ? {} : { as }) }], read.workbook);
        if (!planned.ok) return { ok: true, value: planned };
        const plan = planned.value.plans[0];
        if (!plan) return fail({ code: "unknown", detail: file });
        const { outcome, answers } = plan;
        let respondents = namedRespondents(result.value);
        if (outcome.added) {
          const added = await addRespondentLive(context, outcome.respondent, features, { claimEmpty: true });
          if (!added.ok) return { ok: true, value: added };
          respondents = added.value.respondents;
        }
        layout = null;
        const g = { ...(await grid(context, hint)), respondents };
        if (!(await writeRespondentColumn(context, g, outcome.respondent, answers))) {
          return fail({ code: "unknown", detail: `${TABLES.grid}: no respondent « ${outcome.respondent} »` });
        }
        const base = file.split(/[\\/]/).pop() ?? file;
        await recordRespondentLive(context, outcome.respondent, { ...(outcome.copyId ? { copyId: outcome.copyId } : {}), mergedOn: today(), mergedFrom: base });
        await context.sync();
        layout = null;
        return { ok: true, value: { ok: true, value: outcome, warnings: planned.warnings } };
      });
    },

    async makeCopies(): Promise<HostResult<Result<RespondentCopy[]>>> {
      const bytes = await snapshot();
      if (!bytes.ok) return bytes;
      const name = await attempt(async (context) => {
        const wb = context.workbook.load("name");
        await context.sync();
        return { ok: true, value: wb.name || "workbook.xlsx" };
      });
      if (!name.ok) return name;
      const made = await withServices((s) => s.copiesOfSnapshot(bytes.value, name.value, newCopyId));
      if (!made.ok || !made.value.ok) return made as HostResult<Result<RespondentCopy[]>>;
      const copies = made.value.value;
      // The copy ids go into the open workbook's QG_Respondents: a merged copy is then known as theirs.
      const recorded = await attempt(async (context) => {
        for (const c of copies) await recordRespondentLive(context, c.respondent, { copyId: c.copyId });
        await context.sync();
        return OK;
      });
      if (!recorded.ok) return recorded;
      return { ok: true, value: { ok: true, value: copies.map((c) => ({ respondent: c.respondent, file: c.file, bytes: c.bytes })), warnings: made.value.warnings } };
    },

    async seal(by: string, file: string): Promise<HostResult<Result<SealReceipt>>> {
      const bytes = await snapshot();
      if (!bytes.ok) return bytes;
      // Fingerprinted on the snapshot (the file reader's code, WebCrypto), then written into the open workbook.
      const made = await withServices((s) => s.sealSnapshot(bytes.value, file, by));
      if (!made.ok || !made.value.ok) return made as HostResult<Result<SealReceipt>>;
      const { receipt, block } = made.value.value;
      const written = await attempt(async (context) => {
        await writeSealLive(context, block);
        return OK;
      });
      if (!written.ok) return written;
      return { ok: true, value: { ok: true, value: receipt, warnings: made.value.warnings } };
    },

    async criterionContext(criterionId: string): Promise<HostResult<CriterionContext>> {
      if (hasEvidence === null) {
        const missing = await missingTables([TABLES.evidence]);
        hasEvidence = missing.length === 0;
      }
      const known = hasEvidence;
      return attempt(async (context) => {
        const found = await readCriterionContextLive(context, criterionId, known);
        return found ? { ok: true, value: found } : fail({ code: "unknownCriterion", detail: criterionId });
      });
    },

    async setEvaluatorAnswer(criterionId: string, answer: EvaluatorAnswer): Promise<HostResult<void>> {
      const r = answer.rating;
      if (r.kind === "invalid") return fail({ code: "unknown", detail: `${r.raw}: ${r.reason}` });
      return attempt(async (context, hint) => {
        const g = await grid(context, hint);
        const row = rowOfCriterion(g, criterionId);
        if (row === null) return fail({ code: "unknownCriterion", detail: criterionId });
        // Only the evaluator's two cells: the organization's ratings and comments are never written here.
        if (!queueEvaluatorAnswer(context, g, row, answer)) {
          return fail({ code: "unknown", detail: `${TABLES.grid}: no column « ${HEADERS.grid.evaluatorRating.fr} » / « ${HEADERS.grid.evaluatorRating.en} »` });
        }
        await context.sync();
        return OK;
      });
    },

    async setEvidenceReview(evidenceId: string, review: EvidenceReviewInput): Promise<HostResult<void>> {
      return attempt(async (context, hint) => {
        hint.table = TABLES.evidence;
        const done = await writeEvidenceReviewLive(context, evidenceId, review);
        if (done.ok) return OK;
        return fail({ code: done.code === "protected" ? "protected" : "unknownEvidence", detail: done.detail });
      });
    },

    async addRecommendation(recommendation: RecommendationInput): Promise<HostResult<void>> {
      const row = await attempt(async (context, hint) => {
        hint.table = TABLES.actions;
        const action = await recommendationRowLive(context, recommendation);
        return action ? { ok: true, value: action } : fail<NewAction>({ code: "unknownCriterion", detail: recommendation.criterion });
      });
      if (!row.ok) return row;
      const added = await appendActions([row.value]);
      return added.ok ? OK : added;
    },

    async setProtectionMode(mode: ProtectionMode): Promise<HostResult<void>> {
      return attempt(async (context) => {
        await setProtectionLive(context, mode);
        layout = null;
        return OK;
      });
    },

    async selectCriterion(criterionId: string): Promise<HostResult<void>> {
      return attempt(async (context, hint) => {
        const g = await grid(context, hint);
        const row = rowOfCriterion(g, criterionId);
        if (row === null) return fail({ code: "unknownCriterion", detail: criterionId });
        const sheet = context.workbook.worksheets.getItem(g.sheet);
        sheet.activate();
        sheet.getRange(cellAddress(row, g.left + (respondentColumnsOf(g)?.rating ?? g.columns.rating ?? 0))).select();
        await context.sync();
        return OK;
      });
    },

    onCriterionSelected(listener: (criterionId: string) => void): () => void {
      let handle: OfficeExtension.EventHandlerResult<Excel.WorksheetSelectionChangedEventArgs> | null = null;
      let stopped = false;
      const onSelection = async (event: Excel.WorksheetSelectionChangedEventArgs): Promise<void> => {
        let row: number;
        try {
          row = parseRangeAddress(event.address).top;
        } catch {
          return;
        }
        const found = await attempt(async (context, hint) => ({ ok: true, value: criterionOfRow(await grid(context, hint), row) }));
        if (!stopped && found.ok && found.value) listener(found.value);
      };
      void runner
        .run(async (context) => {
          const sheet = context.workbook.tables.getItem(TABLES.grid).worksheet;
          handle = sheet.onSelectionChanged.add(onSelection);
          await context.sync();
        })
        // No grid, or no selection events in this Excel: the pane still works, it only does not follow the grid.
        .catch(() => undefined);
      return () => {
        stopped = true;
        const h = handle;
        handle = null;
        if (h) void runner.runOn(h.context as Excel.RequestContext, async (context) => {
          h.remove();
          await context.sync();
        }).catch(() => undefined);
      };
    },

    appendActions,

    async insertFormula(formula: string): Promise<HostResult<string>> {
      return attempt(async (context, hint) => {
        // `formulas` takes the invariant form (English names, commas); Excel shows it in its own language.
        const cell = context.workbook.getActiveCell();
        cell.formulas = [[formula]];
        cell.load("address");
        try {
          await context.sync();
        } catch (e) {
          // Excel's refusal of a locked cell is worded in Office's language: ask the sheet whether it is protected.
          hint.sheetProtected = await activeSheetProtected(context);
          throw e;
        }
        return { ok: true, value: cell.address };
      });
    },

    snapshot,

    async writeFormulas(cells: readonly FormulaWrite[]): Promise<HostResult<number>> {
      if (cells.length === 0) return { ok: true, value: 0 };
      return attempt(async (context) => ({ ok: true, value: await writeFormulaCells(context, cells) }));
    },

    openWorkbook,

    // Excel gives its workbook as bytes: check, template reading and upgrade run on that copy.
    ...snapshotActions({ snapshot, openWorkbook }, services),
  };
}

/** Today, as a UTC day (what « Importé le » records). */
function today(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** A fresh copy id (Web Crypto: in Excel's browser and in Node alike). */
function newCopyId(): string {
  return globalThis.crypto.randomUUID();
}

/** What the host's snapshot actions do when the page gave no snapshot services: say so. */
function noSnapshotServices(): Promise<never> {
  return Promise.reject(new Error("createExcelHost was given no snapshot services"));
}

/** `Office.context.document` from the global, when there is one. */
function globalDocument(): OfficeDocumentFile | undefined {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.document as unknown as OfficeDocumentFile | undefined;
}

/** `Excel.createWorkbook` from the global, when this Excel has it (ExcelApi 1.8). */
function globalCreateWorkbook(): ((base64: string) => Promise<void>) | undefined {
  const excel = (globalThis as { Excel?: typeof Excel }).Excel;
  return typeof excel?.createWorkbook === "function" ? (base64) => excel.createWorkbook(base64) : undefined;
}

/** Whether the active sheet is protected; false when Excel cannot tell (one request, after a failure only). */
async function activeSheetProtected(context: Excel.RequestContext): Promise<boolean> {
  try {
    const sheet = context.workbook.worksheets.getActiveWorksheet().load("protection/protected");
    await context.sync();
    return sheet.protection.protected;
  } catch {
    return false;
  }
}
