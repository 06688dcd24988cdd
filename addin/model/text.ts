import { LANGS, type Lang, type LocalizedText } from "./template.types.js";

/**
 * The text of `t` in `lang`, falling back to the other language when it is missing,
 * and to "" when `t` is absent.
 */
export function textOf(t: LocalizedText | undefined, lang: Lang): string {
  if (t === undefined) return "";
  if (typeof t === "string") return t;
  const own = t[lang];
  if (own !== undefined && own !== "") return own;
  for (const other of LANGS) {
    const v = t[other];
    if (v !== undefined && v !== "") return v;
  }
  return "";
}

/** Every distinct wording of `t` across languages (for matching user input in either language). */
export function textVariants(t: LocalizedText | undefined): string[] {
  if (t === undefined) return [];
  if (typeof t === "string") return [t];
  return [...new Set(LANGS.map((l) => t[l]).filter((v): v is string => v !== undefined && v !== ""))];
}

/** Whether `value` is a language code Qualigrid writes workbooks in. */
export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}
