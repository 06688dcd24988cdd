import type { Rating } from "../model/scale.js";
import { spreadOfRatings } from "./consensus.js";
import { criterionScore, weightedMean } from "./score.core.js";
import type { RespondentFigures } from "./scoring.types.js";

/** What a respondent's own figures need of a criterion: its weight, its scale's bounds, its kind, their answer. */
export interface RespondentCriterion {
  weight: number;
  min: number;
  max: number;
  text: boolean;
  /** Each respondent's rating, in respondent order. */
  ratings: readonly Rating[];
  /** Each respondent's words for a text question ("" when none), in respondent order. */
  texts: readonly string[];
}

/**
 * « À discuter » (design.md "Respondents and consensus"): several respondents, no agreed rating
 * recorded, at least one level given, and either the levels differ by `threshold` or more or
 * someone said N/A. With one respondent nothing is discussed, whatever the threshold.
 */
export function isToDiscuss(ratings: readonly Rating[], agreed: Rating | null, threshold: number): boolean {
  if (ratings.length < 2 || (agreed !== null && agreed.kind !== "blank")) return false;
  const spread = spreadOfRatings(ratings);
  if (spread === null) return false;
  return spread >= threshold || ratings.some((r) => r.kind === "na");
}

/**
 * Each respondent's own figures over some criteria, by the dimension rule: the weighted mean of
 * the scores of the criteria they rated with a level (× 100), and how many they answered (a level,
 * or words for a text question).
 */
export function respondentFigures(names: readonly string[], criteria: readonly RespondentCriterion[]): RespondentFigures[] {
  return names.map((name, k) => {
    const scored = criteria.flatMap((c) => {
      const r = c.ratings[k];
      return !c.text && r?.kind === "level" ? [[c.weight, criterionScore(r.value, c.min, c.max)] as const] : [];
    });
    const mean = weightedMean(scored);
    const words = criteria.filter((c) => c.text && (c.texts[k] ?? "").trim() !== "" && c.ratings[k]?.kind !== "na").length;
    return { name, score: mean === null ? null : 100 * mean, answered: scored.length + words };
  });
}

/**
 * Each respondent's overall figures: Σ W_d·S_d,k / Σ W_d over the dimensions where they have a
 * score, and their answered counts added up.
 */
export function respondentOverall(names: readonly string[], dimensions: readonly { weight: number; respondents: readonly RespondentFigures[] }[]): RespondentFigures[] {
  return names.map((name, k) => {
    const per = dimensions.map((d) => [d.weight, d.respondents[k]] as const);
    const score = weightedMean(per.flatMap(([w, f]) => (f?.score === null || f === undefined ? [] : [[w, f.score] as const])));
    return { name, score, answered: per.reduce((n, [, f]) => n + (f?.answered ?? 0), 0) };
  });
}
