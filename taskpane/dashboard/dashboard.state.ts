import type { HostError, WorkbookHost } from "../../addin/host/host.types.js";
import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";
import { scaleOfCriterion } from "../../addin/model/criterion.scale.js";
import type { Rating } from "../../addin/model/scale.js";
import type { Criterion, Scale, Template } from "../../addin/model/template.types.js";
import { assessmentTemplate, scoreAssessment } from "../../addin/scoring/assessment.score.js";
import type { AssessmentResult } from "../../addin/scoring/scoring.types.js";
import { localToday, stepsStanding, type StepsStanding } from "../../addin/scoring/steps.status.js";
import type { RoundRecord } from "../../addin/model/history.types.js";
import { dimensionChanges, type DimensionChange } from "../../addin/scoring/round.change.js";
import { useHostRead } from "../host/host.read.js";

/**
 * What the dashboard shows: the template with the workbook's targets, the engine's figures, and the
 * workbook's completion threshold (below it the overall result is provisional).
 */
export interface DashboardFigures {
  template: Template;
  result: AssessmentResult;
  completionThreshold: number;
  /** The workbook's agreement tolerance with the evaluator, in default-scale levels. */
  agreementTolerance: number;
  /** Where the organization stands in the template's process steps (today); null or absent without steps. */
  steps?: StepsStanding | null;
  /** The closed rounds, oldest first; empty or absent without history. */
  history?: RoundRecord[];
  /** Per dimension, then overall (`OVERALL_ROW`), the change since the last and the first closed rounds; empty without history. */
  changes?: DimensionChange[];
}

/** A required criterion not rated at or above its target level, as the dashboard lists it. */
export interface RequiredShortfall {
  criterion: Criterion;
  /** The scale its rating is read on, to name the level. */
  scale: Scale;
  /** The consolidated rating: blank when unanswered, unreadable for N/A (refused) or a stray value. */
  rating: Rating;
  targetLevel: number;
}

/**
 * The required criteria not met, in template order, whatever their weight (design.md: listed
 * apart on the dashboard, above the priorities).
 */
export function requiredShortfalls(figures: DashboardFigures): RequiredShortfall[] {
  const criteria = new Map(figures.template.dimensions.flatMap((d) => d.criteria.map((c): [string, Criterion] => [c.id, c])));
  return figures.result.criteria
    .filter((c) => c.requiredNotMet && c.targetLevel !== null)
    .sort((a, b) => a.order - b.order)
    .flatMap((c) => {
      const criterion = criteria.get(c.id);
      return criterion && c.targetLevel !== null ? [{ criterion, scale: scaleOfCriterion(figures.template, criterion), rating: c.rating, targetLevel: c.targetLevel }] : [];
    });
}

/** A criterion where the consolidated rating and the evaluator's differ beyond the tolerance. */
export interface EvaluatorDifference {
  id: string;
  /** Both are levels of the criterion's own scale. */
  consolidated: number;
  evaluator: number;
  /** |c − e| in default-scale levels. */
  difference: number;
}

/** Whether the evaluator rated some criterion with a level: only then does the dashboard show their figures. */
export function showsEvaluator(figures: DashboardFigures): boolean {
  return (figures.result.overall.evaluator?.answered ?? 0) > 0;
}

/** The engine's disagreements, in template order, each with both ratings. */
export function evaluatorDifferences(figures: DashboardFigures): EvaluatorDifference[] {
  const byId = new Map(figures.result.criteria.map((c) => [c.id, c]));
  return figures.result.disagreements.flatMap((id) => {
    const c = byId.get(id);
    if (!c || c.rating.kind !== "level" || c.evaluatorRating.kind !== "level" || c.disagreement === null) return [];
    return [{ id, consolidated: c.rating.value, evaluator: c.evaluatorRating.value, difference: c.disagreement }];
  });
}

/** Whether some of `criteria` are required and rated (a required text question is never « not met »). */
export function hasRequired(criteria: readonly Pick<Criterion, "required" | "type">[]): boolean {
  return criteria.some((c) => c.required === true && c.type !== "text");
}

/** The engine's figures for a workbook read back: the same numbers as the workbook's formulas. */
function dashboardFigures(wb: AssessmentWorkbook): DashboardFigures {
  const result = scoreAssessment(wb.assessment);
  return {
    template: assessmentTemplate(wb.assessment),
    result,
    completionThreshold: wb.assessment.settings.completionThreshold,
    agreementTolerance: wb.assessment.settings.agreementTolerance,
    steps: stepsStanding(wb.assessment, localToday()),
    history: wb.history ?? [],
    changes: wb.history && wb.history.length > 0 ? dimensionChanges(result, wb.history) : [],
  };
}

/** State of the Dashboard screen. */
export interface DashboardState {
  phase: "loading" | "ready" | "failed";
  figures: DashboardFigures | null;
  error: HostError | null;
  refresh(): Promise<void>;
}

/** Reads the workbook when the dashboard opens and on `refresh()`, and scores it with the engine. */
export function useDashboard(host: WorkbookHost): DashboardState {
  const { phase, value: figures, error, refresh } = useHostRead(host, dashboardFigures);
  return { phase, figures, error, refresh };
}
