import { cellAddress, parseRangeAddress, rangeAddress } from "../model/cell.address.js";
import { serialOfDay } from "../model/date.serial.js";
import { firstRespondentName } from "../model/messages/messages.cli.respondents.js";
import { naDisplayToken, type Rating } from "../model/scale.js";
import { locateColumns } from "../model/table.plain.js";
import { matchKey } from "../model/text.match.js";
import { HEADERS } from "../plan/labels.js";
import { textEntry } from "../plan/text.entry.js";
import type { CellEntry } from "./excel.values.js";
import { respondentColumnsOf, type GridLayout } from "./excel.grid.js";
import { PROTECTION } from "./excel.page.js";
import { respondentNameIssue } from "../model/respondent.names.js";
import type { Lang, Result } from "../model/template.types.js";
import { buildPlan } from "../plan/plan.build.js";
import { gridHasReviewLayout } from "../workbook/formula.check.js";
import { gridHasReportLayout } from "../plan/grid.report.js";
import { TABLES } from "../plan/names.js";
import type { PlanOptions } from "../plan/plan.types.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import type { ExcelFeatures } from "./excel.features.js";
import { readAssessmentFromExcel } from "./excel.read.js";
import { reshapeToPlan, type ReshapeReport } from "./excel.reshape.js";

/** What adding a respondent did: who answers now, and the reshape's report (its round trips included). */
export interface RespondentAdded {
  respondents: string[];
  report: ReshapeReport;
  /** Round trips in all: the read of the workbook and the reshape. */
  syncs: number;
}

/** The respondents' names a workbook was made with: none for one unnamed respondent. */
export function namedRespondents(a: Pick<AssessmentWorkbook, "respondents">): string[] {
  const names = a.respondents.map((r) => r.name);
  return names.length === 1 && names[0] === "" ? [] : names;
}

/**
 * The plan options of a workbook as it was made (language, parts, settings, targets, closed rounds,
 * surveys), so that two plans differing only by their respondents differ only where respondents show.
 */
export function planOptionsOf(a: AssessmentWorkbook, parts: PlanOptions["parts"]): Partial<PlanOptions> {
  const options: Partial<PlanOptions> = { lang: a.lang, parts };
  if (a.settings) options.settings = a.settings;
  // Closed rounds shape the grid (previous-round columns) and the dashboard: a workbook's own plan has them.
  if (a.history && a.history.length > 0) options.history = a.history;
  // Imported surveys add their sheet and the report's surveys section: likewise.
  if (a.surveys && a.surveys.length > 0) options.surveys = a.surveys;
  // The dashboard's targets the user changed, as `upgradeWorkbook` keeps them (values the plans write, the same in both).
  const targets: Record<string, number> = {};
  for (const d of a.template.dimensions) {
    const set = a.targets[d.id];
    if (set !== undefined && set !== (d.target ?? a.template.target)) targets[d.id] = set;
  }
  if (Object.keys(targets).length > 0) options.targets = targets;
  if (a.overallTarget !== null && a.overallTarget !== a.template.target) options.overallTarget = a.overallTarget;
  return options;
}

/**
 * The key a column of the multi-respondent grid had in a one-respondent grid: its « Cotation »,
 * « Commentaire » and « Réponse » are the first respondent's.
 */
export function formerKeyFromSingle(key: string): string | undefined {
  const m = /^(rating|comment|answer)\.1$/.exec(key);
  return m ? m[1] : undefined;
}

/**
 * Adds the respondent `name` at the end of the open workbook's respondents (Office.js): the grid
 * gains their columns, by insertion only (`reshapeToPlan`): no cell of another respondent's
 * columns is written, so people answering at the same time in a shared workbook lose nothing.
 * A one-respondent grid becomes the multi-respondent layout, its answers the first respondent's
 * (« Répondant 1 » when unnamed). A name refused by `respondentNameIssue` writes nothing.
 */
export async function addRespondentLive(
  context: Excel.RequestContext,
  name: string,
  features: ExcelFeatures,
  how: { claimEmpty?: boolean } = {},
): Promise<Result<RespondentAdded>> {
  const { result, read } = await readAssessmentFromExcel(context);
  if (!result.ok) return result;
  const a = result.value;
  const has = (n: string): boolean => read.tables.has(n.toLowerCase());
  const named = namedRespondents(a);
  const current = named.length === 0 ? [firstRespondentName(a.lang)] : named;
  const issue = respondentNameIssue(name, named.length === 0 && how.claimEmpty ? [] : current, TABLES.respondents);
  if (issue) return { ok: false, issues: [issue] };
  // A merge into a grid nobody answered yet names its only respondent instead (as `qualigrid merge`).
  const empty = named.length === 0 && a.grid.every((r) => r.rating === null && r.comment.trim() === "" && (r.answer ?? null) === null);
  const respondents = how.claimEmpty && empty ? [name.trim()] : [...current, name.trim()];
  const options = planOptionsOf(a, { evidence: has(TABLES.evidence), actions: has(TABLES.actions), dashboard: has(TABLES.scores) });
  // A workbook made before the evaluator's review columns keeps its own layout: both plans are of that layout.
  const grid = read.tables.get(TABLES.grid.toLowerCase());
  if (grid && !gridHasReviewLayout(grid.headers)) options.review = false;
  // Likewise a workbook made before the « Rapport » sheet: no report, no grid helpers for it.
  if (grid && !gridHasReportLayout(grid.headers)) options.report = false;
  const from = buildPlan(a.template, { ...options, respondents: named });
  const to = buildPlan(a.template, { ...options, respondents });
  const report = await reshapeToPlan(context, from, to, {
    features,
    ...(named.length <= 1 ? { formerKey: formerKeyFromSingle } : {}),
    rowKeys: { [TABLES.grid]: "criterion" },
  });
  return { ok: true, value: { respondents, report, syncs: read.syncs + report.syncs }, warnings: [] };
}

