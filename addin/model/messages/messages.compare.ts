import type { Lang } from "../template.types.js";
import type { MessageParams } from "./message.types.js";
import { messageText, registerMessages } from "./message.catalog.js";
import { enPlural, frPlural } from "./message.format.js";

const NB = "\u00a0";

/**
 * What `qualigrid compare` says and refuses (design.md "Rounds, comparison and report"): its help
 * texts, the refusal of another template, the notes, and the words of its tables.
 */
export const COMPARE_MESSAGES = registerMessages({
  "compare.help": {
    fr: () =>
      `compare deux classeurs du même modèle (variation de B par rapport à A, par dimension et par critère), ou, avec un seul classeur, le dernier cycle clôturé et l'état actuel`,
    en: () => "compares two workbooks of the same template (change of B from A, per dimension and per criterion), or, with one workbook, its last closed round and its current state",
  },
  "compare.help.a": {
    fr: () => "le classeur A (le plus ancien)",
    en: () => "workbook A (the earlier one)",
  },
  "compare.help.b": {
    fr: () => "le classeur B (le plus récent); sans lui, les cycles de A",
    en: () => "workbook B (the later one); without it, A's rounds",
  },
  "compare.help.json": {
    fr: () => "affiche la comparaison en JSON (a, b, dimensions, criteria, added, removed)",
    en: () => "prints the comparison as JSON (a, b, dimensions, criteria, added, removed)",
  },
  "compare.otherTemplate": {
    fr: (p) => `${p.a} (modèle «${NB}${p.idA}${NB}») et ${p.b} (modèle «${NB}${p.idB}${NB}») ne suivent pas le même modèle${NB}: seuls deux classeurs d'un même modèle se comparent`,
    en: (p) => `${p.a} (template "${p.idA}") and ${p.b} (template "${p.idB}") do not follow the same template: only two workbooks of one template can be compared`,
  },
  "compare.versions": {
    fr: (p) => `versions différentes du modèle «${NB}${p.id}${NB}»${NB}: ${p.versionA} dans ${p.a}, ${p.versionB} dans ${p.b}; les critères sont appariés par leur code`,
    en: (p) => `different versions of template "${p.id}": ${p.versionA} in ${p.a}, ${p.versionB} in ${p.b}; criteria are matched by their id`,
  },
  "compare.noRound": {
    fr: (p) => `${p.file} n'a aucun cycle clôturé${NB}: clôturez un cycle («${NB}qualigrid round close ${p.file}${NB}») ou donnez un deuxième classeur à comparer`,
    en: (p) => `${p.file} has no closed round: close one ("qualigrid round close ${p.file}") or give a second workbook to compare with`,
  },
  "compare.oneRoundNoRating": {
    fr: (p) => `${p.file} n'a qu'un cycle clôturé («${NB}${p.label}${NB}») et aucune cotation depuis${NB}: rien à comparer pour l'instant`,
    en: (p) => `${p.file} has one closed round only ("${p.label}") and no rating since: nothing to compare yet`,
  },
  "compare.sideRound": {
    fr: (p) => `${p.side}${NB}: ${p.file}, cycle «${NB}${p.label}${NB}» (${p.id} ${p.version})`,
    en: (p) => `${p.side}: ${p.file}, round "${p.label}" (${p.id} ${p.version})`,
  },
  "compare.sideCurrent": {
    fr: (p) => `${p.side}${NB}: ${p.file}, état actuel (${p.id} ${p.version})`,
    en: (p) => `${p.side}: ${p.file}, current state (${p.id} ${p.version})`,
  },
  "compare.dimension": { fr: () => "Dimension", en: () => "Dimension" },
  "compare.criterion": { fr: () => "Critère", en: () => "Criterion" },
  "compare.change": { fr: () => "Variation", en: () => "Change" },
  "compare.overall": { fr: () => "Ensemble", en: () => "Overall" },
  "compare.legend": {
    fr: () => `Scores sur 100; variation = B − A (positive${NB}: mieux dans B)`,
    en: () => "Scores out of 100; change = B − A (positive: better in B)",
  },
  "compare.criteriaChanged": {
    fr: (p) => `${p.count} ${frPlural(p.count, "critère a changé", "critères ont changé")}${NB}:`,
    en: (p) => `${p.count} ${enPlural(p.count, "criterion changed", "criteria changed")}:`,
  },
  "compare.noCriterionChanged": {
    fr: () => "Aucun critère commun n'a changé.",
    en: () => "No criterion in common changed.",
  },
  "compare.added": {
    fr: (p) => `${frPlural(p.count, "Critère ajouté", "Critères ajoutés")} dans B (${p.count})${NB}: ${p.ids}`,
    en: (p) => `${enPlural(p.count, "Criterion", "Criteria")} added in B (${p.count}): ${p.ids}`,
  },
  "compare.removed": {
    fr: (p) => `${frPlural(p.count, "Critère retiré", "Critères retirés")} dans B (${p.count})${NB}: ${p.ids}`,
    en: (p) => `${enPlural(p.count, "Criterion", "Criteria")} removed in B (${p.count}): ${p.ids}`,
  },
});

/** A code of this section. */
export type CompareMessageCode = keyof typeof COMPARE_MESSAGES;

/** A text of this section in `lang`. */
export function compareText(code: CompareMessageCode, lang: Lang, params: MessageParams = {}): string {
  return messageText(code, params, lang) ?? code;
}
