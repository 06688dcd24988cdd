/**
 * A closed round (« cycle ») as the workbook keeps it (design.md "Rounds, comparison and report"):
 * `QG_History` holds its figures per dimension and overall, `QG_HistoryItems` each criterion's
 * ratings and comments. A closed round is never edited by the product.
 */

/** The `dimension` of the overall row of `QG_History`; never a dimension id (ids hold no parentheses). */
export const OVERALL_ROW = "(overall)";

/** The evaluator's figures of a round, as `score --json` prints them. */
export interface RoundEvaluatorFigures {
  score: number | null;
  gap: number | null;
  answered: number;
  both: number;
  withinTolerance: number | null;
  meanAbsDiff: number | null;
}

/** One row of `QG_History`: every figure of `score --json` for a dimension (or overall) when the round closed. */
export interface RoundFigures {
  /** A dimension id, or `OVERALL_ROW`. */
  dimension: string;
  score: number | null;
  target: number;
  gap: number | null;
  answered: number;
  notApplicable: number;
  total: number;
  completion: number;
  evidenceCoverage: number | null;
  requiredNotMet: number;
  toDiscuss: number;
  reviewedCoverage: number | null;
  /** Null when the workbook had no evaluator's columns. */
  evaluator: RoundEvaluatorFigures | null;
}

/** A rating as history keeps it: a level's value, N/A, or nothing. */
export type HistoryRating = number | "na" | null;

/** One respondent's rating, words and comment of one criterion in a closed round. */
export interface RoundAnswer {
  criterion: string;
  /** As in `QG_Respondents`; "" for the unnamed respondent of a one-respondent grid. */
  respondent: string;
  rating: HistoryRating;
  /**
   * A text question's answer in words (template `type: "text"`); "" for a rating criterion.
   * Optional so that a record made by hand may leave it out: absent reads as "".
   */
  answer?: string;
  comment: string;
}

/** One criterion's settled state in a closed round. */
export interface RoundCriterion {
  criterion: string;
  dimension: string;
  /** The consolidated rating c (a mean need not be a level). */
  consolidated: HistoryRating;
  /** The criterion's score 0–100 from c on its scale; null when not scored. */
  score: number | null;
  /** The evaluator's rating e. */
  evaluator: HistoryRating;
  agreedReason: string;
  evaluatorComment: string;
}

/** A closed round. */
export interface RoundRecord {
  /** « 2026 », « Cycle 1 »…: unique in a workbook (case-insensitively). */
  label: string;
  /** The day it closed (a UTC day). */
  date: Date;
  templateId: string;
  version: string;
  /** The respondents' names in order ("" for the unnamed one). */
  respondents: string[];
  /** Dimensions in template order, then the `OVERALL_ROW` row. */
  figures: RoundFigures[];
  criteria: RoundCriterion[];
  answers: RoundAnswer[];
  /**
   * The round's fingerprint: SHA-256 (hex) of its canonical text (`roundCanonicalText`), written
   * with it; `check` recomputes it and reports a history row changed by hand.
   */
  fingerprint: string;
  /**
   * Each written row's check (the first 12 hex of the SHA-256 of its canonical text,
   * `history.canonical.ts`): `figures` in `QG_History` row order, `items` in `QG_HistoryItems` row
   * order (`historyItemRows`). Computed with the fingerprint (the plan is synchronous, SHA-256 is not
   * everywhere) and read back as written; absent in a record made by hand (the plan then writes none).
   */
  rowChecks?: { figures: string[]; items: string[] };
}

/** How a new round starts (`qualigrid round close`, « Clôturer le cycle »). */
export interface RoundCloseOptions {
  /** The closed round's label; by default the year of `date`. */
  label?: string;
  /** The closing day (a UTC day); today by default. */
  date?: Date;
  /**
   * Each respondent starts from their own previous rating, marked « à confirmer », instead of a
   * blank rating beside the previous round's.
   */
  keepRatings?: boolean;
}
