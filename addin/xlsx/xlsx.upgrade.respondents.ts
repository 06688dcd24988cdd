import type ExcelJS from "exceljs";
import { issueOf } from "../model/messages/message.catalog.js";
import "../model/messages/messages.cli.respondents.js";
import { matchKey } from "../model/text.match.js";
import type { InputIssue, Lang, Result } from "../model/template.types.js";
import { HEADERS, respondentColumnHeaders } from "../plan/labels.js";
import type { TablePlan } from "../plan/plan.types.js";
import type { AssessmentWorkbook, RespondentCellsRead, RespondentRecord } from "../workbook/workbook.types.js";
import { writeRespondentFields } from "./xlsx.respondents.record.js";

/** The names of the workbook's respondents; none when its single respondent is unnamed (today's grid). */
export function namedRespondents(a: Pick<AssessmentWorkbook, "respondents">): string[] | undefined {
  const records = recordsOf(a);
  return records.some((r) => r.name !== "") ? records.map((r) => r.name) : undefined;
}

/** The workbook's respondents; one unnamed for a layout built without them (an older caller's). */
function recordsOf(a: Pick<AssessmentWorkbook, "respondents">): readonly RespondentRecord[] {
  // Layouts built by hand before respondents existed have none.
  const records = a.respondents as RespondentRecord[] | undefined;
  return records && records.length > 0 ? records : [{ name: "", copyId: "", mergedOn: null, mergedFrom: "" }];
}

/**
 * The respondents of the upgraded workbook: `requested` when given, else the workbook's own.
 * Refused when a respondent left out has answers (a rating, comment or words), naming them; a
 * single unnamed respondent is never left out (their answers go to the first name).
 */
export function upgradeRespondents(a: AssessmentWorkbook, requested: readonly string[] | undefined): Result<string[] | undefined> {
  if (requested === undefined) return { ok: true, value: namedRespondents(a), warnings: [] };
  const names = requested.length > 0 ? requested : undefined;
  const kept = new Set(Array.from({ length: Math.max(1, requested.length) }, (_, j) => oldIndexOf(a, names, j)));
  const issues: InputIssue[] = [];
  recordsOf(a).forEach((r, i) => {
    if (kept.has(i)) return;
    const count = a.grid.filter((row) => hasAnswer(i === 0 ? row : row.respondents[i])).length;
    if (count > 0) issues.push(issueOf("upgrade.respondentRemoved", { name: r.name, count }, a.gridSheet));
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: names ? [...names] : undefined, warnings: [] };
}

/**
 * The old respondent whose answers go to new respondent `j` of `names`: the one of the same name,
 * else (a single old respondent going to an unnamed or first respondent) the only one; -1 for none.
 */
function oldIndexOf(a: Pick<AssessmentWorkbook, "respondents">, names: readonly string[] | undefined, j: number): number {
  const name = names?.[j] ?? "";
  const records = recordsOf(a);
  const same = name === "" ? -1 : records.findIndex((r) => r.name !== "" && matchKey(r.name) === matchKey(name));
  if (same >= 0) return same;
  const only = records.length === 1 ? records[0] : undefined;
  if (only && j === 0 && (only.name === "" || name === "")) return 0;
  return -1;
}

/**
 * For each respondent input column of the new grid (`rating`, `rating.2`…), the old headers its
 * answers are under: the old respondent of the same name's (either language), or nothing for a
 * respondent new to the workbook (so that no other column is taken for theirs).
 */
export function respondentOldHeaders(a: AssessmentWorkbook, names: readonly string[] | undefined, gridPlan: TablePlan): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const records = recordsOf(a);
  const several = records.length >= 2;
  for (const col of gridPlan.columns) {
    const m = /^(rating|comment|answer)(?:\.(\d+))?$/.exec(col.key);
    const kind = m?.[1] as "rating" | "comment" | "answer" | undefined;
    if (!m || !kind) continue;
    const i = oldIndexOf(a, names, m[2] === undefined ? 0 : Number(m[2]) - 1);
    const old = records[i];
    if (!old) {
      out.set(col.key, []);
      continue;
    }
    out.set(col.key, (["fr", "en"] as Lang[]).map((l) => (several ? respondentColumnHeaders(old.name, l)[kind] : HEADERS.grid[kind][l])));
  }
  return out;
}

/** Writes the old `QG_Respondents` records (copy ids, merge dates and files) onto the new workbook's rows of the same names. */
export function carryRespondentRecords(wb: ExcelJS.Workbook, a: Pick<AssessmentWorkbook, "respondents">, names: readonly string[] | undefined): void {
  for (const name of names ?? []) {
    const old = recordsOf(a).find((r) => r.name !== "" && matchKey(r.name) === matchKey(name));
    if (!old || (old.copyId === "" && old.mergedOn === null && old.mergedFrom === "")) continue;
    writeRespondentFields(wb, name, { copyId: old.copyId, mergedOn: old.mergedOn, mergedFrom: old.mergedFrom });
  }
}

function hasAnswer(c: Pick<RespondentCellsRead, "rating" | "comment" | "answer"> | undefined): boolean {
  const blank = (v: unknown): boolean => v === null || v === undefined || v === "";
  return c !== undefined && !(blank(c.rating) && blank(c.comment) && blank(c.answer));
}
