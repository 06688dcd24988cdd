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
}
