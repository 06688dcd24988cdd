import type { Lang } from "../model/template.types.js";
import { columnLetter, parseRangeAddress } from "../model/cell.address.js";
import { HEADERS, RESPONDENT_HEADERS, respondentColumnHeaders, type GridKey } from "../plan/labels.js";
import { matchKey } from "../model/text.match.js";
import { TABLES } from "../plan/names.js";
import { locateColumns, plainText, type PlainTable } from "../model/table.plain.js";

/** Where the grid is and which criterion each of its rows holds, to write or select one row. */
export interface GridLayout {
  sheet: string;
  /** 1-based header row and first column; last column. */
  top: number;
  left: number;
  right: number;
  headers: string[];
  /** Column positions (0-based within the table) by key. */
  columns: Partial<Record<GridKey, number>>;
  /** Criterion id of each data row, in order. */
  criteria: string[];
  lang: Lang;
  /** The respondents' names, in order, when a read told them ([""]: one unnamed). */
  respondents?: string[];
}

/** One respondent's input columns (0-based within the table). */
export interface RespondentColumns {
  rating: number;
  comment?: number;
  answer?: number;
}

/** Whether a grid has a rating column: « Cotation », or one respondent's « Cotation — NAME ». */
function hasRating(headers: readonly string[], columns: Partial<Record<GridKey, number>>): boolean {
  return columns.rating !== undefined || firstRespondentRating(headers) >= 0;
}

/** The first « Cotation — NAME » / "Rating — NAME" header of a multi-respondent grid, or -1. */
function firstRespondentRating(headers: readonly string[]): number {
  const prefixes = Object.values(RESPONDENT_HEADERS.rating).map((w) => `${w} — `.toLocaleLowerCase());
  return headers.findIndex((h) => prefixes.some((p) => h.trim().toLocaleLowerCase().startsWith(p)));
}

/**
 * The input columns of `respondent` (by name; absent or "": the first or only one): the grid's own
 * « Cotation »/« Commentaire »/« Réponse » in a one-respondent grid (when the name is the
 * respondent's, or unknown), else the columns headed « Cotation — NAME » in either language. Null
 * when the grid has no such respondent.
 */
export function respondentColumnsOf(layout: GridLayout, respondent?: string): RespondentColumns | null {
  const c = layout.columns;
  const wanted = respondent?.trim() ?? "";
  if (c.rating !== undefined) {
    const only = layout.respondents?.[0] ?? "";
    if (wanted !== "" && only !== "" && matchKey(only) !== matchKey(wanted)) return null;
    return { rating: c.rating, ...(c.comment === undefined ? {} : { comment: c.comment }), ...(c.answer === undefined ? {} : { answer: c.answer }) };
  }
  const name = wanted !== "" ? wanted : (layout.respondents?.[0] ?? "");
  const norm = (h: string): string => h.trim().toLocaleLowerCase();
  const find = (key: "rating" | "comment" | "answer"): number | undefined => {
    const texts = (["fr", "en"] as const).map((l) => norm(respondentColumnHeaders(name, l)[key]));
    const i = layout.headers.findIndex((h) => texts.includes(norm(h)));
    return i < 0 ? undefined : i;
  };
  let rating = name === "" ? undefined : find("rating");
  if (rating === undefined && wanted === "") {
    const first = firstRespondentRating(layout.headers);
    rating = first < 0 ? undefined : first;
  }
  if (rating === undefined) return null;
  if (name === "") return { rating };
  const comment = find("comment");
  const answer = find("answer");
  return { rating, ...(comment === undefined ? {} : { comment }), ...(answer === undefined ? {} : { answer }) };
}

/** The layout of a grid read as a plain table (after a `read`), in the workbook's language. */
export function gridLayoutOf(t: PlainTable, lang: Lang): GridLayout | null {
  const columns = locateColumns(t, HEADERS.grid);
  const c = columns.criterion;
  if (c === undefined || !hasRating(t.headers, columns)) return null;
  return {
    sheet: t.sheet,
    top: t.top,
    left: t.left,
    right: t.left + t.headers.length - 1,
    headers: t.headers,
    columns,
    criteria: t.rows.map((r) => plainText(r[c]).trim()),
    lang,
  };
}

