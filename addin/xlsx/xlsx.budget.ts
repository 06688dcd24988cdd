import { columnLetter } from "../model/cell.address.js";
import type { InputIssue } from "../model/template.types.js";
// The refusals' texts (`file.badRef`, `file.tooManyCells`, `file.rangeTooLarge`).
import "../model/messages/messages.fileparts.js";
import { refusalOf } from "./xlsx.guard.js";

// exceljs makes an object for every row and cell of a sheet, and for every cell a merge, a data
// validation or a defined name covers (about 1 KB each, read and kept): a few bytes of XML
// (`<mergeCell ref="A1:XFD1048576"/>`) would make 17 billion of them. Everything exceljs would make
// is counted here, before it is loaded, against one budget (`WORKBOOK_LIMITS.cells`).

/** What is left of the budget, spent part by part. */
export interface CellBudget {
  left: number;
  readonly limit: number;
}

const RANGE = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/;

/** A range's corners (`A1`, `$B$4:$V$47`), or null when it is not a range of Excel's grid (XFD columns, 1,048,576 rows). */
export function gridRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = RANGE.exec(ref);
  if (!m) return null;
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const left = col(m[1] ?? "");
  const top = Number(m[2]);
  const right = m[3] === undefined ? left : col(m[3]);
  const bottom = m[4] === undefined ? top : Number(m[4]);
  if (top < 1 || bottom > 1_048_576 || right > 16_384 || top > bottom || left > right) return null;
  return { top, left, bottom, right };
}

/** Rows a data validation may reach past its sheet's last row before it is cut back (as tables are). */
const SLACK_ROWS = 1_000;

const LT = 0x3c;
const SPACE = 0x20;
const isEnd = (b: number | undefined): boolean => b === SPACE || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;

/** The `<row>` and `<c>` elements of a sheet, counted on its bytes (before it is decoded). */
export function countRowsAndCells(xml: Uint8Array): number {
  let n = 0;
  for (let i = xml.indexOf(LT); i !== -1; i = xml.indexOf(LT, i + 1)) {
    const a = xml[i + 1];
    if (a === 0x63 && isEnd(xml[i + 2])) n++;
    else if (a === 0x72 && xml[i + 2] === 0x6f && xml[i + 3] === 0x77 && isEnd(xml[i + 4])) n++;
  }
  return n;
}

/** Deepest nesting of elements a part may have: real workbooks stay under 30 levels. */
export const MAX_XML_DEPTH = 256;

/**
 * Whether an XML part nests its elements deeper than `MAX_XML_DEPTH`, counted on its bytes (each
 * start tag opens a level, each end tag or `/>` closes one; comments, declarations and processing
 * instructions are skipped). Some XML readers walk the open elements for each new one, so a part
 * nested 100,000 deep costs them minutes.
 */
export function tooDeep(xml: Uint8Array): boolean {
  let depth = 0;
  for (let i = xml.indexOf(LT); i !== -1; i = xml.indexOf(LT, i + 1)) {
    const a = xml[i + 1];
    if (a === 0x21 || a === 0x3f) continue;
    if (a === 0x2f) {
      depth--;
      continue;
    }
    const end = xml.indexOf(0x3e, i);
    if (end === -1) return false;
    if (xml[end - 1] !== 0x2f && ++depth > MAX_XML_DEPTH) return true;
    i = end;
  }
  return false;
}

/** Spends `n` cells of `budget` for `part`; the refusal when it is spent. */
export function spendCells(budget: CellBudget, n: number, part: string, file: string): InputIssue | null {
  budget.left -= n;
  return budget.left < 0 ? refusalOf("tooManyCells", file, { part, limit: budget.limit }) : null;
}

/**
 * Checks the ranges a sheet's merges, data validations and columns name, and spends on `budget` the
 * cells exceljs would make of them: a reference that is not a range of the grid is refused, naming
 * the part and the attribute; a data validation reaching more than 1,000 rows below the sheet's last
 * row is cut back to there (Excel writes `E2:E1048576` for a whole column); a merge or a validation
 * too large for the budget is refused. Returns the sheet (validations cut back) or the refusal.
 */
