import { registerMessages } from "./message.catalog.js";
import { enPlural, frPlural } from "./message.format.js";

/**
 * What every list of problems says of those it leaves out: a reader stops listing after a bound
 * (it still counts), and the command line prints the first ones only.
 */
export const ISSUES_MESSAGES = registerMessages({
  "issues.more": {
    fr: (p) => `… et ${p.count} ${frPlural(p.count, "autre problème", "autres problèmes")}`,
    en: (p) => `… and ${p.count} more ${enPlural(p.count, "problem", "problems")}`,
  },
});
