import type { NewAction } from "../actions/actions.types.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import type { Rating } from "../model/scale.js";
import type { ReviewStatus } from "../model/review.status.js";
import type { PlainValue } from "../model/table.plain.js";
import type { Lang, Result, Template } from "../model/template.types.js";
import type { PlanClash } from "../plan/plan.clashes.js";
import type { WorkbookPlan } from "../plan/plan.types.js";
import type { TemplateFound, UpgradeSummary, WorkbookCheck } from "./host.outcomes.js";
import type { MergeOutcome } from "../workbook/merge.answers.js";
import type { SealReceipt } from "../workbook/seal.check.js";
import type { RoundCloseOptions, RoundRecord } from "../model/history.types.js";
import type { SurveyImportOptions, SurveyRecord } from "../model/survey.types.js";

export type { MergeOutcome };

/**
 * What can go wrong when the task pane acts on a workbook, as a code the task pane turns into a
 * message in the user's language (what happened and what to do).
 */
export type HostErrorCode =
  /** A sheet the action writes to is protected. */
  | "protected"
  /** A Qualigrid table was renamed or deleted by the user. */
  | "tableMissing"
  /** The grid or template table was renamed by the user; `detail`: `QG_Grid → NewName (Sheet)`. */
  | "tableRenamed"
  /** The workbook holds no Qualigrid grid (generate one first). */
  | "noGrid"
  /** The workbook already holds a Qualigrid grid (generation never overwrites one). */
  | "gridExists"
  /** This Excel lacks an API the action needs (requirement set not supported). */
  | "apiUnsupported"
  /** A request was too large for Excel even after splitting. */
  | "tooLarge"
  /** The criterion named is not in the grid. */
  | "unknownCriterion"
  /** No evidence row of the register has this « Code » (or the register has no review columns). */
  | "unknownEvidence"
  /** The host has no active cell to write into (the browser workbench). */
  | "noActiveCell"
  /** Anything else; `detail` carries Excel's own message. */
  | "unknown";

export type { NewAction };

/** A failure of a host action. */
export interface HostError {
  code: HostErrorCode;
  /** Technical detail (Excel's message, the table's name…), shown under the friendly message. */
  detail: string;
}

/** The result of a host action: expected failures are values, as everywhere in the engine. */
export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostError };

/** Whether the open workbook already holds a Qualigrid grid, and of which template. */
export interface WorkbookStatus {
  hasGrid: boolean;
  template: { id: string; version: string } | null;
  /**
   * What stops a generation here (`planClashes` of any plan: a grid, a Qualigrid table or name
   * already there), the same answer the renderers refuse with: Generate is disabled when any.
   */
  clashes: PlanClash[];
}

/** Where a generation is, for a progress indicator. */
export interface GenerateProgress {
  /** 0–1. */
  fraction: number;
  stage: "prepare" | "write" | "format" | "done";
}


/** A formula to write into one cell (a repair), in Excel's invariant syntax, starting with `=`. */
export interface FormulaWrite {
  sheet: string;
  /** A1 address within the sheet. */
  address: string;
  formula: string;
}

/** What `openWorkbook` did with the bytes it was given. */
export type OpenedAs =
  /** Excel opened them as a new workbook; the one the task pane is in is left as it was. */
  | "newWindow"
  /** The workbench now works on them (the previous workbook is no longer shown; its file is untouched). */
  | "replaced";

/** What a check of the open workbook takes into account. */
export interface CheckOptions {
  /** The language of the findings' messages. */
  lang: Lang;
  /** The organization's storage domains: evidence stored elsewhere is reported. */
  orgDomains: readonly string[];
  /** What problems call the open workbook (« ce classeur »): the file part of their paths. */
  file: string;
}

/** How an upgrade names things. */
export interface UpgradeOptions {
  /** The upgraded workbook's file name. */
  name: string;
  /** What problems call the open workbook (« ce classeur »). */
  file: string;
}

/** What an upgrade did, and where the upgraded workbook was opened. */
export interface UpgradeOutcome {
  summary: UpgradeSummary;
  opened: OpenedAs;
}

/** How a new workbook made from the open one is named (a round closed, a survey imported). */
export interface MadeWorkbookNames {
  /** The new workbook's file name. */
  name: string;
  /** What problems call the open workbook (« ce classeur »). */
  file: string;
}

/** A round closed (design.md "Rounds, comparison and report"): the round recorded, and where the next round's workbook was opened. */
export interface RoundCloseOutcome {
  round: RoundRecord;
  opened: OpenedAs;
}

/** A survey imported: its figures, the evidence rows added for the criteria it backs, and where the workbook was opened. */
export interface SurveyImportOutcome {
  survey: SurveyRecord;
  evidenceRows: number;
  opened: OpenedAs;
}

/**
 * A rating and, when given, a comment for one criterion; for a text question (`type: "text"`), its
 * words, with a rating that is N/A or blank.
 */