export function budgetSheet(part: string, xml: string, lastRow: number, file: string, budget: CellBudget): { ok: true; xml: string } | { ok: false; issue: InputIssue } {
  const bad = (attribute: string, ref: string): { ok: false; issue: InputIssue } => ({ ok: false, issue: refusalOf("badRef", file, { part, attribute, ref: ref.slice(0, 40) }) });
  const tooLarge = (attribute: string, ref: string, cells: number): { ok: false; issue: InputIssue } => ({
    ok: false,
    issue: refusalOf("rangeTooLarge", file, { part, attribute, ref: ref.slice(0, 40), cells, limit: budget.limit }),
  });
  for (const m of xml.matchAll(/<col\b[^>]*>/g)) {
    const min = /\smin="([^"]*)"/.exec(m[0])?.[1] ?? "";
    const max = /\smax="([^"]*)"/.exec(m[0])?.[1] ?? "";
    if (!/^\d{1,5}$/.test(min) || !/^\d{1,5}$/.test(max) || Number(min) < 1 || Number(min) > Number(max) || Number(max) > 16_384) {
      return bad("<col min max>", `${min}:${max}`);
    }
  }
  for (const m of xml.matchAll(/<mergeCell\b[^>]*?\sref="([^"]*)"/g)) {
    const ref = m[1] ?? "";
    const range = gridRange(ref);
    if (!range) return bad("<mergeCell ref>", ref);
    const cells = (range.bottom - range.top + 1) * (range.right - range.left + 1);
    if (spendCells(budget, cells, part, file)) return tooLarge("<mergeCell ref>", ref, cells);
  }
  let refused: { ok: false; issue: InputIssue } | null = null;
  const out = xml.replace(/(<dataValidation\b[^>]*?\ssqref=")([^"]*)"/g, (whole, open: string, sqref: string) => {
    if (refused) return whole;
    const kept: string[] = [];
    for (const ref of sqref.split(/\s+/).filter((r) => r !== "")) {
      const range = gridRange(ref);
      if (!range) {
        refused = bad("<dataValidation sqref>", ref);
        return whole;
      }
      const bottom = Math.min(range.bottom, Math.max(lastRow, range.top) + SLACK_ROWS);
      const cells = (bottom - range.top + 1) * (range.right - range.left + 1);
      if (spendCells(budget, cells, part, file)) {
        refused = tooLarge("<dataValidation sqref>", ref, cells);
        return whole;
      }
      const corner = (row: number, col: number): string => `${columnLetter(col)}${row}`;
      kept.push(bottom === range.bottom ? ref : `${corner(range.top, range.left)}:${corner(bottom, range.right)}`);
    }
    return `${open}${kept.join(" ")}"`;
  });
  return refused ?? { ok: true, xml: out };
}

/**
 * Spends on `budget` the cells of every range the workbook's defined names hold (exceljs indexes
 * each cell of them); refuses a name whose ranges are too large, naming it. Whole columns and rows
 * (`$A:$L`, `$4:$4`) cost nothing: exceljs does not expand them.
 */
export function budgetNames(workbookXml: string, file: string, budget: CellBudget): InputIssue | null {
  for (const m of workbookXml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    let cells = 0;
    for (const r of (m[2] ?? "").matchAll(/\$?([A-Z]{1,3})\$?(\d{1,10}):\$?([A-Z]{1,3})\$?(\d{1,10})/g)) {
      const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      cells += (Math.abs(Number(r[4]) - Number(r[2])) + 1) * (Math.abs(col(r[3] ?? "") - col(r[1] ?? "")) + 1);
    }
    if (cells === 0 || !spendCells(budget, cells, "xl/workbook.xml", file)) continue;
    const name = /\sname="([^"]*)"/.exec(m[1] ?? "")?.[1] ?? "";
    return refusalOf("rangeTooLarge", file, { part: "xl/workbook.xml", attribute: `<definedName name="${name.slice(0, 40)}">`, ref: (m[2] ?? "").slice(0, 40), cells, limit: budget.limit });
  }
  return null;
}
