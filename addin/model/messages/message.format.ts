import type { Lang } from "../template.types.js";

/**
 * A number as `lang` writes it: a decimal comma in French (`53,3`), a point in English. With
 * `digits`, rounded to that many decimals. A text is written as it is.
 */
export function numberText(v: string | number | undefined, lang: Lang, digits?: number): string {
  const s = typeof v === "number" && digits !== undefined ? v.toFixed(digits) : String(v);
  return lang === "fr" && typeof v === "number" ? s.replace(".", ",") : s;
}

/** The French form for `n`: singular for 0 and 1, as French counts (« 0 critère », « 2 critères »). */
export function frPlural(n: string | number | undefined, one: string, many: string): string {
  return Number(n) >= 2 ? many : one;
}

/** The English form for `n`: singular for exactly 1. */
export function enPlural(n: string | number | undefined, one: string, many: string): string {
  return Number(n) === 1 ? one : many;
}
