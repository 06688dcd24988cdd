import type { Lang } from "../template.types.js";

/**
 * A number as `lang` writes it: a decimal comma in French (`53,3`), a point in English. With
 * `digits`, rounded to that many decimals. A text is written as it is.
 */
export function numberText(v: string | number | undefined, lang: Lang, digits?: number): string {
  const s = typeof v === "number" && digits !== undefined ? v.toFixed(digits) : String(v);
  return lang === "fr" && typeof v === "number" ? s.replace(".", ",") : s;
}
