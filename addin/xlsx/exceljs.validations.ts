import type ExcelJS from "exceljs";
import DataValidationsXformClass from "exceljs/lib/xlsx/xform/sheet/data-validations-xform.js";
import { parseRangeAddress, rangeAddress } from "../model/cell.address.js";

/** One `<dataValidation>` to write: a rule and the cells it covers, as an OOXML `sqref`. */
export interface ValidationEntry {
  rule: ExcelJS.DataValidation;
  sqref: string;
}

interface XmlStream {
  openNode(name: string, attributes?: Record<string, unknown>): void;
  writeText(text: string): void;
  closeNode(): void;
}

// Rows go up to 1,048,576 and columns to 16,384: a cell's number is exact in a double.
const COLS = 16384;
const cellKey = (row: number, col: number): number => row * COLS + (col - 1);

/**
 * The validations of a sheet's model (exceljs keys a loaded file's by cell, and those added by
 * address or range) as one entry per distinct rule, its cells covered by rectangles that do not
 * overlap. A cell given twice keeps the rule given last, as setting a validation on it would.
 * exceljs's own writer sorts the cells as text (`E10` before `E5`) and grows each range over cells
 * already written, so a round trip turned `E5:E47` into `E10:E47` plus `E5:E47`.
 */
export function validationEntries(model: Record<string, ExcelJS.DataValidation | undefined>): ValidationEntry[] {
  const ruleOf = new Map<number, string>();
  const rules = new Map<string, ExcelJS.DataValidation>();
  const raw: ValidationEntry[] = [];
  for (const [key, rule] of Object.entries(model)) {
    if (!rule) continue;
    const ranges = parseSqref(key);
    if (!ranges) {
      raw.push({ rule, sqref: key });
      continue;
    }
    const id = canonical(rule);
    if (!rules.has(id)) rules.set(id, rule);
    for (const r of ranges) {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const k = cellKey(row, col);
          ruleOf.delete(k); // the latest rule goes last in the map's order, as a fresh cell would
          ruleOf.set(k, id);
        }
      }
    }
  }
  const byRule = new Map<string, number[]>();
  for (const [k, id] of ruleOf) {
    const cells = byRule.get(id);
    if (cells) cells.push(k);
    else byRule.set(id, [k]);
  }
  const entries: (ValidationEntry & { first: number })[] = [];
  for (const [id, cells] of byRule) {
    cells.sort((a, b) => a - b);
    const rule = rules.get(id) as ExcelJS.DataValidation;
    const first = cells[0] as number;
    entries.push({ rule, sqref: rectangles(new Set(cells), cells).join(" "), first: (first % COLS) * 2 ** 21 + Math.floor(first / COLS) });
  }
  // Column by column, then row by row: the order Qualigrid's sheets have always been written in.
  entries.sort((a, b) => a.first - b.first);
  return [...entries.map(({ rule, sqref }) => ({ rule, sqref })), ...raw];
}

/** Covers `cells` (sorted by row, then column) with rectangles: down as far as it goes, then right. */
function rectangles(cells: Set<number>, sorted: readonly number[]): string[] {
  const done = new Set<number>();
  const free = (row: number, col: number): boolean => col <= COLS && cells.has(cellKey(row, col)) && !done.has(cellKey(row, col));
  const out: string[] = [];
  for (const k of sorted) {
    if (done.has(k)) continue;
    const row = Math.floor(k / COLS);
    const col = (k % COLS) + 1;
    let height = 1;
    while (free(row + height, col)) height++;
    let width = 1;
    const columnFree = (c: number): boolean => {
      for (let i = 0; i < height; i++) if (!free(row + i, c)) return false;
      return true;
    };
    while (columnFree(col + width)) width++;
    for (let i = 0; i < height; i++) for (let j = 0; j < width; j++) done.add(cellKey(row + i, col + j));
    out.push(rangeAddress(row, col, row + height - 1, col + width - 1));
  }
  return out;
}

/** `E5`, `$E$5:$E$47` or several of them separated by spaces; undefined for anything else. */
function parseSqref(key: string): ReturnType<typeof parseRangeAddress>[] | undefined {
  const parts = key.trim().split(/\s+/);
  if (!parts.every((p) => /^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/.test(p))) return undefined;
  const ranges = parts.map((p) => {
    const r = parseRangeAddress(p);
    return { top: Math.min(r.top, r.bottom), bottom: Math.max(r.top, r.bottom), left: Math.min(r.left, r.right), right: Math.max(r.left, r.right) };
  });
  return ranges.every((r) => r.top >= 1 && r.bottom <= 1048576 && r.left >= 1 && r.right <= COLS) ? ranges : undefined;
}

/** A rule as text, its keys sorted, so that rules read from one element or given cell by cell compare equal. */
function canonical(v: unknown): string {
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (typeof v === "object" && v !== null) {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** An Excel date serial (days since 1899-12-30, UTC), as exceljs writes a date rule's bound. */
function excelDate(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

/**
 * Makes exceljs write a sheet's validations through `validationEntries`, one element per rule;
 * the attributes and formulas are written as exceljs writes them.
 */
export function patchValidationsWriter(): void {
  const proto = (DataValidationsXformClass as { prototype: Record<string, unknown> }).prototype;
  proto.render = function render(xml: XmlStream, model: Record<string, ExcelJS.DataValidation | undefined>): void {
    const entries = validationEntries(model ?? {});
    if (entries.length === 0) return;
    xml.openNode("dataValidations", { count: entries.length });
    for (const { rule, sqref } of entries) {
      const v = rule as ExcelJS.DataValidation & { type: string; showInputMessage?: boolean; promptTitle?: string; prompt?: string; errorTitle?: string };
      const typed = (v.type as string) !== "any";
      xml.openNode("dataValidation", {
        type: typed ? v.type : undefined,
        operator: typed && v.operator && v.type !== "list" && v.operator !== "between" ? v.operator : undefined,
        allowBlank: typed && v.allowBlank ? "1" : undefined,
        showInputMessage: v.showInputMessage ? "1" : undefined,
        promptTitle: v.promptTitle || undefined,
        prompt: v.prompt || undefined,
        showErrorMessage: v.showErrorMessage ? "1" : undefined,
        errorStyle: v.errorStyle || undefined,
        errorTitle: v.errorTitle || undefined,
        error: v.error || undefined,
        sqref,
      });
      (v.formulae ?? []).forEach((formula: unknown, i: number) => {
        xml.openNode(`formula${i + 1}`);
        xml.writeText(v.type === "date" ? String(excelDate(new Date(formula as string | number | Date))) : String(formula));
        xml.closeNode();
      });
      xml.closeNode();
    }
    xml.closeNode();
  };
}
