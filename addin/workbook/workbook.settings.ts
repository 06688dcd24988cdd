import { dayOfCell } from "../model/date.serial.js";
import { issueOf } from "../model/messages/message.catalog.js";
import "../model/messages/messages.settings.js";
import { consolidationOfText, DEFAULT_WORKBOOK_SETTINGS, SETTING_KEYS, yesNoOfText, type SettingKey, type WorkbookSettings } from "../model/settings.js";
import { plainText, type PlainValue } from "../model/table.plain.js";
import type { InputIssue } from "../model/template.types.js";
import { SETTING_NAMES } from "../plan/names.js";

/** The named cells of `QG_Settings` a reader collects (with `READ_NAMES`). */
export const SETTING_READ_NAMES: readonly string[] = SETTING_KEYS.map((k) => SETTING_NAMES[k]);

/**
 * The workbook's settings from the values of their named cells (`names`, by lower-cased name), as
 * the workbook's formulas read them: none when the workbook has none of their names (made before
 * the settings: the model then takes design.md's defaults); a blank cell takes its default,
 * silently; a value the cell may not hold (text in the
 * completion threshold, a date typed as text) takes the default too, with a warning naming the
 * setting — the formulas fall back the same way (`ISNUMBER`). The date is a number or a date cell.
 */
export function settingsOfNames(names: ReadonlyMap<string, PlainValue>, file: string): { settings: WorkbookSettings | undefined; warnings: InputIssue[] } {
  // A workbook made before the settings has none of their names: it has no settings (the model takes the defaults).
  if (!SETTING_KEYS.some((key) => names.has(SETTING_NAMES[key].toLowerCase()))) return { settings: undefined, warnings: [] };
  const settings: WorkbookSettings = { ...DEFAULT_WORKBOOK_SETTINGS };
  const warnings: InputIssue[] = [];
  const put = settings as unknown as Record<SettingKey, unknown>;
  for (const key of SETTING_KEYS) {
    const name = SETTING_NAMES[key];
    const v = names.get(name.toLowerCase()) ?? null;
    if (v === null || (typeof v === "string" && v.trim() === "")) continue;
    const read = settingOfCell(key, v);
    if (read.ok) {
      put[key] = read.value;
    } else {
      const code = key === "assessmentDate" ? "settings.unreadableDate" : "settings.unreadable";
      warnings.push(issueOf(code, { key, name, value: plainText(v) }, `${file}: ${name}`, "warning"));
    }
  }
  return { settings, warnings };
}

function settingOfCell(key: SettingKey, v: Exclude<PlainValue, null>): { ok: true; value: unknown } | { ok: false } {
  const no = { ok: false } as const;
  switch (key) {
    case "organization":
      return { ok: true, value: plainText(v).trim() };
    case "assessmentDate":
      // A number or a date cell, as ISNUMBER sees it: text that looks like a date is not one to a formula.
      return v instanceof Date || typeof v === "number" ? ((d) => (d ? { ok: true, value: d } : no))(dayOfCell(v)) : no;
    case "completionThreshold":
    case "spreadThreshold":
    case "agreementTolerance":
      return typeof v === "number" && Number.isFinite(v) ? { ok: true, value: v } : no;
    case "consolidation": {
      const m = typeof v === "string" ? consolidationOfText(v) : null;
      return m ? { ok: true, value: m } : no;
    }
    case "showOthers": {
      const b = typeof v === "string" ? yesNoOfText(v) : typeof v === "boolean" ? v : null;
      return b === null ? no : { ok: true, value: b };
    }
  }
}
