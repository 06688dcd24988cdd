import type { Rating } from "../model/scale.js";

/** The computed state of one criterion. */
export interface CriterionResult {
  id: string;
  dimensionId: string;
  /** Position in the template (0-based), for stable ordering. */
  order: number;
  weight: number;
  targetLevel: number;
  rating: Rating;
  /** s = (v − min)/(max − min) when scored, else null. */
  score: number | null;
  /** targetLevel − v, in levels, when scored, else null. */
  gap: number | null;
  /** weight × gap when scored, else null. */
  priority: number | null;
  evidenceCount: number;
  acceptedEvidenceCount: number;
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
}

/** The computed state of one dimension. */
export interface DimensionResult extends ScoreFigures {
  id: string;
  weight: number;
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
