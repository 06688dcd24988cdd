import { issueOf } from "./messages/message.catalog.js";
import "./messages/messages.respondents.js";
import type { InputIssue, Result } from "./template.types.js";
import { matchKey } from "./text.match.js";

/** The longest respondent name: it ends up in column headers (« Cotation — NAME »). */
export const RESPONDENT_NAME_MAX = 40;
/** The most respondents a workbook holds (design.md "Respondents and consensus"). */
export const RESPONDENTS_MAX = 20;

// Characters a structured reference would need to escape, the separators of lists and files, and the
// em dash that joins a header's word to the name.
const FORBIDDEN = ["[", "]", "#", "'", '"', "@", "|", ";", "—"] as const;
const LEADING = ["=", "+", "-"] as const;

/**
 * Why `name` cannot name a respondent, or null when it can: blank, longer than
 * `RESPONDENT_NAME_MAX`, a control character, a character a column header cannot hold, a leading
 * sign Excel reads as a formula, or a name of `taken` once case, accents and spaces are set aside.
 */
export function respondentNameIssue(name: string, taken: readonly string[], path: string): InputIssue | null {
  const trimmed = name.trim();
  if (trimmed === "") return issueOf("respondents.empty", {}, path);
  const length = [...trimmed].length;
  if (length > RESPONDENT_NAME_MAX) return issueOf("respondents.tooLong", { name: trimmed, length, max: RESPONDENT_NAME_MAX }, path);
  if (/\p{Cc}/u.test(trimmed)) return issueOf("respondents.control", { name: trimmed.replace(/\p{Cc}/gu, " ") }, path);
  const bad = FORBIDDEN.find((c) => trimmed.includes(c));
  if (bad !== undefined) return issueOf("respondents.badChar", { name: trimmed, char: bad, chars: FORBIDDEN.join(" ") }, path);
  const sign = LEADING.find((c) => trimmed.startsWith(c));
  if (sign !== undefined) return issueOf("respondents.leadingSign", { name: trimmed, char: sign }, path);
  const key = matchKey(trimmed);
  const other = taken.find((t) => matchKey(t) === key);
  if (other !== undefined) return issueOf("respondents.duplicate", { name: trimmed, other }, path);
  return null;
}

/**
 * Reads a comma-separated list of respondents (`"Direction,CA,Équipe"`): each name trimmed and
 * checked against the ones before it, at most `RESPONDENTS_MAX`. Every problem is reported.
 */
export function parseRespondentList(text: string, path: string): Result<string[]> {
  const names = text.split(",").map((n) => n.trim());
  if (names.every((n) => n === "")) return { ok: false, issues: [issueOf("respondents.emptyList", {}, path)] };
  const issues: InputIssue[] = [];
  const out: string[] = [];
  names.forEach((n, i) => {
    const issue = respondentNameIssue(n, out, `${path}[${i + 1}]`);
    if (issue) issues.push(issue);
    else out.push(n);
  });
  if (names.length > RESPONDENTS_MAX) issues.push(issueOf("respondents.tooMany", { count: names.length, max: RESPONDENTS_MAX }, path));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out, warnings: [] };
}
