import type { Lang } from "../template.types.js";
import { registerMessages } from "./message.catalog.js";
import type { MessageParams, MessageTexts } from "./message.types.js";
import { en } from "./pane.texts.en.js";
import { fr, type StringKey } from "./pane.texts.fr.js";

/** The task pane's texts (`pane.texts.fr.ts` and its English twin), by key and language. */
export const PANE_TEXTS: Record<Lang, Record<StringKey, string>> = { fr, en };

/** Fills `{name}` placeholders; an unknown placeholder is left as it is, so it shows in tests. */
export function fillText(text: string, vars: MessageParams = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * The task pane's texts as a section of the catalogue (`pane.<key>`): what the pane says, like every
 * other message, has its code, its parameters and both languages, and the catalogue's walk covers it.
 */
export const PANE_MESSAGES = registerMessages(
  Object.fromEntries(
    (Object.keys(fr) as StringKey[]).map((key): [string, MessageTexts] => [`pane.${key}`, { fr: (p) => fillText(fr[key], p), en: (p) => fillText(en[key], p) }]),
  ),
);
