import type { Template } from "../model/template.types.js";
import type { FormulaRepair } from "../workbook/formula.check.js";
import type { Finding } from "../workbook/workbook.check.js";
import type { SealStatus } from "../workbook/seal.check.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";

// What the host's actions on a copy of the workbook (check, template reading, upgrade) give back:
// declared here, not beside the exceljs code that computes them, so that the task pane can name
// them without reaching addin/xlsx.

/** What a check found in a workbook, and the formula cells a repair would rewrite. */
export interface WorkbookInspection {
  findings: Finding[];
  repairs: FormulaRepair[];
}

/**
 * A check of the open workbook: the inspection, and the assessment it was made on; with `seal`
 * when the workbook is sealed (its entries changed since are also findings).
 */
export type WorkbookCheck = WorkbookInspection & { assessment: AssessmentWorkbook; seal?: SealStatus | null };

/** Where a workbook's template was read from. */
export type TemplateOrigin =
  /** A Qualigrid workbook: the template its grid was made from. */
  | "qualigrid"
  /** The authoring tables (`QG_TemplateInfo`, `QG_TemplateItems`) or the same headers as plain ranges. */
  | "authoring"
  /** A grid a quality advisor made by hand (recognizable headers). */
  | "sheet";

/** The template a workbook carries, and where in the workbook it was found. */
export interface TemplateFound {
  template: Template;
  origin: TemplateOrigin;
}

/** What an upgrade did to the criteria, by id. */
export interface UpgradeSummary {
  from: { id: string; version: string };
  to: { id: string; version: string };
  /** Criteria present in both versions, unchanged. */
  kept: string[];
  /**
   * Criteria present in both versions whose text, weight, target level, scale, type or « required »
   * changed, and those that took over the answers of others (`replaced`).
   */
  updated: string[];
  /** Grid rows whose criterion is not in the new version: moved, with all their answers, to the archive sheet. */
  archived: string[];
  /** Criteria new in this version: unanswered. */
  added: string[];
  /**
   * Criteria that took over the answers of old ones their `replaces` names (renumbered: one old id;
   * merged: several), with the old ids whose rows the old workbook had, in its order. Also in `updated`.
   */
  replaced: { id: string; from: string[] }[];
  /**
   * Old answers the new version could not take where they were (a rating that is no level of the new
   * scale, N/A refused, a rating of a criterion now answered in words, a merged criterion's other
   * answers…): not written, listed on the notes sheet, never dropped.
   */
  review: UpgradeReviewItem[];
  /** The archive sheet's name, when criteria were archived. */
  archiveSheet: string | null;
  /** User-added sheets copied over. */
  sheetsCopied: string[];
  /** User-added grid columns carried over (headers). */
  columnsCopied: string[];
  /** Cells typed outside the tables of Qualigrid's sheets, carried over to the same address (`Sheet!B30`). */
  notesKept: string[];
  /** Such cells whose address is taken in the new workbook: listed on the notes sheet (`Sheet!B30`). */
  notesMoved: string[];
  /** The notes sheet's name, when notes were moved there. */
  notesSheet: string | null;
  /** Carried cells (`Sheet!E12`, new address) whose formula had its references re-pointed to where their cells went. */
  formulasMoved: string[];
  /**
   * Carried cells whose formula could not be re-pointed (another sheet, a range the upgrade split, a
   * name it lacks…): kept as their last value, listed on the notes sheet with the old formula.
   */
  formulasAsValues: { cell: string; formula: string }[];
  /**
   * Each dimension's score before and after, with what moved it: criteria archived (their ratings
   * no longer count), added (unanswered) or updated (text, weight or target level) in it. Every
   * dimension of either version, in the new version's order, then those it removed.
   */
  dimensions: DimensionChange[];
  /** References of the user's charts (`Sheet!$D$16:$D$18`, with the sheet the chart is on) re-pointed to where their table column went. */
  chartsMoved?: { sheet: string; from: string; to: string }[];
  /**
   * References of the user's charts left as they were though the tables of the sheet they name moved
   * or changed size (not exactly one column of a table): listed on the notes sheet, to check.
   */
  chartsLeft?: { sheet: string; formula: string }[];
}

/** Why an old answer is left for review rather than written. */
export type UpgradeReviewReason =
  /** A number (or a word) that is no level of the criterion's new scale, and its `levelMap` says nothing of it. */
  | "notALevel"
  /** N/A, which the criterion now refuses (it is required, or its scale has no « sans objet »). */
  | "notApplicableRefused"
  /** A rating of a criterion now answered in words. */
  | "textQuestion"
  /** Words answering a question that is now rated, or that the new grid has no « Réponse » column for. */
  | "notAQuestion"
  /** Criteria merged into one: an answer that differs from the one kept (the first in the old template's order). */
  | "merged"
  /** A formula whose value was mapped or merged: the value is written, the formula is listed here. */
  | "formula";

/** One old answer left for review by an upgrade. */
export interface UpgradeReviewItem {
  /** The new criterion it belongs to. */
  criterion: string;
  /** The old criterion it was given to. */
  from: string;
  /** The old grid column's header, in the workbook's language (« Cotation », « Commentaire évaluateur », an added column…). */
  column: string;
  /** The old cell's value as typed (a formula's last value; a date as YYYY-MM-DD). */
  value: string | number | boolean;
  /** The old level's label (or « Sans objet ») for a rating; "" otherwise. */
  label: string;
  reason: UpgradeReviewReason;
}

/** What an upgrade did to one dimension's score (0–100, null when nothing is scored). */
export interface DimensionChange {
  id: string;
  before: number | null;
  after: number | null;
  archived: string[];
  added: string[];
  updated: string[];
}
