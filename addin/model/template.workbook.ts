import type { PlainValue } from "../model/table.plain.js";
import { templateFromSheetRows, TEMPLATE_ITEM_ALL_COLUMNS, TEMPLATE_ITEM_COLUMNS, TEMPLATE_TABLES, type SheetCell, type TemplateSheetRows } from "./template.sheet.js";
import { parseTemplate } from "./template.parse.js";
import type { MessageParams } from "./messages/message.types.js";
import type { InputIssue, Result, Template } from "./template.types.js";
import { cellAddress } from "./cell.address.js";
import { issueOf } from "./messages/message.catalog.js";
import "./messages/messages.template.js";
import { plainText, type PlainTables } from "./table.plain.js";

/** A worksheet as plain values: `rows[0]` is row 1, `rows[r][0]` column A; blanks are `null`. */
export interface PlainSheet {
  name: string;
  rows: PlainValue[][];
}

/** A workbook reduced to plain data: its tables (by lower-cased name) and its sheets' cells. */
export interface PlainWorkbook {
  tables: PlainTables;
  sheets: readonly PlainSheet[];
}

/** How many rows from the top of a sheet are searched for a header row. */
const HEADER_SEARCH_ROWS = 10;

/** Default scale of a hand-made grid: 4 levels, FR/EN, N/A allowed. */
export const DEFAULT_SCALE = {
  levels: [
    { value: 1, label: { fr: "Non atteint", en: "Not met" } },
    { value: 2, label: { fr: "Partiellement atteint", en: "Partially met" } },
    { value: 3, label: { fr: "Atteint", en: "Met" } },
    { value: 4, label: { fr: "Dépassé", en: "Exceeded" } },
  ],
  notApplicable: true,
};
/** Default dimension target and criterion target level of a hand-made grid. */
export const DEFAULT_TARGET = 70;
export const DEFAULT_TARGET_LEVEL = 3;

/** The columns a hand-made grid may have. */
export type GridColumn = "dimension" | "text" | "code" | "weight" | "guidance" | "evidence" | "target";

/**
 * Header texts recognized for each column, compared after `normalizeHeader` (lower case, no
 * accents, punctuation as spaces, plural `s` dropped). A header matches when it equals a synonym
 * or starts with one followed by a space (`Poids (1-3)`, `Critère / énoncé`).
 */
const GRID_SYNONYMS: Record<GridColumn, readonly string[]> = {
  dimension: ["dimension", "thematique", "theme", "axe", "domaine", "section", "chapitre", "category", "categorie", "area", "domain", "topic"],
  text: ["critere", "enonce", "exigence", "question", "criterion", "criteria", "statement", "item", "requirement", "libelle"],
  code: ["code", "id", "identifiant", "n", "no", "num", "numero", "ref", "reference", "number"],
  weight: ["poid", "ponderation", "weight", "coefficient", "coef"],
  evidence: ["preuve", "preuve attendue", "element de preuve", "evidence", "expected evidence", "justificatif"],
  guidance: ["repere", "aide", "precision", "exemple", "guidance", "note", "commentaire explicatif", "help", "hint"],
  target: ["niveau cible", "cible", "target", "target level", "objectif"],
};

/** Order in which columns are tried when a header only starts with a synonym. */
const PREFIX_ORDER: GridColumn[] = ["target", "evidence", "weight", "guidance", "dimension", "text", "code"];

/** A header text compared with the synonyms: `N° Référence ` → `n reference`, `Preuves attendues` → `preuve attendue`. */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((w) => (w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w))
    .join(" ");
}

/** The grid column a header names, if any. */
export function classifyHeader(text: string): GridColumn | undefined {
  const h = normalizeHeader(text);
  if (h === "") return undefined;
  for (const key of PREFIX_ORDER) if (GRID_SYNONYMS[key].includes(h)) return key;
  for (const key of PREFIX_ORDER) if (GRID_SYNONYMS[key].some((s) => h.startsWith(`${s} `))) return key;
  return undefined;
}

/**
 * Turns a workbook a user wrote into a template, trying in order:
 * 1. the authoring format, as tables `QG_TemplateInfo` + `QG_TemplateItems`;
 * 2. the same format as plain ranges: a `key`/`value` header pair and a header row holding
 *    `dimensionId` and `criterionId`, anywhere in the first rows of a sheet;
 * 3. a hand-made grid (see `templateFromGridSheet`).
 * `file` names the workbook in issues and in the made-up template id.
 */
