import { parseA1Ref, parseStructRef, stringifyA1Ref, stringifyTokens, tokenize, tokenTypes } from "@borgar/fx/xlsx";
import type { RangeA1, Token } from "@borgar/fx/xlsx";
import type ExcelJS from "exceljs";
import type { UpgradeSummary } from "../host/host.outcomes.js";

/**
 * Where the rows and columns of one sheet went in an upgrade, old → new (1-based), or `"same"` for a
 * sheet copied whole at the same addresses. A row or column missing from a map did not come along.
 */
export interface SheetMove {
  rows: ReadonlyMap<number, number> | "same";
  cols: ReadonlyMap<number, number> | "same";
}

/** What the new workbook holds that a formula may name, and where the old workbook's cells went. */
export interface FormulaMoves {
  /** By lower-cased sheet name (the sheets keep their names). */
  sheets: ReadonlyMap<string, SheetMove>;
  /** The workbook's defined names, lower-cased. */
  names: ReadonlySet<string>;
  /** The workbook's tables by lower-cased name, with their lower-cased headers. */
  tables: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Where the formula's cell was: its sheet, and the table it lies in (for `[#This Row]`). */
export interface FormulaPlace {
  sheet: string;
  table: string | null;
}

/** A formula re-pointed: its text (without `=`) and whether a reference changed. */
export interface Repointed {
  formula: string;
  changed: boolean;
}

// Functions whose result depends on where their arguments lie rather than on what they hold.
const POSITIONAL = new Set(["INDIRECT", "OFFSET"]);
const REFS = new Set<string>([tokenTypes.REF_RANGE, tokenTypes.REF_BEAM]);
const KEPT = new Set<string>([
  tokenTypes.OPERATOR,
  tokenTypes.BOOLEAN,
  tokenTypes.ERROR,
  tokenTypes.NUMBER,
  tokenTypes.FUNCTION,
  tokenTypes.NEWLINE,
  tokenTypes.WHITESPACE,
  tokenTypes.STRING,
]);

/**
 * A formula of a cell an upgrade carries to another row, with its A1 references re-pointed to where
 * the cells they name went (`moves`), or `null` when that cannot be done soundly: a reference to a
 * sheet, row or column that did not come along, a range whose rows or columns did not move together,
 * a range built with `:` between references, another workbook, a name or table the new workbook lacks,
 * `[#This Row]` of another table, INDIRECT or OFFSET, anything the tokenizer does not recognise.
 */
export function repointFormula(formula: string, at: FormulaPlace, moves: FormulaMoves): Repointed | null {
  let tokens: Token[];
  try {
    tokens = tokenize(formula, { mergeRefs: true, withLocation: false, negativeNumbers: false });
  } catch {
    return null;
  }
  // The tokens must give the formula back as it was, else something was not understood.
  if (stringifyTokens(tokens) !== formula) return null;
  let changed = false;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (REFS.has(t.type)) {
      if (nextTo(tokens, i, ":")) return null;
      const moved = repointRef(t.value, at, moves);
      if (moved === null) return null;
      changed ||= moved !== t.value;
      out.push(moved);
    } else if (t.type === tokenTypes.REF_NAMED) {
      if (!moves.names.has(t.value.toLowerCase())) return null;
      out.push(t.value);
    } else if (t.type === tokenTypes.REF_STRUCT) {
      if (!structKept(t.value, at, moves)) return null;
      out.push(t.value);
    } else if (t.type === tokenTypes.FUNCTION) {
      if (POSITIONAL.has(t.value.toUpperCase().replace(/^_XLFN\./, ""))) return null;
      out.push(t.value);
    } else if (KEPT.has(t.type)) {
      if (t.type === tokenTypes.STRING && t.unterminated) return null;
      out.push(t.value);
    } else return null;
  }
  return { formula: out.join(""), changed };
}

/** Whether the token at `i` has the operator `op` beside it (spaces aside). */
function nextTo(tokens: readonly Token[], i: number, op: string): boolean {
  const near = (step: number): Token | undefined => {
    let j = i + step;
    while (tokens[j]?.type === tokenTypes.WHITESPACE) j += step;
    return tokens[j];
  };
  return [near(-1), near(1)].some((t) => t?.type === tokenTypes.OPERATOR && t.value === op);
}

