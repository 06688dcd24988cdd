/**
 * A survey's results as the workbook keeps them (design.md "Rounds, comparison and report";
 * Engagement Qualité's first step: clients' satisfaction, staff's and volunteers' mobilisation).
 * Only counts are kept: no respondent's name, e-mail or free-text answer unless asked.
 */

/** One answer of a question and how many gave it. */
export interface SurveyAnswerCount {
  answer: string;
  count: number;
}

/** One question's figures. */
export interface SurveyQuestion {
  question: string;
  /** Non-blank answers. */
  responses: number;
  /**
   * The answers with their counts: in the recognised scale's order, most favourable first, for a
   * Likert question; otherwise by count, most given first.
   */
  answers: SurveyAnswerCount[];
  /** The recognised (or given) ordered scale's id (`agreement.fr`…); null when the question is not Likert. */
  scale: string | null;
  /** Share (0–1) of the non-blank answers in the two most favourable answers of the scale; null when not Likert or no answer. */
  favourable: number | null;
}

/** A free-text answer kept with `--with-comments` (never a name or an e-mail). */
export interface SurveyComment {
  question: string;
  text: string;
}

/** An imported survey. */
export interface SurveyRecord {
  /** « Satisfaction 2026 »: unique in a workbook (case-insensitively). */
  name: string;
  /** The day it was imported (a UTC day). */
  imported: Date;
  /** The responses (rows) the file held. */
  responses: number;
  questions: SurveyQuestion[];
  /** Empty unless imported with comments. */
  comments: SurveyComment[];
  /** Criteria the survey is evidence for (their ids), as linked at import. */
  criteria: string[];
}

/** How a survey is imported (`qualigrid survey import`, « Importer un sondage »). */
export interface SurveyImportOptions {
  name: string;
  /** Keep free-text answers (never names or e-mails). */
  withComments?: boolean;
  /** Criteria the survey is evidence for: an evidence register row « Sondage » is added for them. */
  criteria?: string[];
  /**
   * An ordered scale given by hand, most favourable first (`Excellent,Bon,Moyen,Faible`): used for
   * the questions whose answers are all in it, before the recognised scales.
   */
  scale?: string[];
  /** The import day (a UTC day); today by default. */
  date?: Date;
}
