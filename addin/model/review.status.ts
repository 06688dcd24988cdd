import type { Lang } from "./template.types.js";
import { matchKey } from "./text.match.js";

/** The evaluator's verdict on an evidence item (design.md "The evaluator"); blank = not reviewed. */
export type ReviewStatus = "accepted" | "toComplete" | "missing";

/** The review statuses in the order of the drop-down, with their French and English words. */
export const REVIEW_STATUSES: readonly { status: ReviewStatus; fr: string; en: string }[] = [
  { status: "accepted", fr: "Acceptée", en: "Accepted" },
  { status: "toComplete", fr: "À compléter", en: "To complete" },
  { status: "missing", fr: "Manquante", en: "Missing" },
];

/** A review status's word in `lang`, as the workbook's drop-down writes it. */
export function reviewStatusLabel(status: ReviewStatus, lang: Lang): string {
  const found = REVIEW_STATUSES.find((s) => s.status === status);
  return found ? found[lang] : status;
}

/**
 * A review status cell as the workbook's formulas see it: one of the words of the workbook's
 * language (its drop-down's), compared as Excel's COUNTIFS compares text (case set aside, accents
 * and spaces kept); without a language, the words of either. "" and anything else give null: not a
 * verdict, so the item counts as not reviewed.
 */
export function reviewStatusOfCell(text: string, lang?: Lang): ReviewStatus | null {
  const up = text.toLocaleUpperCase();
  const words = (s: (typeof REVIEW_STATUSES)[number]): string[] => (lang === undefined ? [s.fr, s.en] : [s[lang]]);
  return REVIEW_STATUSES.find((s) => words(s).some((w) => w.toLocaleUpperCase() === up))?.status ?? null;
}

/**
 * A review status typed in a file (`evidence.csv`): the French or English words with case,
 * accents, spaces and punctuation set aside (« a completer », "TO-COMPLETE"); null for anything else.
 */
export function reviewStatusOfText(text: string): ReviewStatus | null {
  const key = matchKey(text);
  return REVIEW_STATUSES.find((s) => matchKey(s.fr) === key || matchKey(s.en) === key)?.status ?? null;
}
