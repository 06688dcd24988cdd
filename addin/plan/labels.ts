import type { SettingKey } from "../model/settings.js";
import type { Lang } from "../model/template.types.js";
import type { SheetKey } from "./plan.types.js";

type Both = Record<Lang, string>;

/** Sheet names by language (glossary.md). */
export const SHEET_NAMES: Record<SheetKey, Both> = {
  dashboard: { fr: "Tableau de bord", en: "Dashboard" },
  grid: { fr: "Grille", en: "Assessment" },
  evidence: { fr: "Preuves", en: "Evidence" },
  actions: { fr: "Plan d'action", en: "Action plan" },
  template: { fr: "Modèle", en: "Template" },
  lists: { fr: "Listes", en: "Lists" },
  steps: { fr: "Démarche", en: "Process" },
};

/**
 * Table headers by column key. Headers are also table column names used in structured
 * references, so none holds `[`, `]`, `#` or `'` (which would need escaping in formulas).
 */
export const HEADERS = {
  grid: {
    dimension: { fr: "Dimension", en: "Dimension" },
    dimensionTitle: { fr: "Titre de la dimension", en: "Dimension title" },
    criterion: { fr: "Critère", en: "Criterion" },
    text: { fr: "Énoncé", en: "Statement" },
    guidance: { fr: "Repères", en: "Guidance" },
    expectedEvidence: { fr: "Preuves attendues", en: "Expected evidence" },
    weight: { fr: "Poids", en: "Weight" },
    targetLevel: { fr: "Niveau cible", en: "Target level" },
    rating: { fr: "Cotation", en: "Rating" },
    levelLabel: { fr: "Niveau", en: "Level" },
    comment: { fr: "Commentaire", en: "Comment" },
    gap: { fr: "Écart", en: "Gap" },
    priority: { fr: "Priorité", en: "Priority" },
    evidenceCount: { fr: "Preuves", en: "Evidence" },
    acceptedEvidence: { fr: "Preuves acceptées", en: "Accepted evidence" },
    evaluatorRating: { fr: "Cotation évaluateur", en: "Evaluator rating" },
    evaluatorComment: { fr: "Commentaire évaluateur", en: "Evaluator comment" },
    scored: { fr: "Évalué", en: "Scored" },
    notApplicable: { fr: "Sans objet", en: "Not applicable" },
    countedWeight: { fr: "Poids retenu", en: "Counted weight" },
    points: { fr: "Points", en: "Points" },
    covered: { fr: "Preuve acceptée", en: "Has accepted evidence" },
    // The second version's columns (design.md "Template model, second version"), only when the template uses them.
    theme: { fr: "Sous-thème", en: "Theme" },
    answer: { fr: "Réponse", en: "Answer" },
    required: { fr: "Requis", en: "Required" },
    scale: { fr: "Échelle", en: "Scale" },
    ratingList: { fr: "Liste de cotation", en: "Rating list" },
    scaleMin: { fr: "Min échelle", en: "Scale min" },
    scaleMax: { fr: "Max échelle", en: "Scale max" },
    naAllowed: { fr: "Sans objet permis", en: "Not applicable allowed" },
    isText: { fr: "Réponse libre", en: "Free text" },
    answered: { fr: "Répondu", en: "Answered" },
    requiredNotMet: { fr: "Requis non atteint", en: "Required not met" },
  },
  evidence: {
    id: { fr: "Code", en: "ID" },
    criteria: { fr: "Critères", en: "Criteria" },
    title: { fr: "Titre du document", en: "Document title" },
    type: { fr: "Type", en: "Type" },
    owner: { fr: "Responsable", en: "Owner" },
    documentDate: { fr: "Date du document", en: "Document date" },
    location: { fr: "Emplacement ou lien", en: "Location or link" },
    status: { fr: "Statut", en: "Status" },
    expiry: { fr: "Expiration", en: "Expiry date" },
    confidential: { fr: "Confidentiel", en: "Confidential" },
    evaluatorNote: { fr: "Avis évaluateur", en: "Evaluator note" },
    comment: { fr: "Commentaire", en: "Comment" },
  },
  actions: {
    id: { fr: "Code", en: "ID" },
    criterion: { fr: "Critère", en: "Criterion" },
    dimension: { fr: "Dimension", en: "Dimension" },
    gap: { fr: "Écart", en: "Gap" },
    action: { fr: "Action", en: "Action" },
    deliverable: { fr: "Livrable", en: "Deliverable" },
    owner: { fr: "Pilote", en: "Owner" },
    start: { fr: "Début", en: "Start" },
    due: { fr: "Échéance", en: "Due date" },
    status: { fr: "Statut", en: "Status" },
    indicator: { fr: "Indicateur", en: "Indicator" },
    indicatorTarget: { fr: "Cible indicateur", en: "Indicator target" },
    progress: { fr: "Avancement", en: "Progress" },
    comment: { fr: "Commentaire", en: "Comment" },
    overdue: { fr: "En retard", en: "Overdue" },
    source: { fr: "Source", en: "Source" },
  },
  scores: {
    dimension: { fr: "Dimension", en: "Dimension" },
    title: { fr: "Titre", en: "Title" },
    weight: { fr: "Poids", en: "Weight" },
    score: { fr: "Score", en: "Score" },
    target: { fr: "Cible", en: "Target" },
    gap: { fr: "Écart", en: "Gap" },
    completion: { fr: "Complétude", en: "Completion" },
    coverage: { fr: "Couverture des preuves", en: "Evidence coverage" },
    maturity: { fr: "Niveau de maturité", en: "Maturity level" },
    answered: { fr: "Évalués", en: "Scored" },
    notApplicable: { fr: "Sans objet", en: "Not applicable" },
    total: { fr: "Critères", en: "Criteria" },
    countedWeight: { fr: "Poids retenu", en: "Counted weight" },
    weightedScore: { fr: "Score pondéré", en: "Weighted score" },
    applicable: { fr: "Applicables", en: "Applicable" },
    covered: { fr: "Couverts", en: "Covered" },
    requiredNotMet: { fr: "Requis non atteints", en: "Required not met" },
  },
  // The process table (`QG_Steps`), only when the template has steps.
  steps: {
    id: { fr: "Code", en: "ID" },
    title: { fr: "Étape", en: "Step" },
    description: { fr: "Description", en: "Description" },
    deliverable: { fr: "Livrable", en: "Deliverable" },
    offset: { fr: "Délai en jours", en: "Days after assessment date" },
    planned: { fr: "Date prévue", en: "Planned date" },
    done: { fr: "Date de réalisation", en: "Date done" },
    responsible: { fr: "Responsable", en: "Responsible" },
    status: { fr: "Statut", en: "Status" },
    note: { fr: "Note", en: "Note" },
    overdue: { fr: "En retard", en: "Overdue" },
  },
  themes: {
    dimension: { fr: "Dimension", en: "Dimension" },
    theme: { fr: "Sous-thème", en: "Theme" },
    title: { fr: "Titre", en: "Title" },
    score: { fr: "Score", en: "Score" },
    answered: { fr: "Répondus", en: "Answered" },
    total: { fr: "Critères", en: "Criteria" },
    countedWeight: { fr: "Poids retenu", en: "Counted weight" },
  },
} as const satisfies Record<string, Record<string, Both>>;

