import type { CriterionContext, EvaluatorAnswer, EvidenceReviewInput, NewAction, ProtectionMode, RecommendationInput } from "../host/host.types.js";
import {
  criterionContextOfTables,
  evidenceInputColumns,
  evidenceRowIndex,
  nextRecommendationId,
  gridInputColumns,
  protectionPlan,
  recommendationAction,
  reviewWrites,
  type HeadedRows,
  type InputColumns,
} from "../host/host.evaluator.js";
import { cellAddress, parseRangeAddress, rangeAddress } from "../model/cell.address.js";
import { naDisplayToken } from "../model/scale.js";
import { locateColumns, plainText, type PlainValue } from "../model/table.plain.js";
import { HEADERS } from "../plan/labels.js";
import { TABLES } from "../plan/names.js";
import { textEntry } from "../plan/text.entry.js";
import type { CellEntry } from "./excel.values.js";
import type { GridLayout } from "./excel.grid.js";
import { PROTECTION } from "./excel.page.js";

/** A table's values as Office.js gives them, as headers and rows. */
function headedRows(values: readonly (readonly unknown[])[]): HeadedRows {
  const [head = [], ...body] = values;
  return { headers: head.map((h) => String(h ?? "")), rows: body.map((r) => r.map((v) => (v === "" || v === undefined ? null : (v as PlainValue)))) };
}

/**
 * One criterion's context in ONE round trip: the grid's and (when `hasEvidence`) the register's
 * values are loaded together, then the row and the evidence that backs it are picked out.
 * Null when the grid has no such criterion.
 */
export async function readCriterionContextLive(context: Excel.RequestContext, criterionId: string, hasEvidence: boolean): Promise<CriterionContext | null> {
  const grid = context.workbook.tables.getItem(TABLES.grid).getRange().load("values");
  const evidence = hasEvidence ? context.workbook.tables.getItem(TABLES.evidence).getRange().load("values") : null;
  await context.sync();
  return criterionContextOfTables(headedRows(grid.values), evidence ? headedRows(evidence.values) : null, criterionId);
}

/**
 * Queues the evaluator's rating and comment of the grid row `row` (the caller syncs): only the
 * « Cotation évaluateur » and « Commentaire évaluateur » cells. False when the grid has no
 * evaluator rating column.
 */
export function queueEvaluatorAnswer(context: Excel.RequestContext, g: GridLayout, row: number, answer: EvaluatorAnswer): boolean {
  const at = g.columns.evaluatorRating;
  if (at === undefined) return false;
  const r = answer.rating;
  const sheet = context.workbook.worksheets.getItem(g.sheet);
  const rating: CellEntry = r.kind === "level" ? r.value : r.kind === "na" ? textEntry(naDisplayToken(g.lang)) : "";
  sheet.getRange(cellAddress(row, g.left + at)).values = [[rating]];
  if (answer.comment !== undefined && g.columns.evaluatorComment !== undefined) {
    sheet.getRange(cellAddress(row, g.left + g.columns.evaluatorComment)).values = [[textEntry(answer.comment)]];
  }
  return true;
}

/** What `writeEvidenceReviewLive` did: written, or which row or sheet stopped it. */
export type ReviewWrite = { ok: true } | { ok: false; code: "unknownEvidence" | "noReviewColumns" | "protected"; detail: string };

/**
 * Writes the review fields of the register row whose « Code » is `evidenceId`: status, note, date
 * (when given), reviewer, and no other cell. One read, one write.
 */
export async function writeEvidenceReviewLive(context: Excel.RequestContext, evidenceId: string, review: EvidenceReviewInput): Promise<ReviewWrite> {
  const table = context.workbook.tables.getItem(TABLES.evidence);
  const range = table.getRange().load("values, address");
  const sheet = table.worksheet.load("name");
  await context.sync();
  const t = headedRows(range.values);
  const at = evidenceRowIndex(t, evidenceId);
  if (at < 0) return { ok: false, code: "unknownEvidence", detail: evidenceId };
  const writes = reviewWrites(t.headers, review, textEntry);
  if (writes.length === 0) return { ok: false, code: "noReviewColumns", detail: TABLES.evidence };
  const { top, left } = parseRangeAddress(range.address);
  const ws = context.workbook.worksheets.getItem(sheet.name);
  for (const w of writes) ws.getRange(cellAddress(top + 1 + at, left + w.column)).values = [[w.value]];
  await context.sync();
  return { ok: true };
}

/**
 * The action row of a recommendation, from the grid and the plan as they are now (one read): its
 * criterion's dimension and gap, the next id R001, R002…; null for an unknown criterion.
 */
export async function recommendationRowLive(context: Excel.RequestContext, rec: RecommendationInput): Promise<NewAction | null> {
  const grid = context.workbook.tables.getItem(TABLES.grid).getRange().load("values");
  const actions = context.workbook.tables.getItem(TABLES.actions).getRange().load("values");
  await context.sync();
  const action = recommendationAction(headedRows(grid.values), rec);
  if (!action) return null;
  const plan = headedRows(actions.values);
  const id = locateColumns({ headers: plan.headers }, HEADERS.actions).id;
  return { ...action, id: nextRecommendationId(id === undefined ? [] : plan.rows.map((r) => plainText(r[id] ?? null))) };
}

/**
 * Sets the grid's and the register's protection for `mode` (design: the sheets editable by one
 * side at a time, without a password): each sheet is unprotected, its owners' columns locked or
 * unlocked, then protected again when the mode asks. Two round trips: the tables' places, then
 * the changes.
 */
export async function setProtectionLive(context: Excel.RequestContext, mode: ProtectionMode): Promise<void> {
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const have = new Set(tables.items.map((t) => t.name.toLowerCase()));
  const wanted = [
    { name: TABLES.grid, kind: "grid" as const, columns: gridInputColumns },
    { name: TABLES.evidence, kind: "evidence" as const, columns: evidenceInputColumns },
  ].filter((w) => have.has(w.name.toLowerCase()));
  const loaded = wanted.map((w) => {
    const table = context.workbook.tables.getItem(w.name);
    return { ...w, range: table.getRange().load("values, address"), sheet: table.worksheet.load("name") };
  });
  await context.sync();
  for (const l of loaded) {
    const t = headedRows(l.range.values);
    const { top, left, bottom } = parseRangeAddress(l.range.address);
    const plan = protectionPlan(mode, l.kind);
    const ws = context.workbook.worksheets.getItem(l.sheet.name);
    ws.protection.unprotect();
    if (bottom > top) lockColumns(ws, l.columns(t.headers), plan, top + 1, bottom, left);
    if (plan.protect) ws.protection.protect(PROTECTION);
  }
  await context.sync();
}

/** Locks or unlocks each owner's columns over the table's data rows, one range per column. */
function lockColumns(ws: Excel.Worksheet, cols: InputColumns, plan: ReturnType<typeof protectionPlan>, first: number, last: number, left: number): void {
  const set = (columns: readonly number[], locked: boolean): void => {
    for (const c of columns) ws.getRange(rangeAddress(first, left + c, last, left + c)).format.protection.locked = locked;
  };
  set(cols.organization, plan.organizationLocked);
  set(cols.evaluator, plan.evaluatorLocked);
}
