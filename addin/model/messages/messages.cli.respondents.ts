import type { Lang } from "../template.types.js";
import { registerMessages } from "./message.catalog.js";
import { enPlural, frPlural } from "./message.format.js";

const NB = "\u00a0";
const q = (name: unknown): string => `«${NB}${String(name)}${NB}»`;

/**
 * What `new`, `fill` and `upgrade` say about respondents (design.md "Respondents and consensus"),
 * and why an upgrade or a fill that changes the respondents is refused.
 */
export const RESPONDENT_CLI_MESSAGES = registerMessages({
  "cli.new.respondents": {
    fr: (p) => `Répondants${NB}: ${p.list}.`,
    en: (p) => `Respondents: ${p.list}.`,
  },
  "cli.upgrade.respondents": {
    fr: (p) => `Répondants de ${p.file}${NB}: ${p.list}.`,
    en: (p) => `Respondents of ${p.file}: ${p.list}.`,
  },
  "cli.fill.respondentAdded": {
    fr: (p) => `Répondant ${q(p.name)} ajouté à ${p.file}.`,
    en: (p) => `Respondent “${p.name}” added to ${p.file}.`,
  },
  "cli.fill.firstNamed": {
    fr: (p) => `Les réponses déjà dans la grille sont maintenant celles de ${q(p.name)}.`,
    en: (p) => `The answers already in the grid are now those of “${p.name}”.`,
  },
  "cli.fill.respondentDone": {
    fr: (p) => `${p.count} ${frPlural(p.count, "critère rempli", "critères remplis")} pour ${q(p.name)} dans ${p.file}.`,
    en: (p) => `${p.count} ${enPlural(p.count, "criterion", "criteria")} filled for “${p.name}” in ${p.file}.`,
  },
  "cli.fill.agreedDone": {
    fr: (p) => `${p.count} ${frPlural(p.count, "cotation convenue inscrite", "cotations convenues inscrites")} dans ${p.file}.`,
    en: (p) => `${p.count} agreed ${enPlural(p.count, "rating", "ratings")} recorded in ${p.file}.`,
  },
  "cli.fill.respondentAndAgreed": {
    fr: () => `--respondent et --agreed ne vont pas ensemble${NB}: remplissez la colonne d'un répondant, ou les cotations convenues`,
    en: () => "--respondent and --agreed do not go together: fill one respondent's column, or the agreed ratings",
  },
  "cli.fill.noAgreed": {
    fr: (p) =>
      `la grille de ${p.file} n'a pas de colonne ${q("Cotation convenue")}${NB}: elle n'a qu'un répondant (ajoutez-en avec --respondent, ou upgrade --respondents)`,
    en: (p) => `the grid of ${p.file} has no "Agreed rating" column: it has a single respondent (add some with --respondent, or upgrade --respondents)`,
  },
  "cli.fill.whichRespondent": {
    fr: (p) => `la grille de ${p.file} a plusieurs répondants (${p.list})${NB}: nommez celui dont ce sont les réponses avec --respondent NOM, ou ajoutez --agreed pour les cotations convenues`,
    en: (p) => `the grid of ${p.file} has several respondents (${p.list}): name the one these answers are from with --respondent NAME, or add --agreed for agreed ratings`,
  },
  "cli.upgrade.needsTemplate": {
    fr: () => "nommez la nouvelle version du modèle avec --template, ou les répondants avec --respondents",
    en: () => "name the template's new version with --template, or the respondents with --respondents",
  },
  "upgrade.respondentRemoved": {
    fr: (p) =>
      `le répondant ${q(p.name)} a des réponses dans la grille (${p.count} ${frPlural(p.count, "critère", "critères")})${NB}: gardez-le dans la liste des répondants; rien n'est écrit`,
    en: (p) => `respondent “${p.name}” has answers in the grid (${p.count} ${enPlural(p.count, "criterion", "criteria")}): keep them in the list of respondents; nothing written`,
  },
});

/** A code of this section. */
export type RespondentCliMessageCode = keyof typeof RESPONDENT_CLI_MESSAGES;

/** The name the answers of a grid's unnamed respondent take when a named one joins them: « Répondant 1 ». */
export function firstRespondentName(lang: Lang): string {
  return lang === "fr" ? "Répondant 1" : "Respondent 1";
}
