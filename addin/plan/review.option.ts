import type { PlanOptions } from "./plan.types.js";

/** Whether a plan has the evaluator's review columns and figures: unless `options.review` is false. */
export function hasReview(options: Pick<PlanOptions, "review">): boolean {
  return options.review !== false;
}
