import type { PlainValue } from "../model/table.plain.js";
import { templateFromSheetRows, TEMPLATE_ITEM_ALL_COLUMNS, TEMPLATE_ITEM_COLUMNS, TEMPLATE_TABLES, type SheetCell, type TemplateSheetRows } from "./template.sheet.js";
import type { InputIssue, Result, Template } from "./template.types.js";
import { cellAddress } from "./cell.address.js";
import { issueOf } from "./messages/message.catalog.js";
import "./messages/messages.template.js";
import { plainText, type PlainTables } from "./table.plain.js";
import { HEADER_SEARCH_ROWS, normalizeHeader, templateFromGridSheets, TYPE_WORDS } from "./template.grid.js";
import { AUTHORING_PARTS, AUTHORING_TABLES, authoringPartInfo, themeDimensions, type AuthoringPart } from "./template.authoring.js";

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

export { DEFAULT_SCALE, DEFAULT_TARGET, DEFAULT_TARGET_LEVEL, classifyHeader, normalizeHeader, toId, type GridColumn } from "./template.grid.js";

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
    const parts: AuthoringTable[] = [];
    for (const part of AUTHORING_PARTS) {
      const t = wb.tables.get(AUTHORING_TABLES[part].toLowerCase());
      if (t) parts.push({ part, sheet: t.sheet, firstRow: t.top + 1, left: t.left, headers: t.headers, rows: t.rows.map((r) => r.map(sheetCell)) });
    }
    return fromAuthoringRows(rows, `${file}: ${items.sheet}`, file, places, parts);
  }
  const ranges = findAuthoringRanges(wb.sheets);
  if (ranges) return fromAuthoringRows(ranges.rows, `${file}: ${ranges.sheet}`, file, ranges.places, ranges.parts);
  return templateFromGridSheets(wb.sheets, file);
}

/** Where the authoring rows sit in the workbook, so that a problem names its cell. */
interface AuthoringPlaces {
  /** The key/value rows: key i's value is at (`firstRow` + i, `valueCol`). */
  info: { sheet: string; firstRow: number; valueCol: number };
  /** The item rows: row j at `firstRow` + j; a column by its header (1-based), or undefined. */
  items: { sheet: string; firstRow: number; colOf: (name: string) => number | undefined };
}

/** One of the second version's authoring tables (scales, themes, steps, actions), as read. */
interface AuthoringTable {
  part: AuthoringPart;
  sheet: string;
  /** 1-based row of the first data row and column of the first column. */
  firstRow: number;
  left: number;
  headers: readonly string[];
  rows: SheetCell[][];
}

function columnOf(headers: readonly string[], name: string, left: number): number | undefined {
  const i = headers.findIndex((h) => h.trim() === name);
  return i < 0 ? undefined : left + i;
}

/**
 * The template of authoring rows and tables; each problem's path names the cell it is about
 * (`Modèle!B4`), the template's JSON path staying at the head of the message (`id: is required`).
 */
function fromAuthoringRows(rows: TemplateSheetRows, where: string, file: string, places: AuthoringPlaces, parts: readonly AuthoringTable[]): Result<Template> {
  const at = (sheet: string, row: number, col: number): string => `${sheet}!${cellAddress(row, col)}`;
  const keyCells = new Map<string, string>();
  const remember = (key: string, cell: string): void => {
    for (const k of [key, key.replace(/\[(fr|en)\]$/, "")]) if (!keyCells.has(k)) keyCells.set(k, cell);
  };
  rows.info.forEach(([k], i) => remember(k, at(places.info.sheet, places.info.firstRow + i, places.info.valueCol)));
  const info = [...rows.info];
  const issues: InputIssue[] = [];
  const dimIds = new Set(rows.items.map((r) => r[TEMPLATE_ITEM_COLUMNS.indexOf("dimensionId")]).filter((v) => v !== null).map((v) => String(v).trim()));
  for (const t of parts) {
    const read = authoringPartInfo(t.part, t.headers, t.rows);
    info.push(...read.info);
    for (const [key, [r, c]] of read.at) remember(key, at(t.sheet, t.firstRow + r, t.left + c));
    if (t.part !== "themes") continue;
    const dimCol = t.headers.findIndex((h) => h.trim() === "dimensionId");
    for (const [dim, r] of themeDimensions(t.headers, t.rows)) {
      if (dimIds.has(dim)) continue;
      const known = [...dimIds].join(", ") || "—";
      issues.push(issueOf("template.authoring.themeDimension", { dimension: dim, known }, `${file}: ${at(t.sheet, t.firstRow + r, t.left + Math.max(dimCol, 0))}`));
    }
  }
  const result = templateFromSheetRows({ ...rows, info }, where);
  if (result.ok && issues.length === 0) return result;
  const head = `${where}: `;
  const moved = result.ok
    ? []
    : result.issues.map((i) => {
        if (!i.path.startsWith(head)) return i;
        const jsonPath = i.path.slice(head.length);
        const cell = authoringCell(jsonPath, rows, places, keyCells);
        return cell ? atCell(i, jsonPath, `${file}: ${cell}`) : i;
      });
  return { ok: false, issues: [...issues, ...moved] };
}

