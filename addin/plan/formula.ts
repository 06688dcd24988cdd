import type { FormulaCell } from "./plan.types.js";

/** A formula cell. */
export function f(formula: string): FormulaCell {
  return { formula: formula.startsWith("=") ? formula : `=${formula}` };
}

/**
 * `Table[[#This Row],[Column]]`: the file form of Excel's `[@Column]`, which Excel shows as
 * `[@Column]` and LibreOffice also understands (it does not know the `@` shorthand).
 */
export function thisRow(table: string, column: string): string {
  return `${table}[[#This Row],[${column}]]`;
}

/** `Table[Column]`: a whole data column. */
export function wholeColumn(table: string, column: string): string {
  return `${table}[${column}]`;
}

/** A text literal for a formula: `"S. O."`, with inner quotes doubled. */
export function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Whether a value is a formula cell. */
export function isFormula(v: unknown): v is FormulaCell {
  return typeof v === "object" && v !== null && "formula" in v;
}
