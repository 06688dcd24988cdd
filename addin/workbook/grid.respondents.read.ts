import type { InputIssue, Lang } from "../model/template.types.js";
import { issueOf } from "../model/messages/message.catalog.js";
// The reader's messages: registered in the catalogue.
import "../model/messages/messages.workbook.js";
import { cellAddress } from "../model/cell.address.js";
import { dayOfCell } from "../model/date.serial.js";
import { locateColumns, plainText, type PlainTable } from "../model/table.plain.js";
import { HEADERS, respondentColumnHeaders } from "../plan/labels.js";
import { TABLES } from "../plan/names.js";
import type { RespondentRecord } from "./workbook.types.js";

/** Where one respondent's inputs are in the grid: column indexes within `QG_Grid`. */
export interface RespondentColumns {
  rating: number;
  comment: number | undefined;
  answer: number | undefined;
}

/**
 * The respondents of `QG_Respondents`, in row order (blank rows skipped); null when the workbook
 * has no such table or it names nobody (one unnamed respondent, as before respondents).
 */
export function respondentRecordsOf(t: PlainTable | undefined): RespondentRecord[] | null {
  if (!t) return null;
  const c = locateColumns(t, HEADERS.respondents);
  if (c.name === undefined) return null;
  const text = (values: readonly (PlainTable["rows"][number][number])[], i: number | undefined): string => (i === undefined ? "" : plainText(values[i] ?? null).trim());
  const out = t.rows.flatMap((values): RespondentRecord[] => {
    const name = text(values, c.name);
    if (name === "") return [];
    return [{ name, copyId: text(values, c.copyId), mergedOn: c.mergedOn === undefined ? null : dayOfCell(values[c.mergedOn] ?? null), mergedFrom: text(values, c.mergedFrom) }];
  });
  return out.length > 0 ? out : null;
}

/**
 * Each respondent's columns in the grid. A respondent's rating column is « Cotation — NAME » or
 * "Rating — NAME" (either language, as a user may have switched); a lone respondent without one
 * answers in today's « Cotation » column (`single`). A respondent whose rating column is gone is an
 * error naming the table, the header and the sheet.
 */
export function respondentColumnsOf(
  grid: PlainTable,
  records: readonly RespondentRecord[],
  single: { rating: number | undefined; comment: number | undefined; answer: number | undefined },
  lang: Lang,
  file: string,
): { ok: true; columns: RespondentColumns[] } | { ok: false; issues: InputIssue[] } {
  const norm = (s: string): string => s.trim().toLocaleLowerCase();
  const at = new Map<string, number>();
  grid.headers.forEach((h, i) => {
    if (!at.has(norm(h))) at.set(norm(h), i);
  });
  const find = (key: "rating" | "comment" | "answer", name: string): number | undefined => {
    for (const l of [lang, lang === "fr" ? "en" : "fr"] as const) {
      const i = at.get(norm(respondentColumnHeaders(name, l)[key]));
      if (i !== undefined) return i;
    }
    return undefined;
  };
  const issues: InputIssue[] = [];
  const columns: RespondentColumns[] = [];
  for (const r of records) {
    const rating = r.name === "" ? undefined : find("rating", r.name);
    if (rating !== undefined) {
      columns.push({ rating, comment: find("comment", r.name), answer: find("answer", r.name) });
    } else if (records.length === 1 && single.rating !== undefined) {
      columns.push({ rating: single.rating, comment: single.comment, answer: single.answer });
    } else if (r.name !== "") {
      // An unnamed lone respondent's missing « Cotation » is already said by the grid's own check.
      const header = respondentColumnHeaders(r.name, lang).rating;
      issues.push(issueOf("workbook.respondentColumnMissing", { table: TABLES.grid, column: header, name: r.name, sheet: grid.sheet }, `${file}: ${grid.sheet}!${cellAddress(grid.top, grid.left)}`));
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, columns };
}
