export { splitCriterionIds } from "../model/criterion.ids.js";

/** Whether an evidence item names a criterion (ids compare case-insensitively, like Excel's SEARCH). */
export function evidenceNames(ids: readonly string[], criterionId: string): boolean {
  const key = criterionId.toLowerCase();
  return ids.some((id) => id.toLowerCase() === key);
}

/** Whether a status equals the accepted status, compared as Excel's `=` compares text (case-insensitive). */
export function isAcceptedStatus(status: string, acceptedStatus: string): boolean {
  return status.toLocaleUpperCase() === acceptedStatus.toLocaleUpperCase();
}
