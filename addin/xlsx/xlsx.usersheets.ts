import type ExcelJS from "exceljs";
import { issueOf } from "../model/messages/message.catalog.js";
// The words about a user's sheet carried under a new name: registered in the catalogue.
import "../model/messages/messages.usersheets.js";
import type { InputIssue, Lang } from "../model/template.types.js";
import { SHEET_NAMES } from "../plan/labels.js";
import { TABLES } from "../plan/names.js";
import type { SheetKey } from "../plan/plan.types.js";
import type { FoundTable } from "./xlsx.tables.js";

/**
 * The table that makes a sheet Qualigrid's, for the sheets that came after the first workbooks
 * (design.md "Rounds, comparison and report"): a workbook made before them may hold a sheet of the
 * user's own by that name (« Rapport », « Sondages », « Historique », « Démarche »…). Such a sheet is
 * Qualigrid's only when it holds that table: each of them is written on every sheet of its kind.
 */
export const SHEET_MARKS: Readonly<Partial<Record<SheetKey, string>>> = {
  steps: TABLES.steps,
  history: TABLES.history,
  surveys: TABLES.surveys,
  report: TABLES.reportDimensions,
  visit: TABLES.visitScores,
};

/**
 * The lower-cased names of a workbook's own Qualigrid sheets in `lang`, its tables found
 * (`findQualigridTables`): every plan sheet's name, but a sheet of `SHEET_MARKS` only when its
 * table sits on a sheet of that name. Any other sheet is the user's and is carried whole.
 */
export function qualigridSheetNames(
  tables: ReadonlyMap<string, FoundTable>,
  lang: Lang,
): Set<string> {
  const out = new Set<string>();
  for (const [key, names] of Object.entries(SHEET_NAMES) as [
    SheetKey,
    Record<Lang, string>,
  ][]) {
    const name = names[lang].toLowerCase();
    const mark = SHEET_MARKS[key];
    if (
      mark === undefined ||
      tables.get(mark.toLowerCase())?.sheet.name.toLowerCase() === name
    )
      out.add(name);
  }
  return out;
}

/** A name free in `wb` from `base`: itself, else « base 2 », « base 3 »… (case set aside, as Excel compares sheet names). */
export function freeSheetName(wb: ExcelJS.Workbook, base: string): string {
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  return name;
}

/** The warning that a user's sheet was carried under another name, because a Qualigrid sheet takes its own. */
export function renamedSheetIssue(sheet: string, name: string): InputIssue {
  return issueOf("usersheet.renamed", { sheet, name }, sheet, "warning");
}