/** The keys of each table's columns. */
export type GridKey = keyof typeof HEADERS.grid;
export type EvidenceKey = keyof typeof HEADERS.evidence;
export type ActionKey = keyof typeof HEADERS.actions;
export type ScoresKey = keyof typeof HEADERS.scores;
export type ThemesKey = keyof typeof HEADERS.themes;
export type StepsKey = keyof typeof HEADERS.steps;

/** Choices of the evidence register's status; `accepted` is the one that counts for coverage. */
export const EVIDENCE_STATUSES: { key: string; text: Both }[] = [
  { key: "toProvide", text: { fr: "À produire", en: "To provide" } },
  { key: "provided", text: { fr: "Fournie", en: "Provided" } },
  { key: "accepted", text: { fr: "Acceptée", en: "Accepted" } },
  { key: "toComplete", text: { fr: "À compléter", en: "Needs work" } },
  { key: "rejected", text: { fr: "Refusée", en: "Rejected" } },
];

/** Kinds of documentary evidence. */
export const EVIDENCE_TYPES: Both[] = [
  { fr: "Politique", en: "Policy" },
  { fr: "Procédure", en: "Procedure" },
  { fr: "Procès-verbal", en: "Minutes" },
  { fr: "Rapport", en: "Report" },
  { fr: "Registre", en: "Register" },
  { fr: "Formulaire", en: "Form" },
  { fr: "Entente", en: "Agreement" },
  { fr: "Sondage", en: "Survey" },
  { fr: "Plan", en: "Plan" },
  { fr: "Autre", en: "Other" },
];

/** Choices of an action's status; `done` and `dropped` close it (never overdue). */
export const ACTION_STATUSES: { key: string; text: Both }[] = [
  { key: "todo", text: { fr: "À faire", en: "To do" } },
  { key: "inProgress", text: { fr: "En cours", en: "In progress" } },
  { key: "done", text: { fr: "Réalisée", en: "Done" } },
  { key: "dropped", text: { fr: "Abandonnée", en: "Dropped" } },
];

