import type { HostError, WorkbookHost } from "../../addin/host/host.types.js";
import { respondentNameIssue } from "../../addin/model/respondent.names.js";
import type { InputIssue } from "../../addin/model/template.types.js";
import { callHost } from "../host/host.context.js";

/** What asking to add a respondent came to: added, or the problems to show (none after a host error or once the screen closed). */
export type RespondentAdding = { added: true } | { added: false; issues: InputIssue[] };

/**
 * Adds the respondent `name` (trimmed) through the host once the name is checked against the
 * `taken` ones (`path` names the field in a refusal); a host error goes to `onError`, and nothing
 * happens after the answer once `live` is false.
 */
export async function addRespondentThrough(
  host: WorkbookHost,
  name: string,
  path: string,
  taken: readonly string[],
  live: { readonly current: boolean },
  onError: (error: HostError) => void,
): Promise<RespondentAdding> {
  const issue = respondentNameIssue(name, taken, path);
  if (issue) return { added: false, issues: [issue] };
  const r = await callHost(() => host.addRespondent(name.trim()));
  if (!live.current) return { added: false, issues: [] };
  if (!r.ok) {
    onError(r.error);
    return { added: false, issues: [] };
  }
  return r.value.ok ? { added: true } : { added: false, issues: r.value.issues };
}
