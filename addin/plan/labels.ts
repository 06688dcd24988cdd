import { REVIEW_STATUSES, type ReviewStatus } from "../model/review.status.js";
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
  // Not "History": Excel reserves that sheet name (shared workbooks' change history) and refuses it.
  history: { fr: "Historique", en: "Round history" },
  surveys: { fr: "Sondages", en: "Surveys" },
  report: { fr: "Rapport", en: "Report" },
  visit: { fr: "Rapport de visite", en: "Visit report" },
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
    // The evaluator's figures, criterion by criterion (design.md "The evaluator"), in every workbook.
    evaluatorScored: { fr: "Coté évaluateur", en: "Evaluator scored" },
    evaluatorCountedWeight: { fr: "Poids évaluateur", en: "Evaluator weight" },
    evaluatorPoints: { fr: "Points évaluateur", en: "Evaluator points" },
    evaluatorDifference: { fr: "Écart évaluateur", en: "Evaluator difference" },
    evaluatorWithin: { fr: "Dans la tolérance", en: "Within tolerance" },
    reviewedCovered: { fr: "Preuve acceptée à la revue", en: "Has evidence accepted in review" },
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
    // Several respondents (design.md "Respondents and consensus"): their ratings' consolidation; per-respondent
    // columns are named by `respondentHeader`.
    agreed: { fr: "Cotation convenue", en: "Agreed rating" },
    agreedReason: { fr: "Motif de la cotation convenue", en: "Reason for the agreed rating" },
    consolidated: { fr: "Cotation consolidée", en: "Consolidated rating" },
    spread: { fr: "Écart entre répondants", en: "Spread" },
    toDiscuss: { fr: "À discuter", en: "To discuss" },
    discussRow: { fr: "Rang à discuter", en: "Discussion row" },
    // The visit report's list of disagreements (design.md "Rounds, comparison and report"), only with that sheet.
    disagreementRow: { fr: "Rang désaccord évaluateur", en: "Evaluator disagreement row" },
    // The report's helpers (design.md "Rounds, comparison and report"), with the « Rapport » sheet.
    priorityKey: { fr: "Clé de priorité", en: "Priority key" },
    requiredRow: { fr: "Ligne requis non atteint", en: "Required not met row" },
    // Closed rounds (design.md "Rounds, comparison and report"), only when the workbook has some: the last
    // round's consolidated rating and comments (values), and the respondents whose carried rating awaits confirmation.
    previousRating: { fr: "Cotation précédente", en: "Previous rating" },
    previousComment: { fr: "Commentaires précédents", en: "Previous comments" },
    toConfirm: { fr: "À confirmer", en: "To confirm" },
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
    // The reviewer's note keeps the header it always had, so older registers read and upgrade as they are.
    evaluatorNote: { fr: "Avis évaluateur", en: "Evaluator note" },
    comment: { fr: "Commentaire", en: "Comment" },
    // The evaluator's review (design.md "The evaluator"), right of the organization's columns.
    reviewStatus: { fr: "Statut de la revue", en: "Review status" },
    reviewDate: { fr: "Date de revue", en: "Review date" },
    reviewer: { fr: "Réviseur", en: "Reviewer" },
    // Computed per row, so the grid's evidence formulas stay short and each row shows whether it counts.
    counts: { fr: "Compte pour la couverture", en: "Counts for coverage" },
    reviewAccepted: { fr: "Acceptée à la revue", en: "Accepted in review" },
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
    toDiscuss: { fr: "À discuter", en: "To discuss" },
    // The evaluator's figures (design.md "The evaluator"), in every workbook.
    reviewedCoverage: { fr: "Couverture revue", en: "Reviewed coverage" },
    evaluatorScore: { fr: "Score évaluateur", en: "Evaluator score" },
    evaluatorGap: { fr: "Écart évaluateur", en: "Evaluator gap" },
    evaluatorAnswered: { fr: "Évalués par l’évaluateur", en: "Scored by the evaluator" },
    evaluatorBoth: { fr: "Cotés des deux côtés", en: "Rated by both" },
    evaluatorWithin: { fr: "Part dans la tolérance", en: "Share within tolerance" },
    evaluatorMeanDiff: { fr: "Écart absolu moyen", en: "Mean absolute difference" },
    evaluatorCountedWeight: { fr: "Poids retenu évaluateur", en: "Evaluator counted weight" },
    evaluatorWeightedScore: { fr: "Score pondéré évaluateur", en: "Evaluator weighted score" },
    evaluatorWithinCount: { fr: "Dans la tolérance", en: "Within tolerance" },
    evaluatorDiffSum: { fr: "Somme des écarts", en: "Sum of differences" },
    reviewedCovered: { fr: "Couverts à la revue", en: "Covered in review" },
    // Closed rounds (design.md "Rounds, comparison and report"), only when the workbook has some.
    previousScore: { fr: "Score précédent", en: "Previous score" },
    change: { fr: "Variation", en: "Change" },
    changeFirst: { fr: "Variation depuis le premier cycle", en: "Change since the first round" },
  },
  // The respondents (`QG_Respondents`), only when they are named.
  respondents: {
    name: { fr: "Répondant", en: "Respondent" },
    copyId: { fr: "Identifiant de copie", en: "Copy id" },
    mergedOn: { fr: "Importé le", en: "Merged on" },
    mergedFrom: { fr: "Fichier importé", en: "Merged file" },
  },
  // The criteria to discuss on the dashboard (`QG_Discuss`), with several respondents; then one rating per respondent.
  discuss: {
    criterion: { fr: "Critère", en: "Criterion" },
    text: { fr: "Énoncé", en: "Statement" },
    spread: { fr: "Écart entre répondants", en: "Spread" },
    consolidated: { fr: "Cotation consolidée", en: "Consolidated rating" },
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
  // The imported surveys (`QG_Surveys`, `QG_SurveyAnswers`, `QG_SurveyComments`), only when there are some.
  surveys: {
    survey: { fr: "Sondage", en: "Survey" },
    number: { fr: "N°", en: "No." },
    question: { fr: "Question", en: "Question" },
    responses: { fr: "Réponses à la question", en: "Answers given" },
    favourable: { fr: "Part favorable", en: "Favourable share" },
    scale: { fr: "Échelle", en: "Scale" },
    fileResponses: { fr: "Réponses au sondage", en: "Survey responses" },
    imported: { fr: "Importé le", en: "Imported on" },
    criteria: { fr: "Critères", en: "Criteria" },
  },
  surveyAnswers: {
    survey: { fr: "Sondage", en: "Survey" },
    number: { fr: "N°", en: "No." },
    question: { fr: "Question", en: "Question" },
    answer: { fr: "Réponse", en: "Answer" },
    count: { fr: "Nombre", en: "Count" },
    share: { fr: "Part", en: "Share" },
  },
  surveyComments: {
    survey: { fr: "Sondage", en: "Survey" },
    number: { fr: "N°", en: "No." },
    question: { fr: "Question", en: "Question" },
    text: { fr: "Commentaire", en: "Comment" },
  },
  // The closed rounds' figures (`QG_History`), one row per round and dimension, then the round's overall row.
  history: {
    round: { fr: "N° du cycle", en: "Round number" },
    label: { fr: "Cycle", en: "Round" },
    date: { fr: "Date de clôture", en: "Closed on" },
    templateId: { fr: "Modèle", en: "Template" },
    version: { fr: "Version", en: "Version" },
    dimension: { fr: "Dimension", en: "Dimension" },
    score: { fr: "Score", en: "Score" },
    target: { fr: "Cible", en: "Target" },
    gap: { fr: "Écart", en: "Gap" },
    answered: { fr: "Évalués", en: "Scored" },
    notApplicable: { fr: "Sans objet", en: "Not applicable" },
    total: { fr: "Critères", en: "Criteria" },
    completion: { fr: "Complétude", en: "Completion" },
    evidenceCoverage: { fr: "Couverture des preuves", en: "Evidence coverage" },
    requiredNotMet: { fr: "Requis non atteints", en: "Required not met" },
    toDiscuss: { fr: "À discuter", en: "To discuss" },
    reviewedCoverage: { fr: "Couverture revue", en: "Reviewed coverage" },
    evaluatorScore: { fr: "Score évaluateur", en: "Evaluator score" },
    evaluatorGap: { fr: "Écart évaluateur", en: "Evaluator gap" },
    evaluatorAnswered: { fr: "Évalués par l’évaluateur", en: "Scored by the evaluator" },
    evaluatorBoth: { fr: "Cotés des deux côtés", en: "Rated by both" },
    evaluatorWithin: { fr: "Part dans la tolérance", en: "Share within tolerance" },
    evaluatorMeanDiff: { fr: "Écart absolu moyen", en: "Mean absolute difference" },
    check: { fr: "Contrôle", en: "Check" },
    fingerprint: { fr: "Empreinte du cycle", en: "Round fingerprint" },
  },
  // The closed rounds' ratings (`QG_HistoryItems`): per round, criterion and respondent; the criterion's own fields on its first row.
  historyItems: {
    label: { fr: "Cycle", en: "Round" },
    criterion: { fr: "Critère", en: "Criterion" },
    respondent: { fr: "Répondant", en: "Respondent" },
    rating: { fr: "Cotation", en: "Rating" },
    answer: { fr: "Réponse", en: "Answer" },
    comment: { fr: "Commentaire", en: "Comment" },
    dimension: { fr: "Dimension", en: "Dimension" },
    consolidated: { fr: "Cotation consolidée", en: "Consolidated rating" },
    score: { fr: "Score du critère", en: "Criterion score" },
    evaluator: { fr: "Cotation évaluateur", en: "Evaluator rating" },
    agreedReason: { fr: "Motif de la cotation convenue", en: "Reason for the agreed rating" },
    evaluatorComment: { fr: "Commentaire évaluateur", en: "Evaluator comment" },
    check: { fr: "Contrôle", en: "Check" },
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
export type RespondentsKey = keyof typeof HEADERS.respondents;
export type DiscussKey = keyof typeof HEADERS.discuss;
export type HistoryKey = keyof typeof HEADERS.history;
export type HistoryItemsKey = keyof typeof HEADERS.historyItems;

/**
 * The word of each per-respondent column, before « — NAME » (contract of issue 16): the inputs
 * (`rating`, `answer`, `comment`), the grid's helpers (`level`, `points`, `counted`) and the
 * dashboard's `score`.
 */
export const RESPONDENT_HEADERS = {
  rating: { fr: "Cotation", en: "Rating" },
  answer: { fr: "Réponse", en: "Answer" },
  comment: { fr: "Commentaire", en: "Comment" },
  level: { fr: "Niveau retenu", en: "Level counted" },
  points: { fr: "Points", en: "Points" },
  counted: { fr: "Poids retenu", en: "Counted weight" },
  score: { fr: "Score", en: "Score" },
} as const satisfies Record<string, Both>;

/** A per-respondent column's kind. */
export type RespondentColumn = keyof typeof RESPONDENT_HEADERS;

/** The header of a respondent's column: « Cotation — Direction », "Rating — Direction". */
export function respondentHeader(key: RespondentColumn, name: string, lang: Lang): string {
  return `${RESPONDENT_HEADERS[key][lang]} — ${name}`;
}

/** The headers of a respondent's input columns in the grid, in `lang`. */
export function respondentColumnHeaders(name: string, lang: Lang): { rating: string; comment: string; answer: string } {
  return { rating: respondentHeader("rating", name, lang), comment: respondentHeader("comment", name, lang), answer: respondentHeader("answer", name, lang) };
}

/** Choices of the evidence register's status; `accepted` is the one that counts for coverage. */
export const EVIDENCE_STATUSES: { key: string; text: Both }[] = [
  { key: "toProvide", text: { fr: "À produire", en: "To provide" } },
  { key: "provided", text: { fr: "Fournie", en: "Provided" } },
  { key: "accepted", text: { fr: "Acceptée", en: "Accepted" } },
  { key: "toComplete", text: { fr: "À compléter", en: "Needs work" } },
  { key: "rejected", text: { fr: "Refusée", en: "Rejected" } },
];

/**
 * Choices of the evaluator's review status (`QG_ReviewStatuses`), the words of
 * `model/review.status.ts`; blank = not reviewed.
 */
export const REVIEW_STATUS_CHOICES: { key: ReviewStatus; text: Both }[] = REVIEW_STATUSES.map((s) => ({ key: s.status, text: { fr: s.fr, en: s.en } }));

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
    fr: "Une ligne par preuve documentaire. «\u00a0Code\u00a0»\u00a0: son identifiant stable (E001, E002…). « Critères » : un ou plusieurs codes de critère séparés par , ou ;. Seules les preuves « Acceptée » et non expirées (à la date de l'évaluation, sinon aujourd'hui) comptent dans la couverture, sauf celles que l’évaluateur a jugées «\u00a0À compléter\u00a0» ou «\u00a0Manquante\u00a0» (colonnes de la revue, à droite).",
    en: "One row per piece of documentary evidence. « ID »: its stable id (E001, E002…). « Criteria »: one or more criterion codes separated by , or ;. Only « Accepted » evidence not expired (as of the assessment date, else today) counts towards coverage, unless the evaluator marked it « To complete » or « Missing » (the review columns, on the right).",
  },
  // The register's help line before the evaluator's review (a workbook made by an earlier version).
  evidenceHelpNoReview: {
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
  evaluatorTitle: { fr: "Évaluation externe", en: "External evaluation" },
  evaluatorScore: { fr: "Score de l’évaluateur", en: "Evaluator’s score" },
  evaluatorGap: { fr: "Écart (évaluateur)", en: "Gap (evaluator)" },
  evaluatorAnswered: { fr: "Critères évalués par l’évaluateur", en: "Criteria scored by the evaluator" },
  evaluatorBoth: { fr: "Critères cotés des deux côtés", en: "Criteria rated by both" },
  evaluatorWithin: { fr: "Part dans la tolérance", en: "Share within tolerance" },
  evaluatorMeanDiff: { fr: "Écart absolu moyen (niveaux)", en: "Mean absolute difference (levels)" },
  reviewedCoverage: { fr: "Couverture des preuves revues", en: "Reviewed evidence coverage" },
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
  listsReviewStatus: { fr: "Statut de la revue", en: "Review status" },
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
  listsToleranceUsed: { fr: "Tolérance d’accord retenue", en: "Agreement tolerance used" },
  listsReferenceDate: { fr: "Date de référence des expirations", en: "Reference date for expiry" },
  listsSettings: { fr: "Paramètres du classeur (modifiables)", en: "Workbook settings (editable)" },
  listsSettingKey: { fr: "Clé", en: "Key" },
  listsSetting: { fr: "Paramètre", en: "Setting" },
  listsConsolidation: { fr: "Consolidation", en: "Consolidation" },
  overdue: { fr: "En retard", en: "Overdue" },
  gridHelpRespondents: {
    fr: " Chaque répondant cote dans sa colonne «\u00a0Cotation\u00a0—\u00a0nom\u00a0» ; la «\u00a0Cotation consolidée\u00a0» est la «\u00a0Cotation convenue\u00a0» quand elle est inscrite, sinon la moyenne (ou la médiane, feuille Listes) des niveaux donnés. «\u00a0À discuter\u00a0»\u00a0: un écart entre répondants d'au moins le seuil, ou un sans objet à côté d'un niveau ; inscrivez la cotation convenue et son motif après la rencontre de consensus.",
    en: " Each respondent rates in their own « Rating — name » column; the Consolidated rating is the Agreed rating when one is recorded, else the mean (or median, Lists sheet) of the levels given. To discuss: a spread between respondents at or above the threshold, or N/A beside a level; record the agreed rating and its reason after the consensus meeting.",
  },
  discussTitle: { fr: "Critères à discuter", en: "Criteria to discuss" },
  discussCount: { fr: "Nombre de critères à discuter", en: "Number of criteria to discuss" },
  discussMore: {
    fr: " autres critères à discuter dans la grille (filtrez la colonne «\u00a0À discuter\u00a0»)",
    en: " more criteria to discuss in the grid (filter the To discuss column)",
  },
  listsRespondents: { fr: "Répondants", en: "Respondents" },
  stepsSubtitle: { fr: "Démarche", en: "Process" },
  stepsHelp: {
    fr: "Les étapes de la démarche\u00a0: la date prévue suit la date de l'évaluation (feuille Listes); inscrivez la date de réalisation, le ou la responsable, le statut et une note. Une étape est en retard quand sa date prévue est passée et qu'elle n'est pas terminée.",
    en: "The steps of the process: the planned date follows the assessment date (Lists sheet); enter the date done, who is responsible, the status and a note. A step is overdue when its planned date has passed and it is not completed.",
  },
  listsStepStatus: { fr: "Statut des étapes", en: "Step status" },
  // Closed rounds (design.md "Rounds, comparison and report").
  historySubtitle: { fr: "Historique des cycles", en: "Round history" },
  historyHelp: {
    fr: "Les cycles clôturés : par dimension et pour l'ensemble, les chiffres au moment de la clôture, puis la cotation et le commentaire de chaque répondant. Un cycle clôturé ne se modifie pas : la vérification signale toute ligne changée (colonne « Contrôle »).",
    en: "The closed rounds: per dimension and overall, the figures when the round closed, then each respondent's rating and comment. A closed round is not edited: the check reports any row changed (the Check column).",
  },
  historyItemsTitle: { fr: "Cotations et commentaires des cycles clôturés", en: "Ratings and comments of the closed rounds" },
  historyOverall: { fr: "(ensemble)", en: "(overall)" },
  previousAgreedReason: { fr: "Motif de la cotation convenue", en: "Reason for the agreed rating" },
  roundsTitle: { fr: "Cycles", en: "Rounds" },
  previousRound: { fr: "Cycle précédent", en: "Previous round" },
  firstRound: { fr: "Premier cycle", en: "First round" },
  overallPrevious: { fr: "Score global précédent", en: "Previous overall score" },
  overallChange: { fr: "Variation depuis le cycle précédent", en: "Change since the previous round" },
  overallChangeFirst: { fr: "Variation depuis le premier cycle", en: "Change since the first round" },
  surveysSubtitle: { fr: "Sondages", en: "Surveys" },
  surveysHelp: {
    fr: "Par question, le nombre de réponses et la part favorable (les deux réponses les plus favorables d'une échelle ordonnée).",
    en: "Per question, the number of answers and the favourable share (the two most favourable answers of an ordered scale).",
  },
  surveysPrivacy: {
    fr: "Aucun nom, courriel ou texte libre n'est copié, sauf les commentaires demandés à l'import.",
    en: "No name, e-mail or free-text answer is copied, except comments asked for at import.",
  },
  surveysAnswersTitle: { fr: "Réponses par question", en: "Answers per question" },
  surveysCommentsTitle: { fr: "Commentaires", en: "Comments" },
  surveyFreeText: { fr: "Texte libre", en: "Free text" },
  surveyChoice: { fr: "Choix", en: "Choice" },
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

/**
 * The texts of the « Rapport de visite » sheet (`visit.plan.ts`), for the committee that decides.
 * `{label}` and `{count}` are replaced where the sheet uses them.
 */
export const VISIT_TEXTS = {
  subtitle: { fr: "Rapport de visite", en: "Visit report" },
  help: {
    fr: "Pour le comité qui décide\u00a0: résultats de l’évaluateur, écarts, revue des preuves, recommandations et sceau.",
    en: "For the committee that decides: the evaluator's results, differences, evidence review, recommendations and seal.",
  },
  help2: {
    fr: "Calculé à partir du classeur\u00a0: la feuille se tient à jour. Pour un PDF, Fichier\u00a0›\u00a0Exporter.",
    en: "Computed from the workbook: the sheet stays current. For a PDF, File › Export.",
  },
  organization: { fr: "Organisme", en: "Organization" },
  assessmentDate: { fr: "Date de l’évaluation", en: "Assessment date" },
  scoresTitle: { fr: "Résultats de l’évaluateur par dimension", en: "The evaluator's results per dimension" },
  dimension: { fr: "Dimension", en: "Dimension" },
  title: { fr: "Titre", en: "Title" },
  selfScore: { fr: "Score autoévaluation", en: "Self-assessment score" },
  evaluatorScore: { fr: "Score évaluateur", en: "Evaluator score" },
  evaluatorGap: { fr: "Écart évaluateur", en: "Evaluator gap" },
  both: { fr: "Cotés des deux côtés", en: "Rated by both" },
  within: { fr: "Part dans la tolérance", en: "Share within tolerance" },
  meanDiff: { fr: "Écart absolu moyen (niveaux)", en: "Mean absolute difference (levels)" },
  overall: { fr: "Ensemble", en: "Overall" },
  tolerance: { fr: "Tolérance d’accord (niveaux)", en: "Agreement tolerance (levels)" },
  disagreeTitle: { fr: "Écarts au-delà de la tolérance (évaluateur et autoévaluation)", en: "Differences beyond the tolerance (evaluator and self-assessment)" },
  disagreeCount: { fr: "Nombre de critères", en: "Number of criteria" },
  disagreeNone: { fr: "Aucun critère ne dépasse la tolérance.", en: "No criterion exceeds the tolerance." },
  disagreeMore: { fr: " autre(s) critère(s)\u00a0: voir la grille, colonne «\u00a0Écart évaluateur\u00a0»", en: " more criterion(s): see the grid, Evaluator difference column" },
  criterion: { fr: "Critère", en: "Criterion" },
  statement: { fr: "Énoncé", en: "Statement" },
  selfRating: { fr: "Cotation autoévaluation", en: "Self-assessment rating" },
  evaluatorRating: { fr: "Cotation évaluateur", en: "Evaluator rating" },
  difference: { fr: "Écart (niveaux)", en: "Difference (levels)" },
  targetLevel: { fr: "Niveau cible", en: "Target level" },
  acceptedEvidence: { fr: "Preuves acceptées", en: "Accepted evidence" },
  evaluatorComment: { fr: "Commentaire de l’évaluateur", en: "Evaluator's comment" },
  reviewTitle: { fr: "Revue des preuves", en: "Evidence review" },
  evidenceItems: { fr: "Preuves au registre", en: "Evidence in the register" },
  reviewAccepted: { fr: "Acceptées", en: "Accepted" },
  reviewToComplete: { fr: "À compléter", en: "To complete" },
  reviewMissing: { fr: "Manquantes", en: "Missing" },
  notReviewed: { fr: "Non revues", en: "Not reviewed" },
  reviewedCoverage: { fr: "Couverture des preuves revues", en: "Reviewed evidence coverage" },
  recoTitle: { fr: "Recommandations de l’évaluateur", en: "The evaluator's recommendations" },
  recoNote: { fr: "Les actions du plan d’action dont la source est «\u00a0Évaluation externe\u00a0».", en: "The action plan's rows whose source is « External evaluation »." },
  recoCount: { fr: "Nombre de recommandations", en: "Number of recommendations" },
  recoNone: { fr: "Aucune recommandation au plan d’action.", en: "No recommendation in the action plan." },
  recoMore: { fr: " autre(s) recommandation(s)\u00a0: voir le plan d’action", en: " more recommendation(s): see the action plan" },
  recoPosition: { fr: "Rang au plan d’action", en: "Position in the action plan" },
  id: { fr: "Code", en: "ID" },
  recommendation: { fr: "Recommandation", en: "Recommendation" },
  due: { fr: "Échéance", en: "Due date" },
  status: { fr: "Statut", en: "Status" },
  progress: { fr: "% réalisé", en: "Progress" },
  overdue: { fr: "En retard", en: "Overdue" },
  owner: { fr: "Pilote", en: "Owner" },
  priority: { fr: "Priorité", en: "Priority" },
  sealTitle: { fr: "Sceau de la revue", en: "Review seal" },
  sealDate: { fr: "Date du sceau", en: "Seal date" },
  sealReviewer: { fr: "Réviseur", en: "Reviewer" },
  sealFingerprint: { fr: "Empreinte", en: "Fingerprint" },
  notSealed: { fr: "Non scellé", en: "Not sealed" },
  roundAfter: { fr: "Cycle en cours (après {label})", en: "Current round (after {label})" },
  firstRound: { fr: "Premier cycle", en: "First round" },
  page: { fr: "Page &P / &N", en: "Page &P / &N" },
} as const satisfies Record<string, Both>;
