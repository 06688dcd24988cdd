import { absoluteRange } from "../model/cell.address.js";
import { serialOfDay } from "../model/date.serial.js";
import { DEFAULT_WORKBOOK_SETTINGS, SETTING_KEYS, type SettingKey, type WorkbookSettings } from "../model/settings.js";
import { FORMATS } from "./columns.js";
import { CONSOLIDATION_CHOICES, SETTING_LABELS, TEXTS, YES_NO } from "./labels.js";
import { NAMES, SETTING_NAMES } from "./names.js";
import type { BlockCell, NamePlan, PlanOptions, PlanValue, ValidationRule } from "./plan.types.js";

/** Columns of `QG_Settings` on the lists sheet, right of the lists, and of the consolidation choices. */
export const SETTINGS_COL = { key: 18, label: 19, value: 20, consolidation: 22 } as const;

/** The settings a plan writes: its options' over design.md's defaults. */
export function planSettings(options: Pick<PlanOptions, "settings">): WorkbookSettings {
  const out: WorkbookSettings = { ...DEFAULT_WORKBOOK_SETTINGS };
  for (const [k, v] of Object.entries(options.settings ?? {})) {
    if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  }
  return out;
}

/**
 * `QG_Settings` on the lists sheet: under a header row at `head`, one row per setting with its
 * stable key, its label in the workbook's language and its value — an input cell (unlocked),
 * validated (a date, a share from 0 to 1, a list, a number) and named (`QG_AssessmentDate`…), so
 * that formulas and readers find it by name. `QG_Settings` names the rows; the consolidation
 * choices are a list of their own beside them.
 */
export function settingsContent(options: PlanOptions, sheet: string, head: number): { cells: BlockCell[]; names: NamePlan[]; widths: Record<number, number> } {
  const { lang } = options;
  const s = planSettings(options);
  const first = head + 1;
  const C = SETTINGS_COL;
  const cells: BlockCell[] = [
    { row: head - 1, col: C.key, value: TEXTS.listsSettings[lang], style: "subtitle" },
    { row: head, col: C.key, value: TEXTS.listsSettingKey[lang], style: "label" },
    { row: head, col: C.label, value: TEXTS.listsSetting[lang], style: "label" },
    { row: head, col: C.value, value: TEXTS.listsValue[lang], style: "label" },
    { row: head, col: C.consolidation, value: TEXTS.listsConsolidation[lang], style: "label" },
  ];
  const names: NamePlan[] = [];
  const choices = (["mean", "median"] as const).map((m) => CONSOLIDATION_CHOICES[m][lang]);
  choices.forEach((c, i) => cells.push({ row: first + i, col: C.consolidation, value: c, style: "computed" }));
  names.push({ name: NAMES.consolidationChoices, sheet, ref: absoluteRange(first, C.consolidation, first + choices.length - 1, C.consolidation) });

  const list = (name: string): ValidationRule => ({ type: "list", source: `=${name}`, message: TEXTS.invalidChoice[lang] });
  const number: ValidationRule = { type: "decimal", min: 0, max: 100, message: TEXTS.invalidSettingNumber[lang] };
  const value: Record<SettingKey, { value: PlanValue; numFmt?: string; validation?: ValidationRule }> = {
    organization: { value: s.organization },
    assessmentDate: { value: s.assessmentDate ? serialOfDay(s.assessmentDate) : null, numFmt: FORMATS.date, validation: { type: "date", message: TEXTS.invalidDate[lang] } },
    completionThreshold: {
      value: s.completionThreshold,
      numFmt: FORMATS.percent,
      validation: { type: "decimal", min: 0, max: 1, message: TEXTS.invalidThreshold[lang] },
    },
    consolidation: { value: CONSOLIDATION_CHOICES[s.consolidation][lang], validation: list(NAMES.consolidationChoices) },
    spreadThreshold: { value: s.spreadThreshold, validation: number },
    agreementTolerance: { value: s.agreementTolerance, validation: number },
    showOthers: { value: (s.showOthers ? YES_NO[0] : YES_NO[1])?.[lang] ?? null, validation: list(NAMES.yesNo) },
  };
  SETTING_KEYS.forEach((key, i) => {
    const row = first + i;
    const v = value[key];
    cells.push(
      { row, col: C.key, value: key, style: "computed" },
      { row, col: C.label, value: SETTING_LABELS[key][lang], style: "label", wrap: true },
      { row, col: C.value, value: v.value, style: "input", input: true, ...(v.numFmt ? { numFmt: v.numFmt } : {}), ...(v.validation ? { validation: v.validation } : {}) },
    );
    names.push({ name: SETTING_NAMES[key], sheet, ref: absoluteRange(row, C.value, row, C.value) });
  });
  names.push({ name: NAMES.settings, sheet, ref: absoluteRange(first, C.key, first + SETTING_KEYS.length - 1, C.value) });
  return { cells, names, widths: { [C.key]: 20, [C.label]: 44, [C.value]: 14, [C.consolidation]: 14 } };
}

/**
 * The reference date for evidence expiry as a formula: the assessment date when the workbook has
 * one (a number: Excel keeps dates as day numbers), else today.
 */
export const REFERENCE_DATE_FORMULA = `IF(ISNUMBER(${SETTING_NAMES.assessmentDate}),INT(${SETTING_NAMES.assessmentDate}),TODAY())`;

/** The completion threshold as formulas read it: the setting when it is a number, else design.md's default. */
export const COMPLETION_THRESHOLD_FORMULA = `IF(ISNUMBER(${SETTING_NAMES.completionThreshold}),${SETTING_NAMES.completionThreshold},${DEFAULT_WORKBOOK_SETTINGS.completionThreshold})`;