/**
 * An issue of the template's JSON moved to the cell it comes from; its text, in either language,
 * keeps the JSON path at its head (`id: is required`, `id: est obligatoire`).
 */
function atCell(issue: InputIssue, jsonPath: string, path: string): InputIssue {
  const params = { ...issue.params, jsonPath, inner: issue.code ?? "", innerMessage: issue.message };
  return issueOf("template.atPath", params, path, issue.severity);
}

/** The item columns of a criterion's fields and of a dimension's. */
const CRITERION_COLUMNS: Record<string, string> = {
  id: "criterionId",
  text: "text[fr]",
  guidance: "guidance[fr]",
  weight: "weight",
  targetLevel: "targetLevel",
  evidence: "evidence[fr]",
  scale: "scale",
  type: "type",
  required: "required",
  theme: "theme",
  replaces: "replaces",
  levelMap: "levelMap",
};
const DIMENSION_COLUMNS: Record<string, string> = { id: "dimensionId", title: "dimensionTitle[fr]", description: "dimensionDescription[fr]", weight: "dimensionWeight", target: "dimensionTarget" };

/**
 * The cell a template JSON path comes from in the authoring rows (`dimensions[1].criteria[0].weight`
 * → its item's weight cell, `steps[2].title` → that step's title cell); `keyCells` maps each info
 * key (and its language-less base) to its cell.
 */
