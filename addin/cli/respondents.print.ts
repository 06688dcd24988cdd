import { issueOf } from "../model/messages/message.catalog.js";
import type { MessageParams } from "../model/messages/message.types.js";
import { RESPONDENT_CLI_MESSAGES, type RespondentCliMessageCode } from "../model/messages/messages.cli.respondents.js";
import type { InputIssue } from "../model/template.types.js";
import type { CliIo } from "./cli.io.js";
import { langOf } from "./cli.lang.js";
import { printable } from "./cli.print.js";

/** Prints one of the respondents' command-line lines on standard output, in the language `io` speaks. */
export function sayRespondents(io: CliIo, code: RespondentCliMessageCode, params: MessageParams = {}): void {
  const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? printable(v) : v]));
  io.out(RESPONDENT_CLI_MESSAGES[code][langOf(io)](shown));
}

/** An input problem about respondents the command line finds itself. */
export function respondentsIssue(code: RespondentCliMessageCode, path: string, params: MessageParams = {}): InputIssue {
  return issueOf(code, params, path);
}
