import { columnLetter } from "../model/cell.address.js";
import { DEFAULT_SETTINGS } from "../model/settings.js";
import { naDisplayToken } from "../model/scale.js";
import type { Lang, Template } from "../model/template.types.js";
import type { ColumnSpec } from "./columns.js";
import { f, str, thisRow } from "./formula.js";
import type { GridFeatures } from "./grid.features.js";
import { CONSOLIDATION_CHOICES, respondentHeader, type GridKey, type RespondentColumn } from "./labels.js";
import { NAMES, TABLES } from "./names.js";
import type { ColumnPlan, ConditionalFormatPlan, PlanOptions, PlanValue, ValidationRule } from "./plan.types.js";

type Both = Record<Lang, string>;

/** The respondents' names of a plan; empty for today's unnamed respondent. */
export function planRespondents(options: Pick<PlanOptions, "respondents">): readonly string[] {
  return options.respondents ?? [];
}

/** Whether a plan has the multi layout (contract of issue 16, §1): two respondents or more. */
export function isMultiRespondent(options: Pick<PlanOptions, "respondents">): boolean {
  return planRespondents(options).length >= 2;
}

/** The column key of respondent `k` (1-based): `rating.2`, `level.3`. */
export function respondentKey(column: RespondentColumn, k: number): string {
  return `${column}.${k}`;
}

/** Headers of every per-respondent grid column, in both languages, by key. */
export function respondentGridHeaders(respondents: readonly string[]): Record<string, Both> {
  const out: Record<string, Both> = {};
  respondents.forEach((name, i) => {
    for (const c of ["rating", "answer", "comment", "level", "points", "counted"] as const) {
      out[respondentKey(c, i + 1)] = { fr: respondentHeader(c, name, "fr"), en: respondentHeader(c, name, "en") };
    }
  });
  return out;
}

/**
 * The multi layout's input and consolidation columns, after « Repères »: each respondent's rating,
 * [words] and comment, then the agreed rating and its reason, the consolidated rating, the spread
 * and « À discuter ».
 */
export function respondentInputSpecs(respondents: readonly string[], features: GridFeatures, ratingList: ValidationRule, lang: Lang): Record<string, ColumnSpec> {
  const specs: Record<string, ColumnSpec> = {};
  respondents.forEach((_, i) => {
    const k = i + 1;
    specs[respondentKey("rating", k)] = { width: 12, input: true, validation: ratingList };
    if (features.text) specs[respondentKey("answer", k)] = { width: 32, input: true, wrap: true };
    specs[respondentKey("comment", k)] = { width: 28, input: true, wrap: true };
  });
  const yes = lang === "fr" ? "Oui" : "Yes";
  Object.assign(specs, {
    agreed: { width: 12, input: true, validation: ratingList },
    agreedReason: { width: 28, input: true, wrap: true },
    consolidated: { width: 11, numFmt: "0.00" },
    spread: { width: 10, numFmt: "0.00" },
    // 1 shows « Oui », 0 shows nothing: the column stays a number that SUMIFS and COUNTIFS count.
    toDiscuss: { width: 10, numFmt: `"${yes}";"${yes}";` },
  } satisfies Record<string, ColumnSpec>);
  return specs;
}

/** The multi layout's per-respondent helpers (each kind's columns side by side, so a row reads them as one range), then « Rang à discuter ». */
export function respondentHelperSpecs(respondents: readonly string[]): Record<string, ColumnSpec> {
  const specs: Record<string, ColumnSpec> = {};
  for (const c of ["level", "points", "counted"] as const) {
    respondents.forEach((_, i) => {
      specs[respondentKey(c, i + 1)] = { width: 10, style: "helper", ...(c === "points" ? { numFmt: "0.000" } : {}) };
    });
  }
  specs.discussRow = { width: 9, style: "helper" };
  return specs;
}

/** The formulas shared by the multi layout's columns, and what the consolidated figures read in place of « Cotation ». */
export interface RespondentFormulas {
  formulas: Record<string, PlanValue>;
  /** `QG_Grid[[#This Row],[Cotation consolidée]]`: the rating every score, gap and priority uses. */
  rating: string;
  scored: PlanValue;
  notApplicable: PlanValue;
  /** Text questions: answered when not N/A and someone answered in words. */
  answered: PlanValue;
}

/**
 * The multi layout's formulas (design.md "Respondents and consensus"), one per column, each the
 * same on every row: a respondent's rating becomes a level, the N/A token, « T » (a text question
 * answered in words) or ""; the consolidated rating is the agreed rating when its cell is not blank
 * (read the same way, never falling back on the respondents), else the mean or median of the
 * levels, else N/A when someone said so, else "". Spread and « à discuter » follow. Excel 2010
 * functions only, no array entry.
 */
