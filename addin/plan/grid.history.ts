import { EXCEL_LIMITS } from "../model/excel.limits.js";
import type { RoundAnswer, RoundCriterion, RoundRecord } from "../model/history.types.js";
import type { Lang } from "../model/template.types.js";
import type { ColumnSpec } from "./columns.js";
import { historyRatingCell, planHistory } from "./history.plan.js";
import { TEXTS, type GridKey } from "./labels.js";
import type { PlanOptions, PlanValue } from "./plan.types.js";

/** The grid's previous-round columns, in order (design.md "Rounds, comparison and report"). */
export const HISTORY_GRID_KEYS = ["previousRating", "previousComment", "toConfirm"] as const satisfies readonly GridKey[];

/**
 * The specs of the grid's previous-round columns, right after the respondents' inputs: the last
 * closed round's consolidated rating and comments (values, locked, computed style) and « À
 * confirmer » (an input: a close with `--keep-ratings` writes there whose rating was carried). None
 * without history, so that a workbook that never closed a round keeps today's grid.
 */
export function historyGridSpecs(options: Pick<PlanOptions, "history">): Partial<Record<(typeof HISTORY_GRID_KEYS)[number], ColumnSpec>> {
  if (planHistory(options).length === 0) return {};
  return {
    previousRating: { width: 11, numFmt: "0.00" },
    previousComment: { width: 36, wrap: true },
    toConfirm: { width: 14, input: true, wrap: true },
  };
}

/** `NAME : text` in `lang`'s typography (a non-breaking space before the colon in French). */
function labelled(name: string, text: string, lang: Lang): string {
  return lang === "fr" ? `${name}\u00a0: ${text}` : `${name}: ${text}`;
}

/**
 * A respondent's part of the previous comments: a text question's words, then the comment, joined
 * by « — » (the words are the answer a respondent reads before giving the new one; the new round's
 * words start blank); "" when neither was written.
 */
function previousAnswerText(a: RoundAnswer): string {
  return [a.answer ?? "", a.comment]
    .map((t) => t.trim())
    .filter((t) => t !== "")
    .join(" — ");
}

/**
 * The last round's answers on a criterion, one line per respondent who wrote words or a comment
 * (« NAME : words — comment »; the text alone for the unnamed respondent), then the agreed rating's
 * reason; cut to what a cell holds. Null when there is nothing to show.
 */
export function previousCommentText(round: RoundRecord, criterion: RoundCriterion | undefined, criterionId: string, lang: Lang): string | null {
  const key = criterionId.toLowerCase();
  const lines = round.answers
    .filter((a) => a.criterion.toLowerCase() === key)
    .map((a) => ({ respondent: a.respondent, text: previousAnswerText(a) }))
    .filter((a) => a.text !== "")
    .map((a) => (a.respondent === "" ? a.text : labelled(a.respondent, a.text, lang)));
  const reason = criterion?.agreedReason.trim() ?? "";
  if (reason !== "") lines.push(labelled(TEXTS.previousAgreedReason[lang], reason, lang));
  if (lines.length === 0) return null;
  const text = lines.join("\n");
  return text.length > EXCEL_LIMITS.cellText ? `${text.slice(0, EXCEL_LIMITS.cellText - 1)}…` : text;
}

/**
 * A grid row's previous-round values by the criterion's id (matched case-insensitively; a criterion
 * the last round did not have gets blanks): its consolidated rating (the workbook's N/A token for
 * N/A), its comments, and a blank « À confirmer ». Empty without history.
 */
export function historyGridValues(options: Pick<PlanOptions, "history" | "lang">, criterionId: string): Partial<Record<GridKey, PlanValue>> {
  const history = planHistory(options);
  const last = history[history.length - 1];
  if (!last) return {};
  const key = criterionId.toLowerCase();
  const criterion = last.criteria.find((c) => c.criterion.toLowerCase() === key);
  return {
    previousRating: criterion ? historyRatingCell(criterion.consolidated, options.lang) : null,
    previousComment: previousCommentText(last, criterion, criterionId, options.lang),
    toConfirm: null,
  };
}
