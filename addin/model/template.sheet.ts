import { LANGS, type LocalizedText, type Result, type Template } from "./template.types.js";
import { parseTemplate } from "./template.parse.js";

/** A cell value as read from or written to a template sheet. */
export type SheetCell = string | number | boolean | null;

/** The tables a template travels in, in a workbook (design.md: stable names). */
export const TEMPLATE_TABLES = { info: "QG_TemplateInfo", items: "QG_TemplateItems" } as const;

/** The columns of the template items table (`QG_TemplateItems`): one row per criterion. */
export const TEMPLATE_ITEM_COLUMNS = [
  "dimensionId",
  "dimensionTitle[fr]",
  "dimensionTitle[en]",
  "dimensionDescription[fr]",
  "dimensionDescription[en]",
  "dimensionWeight",
  "dimensionTarget",
  "criterionId",
  "text[fr]",
  "text[en]",
  "guidance[fr]",
  "guidance[en]",
  "weight",
  "targetLevel",
  "evidence[fr]",
  "evidence[en]",
] as const;

/** The key/value rows of `QG_TemplateInfo` and the rows of `QG_TemplateItems` for a template. */
export interface TemplateSheetRows {
  info: [string, SheetCell][];
  items: SheetCell[][];
}

/** Format version of the template sheet, written as the `format` key. */
export const TEMPLATE_SHEET_FORMAT = 1;

/**
 * Lays a template out as the key/value rows and item rows a workbook carries, so a shared
 * workbook describes itself. `extra` rows (workbook language, generator) are appended to the info.
 */
export function templateToSheetRows(template: Template, extra: [string, SheetCell][] = []): TemplateSheetRows {
  const info: [string, SheetCell][] = [
    ["format", TEMPLATE_SHEET_FORMAT],
    ["id", template.id],
    ["version", template.version],
    ...localized("title", template.title),
    ...localized("source", template.source),
    ...localized("description", template.description),
    ["target", template.target],
    ["targetLevel", template.targetLevel],
    ["notApplicable", template.scale.notApplicable],
  ];
  template.scale.levels.forEach((l, i) => {
    info.push([`scale[${i}].value`, l.value], ...localized(`scale[${i}].label`, l.label), ...localized(`scale[${i}].description`, l.description));
  });
  (template.maturity ?? []).forEach((b, i) => {
    info.push([`maturity[${i}].min`, b.min], ...localized(`maturity[${i}].label`, b.label));
  });
  info.push(...extra);
  const items: SheetCell[][] = [];
  for (const d of template.dimensions) {
    for (const c of d.criteria) {
      items.push([
        d.id,
        ...both(d.title),
        ...both(d.description),
        d.weight,
        d.target ?? null,
        c.id,
        ...both(c.text),
        ...both(c.guidance),
        c.weight,
        c.targetLevel ?? null,
        ...both(c.evidence),
      ]);
    }
  }
  return { info, items };
}

/**
 * Rebuilds a template from the rows of a template sheet and validates it as template JSON.
 * `where` names the sheet in issue paths.
 */
export function templateFromSheetRows(rows: TemplateSheetRows, where: string): Result<Template> {
  const info = new Map<string, SheetCell>();
  for (const [k, v] of rows.info) if (typeof k === "string" && k.trim() !== "") info.set(k.trim(), v);
  const text = (key: string): LocalizedText | undefined => readLocalized((lang) => info.get(`${key}[${lang}]`));
  const num = (key: string): number | undefined => toNumber(info.get(key));

  const levels: unknown[] = [];
  for (let i = 0; info.has(`scale[${i}].value`); i++) {
    levels.push(clean({ value: num(`scale[${i}].value`), label: text(`scale[${i}].label`), description: text(`scale[${i}].description`) }));
  }
  const maturity: unknown[] = [];
  for (let i = 0; info.has(`maturity[${i}].min`); i++) {
    maturity.push(clean({ min: num(`maturity[${i}].min`), label: text(`maturity[${i}].label`) }));
  }
  const col = (name: (typeof TEMPLATE_ITEM_COLUMNS)[number]): number => TEMPLATE_ITEM_COLUMNS.indexOf(name);
  const dims: { id: string; json: Record<string, unknown>; criteria: unknown[] }[] = [];
  for (const row of rows.items) {
    const cell = (name: (typeof TEMPLATE_ITEM_COLUMNS)[number]): SheetCell => row[col(name)] ?? null;
    const loc = (base: string): LocalizedText | undefined =>
      readLocalized((lang) => cell(`${base}[${lang}]` as (typeof TEMPLATE_ITEM_COLUMNS)[number]));
    const dimId = toText(cell("dimensionId"));
    const critId = toText(cell("criterionId"));
    if (dimId === undefined && critId === undefined) continue;
    let dim = dims.find((d) => d.id === dimId);
    if (!dim) {
      dim = {
        id: dimId ?? "",
        json: clean({
          id: dimId,
          title: loc("dimensionTitle"),
          description: loc("dimensionDescription"),
          weight: toNumber(cell("dimensionWeight")),
          target: toNumber(cell("dimensionTarget")),
        }),
        criteria: [],
      };
      dims.push(dim);
    }
    dim.criteria.push(
      clean({
        id: critId,
        text: loc("text"),
        guidance: loc("guidance"),
        weight: toNumber(cell("weight")),
        targetLevel: toNumber(cell("targetLevel")),
        evidence: loc("evidence"),
      }),
    );
  }
  const na = info.get("notApplicable");
  const json = clean({
    id: toText(info.get("id")),
    version: toText(info.get("version")),
    title: text("title"),
    source: text("source"),
    description: text("description"),
    scale: { levels, notApplicable: na === undefined || na === null ? undefined : na === true || String(na).toUpperCase() === "TRUE" },
    target: num("target"),
    targetLevel: num("targetLevel"),
    maturity: maturity.length > 0 ? maturity : undefined,
    dimensions: dims.map((d) => ({ ...d.json, criteria: d.criteria })),
  });
  const parsed = parseTemplate(json);
  const prefix = <T extends { path: string }>(i: T): T => ({ ...i, path: `${where}: ${i.path}` });
  return parsed.ok ? { ...parsed, warnings: parsed.warnings.map(prefix) } : { ok: false, issues: parsed.issues.map(prefix) };
}

function localized(key: string, t: LocalizedText | undefined): [string, SheetCell][] {
  if (t === undefined) return [];
  const [fr, en] = both(t);
  return [
    [`${key}[fr]`, fr],
    [`${key}[en]`, en],
  ];
}

/** The French and English cells of a text; a language-less text goes in both. */
function both(t: LocalizedText | undefined): [string | null, string | null] {
  if (t === undefined) return [null, null];
  if (typeof t === "string") return [t, t];
  return [t.fr ?? null, t.en ?? null];
}

function readLocalized(get: (lang: "fr" | "en") => SheetCell | undefined): LocalizedText | undefined {
  const out: Partial<Record<"fr" | "en", string>> = {};
  for (const lang of LANGS) {
    const v = toText(get(lang));
    if (v !== undefined) out[lang] = v;
  }
  if (out.fr !== undefined && out.fr === out.en) return out.fr;
  return Object.keys(out).length > 0 ? out : undefined;
}

function toText(v: SheetCell | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = String(v);
  return s.trim() === "" ? undefined : s;
}

function toNumber(v: SheetCell | undefined): number | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "number") return v;
  const n = Number(String(v).trim().replace(",", "."));
  return Number.isFinite(n) ? n : (v as unknown as number);
}

function clean<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