/**
 * Where an action comes from (design.md "Template model, second version"): the template's own rows,
 * the rows the plan from gaps adds, and (later) the external evaluator's recommendations.
 */
export const ACTION_SOURCES: { key: "template" | "selfAssessment" | "externalEvaluation"; text: Both }[] = [
  { key: "template", text: { fr: "Modèle", en: "Template" } },
  { key: "selfAssessment", text: { fr: "Autoévaluation", en: "Self-assessment" } },
  { key: "externalEvaluation", text: { fr: "Évaluation externe", en: "External evaluation" } },
];

/** Yes / no, for the confidential flag. */
export const YES_NO: Both[] = [
  { fr: "Oui", en: "Yes" },
  { fr: "Non", en: "No" },
];

/** The label of each workbook setting on the lists sheet (`QG_Settings`). */
export const SETTING_LABELS: Record<SettingKey, Both> = {
  organization: { fr: "Organisme", en: "Organization" },
  assessmentDate: { fr: "Date de l'évaluation (aaaa-mm-jj)", en: "Assessment date (yyyy-mm-dd)" },
  completionThreshold: { fr: "Seuil de complétude (résultat provisoire en deçà)", en: "Completion threshold (provisional result below it)" },
  consolidation: { fr: "Consolidation des cotations (moyenne ou médiane)", en: "Consolidation of ratings (mean or median)" },
  spreadThreshold: { fr: "Seuil d'écart entre répondants (à discuter)", en: "Spread between respondents to discuss" },
  agreementTolerance: { fr: "Tolérance d'accord avec l'évaluateur", en: "Agreement tolerance with the evaluator" },
  showOthers: { fr: "Les répondants voient les cotations des autres", en: "Respondents see each other's ratings" },
};

/** The consolidation methods as a workbook writes them (`QG_ConsolidationChoices`). */
export const CONSOLIDATION_CHOICES: Record<"mean" | "median", Both> = {
  mean: { fr: "moyenne", en: "mean" },
  median: { fr: "médiane", en: "median" },
};

