/**
 * Scaffolding shared by the LibreOffice parity tests (tests/libreoffice/*.parity.test.ts): recalculate
 * a batch of generated workbooks in one LibreOffice run and read them back, collect the figures on
 * which the recalculated workbook and the engine disagree, and find a planned table and its columns.
 */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SheetKey, TablePlan, WorkbookPlan } from "../../addin/plan/plan.types.js";
import type { CriterionResult } from "../../addin/scoring/scoring.types.js";
import { recalculateMany, type RecalculateOptions } from "./libreoffice.js";

/** One workbook to recalculate: its .xlsx bytes. */
export interface ParityInput {
  bytes: Uint8Array | Buffer;
}

/** The name the `i`-th input is written under (in `<temp dir>/in/`), also a fit label for the engine's reader. */
export function caseFileName(i: number): string {
  return `case-${i}.xlsx`;
}

/**
 * Writes every input's bytes to `<temp dir>/in/case-<i>.xlsx` (the temp dir made from `prefix`, e.g.
 * "qg-parity-"), recalculates them all in one LibreOffice run into `<temp dir>/out/`, and returns the
 * recalculated workbooks read with ExcelJS, in input order.
 */
export async function recalculatedWorkbooks(
  prefix: string,
  inputs: readonly ParityInput[],
  options: RecalculateOptions = {},
): Promise<ExcelJS.Workbook[]> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  mkdirSync(path.join(dir, "in"));
  const files = inputs.map((input, i) => {
    const file = path.join(dir, "in", caseFileName(i));
    writeFileSync(file, input.bytes);
    return file;
  });
  const outputs = await recalculateMany(files, path.join(dir, "out"), options);
  const workbooks: ExcelJS.Workbook[] = [];
  for (const out of outputs) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    workbooks.push(wb);
  }
  return workbooks;
}

/** What {@link mismatchCollector} returns: the comparator and the mismatch lines it has pushed. */
export interface MismatchCollector {
  /**
   * Compares a recalculated cell's value with the engine's: `want` null expects a blank cell (null or
   * ""), a number expects a number within the tolerance, a string expects that very string. A
   * mismatch is pushed onto `lines` as `<what>: workbook <got>, engine <want>`.
   */
  same: (what: string, got: unknown, want: number | string | null) => void;
  /** The mismatches so far, as readable lines; a test may push its own lines too. */
  lines: string[];
}

/** A fresh comparator of workbook figures against the engine's, numbers equal within `tolerance`. */
export function mismatchCollector(tolerance: number): MismatchCollector {
  const lines: string[] = [];
  const same = (what: string, got: unknown, want: number | string | null): void => {
    const blank = got === null || got === "";
    if (want === null) {
      if (!blank) lines.push(`${what}: workbook ${JSON.stringify(got)}, engine null`);
    } else if (typeof want === "number") {
      if (typeof got !== "number" || Math.abs(got - want) > tolerance) lines.push(`${what}: workbook ${JSON.stringify(got)}, engine ${want}`);
    } else if (got !== want) lines.push(`${what}: workbook ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`);
  };
  return { same, lines };
}

/** The name of the plan's sheet `key` and its first table (the grid, the register, the action plan…). */
export function planTable(plan: WorkbookPlan, key: SheetKey): { sheet: string; table: TablePlan } {
  const s = plan.sheets.find((x) => x.key === key);
  const table = s?.tables[0];
  if (!s || !table) throw new Error(`no ${key}`);
  return { sheet: s.name, table };
}

/**
 * The sheet column (1-based, as ExcelJS counts) of a planned table's column, by its key. A missing
 * column fails loudly rather than reading a neighbour.
 */
export function columnOf(table: { left: number; columns: readonly { key: string }[] }, key: string): number {
  const i = table.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return table.left + i;
}

/**
 * The figures of a criterion's grid row that every parity test compares with the engine: its id,
 * gap, priority, scored and N/A flags, points, and — where `has` says the grid has them — answered
 * and required-not-met. `v` reads a column's recalculated value on the row, by key.
 */
export function sameCriterionRow(same: MismatchCollector["same"], v: (key: string) => unknown, c: CriterionResult, has: (key: string) => boolean): void {
  same(`${c.id} criterion`, v("criterion"), c.id);
  same(`${c.id} gap`, v("gap"), c.gap);
  same(`${c.id} priority`, v("priority"), c.priority);
  same(`${c.id} scored`, v("scored"), c.score === null ? 0 : 1);
  same(`${c.id} not applicable`, v("notApplicable"), c.rating.kind === "na" ? 1 : 0);
  same(`${c.id} points`, v("points"), c.score === null ? 0 : c.weight * c.score);
  if (has("answered")) same(`${c.id} answered`, v("answered"), c.score !== null || (c.type === "text" && c.text !== "") ? 1 : 0);
  if (has("requiredNotMet")) same(`${c.id} required not met`, v("requiredNotMet"), c.requiredNotMet ? 1 : 0);
}