function authoringCell(jsonPath: string, rows: TemplateSheetRows, places: AuthoringPlaces, keyCells: ReadonlyMap<string, string>): string | undefined {
  const at = (sheet: string, row: number, col: number): string => `${sheet}!${cellAddress(row, col)}`;
  // Item rows in the reader's order: dimensions by first appearance, criteria in row order.
  const dimIdCol = TEMPLATE_ITEM_COLUMNS.indexOf("dimensionId");
  const critIdCol = TEMPLATE_ITEM_COLUMNS.indexOf("criterionId");
  const order: { id: string; rows: number[] }[] = [];
  rows.items.forEach((r, j) => {
    const d = r[dimIdCol];
    const c = r[critIdCol];
    if ((d === null || d === undefined || String(d).trim() === "") && (c === null || c === undefined || String(c).trim() === "")) return;
    const id = d === null || d === undefined ? "" : String(d).trim();
    let entry = order.find((o) => o.id === id);
    if (!entry) order.push((entry = { id, rows: [] }));
    entry.rows.push(j);
  });
  let key = jsonPath;
  const theme = /^dimensions\[(\d+)\]\.themes(?:\[(\d+)\])?(.*)$/.exec(jsonPath);
  if (theme) key = `themes.${order[Number(theme[1])]?.id ?? ""}[${theme[2] ?? 0}]${theme[3] ?? ""}`;
  const dim = theme ? null : /^dimensions(?:\[(\d+)\](?:\.criteria(?:\[(\d+)\])?)?)?(?:\.([A-Za-z]+))?/.exec(jsonPath);
  if (dim) {
    const d = dim[1] === undefined ? undefined : order[Number(dim[1])];
    const j = d === undefined ? 0 : dim[2] === undefined ? d.rows[0] : d.rows[Number(dim[2])];
    if (j === undefined) return undefined;
    const field = dim[3];
    const column = dim[2] !== undefined ? CRITERION_COLUMNS[field ?? "id"] : DIMENSION_COLUMNS[field ?? "id"];
    const col = places.items.colOf(column ?? "criterionId") ?? places.items.colOf("dimensionId");
    return col === undefined ? undefined : at(places.items.sheet, places.items.firstRow + j, col);
  }
  // An info key: `title.fr` → `title[fr]`, `scale.levels[2].label` → `scale[2].label`, `scales["a b"]` → `scales.a b`.
  key = key
    .replace(/\["([^"]*)"\]/g, ".$1")
    .replace(/^scale\.levels/, "scale")
    .replace(/^(scales\.[^.[]+)\.levels/, "$1")
    .replace(/\.(fr|en)\b/g, "[$1]")
    .replace(/^scale\.notApplicable/, "notApplicable");
  for (let k = key; k !== ""; k = k.replace(/(\[[^\]]*\]|\.[^.[]*)$/, "")) {
    const exact = keyCells.get(k);
    if (exact !== undefined) return exact;
    const below = [...keyCells.keys()].find((x) => x.startsWith(`${k}[`) || x.startsWith(`${k}.`));
    if (below !== undefined) return keyCells.get(below);
    if (!/(\[[^\]]*\]|\.[^.[]*)$/.test(k)) break;
  }
  return undefined;
}

function pickItemColumns(headers: readonly string[], rows: readonly PlainValue[][]): SheetCell[][] {
  const cols = TEMPLATE_ITEM_ALL_COLUMNS.map((name) => headers.findIndex((h) => h.trim() === name));
  const typeAt = TEMPLATE_ITEM_ALL_COLUMNS.indexOf("type");
  return rows.map((r) => cols.map((i, k) => (i < 0 ? null : k === typeAt ? criterionType(sheetCell(r[i])) : sheetCell(r[i]))));
}

/** A type cell in either language (`texte`, `cotation`, `Text`) as the template's word; anything else is left for the check to name. */
function criterionType(v: SheetCell): SheetCell {
  if (typeof v !== "string") return v;
  const key = normalizeHeader(v);
  if ((TYPE_WORDS.text as readonly string[]).includes(key)) return "text";
  if ((TYPE_WORDS.rating as readonly string[]).includes(key)) return "rating";
  return v;
}

/** The header row of an authoring table laid out as a plain range, by the distinctive headers of each. */
const PART_HEADERS: Record<AuthoringPart, readonly string[]> = {
  scales: ["scale", "value", "label[fr]"],
  themes: ["dimensionId", "themeId"],
  steps: ["stepId"],
  actions: ["actionId"],
};

function findAuthoringRanges(sheets: readonly PlainSheet[]): { rows: TemplateSheetRows; sheet: string; places: AuthoringPlaces; parts: AuthoringTable[] } | undefined {
  let info: [string, SheetCell][] | undefined;
  let infoAt: AuthoringPlaces["info"] | undefined;
  let items: { rows: SheetCell[][]; sheet: string; at: AuthoringPlaces["items"] } | undefined;
  const parts: AuthoringTable[] = [];
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
        continue;
      }
      const part = AUTHORING_PARTS.find((p) => PART_HEADERS[p].every((h) => texts.includes(h)) && !parts.some((t) => t.part === p));
      if (part && !texts.includes("criterionId")) {
        const rows = sheet.rows.slice(r + 1).map((x) => x.map(sheetCell));
        parts.push({ part, sheet: sheet.name, firstRow: r + 2, left: 1, headers: texts, rows });
      }
    }
  }
  return info && items && infoAt ? { rows: { info, items: items.rows }, sheet: items.sheet, places: { info: infoAt, items: items.at }, parts } : undefined;
}

function sheetCell(v: PlainValue | undefined): SheetCell {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v;
}