export function templateFromWorkbook(wb: PlainWorkbook, file: string): Result<Template> {
  const info = wb.tables.get(TEMPLATE_TABLES.info.toLowerCase());
  const items = wb.tables.get(TEMPLATE_TABLES.items.toLowerCase());
  if (info && items) {
    const rows = { info: info.rows.map((r): [string, SheetCell] => [plainText(r[0]).trim(), sheetCell(r[1])]), items: pickItemColumns(items.headers, items.rows) };
    const places: AuthoringPlaces = {
      info: { sheet: info.sheet, firstRow: info.top + 1, valueCol: info.left + 1 },
      items: { sheet: items.sheet, firstRow: items.top + 1, colOf: (name) => columnOf(items.headers, name, items.left) },
    };
    return fromAuthoringRows(rows, `${file}: ${items.sheet}`, file, places);
  }
  const ranges = findAuthoringRanges(wb.sheets);
  if (ranges) return fromAuthoringRows(ranges.rows, `${file}: ${ranges.sheet}`, file, ranges.places);
  return templateFromGridSheets(wb.sheets, file);
}

/** Where the authoring rows sit in the workbook, so that a problem names its cell. */
interface AuthoringPlaces {
  /** The key/value rows: key i's value is at (`firstRow` + i, `valueCol`). */
  info: { sheet: string; firstRow: number; valueCol: number };
  /** The item rows: row j at `firstRow` + j; a column by its header (1-based), or undefined. */
  items: { sheet: string; firstRow: number; colOf: (name: string) => number | undefined };
}

function columnOf(headers: readonly string[], name: string, left: number): number | undefined {
  const i = headers.findIndex((h) => h.trim() === name);
  return i < 0 ? undefined : left + i;
}

/**
 * The template of authoring rows; each problem's path names the cell it is about (`Modèle!B4`),
 * the template's JSON path staying at the head of the message (`id: is required`).
 */
function fromAuthoringRows(rows: TemplateSheetRows, where: string, file: string, places: AuthoringPlaces): Result<Template> {
  const result = templateFromSheetRows(rows, where);
  if (result.ok) return result;
  const head = `${where}: `;
  return {
    ok: false,
    issues: result.issues.map((i) => {
      if (!i.path.startsWith(head)) return i;
      const jsonPath = i.path.slice(head.length);
      const cell = authoringCell(jsonPath, rows, places);
      return cell ? atCell(i, jsonPath, `${file}: ${cell}`) : i;
    }),
  };
}

/**
 * An issue of the template's JSON moved to the cell it comes from; its text, in either language,
 * keeps the JSON path at its head (`id: is required`, `id: est obligatoire`).
 */
function atCell(issue: InputIssue, jsonPath: string, path: string): InputIssue {
  const params = { ...issue.params, jsonPath, inner: issue.code ?? "", innerMessage: issue.message };
  return issueOf("template.atPath", params, path, issue.severity);
}

