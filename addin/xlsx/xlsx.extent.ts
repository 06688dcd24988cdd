import { strFromU8, strToU8 } from "fflate";
import { columnLetter } from "../model/cell.address.js";
import type { InputIssue } from "../model/template.types.js";
import { budgetNames, budgetSheet, countRowsAndCells, gridRange, spendCells, type CellBudget } from "./xlsx.budget.js";
import { refusalOf, WORKBOOK_LIMITS, type WorkbookLimits } from "./xlsx.guard.js";

/** Rows a table may reach past its sheet's last row before it is cut back: empty rows Excel did not write. */
const SLACK_ROWS = 1_000;

// Where it always was: the tests and the table check import it from here.
export { gridRange } from "./xlsx.budget.js";

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
const TABLE_PART = /^xl\/tables\/[^/]+\.xml$/;
/**
 * Prepares inflated parts for exceljs, in place: gives `r` to rows and cells that omit it (OOXML
 * allows it; exceljs fails on them), refuses a table whose range is not a range of the grid, and
 * cuts back to its sheet's last row a table reaching far below it (exceljs and the readers would
 * otherwise walk a million empty rows). Everything exceljs would make a cell of (rows and cells,
 * merges, data validations, defined names) is counted against `limits.cells` first, each sheet's
 * rows and cells before the sheet is even decoded (`xlsx.budget.ts`). Returns the refusal, or null.
 */
export function boundTables(parts: Record<string, Uint8Array>, file: string, limits: WorkbookLimits = WORKBOOK_LIMITS): InputIssue | null {
  const lastRows = new Map<string, number>();
  const budget: CellBudget = { left: limits.cells, limit: limits.cells };
  const sheets = Object.keys(parts).filter((name) => SHEET_PART.test(name));
  for (const name of sheets) {
    const over = spendCells(budget, countRowsAndCells(parts[name] as Uint8Array), name, file);
    if (over) return over;
  }
  for (const name of sheets) {
    const xml = strFromU8(parts[name] as Uint8Array);
    const fixed = withAddresses(xml);
    const last = lastRow(fixed);
    const bounded = budgetSheet(name, fixed, last, file, budget);
    if (!bounded.ok) return bounded.issue;
    if (bounded.xml !== xml) parts[name] = strToU8(bounded.xml);
    lastRows.set(name, last);
  }
  const book = parts["xl/workbook.xml"];
  const names = book ? budgetNames(strFromU8(book), file, budget) : null;
  if (names) return names;
  const sheetOfTable = tablesOfSheets(parts);
  for (const name of Object.keys(parts)) {
    if (!TABLE_PART.test(name)) continue;
    const xml = strFromU8(parts[name] as Uint8Array);
    const ref = /<table\b[^>]*?\sref="([^"]*)"/.exec(xml)?.[1];
    if (ref === undefined) continue;
    const range = gridRange(ref);
    if (!range) return refusalOf("badTableRef", file, { part: name, ref: ref.slice(0, 40) });
    const sheet = sheetOfTable.get(name);
    const last = sheet === undefined ? undefined : lastRows.get(sheet);
    if (last === undefined) continue;
    const bottom = Math.max(last, range.top + 1);
    if (range.bottom <= bottom + SLACK_ROWS) continue;
    const cut = `${columnLetter(range.left)}${range.top}:${columnLetter(range.right)}${bottom}`;
    parts[name] = strToU8(
      xml
        .replace(/(<table\b[^>]*?\sref=")[^"]*"/, `$1${cut}"`)
        .replace(/(<autoFilter\b[^>]*?\sref=")[^"]*"/, (_, open: string) => `${open}${cut}"`),
    );
  }
  return null;
}

/** The sheet of each table part, from the sheets' relationships. */
function tablesOfSheets(parts: Record<string, Uint8Array>): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of Object.keys(parts)) {
    const m = /^xl\/worksheets\/_rels\/([^/]+\.xml)\.rels$/.exec(name);
    if (!m) continue;
    const rels = strFromU8(parts[name] as Uint8Array);
    for (const rel of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (!/\sType="[^"]*\/table"/.test(rel[0])) continue;
      const target = /\sTarget="([^"]*)"/.exec(rel[0])?.[1];
      if (target === undefined) continue;
      out.set(resolved(target), `xl/worksheets/${m[1]}`);
    }
  }
  return out;
}

/** A relationship's target, relative to `xl/worksheets/` or absolute, as a part name. */
function resolved(target: string): string {
  const segments = target.startsWith("/") ? [] : ["xl", "worksheets"];
  for (const s of target.split("/")) {
    if (s === "..") segments.pop();
    else if (s !== "" && s !== ".") segments.push(s);
  }
  return segments.join("/");
}

/** The number of a sheet's last row that holds anything (its rows all carry `r` by now). */
function lastRow(xml: string): number {
  let last = 0;
  for (const m of xml.matchAll(/<row\b[^>]*?\sr="(\d+)"/g)) last = Math.max(last, Number(m[1]));
  return last;
}

/** The sheet with `r` on every row and cell; the same string when none lacks it. */
function withAddresses(xml: string): string {
  if (!/<(?:row|c)(?=[\s/>])(?![^>]*\sr=)/.test(xml)) return xml;
  let row = 0;
  let col = 0;
  return xml.replace(/<(row|c)(?=[\s/>])([^>]*)>/g, (tag, kind: string, attrs: string) => {
    const r = /\sr="([^"]*)"/.exec(attrs)?.[1];
    if (kind === "row") {
      row = r === undefined ? row + 1 : Number(r);
      col = 0;
      return r === undefined ? `<row r="${row}"${attrs}>` : tag;
    }
    if (r !== undefined) {
      const letters = /^[A-Z]+/.exec(r)?.[0] ?? "";
      col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return tag;
    }
    col += 1;
    return `<c r="${columnLetter(col)}${row}"${attrs}>`;
  });
}