export function respondentFormulas(template: Template, options: PlanOptions, columns: readonly ColumnPlan[], features: GridFeatures): RespondentFormulas {
  const respondents = planRespondents(options);
  const T = TABLES.grid;
  const h = (k: string): string => {
    const c = columns.find((x) => x.key === k);
    if (!c) throw new Error(`no column "${k}" in the grid`);
    return c.header;
  };
  const row = (k: string): string => thisRow(T, h(k));
  const token = str(naDisplayToken(options.lang));
  const n = respondents.length;
  const levels = `${T}[[#This Row],[${h(respondentKey("level", 1))}]:[${h(respondentKey("level", n))}]]`;
  const isLevel = (x: string): string =>
    features.scales ? `ISNUMBER(MATCH(${row("scale")}&"|"&${x},${NAMES.levelKeys},0))` : `ISNUMBER(MATCH(${x},${NAMES.levelValues},0))`;
  // Compared with `=` inside SUMPRODUCT rather than MATCH, so `*` or `?` typed in a cell are not wildcards.
  const naTest = (x: string): string => `SUMPRODUCT(--(${NAMES.naTokens}=UPPER(SUBSTITUTE(SUBSTITUTE(${x}," ",""),".",""))))>0`;
  const naAllowed = features.perRow ? `${row("naAllowed")}=1` : template.scale.notApplicable ? "TRUE" : "FALSE";
  const naOf = (x: string): string => (naAllowed === "FALSE" ? `""` : naAllowed === "TRUE" ? `IF(${naTest(x)},${token},"")` : `IF(AND(${naAllowed},${naTest(x)}),${token},"")`);
  /** A cell read as the grid counts it; `words`: what a text question's cell gives when not N/A. */
  const levelOf = (x: string, words: string): string => {
    const rating = `IF(ISNUMBER(${x}),IF(${isLevel(x)},${x},""),${naOf(x)})`;
    if (!features.text) return rating;
    return `IF(${row("isText")}=1,IF(AND(${naAllowed},${naTest(x)}),${token},${words}),${rating})`;
  };
  const { min, max } = features.scales ? { min: row("scaleMin"), max: row("scaleMax") } : { min: NAMES.scaleMin, max: NAMES.scaleMax };
  const median = [CONSOLIDATION_CHOICES.median.fr, CONSOLIDATION_CHOICES.median.en, "mediane"].map((w) => `TRIM(${NAMES.consolidation})=${str(w)}`).join(",");
  const threshold = `IF(ISNUMBER(${NAMES.spreadThreshold}),${NAMES.spreadThreshold},${DEFAULT_SETTINGS.spreadThreshold})`;
  const agreed = row("agreed");
  const formulas: Record<string, PlanValue> = {};
  respondents.forEach((_, i) => {
    const k = i + 1;
    const level = row(respondentKey("level", k));
    const words = features.text ? `IF(LEN(TRIM(${row(respondentKey("answer", k))}))>0,"T","")` : `""`;
    formulas[respondentKey("level", k)] = f(levelOf(row(respondentKey("rating", k)), words));
    formulas[respondentKey("points", k)] = f(`IF(ISNUMBER(${level}),${row("weight")}*(${level}-${min})/(${max}-${min}),0)`);
    formulas[respondentKey("counted", k)] = f(`IF(ISNUMBER(${level}),${row("weight")},0)`);
  });
  const fromRespondents = `IF(COUNT(${levels})>0,IF(OR(${median}),MEDIAN(${levels}),AVERAGE(${levels})),IF(COUNTIF(${levels},${token})>0,${token},""))`;
  formulas.consolidated = f(`IF(${agreed}<>"",${levelOf(agreed, `""`)},${fromRespondents})`);
  formulas.spread = f(`IF(COUNT(${levels})>0,MAX(${levels})-MIN(${levels}),"")`);
  formulas.toDiscuss = f(`IF(${agreed}<>"",0,IF(COUNT(${levels})=0,0,IF(OR(${row("spread")}>=${threshold},COUNTIF(${levels},${token})>0),1,0)))`);
  formulas.discussRow = f(`IF(${row("toDiscuss")}=1,ROW(),"")`);
  const consolidated = row("consolidated");
  return {
    formulas,
    rating: consolidated,
    scored: f(`IF(ISNUMBER(${consolidated}),1,0)`),
    notApplicable: f(`IF(${consolidated}=${token},1,0)`),
    answered: features.text ? f(`IF(${row("scored")}=1,1,IF(AND(${row("isText")}=1,${row("notApplicable")}=0,COUNTIF(${levels},"T")>0),1,0))`) : null,
  };
}

/**
 * The grid's highlight of the rows to discuss: their consolidated rating, spread and « À discuter »
 * cells filled (a formula on the row's « À discuter », relative to the first data row).
 */
export function discussHighlight(columns: readonly ColumnPlan[], top: number, left: number, rows: number): ConditionalFormatPlan {
  const at = (k: string): number => left + columns.findIndex((c) => c.key === k);
  const first = top + 1;
  const from = columnLetter(at("consolidated"));
  const to = columnLetter(at("toDiscuss"));
  return { type: "expression", ref: `${from}${first}:${to}${first + rows - 1}`, formula: `$${to}${first}=1`, fill: "FCE4D6" };
}

/** The grid column headers every multi layout has (agreed rating to discussion row), for tests and readers. */
export const MULTI_GRID_KEYS = ["agreed", "agreedReason", "consolidated", "spread", "toDiscuss", "discussRow"] as const satisfies readonly GridKey[];
