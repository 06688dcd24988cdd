import { registerMessages } from "./message.catalog.js";
import { enPlural, frPlural } from "./message.format.js";

const NB = "\u00a0";

/**
 * What `score` adds with several respondents (design.md "Respondents and consensus"): each
 * respondent's own score under a dimension, and how many criteria are « à discuter ».
 */
export const SCORE_MESSAGES = registerMessages({
  "score.toDiscussHeading": {
    fr: () => "À discuter",
    en: () => "To discuss",
  },
  "score.toDiscuss": {
    fr: (p) =>
      Number(p.count) === 0
        ? "Aucun critère à discuter."
        : `${p.count} ${frPlural(p.count, "critère à discuter", "critères à discuter")} (écart entre répondants ou sans objet contre une cotation)${NB}: ${p.ids}.`,
    en: (p) =>
      Number(p.count) === 0
        ? "No criterion to discuss."
        : `${p.count} ${enPlural(p.count, "criterion", "criteria")} to discuss (respondents apart, or N/A against a rating): ${p.ids}.`,
  },
  "score.respondentsHeading": {
    fr: () => `Score de chaque répondant${NB}:`,
    en: () => "Each respondent's score:",
  },
});
