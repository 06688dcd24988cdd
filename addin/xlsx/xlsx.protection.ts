import type ExcelJS from "exceljs";
import type { ProtectionMode } from "../host/host.types.js";
import { evidenceInputColumns, gridInputColumns, protectionPlan } from "../host/host.evaluator.js";
import { TABLES } from "../plan/names.js";
import { findTables } from "./xlsx.tables.js";

/**
 * Sets the grid's and the register's protection for `mode` in a loaded workbook, as the live
 * add-in does: each owner's input columns locked or unlocked over the data rows, then the sheet
 * protected (no password, the file renderer's options) or not. Tables absent are left alone.
 */
export async function applyProtectionMode(wb: ExcelJS.Workbook, mode: ProtectionMode): Promise<void> {
  const tables = findTables(wb);
  const parts = [
    { name: TABLES.grid, kind: "grid" as const, columns: gridInputColumns },
    { name: TABLES.evidence, kind: "evidence" as const, columns: evidenceInputColumns },
  ];
  for (const p of parts) {
    const t = tables.get(p.name.toLowerCase());
    if (!t) continue;
    const plan = protectionPlan(mode, p.kind);
    const cols = p.columns(t.headers);
    const set = (columns: readonly number[], locked: boolean): void => {
      for (const c of columns) {
        for (let r = t.top + 1; r <= t.bottom; r++) {
          const cell = t.sheet.getCell(r, t.left + c);
          // A loaded workbook's cells share one style object per style: each gets its own copy, or
          // unlocking the evaluator's cells would unlock every cell of the same style.
          cell.style = { ...cell.style, protection: { locked } };
        }
      }
    };
    set(cols.organization, plan.organizationLocked);
    set(cols.evaluator, plan.evaluatorLocked);
    t.sheet.unprotect();
    if (plan.protect) {
      // No password: the protection guards each side's cells from slips, it is not a secret.
      await t.sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: true });
    }
  }
}
