import { numberText } from "../model/messages/message.format.js";
import { ISSUES_MESSAGES } from "../model/messages/messages.issues.js";
import { issueOf, issueText } from "../model/messages/message.catalog.js";
import { CLI_MESSAGES, type CliMessageCode } from "../model/messages/messages.cli.js";
import type { MessageParams } from "../model/messages/message.types.js";
import type { InputIssue, Lang } from "../model/template.types.js";
import { langOf } from "./cli.lang.js";
import type { CliIo } from "./cli.io.js";

/** How many problems are printed one per line; the rest are counted on one line after them. */
export const PRINTED_ISSUES = 50;

/** The issue a reader adds when it stops listing problems: its `count` says how many it left out. */
const UNLISTED = "issues.more";

// C0, DEL and C1 controls (ESC starts the sequences that recolour, move or retitle a terminal) and the
// bidirectional overrides that make a line read otherwise than it is.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * `text` with its control characters written out visibly (ESC as the four characters `\x1b`, a tab
 * as `\x09`), so that a value read from a user's file or command line cannot drive the terminal
 * nor split one message into several lines.
 */
export function printable(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const n = c.codePointAt(0) ?? 0;
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u{${n.toString(16)}}`;
  });
}

/** A command-line message in `lang`, its parameters made `printable` (the catalogue's own texts hold no controls). */
export function cliText(code: CliMessageCode, lang: Lang, params: MessageParams = {}): string {
  const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? printable(v) : v]));
  return CLI_MESSAGES[code][lang](shown);
}

/** Prints a command-line message on standard output, in the language `io` speaks. */
export function say(io: CliIo, code: CliMessageCode, params: MessageParams = {}): void {
  io.out(cliText(code, langOf(io), params));
}

/** An input problem the command line finds itself, worded by the catalogue. */
export function cliIssue(code: CliMessageCode, path: string, params: MessageParams = {}): InputIssue {
  return issueOf(code, params, path);
}

/** Problems, errors or warnings, as a reader or `check` reports them. */
interface Problem {
  severity: "error" | "warning";
  code?: string;
  params?: Readonly<Record<string, string | number>>;
}

/**
 * The first `PRINTED_ISSUES` of `issues`, errors before warnings (each kept in its order), and how
 * many more there are, counting those a reader left out of its list (its `issues.more` issue).
 */
export function firstIssues<P extends Problem>(issues: readonly P[]): { shown: P[]; more: number } {
  const shown: P[] = [];
  let more = 0;
  for (const severity of ["error", "warning"] as const) {
    for (const i of issues) {
      if (i.severity !== severity) continue;
      if (i.code === UNLISTED) more += Number(i.params?.count) || 0;
      else if (shown.length < PRINTED_ISSUES) shown.push(i);
      else more++;
    }
  }
  return { shown, more };
}

/**
 * Prints issues one per line, `error: path: message`, in the language `io` speaks: the first
 * `PRINTED_ISSUES` (errors first), then one line counting the others.
 */
export function printIssues(io: CliIo, issues: readonly InputIssue[]): void {
  const lang = langOf(io);
  const { shown, more } = firstIssues(issues);
  for (const i of shown) {
    io.err(cliText(i.severity === "warning" ? "cli.issue.warning" : "cli.issue.error", lang, { path: i.path, message: issueText(i, lang) }));
  }
  if (more > 0) io.err(moreText(lang, more));
}

/** Prints warnings (unknown keys…) without stopping. */
export function printWarnings(io: CliIo, warnings: readonly InputIssue[]): void {
  printIssues(
    io,
    warnings.map((w) => ({ ...w, severity: "warning" })),
  );
}

/** A number as `lang` writes it: a decimal comma in French (`53,3`). */
export function num(n: number, lang: Lang, digits?: number): string {
  return numberText(n, lang, digits);
}

/** A number for a table: one decimal (a comma in French), or a dash when there is none. */
export function fmt(n: number | null, lang: Lang, digits = 1): string {
  return n === null ? "—" : num(n, lang, digits);
}

/** A share 0–1 as a percentage (`80 %` with a non-breaking space in French), or a dash. */
export function pct(n: number | null, lang: Lang): string {
  return n === null ? "—" : `${Math.round(n * 100)}${lang === "fr" ? "\u00a0%" : "%"}`;
}

/** « … et 950 autres problèmes »: the line that ends a list cut short. */
export function moreText(lang: Lang, count: number): string {
  return ISSUES_MESSAGES[UNLISTED][lang]({ count });
}