export interface Answer {
  rating: Rating;
  /** Left as it is when undefined. */
  comment?: string;
  /**
   * A text question's words, written as text (never a formula) into the grid's « Réponse » column
   * (the rating cell of a grid without one); cleared when the rating is N/A. Left as they are when
   * undefined.
   */
  text?: string;
}

/** The rating a consensus meeting agreed on for one criterion, and why. */
export interface AgreedAnswer {
  /** Blank clears the agreed rating. */
  rating: Rating;
  /** Left as it is when undefined. */
  reason?: string;
}

/** The evaluator's rating and comment for one criterion (design.md "The evaluator"). */
export interface EvaluatorAnswer {
  /** A level, N/A, or blank (clears the rating). */
  rating: Rating;
  /** Left as it is when undefined. */
  comment?: string;
}

/** The evaluator's review of one evidence row; only the review's own cells are written. */
export interface EvidenceReviewInput {
  /** Null: not reviewed (the cell is cleared). */
  status: ReviewStatus | null;
  note: string;
  /** Left as it is when undefined; null clears it. */
  date?: Date | null;
  reviewer: string;
}

/** One of the evaluator's recommendations: an action-plan row « Évaluation externe ». */
export interface RecommendationInput {
  criterion: string;
  text: string;
  /** The due date (a UTC day), or null. */
  due: Date | null;
}

/**
 * Whose cells are editable on the protected sheets: the organization's inputs (as generated; the
 * evidence register stays unprotected so it can grow), the evaluator's only (the register too is
 * protected), or no protection at all.
 */
export type ProtectionMode = "organization" | "evaluator" | "none";

/** One evidence row as the evaluator sees it. */
export interface EvidenceContext {
  id: string;
  title: string;
  /** The organization's status as written. */
  status: string;
  location: string;
  /** Null when the register has no review columns (a workbook made before them). */
  review: { status: string; note: string; date: PlainValue; reviewer: string } | null;
}

/** Everything about one criterion the evaluator needs, read at once (one round trip in Excel). */
export interface CriterionContext {
  criterion: string;
  /** The consolidated rating as the grid holds it (a mean need not be a level); the rating in a one-respondent grid. */
  consolidated: PlainValue;
  /** Each respondent's rating and comment, in grid order ("" names the only, unnamed one). */
  respondents: { name: string; rating: PlainValue; comment: string }[];
  /** The agreed rating and its reason; null when none or the grid has no such column. */
  agreed: { rating: PlainValue; reason: string } | null;
  evaluator: { rating: PlainValue; comment: string };
  /** The evidence rows that back the criterion, in register order; empty without a register. */
  evidence: EvidenceContext[];
}

/** One respondent's copy of the workbook, as `qualigrid copies` makes it. */
export interface RespondentCopy {
  respondent: string;
  /** A file name (no folder). */
  file: string;
  bytes: Uint8Array;
}

/**
 * Everything the task pane does to a workbook. The Excel add-in implements it with Office.js
 * (`addin/excel`); tests and the browser workbench implement it without Excel. React components
 * receive it through a context and never call Office.js themselves.
 */
