import { issueOf } from "../../model/messages/message.catalog.js";
import type { MessageParams } from "../../model/messages/message.types.js";
import { SETTINGS_MESSAGES } from "../../model/messages/messages.settings.js";
import "../../model/messages/messages.limits.js";
import { ORGANIZATION_MAX_LENGTH, parseSettingText, SETTING_ALIASES, SETTING_KEYS, settingKeyOf, type SettingKey, type SettingProblem, type WorkbookSettings } from "../../model/settings.js";
import type { InputIssue, Lang } from "../../model/template.types.js";
import { CONSOLIDATION_CHOICES, YES_NO } from "../../plan/labels.js";
import { NAMES } from "../../plan/names.js";
import { saveWorkbook } from "../../xlsx/xlsx.io.js";
import { dateTemplateActions } from "../../xlsx/xlsx.actions.dates.js";
import { writeSettings } from "../../xlsx/xlsx.settings.js";
import { BadInput, EXIT, outputTarget, writeFileAtomic, type CliIo } from "../cli.io.js";
import { Cli } from "../cli.lang.js";
import { cliText, num } from "../cli.print.js";
import { openAssessment } from "../workbook.open.js";

/** A message of the settings section in `lang`. */
export function settingsText(code: keyof typeof SETTINGS_MESSAGES, lang: Lang, params: MessageParams = {}): string {
  return SETTINGS_MESSAGES[code][lang](params);
}

/** Every setting as the command line names it, French first then English: `organisation|organization, date, …`. */
export function settingKeysText(): string {
  return SETTING_KEYS.map((k) => SETTING_ALIASES[k].slice(0, 2).join("|")).join(", ");
}

/** The choices of a setting typed as a word, for messages. */
const CHOICES: Partial<Record<SettingKey, string>> = {
  consolidation: [...Object.values(CONSOLIDATION_CHOICES).map((c) => c.fr), ...Object.values(CONSOLIDATION_CHOICES).map((c) => c.en)].join(", "),
  showOthers: [...YES_NO.map((c) => c.fr.toLowerCase()), ...YES_NO.map((c) => c.en.toLowerCase())].join(", "),
};

/** The issue of a refused setting value, naming the value (and the setting), at `path`. */
export function settingIssue(key: SettingKey, value: string, problem: SettingProblem, path: string): InputIssue {
  switch (problem) {
    case "badDate":
      return issueOf("settings.badDate", { key, value }, path);
    case "badThreshold":
      return issueOf("settings.badThreshold", { key, value }, path);
    case "badNumber":
      return issueOf("settings.badNumber", { key, value }, path);
    case "badChoice":
      return issueOf("settings.badChoice", { key, value, choices: CHOICES[key] ?? "" }, path);
    case "required":
      return issueOf("settings.required", { key }, path);
    case "tooLong":
      return issueOf("limits.organizationTooLong", { length: value.trim().length, limit: ORGANIZATION_MAX_LENGTH }, path);
  }
}

/**
 * The settings `new --org NAME --date YYYY-MM-DD` gives the workbook; a date that is not a real
 * `YYYY-MM-DD` day is refused naming the option, before anything is written.
 */
export function settingsOfOptions(opts: { org?: string; date?: string }): Partial<WorkbookSettings> {
  const out: Partial<WorkbookSettings> = {};
  if (opts.org !== undefined) {
    const org = parseSettingText("organization", opts.org);
    if (!org.ok) throw new BadInput([settingIssue("organization", opts.org, org.problem, "--org")]);
    out.organization = org.value;
  }
  if (opts.date !== undefined) {
    const d = parseSettingText("assessmentDate", opts.date);
    if (!d.ok) throw new BadInput([settingIssue("assessmentDate", opts.date, d.problem, "--date")]);
    out.assessmentDate = d.value;
  }
  return out;
}

/**
 * `qualigrid set <file.xlsx> <key> <value> [-o out.xlsx]`: changes one workbook setting
 * (`QG_Settings`). The key is French or English (`settingKeyOf`), the value as a person types it
 * (`parseSettingText`). A key or value refused, or a workbook made before the settings, stops
 * everything before anything is written; the file is replaced at once (or `-o` written).
 */
export async function setCommand(io: CliIo, file: string, keyText: string, valueText: string, opts: { output?: string; overwrite?: boolean }): Promise<number> {
  const target = await outputTarget(file, opts.output, opts.overwrite);
  const { workbook, assessment } = await openAssessment(file, io);
  const lang: Lang = io instanceof Cli ? io.lang : assessment.lang;
  const key = settingKeyOf(keyText);
  if (key === null) throw new BadInput([issueOf("settings.unknownKey", { key: keyText, keys: settingKeysText() }, file)]);
  const parsed = parseSettingText(key, valueText);
  if (!parsed.ok) throw new BadInput([settingIssue(key, valueText, parsed.problem, file)]);
  if (assessment.settings && sameSetting(assessment.settings[key], parsed.value)) {
    io.out(cliText("cli.write.unchanged", lang, { file }));
    return EXIT.ok;
  }
  const written = writeSettings(workbook, assessment.lang, { [key]: parsed.value } as Partial<WorkbookSettings>);
  if (!written.ok) {
    throw new BadInput([issueOf("settings.missing", { name: NAMES.settings, file, template: assessment.template.id }, file)]);
  }
  // The template's own actions take their dates from the assessment date: they follow it.
  const dated = key === "assessmentDate" ? dateTemplateActions(workbook, assessment.template, assessment.assessment.assessmentDate, parsed.value as Date | null) : 0;
  await writeFileAtomic(target, await saveWorkbook(workbook), io);
  io.out(settingsText("settings.done", lang, { key, value: shown(key, parsed.value, lang), file: target }));
  if (dated > 0) io.out(settingsText("settings.actionsDated", lang, { count: dated }));
  return EXIT.ok;
}

/** Whether a setting already holds the value given (a date: the same day). */
function sameSetting(a: WorkbookSettings[SettingKey], b: WorkbookSettings[SettingKey]): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/** A setting's value as the confirmation shows it. */
function shown(key: SettingKey, v: WorkbookSettings[SettingKey], lang: Lang): string {
  if (v === null) return settingsText("settings.blank", lang);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "boolean") return (v ? YES_NO[0] : YES_NO[1])?.[lang] ?? String(v);
  if (typeof v === "number") return key === "completionThreshold" ? `${num(Math.round(v * 1000) / 10, lang)}${lang === "fr" ? "\u00a0%" : "%"}` : num(v, lang);
  if (key === "consolidation") return CONSOLIDATION_CHOICES[v as WorkbookSettings["consolidation"]][lang];
  return v;
}
