import type ExcelJS from "exceljs";
import { serialOfDay } from "../model/date.serial.js";
import type { SettingKey, WorkbookSettings } from "../model/settings.js";
import type { Lang } from "../model/template.types.js";
import { CONSOLIDATION_CHOICES, YES_NO } from "../plan/labels.js";
import { NAMES, SETTING_NAMES } from "../plan/names.js";

/** Why settings were not written: the workbook lacks the named cell of one of them (made before settings existed). */
export type SettingsWrite = { ok: true } | { ok: false; missing: string };

/**
 * Writes settings into a loaded Qualigrid workbook, each into the cell its name (`QG_AssessmentDate`…)
 * points to, as the plan writes them in the workbook's language `lang`: text, a date as a day number
 * (the cell keeps its date format), numbers, « moyenne » / "mean", « Oui » / "No". Checks every
 * name first: a workbook without `QG_Settings` or one of the names is left untouched.
 */
export function writeSettings(wb: ExcelJS.Workbook, lang: Lang, changes: Partial<WorkbookSettings>): SettingsWrite {
  const keys = Object.keys(changes) as SettingKey[];
  if (namedCell(wb, NAMES.settings, true) === null) return { ok: false, missing: NAMES.settings };
  const cells = new Map<SettingKey, ExcelJS.Cell>();
  for (const key of keys) {
    const cell = namedCell(wb, SETTING_NAMES[key]);
    if (!cell) return { ok: false, missing: SETTING_NAMES[key] };
    cells.set(key, cell);
  }
  for (const [key, cell] of cells) cell.value = cellValueOf(key, changes[key] ?? null, lang);
  return { ok: true };
}

/** A setting as its cell holds it in a workbook of language `lang`. */
function cellValueOf(key: SettingKey, v: WorkbookSettings[SettingKey] | null, lang: Lang): ExcelJS.CellValue {
  if (v === null) return null;
  switch (key) {
    case "assessmentDate":
      return serialOfDay(v as Date);
    case "consolidation":
      return CONSOLIDATION_CHOICES[v as WorkbookSettings["consolidation"]][lang];
    case "showOthers":
      return (v ? YES_NO[0] : YES_NO[1])?.[lang] ?? null;
    default:
      // A plain string cell is text in the file: an organization named "=…" never becomes a formula.
      return v as string | number;
  }
}

/** The cell a defined name points to (its first cell when `range` allows a range), or null. */
function namedCell(wb: ExcelJS.Workbook, name: string, range = false): ExcelJS.Cell | null {
  const ref = wb.definedNames.getRanges(name).ranges[0];
  if (!ref) return null;
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)(:\$?[A-Z]+\$?\d+)?$/.exec(ref);
  if (!m || m[1] === undefined || (m[4] !== undefined && !range)) return null;
  const ws = wb.getWorksheet(m[1].replace(/''/g, "'"));
  return ws ? ws.getCell(`${m[2]}${m[3]}`) : null;
}
