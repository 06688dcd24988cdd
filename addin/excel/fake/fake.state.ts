import { cellAddress, parseRangeAddress, quoteSheet, rangeAddress } from "../../model/cell.address.js";
import type { Stored } from "./fake.entry.js";

/** Formatting the fake records for one cell. */
export interface FakeFormat {
  numberFormat?: string;
  locked?: boolean;
  fill?: string;
  font?: Record<string, unknown>;
  wrapText?: boolean;
  verticalAlignment?: string;
}

/** One cell: what Excel stored and how it is formatted. */
export interface FakeCell {
  stored: Stored;
  format: FakeFormat;
}

/** Something recorded on a range of a sheet (a validation, a conditional format). */
export interface RangeRecord<T> {
  address: string;
  value: T;
}

/** A chart as the fake records it. */
export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string | undefined;
  name?: string;
  title?: string;
  legend?: string;
  series: { name: string; values?: string; categories?: string; color?: string; marker?: string }[];
  position?: [string, string | undefined];
  axis: { minimum?: unknown; maximum?: unknown };
}

/** A worksheet of the fake workbook. */
export class FakeSheet {
  tabColor: string | undefined;
  readonly cells = new Map<string, FakeCell>();
  /** Every cell a command changed (value, formula or format) since the test last cleared it; cells keep their identity when moved. */
  readonly touched = new Set<FakeCell>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly validations: RangeRecord<{ rule?: unknown; errorAlert?: unknown; ignoreBlanks?: boolean }>[] = [];
  readonly conditionalFormats: RangeRecord<{ type: string; props: Record<string, unknown> }>[] = [];
  readonly charts: FakeChart[] = [];
  protection: { protected: boolean; options?: unknown } = { protected: false };
  freeze: { rows: number; cols: number } | null = null;
  readonly pageLayout: Record<string, unknown> = {};
  /** Manual page breaks, each the top-left cell of the row that starts a page (`horizontalPageBreaks.add`). */
  readonly rowBreaks: string[] = [];
  readonly selectionHandlers = new Set<(e: { address: string; worksheetId: string; type: string; source: string }) => Promise<unknown> | unknown>();
  readonly id: string;

  constructor(
    public name: string,
    index: number,
  ) {
    this.id = `{sheet-${index}}`;
  }

  /** The cell at a 1-based row and column, created empty when absent, to be changed (it is recorded in `touched`). */
  cell(row: number, col: number): FakeCell {
    const key = cellAddress(row, col);
    let c = this.cells.get(key);
    if (!c) {
      c = { stored: { kind: "empty" }, format: {} };
      this.cells.set(key, c);
    }
    this.touched.add(c);
    return c;
  }

  /**
   * Deletes the cells of column `col` in rows `top`–`bottom`, shifting the cells right of it left
   * (Excel's « Delete cells, shift left »), with the validations and conditional formats that lie
   * within those rows (those only in that column go).
   */
  shiftLeft(top: number, bottom: number, col: number): void {
    const moved: [string, FakeCell][] = [];
    for (const [key, c] of [...this.cells]) {
      const p = parseRangeAddress(key);
      if (p.top < top || p.top > bottom || p.left < col) continue;
      this.cells.delete(key);
      if (p.left > col) moved.push([cellAddress(p.top, p.left - 1), c]);
    }
    for (const [key, c] of moved) this.cells.set(key, c);
    const shift = <T>(records: RangeRecord<T>[]): void => {
      for (let i = records.length - 1; i >= 0; i--) {
        const r = records[i] as RangeRecord<T>;
        const b = boundsOf(r.address);
        if (b.top < top || b.bottom > bottom || b.right < col) continue;
        if (b.left === col && b.right === col) records.splice(i, 1);
        else r.address = rangeAddress(b.top, b.left > col ? b.left - 1 : b.left, b.bottom, b.right - 1);
      }
    };
    shift(this.validations);
    shift(this.conditionalFormats);
    this.moveReferences(top, bottom, col + 1, -1);
  }

