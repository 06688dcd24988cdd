import { render, type RenderResult } from "@testing-library/react";
import { userEvent, type UserEvent } from "@testing-library/user-event";
import type { WorkbookHost } from "../../addin/host/host.types.js";
import type { Lang } from "../../addin/model/template.types.js";
import { App } from "../App.js";
import { translatorFor, type Translator } from "../i18n/i18n.js";

/** The task pane rendered on `host`, with a user-event session. */
export function renderPane(host: WorkbookHost): RenderResult & { user: UserEvent } {
  const user = userEvent.setup();
  return { user, ...render(<App host={host} />) };
}

/** The translators, to look texts up the way the pane does. */
export const I18N: Record<Lang, Translator> = { fr: translatorFor("fr"), en: translatorFor("en") };

/** Both languages, for `describe.each`. */
export const LANG_CASES: { lang: Lang; i18n: Translator }[] = [
  { lang: "fr", i18n: I18N.fr },
  { lang: "en", i18n: I18N.en },
];

/**
 * A text as Testing Library's default normalizer sees the page's text: French number formats hold
 * no-break spaces (`40 %`), which it turns into plain ones in the page but not in the text sought.
 */
export function spaced(text: string): string {
  return text.replace(/\s+/g, " ");
}
