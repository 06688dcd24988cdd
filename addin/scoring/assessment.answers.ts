import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import { parseRatingCell, type Rating } from "../model/scale.js";
import { withTargets } from "../model/template.targets.js";
import type { Template } from "../model/template.types.js";
import { splitCriterionIds } from "./evidence.js";
import type { AssessmentAnswers } from "./scoring.types.js";

/**
 * The template (with the targets set on the dashboard) and the answers a workbook holds, read the
 * way the workbook's formulas read them.
 */
export function answersOfWorkbook(wb: AssessmentWorkbook): { template: Template; answers: AssessmentAnswers } {
  const ratings = new Map<string, Rating>();
  for (const row of wb.grid) {
    if (row.criterion !== "") ratings.set(row.criterion, parseRatingCell(row.rating, wb.template.scale));
  }
  return {
    template: withTargets(wb.template, wb.targets, wb.overallTarget),
    answers: {
      ratings,
      evidence: (wb.evidence ?? []).map((e) => ({ criteria: splitCriterionIds(e.criteria), status: e.status })),
      acceptedStatus: wb.acceptedStatus,
    },
  };
}
