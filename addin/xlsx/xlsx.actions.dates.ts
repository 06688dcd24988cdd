import type ExcelJS from "exceljs";
import { templateActionDates } from "../actions/actions.dates.js";
import type { Template } from "../model/template.types.js";
import { TABLES } from "../plan/names.js";
import { findTables, plainTableOf } from "./xlsx.tables.js";

/**
 * Dates the template's own actions of a loaded workbook from its new assessment date (`to`; the old
 * one was `from`): their blank or untouched start and due dates become the date plus their offsets
 * (`templateActionDates`). Returns how many cells changed. A workbook without an action plan changes nothing.
 */
export function dateTemplateActions(wb: ExcelJS.Workbook, template: Pick<Template, "actions">, from: Date | null, to: Date | null): number {
  const table = findTables(wb).get(TABLES.actions.toLowerCase());
  if (!table) return 0;
  const plain = plainTableOf(table);
  const writes = templateActionDates(template, plain.headers, plain.rows, from, to);
  // A day number in a date-formatted cell, as the plan wrote it.
  for (const w of writes) table.sheet.getCell(table.top + 1 + w.row, table.left + w.col).value = w.serial;
  return writes.length;
}
