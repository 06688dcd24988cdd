import type ExcelJS from "exceljs";
import { naDisplayToken } from "../model/scale.js";
import { matchKey } from "../model/text.match.js";
import type { Result } from "../model/template.types.js";
import type { AssessmentWorkbook, RespondentRecord } from "../workbook/workbook.types.js";
import { fillCells, type AnswerEntry, type FillResult } from "./xlsx.fill.js";
import { writeRespondentFields } from "./xlsx.respondents.record.js";
import { upgradeWorkbook } from "./xlsx.upgrade.js";

/**
 * The workbook re-rendered with `respondents` (names, in order): every respondent's answers, the
 * agreed ratings, evidence, actions, steps, settings, targets, user sheets and charts carried by
 * name; a grid whose single respondent is unnamed gives its answers to `respondents[0]`. Refused
 * when a respondent left out of the list has answers.
 */
export async function withRespondents(old: ExcelJS.Workbook, a: AssessmentWorkbook, respondents: readonly string[]): Promise<Result<ExcelJS.Workbook>> {
  const done = await upgradeWorkbook(old, a, a.template, { respondents });
  return done.ok ? { ok: true, value: done.value.workbook, warnings: done.warnings } : done;
}

/** The index of respondent `name` in the workbook's list (matched as people type names), or -1. */
export function respondentIndex(a: Pick<AssessmentWorkbook, "respondents">, name: string): number {
  return a.respondents.findIndex((r) => matchKey(r.name) === matchKey(name));
}

/**
 * Writes one respondent's column (by name) from `lines`: ratings, comments, words, as `fillAnswers`
 * does; `replace: true` blanks the criteria not in `lines` (a merged copy replaces the column).
 * Throws when the workbook has no such respondent: callers add them first (`withRespondents`).
 */
export function fillRespondent(
  wb: ExcelJS.Workbook,
  a: AssessmentWorkbook,
  respondent: string,
  lines: readonly AnswerEntry[],
  options?: { replace?: boolean },
): FillResult {
  const k = respondentIndex(a, respondent);
  if (k < 0) throw new Error(`no respondent ${respondent} in the workbook`);
  return fillCells(wb, a, lines, (row) => row.respondents[k], options?.replace === true);
}

/**
 * Writes agreed ratings (each line's rating: a level, N/A, or blank to clear) and their reasons
 * (each line's comment; null leaves the reason as it is). Rows without an agreed column are skipped.
 */
export function fillAgreed(wb: ExcelJS.Workbook, a: AssessmentWorkbook, lines: readonly AnswerEntry[]): FillResult {
  const ws = wb.getWorksheet(a.gridSheet);
  if (!ws) throw new Error(`sheet ${a.gridSheet} vanished between reading and filling`);
  const rows = new Map(a.grid.map((r) => [r.criterion.toLowerCase(), r]));
  let filled = 0;
  let cellsChanged = 0;
  const put = (address: string, value: string | number | null): void => {
    const cell = ws.getCell(address);
    const held = cell.value;
    if (value === null ? held === null || held === undefined || held === "" : held === value) return;
    cell.value = value;
    cellsChanged++;
  };
  for (const line of lines) {
    const row = rows.get(line.criterion.toLowerCase());
    if (!row?.agreedCell) continue;
    const r = line.rating;
    put(row.agreedCell.address, r.kind === "level" ? r.value : r.kind === "na" ? naDisplayToken(a.lang) : null);
    if (line.comment !== null && row.agreedReasonCell) put(row.agreedReasonCell.address, line.comment === "" ? null : line.comment);
    filled++;
  }
  return { filled, cellsChanged };
}

/** Sets a `QG_Respondents` row's fields (by name); throws when the workbook has no such respondent row. */
export function recordRespondent(
  wb: ExcelJS.Workbook,
  a: AssessmentWorkbook,
  name: string,
  fields: Partial<Pick<RespondentRecord, "copyId" | "mergedOn" | "mergedFrom">>,
): void {
  if (!writeRespondentFields(wb, name, fields)) throw new Error(`no QG_Respondents row for ${name} in the workbook of ${a.template.id}`);
}
