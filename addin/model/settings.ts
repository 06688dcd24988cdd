import type { AssessmentSettings } from "./assessment.types.js";
import { matchKey } from "./text.match.js";

/** Everything `QG_Settings` holds (design.md "Workbook settings"): who, when, and the assessment's settings. */
export interface WorkbookSettings extends AssessmentSettings {
  /** The organization assessed; null when not set. */
  organization: string | null;
  /** The assessment date, a UTC day: the reference date for evidence expiry (today when null). */
  assessmentDate: Date | null;
}

/** One setting of `QG_Settings`. */
export type SettingKey = keyof WorkbookSettings;

/** The settings in the order `QG_Settings` lists them. */
export const SETTING_KEYS: readonly SettingKey[] = [
  "organization",
  "assessmentDate",
  "completionThreshold",
  "consolidation",
  "spreadThreshold",
  "agreementTolerance",
  "showOthers",
];

/** design.md's defaults: provisional below 80 % completion, the mean, spread 2, tolerance 1, respondents do not see each other. */
export const DEFAULT_SETTINGS: AssessmentSettings = {
  completionThreshold: 0.8,
  consolidation: "mean",
  spreadThreshold: 2,
  agreementTolerance: 1,
  showOthers: false,
};

/** The settings of a workbook that sets nothing. */
export const DEFAULT_WORKBOOK_SETTINGS: WorkbookSettings = { organization: null, assessmentDate: null, ...DEFAULT_SETTINGS };

/**
 * The names a person may give each setting on the command line, French and English; help shows
 * the first two. They are matched by `matchKey` (case, accents, spaces and hyphens set aside), so
 * « seuil-écart », "Seuil ecart" and `seuilecart` are one key.
 */
export const SETTING_ALIASES: Readonly<Record<SettingKey, readonly string[]>> = {
  organization: ["organisation", "organization", "organisme", "org"],
  assessmentDate: ["date", "assessment-date", "date-evaluation"],
  completionThreshold: ["seuil", "threshold", "seuil-completude", "completion-threshold"],
  consolidation: ["consolidation"],
  spreadThreshold: ["seuil-ecart", "spread-threshold"],
  agreementTolerance: ["tolerance", "agreement-tolerance"],
  showOthers: ["voir-autres", "show-others"],
};

/** The setting a name typed by a person stands for (an alias or the key itself), or null. */
export function settingKeyOf(text: string): SettingKey | null {
  const key = matchKey(text);
  if (key === "") return null;
  for (const k of SETTING_KEYS) {
    if (matchKey(k) === key || SETTING_ALIASES[k].some((a) => matchKey(a) === key)) return k;
  }
  return null;
}

/** The words of each consolidation method, French and English, ignoring case and accents. */
const CONSOLIDATION_WORDS: Record<AssessmentSettings["consolidation"], readonly string[]> = {
  mean: ["moyenne", "mean", "average"],
  median: ["médiane", "median"],
};
const YES = ["oui", "yes", "vrai", "true"];
const NO = ["non", "no", "faux", "false"];

/** Why a typed setting value is refused. */
/** `tooLong`: an organization's name longer than an Excel cell holds (`ORGANIZATION_MAX_LENGTH`). */
export type SettingProblem = "badDate" | "badThreshold" | "badNumber" | "badChoice" | "required" | "tooLong";

/** The longest organization name: what an Excel cell holds (32,767 characters). */
export const ORGANIZATION_MAX_LENGTH = 32_767;

/** A typed setting value read, or why not. */
export type SettingParse<K extends SettingKey = SettingKey> = { ok: true; value: WorkbookSettings[K] } | { ok: false; problem: SettingProblem };

/**
 * A setting's value as a person types it (command line, task pane): the organization as text
 * of at most 32,767 characters (blank clears it); the date as `YYYY-MM-DD`, a real calendar day (blank clears it); the
 * completion threshold from 0 to 1 or as a percentage (`0,8`, `0.8`, `80 %`); the spread and the
 * tolerance as numbers from 0 to 100 (decimal comma or point); the consolidation as « moyenne » /
 * "mean" or « médiane » / "median"; whether others' ratings show as oui/non, yes/no.
 */
export function parseSettingText<K extends SettingKey>(key: K, text: string): SettingParse<K> {
  return parseAny(key, text.trim()) as SettingParse<K>;
}

function parseAny(key: SettingKey, s: string): SettingParse {
  const ok = (value: WorkbookSettings[SettingKey]): SettingParse => ({ ok: true, value });
  const fail = (problem: SettingProblem): SettingParse => ({ ok: false, problem });
  switch (key) {
    case "organization":
      if (s.length > ORGANIZATION_MAX_LENGTH) return fail("tooLong");
      return ok(s === "" ? null : s);
    case "assessmentDate": {
      if (s === "") return ok(null);
      const d = dayOfIsoText(s);
      return d ? ok(d) : fail("badDate");
    }
    case "completionThreshold": {
      const pct = /^(.*?)\s*%$/.exec(s);
      const n = decimalOf(pct ? (pct[1] ?? "") : s);
      if (n === null) return fail(s === "" ? "required" : "badThreshold");
      const v = pct ? n / 100 : n;
      return v >= 0 && v <= 1 ? ok(v) : fail("badThreshold");
    }
    case "spreadThreshold":
    case "agreementTolerance": {
      const n = decimalOf(s);
      if (n === null) return fail(s === "" ? "required" : "badNumber");
      return n >= 0 && n <= 100 ? ok(n) : fail("badNumber");
    }
    case "consolidation": {
      const k = matchKey(s);
      for (const [method, words] of Object.entries(CONSOLIDATION_WORDS)) if (words.some((w) => matchKey(w) === k)) return ok(method as AssessmentSettings["consolidation"]);
      return fail(s === "" ? "required" : "badChoice");
    }
    case "showOthers": {
      const k = matchKey(s);
      if (YES.includes(k)) return ok(true);
      if (NO.includes(k)) return ok(false);
      return fail(s === "" ? "required" : "badChoice");
    }
  }
}

/** `YYYY-MM-DD` as a UTC day when it names a real calendar day (2025-02-30 does not), else null. */
export function dayOfIsoText(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d && y >= 1900 ? day : null;
}

/** A decimal number typed with a comma or a point (`0,8`, `1.5`, `2`), or null. */
function decimalOf(text: string): number | null {
  const s = text.replace(/\s/g, "");
  if (!/^\d+([.,]\d+)?$|^[.,]\d+$/.test(s)) return null;
  return Number(s.replace(",", "."));
}

/** Whether a consolidation word (« médiane », "Median"…) names a method, and which. */
export function consolidationOfText(text: string): AssessmentSettings["consolidation"] | null {
  const r = parseAny("consolidation", text.trim());
  return r.ok ? (r.value as AssessmentSettings["consolidation"]) : null;
}

/** Whether a yes/no word (« Oui », "No"…) says yes, no, or neither (null). */
export function yesNoOfText(text: string): boolean | null {
  const r = parseAny("showOthers", text.trim());
  return r.ok ? (r.value as boolean) : null;
}
