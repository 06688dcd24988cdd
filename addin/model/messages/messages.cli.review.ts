import type { Lang } from "../template.types.js";
import type { MessageParams } from "./message.types.js";
import { messageText, registerMessages } from "./message.catalog.js";
import { enPlural, frPlural } from "./message.format.js";

const NB = "\u00a0";

/**
 * What `qualigrid review` says and refuses, its help texts, and the evaluator's lines `score`
 * prints (design.md "The evaluator"); reading the CSV files is `messages.review.ts`'s.
 */
export const REVIEW_CLI_MESSAGES = registerMessages({
  "cli.help.review": {
    fr: () =>
      `inscrit la revue de l'évaluateur externe dans le classeur${NB}: ses cotations et commentaires (--answers), sa revue des preuves (--evidence), ses recommandations au plan d'action (--recommendations)`,
    en: () =>
      "records the external evaluator's review in the workbook: their ratings and comments (--answers), their review of the evidence (--evidence), their recommendations in the action plan (--recommendations)",
  },
  "cli.help.opt.reviewAnswers": {
    fr: () => "les cotations de l'évaluateur, un fichier CSV critere,cotation,commentaire",
    en: () => "the evaluator's ratings, a CSV file criterion,rating,comment",
  },
  "cli.help.opt.reviewEvidence": {
    fr: () => `la revue des preuves, un fichier CSV preuve,statut,note (par code de preuve${NB}: E001…; statut Acceptée, À compléter, Manquante, ou vide)`,
    en: () => "the evidence review, a CSV file evidence,status,note (by evidence id: E001…; status Accepted, To complete, Missing, or blank)",
  },
  "cli.help.opt.reviewRecommendations": {
    fr: () => `les recommandations, un fichier CSV critere,recommandation,echeance (AAAA-MM-JJ), ajoutées au plan d'action avec la source «${NB}Évaluation externe${NB}»`,
    en: () => `the recommendations, a CSV file criterion,recommendation,due (YYYY-MM-DD), added to the action plan with source "External evaluation"`,
  },
  "cli.help.opt.reviewBy": {
    fr: () => "le nom du réviseur, inscrit sur chaque preuve revue",
    en: () => "the reviewer's name, written on each evidence row reviewed",
  },
  "cli.help.opt.reviewJson": {
    fr: () => "affiche le résultat en JSON (fichier écrit, nombres de lignes)",
    en: () => "prints the outcome as JSON (file written, counts of rows)",
  },
  "cli.review.nothingGiven": {
    fr: () => `donnez au moins un fichier${NB}: --answers (cotations), --evidence (revue des preuves) ou --recommendations (recommandations)`,
    en: () => "give at least one file: --answers (ratings), --evidence (evidence review) or --recommendations (recommendations)",
  },
  "cli.review.noEvaluatorColumns": {
    fr: (p) => `la grille de ${p.file} n'a pas de colonne «${NB}Cotation évaluateur${NB}»${NB}: mettez le classeur à jour avec «${NB}qualigrid upgrade ${p.file}${NB}», puis recommencez`,
    en: (p) => `the grid of ${p.file} has no "Evaluator rating" column: bring the workbook up to date with "qualigrid upgrade ${p.file}", then try again`,
  },
  "cli.review.noReviewColumns": {
    fr: (p) => `le registre des preuves de ${p.file} n'a pas les colonnes de la revue${NB}: mettez le classeur à jour avec «${NB}qualigrid upgrade ${p.file}${NB}», puis recommencez`,
    en: (p) => `the evidence register of ${p.file} has no review columns: bring the workbook up to date with "qualigrid upgrade ${p.file}", then try again`,
  },
  "cli.review.evidenceWithoutId": {
    fr: (p) =>
      `${p.count} ${frPlural(p.count, "preuve du registre n'a", "preuves du registre n'ont")} pas de code (${p.cells})${NB}: tapez un code unique dans la colonne «${NB}Code${NB}» (E001, E002…) ou mettez le classeur à jour avec «${NB}qualigrid upgrade ${p.file}${NB}»; evidence.csv désigne les preuves par leur code`,
    en: (p) =>
      `${p.count} evidence ${enPlural(p.count, "row has", "rows have")} no id (${p.cells}): type a unique id in the "ID" column (E001, E002…) or bring the workbook up to date with "qualigrid upgrade ${p.file}"; evidence.csv names evidence by id`,
  },
  "cli.review.noActionPlan": {
    fr: (p) => `${p.file} n'a pas de plan d'action (${p.detail})${NB}: les recommandations ne peuvent pas y être ajoutées`,
    en: (p) => `${p.file} has no action plan (${p.detail}): the recommendations cannot be added`,
  },
  "cli.review.protected": {
    fr: (p) => `la feuille ${p.detail} de ${p.file} est protégée${NB}: ôtez la protection pour y ajouter les recommandations`,
    en: (p) => `sheet ${p.detail} of ${p.file} is protected: unprotect it to add the recommendations`,
  },
  "cli.review.done": {
    fr: (p) =>
      `Revue inscrite dans ${p.file}${NB}: ${p.ratings} ${frPlural(p.ratings, "cotation", "cotations")} de l'évaluateur, ${p.evidence} ${frPlural(p.evidence, "preuve revue", "preuves revues")}, ${p.recommendations} ${frPlural(p.recommendations, "recommandation ajoutée", "recommandations ajoutées")}.`,
    en: (p) =>
      `Review recorded in ${p.file}: ${p.ratings} evaluator ${enPlural(p.ratings, "rating", "ratings")}, ${p.evidence} evidence ${enPlural(p.evidence, "row", "rows")} reviewed, ${p.recommendations} ${enPlural(p.recommendations, "recommendation", "recommendations")} added.`,
  },
  "score.evaluatorHeading": {
    fr: () => "Évaluation externe (évaluateur à côté de l'autoévaluation)",
    en: () => "External evaluation (the evaluator beside the self-assessment)",
  },
  "score.evaluatorSelf": { fr: () => "Autoévaluation", en: () => "Self-assessment" },
  "score.evaluatorScore": { fr: () => "Évaluateur", en: () => "Evaluator" },
  "score.evaluatorGap": { fr: () => "Écart évaluateur", en: () => "Evaluator gap" },
  "score.evaluatorBoth": { fr: () => "Cotés par les deux", en: () => "Rated by both" },
  "score.evaluatorWithin": { fr: () => "Dans la tolérance", en: () => "Within tolerance" },
  "score.evaluatorMeanAbsDiff": { fr: () => "Écart absolu moyen", en: () => "Mean abs. difference" },
  "score.evaluatorDisagreements": {
    fr: (p) =>
      Number(p.count) === 0
        ? `Aucun critère où l'évaluateur et l'autoévaluation diffèrent de plus de ${p.tolerance}.`
        : `${p.count} ${frPlural(p.count, "critère où l'évaluateur et l'autoévaluation diffèrent", "critères où l'évaluateur et l'autoévaluation diffèrent")} de plus de ${p.tolerance}${NB}: ${p.ids}`,
    en: (p) =>
      Number(p.count) === 0
        ? `No criterion where the evaluator and the self-assessment differ by more than ${p.tolerance}.`
        : `${p.count} ${enPlural(p.count, "criterion", "criteria")} where the evaluator and the self-assessment differ by more than ${p.tolerance}: ${p.ids}`,
  },
});

/** A code of this section. */
export type ReviewCliMessageCode = keyof typeof REVIEW_CLI_MESSAGES;

/** A text of this section in `lang`. */
export function reviewCliText(code: ReviewCliMessageCode, lang: Lang, params: MessageParams = {}): string {
  return messageText(code, params, lang) ?? code;
}
