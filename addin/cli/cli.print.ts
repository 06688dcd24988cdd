import { numberText } from "../model/messages/message.format.js";
import { issueOf, issueText } from "../model/messages/message.catalog.js";
import { CLI_MESSAGES, type CliMessageCode } from "../model/messages/messages.cli.js";
import type { MessageParams } from "../model/messages/message.types.js";
import type { InputIssue, Lang } from "../model/template.types.js";
import { langOf } from "./cli.lang.js";
import type { CliIo } from "./cli.io.js";

/** A command-line message in `lang`. */
export function cliText(code: CliMessageCode, lang: Lang, params: MessageParams = {}): string {
  return CLI_MESSAGES[code][lang](params);
}

/** Prints a command-line message on standard output, in the language `io` speaks. */
export function say(io: CliIo, code: CliMessageCode, params: MessageParams = {}): void {
  io.out(cliText(code, langOf(io), params));
}

/** An input problem the command line finds itself, worded by the catalogue. */
export function cliIssue(code: CliMessageCode, path: string, params: MessageParams = {}): InputIssue {
  return issueOf(code, params, path);
}

/** Prints issues one per line, `error: path: message`, in the language `io` speaks. */
export function printIssues(io: CliIo, issues: readonly InputIssue[]): void {
  const lang = langOf(io);
  for (const i of issues) {
    io.err(cliText(i.severity === "warning" ? "cli.issue.warning" : "cli.issue.error", lang, { path: i.path, message: issueText(i, lang) }));
  }
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