export interface WorkbookHost {
  readonly kind: "excel" | "file";
  /** The user interface language (Office's display language in Excel). */
  displayLanguage(): Lang;
  /** Whether the host shows a dark theme. */
  prefersDark(): boolean;
  status(): Promise<HostResult<WorkbookStatus>>;
  /** Writes a plan into the workbook; refuses with `gridExists` when a grid is already there. */
  generate(plan: WorkbookPlan, onProgress?: (p: GenerateProgress) => void): Promise<HostResult<void>>;
  /** Reads the template, ratings, evidence and actions back. */
  read(): Promise<HostResult<AssessmentWorkbook>>;
  /**
   * Writes one criterion's rating (and comment) into the grid, in `respondent`'s columns (by name;
   * absent = the first or only respondent).
   */
  setAnswer(criterionId: string, answer: Answer, respondent?: string): Promise<HostResult<void>>;
  /**
   * Adds a respondent named `name` at the end. Live Excel: inserts only new columns (and a
   * QG_Respondents row), never writes a cell of another respondent's columns; a one-respondent grid
   * becomes the multi layout.
   */
  addRespondent(name: string): Promise<HostResult<Result<void>>>;
  /** Writes the agreed rating (a blank rating clears it) and its reason. */
  setAgreed(criterionId: string, agreed: AgreedAnswer): Promise<HostResult<void>>;
  /** Merges a copy (its .xlsx bytes, `file` its name) into the open workbook, as `qualigrid merge` does. */
  importAnswers(bytes: Uint8Array, file: string, as?: string): Promise<HostResult<Result<MergeOutcome>>>;
  /** One copy per respondent, as `qualigrid copies` makes them (records the copy ids in the open workbook). */
  makeCopies(): Promise<HostResult<Result<RespondentCopy[]>>>;
  /** One criterion's whole context for the evaluator (Excel: one round trip); `unknownCriterion` when absent. */
  criterionContext(criterionId: string): Promise<HostResult<CriterionContext>>;
  /** Writes the evaluator's rating (and comment) of a criterion, and no other cell. */
  setEvaluatorAnswer(criterionId: string, answer: EvaluatorAnswer): Promise<HostResult<void>>;
  /** Writes the review fields of the evidence row `evidenceId` (its « Code »), and no other cell. */
  setEvidenceReview(evidenceId: string, review: EvidenceReviewInput): Promise<HostResult<void>>;
  /** Adds a recommendation as an action-plan row « Évaluation externe »; written as `appendActions` writes rows. */
  addRecommendation(recommendation: RecommendationInput): Promise<HostResult<void>>;
  /** Protects the grid and the register for `mode` (no password), unlocking only that mode's input cells. */
  setProtectionMode(mode: ProtectionMode): Promise<HostResult<void>>;
  /** Selects the criterion's rating cell in the grid. */
  selectCriterion(criterionId: string): Promise<HostResult<void>>;
  /** Calls `listener` with the criterion id when the user selects a grid row; returns an unsubscribe. */
  onCriterionSelected(listener: (criterionId: string) => void): () => void;
  /** Adds rows at the end of the action plan (existing rows untouched); returns how many were added. */
  appendActions(rows: readonly NewAction[]): Promise<HostResult<number>>;
  /**
   * Writes `formula`, in Excel's invariant syntax (`=QG.SCORE(QG_Grid[Rating],1,4)`: English names,
   * commas), into the active cell and returns that cell's address (`Sheet1!B3`); refuses with
   * `protected` on a locked cell of a protected sheet.
   */
  insertFormula(formula: string): Promise<HostResult<string>>;
  /**
   * The workbook as it is now, as .xlsx bytes: what Excel's checks, template reading (« Depuis ce
   * classeur ») and upgrades work on, with the file reader (`addin/xlsx`), without touching the workbook.
   */
  snapshot(): Promise<HostResult<Uint8Array>>;
  /** Writes formulas into the given cells (a repair) and nothing else; returns how many were written. */
  writeFormulas(cells: readonly FormulaWrite[]): Promise<HostResult<number>>;
  /**
   * Opens a workbook made by the task pane (an upgrade, a grid made from this workbook's template
   * sheet): Excel opens it as a new workbook; the workbench switches to it. `name` is a file name.
   */
  openWorkbook(bytes: Uint8Array, name: string): Promise<HostResult<OpenedAs>>;
  /**
   * Checks the workbook as it is now, with the same code as `qualigrid check`, without touching it:
   * the findings and the formula cells a repair would rewrite (`writeFormulas` repairs them). A
   * workbook that cannot be read as a Qualigrid workbook gives the reader's issues (inner failure).
   */
  check(options: CheckOptions): Promise<HostResult<Result<WorkbookCheck>>>;
  /**
   * Seals the review (« Sceller la revue », design.md "The evaluator"): records today's date, the
   * reviewer `by` and the SHA-256 fingerprint of the organization's entries in `QG_Seal` (replacing
   * a previous seal), and gives the receipt to keep apart from the workbook. `file` names the workbook
   * in the receipt and in problems.
   */
  seal(by: string, file: string): Promise<HostResult<Result<SealReceipt>>>;
  /**
   * The template the workbook carries (« Depuis ce classeur »): a Qualigrid workbook's own, else its
   * authoring tables, else a hand-made advisor grid; problems name the sheet and cell. `file` is
   * what those problems call the open workbook.
   */
  templateFromWorkbook(file: string): Promise<HostResult<Result<TemplateFound>>>;
  /**
   * Makes the grid of `template` (all parts, in `lang`) in a new workbook named `name`, opened as
   * `openWorkbook` opens one; the open workbook is left as it is.
   */
  openGridWorkbook(template: Template, lang: Lang, name: string): Promise<HostResult<OpenedAs>>;
  /**
   * Upgrades a copy of the workbook to `next` with the same code as `qualigrid upgrade`, then opens
   * the copy as `openWorkbook` does: the open workbook is never changed, so nothing can be lost.
   * Whether the version may be applied is the caller's decision (`upgradeRefusal`).
   */
  upgrade(next: Template, options: UpgradeOptions): Promise<HostResult<Result<UpgradeOutcome>>>;
  /**
   * Closes the round (« Clôturer le cycle ») with the same code as `qualigrid round close`, on a
   * copy of the workbook, then opens the next round's workbook as `openWorkbook` does: the open
   * workbook (the closed round) is never changed.
   */
  closeRound(options: RoundCloseOptions, names: MadeWorkbookNames): Promise<HostResult<Result<RoundCloseOutcome>>>;
  /**
   * Imports a survey export (`bytes`, a Microsoft Forms .xlsx or a CSV named `source`) with the same
   * code as `qualigrid survey import`, on a copy of the workbook, then opens the result as
   * `openWorkbook` does; the open workbook is never changed.
   */
  importSurvey(bytes: Uint8Array, source: string, options: SurveyImportOptions, names: MadeWorkbookNames): Promise<HostResult<Result<SurveyImportOutcome>>>;
}