/** The language of a grid from its rating column's header (« Cotation » or « Rating »). */
function langOf(headers: readonly string[], columns: Partial<Record<GridKey, number>>): Lang {
  const at = columns.rating ?? firstRespondentRating(headers);
  const rating = (headers[at] ?? "").trim().toLocaleLowerCase();
  const en = RESPONDENT_HEADERS.rating.en.toLocaleLowerCase();
  return rating === HEADERS.grid.rating.en.toLocaleLowerCase() || rating.startsWith(`${en} — `) ? "en" : "fr";
}

/** The 1-based worksheet row of a criterion in a layout, or null. */
export function rowOfCriterion(layout: GridLayout, criterionId: string): number | null {
  const want = criterionId.trim().toLowerCase();
  const i = layout.criteria.findIndex((c) => c.toLowerCase() === want);
  return i < 0 ? null : layout.top + 1 + i;
}

/** The criterion on a worksheet row of the grid, or null outside its data rows. */
export function criterionOfRow(layout: GridLayout, row: number): string | null {
  const id = layout.criteria[row - layout.top - 1];
  return id === undefined || id === "" ? null : id;
}

/**
 * Finds the grid in the open workbook. With a `known` layout (from the last read or call) one
 * request checks that the table is still where it was, with the same headers, and reads its
 * criterion column in place; otherwise, or when the user moved or changed the grid, a second
 * request reads the criterion column where the headers say it is. Throws Excel's `ItemNotFound`
 * when the grid is gone, and an Error when its criterion or rating column is. Also tells whether
 * the grid's sheet is protected.
 */
export async function locateGrid(context: Excel.RequestContext, known: GridLayout | null): Promise<{ layout: GridLayout; sheetProtected: boolean; syncs: number }> {
  const grid = context.workbook.tables.getItem(TABLES.grid);
  const sheet = grid.worksheet.load("name, protection/protected");
  const range = grid.getRange().load("address");
  const header = grid.getHeaderRowRange().load("values");
  const column = (l: GridLayout): string => {
    const letter = columnLetter(l.left + (l.columns.criterion ?? 0));
    return `${letter}${l.top + 1}:${letter}${l.top + Math.max(1, l.criteria.length)}`;
  };
  const guess = known ? sheet.getRange(column(known)).load("values") : null;
  await context.sync();

  const { top, left, bottom, right } = parseRangeAddress(range.address);
  const headers = (header.values[0] ?? []).map((h) => String(h ?? "").trim());
  const columns = locateColumns({ headers }, HEADERS.grid);
  if (columns.criterion === undefined || !hasRating(headers, columns)) {
    const missing = columns.criterion === undefined ? "criterion" : "rating";
    throw new Error(`${TABLES.grid} has no column « ${HEADERS.grid[missing].fr} » / « ${HEADERS.grid[missing].en} »`);
  }
  const lang = known?.lang ?? langOf(headers, columns);
  const base = { sheet: sheet.name, top, left, right, headers, columns, lang, ...(known?.respondents ? { respondents: known.respondents } : {}) };
  const same =
    known !== null &&
    guess !== null &&
    known.sheet === sheet.name &&
    known.top === top &&
    known.left === left &&
    known.right === right &&
    known.criteria.length === bottom - top &&
    known.columns.criterion === columns.criterion &&
    known.headers.join("\u0000") === headers.join("\u0000");
  if (same) {
    return { layout: { ...base, criteria: guess.values.map((r) => String(r[0] ?? "").trim()) }, sheetProtected: sheet.protection.protected, syncs: 1 };
  }
  const fresh = { ...base, criteria: Array.from({ length: bottom - top }, () => "") };
  const ids = sheet.getRange(column(fresh)).load("values");
  await context.sync();
  return { layout: { ...fresh, criteria: ids.values.map((r) => String(r[0] ?? "").trim()) }, sheetProtected: sheet.protection.protected, syncs: 2 };
}
