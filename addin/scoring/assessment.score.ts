import type { Assessment, CriterionAnswers, EvidenceItem } from "../model/assessment.types.js";
import { scaleBounds, type Rating } from "../model/scale.js";
import { withTargets } from "../model/template.targets.js";
import type { Template } from "../model/template.types.js";
import { consolidatedRating, type ConsolidationPolicy } from "./consensus.js";
import { evidenceNames, isAcceptedStatus } from "./evidence.js";
import { criterionScore, weightedMean } from "./score.core.js";
import type { AssessmentResult, CriterionResult, DimensionResult, OverallResult } from "./scoring.types.js";

const BLANK: Rating = { kind: "blank" };

/** The template an assessment is scored against: its own, with the targets set on the dashboard. */
export function assessmentTemplate(assessment: Assessment): Template {
  return withTargets(assessment.template, assessment.targets, assessment.overallTarget);
}

/** What scoring may be told beyond the assessment itself. */
export interface ScoreOptions {
  /** The consolidation to use instead of the workbook's setting. */
  policy?: ConsolidationPolicy;
  /**
   * Today, as a UTC day (its time of day is dropped): the reference date for evidence expiry when
   * the assessment has no date. Default: the local calendar day, as the workbook's `TODAY()`.
   */
  today?: Date;
}

/**
 * Scores an assessment by the rules of design.md: each criterion's consolidated rating (its own
 * rating when there is one respondent and no agreed rating; the workbook's consolidation setting
 * otherwise), criterion scores and gaps, dimension scores (weighted, answered and applicable
 * criteria only), the overall score (weighted by dimension), completion and evidence coverage
 * (accepted items not expired as of the assessment date, else today), against the dashboard's
 * targets; the overall result is provisional below the workbook's completion threshold. The
 * workbook's formulas compute the same numbers.
 */
export function scoreAssessment(assessment: Assessment, options: ScoreOptions = {}): AssessmentResult {
  const template = assessmentTemplate(assessment);
  const policy = options.policy ?? { method: assessment.settings.consolidation };
  const reference = assessment.assessmentDate ?? (options.today ? utcDay(options.today) : localToday());
  // « Before the reference date »: an item expiring on the reference day still counts.
  const current = (e: EvidenceItem): boolean => e.expiry === null || e.expiry.getTime() >= reference.getTime();
  const { min, max } = scaleBounds(template.scale);
  // Ids compare case-insensitively; a criterion listed twice: its last row counts.
  const ratings = new Map<string, Rating>();
  for (const c of assessment.criteria) ratings.set(c.criterion.toLowerCase(), consolidatedOf(c, policy));
  const evidence = assessment.evidence ?? [];

  const criteria: CriterionResult[] = [];
  const dimensions: DimensionResult[] = [];
  let order = 0;
  for (const d of template.dimensions) {
    const scored: [number, number][] = [];
    let answered = 0;
    let notApplicable = 0;
    let applicable = 0;
    let covered = 0;
    for (const c of d.criteria) {
      const rating = ratings.get(c.id.toLowerCase()) ?? BLANK;
      const targetLevel = c.targetLevel ?? template.targetLevel;
      let evidenceCount = 0;
      let acceptedEvidenceCount = 0;
      for (const e of evidence) {
        if (!evidenceNames(e.criteria, c.id)) continue;
        evidenceCount++;
        if (isAcceptedStatus(e.status, assessment.acceptedStatus) && current(e)) acceptedEvidenceCount++;
      }
      let score: number | null = null;
      let gap: number | null = null;
      let priority: number | null = null;
      if (rating.kind === "level") {
        score = criterionScore(rating.value, min, max);
        gap = targetLevel - rating.value;
        priority = c.weight * gap;
        scored.push([c.weight, score]);
        answered++;
      } else if (rating.kind === "na") {
        notApplicable++;
      }
      if (rating.kind !== "na") {
        applicable++;
        if (acceptedEvidenceCount > 0) covered++;
      }
      criteria.push({
        id: c.id,
        dimensionId: d.id,
        order: order++,
        weight: c.weight,
        targetLevel,
        rating,
        score,
        gap,
        priority,
        evidenceCount,
        acceptedEvidenceCount,
      });
    }
    const mean = weightedMean(scored);
    const score = mean === null ? null : 100 * mean;
    const target = d.target ?? template.target;
    const total = d.criteria.length;
    dimensions.push({
      id: d.id,
      weight: d.weight,
      score,
      target,
      gap: score === null ? null : target - score,
      answered,
      notApplicable,
      total,
      completion: total > 0 ? (answered + notApplicable) / total : 0,
      evidenceCoverage: applicable > 0 ? covered / applicable : null,
    });
  }
  return { criteria, dimensions, overall: overallOf(template, criteria, dimensions, assessment.settings.completionThreshold) };
}

function overallOf(template: Template, criteria: CriterionResult[], dimensions: DimensionResult[], threshold: number): OverallResult {
  const score = weightedMean(dimensions.flatMap((d) => (d.score === null ? [] : [[d.weight, d.score] as const])));
  const answered = sum(dimensions.map((d) => d.answered));
  const notApplicable = sum(dimensions.map((d) => d.notApplicable));
  const total = criteria.length;
  const applicable = criteria.filter((c) => c.rating.kind !== "na");
  const covered = applicable.filter((c) => c.acceptedEvidenceCount > 0).length;
  const completion = total > 0 ? (answered + notApplicable) / total : 0;
  return {
    score,
    target: template.target,
    gap: score === null ? null : template.target - score,
    answered,
    notApplicable,
    total,
    completion,
    evidenceCoverage: applicable.length > 0 ? covered / applicable.length : null,
    provisional: completion < threshold,
  };
}

function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function localToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

function consolidatedOf(c: CriterionAnswers, policy: ConsolidationPolicy): Rating {
  return consolidatedRating(c.answers.map((a) => a.rating), c.agreed?.rating ?? null, policy);
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
