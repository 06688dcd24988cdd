import type { Rating } from "../model/scale.js";
import type { CriterionType } from "../model/template.types.js";

/** The computed state of one criterion. */
export interface CriterionResult {
  id: string;
  dimensionId: string;
  /** The id of its theme in its dimension, or null. */
  themeId: string | null;
  /** Position in the template (0-based), for stable ordering. */
  order: number;
  type: CriterionType;
  required: boolean;
  weight: number;
  /** A level of the criterion's own scale; null for a text question. */
  targetLevel: number | null;
  /** The consolidated rating; for a text question, N/A or blank (its words are in `text`). */
  rating: Rating;
  /** A text question's answer in words ("" when unanswered or for a rating criterion). */
  text: string;
  /** s = (v − min)/(max − min) on the criterion's scale when scored, else null. */
  score: number | null;
  /** (targetLevel − v) × (max₀ − min₀)/(max − min): in default-scale levels, when scored, else null. */
  gap: number | null;
  /** weight × gap when scored, else null. */
  priority: number | null;
  /** A required rating criterion not rated at or above its target level (unanswered, N/A, unreadable or below). */
  requiredNotMet: boolean;
  evidenceCount: number;
  acceptedEvidenceCount: number;
  /** Max − min of the levels the respondents gave; null when none gave a level. */
  spread: number | null;
  /**
   * « À discuter »: several respondents, no agreed rating, and their levels differ by the
   * workbook's spread threshold or more, or one said N/A while another gave a level.
   */
  toDiscuss: boolean;
  /** Each respondent's own rating as read, in respondent order (one for a one-respondent grid). */
  respondentRatings: Rating[];
  /** Evidence items the evaluator marked « Acceptée » that have not expired. */
  reviewedEvidenceCount: number;
  /** The evaluator's rating as read; blank when the assessment has no evaluator (and always for a text question). */
  evaluatorRating: Rating;
  /** (targetLevel − e) × (max₀ − min₀)/(max − min) when the evaluator rated it with a level, else null. */
  evaluatorGap: number | null;
  /** |c − e| in default-scale levels when the consolidated rating and the evaluator's are both levels, else null. */
  disagreement: number | null;
}

/** The computed state of a dimension's sub-theme: the dimension rule over its criteria. */
export interface ThemeResult {
  id: string;
  score: number | null;
  answered: number;
  total: number;
}

/** Figures shared by a dimension and the whole assessment. Scores and targets are 0–100; completion and coverage 0–1. */
export interface ScoreFigures {
  score: number | null;
  target: number;
  gap: number | null;
  answered: number;
  notApplicable: number;
  total: number;
  completion: number;
  evidenceCoverage: number | null;
  /** Required rating criteria unanswered or rated below their target level. */
  requiredNotMet: number;
  /** Criteria « à discuter » (always 0 with one respondent). */
  toDiscuss: number;
  /** Each respondent's own score and answered count by the same rule, in respondent order. */
  respondents: RespondentFigures[];
  /**
   * Applicable rating criteria with at least one item the evaluator marked « Acceptée » (not
   * expired) / applicable rating criteria; null when none is applicable or there is no evaluator.
   */
  reviewedCoverage: number | null;
  /** The evaluator's figures; null when the assessment has no evaluator. */
  evaluator: EvaluatorFigures | null;
}

/**
 * The evaluator's figures over some criteria (design.md "The evaluator"): their score by the
 * self-assessment rule, its gap to the target, and their agreement with the consolidated rating.
 */
export interface EvaluatorFigures {
  score: number | null;
  /** target − score; null when score is null. */
  gap: number | null;
  /** Rating criteria the evaluator rated with a level. */
  answered: number;
  /** Criteria where the consolidated rating and the evaluator's are both levels. */
  both: number;
  /** Share of those within the agreement tolerance (default-scale levels); null when `both` = 0. */
  withinTolerance: number | null;
  /** Mean of |c − e| over those, in default-scale levels; null when `both` = 0. */
  meanAbsDiff: number | null;
}

/** One respondent's own figures over some criteria: the dimension rule applied to their ratings alone. */
export interface RespondentFigures {
  /** As in `QG_Respondents`; "" for the unnamed respondent of a one-respondent grid. */
  name: string;
  score: number | null;
  answered: number;
}

/** The computed state of one dimension. */
export interface DimensionResult extends ScoreFigures {
  id: string;
  weight: number;
  /** Its themes, in template order; empty when it has none. */
  themes: ThemeResult[];
}

/** The whole assessment's figures. */
export interface OverallResult extends ScoreFigures {
  /**
   * Whether completion is below the workbook's completion threshold: the result is shown as
   * provisional (« provisoire »), without a maturity level.
   */
  provisional: boolean;
}

/** Everything the engine computes for an assessment. */
export interface AssessmentResult {
  criteria: CriterionResult[];
  dimensions: DimensionResult[];
  overall: OverallResult;
  /** Ids of the criteria whose consolidated and evaluator ratings differ by more than the tolerance, in template order. */
  disagreements: string[];
}
