import type { HelpConfiguration, Option } from "commander";
import { HELP_MESSAGES, type HelpMessageCode } from "../model/messages/messages.help.js";
import type { MessageParams } from "../model/messages/message.types.js";
import type { Lang } from "../model/template.types.js";
import type { CliMessageCode } from "../model/messages/messages.cli.js";
import { cliText } from "./cli.print.js";

/** A help text in `lang`. */
export function helpText(code: HelpMessageCode, lang: Lang, params: MessageParams = {}): string {
  return HELP_MESSAGES[code][lang](params);
}

const TITLES: Record<string, HelpMessageCode> = {
  "Usage:": "cli.help.usage",
  "Options:": "cli.help.options",
  "Commands:": "cli.help.commands",
  "Arguments:": "cli.help.arguments",
  "Global Options:": "cli.help.globalOptions",
};

/**
 * Commander's help worded in `lang`: its headings (`Usage:`, `Options:`…) and the choices and
 * defaults it adds after an option's description. The descriptions themselves are given in `lang`.
 */
export function helpConfiguration(lang: Lang): HelpConfiguration {
  return {
    styleTitle: (title: string): string => {
      const code = TITLES[title];
      return code ? helpText(code, lang) : title;
    },
    optionDescription: (option: Option): string => {
      const extra: string[] = [];
      if (option.argChoices) extra.push(helpText("cli.help.choices", lang, { list: option.argChoices.join(", ") }));
      if (option.defaultValue !== undefined && (option.required || option.optional)) {
        extra.push(helpText("cli.help.default", lang, { value: option.defaultValueDescription ?? JSON.stringify(option.defaultValue) }));
      }
      return extra.length > 0 ? `${option.description} (${extra.join(", ")})`.trimStart() : option.description;
    },
  };
}

/** Commander's usage errors, recognized by their English text, and the message each becomes. */
const USAGE_ERRORS: [RegExp, CliMessageCode, string[]][] = [
  [/^error: unknown option '(.*)'/, "cli.usage.unknownOption", ["option"]],
  [/^error: unknown command '(.*)'/, "cli.usage.unknownCommand", ["command"]],
  [/^error: missing required argument '(.*)'/, "cli.usage.missingArgument", ["argument"]],
  [/^error: option '(.*)' argument missing/, "cli.usage.optionArgumentMissing", ["option"]],
  [/^error: required option '(.*)' not specified/, "cli.usage.requiredOption", ["option"]],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\./, "cli.usage.invalidChoice", ["option", "value", "choices"]],
  [/^error: too many arguments.*\. Expected (\d+) arguments? but got (\d+)\./, "cli.usage.excessArguments", ["expected", "received"]],
];

/**
 * A usage error commander wrote (`error: unknown option '--jsno'` and its `(Did you mean --json?)`),
 * worded in `lang` with the command line's error prefix; a message not recognized is left as it is.
 */
export function usageErrorText(text: string, lang: Lang): string {
  const [first = "", ...rest] = text.replace(/\n$/, "").split("\n");
  let line = first;
  for (const [pattern, code, names] of USAGE_ERRORS) {
    const m = pattern.exec(first);
    if (!m) continue;
    const params = Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? ""]));
    line = cliText("cli.usage.error", lang, { message: cliText(code, lang, params) });
    break;
  }
  const more = rest.map((l) => {
    const m = /^\(Did you mean (.*)\?\)$/.exec(l);
    return m ? cliText("cli.usage.didYouMean", lang, { suggestion: m[1] ?? "" }) : l;
  });
  return [line, ...more].join("\n");
}
