import type { NewAction } from "./actions.types.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import { scoreAssessment } from "../scoring/assessment.score.js";
import { criteriaByPriority } from "../scoring/priority.js";

/** A row to add to the action plan, with the priority that ordered it. */
export interface ActionCandidate extends NewAction {
  priority: number;
}

/**
 * One new action per criterion whose gap is positive and that no action row names yet (criterion
 * ids compare case-insensitively, as Excel's `=` does), highest priority first, ties in template order.
 */
export function actionsFromGaps(wb: AssessmentWorkbook): ActionCandidate[] {
  const { criteria } = scoreAssessment(wb.assessment);
  const withAction = new Set((wb.actions ?? []).map((a) => a.criterion.trim().toLowerCase()).filter((id) => id !== ""));
  return criteriaByPriority(criteria)
    .filter((c) => !withAction.has(c.id.toLowerCase()))
    .map((c) => ({ criterion: c.id, dimension: c.dimensionId, gap: c.gap ?? 0, priority: c.priority ?? 0 }));
}