  /**
   * Moves the A1 references of validation sources and formula rules to cells of rows `top`–`bottom`
   * from column `from` on by `by` columns, as Excel adjusts them when cells shift.
   */
  private moveReferences(top: number, bottom: number, from: number, by: number): void {
    const move = (text: string): string =>
      text.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g, (m, d1: string, letters: string, d2: string, row: string) => {
        const p = parseRangeAddress(`${letters}${row}`);
        if (p.top < top || p.top > bottom || p.left < from) return m;
        return `${d1}${cellAddress(1, p.left + by).replace(/\d+$/, "")}${d2}${row}`;
      });
    for (const v of this.validations) {
      const rule = v.value.rule as { list?: { source?: unknown } } | undefined;
      if (typeof rule?.list?.source === "string") v.value.rule = { ...rule, list: { ...rule.list, source: move(rule.list.source) } };
    }
    for (const cf of this.conditionalFormats) {
      const f = cf.value.props["custom.rule.formula"];
      if (typeof f === "string") cf.value.props["custom.rule.formula"] = move(f);
    }
  }

  /**
   * Inserts `count` cells at column `col` of rows `top`–`bottom`, shifting the cells right of it in
   * those rows (Excel's « Insert cells, shift right »), with the validations and conditional formats
   * that lie within those rows. Cells keep their identity.
   */
  shiftRight(top: number, bottom: number, col: number, count: number): void {
    const moved: [string, FakeCell][] = [];
    for (const [key, c] of [...this.cells]) {
      const p = parseRangeAddress(key);
      if (p.top >= top && p.top <= bottom && p.left >= col) {
        this.cells.delete(key);
        moved.push([cellAddress(p.top, p.left + count), c]);
      }
    }
    for (const [key, c] of moved) this.cells.set(key, c);
    const shift = (records: RangeRecord<unknown>[]): void => {
      for (const r of records) {
        const b = boundsOf(r.address);
        if (b.top < top || b.bottom > bottom || b.right < col) continue;
        r.address = rangeAddress(b.top, b.left >= col ? b.left + count : b.left, b.bottom, b.right + count);
      }
    };
    shift(this.validations);
    shift(this.conditionalFormats);
    this.moveReferences(top, bottom, col, count);
  }

  /** The cell if it was ever touched. */
  peek(row: number, col: number): FakeCell | undefined {
    return this.cells.get(cellAddress(row, col));
  }

  /** Every 1-based cell position of an A1 range (`E5:E12`, `C:C`, `5:7` limited to used cells). */
  positions(address: string): { row: number; col: number }[] {
    const r = boundsOf(address);
    const out: { row: number; col: number }[] = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
    return out;
  }
}

/** A table of the fake workbook. */
export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
  style?: string;
}

/** A workbook-level name. */
export interface FakeName {
  name: string;
  formula: string;
}

/** Corners of an A1 range; whole columns (`C:C`) and rows (`5:7`) are bounded to 1,048,576 rows / 16,384 columns. */
export function boundsOf(address: string): { top: number; left: number; bottom: number; right: number } {
  const a = address.replace(/^.*!/, "").replace(/\$/g, "");
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(a);
  if (cols?.[1] && cols[2]) {
    const l = parseRangeAddress(`${cols[1]}1`).left;
    const r = parseRangeAddress(`${cols[2]}1`).left;
    return { top: 1, left: l, bottom: 1_048_576, right: r };
  }
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: 16_384 };
  return parseRangeAddress(a);
}

/** The fake workbook: sheets in tab order, tables, names, and what the add-in did to them. */
export class FakeWorkbookState {
  name = "Classeur.xlsx";
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly names = new Map<string, FakeName>();
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** `suspendApiCalculationUntilNextSync` calls. */
  calculationSuspended = 0;
  private sheetCount = 0;

  sheet(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name, ++this.sheetCount);
    this.sheets.push(s);
    return s;
  }

  /**
   * The active cell as Excel keeps it: the top-left cell of the selection when the selection is on
   * the active sheet, else A1 of the active sheet (or of the first sheet); null without sheets.
   */
  activeCell(): { sheet: FakeSheet; row: number; col: number } | null {
    const sheet = (this.activeSheet === null ? null : this.sheet(this.activeSheet)) ?? (this.selection ? this.sheet(this.selection.sheet) : null) ?? this.sheets[0] ?? null;
    if (!sheet) return null;
    const selected = this.selection && this.selection.sheet.toLowerCase() === sheet.name.toLowerCase() ? boundsOf(this.selection.address) : null;
    return { sheet, row: selected?.top ?? 1, col: selected?.left ?? 1 };
  }

  table(name: string): FakeTable | null {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  /** A table's header texts, from its header row's cells as Excel names its columns. */
  headers(t: FakeTable): string[] {
    const out: string[] = [];
    for (let c = t.left; c <= t.right; c++) {
      const s = t.sheet.peek(t.top, c)?.stored;
      out.push(s?.kind === "text" ? s.text : s && s.kind !== "empty" && s.kind !== "formula" ? String(s.kind === "error" ? s.code : s.value) : `Column${c - t.left + 1}`);
    }
    return out;
  }

  /** `Sheet!A4:V48`, as Office.js writes addresses (sheet quoted when needed). */
  address(sheet: FakeSheet, top: number, left: number, bottom: number, right: number): string {
    return `${quoteSheet(sheet.name)}!${rangeAddress(top, left, bottom, right)}`;
  }
}