/** One criterion's answer to write into a respondent's column (a merged copy's). */
export interface ColumnAnswer {
  criterion: string;
  rating: Rating;
  comment: string;
  /** A text question's words; null or "" when none. */
  text: string | null;
}

/**
 * The cells of one respondent's rating, comment and words for a criterion, as `setAnswer` writes
 * them: a level as a number, N/A as the workbook's token, a text question's words in « Réponse »
 * (or in the rating cell of a grid without one), every text written so that Excel keeps it as text.
 */
export function answerEntries(a: Pick<ColumnAnswer, "rating" | "text">, lang: Lang, hasAnswerColumn: boolean): { rating: CellEntry; words: CellEntry } {
  const r = a.rating;
  const words = a.text === null || r.kind === "na" ? "" : textEntry(a.text);
  const rating = r.kind === "level" ? r.value : r.kind === "na" ? textEntry(naDisplayToken(lang)) : a.text !== null && a.text !== "" && !hasAnswerColumn ? words : "";
  return { rating, words };
}

/**
 * Writes a respondent's whole column (rating, comment, words) from `answers`, matched by criterion
 * id: rows whose criterion `answers` lacks are left as they are; only that respondent's cells are
 * written, one 2-D array per column. Returns false when the grid has no such respondent.
 */
export async function writeRespondentColumn(context: Excel.RequestContext, layout: GridLayout, respondent: string, answers: readonly ColumnAnswer[]): Promise<boolean> {
  const cols = respondentColumnsOf(layout, respondent);
  if (!cols) return false;
  const by = new Map(answers.map((a) => [a.criterion.toLowerCase(), a]));
  const rows = layout.criteria.map((id) => by.get(id.toLowerCase()) ?? null);
  if (rows.length === 0) return true;
  const sheet = context.workbook.worksheets.getItem(layout.sheet);
  const first = layout.top + 1;
  const last = layout.top + rows.length;
  const put = (col: number, entry: (a: ColumnAnswer) => CellEntry): void => {
    // `null` leaves a cell as it is (a row of the grid the answers do not know).
    sheet.getRange(rangeAddress(first, layout.left + col, last, layout.left + col)).values = rows.map((a) => [a === null ? null : entry(a)]) as CellEntry[][];
  };
  const hasAnswer = cols.answer !== undefined;
  put(cols.rating, (a) => answerEntries(a, layout.lang, hasAnswer).rating);
  if (cols.answer !== undefined) put(cols.answer, (a) => answerEntries(a, layout.lang, hasAnswer).words);
  if (cols.comment !== undefined) put(cols.comment, (a) => textEntry(a.comment));
  return true;
}

/**
 * Sets fields of a respondent's row of `QG_Respondents` (by name, case and accents aside): its copy
 * id, the day a copy was merged (a date serial) and the file's base name. One read, the writes
 * queued (the caller syncs); false when the table or the row is not there.
 */
export async function recordRespondentLive(context: Excel.RequestContext, name: string, fields: { copyId?: string; mergedOn?: Date | null; mergedFrom?: string }): Promise<boolean> {
  const table = context.workbook.tables.getItemOrNullObject(TABLES.respondents);
  const range = table.getRange().load("address, values");
  const sheet = table.worksheet.load("name, protection/protected");
  await context.sync();
  if (table.isNullObject) return false;
  const [head = [], ...body] = range.values;
  const { top, left } = parseRangeAddress(range.address);
  const columns = locateColumns({ headers: head.map((h) => String(h ?? "")) }, HEADERS.respondents);
  const at = body.findIndex((r) => matchKey(String(r[columns.name ?? 0] ?? "")) === matchKey(name));
  if (at < 0) return false;
  const row = top + 1 + at;
  const ws = context.workbook.worksheets.getItem(sheet.name);
  // The product's own record on a protected sheet (users never type there): unprotected for the write only.
  if (sheet.protection.protected) ws.protection.unprotect();
  const put = (col: number | undefined, entry: CellEntry): void => {
    if (col !== undefined) ws.getRange(cellAddress(row, left + col)).values = [[entry]];
  };
  if (fields.copyId !== undefined) put(columns.copyId, textEntry(fields.copyId));
  if (fields.mergedOn !== undefined) put(columns.mergedOn, fields.mergedOn === null ? "" : serialOfDay(fields.mergedOn));
  if (fields.mergedFrom !== undefined) put(columns.mergedFrom, textEntry(fields.mergedFrom));
  if (sheet.protection.protected) ws.protection.protect(PROTECTION);
  return true;
}
