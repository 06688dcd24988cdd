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

/**
 * Columns of `QG_TemplateItems` for the second version's criterion fields (design.md "Template
 * model, second version"), written only when a criterion uses them, read when present: the scale's
 * id, `text` for a free-text question, `TRUE` for a required criterion, the theme's id, the ids it
 * replaces (`A1, A2`) and its level map (`1=0; 2=5`).
 */
export const TEMPLATE_ITEM_EXTRA_COLUMNS = ["scale", "type", "required", "theme", "replaces", "levelMap"] as const;

/** Every column `QG_TemplateItems` may have, in order: readers align item rows to this list. */
export const TEMPLATE_ITEM_ALL_COLUMNS = [...TEMPLATE_ITEM_COLUMNS, ...TEMPLATE_ITEM_EXTRA_COLUMNS] as const;

type ItemColumn = (typeof TEMPLATE_ITEM_ALL_COLUMNS)[number];

/** The key/value rows of `QG_TemplateInfo` and the rows of `QG_TemplateItems` for a template. */
export interface TemplateSheetRows {
  info: [string, SheetCell][];
  /** Item rows, aligned to `columns` (default: `TEMPLATE_ITEM_ALL_COLUMNS`, missing cells read as blank). */
  items: SheetCell[][];
  /** The item columns written: the base ones, then the extra ones some criterion uses. */
  columns?: readonly string[];
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
  info.push(...secondVersionInfo(template));
  info.push(...extra);
  const all = template.dimensions.flatMap((d) => d.criteria);
  const extras = TEMPLATE_ITEM_EXTRA_COLUMNS.filter((k) => all.some((c) => c[k] !== undefined));
  const items: SheetCell[][] = [];
  for (const d of template.dimensions) {
    for (const c of d.criteria) {
      const extraCells: Record<(typeof TEMPLATE_ITEM_EXTRA_COLUMNS)[number], SheetCell> = {
        scale: c.scale ?? null,
        type: c.type ?? null,
        required: c.required === true ? true : null,
        theme: c.theme ?? null,
        replaces: c.replaces ? c.replaces.join(", ") : null,
        levelMap: c.levelMap ? Object.entries(c.levelMap).map(([k, v]) => `${k}=${v}`).join("; ") : null,
      };
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
        ...extras.map((k) => extraCells[k]),
      ]);
    }
  }
  return { info, items, columns: [...TEMPLATE_ITEM_COLUMNS, ...extras] };
}

/**
 * The info rows of the second version's template-wide fields, only those it uses: other scales
 * (`scales.ID.notApplicable`, `scales.ID.targetLevel`, `scales.ID[i].value`, `…label[fr]`), the
 * ids it replaces, each dimension's themes (`themes.DIM[i].id`, `…title[fr]`), process steps
 * (`steps[i].…`) and pre-filled actions (`actions[i].…`).
 */
