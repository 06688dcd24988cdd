import type { Lang } from "../template.types.js";
import { registerMessages } from "./message.catalog.js";
import type { MessageParams } from "./message.types.js";

/**
 * How the archive and notes sheets of an upgrade start. A later upgrade and `check` recognise those
 * sheets by these words in their first cell (xlsx.upgrade.ts): they must never change, or workbooks
 * upgraded before would no longer be recognised.
 */
const ARCHIVE_LEAD = { fr: "Critères retirés par la mise à jour de", en: "Criteria removed by the upgrade of" } as const;
const NOTES_LEAD = {
  fr: "Valeurs saisies hors des tableaux Qualigrid ou à la place de leurs formules, dans",
  en: "Values typed outside the Qualigrid tables or over their formulas, in",
} as const;

/**
 * The texts Qualigrid writes into sheets it makes besides the plan's: the archive and notes sheets
 * of an upgrade (xlsx.upgrade.ts), and the authoring workbook with its explanations (xlsx.authoring.ts).
 */
export const SHEET_MESSAGES = registerMessages({
  "sheets.archive.name": { fr: () => "Archive", en: () => "Archive" },
  "sheets.archive.lead": { fr: () => ARCHIVE_LEAD.fr, en: () => ARCHIVE_LEAD.en },
  "sheets.archive.title": {
    fr: (p) => `${ARCHIVE_LEAD.fr} ${p.template} ${p.from} vers ${p.to}, avec toutes leurs réponses.`,
    en: (p) => `${ARCHIVE_LEAD.en} ${p.template} ${p.from} to ${p.to}, with all their answers.`,
  },
  "sheets.notes.name": { fr: () => "Notes (mise à jour)", en: () => "Notes (upgrade)" },
  "sheets.notes.lead": { fr: () => NOTES_LEAD.fr, en: () => NOTES_LEAD.en },
  "sheets.notes.title": {
    fr: (p) => `${NOTES_LEAD.fr} ${p.template} ${p.from}, que la mise à jour vers ${p.to} ne pouvait pas laisser à leur place.`,
    en: (p) => `${NOTES_LEAD.en} ${p.template} ${p.from} that the upgrade to ${p.to} could not leave in place.`,
  },
  "sheets.notes.sheet": { fr: () => "Feuille", en: () => "Sheet" },
  "sheets.notes.cell": { fr: () => "Cellule", en: () => "Cell" },
  "sheets.notes.value": { fr: () => "Valeur", en: () => "Value" },
  "sheets.notes.formula": { fr: () => "Formule", en: () => "Formula" },

  "sheets.authoring.helpName": { fr: () => "Explications", en: () => "Help" },
  "sheets.authoring.newTitle": { fr: () => "Nouveau modèle", en: () => "New template" },
  "sheets.authoring.howTo": {
    fr: (p) => `Remplissez les deux tableaux (voir la feuille « ${p.help} »), puis : qualigrid new ce-fichier.xlsx -o grille.xlsx`,
    en: (p) => `Fill in both tables (see the "${p.help}" sheet), then: qualigrid new this-file.xlsx -o grid.xlsx`,
  },
  "sheets.authoring.keyHeader": { fr: () => "Clé ou colonne", en: () => "Key or column" },
  // What each key and column of the authoring tables means (the explanations sheet shows both languages).
  "sheets.authoring.help.format": {
    fr: () => "Version du format de cette feuille (ne pas modifier).",
    en: () => "Version of this sheet's format (do not change).",
  },
  "sheets.authoring.help.id": {
    fr: () => "Identifiant stable du modèle : lettres, chiffres, « . », « _ », « - », commençant par une lettre.",
    en: () => "Stable template id: letters, digits, '.', '_', '-', starting with a letter.",
  },
  "sheets.authoring.help.version": {
    fr: () => "Version sémantique (1.0.0). Une mise à jour exige une version plus élevée.",
    en: () => "Semantic version (1.0.0). An upgrade needs a higher version.",
  },
  "sheets.authoring.help.title": {
    fr: () => "Titre du modèle, en français et en anglais (une seule langue suffit).",
    en: () => "Title of the template, in French and English (one language is enough).",
  },
  "sheets.authoring.help.source": {
    fr: () => "D'où vient le modèle : le document dont il est tiré.",
    en: () => "Where the template comes from: the document it is derived from.",
  },
  "sheets.authoring.help.target": { fr: () => "Cible par défaut d'une dimension, de 0 à 100.", en: () => "Default dimension target, 0 to 100." },
  "sheets.authoring.help.targetLevel": {
    fr: () => "Niveau cible par défaut d'un critère : une valeur de l'échelle.",
    en: () => "Default criterion target level: one of the scale's values.",
  },
  "sheets.authoring.help.notApplicable": {
    fr: () => "TRUE si un critère peut être coté « sans objet », sinon FALSE.",
    en: () => "TRUE if a criterion may be rated not applicable, else FALSE.",
  },
  "sheets.authoring.help.scale": {
    fr: () => "Les niveaux de l'échelle, du plus bas au plus haut (au moins deux).",
    en: () => "The scale's levels, lowest first (at least two).",
  },
  "sheets.authoring.help.maturity": {
    fr: () => "Facultatif : paliers de maturité, par score minimal croissant.",
    en: () => "Optional: maturity bands, by ascending minimum score.",
  },
  "sheets.authoring.help.dimensionId": {
    fr: () => "Identifiant de la dimension ; les lignes d'une même dimension répètent le même identifiant.",
    en: () => "Dimension id; the rows of one dimension repeat the same id.",
  },
  "sheets.authoring.help.dimensionTitle": { fr: () => "Titre de la dimension (lu sur sa première ligne).", en: () => "Dimension title (read from its first row)." },
  "sheets.authoring.help.dimensionWeight": {
    fr: () => "Poids (1 par défaut) et cible 0–100 de la dimension (facultatifs).",
    en: () => "Weight (default 1) and 0–100 target of the dimension (optional).",
  },
  "sheets.authoring.help.criterionId": { fr: () => "Identifiant unique du critère (sans égard à la casse).", en: () => "Unique criterion id (case-insensitively)." },
  "sheets.authoring.help.text": { fr: () => "Énoncé du critère.", en: () => "Statement of the criterion." },
  "sheets.authoring.help.guidance": { fr: () => "Repères pour coter (facultatif).", en: () => "Guidance for rating (optional)." },
  "sheets.authoring.help.weight": { fr: () => "Poids du critère dans sa dimension (1 par défaut).", en: () => "Weight of the criterion in its dimension (default 1)." },
  "sheets.authoring.help.itemTargetLevel": { fr: () => "Niveau cible propre au critère (facultatif).", en: () => "The criterion's own target level (optional)." },
  "sheets.authoring.help.evidence": { fr: () => "Preuves attendues (facultatif).", en: () => "Expected evidence (optional)." },
});

/** A code of this section. */
export type SheetMessageCode = keyof typeof SHEET_MESSAGES;

/** A sheet text in `lang`. */
export function sheetText(code: SheetMessageCode, lang: Lang, params: MessageParams = {}): string {
  return SHEET_MESSAGES[code][lang](params);
}
