import type { Assessment } from "../model/assessment.types.js";
import type { RoundRecord } from "../model/history.types.js";
import type { SurveyRecord } from "../model/survey.types.js";
import type { WorkbookSettings } from "../model/settings.js";
import type { PlainValue } from "../model/table.plain.js";
import type { Lang, Template } from "../model/template.types.js";

/** Where a value sits in a workbook, for messages: `Grille!I7`. */
export interface CellRef {
  sheet: string;
  address: string;
}

/** One respondent's cells on a grid row: their rating, comment and (for a text question) words. */
export interface RespondentCellsRead {
  rating: PlainValue;
  comment: string;
  answer?: PlainValue;
  ratingCell: CellRef;
  commentCell: CellRef | null;
  answerCell?: CellRef | null;
}

/** A row of `QG_Respondents`: who answers, and where their copy came from. */
export interface RespondentRecord {
  /** "" for the unnamed respondent of a workbook without `QG_Respondents`. */
  name: string;
  /** The copy id stamped on a copy (`qualigrid copies`); "" when none. */
  copyId: string;
  /** When a copy was last merged into this respondent's column (a UTC day), else null. */
  mergedOn: Date | null;
  /** The base name of the file last merged; "" when none. */
  mergedFrom: string;
}

/**
 * One row of `QG_Grid` as read back. In the multi-respondent layout `rating`, `comment`, `answer`
 * and their cells are respondent 1's, for code that does not yet know about respondents.
 */
export interface GridRowRead {
  criterion: string;
  dimension: string;
  rating: PlainValue;
  comment: string;
  evaluatorRating: PlainValue;
  /** The evaluator's comment; "" when blank or when the grid has no such column. */
  evaluatorComment: string;
  /** Worksheet row number. */
  row: number;
  ratingCell: CellRef;
  commentCell: CellRef | null;
  evaluatorRatingCell: CellRef | null;
  /** The evaluator's comment cell; null or absent when the grid has no such column. */
  evaluatorCommentCell?: CellRef | null;
  /** A text question's answer in words (the « Réponse » column); absent when the grid has no such column. */
  answer?: PlainValue;
  answerCell?: CellRef | null;
  /** Each respondent's cells, in `QG_Respondents` order; one entry (the `rating` column's) in a one-respondent grid. */
  respondents: RespondentCellsRead[];
  /** The agreed rating as written; null when blank or when the grid has no such column. */
  agreed: PlainValue;
  /** The reason for the agreed rating; "" when blank or absent. */
  agreedReason: string;
  agreedCell: CellRef | null;
  agreedReasonCell: CellRef | null;
}

/** One non-empty row of `QG_Evidence`. */
export interface EvidenceRowRead {
  id: string;
  criteria: string;
  title: string;
  status: string;
  row: number;
  criteriaCell: CellRef;
  /** Where the document is (a path or a link), when the register has the column. */
  location?: string;
  locationCell?: CellRef | null;
  /** The confidential flag as written (« Oui » / "Yes"…). */
  confidential?: string;
  /** The organization's other columns as written (type, owner, document date, comment), when the register has them; the seal reads them. */
  type?: string;
  owner?: string;
  documentDate?: PlainValue;
  comment?: string;
  /** The expiry date: a date, or Excel's serial number as Office.js reads it. */
  expiry?: PlainValue;
  expiryCell?: CellRef | null;
  /**
   * The evaluator's review (design.md "The evaluator"), when the register has its columns: the
   * status as written ("" = not reviewed), the note, the date as read, the reviewer, and their cells.
   */
  review?: {
    status: string;
    note: string;
    date: PlainValue;
    reviewer: string;
    statusCell: CellRef | null;
    noteCell: CellRef | null;
    dateCell: CellRef | null;
    reviewerCell: CellRef | null;
  };
}

/** One non-empty row of `QG_Actions`. */
export interface ActionRowRead {
  id: string;
  criterion: string;
  action: string;
  owner: string;
  due: PlainValue;
  status: string;
  /** Where the action came from as written (« Modèle », « Autoévaluation »…); absent when the plan has no Source column. */
  source?: string;
  row: number;
  rowRef: CellRef;
  criterionCell: CellRef | null;
  ownerCell: CellRef | null;
  dueCell: CellRef | null;
}

/** One row of `QG_Steps` (the process table), with its cells. */
export interface StepRowRead {
  id: string;
  /** The date done: a date, or Excel's serial number as Office.js reads it. */
  done: PlainValue;
  responsible: string;
  status: string;
  note: string;
  row: number;
  rowRef: CellRef;
  plannedCell: CellRef | null;
  doneCell: CellRef | null;
  statusCell: CellRef | null;
}

/**
 * Where a Qualigrid workbook keeps what it holds: the grid, evidence and action rows with their
 * cells (what check, fill and the hosts work with), the template and the dashboard's targets.
 */
export interface WorkbookLayout {
  template: Template;
  lang: Lang;
  grid: GridRowRead[];
  gridSheet: string;
  evidence: EvidenceRowRead[] | null;
  actions: ActionRowRead[] | null;
  /** The process table (`QG_Steps`); null or absent when the workbook has none. */
  steps?: StepRowRead[] | null;
  /** Dimension targets as set on the dashboard (users may change them), by dimension id. */
  targets: Record<string, number>;
  overallTarget: number | null;
  /** The accepted evidence status in this workbook's language. */
  acceptedStatus: string;
  /** The workbook's settings (`QG_Settings`); design.md's defaults when absent (a workbook made before them). */
  settings?: WorkbookSettings;
  /** The respondents (`QG_Respondents`), in order; one unnamed respondent when absent. */
  respondents?: RespondentRecord[];
  /** The closed rounds (`QG_History`, `QG_HistoryItems`), oldest first; empty or absent when none. */
  history?: RoundRecord[];
  /** Where each round's first `QG_History` row is, by lower-cased label, for messages. */
  historyCells?: Record<string, CellRef>;
  /** Where each round's rows are, in `history` order, for `check` (`history.read.ts`). */
  historyRows?: HistoryRowsRead[];
  /**
   * The last closed round's label as the dashboard's `QG_PreviousRound` holds it (a value written at
   * each close), and the dashboard's sheet: `check` compares it with the last round of `history`, so
   * that a round, or `QG_History`, deleted by hand shows. Absent when the workbook has no such name.
   */
  previousRound?: { label: string; sheet: string };
  /** The imported surveys (`QG_Surveys`…); empty or absent when none. */
  surveys?: SurveyRecord[];
}

/** Where a closed round's rows are (`QG_History`, `QG_HistoryItems`), as read, for `check`'s messages. */
export interface HistoryRowsRead {
  label: string;
  /** Each `QG_History` row of the round: its first cell, its round number, the fingerprint and check written on it, its canonical text as read. */
  figures: { cell: CellRef; number: number | null; fingerprint: string; check: string; text: string }[];
  /** Each `QG_HistoryItems` row of the round: its first cell, the check written on it, its canonical text as read. */
  items: { cell: CellRef; check: string; text: string }[];
}

/**
 * A Qualigrid workbook as read back, whether from a file or from the open workbook: its layout and
 * the assessment it holds, built from that layout by `assessmentOfLayout` (what the engine scores).
 */
export interface AssessmentWorkbook extends WorkbookLayout {
  assessment: Assessment;
  respondents: RespondentRecord[];
}
