import type { Lang } from "../model/template.types.js";
import type { CellStyle, ColumnPlan, ValidationRule } from "./plan.types.js";

/** What a table's column is, apart from its header's language. */
export interface ColumnSpec {
  width: number;
  input?: boolean;
  style?: CellStyle;
  numFmt?: string;
  wrap?: boolean;
  validation?: ValidationRule;
}

/**
 * Builds a table's columns in the order of `specs`, headers from `headers` in `lang`.
 * Keys missing from `specs` are left out (a part that is not generated).
 */
export function columnsOf<K extends string>(
  headers: Record<K, Record<Lang, string>>,
  specs: Partial<Record<K, ColumnSpec>>,
  lang: Lang,
): ColumnPlan[] {
  return (Object.keys(specs) as K[]).map((key) => {
    const s = specs[key] as ColumnSpec;
    const col: ColumnPlan = {
      key,
      header: headers[key][lang],
      width: s.width,
      input: s.input ?? false,
      style: s.style ?? (s.input ? "input" : "computed"),
    };
    if (s.numFmt !== undefined) col.numFmt = s.numFmt;
    if (s.wrap) col.wrap = true;
    if (s.validation) col.validation = s.validation;
    return col;
  });
}

/** The header of a column key in a built column list; a missing key is a programming error. */
export function headerOf(columns: readonly ColumnPlan[], key: string): string {
  const c = columns.find((x) => x.key === key);
  if (!c) throw new Error(`no column "${key}" in this table`);
  return c.header;
}

/** 1-based position of a column key inside its table; a missing key is a programming error. */
export function indexOf(columns: readonly ColumnPlan[], key: string): number {
  const i = columns.findIndex((x) => x.key === key);
  if (i < 0) throw new Error(`no column "${key}" in this table`);
  return i + 1;
}

/** Common number formats. Codes, not locale text: Excel shows them in the user's locale. */
export const FORMATS = {
  date: "yyyy-mm-dd",
  percent: "0%",
  score: "0.0",
} as const;
