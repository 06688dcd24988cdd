/**
 * Builds `Assessment`s for the engine's tests from a template, ratings by criterion id and evidence
 * links, as a one-respondent workbook would hold them. It computes nothing: expected numbers stay
 * written by hand in the tests.
 */
import type { Assessment, CriterionAnswers, EvidenceItem } from "../model/assessment.types.js";
import type { Rating } from "../model/scale.js";
import { DEFAULT_SETTINGS } from "../model/settings.js";
import type { Template } from "../model/template.types.js";

/** An evidence item as the tests give it: the criterion ids it names and its status. */
export interface EvidenceLink {
  criteria: string[];
  status: string;
}

/** A criterion answered by several respondents (in order), with an agreed rating or none. */
export function criterionAnswers(template: Template, criterion: string, ratings: readonly Rating[], agreed: Rating | null = null): CriterionAnswers {
  const key = criterion.toLowerCase();
  const dimension = template.dimensions.find((d) => d.criteria.some((c) => c.id.toLowerCase() === key))?.id ?? "";
  return {
    criterion,
    dimension,
    answers: ratings.map((rating) => ({ rating, comment: "", text: "" })),
    agreed: agreed === null ? null : { rating: agreed, reason: "" },
    evaluator: null,
  };
}

/**
 * An assessment of `template` with one unnamed respondent whose ratings are given by criterion id
 * (ids absent are left out, so blank), the evidence register `evidence`, and no dashboard targets.
 */
export function assessmentOf(
  template: Template,
  ratings: Record<string, Rating>,
  evidence: readonly EvidenceLink[] = [],
  acceptedStatus = "Accepté",
): Assessment {
  return assessmentWith(
    template,
    Object.entries(ratings).map(([id, r]) => criterionAnswers(template, id, [r])),
    evidence,
    acceptedStatus,
  );
}

/** An assessment of `template` with the criteria's answers given whole (several respondents, agreed ratings). */
export function assessmentWith(
  template: Template,
  criteria: CriterionAnswers[],
  evidence: readonly EvidenceLink[] = [],
  acceptedStatus = "Accepté",
): Assessment {
  const respondents = Math.max(1, ...criteria.map((c) => c.answers.length));
  return {
    template,
    lang: "fr",
    organization: null,
    assessmentDate: null,
    round: null,
    respondents: Array.from({ length: respondents }, (_, i) => ({ name: respondents === 1 ? "" : `R${i + 1}`, role: "self" })),
    evaluator: null,
    criteria,
    evidence: evidence.map((e, i): EvidenceItem => ({
      id: `P-${i + 1}`,
      criteria: [...e.criteria],
      title: "",
      status: e.status,
      location: "",
      confidential: false,
      expiry: null,
      review: null,
    })),
    actions: null,
    steps: null,
    targets: {},
    overallTarget: null,
    acceptedStatus,
    settings: { ...DEFAULT_SETTINGS },
  };
}
