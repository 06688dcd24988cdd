import { cellAddress } from "../model/cell.address.js";
import { locateColumns, plainText, type PlainTable } from "../model/table.plain.js";
import { HEADERS } from "../plan/labels.js";
import type { StepRowRead } from "./workbook.types.js";

/**
 * The rows of the process table `QG_Steps`, columns found by their French or English headers: the
 * step's id and what the user entered (date done, responsible, status, note), with their cells.
 * A row with neither an id nor an entry is left out; a column the table lost reads as blank.
 */
export function stepRowsOf(t: PlainTable): StepRowRead[] {
  const c = locateColumns(t, HEADERS.steps);
  const out: StepRowRead[] = [];
  t.rows.forEach((values, i) => {
    const text = (col: number | undefined): string => (col === undefined ? "" : plainText(values[col]).trim());
    const row = t.top + 1 + i;
    const ref = (col: number | undefined) => (col === undefined ? null : { sheet: t.sheet, address: cellAddress(row, t.left + col) });
    const step: StepRowRead = {
      id: text(c.id),
      done: c.done === undefined ? null : (values[c.done] ?? null),
      responsible: text(c.responsible),
      status: text(c.status),
      note: text(c.note),
      row,
      rowRef: { sheet: t.sheet, address: cellAddress(row, t.left) },
      plannedCell: ref(c.planned),
      doneCell: ref(c.done),
      statusCell: ref(c.status),
    };
    if ([step.id, text(c.done), step.responsible, step.status, step.note].every((v) => v === "")) return;
    out.push(step);
  });
  return out;
}
