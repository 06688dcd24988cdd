import type { Lang } from "../template.types.js";
import type { MessageParams } from "./message.types.js";
import { registerMessages } from "./message.catalog.js";

const NB = "\u00a0";
const q = (v: unknown): string => `«${NB}${String(v)}${NB}»`;

/** The columns of the evaluator's CSV files, by the `role` parameter's key. */
const ROLES: Record<string, Record<Lang, string>> = {
  criterion: { fr: "critère", en: "criterion" },
  rating: { fr: "cotation", en: "rating" },
  comment: { fr: "commentaire", en: "comment" },
  evidence: { fr: "preuve", en: "evidence" },
  status: { fr: "statut", en: "status" },
  note: { fr: "note", en: "note" },
  recommendation: { fr: "recommandation", en: "recommendation" },
  due: { fr: "échéance", en: "due" },
};
const role = (p: MessageParams, lang: Lang): string => ROLES[String(p.role)]?.[lang] ?? String(p.role);

/**
 * What reading the evaluator's CSV files finds wrong (`qualigrid review --answers / --evidence /
 * --recommendations`), each issue's path naming the file and line; the problems they share with
 * an answers file (quotes, field counts, criteria, ratings) keep their `answers.*` codes.
 */
export const REVIEW_MESSAGES = registerMessages({
  "review.empty": {
    fr: (p) => `le fichier est vide; il doit commencer par l'en-tête ${p.expected}`,
    en: (p) => `the file is empty; expected the header ${p.expected}`,
  },
  "review.headerUnknown": {
    fr: (p) => `la colonne ${p.column} de l'en-tête, ${q(p.name)}, n'est pas reconnue${NB}: l'en-tête attendu est ${p.expected}`,
    en: (p) => `column ${p.column} of the header, "${p.name}", is not one Qualigrid knows: the expected header is ${p.expected}`,
  },
  "review.headerMissing": {
    fr: (p) => `l'en-tête n'a pas de colonne ${q(role(p, "fr"))}${NB}: l'en-tête attendu est ${p.expected}`,
    en: (p) => `the header has no "${role(p, "en")}" column: the expected header is ${p.expected}`,
  },
  "review.headerTwice": {
    fr: (p) => `les colonnes ${p.first} et ${p.column} de l'en-tête sont toutes deux une colonne ${q(role(p, "fr"))}${NB}: gardez-en une (en-tête attendu${NB}: ${p.expected})`,
    en: (p) => `columns ${p.first} and ${p.column} of the header are both a "${role(p, "en")}" column: keep one (expected header: ${p.expected})`,
  },
  "review.textQuestion": {
    fr: (p) => `le critère ${p.id} est une question à réponse rédigée${NB}: l'évaluateur ne le cote pas (laissez la cotation vide, ou S. O.; le commentaire est accepté)`,
    en: (p) => `criterion ${p.id} is a question answered in words: the evaluator does not rate it (leave the rating blank, or N/A; the comment is accepted)`,
  },
  "review.evidenceEmpty": {
    fr: () => `le code de la preuve est vide`,
    en: () => `the evidence id is empty`,
  },
  "review.evidenceUnknown": {
    fr: (p) => `preuve ${q(p.id)} inconnue${NB}: aucune ligne du registre des preuves n'a ce code`,
    en: (p) => `unknown evidence "${p.id}": no row of the evidence register has that id`,
  },
  "review.evidenceTwice": {
    fr: (p) => `la preuve ${p.id} est donnée deux fois (d'abord à la ligne ${p.first})`,
    en: (p) => `evidence ${p.id} is given twice (first on line ${p.first})`,
  },
  "review.statusUnknown": {
    fr: (p) => `statut ${q(p.value)} de la preuve ${p.id}${NB}: indiquez Acceptée, À compléter ou Manquante (ou laissez vide pour «${NB}non revue${NB}»)`,
    en: (p) => `status "${p.value}" of evidence ${p.id}: give Accepted, To complete or Missing (or leave it blank for "not reviewed")`,
  },
  "review.recommendationEmpty": {
    fr: (p) => `la recommandation pour le critère ${p.id} est vide`,
    en: (p) => `the recommendation for criterion ${p.id} is empty`,
  },
  "review.dueNotADate": {
    fr: (p) => `échéance ${q(p.value)} de la recommandation pour ${p.id}${NB}: écrivez une date réelle AAAA-MM-JJ (par exemple 2026-06-30), ou laissez vide`,
    en: (p) => `due date "${p.value}" of the recommendation for ${p.id}: write a real date as YYYY-MM-DD (for example 2026-06-30), or leave it blank`,
  },
  "review.textTooLong": {
    fr: (p) => `${q(role(p, "fr"))} de ${p.id}${NB}: ${p.length} caractères, alors qu'une cellule d'Excel en contient au plus ${p.limit} (rien n'a été écrit; raccourcissez-le)`,
    en: (p) => `"${role(p, "en")}" of ${p.id}: ${p.length} characters, while an Excel cell holds at most ${p.limit} (nothing was written; shorten it)`,
  },
});
