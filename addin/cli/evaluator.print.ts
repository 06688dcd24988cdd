import { reviewCliText, type ReviewCliMessageCode } from "../model/messages/messages.cli.review.js";
import type { Lang } from "../model/template.types.js";
import type { AssessmentResult, ScoreFigures } from "../scoring/scoring.types.js";
import { cliText, fmt, num, pct } from "./cli.print.js";

/**
 * `score`'s lines about the external evaluator (design.md "The evaluator"), when they rated
 * something: per dimension and overall the self-assessment's score beside the evaluator's, the
 * evaluator's gap, the agreement (criteria rated by both, share within the tolerance, mean absolute
 * difference), then the criteria where the two differ by more than the tolerance. None otherwise.
 */
export function evaluatorLines(result: AssessmentResult, tolerance: number, L: Lang): string[] {
  if (!result.criteria.some((c) => c.evaluatorRating.kind === "level" || c.evaluatorRating.kind === "na")) return [];
  const t = (code: ReviewCliMessageCode, params: Record<string, string | number> = {}): string => reviewCliText(code, L, params);
  const head = [cliText("cli.score.dimension", L), t("score.evaluatorSelf"), t("score.evaluatorScore"), t("score.evaluatorGap"), t("score.evaluatorBoth"), t("score.evaluatorWithin"), t("score.evaluatorMeanAbsDiff")];
  const row = (id: string, f: ScoreFigures): string[] => {
    const e = f.evaluator;
    return [id, fmt(f.score, L), fmt(e?.score ?? null, L), fmt(e?.gap ?? null, L), String(e?.both ?? 0), pct(e?.withinTolerance ?? null, L), fmt(e?.meanAbsDiff ?? null, L, 2)];
  };
  const rows = [...result.dimensions.map((d) => row(d.id, d)), row(cliText("cli.score.overall", L), result.overall)];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  // The dimension aligns left, figures right, as in `score`'s first table.
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ").trimEnd();
  const ids = result.disagreements;
  return [t("score.evaluatorHeading"), line(head), ...rows.map(line), t("score.evaluatorDisagreements", { count: ids.length, ids: ids.join(", "), tolerance: num(tolerance, L) })];
}
