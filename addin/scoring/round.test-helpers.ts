/**
 * Closed rounds written by hand for tests that only need a history to plan, show or compare (the
 * real ones come from `roundRecordOf`). It computes nothing but a gap: expected numbers stay in the tests.
 */
import type { RoundFigures, RoundRecord } from "../model/history.types.js";

/**
 * A dimension's (or the overall row's) figures: `score` against `target`, the gap between them, one
 * criterion answered and complete, nothing else; `more` sets any other figure.
 */
export function roundFigures(dimension: string, score: number | null, target: number, more: Partial<RoundFigures> = {}): RoundFigures {
  return {
    dimension,
    score,
    target,
    gap: score === null ? null : target - score,
    answered: 1,
    notApplicable: 0,
    total: 1,
    completion: 1,
    evidenceCoverage: null,
    requiredNotMet: 0,
    toDiscuss: 0,
    reviewedCoverage: null,
    evaluator: null,
    ...more,
  };
}

/** A closed round of the fields given; no respondents, criteria or answers unless given, a fingerprint of zeros. */
export function handRound(fields: Pick<RoundRecord, "label" | "date" | "templateId" | "version" | "figures"> & Partial<RoundRecord>): RoundRecord {
  return { respondents: [], criteria: [], answers: [], fingerprint: "0".repeat(64), ...fields };
}
