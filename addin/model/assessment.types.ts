import type { Rating } from "./scale.js";
import type { Lang, Template } from "./template.types.js";

/**
 * Someone who answers the grid: a self-assessment respondent (design.md "Respondents and
 * consensus"; today's grid has one, unnamed) or the external evaluator ("The evaluator").
 */
export interface Respondent {
  /** As written in the workbook; "" when the grid does not name its respondents. */
  name: string;
  role: "self" | "evaluator";
}

/** One person's answer to one criterion. */
export interface RespondentAnswer {
  /** The rating as read from the cell: a level, N/A, blank or unreadable input. */
  rating: Rating;
  comment: string;
  /** The answer in words of a text criterion (design.md, template `type: "text"`); "" for a rating criterion. */
  text: string;
}

/** The rating the respondents agreed on for a criterion, and why; it wins over their mean or median. */
export interface AgreedRating {
  rating: Rating;
  reason: string;
}

/** Everything answered about one criterion, by everyone. */
export interface CriterionAnswers {
  /** The criterion id as written in the grid (matched to the template case-insensitively). */
  criterion: string;
  /** The dimension id as written in the grid. */
  dimension: string;
  /** One answer per self-assessment respondent, in the order of `Assessment.respondents`. */
  answers: RespondentAnswer[];
  /** The agreed rating when one is recorded, else null. */
  agreed: AgreedRating | null;
  /** The evaluator's answer; null when the assessment has no evaluator. */
  evaluator: RespondentAnswer | null;
}

/** The evaluator's review of an evidence item (design.md "The evaluator"). */
export interface EvidenceReview {
  /** The review status as written (Acceptée / À compléter / Manquante); "" when not reviewed. */
  status: string;
  note: string;
  date: Date | null;
  reviewer: string;
}

/** One item of the evidence register. */
export interface EvidenceItem {
  id: string;
  /** The criterion ids it backs, already split. */
  criteria: string[];
  title: string;
  /** The organization's status as written; it counts as accepted when it equals `Assessment.acceptedStatus`. */
  status: string;
  /** Where the document is (a path or a link). */
  location: string;
  confidential: boolean;
  /** The expiry date (a UTC day), or null. */
  expiry: Date | null;
  /** The evaluator's review; null when the register has no review columns. */
  review: EvidenceReview | null;
}

/** One row of the action plan. */
export interface ActionItem {
  id: string;
  criterion: string;
  action: string;
  owner: string;
  /** The due date (a UTC day), or null. */
  due: Date | null;
  status: string;
  /** Where the action came from as written (« Modèle », « Autoévaluation »…); "" when not recorded. */
  source: string;
}

/** One row of the process table (`QG_Steps`) as the user filled it; its planned date follows from the template. */
export interface StepItem {
  /** The step's id (the template's `steps[].id`). */
  id: string;
  /** The date done (a UTC day), or null. */
  done: Date | null;
  responsible: string;
  /** As written (« À venir », « En cours », « Terminée »…); "" when blank. */
  status: string;
  note: string;
}

/** The round an assessment belongs to (design.md "Rounds"). */
export interface AssessmentRound {
  label: string;
  date: Date | null;
}

/**
 * What a workbook decides for itself beyond who and when (design.md "Workbook settings"): the
 * completion below which the overall result is provisional (0–1), how respondents' levels are
 * consolidated, the spread that puts a criterion « à discuter », the evaluator agreement tolerance
 * (default-scale units), and whether respondents see each other's ratings.
 */
export interface AssessmentSettings {
  completionThreshold: number;
  consolidation: "mean" | "median";
  spreadThreshold: number;
  agreementTolerance: number;
  showOthers: boolean;
}

/**
 * An assessment apart from any workbook layout: who answered, what each one answered per
 * criterion, the evidence register and the action plan, with the template and the dashboard's
 * targets. Both workbook readers produce it; the engine scores it (`scoreAssessment`).
 */
export interface Assessment {
  template: Template;
  lang: Lang;
  organization: string | null;
  /** The assessment date (a UTC day), the reference date for expiry; null when not set. */
  assessmentDate: Date | null;
  round: AssessmentRound | null;
  /** The self-assessment respondents, in order; one for today's grids. */
  respondents: Respondent[];
  evaluator: Respondent | null;
  /** The grid's criteria in grid order, each with everyone's answers. */
  criteria: CriterionAnswers[];
  /** The evidence register; null when the workbook has none. */
  evidence: EvidenceItem[] | null;
  /** The action plan; null when the workbook has none. */
  actions: ActionItem[] | null;
  /** The process table's rows, in order; null when the workbook has none (a template without steps). */
  steps: StepItem[] | null;
  /** Dimension targets as set on the dashboard (users may change them), by dimension id. */
  targets: Record<string, number>;
  /** The overall target as set on the dashboard; null when there is none. */
  overallTarget: number | null;
  /** The evidence status that counts an item as accepted, in the workbook's language. */
  acceptedStatus: string;
  /** The workbook's settings; the defaults for a workbook made before it had any. */
  settings: AssessmentSettings;
}
