import type ExcelJS from "exceljs";
import { matchKey } from "../model/text.match.js";
import type { Lang } from "../model/template.types.js";
import { HEADERS } from "../plan/labels.js";
import { TABLES } from "../plan/names.js";
import type { RespondentRecord } from "../workbook/workbook.types.js";
import { findQualigridTables } from "./xlsx.tables.js";

/** The fields of a `QG_Respondents` row the product records after a copy or a merge. */
export type RespondentFields = Partial<Pick<RespondentRecord, "copyId" | "mergedOn" | "mergedFrom">>;

/**
 * Writes `fields` into the `QG_Respondents` row of `name` (matched as people type names: case,
 * accents and spaces aside). Columns are found by their header in either language. Returns false
 * when the workbook has no such table or row (nothing written).
 */
export function writeRespondentFields(wb: ExcelJS.Workbook, name: string, fields: RespondentFields): boolean {
  const t = findQualigridTables(wb).get(TABLES.respondents.toLowerCase());
  if (!t) return false;
  const col = (key: keyof typeof HEADERS.respondents): number | undefined => {
    const wanted = (["fr", "en"] as Lang[]).map((l) => HEADERS.respondents[key][l].toLowerCase());
    const i = t.headers.findIndex((h) => wanted.includes(h.toLowerCase()));
    return i < 0 ? undefined : t.left + i;
  };
  const nameCol = col("name");
  if (nameCol === undefined) return false;
  let row: number | undefined;
  for (let r = t.top + 1; r <= t.bottom; r++) {
    if (matchKey(String(t.sheet.getCell(r, nameCol).text ?? "")) === matchKey(name)) row = r;
  }
  if (row === undefined) return false;
  const at = row;
  const put = (key: keyof typeof HEADERS.respondents, value: ExcelJS.CellValue, numFmt?: string): void => {
    const c = col(key);
    if (c === undefined) return;
    const cell = t.sheet.getCell(at, c);
    cell.value = value;
    if (numFmt && !cell.numFmt) cell.numFmt = numFmt;
  };
  if (fields.copyId !== undefined) put("copyId", fields.copyId === "" ? null : fields.copyId);
  if (fields.mergedOn !== undefined) put("mergedOn", fields.mergedOn ? utcDay(fields.mergedOn) : null, "yyyy-mm-dd");
  if (fields.mergedFrom !== undefined) put("mergedFrom", fields.mergedFrom === "" ? null : fields.mergedFrom);
  return true;
}

/** The day of `d`, at midnight UTC: exceljs writes a Date as its UTC serial, so no time part shows. */
function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
