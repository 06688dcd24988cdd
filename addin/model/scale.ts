import { textOf, textVariants } from "./text.js";
import { matchKey } from "./text.match.js";
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
 * own formulas normalize a cell the same way and look it up in this list (`QG_NATokens`), so both
 * agree. Spellings a formula cannot reach by removing spaces and dots are listed as such: « S/O »
 * (how Québec writes « sans objet ») beside « SO », and « non concerné » with and without its accent.
 */
export const NA_TOKENS: readonly string[] = [
  "NA",
  "N/A",
  "SO",
  "S/O",
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

/**
 * Whether `text` is one of the accepted N/A tokens, as the workbook's formulas see it (a cell typed
 * in the grid): case, spaces and dots set aside.
 */
export function isNaToken(text: string): boolean {
  return NA_TOKENS.includes(normalizeNaToken(text));
}

const NA_KEYS = new Set(NA_TOKENS.map(matchKey));

/**
 * Whether `text`, typed in a file (a CSV answer), is an N/A token once case, accents, spaces and
 * every punctuation are set aside (`s/o`, « S. O. », `n-a`, `non concerne`). Looser than
 * `isNaToken`, which must stay what a formula can compute.
 */
export function isTypedNaToken(text: string): boolean {
  return NA_KEYS.has(matchKey(text));
}

/** The N/A token written into a workbook in `lang`, also the last choice of the rating dropdown. */
export function naDisplayToken(lang: Lang): string {
  return lang === "fr" ? "S. O." : "N/A";
}

/** The label shown beside an N/A rating. */
export function naLabel(lang: Lang): string {
  return lang === "fr" ? "Sans objet" : "Not applicable";
}

/**
 * Why an input is not a rating: a word that is no level nor N/A token, a number that is no level
 * value, N/A where the template allows none, a word that two levels answer to.
 */
export type RatingProblem = "notALevel" | "outsideScale" | "naNotAllowed" | "ambiguous";

/** A rating once understood: not given, not applicable, a level of the scale, or unusable input. */
export type Rating =
  | { kind: "blank" }
  | { kind: "na" }
  | { kind: "level"; value: number }
  | {
      kind: "invalid";
      raw: string;
      /** In English, for logs; interfaces word `problem` from the message catalogue. */
      reason: string;
      problem?: RatingProblem;
      /** For an ambiguous word: the values of the levels it could mean. */
      levels?: number[];
    };

/**
 * Reads a rating typed by a person (a CSV field): a level value, a level label in French or
 * English, an N/A token, or blank. Labels and tokens are matched ignoring case, accents, spaces
 * and punctuation (`amorce` is « Amorcé », `s/o` is « sans objet »); a word that two levels
 * answer to is refused as ambiguous, never guessed.
 */
export function parseRatingText(raw: string, scale: Scale): Rating {
  const text = raw.trim();
  if (text === "") return { kind: "blank" };
  const asNumber = Number(text.replace(",", "."));
  if (/^[+-]?\d+([.,]\d+)?$/.test(text) && Number.isFinite(asNumber)) return levelRating(asNumber, raw, scale);
  // A label typed exactly (but for case) is taken first, so two labels that differ only by an accent stay reachable.
  const exact = levelsNamed(scale, (v) => v.normalize("NFC").trim().toLocaleLowerCase("fr") === text.normalize("NFC").toLocaleLowerCase("fr"));
  const key = matchKey(text);
  const found = exact.length > 0 ? exact : levelsNamed(scale, (v) => matchKey(v) === key);
  const [only] = found;
  if (only && found.length === 1) return { kind: "level", value: only.value };
  if (found.length > 1) {
    const levels = found.map((l) => l.value);
    return { kind: "invalid", raw, problem: "ambiguous", levels, reason: `matches several levels (${found.map((l) => `${l.value} = ${textOf(l.label, "en")}`).join(", ")}): give the level's value` };
  }
  if (isTypedNaToken(text)) {
    return scale.notApplicable
      ? { kind: "na" }
      : { kind: "invalid", raw, problem: "naNotAllowed", reason: "this template does not allow « sans objet » / N/A" };
  }
  return { kind: "invalid", raw, problem: "notALevel", reason: `not a level of the scale (${describeScale(scale, "en")}) nor an N/A token` };
}

/** The levels one of whose labels (in either language) passes `test`. */
function levelsNamed(scale: Scale, test: (label: string) => boolean): Scale["levels"] {
  return scale.levels.filter((l) => textVariants(l.label).some(test));
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
  return { kind: "invalid", raw, problem: "outsideScale", reason: `outside the scale (${describeScale(scale, "en")})` };
}

/** `1 = Non atteint, 2 = …` — the scale in one line, for messages. */
export function describeScale(scale: Scale, lang: Lang): string {
  return scale.levels.map((l) => `${l.value} = ${textOf(l.label, lang)}`).join(", ");
}
