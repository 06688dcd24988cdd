import path from "node:path";
import type { InputIssue, Lang } from "../../model/template.types.js";

/** An input shown by its position (the file named only with `--names`). */
const INPUT = { fr: (n: number) => `Entrée ${n}`, en: (n: number) => `Input ${n}` } as const;

/**
 * How each input is shown in the network workbook (« Entrées ») and on the console: a member by its
 * code, any other input by its position among all the inputs in name order (« Entrée 12 »); with
 * `names`, every input by its file. A file's name often is its organization's: it would undo the
 * codes. (`aggregate --json` keeps `skipped[].file`, for the coordinator.)
 */
export function inputLabels(files: readonly string[], codes: ReadonlyMap<string, string>, names: boolean, lang: Lang): Map<string, string> {
  const sorted = [...new Set(files)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(sorted.map((file, i) => [file, names ? file : (codes.get(file) ?? INPUT[lang](i + 1))]));
}

/** `text` with `file` (its path as given, then its base name) replaced by its label. */
export function withLabel(text: string, file: string, label: string): string {
  if (file === label || text === "") return text;
  const base = path.basename(file);
  return text.split(file).join(label).split(base).join(label);
}

/** An issue about `file` (its path, its message, its parameters' text) naming that input by `label` only. */
export function issueWithLabel(issue: InputIssue, file: string, label: string): InputIssue {
  if (file === label) return issue;
  const params = issue.params && Object.fromEntries(Object.entries(issue.params).map(([k, v]) => [k, typeof v === "string" ? withLabel(v, file, label) : v]));
  return { ...issue, path: withLabel(issue.path, file, label), message: withLabel(issue.message, file, label), ...(params ? { params } : {}) };
}
