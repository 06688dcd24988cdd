import type { Assessment, CriterionAnswers, EvidenceItem } from "../model/assessment.types.js";
import { criterionTargetLevel, gapUnit, isTextCriterion, scaleOfCriterion, themeOf } from "../model/criterion.scale.js";
import { reviewStatusOfCell } from "../model/review.status.js";
import { scaleBounds, type Rating } from "../model/scale.js";
import { withTargets } from "../model/template.targets.js";
import type { Template } from "../model/template.types.js";
import { consolidatedRating, spreadOfRatings, type ConsolidationPolicy } from "./consensus.js";
import { evidenceNames, isAcceptedStatus } from "./evidence.js";
import { criterionScore, weightedMean } from "./score.core.js";
import { isToDiscuss, respondentFigures, respondentOverall, type RespondentCriterion } from "./respondent.score.js";
import { evaluatorFigures, evaluatorOfCriterion, evaluatorOverall, isWithinTolerance, type EvaluatorCriterion } from "./evaluator.score.js";
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
 * (accepted items not expired as of the assessment date, else today, and not sent back by the
 * evaluator's review), against the dashboard's targets; the overall result is provisional below the
 * workbook's completion threshold. With an evaluator, the same rule applied to their ratings, their
 * agreement with the consolidated ratings and the evidence they accepted. The workbook's formulas
 * compute the same numbers.
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
  const names = assessment.respondents.map((r) => r.name);
  // Each criterion's respondents' answers, for their own figures.
  const own = new Map<CriterionResult, RespondentCriterion>();
  // Each criterion's evaluator figures, when there is an evaluator.
  const judged = assessment.evaluator === null ? null : new Map<CriterionResult, EvaluatorCriterion>();
  const tolerance = assessment.settings.agreementTolerance;
  const context: FiguresContext = { names, own, judged, tolerance };

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
      let reviewedEvidenceCount = 0;
      for (const e of evidence) {
        if (!evidenceNames(e.criteria, c.id)) continue;
        evidenceCount++;
        const review = e.review === null ? null : reviewStatusOfCell(e.review.status, assessment.lang);
        // Not reviewed (or a word that is no verdict) counts; « À compléter » and « Manquante » do not.
        if (isAcceptedStatus(e.status, assessment.acceptedStatus) && current(e) && (review === null || review === "accepted")) acceptedEvidenceCount++;
        if (review === "accepted" && current(e)) reviewedEvidenceCount++;
      }
      const scored = !text && rating.kind === "level" && targetLevel !== null;
      const score = scored ? criterionScore(rating.value, min, max) : null;
      const gap = scored ? (targetLevel - rating.value) * gapUnit(template, c) : null;
      const required = c.required === true;
      const ratings = names.map((_, k) => given?.answers[k]?.rating ?? BLANK);
      const e = judged === null ? BLANK : (given?.evaluator?.rating ?? BLANK);
      const evaluatorRating = text && e.kind !== "na" ? BLANK : e;
      const judgement = evaluatorOfCriterion({ consolidated: rating, evaluator: evaluatorRating, targetLevel: text ? null : targetLevel, min, max, unit: gapUnit(template, c) });
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
        spread: spreadOfRatings(ratings),
        toDiscuss: isToDiscuss(ratings, given?.agreed?.rating ?? null, assessment.settings.spreadThreshold),
        respondentRatings: ratings,
        reviewedEvidenceCount,
        evaluatorRating,
        evaluatorGap: judgement.gap,
        disagreement: judgement.disagreement,
      };
      own.set(result, { weight: c.weight, min, max, text, ratings, texts: names.map((_, k) => given?.answers[k]?.text ?? "") });
      judged?.set(result, { weight: c.weight, score: judgement.score, disagreement: judgement.disagreement });
      mine.push(result);
      criteria.push(result);
    }
    const target = d.target ?? template.target;
    const figures = figuresOf(mine, target, context);
    dimensions.push({
      id: d.id,
      weight: d.weight,
      ...figures,
      target,
      gap: figures.score === null ? null : target - figures.score,
      themes: (d.themes ?? []).map((th) => {
        const of = mine.filter((c) => c.themeId === th.id);
        const f = figuresOf(of, target, context);
        return { id: th.id, score: f.score, answered: f.answered, total: f.total };
      }),
    });
  }
  return {
    criteria,
    dimensions,
    overall: overallOf(template, criteria, dimensions, assessment.settings.completionThreshold, context),
    disagreements: criteria.filter((c) => c.disagreement !== null && !isWithinTolerance(c.disagreement, tolerance)).map((c) => c.id),
  };
}

/** What figures over some criteria need beyond the criteria: the respondents' and the evaluator's own answers. */
interface FiguresContext {
  names: readonly string[];
  own: ReadonlyMap<CriterionResult, RespondentCriterion>;
  /** Null when the assessment has no evaluator. */
  judged: ReadonlyMap<CriterionResult, EvaluatorCriterion> | null;
  /** The agreement tolerance, in default-scale levels. */
  tolerance: number;
}

/**
 * The figures of design.md over some criteria (a dimension's, a theme's): the score, the weighted
 * mean of the scored criteria's scores; answered (rated, or a text question answered in words),
 * N/A, completion; evidence coverage over applicable rating criteria; required criteria not met;
 * criteria « à discuter »; each respondent's own score and answered count; the coverage by
 * evidence the evaluator accepted and the evaluator's figures against `target`.
 */
function figuresOf(criteria: readonly CriterionResult[], target: number, { names, own, judged, tolerance }: FiguresContext): Omit<ScoreFigures, "target" | "gap"> {
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
    reviewedCoverage: applicable.length > 0 && judged !== null ? applicable.filter((c) => c.reviewedEvidenceCount > 0).length / applicable.length : null,
    evaluator: judged === null ? null : evaluatorFigures(criteria.flatMap((c) => judged.get(c) ?? []), target, tolerance),
    requiredNotMet: criteria.filter((c) => c.requiredNotMet).length,
    toDiscuss: criteria.filter((c) => c.toDiscuss).length,
    respondents: respondentFigures(names, criteria.flatMap((c) => own.get(c) ?? [])),
  };
}

function overallOf(
  template: Template,
  criteria: CriterionResult[],
  dimensions: DimensionResult[],
  threshold: number,
  context: FiguresContext,
): OverallResult {
  const score = weightedMean(dimensions.flatMap((d) => (d.score === null ? [] : [[d.weight, d.score] as const])));
  const figures = figuresOf(criteria, template.target, context);
  const { judged, tolerance } = context;
  return {
    ...figures,
    // By dimension, as the overall score: Σ W_d·S_d,k / Σ W_d.
    respondents: respondentOverall(context.names, dimensions),
    evaluator: judged === null ? null : evaluatorOverall(dimensions, criteria.flatMap((c) => judged.get(c) ?? []), template.target, tolerance),
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