/** The cell a template JSON path comes from in the authoring rows (`dimensions[1].criteria[0].weight` → its item's weight cell). */
function authoringCell(jsonPath: string, rows: TemplateSheetRows, places: AuthoringPlaces): string | undefined {
  const at = (sheet: string, row: number, col: number): string => `${sheet}!${cellAddress(row, col)}`;
  const dim = /^dimensions(?:\[(\d+)\](?:\.criteria(?:\[(\d+)\])?)?)?(?:\.([A-Za-z]+))?/.exec(jsonPath);
  if (dim) {
    // Item rows in the reader's order: dimensions by first appearance, criteria in row order.
    const dimIdCol = TEMPLATE_ITEM_COLUMNS.indexOf("dimensionId");
    const critIdCol = TEMPLATE_ITEM_COLUMNS.indexOf("criterionId");
    const order: { id: string; rows: number[] }[] = [];
    rows.items.forEach((r, j) => {
      const d = r[dimIdCol];
      const c = r[critIdCol];
      if ((d === null || String(d).trim() === "") && (c === null || String(c).trim() === "")) return;
      const id = d === null ? "" : String(d).trim();
      let entry = order.find((o) => o.id === id);
      if (!entry) order.push((entry = { id, rows: [] }));
      entry.rows.push(j);
    });
    const d = dim[1] === undefined ? undefined : order[Number(dim[1])];
    const j = d === undefined ? 0 : dim[2] === undefined ? d.rows[0] : d.rows[Number(dim[2])];
    if (j === undefined) return undefined;
    const field = dim[3];
    const column =
      dim[2] !== undefined
        ? ({ id: "criterionId", text: "text[fr]", guidance: "guidance[fr]", weight: "weight", targetLevel: "targetLevel", evidence: "evidence[fr]" } as Record<string, string>)[field ?? "id"]
        : ({ id: "dimensionId", title: "dimensionTitle[fr]", description: "dimensionDescription[fr]", weight: "dimensionWeight", target: "dimensionTarget" } as Record<string, string>)[field ?? "id"];
    const col = places.items.colOf(column ?? "criterionId") ?? places.items.colOf("dimensionId");
    return col === undefined ? undefined : at(places.items.sheet, places.items.firstRow + j, col);
  }
  // A key of the info rows: `title.fr` → `title[fr]`, `scale.levels[2].label` → `scale[2].label`.
  const key = jsonPath.replace(/^scale\.levels/, "scale").replace(/\.(fr|en)\b/g, "[$1]").replace(/^scale\.notApplicable/, "notApplicable");
  const keys = rows.info.map(([k]) => k);
  let i = keys.indexOf(key);
  if (i < 0) i = keys.findIndex((k) => k.startsWith(`${key}[`) || k.startsWith(`${key}.`));
  if (i < 0) return undefined;
  return at(places.info.sheet, places.info.firstRow + i, places.info.valueCol);
}

function pickItemColumns(headers: readonly string[], rows: readonly PlainValue[][]): SheetCell[][] {
  const cols = TEMPLATE_ITEM_ALL_COLUMNS.map((name) => headers.findIndex((h) => h.trim() === name));
  return rows.map((r) => cols.map((i) => (i < 0 ? null : sheetCell(r[i]))));
}

function findAuthoringRanges(sheets: readonly PlainSheet[]): { rows: TemplateSheetRows; sheet: string; places: AuthoringPlaces } | undefined {
  let info: [string, SheetCell][] | undefined;
  let infoAt: AuthoringPlaces["info"] | undefined;
  let items: { rows: SheetCell[][]; sheet: string; at: AuthoringPlaces["items"] } | undefined;
  for (const sheet of sheets) {
    for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); r++) {
      const row = sheet.rows[r] ?? [];
      const texts = row.map((v) => plainText(v).trim());
      const k = texts.indexOf("key");
      if (!info && k >= 0 && texts[k + 1] === "value") {
        info = [];
        infoAt = { sheet: sheet.name, firstRow: r + 2, valueCol: k + 2 };
        for (let rr = r + 1; rr < sheet.rows.length; rr++) {
          const key = plainText(sheet.rows[rr]?.[k]).trim();
          if (key === "") break;
          info.push([key, sheetCell(sheet.rows[rr]?.[k + 1])]);
        }
      }
      const d = texts.indexOf("dimensionId");
      if (!items && d >= 0 && texts.includes("criterionId")) {
        const data: PlainValue[][] = [];
        for (let rr = r + 1; rr < sheet.rows.length; rr++) data.push(sheet.rows[rr] ?? []);
        items = { rows: pickItemColumns(texts, data), sheet: sheet.name, at: { sheet: sheet.name, firstRow: r + 2, colOf: (name) => columnOf(texts, name, 1) } };
      }
    }
  }
  return info && items && infoAt ? { rows: { info, items: items.rows }, sheet: items.sheet, places: { info: infoAt, items: items.at } } : undefined;
}

/**
 * A hand-made grid: the first sheet with a recognizable header row (in its first
 * `HEADER_SEARCH_ROWS` rows, at least a criterion-text column and one other known column).
 */
function templateFromGridSheets(sheets: readonly PlainSheet[], file: string): Result<Template> {
  for (const sheet of sheets) {
    const header = findHeaderRow(sheet);
    if (header) return templateFromGridSheet(sheet, header.row, header.columns, file);
  }
  const names = sheets.map((s) => `« ${s.name} »`).join(", ");
  return { ok: false, issues: [issueOf("template.noHeaderRow", { sheets: names, rows: HEADER_SEARCH_ROWS }, file)] };
}