function secondVersionInfo(template: Template): [string, SheetCell][] {
  const out: [string, SheetCell][] = [];
  for (const [id, scale] of Object.entries(template.scales ?? {})) {
    out.push([`scales.${id}.notApplicable`, scale.notApplicable]);
    if (scale.targetLevel !== undefined) out.push([`scales.${id}.targetLevel`, scale.targetLevel]);
    scale.levels.forEach((l, i) => {
      out.push([`scales.${id}[${i}].value`, l.value], ...localized(`scales.${id}[${i}].label`, l.label), ...localized(`scales.${id}[${i}].description`, l.description));
    });
  }
  if (template.replaces) out.push(["replaces", template.replaces.join(", ")]);
  for (const d of template.dimensions) {
    (d.themes ?? []).forEach((t, i) => out.push([`themes.${d.id}[${i}].id`, t.id], ...localized(`themes.${d.id}[${i}].title`, t.title)));
  }
  (template.steps ?? []).forEach((st, i) => {
    out.push([`steps[${i}].id`, st.id], ...localized(`steps[${i}].title`, st.title), ...localized(`steps[${i}].description`, st.description));
    out.push(...localized(`steps[${i}].deliverable`, st.deliverable));
    if (st.dueOffsetDays !== undefined) out.push([`steps[${i}].dueOffsetDays`, st.dueOffsetDays]);
  });
  (template.actions ?? []).forEach((a, i) => {
    out.push([`actions[${i}].id`, a.id], ...localized(`actions[${i}].text`, a.text), ...localized(`actions[${i}].deliverable`, a.deliverable));
    out.push(...localized(`actions[${i}].owner`, a.owner));
    if (a.startOffsetDays !== undefined) out.push([`actions[${i}].startOffsetDays`, a.startOffsetDays]);
    if (a.dueOffsetDays !== undefined) out.push([`actions[${i}].dueOffsetDays`, a.dueOffsetDays]);
    out.push(...localized(`actions[${i}].indicator`, a.indicator), ...localized(`actions[${i}].indicatorTarget`, a.indicatorTarget));
    if (a.criterion !== undefined) out.push([`actions[${i}].criterion`, a.criterion]);
  });
  return out;
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
  const columns: readonly string[] = rows.columns ?? TEMPLATE_ITEM_ALL_COLUMNS;
  const col = (name: ItemColumn): number => columns.indexOf(name);
  const dims: { id: string; json: Record<string, unknown>; criteria: unknown[] }[] = [];
  for (const row of rows.items) {
    const cell = (name: ItemColumn): SheetCell => (col(name) < 0 ? null : (row[col(name)] ?? null));
    const loc = (base: string): LocalizedText | undefined => readLocalized((lang) => cell(`${base}[${lang}]` as ItemColumn));
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
        scale: toText(cell("scale")),
        type: toText(cell("type")),
        required: toFlag(cell("required")),
        theme: toText(cell("theme")),
        replaces: toList(cell("replaces")),
        levelMap: toLevelMap(cell("levelMap")),
      }),
    );
  }
  const themes = (dimId: string): unknown[] | undefined => {
    const out: unknown[] = [];
    for (let i = 0; info.has(`themes.${dimId}[${i}].id`); i++) {
      out.push(clean({ id: toText(info.get(`themes.${dimId}[${i}].id`)), title: text(`themes.${dimId}[${i}].title`) }));
    }
    return out.length > 0 ? out : undefined;
  };
  const listed = (prefix: string, fields: Record<string, "text" | "number" | "plain">): unknown[] | undefined => {
    const out: unknown[] = [];
    for (let i = 0; info.has(`${prefix}[${i}].id`); i++) {
      const item: Record<string, unknown> = {};
      for (const [k, kind] of Object.entries(fields)) {
        const key = `${prefix}[${i}].${k}`;
        item[k] = kind === "text" ? text(key) : kind === "number" ? num(key) : toText(info.get(key));
      }
      out.push(clean(item));
    }
    return out.length > 0 ? out : undefined;
  };
  const scales: Record<string, unknown> = {};
  for (const key of info.keys()) {
    const m = /^scales\.([^.[]+)\.notApplicable$/.exec(key);
    if (!m) continue;
    const id = m[1] as string;
    const scaleLevels: unknown[] = [];
    for (let i = 0; info.has(`scales.${id}[${i}].value`); i++) {
      scaleLevels.push(clean({ value: num(`scales.${id}[${i}].value`), label: text(`scales.${id}[${i}].label`), description: text(`scales.${id}[${i}].description`) }));
    }
    scales[id] = clean({ levels: scaleLevels, notApplicable: toFlag(info.get(key)) ?? true, targetLevel: num(`scales.${id}.targetLevel`) });
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
    scales: Object.keys(scales).length > 0 ? scales : undefined,
    replaces: toList(info.get("replaces") ?? null),
    dimensions: dims.map((d) => clean({ ...d.json, themes: themes(d.id), criteria: d.criteria })),
    steps: listed("steps", { id: "plain", title: "text", description: "text", deliverable: "text", dueOffsetDays: "number" }),
    actions: listed("actions", {
      id: "plain",
      text: "text",
      deliverable: "text",
      owner: "text",
      startOffsetDays: "number",
      dueOffsetDays: "number",
      indicator: "text",
      indicatorTarget: "text",
      criterion: "plain",
    }),
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

/** A yes cell (`TRUE`, `Oui`, `Yes`, `1`, `x`) as true, a no cell as false, blank as undefined. */
function toFlag(v: SheetCell | undefined): boolean | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "boolean") return v;
  const s = String(v).trim().toLowerCase();
  if (["true", "vrai", "oui", "yes", "1", "x"].includes(s)) return true;
  if (["false", "faux", "non", "no", "0"].includes(s)) return false;
  return v as unknown as boolean;
}

/** `A1, A2; A3` as ids; blank as undefined. */
function toList(v: SheetCell | undefined): string[] | undefined {
  const s = toText(v);
  if (s === undefined) return undefined;
  const ids = s.split(/[,;]/).map((x) => x.trim()).filter((x) => x !== "");
  return ids.length > 0 ? ids : undefined;
}

/** `1=0; 2=5` as a level map; a part without `=` is kept as its own key, so the schema names it. */
function toLevelMap(v: SheetCell | undefined): Record<string, unknown> | undefined {
  const s = toText(v);
  if (s === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const part of s.split(/[;\n]/)) {
    if (part.trim() === "") continue;
    const [k, ...rest] = part.split("=");
    const value = rest.join("=").trim();
    out[(k ?? "").trim().replace(",", ".")] = value === "" ? undefined : toNumber(value.replace(",", "."));
  }
  return out;
}

function clean<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
