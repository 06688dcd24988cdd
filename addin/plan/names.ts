import type { SettingKey } from "../model/settings.js";
import { TEMPLATE_TABLES } from "../model/template.sheet.js";

/** The named cell of each workbook setting (`QG_Settings`), which formulas and readers use. */
export const SETTING_NAMES = {
  organization: "QG_Organization",
  assessmentDate: "QG_AssessmentDate",
  completionThreshold: "QG_CompletionThreshold",
  consolidation: "QG_Consolidation",
  spreadThreshold: "QG_SpreadThreshold",
  agreementTolerance: "QG_AgreementTolerance",
  showOthers: "QG_ShowOthers",
} as const satisfies Record<SettingKey, string>;

/** Workbook-level names the plan defines; formulas and readers use them, whatever the language. */
export const NAMES = {
  levelValues: "QG_LevelValues",
  levelLabels: "QG_LevelLabels",
  ratingChoices: "QG_RatingChoices",
  naTokens: "QG_NATokens",
  scaleMin: "QG_ScaleMin",
  scaleMax: "QG_ScaleMax",
  evidenceStatuses: "QG_EvidenceStatuses",
  acceptedStatus: "QG_AcceptedStatus",
  evidenceTypes: "QG_EvidenceTypes",
  actionStatuses: "QG_ActionStatuses",
  closedStatuses: "QG_ClosedStatuses",
  actionSources: "QG_ActionSources",
  yesNo: "QG_YesNo",
  maturityMin: "QG_MaturityMin",
  maturityLabels: "QG_MaturityLabels",
  overallScore: "QG_OverallScore",
  overallTarget: "QG_OverallTarget",
  overallGap: "QG_OverallGap",
  overallCompletion: "QG_OverallCompletion",
  overallCoverage: "QG_OverallCoverage",
  overallMaturity: "QG_OverallMaturity",
  overallProvisional: "QG_OverallProvisional",
  settings: "QG_Settings",
  consolidationChoices: "QG_ConsolidationChoices",
  referenceDate: "QG_ReferenceDate",
  levelKeys: "QG_LevelKeys",
  levelKeyLabels: "QG_LevelKeyLabels",
  naChoice: "QG_NAChoice",
  noRating: "QG_NoRating",
  requiredNotMet: "QG_RequiredNotMet",
  stepStatuses: "QG_StepStatuses",
  stepDone: "QG_StepDone",
  toDiscuss: "QG_ToDiscuss",
  // The evaluator (design.md "The evaluator"): the review statuses, and the overall figures on the dashboard.
  reviewStatuses: "QG_ReviewStatuses",
  reviewAccepted: "QG_ReviewAccepted",
  reviewToComplete: "QG_ReviewToComplete",
  reviewMissing: "QG_ReviewMissing",
  evaluatorScore: "QG_EvaluatorScore",
  evaluatorGap: "QG_EvaluatorGap",
  evaluatorAnswered: "QG_EvaluatorAnswered",
  evaluatorBoth: "QG_EvaluatorBoth",
  agreement: "QG_Agreement",
  meanAbsDiff: "QG_MeanAbsDiff",
  // Closed rounds (design.md "Rounds, comparison and report"): on the dashboard, only when the workbook has some.
  previousRound: "QG_PreviousRound",
  firstRound: "QG_FirstRound",
  overallPrevious: "QG_OverallPrevious",
  overallChange: "QG_OverallChange",
  overallChangeFirst: "QG_OverallChangeFirst",
  reviewedCoverage: "QG_ReviewedCoverage",
  toleranceUsed: "QG_ToleranceUsed",
  ...SETTING_NAMES,
} as const;

/** Stable table names (design.md). */
export const TABLES = {
  grid: "QG_Grid",
  evidence: "QG_Evidence",
  actions: "QG_Actions",
  scores: "QG_Scores",
  themes: "QG_Themes",
  steps: "QG_Steps",
  respondents: "QG_Respondents",
  discuss: "QG_Discuss",
  history: "QG_History",
  historyItems: "QG_HistoryItems",
  surveys: "QG_Surveys",
  surveyAnswers: "QG_SurveyAnswers",
  surveyComments: "QG_SurveyComments",
  // The « Rapport » sheet's tables (report.plan.ts), all computed: Qualigrid's, so an upgrade takes none of their cells for notes.
  reportDimensions: "QG_ReportDimensions",
  reportEvaluator: "QG_ReportEvaluator",
  reportRequired: "QG_ReportRequired",
  reportPriorities: "QG_ReportPriorities",
  reportSurveys: "QG_ReportSurveys",
  reportChanges: "QG_ReportChanges",
  // The « Rapport de visite » sheet's tables (visit.plan.ts), all computed.
  visitScores: "QG_VisitScores",
  visitDisagreements: "QG_VisitDisagreements",
  visitRecommendations: "QG_VisitRecommendations",
  templateInfo: TEMPLATE_TABLES.info,
  templateItems: TEMPLATE_TABLES.items,
} as const;

/**
 * The names of the n-th of a template's other scales (`scales`, 1-based): its level values, and
 * its drop-down choices (the values, then the N/A token when the scale allows it). The default
 * scale keeps `QG_LevelValues` and `QG_RatingChoices`. Numbered, since a scale id may hold `-`,
 * which a workbook name cannot.
 */
export function scaleNames(n: number): { levels: string; ratings: string } {
  return { levels: `QG_Levels_${n}`, ratings: `QG_Ratings_${n}` };
}

/** Stable chart names: a renderer replaces a chart of the same name (design.md "Rounds, comparison and report"). */
export const CHARTS = {
  scores: "QG_ScoresChart",
  report: "QG_ReportChart",
  visit: "QG_VisitChart",
} as const;
