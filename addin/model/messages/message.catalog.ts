import type { InputIssue, Lang } from "../template.types.js";
import type { MessageParams, MessageSection } from "./message.types.js";

const sections: MessageSection[] = [];

/**
 * Adds a section to the catalogue (each `messages.<area>.ts` registers itself when imported) and
 * returns it. Two sections may not share a code.
 */
export function registerMessages<S extends MessageSection>(section: S): S {
  for (const code of Object.keys(section)) {
    if (sections.some((s) => code in s)) throw new Error(`message code ${code} is defined twice`);
  }
  sections.push(section);
  return section;
}

/** Every code registered so far, for the test that walks the catalogue. */
export function messageCodes(): string[] {
  return sections.flatMap((s) => Object.keys(s));
}

/** The text of message `code` in `lang`, or undefined for a code no section defines. */
export function messageText(code: string, params: MessageParams, lang: Lang): string | undefined {
  for (const s of sections) {
    const texts = s[code];
    if (texts) return texts[lang](params);
  }
  return undefined;
}

/**
 * An issue worded by the catalogue: `message` holds the English text (for logs and scripts), and
 * `code` and `params` let every interface word it in its own language (`issueText`).
 */
export function issueOf(code: string, params: MessageParams, path: string, severity: InputIssue["severity"] = "error"): InputIssue {
  const message = messageText(code, params, "en");
  if (message === undefined) throw new Error(`no message ${code} in the catalogue`);
  return { path, message, severity, code, params: { ...params } };
}

/**
 * An issue's text in `lang`: from the catalogue when its code is there, else the text it carries
 * (messages not yet in the catalogue are English).
 */
export function issueText(issue: InputIssue, lang: Lang): string {
  return (issue.code === undefined ? undefined : messageText(issue.code, issue.params ?? {}, lang)) ?? issue.message;
}
