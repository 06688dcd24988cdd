import type { Lang } from "../model/template.types.js";

type Both = Record<Lang, string>;

/**
 * The « Rapport » sheet's texts (design.md "Rounds, comparison and report"), French (Québec usage,
 * OQLF typography: a non-breaking space before « : » and inside « ») and English.
 */
export const REPORT_TEXTS = {
  title: { fr: "Rapport d’autoévaluation", en: "Self-assessment report" },
  help: {
    fr: "Calculé à partir de la grille et du tableau de bord\u00a0: il se met à jour avec eux. Pour un PDF, Fichier\u00a0›\u00a0Exporter.",
    en: "Computed from the grid and the dashboard: it follows them. For a PDF, File › Export.",
  },
  summary: { fr: "1. Sommaire", en: "1. Summary" },
  organization: { fr: "Organisme", en: "Organization" },
  template: { fr: "Modèle", en: "Template" },
  round: { fr: "Cycle", en: "Round" },
  firstRound: { fr: "Premier cycle", en: "First round" },
  currentRoundAfter: { fr: "Cycle en cours (après {label})", en: "Current round (after {label})" },
  assessmentDate: { fr: "Date de l’évaluation", en: "Assessment date" },
  overallScore: { fr: "Score global", en: "Overall score" },
  target: { fr: "Cible", en: "Target" },
  gap: { fr: "Écart à la cible", en: "Gap to target" },
  maturity: { fr: "Niveau de maturité", en: "Maturity level" },
  completion: { fr: "Complétude", en: "Completion" },
  requiredNotMet: { fr: "Critères requis non atteints", en: "Required criteria not met" },
  changePrevious: { fr: "Variation depuis le cycle précédent", en: "Change since the previous round" },
  changeFirst: { fr: "Variation depuis le premier cycle", en: "Change since the first round" },
  chartTitle: { fr: "Score et cible par dimension", en: "Score and target by dimension" },
  dimensions: { fr: "2. Résultats par dimension", en: "2. Results by dimension" },
  overallRow: { fr: "Ensemble", en: "Overall" },
  evaluator: { fr: "3. Évaluation externe", en: "3. External evaluation" },
  evaluatorNote: {
    fr: "Scores de l’évaluateur et accord avec l’autoévaluation\u00a0; le détail est au rapport de visite.",
    en: "The evaluator’s scores and agreement with the self-assessment; details are in the visit report.",
  },
  criteria: { fr: "4. Critères à améliorer", en: "4. Criteria to improve" },
  required: { fr: "Critères requis non atteints", en: "Required criteria not met" },
  noRequired: { fr: "Ce modèle n’a pas de critère requis.", en: "This template has no required criteria." },
  requiredMore: {
    fr: " autres critères requis non atteints dans la grille (filtrez la colonne «\u00a0Requis non atteint\u00a0»)",
    en: " more required criteria not met in the grid (filter the Required not met column)",
  },
  priorities: { fr: "Les 10 priorités (poids × écart, la plus forte d’abord)", en: "Top 10 priorities (weight × gap, highest first)" },
  belowTarget: { fr: "Critères sous leur niveau cible", en: "Criteria below their target level" },
  followUp: { fr: "5. Preuves et plan d’action", en: "5. Evidence and action plan" },
  coverage: { fr: "Couverture des preuves", en: "Evidence coverage" },
  reviewedCoverage: { fr: "Couverture des preuves revues", en: "Reviewed evidence coverage" },
  actionsDone: { fr: "Actions réalisées", en: "Actions done" },
  actionsInProgress: { fr: "Actions en cours", en: "Actions in progress" },
  actionsNotStarted: { fr: "Actions à faire (non commencées)", en: "Actions not started" },
  actionsOverdue: { fr: "Actions en retard", en: "Actions overdue" },
  surveys: { fr: "6. Sondages", en: "6. Surveys" },
  changes: { fr: "7. Évolution depuis le cycle précédent", en: "7. Change since the previous round" },
  changesNote: {
    fr: "Variation en points (positive = mieux) par rapport au cycle «\u00a0{previous}\u00a0» et au premier cycle «\u00a0{first}\u00a0».",
    en: "Change in points (positive = better) since the round « {previous} » and the first round « {first} ».",
  },
  noValue: { fr: "—", en: "—" },
} as const satisfies Record<string, Both>;

/** The headers of the report's tables by column key (also their table column names: no `[`, `]`, `#` or `'`). */
export const REPORT_HEADERS = {
  dimension: { fr: "Dimension", en: "Dimension" },
  title: { fr: "Titre", en: "Title" },
  score: { fr: "Score", en: "Score" },
  target: { fr: "Cible", en: "Target" },
  gap: { fr: "Écart", en: "Gap" },
  maturity: { fr: "Niveau de maturité", en: "Maturity level" },
  completion: { fr: "Complétude", en: "Completion" },
  coverage: { fr: "Couverture des preuves", en: "Evidence coverage" },
  change: { fr: "Variation", en: "Change" },
  // The evaluator's table is titled « Évaluation externe »: its score and gap need no more words.
  evaluatorScore: { fr: "Score", en: "Score" },
  evaluatorGap: { fr: "Écart", en: "Gap" },
  evaluatorBoth: { fr: "Cotés des deux côtés", en: "Rated by both" },
  evaluatorWithin: { fr: "Part dans la tolérance", en: "Share within tolerance" },
  evaluatorMeanDiff: { fr: "Écart absolu moyen", en: "Mean absolute difference" },
  reviewedCoverage: { fr: "Couverture revue", en: "Reviewed coverage" },
  rank: { fr: "Rang", en: "Rank" },
  text: { fr: "Énoncé", en: "Statement" },
  criterion: { fr: "Critère", en: "Criterion" },
  rating: { fr: "Cotation", en: "Rating" },
  targetLevel: { fr: "Niveau cible", en: "Target level" },
  priority: { fr: "Priorité", en: "Priority" },
  number: { fr: "N°", en: "No." },
  question: { fr: "Sondage — question", en: "Survey — question" },
  responses: { fr: "Réponses", en: "Responses" },
  favourable: { fr: "Part favorable", en: "Favourable share" },
  previousScore: { fr: "Score précédent", en: "Previous score" },
  changeFirst: { fr: "Variation depuis le premier cycle", en: "Change since the first round" },
} as const satisfies Record<string, Both>;

/** A report table's column key. */
export type ReportKey = keyof typeof REPORT_HEADERS;

/** A report text in `lang` with its `{name}` placeholders filled. */
export function reportText(key: keyof typeof REPORT_TEXTS, lang: Lang, params: Record<string, string> = {}): string {
  return REPORT_TEXTS[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
}
