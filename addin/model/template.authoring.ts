import type { SheetCell } from "./template.sheet.js";
import type { LocalizedText, Template } from "./template.types.js";

/**
 * The tables of the authoring workbook beside `QG_TemplateInfo` / `QG_TemplateItems`: one per
 * template-wide part of the model's second version, one row per level, theme, step or action, so an
 * advisor fills a table rather than numbered keys.
 */
export const AUTHORING_TABLES = {
  scales: "QG_TemplateScales",
  themes: "QG_TemplateThemes",
  steps: "QG_TemplateSteps",
  actions: "QG_TemplateActions",
} as const;

/** A template-wide part written as its own authoring table. */
export type AuthoringPart = keyof typeof AUTHORING_TABLES;

/** The parts in the order their sheets come. */
export const AUTHORING_PARTS: readonly AuthoringPart[] = ["scales", "themes", "steps", "actions"];

/**
 * The columns of each part's table. The first names the row's scale, dimension, step or action (a
 * scale's or a dimension's id may be left blank below its first row: it is filled down).
 */
export const AUTHORING_COLUMNS: Record<AuthoringPart, readonly string[]> = {
  scales: ["scale", "notApplicable", "targetLevel", "value", "label[fr]", "label[en]", "description[fr]", "description[en]"],
  themes: ["dimensionId", "themeId", "title[fr]", "title[en]"],
  steps: ["stepId", "title[fr]", "title[en]", "description[fr]", "description[en]", "deliverable[fr]", "deliverable[en]", "dueOffsetDays"],
  actions: [
    "actionId",
    "text[fr]",
    "text[en]",
    "deliverable[fr]",
    "deliverable[en]",
    "owner[fr]",
    "owner[en]",
    "startOffsetDays",
    "dueOffsetDays",
    "indicator[fr]",
    "indicator[en]",
    "indicatorTarget[fr]",
    "indicatorTarget[en]",
    "criterionId",
  ],
};

/** Keys of the template sheet's info rows that the authoring workbook writes as these tables instead. */
export const AUTHORING_TABLE_KEY = /^(scales\.|themes\.|steps\[|actions\[)/;

/** The rows of each part's table for a template, aligned to `AUTHORING_COLUMNS` (no rows when unused). */
export function authoringPartRows(template: Template): Record<AuthoringPart, SheetCell[][]> {
  const scales = Object.entries(template.scales ?? {}).flatMap(([id, s]) =>
    s.levels.map((l, i): SheetCell[] => [id, i === 0 ? s.notApplicable : null, i === 0 ? (s.targetLevel ?? null) : null, l.value, ...both(l.label), ...both(l.description)]),
  );
  const themes = template.dimensions.flatMap((d) => (d.themes ?? []).map((t): SheetCell[] => [d.id, t.id, ...both(t.title)]));
  const steps = (template.steps ?? []).map((s): SheetCell[] => [s.id, ...both(s.title), ...both(s.description), ...both(s.deliverable), s.dueOffsetDays ?? null]);
  const actions = (template.actions ?? []).map((a): SheetCell[] => [
    a.id,
    ...both(a.text),
    ...both(a.deliverable),
    ...both(a.owner),
    a.startOffsetDays ?? null,
    a.dueOffsetDays ?? null,
    ...both(a.indicator),
    ...both(a.indicatorTarget),
    a.criterion ?? null,
  ]);
  return { scales, themes, steps, actions };
}

/** A part's rows as template-sheet info rows, and where each key (and its language-less base) sits in the table. */
export interface AuthoringPartInfo {
  info: [string, SheetCell][];
  /** Info key → [row index in `rows`, column index in `headers`]. */
  at: Map<string, [row: number, col: number]>;
}

/**
 * Turns one part's table into the info rows the template sheet uses (`scales.ID[0].label[fr]`,
 * `themes.DIM[0].id`, `steps[0].dueOffsetDays`, `actions[0].criterion`), so that one reader checks
 * both forms. Blank rows are skipped; a row's cells are found by their column's header.
 */
export function authoringPartInfo(part: AuthoringPart, headers: readonly string[], rows: readonly SheetCell[][]): AuthoringPartInfo {
  const info: [string, SheetCell][] = [];
  const at = new Map<string, [number, number]>();
  const colOf = (name: string): number => headers.findIndex((h) => h.trim() === name);
  const columns = AUTHORING_COLUMNS[part];
  const put = (key: string, r: number, column: string, value: SheetCell): void => {
    info.push([key, value]);
    const c = colOf(column);
    const place: [number, number] = [r, c < 0 ? 0 : c];
    if (!at.has(key)) at.set(key, place);
    const base = key.replace(/\[(fr|en)\]$/, "");
    if (!at.has(base)) at.set(base, place);
  };
  const counts = new Map<string, number>();
  let group: string | null = null;
  rows.forEach((row, r) => {
    const cell = (name: string): SheetCell => {
      const c = colOf(name);
      return c < 0 ? null : (row[c] ?? null);
    };
    if (columns.every((name) => blank(cell(name)))) return;
    const head = columns[0] as string;
    const own = blank(cell(head)) ? null : String(cell(head)).trim();
    if (part === "scales" || part === "themes") {
      // The scale's or dimension's id is filled down from the row above, as in a merged column.
      group = own ?? group;
      const id = group ?? "";
      const i = counts.get(id) ?? 0;
      counts.set(id, i + 1);
      if (part === "scales") {
        if (i === 0) {
          put(`scales.${id}.notApplicable`, r, "notApplicable", cell("notApplicable"));
          put(`scales.${id}.targetLevel`, r, "targetLevel", cell("targetLevel"));
          if (!at.has(`scales.${id}`)) at.set(`scales.${id}`, [r, Math.max(colOf(head), 0)]);
        }
        for (const name of columns.slice(3)) put(`scales.${id}[${i}].${name}`, r, name, cell(name));
      } else {
        put(`themes.${id}[${i}].id`, r, "themeId", cell("themeId"));
        for (const name of columns.slice(2)) put(`themes.${id}[${i}].${name}`, r, name, cell(name));
      }
      return;
    }
    const i = counts.get("") ?? 0;
    counts.set("", i + 1);
    put(`${part}[${i}].id`, r, head, cell(head));
    for (const name of columns.slice(1)) put(`${part}[${i}].${name === "criterionId" ? "criterion" : name}`, r, name, cell(name));
  });
  return { info, at };
}

/** The dimension ids a themes table names, each with the first row (index in `rows`) that names it. */
export function themeDimensions(headers: readonly string[], rows: readonly SheetCell[][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, [r]] of authoringPartInfo("themes", headers, rows).at) {
    const m = /^themes\.(.*)\[0\]\.id$/.exec(key);
    if (m && !out.has(m[1] as string)) out.set(m[1] as string, r);
  }
  return out;
}

function blank(v: SheetCell | undefined): boolean {
  return v === null || v === undefined || String(v).trim() === "";
}

/** The French and English cells of a text; a language-less text goes in both. */
function both(t: LocalizedText | undefined): [string | null, string | null] {
  if (t === undefined) return [null, null];
  if (typeof t === "string") return [t, t];
  return [t.fr ?? null, t.en ?? null];
}
