import type { Lang } from "../template.types.js";
import { registerMessages } from "./message.catalog.js";

/** How the block of formulas kept as values starts on the notes sheet; a notes sheet is recognised by it too. */
const FORMULAS_LEAD = {
  fr: "Formules tapées dans les cellules de saisie de",
  en: "Formulas typed in the input cells of",
} as const;

/** How the block of answers left for review starts on the notes sheet; a notes sheet is recognised by it too. */
const REVIEW_LEAD = {
  fr: "Réponses à revoir après la mise à jour de",
  en: "Answers to review after the upgrade of",
} as const;

/** How the block of chart references left as they were starts on the notes sheet; a notes sheet is recognised by it too. */
const CHARTS_LEAD = {
  fr: "Références de graphiques laissées telles quelles par la mise à jour de",
  en: "Chart references left as they were by the upgrade of",
} as const;

const NB = "\u00a0";

/**
 * What an upgrade says about the formulas a user typed in the cells it carries (ratings, comments,
 * evidence and action cells, added columns): moved with their row, or kept as their last value
 * (their references could not be re-pointed) and listed on the notes sheet with the old formula.
 */
export const UPGRADE_MESSAGES = registerMessages({
  "upgrade.formulas.lead": { fr: () => FORMULAS_LEAD.fr, en: () => FORMULAS_LEAD.en },
  "upgrade.formulas.title": {
    fr: (p) =>
      `${FORMULAS_LEAD.fr} ${p.template} ${p.from} que la mise à jour vers ${p.to} n'a pas pu déplacer avec leur ligne${NB}: chacune est gardée comme sa dernière valeur; retapez-la au besoin.`,
    en: (p) =>
      `${FORMULAS_LEAD.en} ${p.template} ${p.from} that the upgrade to ${p.to} could not move with their row: each is kept as its last value; type it again if needed.`,
  },
  "upgrade.formulas.cell": { fr: () => "Cellule (nouvelle)", en: () => "Cell (new)" },
  "upgrade.formulas.formula": { fr: () => "Ancienne formule", en: () => "Former formula" },
  // `list` is " (a, b)" or nothing, made by the command line.
  "upgrade.cli.formulasMoved": {
    fr: (p) => `  formules déplacées avec leur ligne${NB}: ${p.count}${p.list}`,
    en: (p) => `  formulas moved with their row: ${p.count}${p.list}`,
  },
  "upgrade.cli.formulasAsValues": {
    fr: (p) => `  formules gardées comme valeurs (références impossibles à reporter; à retaper)${NB}: ${p.count} → feuille ${p.sheet}`,
    en: (p) => `  formulas kept as values (references that could not be carried; to type again): ${p.count} → sheet ${p.sheet}`,
  },
  "upgrade.cli.formulaAsValue": {
    fr: (p) => `    ${p.cell}${NB}: ${p.formula}`,
    en: (p) => `    ${p.cell}: ${p.formula}`,
  },
  "upgrade.cli.formulasMore": {
    fr: (p) => `    … et ${p.count} autres, dans la feuille ${p.sheet}`,
    en: (p) => `    … and ${p.count} more, on sheet ${p.sheet}`,
  },
  // Answers the new version could not take where they were (design.md: « listed for review, never dropped »).
  "upgrade.review.lead": { fr: () => REVIEW_LEAD.fr, en: () => REVIEW_LEAD.en },
  "upgrade.review.title": {
    fr: (p) =>
      `${REVIEW_LEAD.fr} ${p.template} ${p.from} vers ${p.to}${NB}: elles n'ont pas pu être reportées telles quelles et ne sont pas dans la grille; reportez-les à la main au besoin.`,
    en: (p) => `${REVIEW_LEAD.en} ${p.template} ${p.from} to ${p.to}: they could not be carried as they were and are not in the grid; carry them by hand if needed.`,
  },
  "upgrade.review.criterion": { fr: () => "Critère", en: () => "Criterion" },
  "upgrade.review.from": { fr: () => "Ancien critère", en: () => "Former criterion" },
  "upgrade.review.column": { fr: () => "Colonne", en: () => "Column" },
  "upgrade.review.value": { fr: () => "Valeur", en: () => "Value" },
  "upgrade.review.label": { fr: () => "Libellé", en: () => "Label" },
  "upgrade.review.reason": { fr: () => "Raison", en: () => "Reason" },
  "upgrade.reason.notALevel": {
    fr: () => "N'est pas un niveau de la nouvelle échelle du critère, et sa table de correspondance n'en dit rien",
    en: () => "Not a level of the criterion's new scale, and its level map says nothing of it",
  },
  "upgrade.reason.notApplicableRefused": {
    fr: () => `«${NB}Sans objet${NB}» n'est plus accepté pour ce critère (requis, ou échelle sans «${NB}sans objet${NB}»)`,
    en: () => "“Not applicable” is no longer accepted for this criterion (required, or a scale without it)",
  },
  "upgrade.reason.textQuestion": {
    fr: () => `Le critère se répond désormais en mots (colonne «${NB}Réponse${NB}»)${NB}: la cotation n'a plus de place`,
    en: () => "The criterion is now answered in words (“Answer” column): the rating has no place",
  },
  "upgrade.reason.notAQuestion": {
    fr: () => `Le critère ne se répond plus en mots${NB}: cette réponse n'a plus de place`,
    en: () => "The criterion is no longer answered in words: this answer has no place",
  },
  "upgrade.reason.merged": {
    fr: () => `Critères fusionnés${NB}: diffère de la réponse gardée (la première dans l'ordre de l'ancien modèle)`,
    en: () => "Merged criteria: differs from the answer kept (the first in the former template's order)",
  },
  "upgrade.reason.formula": {
    fr: () => `Formule écrite comme sa valeur (reportée sur la nouvelle échelle ou fusionnée); retapez-la au besoin`,
    en: () => "Formula written as its value (mapped onto the new scale or merged); type it again if needed",
  },
  // The user's charts over Qualigrid's tables (xlsx.carry.charts.ts): re-pointed, or left and listed.
  "upgrade.charts.lead": { fr: () => CHARTS_LEAD.fr, en: () => CHARTS_LEAD.en },
  "upgrade.charts.title": {
    fr: (p) =>
      `${CHARTS_LEAD.fr} ${p.template} ${p.from} vers ${p.to}${NB}: les tableaux de leur feuille ont changé de taille; vérifiez que chaque graphique montre encore les bonnes lignes.`,
    en: (p) => `${CHARTS_LEAD.en} ${p.template} ${p.from} to ${p.to}: the tables of their sheet changed size; check that each chart still shows the right rows.`,
  },
  "upgrade.charts.sheet": { fr: () => "Graphique sur la feuille", en: () => "Chart on sheet" },
  "upgrade.charts.reference": { fr: () => "Référence", en: () => "Reference" },
  "upgrade.cli.chartsMoved": {
    fr: (p) => `  références de graphiques reportées sur les nouvelles lignes${NB}: ${p.count}${p.list}`,
    en: (p) => `  chart references moved to the new rows: ${p.count}${p.list}`,
  },
  "upgrade.cli.chartsLeft": {
    fr: (p) => `  références de graphiques laissées telles quelles (à vérifier)${NB}: ${p.count} → feuille ${p.sheet}`,
    en: (p) => `  chart references left as they were (to check): ${p.count} → sheet ${p.sheet}`,
  },
  "upgrade.cli.chartLeft": {
    fr: (p) => `    ${p.sheet}${NB}: ${p.formula}`,
    en: (p) => `    ${p.sheet}: ${p.formula}`,
  },
  "upgrade.cli.chartsMore": {
    fr: (p) => `    … et ${p.count} autres, dans la feuille ${p.sheet}`,
    en: (p) => `    … and ${p.count} more, on sheet ${p.sheet}`,
  },
  "upgrade.cli.replaced": {
    fr: (p) => `  reprenant les réponses d'anciens critères${NB}: ${p.count}${p.list}`,
    en: (p) => `  taking over the answers of former criteria: ${p.count}${p.list}`,
  },
  "upgrade.cli.review": {
    fr: (p) => `  réponses à revoir (non écrites dans la grille)${NB}: ${p.count} → feuille ${p.sheet}`,
    en: (p) => `  answers to review (not written in the grid): ${p.count} → sheet ${p.sheet}`,
  },
  "upgrade.cli.reviewItem": {
    fr: (p) => `    ${p.criterion} ← ${p.from}, ${p.column}${NB}: ${p.value}${p.label} — ${p.reason}`,
    en: (p) => `    ${p.criterion} ← ${p.from}, ${p.column}: ${p.value}${p.label} — ${p.reason}`,
  },
  "upgrade.cli.reviewMore": {
    fr: (p) => `    … et ${p.count} autres, dans la feuille ${p.sheet}`,
    en: (p) => `    … and ${p.count} more, on sheet ${p.sheet}`,
  },
});

/** A text of this section in `lang`. */
export function upgradeText(code: keyof typeof UPGRADE_MESSAGES, lang: Lang, params: Record<string, string | number> = {}): string {
  return UPGRADE_MESSAGES[code][lang](params);
}
