/**
 * An action to add to the action plan: made from a criterion's gap, or (with `source`
 * « externalEvaluation ») one of the evaluator's recommendations, with its own id, text and due date.
 */
export interface NewAction {
  criterion: string;
  dimension: string;
  gap: number;
  /** Where it comes from; the plan from gaps' « Autoévaluation » when left out. */
  source?: "selfAssessment" | "externalEvaluation";
  /** Its id; the next `A-…` when left out. */
  id?: string;
  /** The action's text; blank when left out. */
  action?: string;
  /** The due date as Excel's day number; blank when left out. */
  due?: number | null;
}
