import { strFromU8, strToU8 } from "fflate";
import { columnLetter } from "../model/cell.address.js";
import type { InputIssue } from "../model/template.types.js";
import { refusalOf } from "./xlsx.guard.js";

/** Excel's grid: XFD columns, 1,048,576 rows. */
const MAX_COL = 16_384;
const MAX_ROW = 1_048_576;
/** Rows a table may reach past its sheet's last row before it is cut back: empty rows Excel did not write. */
const SLACK_ROWS = 1_000;

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
const TABLE_PART = /^xl\/tables\/[^/]+\.xml$/;
const RANGE = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/;

/** A table range's corners, or null when it is not a range of Excel's grid. */
export function gridRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = RANGE.exec(ref);
  if (!m) return null;
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const left = col(m[1] ?? "");
  const top = Number(m[2]);
  const right = m[3] === undefined ? left : col(m[3]);
  const bottom = m[4] === undefined ? top : Number(m[4]);
  if (top < 1 || bottom > MAX_ROW || right > MAX_COL || top > bottom || left > right) return null;
  return { top, left, bottom, right };
}

/**
 * Prepares inflated parts for exceljs, in place: gives `r` to rows and cells that omit it (OOXML
 * allows it; exceljs fails on them), refuses a table whose range is not a range of the grid, and
 * cuts back to its sheet's last row a table reaching far below it (exceljs and the readers would
 * otherwise walk a million empty rows). Returns the refusal, or null.
 */
export function boundTables(parts: Record<string, Uint8Array>, file: string): InputIssue | null {
  const lastRows = new Map<string, number>();
  for (const name of Object.keys(parts)) {
    if (!SHEET_PART.test(name)) continue;
    const xml = strFromU8(parts[name] as Uint8Array);
    const fixed = withAddresses(xml);
    if (fixed !== xml) parts[name] = strToU8(fixed);
    lastRows.set(name, lastRow(fixed));
  }
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
