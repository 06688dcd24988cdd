import type ExcelJS from "exceljs";
import { HEADERS, type StepsKey } from "../plan/labels.js";
import type { Put } from "./xlsx.upgrade.formulas.js";
import type { FoundTable } from "./xlsx.tables.js";

/** The process table's columns the user fills in; the others come from the template. */
const STEP_INPUTS: readonly StepsKey[] = ["done", "responsible", "status", "note"];

/** A cell left behind by an upgrade, for the notes sheet. */
export interface StepNote {
  sheet: string;
  row: number;
  col: number;
  cell: ExcelJS.Cell;
}

/**
 * Carries what the user entered in the old workbook's process table (`QG_Steps`: date done,
 * responsible, status, note) into the new one, row by row by step id (case-insensitively), columns
 * by their French or English header. Returns the entries of steps the new version no longer has
 * (or of a new workbook without a process table), so that the notes sheet lists them instead of
 * dropping them.
 */
export function carrySteps(oldT: FoundTable | undefined, newT: FoundTable | undefined, put: Put): StepNote[] {
  if (!oldT) return [];
  const col = (t: FoundTable, key: StepsKey): number | undefined => {
    const names = Object.values(HEADERS.steps[key]).map((h) => h.toLowerCase());
    const i = t.headers.findIndex((h) => names.includes(h.trim().toLowerCase()));
    return i < 0 ? undefined : t.left + i;
  };
  const idOld = col(oldT, "id");
  if (idOld === undefined) return [];
  const newRows = new Map<string, number>();
  const idNew = newT ? col(newT, "id") : undefined;
  if (newT && idNew !== undefined) {
    for (let r = newT.top + 1; r <= newT.bottom; r++) {
      const id = String(newT.sheet.getCell(r, idNew).text ?? "").trim().toLowerCase();
      if (id !== "" && !newRows.has(id)) newRows.set(id, r);
    }
  }
  const left: StepNote[] = [];
  for (let r = oldT.top + 1; r <= oldT.bottom; r++) {
    const id = String(oldT.sheet.getCell(r, idOld).text ?? "").trim().toLowerCase();
    const to = newRows.get(id);
    for (const key of STEP_INPUTS) {
      const from = col(oldT, key);
      if (from === undefined) continue;
      const cell = oldT.sheet.getCell(r, from);
      if (cell.value === null || cell.value === undefined || cell.value === "") continue;
      const dest = newT && to !== undefined ? col(newT, key) : undefined;
      if (newT && to !== undefined && dest !== undefined) put(cell, newT.sheet.getCell(to, dest), oldT.name);
      else left.push({ sheet: oldT.sheet.name, row: r, col: from, cell });
    }
  }
  return left;
}