/** The header row (0-based) of a sheet and the position of each recognized column. */
function findHeaderRow(sheet: PlainSheet): { row: number; columns: Partial<Record<GridColumn, number>> } | undefined {
  let best: { row: number; columns: Partial<Record<GridColumn, number>>; count: number } | undefined;
  for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); r++) {
    const columns: Partial<Record<GridColumn, number>> = {};
    let count = 0;
    (sheet.rows[r] ?? []).forEach((v, c) => {
      if (typeof v !== "string") return;
      const key = classifyHeader(v);
      if (key && columns[key] === undefined) {
        columns[key] = c;
        count++;
      }
    });
    if (columns.text !== undefined && count >= 2 && (!best || count > best.count)) best = { row: r, columns, count };
  }
  return best ? { row: best.row, columns: best.columns } : undefined;
}

/**
 * Reads a hand-made grid below its header row. Rules (documented in design.md):
 * - a row with a criterion text is a criterion; its dimension is the dimension column's value,
 *   or the last one above (filled down, merged cells);
 * - a row whose only non-blank cell is outside the criterion column (or in the dimension column)
 *   starts a dimension with that title; blank rows are skipped;
 * - dimension ids are `D1`, `D2`… in order of first appearance; a criterion without a code gets
 *   `<dimension id>-<running number in the dimension, 2 digits>` (`D1-01`), with a letter suffix
 *   if that collides with a code in the sheet — so the same sheet always gives the same ids;
 * - no scale in a hand-made sheet: the default 4-level scale (N/A allowed), target 70 and target
 *   level 3, stated in the template's `source`.
 * Every problem is reported, with `sheet!cell`.
 */