/** One A1 reference (a cell, a range, whole rows or columns) re-pointed, or null. */
function repointRef(text: string, at: FormulaPlace, moves: FormulaMoves): string | null {
  const ref = parseA1Ref(text, { allowNamed: false });
  if (!ref || !("range" in ref) || ref.workbookName) return null;
  const move = moves.sheets.get((ref.sheetName || at.sheet).toLowerCase());
  if (!move) return null;
  const r = ref.range;
  const rows = span(r.top, r.bottom, move.rows);
  const cols = span(r.left, r.right, move.cols);
  if (rows === null || cols === null) return null;
  if (rows === undefined && cols === undefined) return text;
  const range: RangeA1 = { ...r };
  if (rows) [range.top, range.bottom] = rows;
  if (cols) [range.left, range.right] = cols;
  return stringifyA1Ref({ ...ref, range });
}

/**
 * Where the 0-based span `from`…`to` went: undefined when unchanged (a whole span, or a sheet copied
 * whole), null when some of it did not come along or did not move by one same shift.
 */
function span(from: number | null | undefined, to: number | null | undefined, map: ReadonlyMap<number, number> | "same"): [number, number] | undefined | null {
  if (from === null || from === undefined || map === "same") return undefined;
  const last = to ?? from;
  // A span longer than the map cannot be all in it (and a million-row range costs nothing here).
  if (last - from + 1 > map.size) return null;
  const first = map.get(from + 1);
  if (first === undefined) return null;
  const shift = first - (from + 1);
  for (let k = from; k <= last; k++) if (map.get(k + 1) !== k + 1 + shift) return null;
  return [from + shift, last + shift];
}

/** Whether a structured reference means the same in the new workbook. */
function structKept(text: string, at: FormulaPlace, moves: FormulaMoves): boolean {
  const ref = parseStructRef(text);
  if (!ref || ref.workbookName) return false;
  const table = (ref.table || at.table || "").toLowerCase();
  const headers = moves.tables.get(table);
  if (!headers) return false;
  if (ref.sections?.some((s) => s.toLowerCase() === "this row") && table !== at.table?.toLowerCase()) return false;
  return (ref.columns ?? []).every((c) => headers.has(c.replace(/^@/, "").toLowerCase()));
}

/** Puts what a carried cell holds into its new cell (`table`: the old table it lay in, if any). */
export type Put = (from: ExcelJS.Cell, to: ExcelJS.Cell, table: string | null) => void;

/** A carried cell holding a formula, placed once every table's rows are. */
export interface CarriedFormula {
  from: ExcelJS.Cell;
  to: ExcelJS.Cell;
  table: string | null;
}

/** Whether a cell value is a formula (shared formulas too). */
export function isFormulaValue(v: ExcelJS.CellValue): boolean {
  return typeof v === "object" && v !== null && !(v instanceof Date) && ("formula" in v || "sharedFormula" in v);
}

/**
 * Writes the carried formulas: re-pointed (`repointFormula`) with their last result, or, when that
 * cannot be done, their last value alone. Returns the latter, for the notes sheet.
 */
export function carryFormulas(formulas: CarriedFormula[], moves: FormulaMoves, summary: UpgradeSummary): CarriedFormula[] {
  const asValues: CarriedFormula[] = [];
  for (const c of formulas) {
    const v = c.from.value as ExcelJS.CellFormulaValue;
    const text = c.from.formula;
    const array = (v as { shareType?: string }).shareType === "array";
    const moved = typeof text === "string" && text !== "" && !array ? repointFormula(text, { sheet: c.from.worksheet.name, table: c.table }, moves) : null;
    const where = `${c.to.worksheet.name}!${c.to.address}`;
    if (moved) {
      c.to.value = { formula: moved.formula, result: v.result } as ExcelJS.CellFormulaValue;
      if (moved.changed) summary.formulasMoved.push(where);
    } else {
      c.to.value = v.result === undefined ? null : (v.result as ExcelJS.CellValue);
      summary.formulasAsValues.push({ cell: where, formula: `=${text ?? ""}` });
      asValues.push(c);
    }
  }
  return asValues;
}
