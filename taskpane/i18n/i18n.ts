import { createContext, useContext } from "react";
import type { Lang } from "../../addin/model/template.types.js";
import { fillText, PANE_MESSAGES, PANE_TEXTS } from "../../addin/model/messages/messages.pane.js";
import type { StringKey } from "../../addin/model/messages/pane.texts.fr.js";

export type { StringKey } from "../../addin/model/messages/pane.texts.fr.js";
export { fillText };

/** The task pane's texts by language: its section of the message catalogue (`pane.<key>`). */
export const CATALOGUES = PANE_TEXTS;

/** Values filled into a text's `{name}` placeholders. */
export type TextVars = Record<string, string | number>;

/** A key that has `.one` and `.other` plural forms, without its suffix. */
export type PluralKey = StringKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

/** The texts and number formats of one language. */
export interface Translator {
  lang: Lang;
  /** The text of `key` with its placeholders filled in. */
  t(key: StringKey, vars?: TextVars): string;
  /** The plural form of `key` for `n` (`{n}` is filled in too). */
  plural(key: PluralKey, n: number, vars?: TextVars): string;
  /** A number in the language's format, with at most `digits` decimals. */
  number(n: number, digits?: number): string;
  /** A 0–1 fraction as a percentage. */
  percent(fraction: number): string;
}

const LOCALES: Record<Lang, string> = { fr: "fr-CA", en: "en-CA" };

/** The translator for `lang`. */
export function translatorFor(lang: Lang): Translator {
  const locale = LOCALES[lang];
  const rules = new Intl.PluralRules(locale);
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const percentFormat = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const t = (key: StringKey, vars?: TextVars): string => PANE_MESSAGES[`pane.${key}`]?.[lang](vars ?? {}) ?? key;
  return {
    lang,
    t,
    plural: (key, n, vars) => t(`${key}.${rules.select(n) === "one" ? "one" : "other"}` as StringKey, { n, ...vars }),
    number: (n, digits = 1) => {
      let f = numberFormats.get(digits);
      if (!f) numberFormats.set(digits, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
      return f.format(n);
    },
    percent: (fraction) => percentFormat.format(fraction),
  };
}

/** The translator of the task pane; App provides it from the host's display language. */
export const I18nContext = createContext<Translator>(translatorFor("fr"));

/** The current translator. */
export function useI18n(): Translator {
  return useContext(I18nContext);
}
