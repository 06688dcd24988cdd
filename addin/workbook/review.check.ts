import type { AssessmentWorkbook, CellRef } from "./workbook.types.js";

/** How many cells a finding lists before « … ». */
const LISTED = 10;

/**
 * Evidence rows the evaluator has not reviewed yet, once the review has started (a review status
 * on some row, or an evaluator rating in the grid): one finding at the first such row's review
 * status cell, listing their cells; null before the review starts or when every row is reviewed.
 */
export function unreviewedEvidence(wb: Pick<AssessmentWorkbook, "evidence" | "grid">): { where: CellRef; params: Record<string, string> } | null {
  const rows = (wb.evidence ?? []).filter((e) => e.review?.statusCell);
  const started = rows.some((e) => e.review?.status !== "") || wb.grid.some((r) => r.evaluatorRatingCell !== null && String(r.evaluatorRating ?? "").trim() !== "");
  if (!started) return null;
  const cells = rows.flatMap((e) => (e.review?.status === "" && e.review.statusCell ? [e.review.statusCell] : []));
  const first = cells[0];
  if (!first) return null;
  const listed = cells.slice(0, LISTED).map((c) => `${c.sheet}!${c.address}`);
  if (cells.length > LISTED) listed.push("…");
  return { where: first, params: { count: String(cells.length), cells: listed.join(", ") } };
}
