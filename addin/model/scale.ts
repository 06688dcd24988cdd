import { textOf, textVariants } from "./text.js";
import type { Lang, Scale } from "./template.types.js";

/** Smallest and largest level values of a scale. */
export function scaleRange(values: readonly number[]): { min: number; max: number } {
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** Smallest and largest level values of a template's scale. */
export function scaleBounds(scale: Scale): { min: number; max: number } {
  return scaleRange(scale.levels.map((l) => l.value));
}

/**
 * The N/A tokens of design.md, normalized (upper case, spaces and dots removed). The workbook's
 * own formulas normalize a cell the same way and look it up in this list, so both agree.
 * Accented and unaccented spellings of « non concerné » are both listed because a formula cannot
 * strip accents.
 */
export const NA_TOKENS: readonly string[] = [
  "NA",
  "N/A",
  "SO",
  "NC",
  "NONAPPLICABLE",
  "SANSOBJET",
  "NOTAPPLICABLE",
  "NONCONCERNÉ",
  "NONCONCERNE",
];

/** Normalizes text the way the workbook's N/A formula does: upper case, without spaces and dots. */
function normalizeNaToken(text: string): string {
  return text.toUpperCase().replace(/[ .]/g, "");
}

/** Whether `text` is one of the accepted N/A tokens. */
export function isNaToken(text: string): boolean {
  return NA_TOKENS.includes(normalizeNaToken(text));
}

/** The N/A token written into a workbook in `lang`, also the last choice of the rating dropdown. */
export function naDisplayToken(lang: Lang): string {
  return lang === "fr" ? "S. O." : "N/A";
}

/** The label shown beside an N/A rating. */
export function naLabel(lang: Lang): string {
  return lang === "fr" ? "Sans objet" : "Not applicable";
}

/** A rating once understood: not given, not applicable, a level of the scale, or unusable input. */
export type Rating =
  | { kind: "blank" }
  | { kind: "na" }
  | { kind: "level"; value: number }
  | { kind: "invalid"; raw: string; reason: string };

/**
 * Reads a rating typed by a person (a CSV field): a level value, a level label in French or
 * English (case-insensitive), an N/A token, or blank.
 */
export function parseRatingText(raw: string, scale: Scale): Rating {
  const text = raw.trim();
  if (text === "") return { kind: "blank" };
  const asNumber = Number(text.replace(",", "."));
  if (/^[+-]?\d+([.,]\d+)?$/.test(text) && Number.isFinite(asNumber)) return levelRating(asNumber, raw, scale);
  const lower = text.toLocaleLowerCase();
  const level = scale.levels.find((l) => textVariants(l.label).some((v) => v.trim().toLocaleLowerCase() === lower));
  if (level) return { kind: "level", value: level.value };
  if (isNaToken(text)) {
    return scale.notApplicable
      ? { kind: "na" }
      : { kind: "invalid", raw, reason: "this template does not allow « sans objet » / N/A" };
  }
  return { kind: "invalid", raw, reason: `not a level of the scale (${describeScale(scale, "en")}) nor an N/A token` };
}

/**
 * Reads a rating from a workbook cell exactly as the grid's formulas do: a number must be a level
 * value; a text counts only as an N/A token; anything else is not a rating.
 */
export function parseRatingCell(value: unknown, scale: Scale): Rating {
  if (value === null || value === undefined || value === "") return { kind: "blank" };
  if (typeof value === "number") return levelRating(value, String(value), scale);
  if (typeof value === "string") {
    if (scale.notApplicable && isNaToken(value)) return { kind: "na" };
    return { kind: "invalid", raw: value, reason: `a text that is not an N/A token (expected ${describeScale(scale, "en")})` };
  }
  return { kind: "invalid", raw: String(value), reason: "not a rating" };
}

function levelRating(value: number, raw: string, scale: Scale): Rating {
  if (scale.levels.some((l) => l.value === value)) return { kind: "level", value };
  return { kind: "invalid", raw, reason: `outside the scale (${describeScale(scale, "en")})` };
}

/** `1 = Non atteint, 2 = …` — the scale in one line, for messages. */
export function describeScale(scale: Scale, lang: Lang): string {
  return scale.levels.map((l) => `${l.value} = ${textOf(l.label, lang)}`).join(", ");
}
