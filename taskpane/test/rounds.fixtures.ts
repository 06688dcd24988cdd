import { OVERALL_ROW, type RoundFigures, type RoundRecord } from "../../addin/model/history.types.js";
import { roundFigures } from "../../addin/scoring/round.test-helpers.js";
import type { SurveyRecord } from "../../addin/model/survey.types.js";
import { withAssessment } from "../../addin/workbook/workbook.assessment.js";
import type { MemoryHost } from "../host/memory.host.js";

/** One dimension's (or the overall) figures of a closed round, only its score mattering to the pane. */
const figures = (dimension: string, score: number | null): RoundFigures => roundFigures(dimension, score, 75, { answered: 0, total: 0 });

/**
 * A closed round of the fixture template (`essai`, taskpane/test/fixtures.ts), written by hand:
 * `scores` gives each dimension's and `(overall)`'s score, `criteria` each criterion's 0–100 score.
 */
export function fixtureRound(label: string, day: string, scores: Record<string, number | null>, criteria: Record<string, number | null> = {}): RoundRecord {
  return {
    label,
    date: new Date(`${day}T00:00:00Z`),
    templateId: "essai",
    version: "1.2.0",
    respondents: [""],
    figures: [...Object.entries(scores).filter(([d]) => d !== OVERALL_ROW).map(([d, s]) => figures(d, s)), figures(OVERALL_ROW, scores[OVERALL_ROW] ?? null)],
    criteria: Object.entries(criteria).map(([id, score]) => ({
      criterion: id,
      dimension: id.split("-")[0] ?? "",
      consolidated: score === null ? null : 1 + (3 * score) / 100,
      score,
      evaluator: null,
      agreedReason: "",
      evaluatorComment: "",
    })),
    answers: [],
    fingerprint: "0".repeat(64),
  };
}

/** Gives the memory host's workbook these closed rounds (oldest first) and surveys. */
export function withHistory(host: MemoryHost, history: RoundRecord[], surveys: SurveyRecord[] = []): void {
  const wb = host.workbook;
  if (!wb) throw new Error("no workbook");
  host.workbook = withAssessment({ ...wb, history, surveys });
}