/** Every other text a plan writes. */
export const TEXTS = {
  gridSubtitle: { fr: "Grille d'autoévaluation", en: "Self-assessment grid" },
  gridHelp: {
    fr: "Choisissez une cotation par critère (liste déroulante) ; S. O. = sans objet. Les colonnes grises sont calculées.",
    en: "Choose a rating for each criterion (drop-down list); N/A = not applicable. Grey columns are computed.",
  },
  gridHelpQuestions: {
    fr: " Une question à réponse libre se répond en mots dans la colonne « Réponse ».",
    en: " A free-text question is answered in words in the Answer column.",
  },
  gridHelpRequired: {
    fr: " Un critère « Requis » ne peut pas être S. O. et doit atteindre son niveau cible.",
    en: " A Required criterion cannot be N/A and must reach its target level.",
  },
  scaleLine: { fr: "Échelle de cotation", en: "Rating scale" },
  otherScales: {
    fr: " ; les critères d'une autre échelle la nomment dans la colonne « Échelle » (leurs niveaux : feuille Listes)",
    en: "; criteria on another scale name it in the Scale column (their levels: Lists sheet)",
  },
  evidenceSubtitle: { fr: "Registre des preuves", en: "Evidence register" },
  evidenceHelp: {
    fr: "Une ligne par preuve documentaire. « Critères » : un ou plusieurs codes de critère séparés par , ou ;. Seules les preuves « Acceptée » et non expirées (à la date de l'évaluation, sinon aujourd'hui) comptent dans la couverture.",
    en: "One row per piece of documentary evidence. « Criteria »: one or more criterion codes separated by , or ;. Only « Accepted » evidence not expired (as of the assessment date, else today) counts towards coverage.",
  },
  actionsSubtitle: { fr: "Plan d'action", en: "Action plan" },
  actionsHelp: {
    fr: "Une ligne par action : le critère visé, un pilote, une échéance et un indicateur. Dimension, écart et retard sont calculés.",
    en: "One row per action: the criterion it addresses, an owner, a due date and an indicator. Dimension, gap and overdue are computed.",
  },
  dashboardSubtitle: { fr: "Tableau de bord", en: "Dashboard" },
  dashboardHelp: {
    fr: "Scores sur 100 par dimension, écart à la cible (positif = manque), complétude et couverture des preuves. Les cibles peuvent être modifiées.",
    en: "Scores out of 100 per dimension, gap to target (positive = shortfall), completion and evidence coverage. Targets may be changed.",
  },
  overall: { fr: "Résultat global", en: "Overall result" },
  overallScore: { fr: "Score global", en: "Overall score" },
  overallTarget: { fr: "Cible", en: "Target" },
  overallGap: { fr: "Écart", en: "Gap" },
  overallCompletion: { fr: "Complétude", en: "Completion" },
  overallCoverage: { fr: "Couverture des preuves", en: "Evidence coverage" },
  overallMaturity: { fr: "Niveau de maturité", en: "Maturity level" },
  provisional: { fr: "provisoire", en: "provisional" },
  overallScored: { fr: "Critères évalués", en: "Criteria scored" },
  overallNotApplicable: { fr: "Critères sans objet", en: "Criteria not applicable" },
  overallTotal: { fr: "Critères", en: "Criteria" },
  templateSubtitle: {
    fr: "Le modèle de cette grille (ne pas modifier : il sert à relire et mettre à jour le classeur)",
    en: "The template of this grid (do not edit: it is used to read and upgrade the workbook)",
  },
  listsSubtitle: { fr: "Listes de choix et paramètres", en: "Choice lists and settings" },
  listsValue: { fr: "Valeur", en: "Value" },
  listsLabel: { fr: "Libellé", en: "Label" },
  listsDescription: { fr: "Description", en: "Description" },
  listsNaTokens: { fr: "Jetons sans objet", en: "N/A tokens" },
  listsEvidenceStatus: { fr: "Statut des preuves", en: "Evidence status" },
  listsEvidenceType: { fr: "Types de preuves", en: "Evidence types" },
  listsActionStatus: { fr: "Statut des actions", en: "Action status" },
  listsActionSource: { fr: "Source des actions", en: "Action source" },
  listsYesNo: { fr: "Oui / Non", en: "Yes / No" },
  listsMaturityMin: { fr: "Maturité : à partir de", en: "Maturity: from" },
  listsMaturityLabel: { fr: "Niveau de maturité", en: "Maturity level" },
  listsScaleMin: { fr: "Minimum de l'échelle", en: "Scale minimum" },
  listsScaleMax: { fr: "Maximum de l'échelle", en: "Scale maximum" },
  listsAccepted: { fr: "Statut qui compte comme accepté", en: "Status counted as accepted" },
  listsScales: { fr: "Niveaux de toutes les échelles", en: "Levels of every scale" },
  listsScaleId: { fr: "Échelle", en: "Scale" },
  listsLevelKey: { fr: "Clé", en: "Key" },
  listsNoRating: { fr: "Aucune cotation", en: "No rating" },
  themesTitle: { fr: "Scores par sous-thème", en: "Scores by theme" },
  overallRequiredNotMet: { fr: "Critères requis non atteints", en: "Required criteria not met" },
  listsReferenceDate: { fr: "Date de référence des expirations", en: "Reference date for expiry" },
  listsSettings: { fr: "Paramètres du classeur (modifiables)", en: "Workbook settings (editable)" },
  listsSettingKey: { fr: "Clé", en: "Key" },
  listsSetting: { fr: "Paramètre", en: "Setting" },
  listsConsolidation: { fr: "Consolidation", en: "Consolidation" },
  overdue: { fr: "En retard", en: "Overdue" },
  stepsSubtitle: { fr: "Démarche", en: "Process" },
  stepsHelp: {
    fr: "Les étapes de la démarche\u00a0: la date prévue suit la date de l'évaluation (feuille Listes); inscrivez la date de réalisation, le ou la responsable, le statut et une note. Une étape est en retard quand sa date prévue est passée et qu'elle n'est pas terminée.",
    en: "The steps of the process: the planned date follows the assessment date (Lists sheet); enter the date done, who is responsible, the status and a note. A step is overdue when its planned date has passed and it is not completed.",
  },
  listsStepStatus: { fr: "Statut des étapes", en: "Step status" },
  invalidRating: { fr: "Choisissez une valeur de l'échelle ou S. O.", en: "Choose a value of the scale or N/A." },
  invalidChoice: { fr: "Choisissez une valeur de la liste.", en: "Choose a value from the list." },
  invalidDate: { fr: "Entrez une date.", en: "Enter a date." },
  invalidProgress: { fr: "Entrez un pourcentage entre 0 % et 100 %.", en: "Enter a percentage between 0% and 100%." },
  invalidTarget: { fr: "Entrez une cible entre 0 et 100.", en: "Enter a target between 0 and 100." },
  invalidThreshold: { fr: "Entrez une proportion entre 0 % et 100 %.", en: "Enter a share between 0% and 100%." },
  invalidSettingNumber: { fr: "Entrez un nombre entre 0 et 100.", en: "Enter a number between 0 and 100." },
} as const satisfies Record<string, Both>;

/** A text of the table above in `lang`. */
export function t(entry: Both, lang: Lang): string {
  return entry[lang];
}
