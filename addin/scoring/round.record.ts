import type { Assessment, CriterionAnswers } from "../model/assessment.types.js";
import { roundPrint } from "../model/history.canonical.js";
import { OVERALL_ROW, type HistoryRating, type RoundAnswer, type RoundCriterion, type RoundFigures, type RoundRecord } from "../model/history.types.js";
import type { Rating } from "../model/scale.js";
import type { TextDigest } from "../model/seal.canonical.js";
import type { Template } from "../model/template.types.js";
import type { AssessmentResult, ScoreFigures } from "./scoring.types.js";

/** What a round is taken from: the workbook's template and the assessment it holds. */
export interface RoundSource {
  template: Pick<Template, "id" | "version">;
  assessment: Pick<Assessment, "respondents" | "criteria">;
}

/**
 * A rating as history keeps it: a level's value, "na" for not applicable, null when blank. An
 * unreadable entry (a word that is no level, a value off the scale) is kept as null too: the round
 * records what counted, and the scores (which never count it) agree with it; `check` has reported
 * such an entry before the close, and the closing command warns about it.
 */
export function historyRatingOf(r: Rating): HistoryRating {
  if (r.kind === "level") return r.value;
  if (r.kind === "na") return "na";
  return null;
}

/**
 * A round's figures for a dimension or overall: exactly those `score --json` prints
 * (`scoreJson`), the evaluator's null when the workbook has no evaluator.
 */
export function roundFiguresOf(dimension: string, f: ScoreFigures): RoundFigures {
  const e = f.evaluator;
  return {
    dimension,
    score: f.score,
    target: f.target,
    gap: f.gap,
    answered: f.answered,
    notApplicable: f.notApplicable,
    total: f.total,
    completion: f.completion,
    evidenceCoverage: f.evidenceCoverage,
    requiredNotMet: f.requiredNotMet,
    toDiscuss: f.toDiscuss,
    reviewedCoverage: f.reviewedCoverage,
    evaluator: e === null ? null : { score: e.score, gap: e.gap, answered: e.answered, both: e.both, withinTolerance: e.withinTolerance, meanAbsDiff: e.meanAbsDiff },
  };
}

/**
 * The round a workbook closes (design.md "Rounds, comparison and report"): its label and day, the
 * template's id and version, per dimension then overall every figure of `score --json`, each
 * criterion's consolidated rating c, score (100 × s), evaluator's rating e, agreed reason and
 * evaluator's comment, and each respondent's rating, words (a text question's) and comment as written; with its fingerprint
 * and each row's check, by `digest`. `result` is `scoreAssessment` of the same assessment.
 */
export async function roundRecordOf(a: RoundSource, result: AssessmentResult, label: string, date: Date, digest: TextDigest): Promise<RoundRecord> {
  const given = new Map<string, CriterionAnswers>();
  // As scoring reads them: ids case-insensitively, the last row of a repeated id.
  for (const c of a.assessment.criteria) given.set(c.criterion.toLowerCase(), c);
  const respondents = a.assessment.respondents.map((r) => r.name);
  const figures = [...result.dimensions.map((d) => roundFiguresOf(d.id, d)), roundFiguresOf(OVERALL_ROW, result.overall)];
  const criteria: RoundCriterion[] = [];
  const answers: RoundAnswer[] = [];
  for (const c of result.criteria) {
    const row = given.get(c.id.toLowerCase());
    criteria.push({
      criterion: c.id,
      dimension: c.dimensionId,
      consolidated: historyRatingOf(c.rating),
      score: c.score === null ? null : 100 * c.score,
      evaluator: historyRatingOf(c.evaluatorRating),
      agreedReason: row?.agreed?.reason ?? "",
      evaluatorComment: row?.evaluator?.comment ?? "",
    });
    respondents.forEach((name, k) => {
      const answer = row?.answers[k];
      answers.push({
        criterion: c.id,
        respondent: name,
        rating: answer ? historyRatingOf(answer.rating) : null,
        answer: answer?.text ?? "",
        comment: answer?.comment ?? "",
      });
    });
  }
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const record = { label: label.trim(), date: day, templateId: a.template.id, version: a.template.version, respondents, figures, criteria, answers };
  const print = await roundPrint(record, digest);
  return { ...record, fingerprint: print.fingerprint, rowChecks: print.rowChecks };
}
