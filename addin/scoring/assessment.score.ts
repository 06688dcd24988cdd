import { scaleBounds, type Rating } from "../model/scale.js";
import type { Template } from "../model/template.types.js";
import { evidenceNames, isAcceptedStatus } from "./evidence.js";
import type {
  AssessmentAnswers,
  AssessmentResult,
  CriterionResult,
  DimensionResult,
  OverallResult,
} from "./scoring.types.js";

const BLANK: Rating = { kind: "blank" };

/**
 * Scores an assessment by the rules of design.md: criterion scores and gaps, dimension scores
 * (weighted, answered and applicable criteria only), the overall score (weighted by dimension),
 * completion and evidence coverage. The workbook's formulas compute the same numbers.
 */
export function scoreAssessment(template: Template, answers: AssessmentAnswers): AssessmentResult {
  const { min, max } = scaleBounds(template.scale);
  const ratings = new Map<string, Rating>();
  for (const [id, r] of answers.ratings) ratings.set(id.toLowerCase(), r);

  const criteria: CriterionResult[] = [];
  const dimensions: DimensionResult[] = [];
  let order = 0;
  for (const d of template.dimensions) {
    let weightSum = 0;
    let points = 0;
    let answered = 0;
    let notApplicable = 0;
    let applicable = 0;
    let covered = 0;
    for (const c of d.criteria) {
      const rating = ratings.get(c.id.toLowerCase()) ?? BLANK;
      const targetLevel = c.targetLevel ?? template.targetLevel;
      let evidenceCount = 0;
      let acceptedEvidenceCount = 0;
      for (const e of answers.evidence) {
        if (!evidenceNames(e.criteria, c.id)) continue;
        evidenceCount++;
        if (isAcceptedStatus(e.status, answers.acceptedStatus)) acceptedEvidenceCount++;
      }
      let score: number | null = null;
      let gap: number | null = null;
      let priority: number | null = null;
      if (rating.kind === "level") {
        score = (rating.value - min) / (max - min);
        gap = targetLevel - rating.value;
        priority = c.weight * gap;
        weightSum += c.weight;
        points += c.weight * score;
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
    const score = weightSum > 0 ? (100 * points) / weightSum : null;
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
  return { criteria, dimensions, overall: overallOf(template, criteria, dimensions) };
}

function overallOf(template: Template, criteria: CriterionResult[], dimensions: DimensionResult[]): OverallResult {
  let weighted = 0;
  let weights = 0;
  for (const d of dimensions) {
    if (d.score === null) continue;
    weighted += d.weight * d.score;
    weights += d.weight;
  }
  const score = weights > 0 ? weighted / weights : null;
  const answered = sum(dimensions.map((d) => d.answered));
  const notApplicable = sum(dimensions.map((d) => d.notApplicable));
  const total = criteria.length;
  const applicable = criteria.filter((c) => c.rating.kind !== "na");
  const covered = applicable.filter((c) => c.acceptedEvidenceCount > 0).length;
  return {
    score,
    target: template.target,
    gap: score === null ? null : template.target - score,
    answered,
    notApplicable,
    total,
    completion: total > 0 ? (answered + notApplicable) / total : 0,
    evidenceCoverage: applicable.length > 0 ? covered / applicable.length : null,
  };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
