import type { Assessment, CriterionAnswers, EvidenceItem } from "../model/assessment.types.js";
import { criterionTargetLevel, gapUnit, isTextCriterion, scaleOfCriterion, themeOf } from "../model/criterion.scale.js";
import { scaleBounds, type Rating } from "../model/scale.js";
import { withTargets } from "../model/template.targets.js";
import type { Template } from "../model/template.types.js";
import { consolidatedRating, type ConsolidationPolicy } from "./consensus.js";
import { evidenceNames, isAcceptedStatus } from "./evidence.js";
import { criterionScore, weightedMean } from "./score.core.js";
import type { AssessmentResult, CriterionResult, DimensionResult, OverallResult, ScoreFigures } from "./scoring.types.js";

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
  // Ids compare case-insensitively; a criterion listed twice: its last row counts.
  const answers = new Map<string, CriterionAnswers>();
  for (const c of assessment.criteria) answers.set(c.criterion.toLowerCase(), c);
  const evidence = assessment.evidence ?? [];

  const criteria: CriterionResult[] = [];
  const dimensions: DimensionResult[] = [];
  let order = 0;
  for (const d of template.dimensions) {
    const mine: CriterionResult[] = [];
    for (const c of d.criteria) {
      const given = answers.get(c.id.toLowerCase());
      const text = isTextCriterion(c);
      const rating = given ? consolidatedOf(given, policy) : BLANK;
      const targetLevel = criterionTargetLevel(template, c);
      const { min, max } = scaleBounds(scaleOfCriterion(template, c));
      let evidenceCount = 0;
      let acceptedEvidenceCount = 0;
      for (const e of evidence) {
        if (!evidenceNames(e.criteria, c.id)) continue;
        evidenceCount++;
        if (isAcceptedStatus(e.status, assessment.acceptedStatus) && current(e)) acceptedEvidenceCount++;
      }
      const scored = !text && rating.kind === "level" && targetLevel !== null;
      const score = scored ? criterionScore(rating.value, min, max) : null;
      const gap = scored ? (targetLevel - rating.value) * gapUnit(template, c) : null;
      const required = c.required === true;
      const result: CriterionResult = {
        id: c.id,
        dimensionId: d.id,
        themeId: themeOf(d, c)?.id ?? null,
        order: order++,
        type: text ? "text" : "rating",
        required,
        weight: c.weight,
        targetLevel,
        rating: text && rating.kind !== "na" ? BLANK : rating,
        text: text && rating.kind !== "na" ? answeredText(given) : "",
        score,
        gap,
        priority: gap === null ? null : c.weight * gap,
        // Met only when rated at or above its target (exactly, as the grid's formula compares).
        requiredNotMet: required && !text && !(scored && rating.value >= targetLevel),
        evidenceCount,
        acceptedEvidenceCount,
      };
      mine.push(result);
      criteria.push(result);
    }
    const figures = figuresOf(mine);
    const target = d.target ?? template.target;
    dimensions.push({
      id: d.id,
      weight: d.weight,
      ...figures,
      target,
      gap: figures.score === null ? null : target - figures.score,
      themes: (d.themes ?? []).map((th) => {
        const of = mine.filter((c) => c.themeId === th.id);
        const f = figuresOf(of);
        return { id: th.id, score: f.score, answered: f.answered, total: f.total };
      }),
    });
  }
  return { criteria, dimensions, overall: overallOf(template, criteria, dimensions, assessment.settings.completionThreshold) };
}

/**
 * The figures of design.md over some criteria (a dimension's, a theme's): the score, the weighted
 * mean of the scored criteria's scores; answered (rated, or a text question answered in words),
 * N/A, completion; evidence coverage over applicable rating criteria; required criteria not met.
 */
function figuresOf(criteria: readonly CriterionResult[]): Omit<ScoreFigures, "target" | "gap"> {
  const mean = weightedMean(criteria.flatMap((c) => (c.score === null ? [] : [[c.weight, c.score] as const])));
  const answered = criteria.filter((c) => c.score !== null || (c.type === "text" && c.text.trim() !== "")).length;
  const notApplicable = criteria.filter((c) => c.rating.kind === "na").length;
  const applicable = criteria.filter((c) => c.type === "rating" && c.rating.kind !== "na");
  const total = criteria.length;
  return {
    score: mean === null ? null : 100 * mean,
    answered,
    notApplicable,
    total,
    completion: total > 0 ? (answered + notApplicable) / total : 0,
    evidenceCoverage: applicable.length > 0 ? applicable.filter((c) => c.acceptedEvidenceCount > 0).length / applicable.length : null,
    requiredNotMet: criteria.filter((c) => c.requiredNotMet).length,
  };
}

function overallOf(template: Template, criteria: CriterionResult[], dimensions: DimensionResult[], threshold: number): OverallResult {
  const score = weightedMean(dimensions.flatMap((d) => (d.score === null ? [] : [[d.weight, d.score] as const])));
  const figures = figuresOf(criteria);
  return {
    ...figures,
    score,
    target: template.target,
    gap: score === null ? null : template.target - score,
    provisional: figures.completion < threshold,
  };
}

/** What the respondents wrote for a text question: their non-blank answers, one per line. */
function answeredText(given: CriterionAnswers | undefined): string {
  return (given?.answers ?? [])
    .map((a) => a.text.trim())
    .filter((t) => t !== "")
    .join("\n");
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

