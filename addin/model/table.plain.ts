/** A cell's content reduced to what the engine reads (a formula's result, a link's text). */
export type PlainValue = string | number | boolean | Date | null;

/**
 * A table as a reader sees it, whatever it was read from (an .xlsx file through exceljs, the open
 * workbook through Office.js): where it is, its header texts and its data rows as plain values.
 */
export interface PlainTable {
  name: string;
  sheet: string;
  /** 1-based row of the header and column of the first column. */
  top: number;
  left: number;
  headers: string[];
  /** One entry per data row, one value per column; blanks are `null`. */
  rows: PlainValue[][];
}

/** Tables by lower-cased name (Excel table names are case-insensitive). */
export type PlainTables = ReadonlyMap<string, PlainTable>;

/** A value as text for messages and text fields (`""` when blank, dates as `yyyy-mm-dd`). */
export function plainText(v: PlainValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * Positions (0-based, within the table) of the columns whose header is one of each key's
 * accepted texts, compared case-insensitively; keys not found are absent.
 */
export function locateColumns<K extends string>(table: Pick<PlainTable, "headers">, headers: Record<K, Record<string, string>>): Partial<Record<K, number>> {
  const norm = (s: string): string => s.trim().toLocaleLowerCase();
  const at = new Map<string, number>();
  table.headers.forEach((h, i) => {
    if (!at.has(norm(h))) at.set(norm(h), i);
  });
  const out: Partial<Record<K, number>> = {};
  for (const key of Object.keys(headers) as K[]) {
    for (const text of Object.values(headers[key])) {
      const i = at.get(norm(text));
      if (i !== undefined) {
        out[key] = i;
        break;
      }
    }
  }
  return out;
}
