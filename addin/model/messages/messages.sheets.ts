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
    fr: (p) => `Remplissez les deux tableaux, et au besoin ceux des feuilles suivantes (voir la feuille «\u00a0${p.help}\u00a0»), puis\u00a0: qualigrid new ce-fichier.xlsx -o grille.xlsx`,
    en: (p) => `Fill in both tables, and those of the next sheets if need be (see the "${p.help}" sheet), then: qualigrid new this-file.xlsx -o grid.xlsx`,
  },
  // The sheets of the second version's template-wide parts, each holding one table.
  "sheets.authoring.part.scales.name": { fr: () => "Échelles", en: () => "Scales" },
  "sheets.authoring.part.scales.howTo": {
    fr: () =>
      "Les autres échelles du modèle (la sienne est sur la première feuille)\u00a0: une ligne par niveau, du plus bas au plus haut; «\u00a0sans objet\u00a0» et niveau cible sur la première ligne de l'échelle. Un critère la nomme dans sa colonne scale.",
    en: () => "The template's other scales (its own is on the first sheet): one row per level, lowest first; N/A and target level on the scale's first row. A criterion names it in its scale column.",
  },
  "sheets.authoring.part.themes.name": { fr: () => "Sous-thèmes", en: () => "Themes" },
  "sheets.authoring.part.themes.howTo": {
    fr: () => "Les sous-thèmes de chaque dimension, chacun noté à part\u00a0: une ligne par sous-thème. Un critère le nomme dans sa colonne theme.",
    en: () => "The themes of each dimension, each scored apart: one row per theme. A criterion names it in its theme column.",
  },
  "sheets.authoring.part.steps.name": { fr: () => "Démarche", en: () => "Process" },
  "sheets.authoring.part.steps.howTo": {
    fr: () => "Les étapes de la démarche, dans l'ordre\u00a0: la grille en fait le tableau «\u00a0Démarche\u00a0», chaque étape prévue tant de jours après la date de l'évaluation.",
    en: () => 'The steps of the process, in order: the grid makes them its "Process" table, each step planned so many days after the assessment date.',
  },
  "sheets.authoring.part.actions.name": { fr: () => "Actions prévues", en: () => "Planned actions" },
  "sheets.authoring.part.actions.howTo": {
    fr: () => "Les actions que le référentiel prévoit lui-même\u00a0: la grille les inscrit au plan d'action, marquées «\u00a0Modèle\u00a0», avec leurs dates comptées à partir de la date de l'évaluation.",
    en: () => 'The actions the framework itself plans: the grid writes them into the action plan, marked "Template", their dates counted from the assessment date.',
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
  "sheets.authoring.help.replaces": {
    fr: () => "Facultatif\u00a0: identifiants d'anciens modèles que celui-ci remplace, séparés par des virgules; leurs grilles se mettent à jour vers lui.",
    en: () => "Optional: ids of earlier templates this one replaces, separated by commas; their grids upgrade to it.",
  },
  "sheets.authoring.help.itemScale": {
    fr: () => "Facultatif\u00a0: l'échelle du critère, par son identifiant (feuille «\u00a0Échelles\u00a0»); vide\u00a0: l'échelle du modèle.",
    en: () => 'Optional: the criterion\'s scale, by its id ("Scales" sheet); blank: the template\'s scale.',
  },
  "sheets.authoring.help.type": {
    fr: () => "Facultatif\u00a0: «\u00a0texte\u00a0» pour une question à réponse libre (jamais cotée); vide ou «\u00a0cotation\u00a0»\u00a0: critère coté. Les mots anglais (text, rating) sont acceptés.",
    en: () => 'Optional: "text" for a free-text question (never scored); blank or "rating": a rated criterion. The French words (texte, cotation) are accepted.',
  },
  "sheets.authoring.help.required": {
    fr: () => "Facultatif\u00a0: «\u00a0Oui\u00a0» (ou x) pour un critère requis\u00a0: «\u00a0sans objet\u00a0» lui est refusé, et il est signalé tant qu'il n'atteint pas son niveau cible.",
    en: () => 'Optional: "Yes" (or x) for a required criterion: N/A is refused for it, and it is flagged until it reaches its target level.',
  },
  "sheets.authoring.help.theme": {
    fr: () => "Facultatif\u00a0: le sous-thème du critère, par son identifiant (feuille «\u00a0Sous-thèmes\u00a0», même dimension).",
    en: () => 'Optional: the criterion\'s theme, by its id ("Themes" sheet, same dimension).',
  },
  "sheets.authoring.help.itemReplaces": {
    fr: () => "Facultatif\u00a0: identifiants de critères d'une version antérieure dont ce critère reprend les réponses (renumérotés, fusionnés), séparés par des virgules.",
    en: () => "Optional: ids of criteria of an earlier version whose answers this criterion takes over (renumbered, merged), separated by commas.",
  },
  "sheets.authoring.help.levelMap": {
    fr: () => "Facultatif\u00a0: quand l'échelle du critère change, ancien niveau\u00a0=\u00a0nouveau niveau, séparés par «\u00a0;\u00a0» (1=0; 2=5).",
    en: () => 'Optional: when the criterion\'s scale changes, old level = new level, separated by ";" (1=0; 2=5).',
  },
  "sheets.authoring.help.scales": {
    fr: () => "Feuille «\u00a0Échelles\u00a0»\u00a0: identifiant de l'échelle (répété ou laissé vide sous sa première ligne), sans objet permis (TRUE/FALSE) et niveau cible (première ligne), valeur et libellé de chaque niveau.",
    en: () => '"Scales" sheet: the scale\'s id (repeated, or left blank below its first row), N/A allowed (TRUE/FALSE) and target level (first row), each level\'s value and label.',
  },
  "sheets.authoring.help.themes": {
    fr: () => "Feuille «\u00a0Sous-thèmes\u00a0»\u00a0: identifiant de la dimension (celui du tableau des critères), identifiant et titre du sous-thème.",
    en: () => '"Themes" sheet: the dimension\'s id (as in the criteria table), the theme\'s id and title.',
  },
  "sheets.authoring.help.steps": {
    fr: () => "Feuille «\u00a0Démarche\u00a0»\u00a0: identifiant, titre, description et livrable de chaque étape, et le nombre de jours après la date de l'évaluation où elle est prévue.",
    en: () => '"Process" sheet: each step\'s id, title, description and deliverable, and how many days after the assessment date it is planned.',
  },
  "sheets.authoring.help.actions": {
    fr: () =>
      "Feuille «\u00a0Actions prévues\u00a0»\u00a0: identifiant, action, livrable, pilote (un rôle), début et échéance en jours après la date de l'évaluation, indicateur et sa cible, critère servi (son identifiant).",
    en: () => '"Planned actions" sheet: id, action, deliverable, owner (a role), start and due in days after the assessment date, indicator and its target, the criterion it serves (its id).',
  },
});

/** A code of this section. */
export type SheetMessageCode = keyof typeof SHEET_MESSAGES;

/** A sheet text in `lang`. */
export function sheetText(code: SheetMessageCode, lang: Lang, params: MessageParams = {}): string {
  return SHEET_MESSAGES[code][lang](params);
}