function templateFromGridSheet(sheet: PlainSheet, headerRow: number, columns: Partial<Record<GridColumn, number>>, file: string): Result<Template> {
  const issues: InputIssue[] = [];
  const at = (r: number, c: number): string => `${file}: ${sheet.name}!${cellAddress(r + 1, c + 1)}`;
  const err = (r: number, c: number, code: string, params: MessageParams = {}): void => void issues.push(issueOf(code, params, at(r, c)));
  const textCol = columns.text as number;
  const get = (r: number, key: GridColumn): PlainValue => {
    const c = columns[key];
    return c === undefined ? null : (sheet.rows[r]?.[c] ?? null);
  };
  const str = (v: PlainValue): string | undefined => {
    const s = plainText(v).trim();
    return s === "" ? undefined : s;
  };

  interface DimDraft {
    id: string;
    title: string;
    criteria: { code: string | undefined; row: number; json: Record<string, unknown> }[];
  }
  const dims: DimDraft[] = [];
  let current: DimDraft | undefined;
  const dimFor = (title: string): DimDraft => {
    let d = dims.find((x) => x.title === title);
    if (!d) {
      d = { id: `D${dims.length + 1}`, title, criteria: [] };
      dims.push(d);
    }
    return d;
  };
  const known = new Set(Object.values(columns));
  const codes = new Map<string, string>();

  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const filled = row.map((v, c) => ({ v: str(v ?? null), c })).filter((x) => x.v !== undefined);
    if (filled.length === 0) continue;
    const text = str(get(r, "text"));
    const dimTitle = str(get(r, "dimension"));
    if (text === undefined) {
      const only = filled.length === 1 ? filled[0] : undefined;
      const detail = [columns.weight, columns.target, columns.guidance, columns.evidence];
      const looksLikeCode = only !== undefined && only.c === columns.code && /^\S{1,12}$/.test(only.v ?? "");
      const heading = only && !detail.includes(only.c) && !looksLikeCode ? only.v : undefined;
      if (heading !== undefined) {
        current = dimFor(heading);
        continue;
      }
      if (dimTitle !== undefined && filled.every((x) => x.c === columns.dimension || !known.has(x.c))) {
        current = dimFor(dimTitle);
        continue;
      }
      err(r, textCol, "template.grid.textEmpty");
      continue;
    }
    if (dimTitle !== undefined) current = dimFor(dimTitle);
    if (!current) current = dimFor(sheet.name);
    const json: Record<string, unknown> = { text };
    const code = str(get(r, "code"));
    if (code !== undefined) {
      const c = columns.code as number;
      if (!/^[A-Za-z0-9][A-Za-z0-9._ -]*$/.test(code)) err(r, c, "template.grid.codeInvalid", { code });
      const key = code.toLowerCase();
      const first = codes.get(key);
      if (first !== undefined) err(r, c, "template.grid.codeTwice", { code, first });
      else codes.set(key, `${sheet.name}!${cellAddress(r + 1, c + 1)}`);
    }
    const guidance = str(get(r, "guidance"));
    if (guidance !== undefined) json.guidance = guidance;
    const evidence = str(get(r, "evidence"));
    if (evidence !== undefined) json.evidence = evidence;
    const weight = number(get(r, "weight"));
    if (weight === "invalid" || (typeof weight === "number" && weight < 0)) err(r, columns.weight as number, "template.grid.weightInvalid", { value: cellValue(get(r, "weight")) });
    else if (weight !== undefined) json.weight = weight;
    const target = number(get(r, "target"));
    const levels = DEFAULT_SCALE.levels.map((l) => l.value);
    if (target === "invalid" || (typeof target === "number" && !levels.includes(target))) {
      err(r, columns.target as number, "template.grid.targetInvalid", { value: cellValue(get(r, "target")), values: levels.join(", ") });
    } else if (target !== undefined) json.targetLevel = target;
    current.criteria.push({ code, row: r, json });
  }
  if (dims.length === 0 && issues.length === 0) err(headerRow + 1, textCol, "template.grid.noCriterion");
  if (issues.length > 0) return { ok: false, issues };

  const used = new Set([...codes.keys()]);
  const dimensions = dims
    .filter((d) => d.criteria.length > 0)
    .map((d) => ({
      id: d.id,
      title: d.title,
      criteria: d.criteria.map((c, i) => {
        let id = c.code === undefined ? `${d.id}-${String(i + 1).padStart(2, "0")}` : toId(c.code);
        if (c.code === undefined) {
          const base = id;
          for (let n = 0; used.has(id.toLowerCase()); n++) id = `${base}${String.fromCharCode(97 + (n % 26))}${n >= 26 ? Math.floor(n / 26) : ""}`;
          used.add(id.toLowerCase());
        }
        return { id, ...c.json };
      }),
    }));
  const title = titleAbove(sheet, headerRow) ?? sheet.name;
  const base = file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const json = {
    id: toId(base) || "grille",
    version: "1.0.0",
    title,
    source: {
      fr: `Grille faite à la main, importée de « ${base} », feuille « ${sheet.name} » ; échelle par défaut à 4 niveaux (sans objet permis), cible ${DEFAULT_TARGET}, niveau cible ${DEFAULT_TARGET_LEVEL}.`,
      en: `Hand-made grid imported from "${base}", sheet "${sheet.name}"; default 4-level scale (N/A allowed), target ${DEFAULT_TARGET}, target level ${DEFAULT_TARGET_LEVEL}.`,
    },
    scale: DEFAULT_SCALE,
    target: DEFAULT_TARGET,
    targetLevel: DEFAULT_TARGET_LEVEL,
    dimensions,
  };
  const parsed = parseTemplate(json);
  if (!parsed.ok) return { ok: false, issues: parsed.issues.map((i) => ({ ...i, path: `${file}: ${sheet.name}: ${i.path}` })) };
  return parsed;
}

/** The first text above the header row (a merged title), if any. */
function titleAbove(sheet: PlainSheet, headerRow: number): string | undefined {
  for (let r = 0; r < headerRow; r++) {
    for (const v of sheet.rows[r] ?? []) {
      const s = plainText(v).trim();
      if (s !== "") return s;
    }
  }
  return undefined;
}

/** A code as a template id: accents dropped, other characters as `-`, starting with a letter, at most 40. */
export function toId(text: string): string {
  let s = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (s !== "" && !/^[A-Za-z]/.test(s)) s = `C${s}`;
  return s.slice(0, 40);
}

function number(v: PlainValue): number | "invalid" | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? v : "invalid";
  const s = plainText(v).trim();
  if (s === "") return undefined;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : "invalid";
}

/** A cell's value for a message: a number stays one, so that French writes it with a decimal comma. */
function cellValue(v: PlainValue): string | number {
  return typeof v === "number" ? v : plainText(v);
}

function sheetCell(v: PlainValue | undefined): SheetCell {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v;
}
