import type ExcelJS from "exceljs";
import type { Result } from "../model/template.types.js";
import { matchKey } from "../model/text.match.js";
import type { MergePlan } from "../workbook/merge.answers.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import { readQualigridWorkbook } from "./xlsx.read.js";
import { fillRespondent, recordRespondent, withRespondents } from "./xlsx.respondents.js";

/** What `mergeIntoWorkbook` made: the workbook to save, whether it is a new one (re-rendered), and whether anything changed. */
export interface MergedWorkbook {
  workbook: ExcelJS.Workbook;
  /** True when new respondents were added: the workbook was re-rendered, and is saved carrying the old one's drawings. */
  rerendered: boolean;
  changed: boolean;
}

/** The day of `d` at midnight UTC, as `QG_Respondents` records a merge. */
function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/**
 * Applies merges planned by `planMerges` to the master's workbook: the respondents added (once, for
 * all of them: `withRespondents`), then each respondent's whole column replaced by their copy's
 * answers, then their `QG_Respondents` row stamped with the copy id, the day and the file's base
 * name. A copy that changes no answer and carries the id already recorded leaves its row alone, so
 * that merging the same copy again changes nothing.
 */
export async function mergeIntoWorkbook(
  wb: ExcelJS.Workbook,
  master: AssessmentWorkbook,
  merges: { plans: readonly MergePlan[]; respondents: readonly string[] },
  files: readonly string[],
  file: string,
  today: Date = new Date(),
): Promise<Result<MergedWorkbook>> {
  const rerendered = merges.plans.some((p) => p.outcome.added);
  let target = wb;
  let layout = master;
  if (rerendered) {
    const made = await withRespondents(wb, master, merges.respondents);
    if (!made.ok) return made;
    target = made.value;
    const read = readQualigridWorkbook(target, file);
    if (!read.ok) return read;
    layout = read.value;
  }
  let changed = rerendered;
  merges.plans.forEach((plan, i) => {
    const { respondent, copyId } = plan.outcome;
    const lines = plan.answers.map((a) => ({ criterion: a.criterion, rating: a.rating, comment: a.comment, text: a.text }));
    const { cellsChanged } = fillRespondent(target, layout, respondent, lines, { replace: true });
    const held = layout.respondents.find((r) => matchKey(r.name) === matchKey(respondent));
    const sameCopy = held !== undefined && held.copyId.trim() === copyId && held.mergedOn !== null;
    if (cellsChanged === 0 && sameCopy) return;
    changed = true;
    const base = (files[i] ?? "").split(/[\\/]/).pop() ?? "";
    recordRespondent(target, layout, respondent, { ...(copyId !== "" ? { copyId } : {}), mergedOn: utcDay(today), mergedFrom: base });
  });
  return { ok: true, value: { workbook: target, rerendered, changed }, warnings: [] };
}
