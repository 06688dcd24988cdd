import { SaxesParser } from "saxes";
import type ExcelJS from "exceljs";
import { absoluteRange, parseRangeAddress, quoteSheet } from "../model/cell.address.js";
import { relsPathOf, resolveTarget, textOf } from "./xlsx.carry.parts.js";
import { elementsAt, isWorksheetRel, parseRels, REL_NS, workbookSheets } from "./xlsx.carry.xml.js";
import { findTables } from "./xlsx.tables.js";

// A chart a user made over a Qualigrid table (the dashboard's scores, say) names its cells by
// address: when an upgrade adds or removes a dimension, QG_Scores grows or shrinks and the chart
// would keep drawing the old rows. So a reference (`c:f`) that exactly covers one column's data rows
// of a table — or its header cell, the series' name — is re-pointed to the same column (by header) of
// the table of the same name in what is written. Its cache keeps its format but no point, and counts
// the new rows: Excel draws a chart from its cells when it opens the workbook (the cache is only for
// broken links and previews), and Qualigrid's scores are computed on open, so any value it could
// write there would be stale; « N points, none known » is what Excel itself writes for blank cells.
// Any other reference (a part of a column, several columns, a name, a union) is left as it is.

const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const TABLE_REL = `${REL_NS}/table`;
const REF_PARENTS = new Set(["numRef", "strRef"]);
const CACHES = new Set(["numCache", "strCache"]);

/** Where a table lies: its sheet, header row, data rows and columns (by header, lower-cased). */
export interface TablePlace {
  name: string;
  sheet: string;
  /** The header row, or null for a table without one. */
  header: number | null;
  first: number;
  last: number;
  left: number;
  headers: string[];
}

/** A reference re-pointed, or left as it was, in a chart part. */
export interface ChartReference {
  /** The chart part. */
  part: string;
  from: string;
  /** The new reference; equal to `from` when it was left as it was. */
  to: string;
}

/** The tables of a package (`.xlsx` parts), with their places. Throws on XML that does not parse. */
export function packageTables(parts: Record<string, Uint8Array>, workbookPart: string): TablePlace[] {
  const found: TablePlace[] = [];
  const byId = new Map(parseRels(textOf(parts, relsPathOf(workbookPart)) ?? "").filter(isWorksheetRel).map((r) => [r.id, resolveTarget(workbookPart, r.target)]));
  for (const s of workbookSheets(textOf(parts, workbookPart) ?? "")) {
    const sheet = byId.get(s.rid);
    const rels = sheet === undefined ? undefined : textOf(parts, relsPathOf(sheet));
    if (sheet === undefined || rels === undefined) continue;
    for (const r of parseRels(rels)) {
      if (r.external || r.type !== TABLE_REL) continue;
      const xml = textOf(parts, resolveTarget(sheet, r.target));
      const root = xml === undefined ? undefined : elementsAt(xml, 0, new Set(["table"]))[0];
      const ref = root?.attributes.get("ref");
      if (xml === undefined || root === undefined || ref === undefined || !/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/i.test(ref)) continue;
      const { top, left, bottom } = parseRangeAddress(ref);
      const headed = root.attributes.get("headerRowCount") !== "0";
      const totals = Number(root.attributes.get("totalsRowCount") ?? "0") || 0;
      const columns = elementsAt(xml, 2, new Set(["tableColumn"])).map((c) => (c.attributes.get("name") ?? "").trim().toLowerCase());
      found.push({
        name: root.attributes.get("displayName") ?? root.attributes.get("name") ?? "",
        sheet: s.name,
        header: headed ? top : null,
        first: headed ? top + 1 : top,
        last: bottom - totals,
        left,
        headers: columns,
      });
    }
  }
  return found;
}

/** The tables of an exceljs workbook (its header row is its first), with their places. */
export function workbookTables(wb: ExcelJS.Workbook): TablePlace[] {
  return [...findTables(wb).values()].map((t) => ({
    name: t.name,
    sheet: t.sheet.name,
    header: t.top,
    first: t.top + 1,
    last: t.bottom,
    left: t.left,
    headers: t.headers.map((h) => h.trim().toLowerCase()),
  }));
}

const REF = /^(?:'((?:[^']|'')+)'|([^'!:\s()]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

/**
 * What reference `formula` becomes: the same column's data rows (or header cell) of the table of the
 * same name in `to`, when it covers exactly that in `from`; undefined when it is no such reference.
 */
export function repointedReference(formula: string, from: readonly TablePlace[], to: readonly TablePlace[]): string | undefined {
  const m = REF.exec(formula.trim());
  if (!m || m[3] === undefined || m[4] === undefined) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? "");
  const { top, left, bottom, right } = parseRangeAddress(`${m[3]}${m[4]}:${m[5] ?? m[3]}${m[6] ?? m[4]}`);
  if (left !== right) return undefined;
  for (const t of from) {
    if (t.sheet.toLowerCase() !== sheet.toLowerCase() || left < t.left || left >= t.left + t.headers.length) continue;
    const isHeader = t.header !== null && top === t.header && bottom === t.header;
    if (!isHeader && (top !== t.first || bottom !== t.last)) continue;
    const header = t.headers[left - t.left];
    const next = to.find((n) => n.name.toLowerCase() === t.name.toLowerCase());
    const col = header === undefined || header === "" || !next ? -1 : next.headers.indexOf(header);
    if (!next || col < 0 || (isHeader && next.header === null)) return undefined;
    const c = next.left + col;
    const range = isHeader ? absoluteRange(next.header ?? 0, c, next.header ?? 0, c) : absoluteRange(next.first, c, next.last, c);
    // The sheet's name as the chart wrote it, when the table is still on a sheet of that name.
    const name = next.sheet.toLowerCase() === sheet.toLowerCase() ? formula.trim().slice(0, formula.trim().lastIndexOf("!")) : quoteSheet(next.sheet);
    return `${name}!${range}`;
  }
  return undefined;
}

/** A `c:f` of a chart part, inside a `c:numRef` or `c:strRef`, with where its text and its cache lie. */
interface FormulaAt {
  text: string;
  /** Where its text starts and ends (between its tags). */
  textStart: number;
  textEnd: number;
  /** The points (`c:pt`) of its cache, and its `c:ptCount` start tag, by position. */
  points: { start: number; end: number }[];
  count: { start: number; end: number } | undefined;
}

/** The references of a chart part (`c:chartSpace`). Throws on XML that does not parse. */
function formulasOf(xml: string): FormulaAt[] {
  const found: FormulaAt[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: string[] = [];
  let tagStart = 0;
  let open: FormulaAt | undefined;
  let owner: FormulaAt | undefined;
  let text = "";
  parser.on("opentagstart", () => {
    tagStart = xml.lastIndexOf("<", parser.position - 1);
  });
  parser.on("opentag", (tag) => {
    const local = tag.uri === CHART_NS ? tag.local : "";
    const parent = stack[stack.length - 1] ?? "";
    stack.push(local);
    if (local === "f" && REF_PARENTS.has(parent)) {
      open = { text: "", textStart: parser.position, textEnd: parser.position, points: [], count: undefined };
      text = "";
      if (tag.isSelfClosing) open = undefined;
    } else if (local === "numRef" || local === "strRef") owner = undefined;
    else if (owner && CACHES.has(parent) && local === "pt") owner.points.push({ start: tagStart, end: tagStart });
    else if (owner && CACHES.has(parent) && local === "ptCount") owner.count = { start: tagStart, end: parser.position };
  });
  parser.on("text", (t) => {
    if (open) text += t;
  });
  parser.on("closetag", () => {
    const local = stack.pop() ?? "";
    const parent = stack[stack.length - 1] ?? "";
    if (local === "f" && open) {
      open.text = text;
      open.textEnd = xml.lastIndexOf("</", parser.position - 1);
      found.push(open);
      owner = open;
      open = undefined;
    } else if (local === "pt" && owner && CACHES.has(parent)) {
      const pt = owner.points[owner.points.length - 1];
      if (pt) pt.end = parser.position;
    } else if (REF_PARENTS.has(local)) owner = undefined;
  });
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml).close();
  return found;
}

const escapeText = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Chart part `xml` with its references re-pointed from the tables `from` to the tables `to` (see
 * above), their caches emptied to the new count of points; and every reference with what it becomes
 * (`to` undefined: it is no table column's, left as it is). `xml` itself when nothing moved. Throws
 * on XML that does not parse.
 */
export function repointChart(xml: string, from: readonly TablePlace[], to: readonly TablePlace[]): { xml: string; references: { from: string; to: string | undefined }[] } {
  const edits: { start: number; end: number; text: string }[] = [];
  const references: { from: string; to: string | undefined }[] = [];
  for (const f of formulasOf(xml)) {
    const next = repointedReference(f.text, from, to);
    references.push({ from: f.text, to: next });
    if (next === undefined || next === f.text.trim()) continue;
    edits.push({ start: f.textStart, end: f.textEnd, text: escapeText(next) });
    const r = parseRangeAddress(next.slice(next.lastIndexOf("!") + 1).replace(/\$/g, ""));
    if (f.count) edits.push({ start: f.count.start, end: f.count.end, text: xml.slice(f.count.start, f.count.end).replace(/val\s*=\s*("[^"]*"|'[^']*')/, `val="${r.bottom - r.top + 1}"`) });
    for (const p of f.points) edits.push({ start: p.start, end: p.end, text: "" });
  }
  if (edits.length === 0) return { xml, references };
  edits.sort((a, b) => b.start - a.start);
  let out = xml;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { xml: out, references };
}

/** Whether a part is a chart (`xl/charts/chart1.xml`), not its style, colours or an extended chart. */
export const isChartPart = (part: string): boolean => /^xl\/charts\/chart[^/]*\.xml$/i.test(part);

/** The sheets whose tables moved or changed size between `from` and `to` (lower-cased names). */
export function sheetsResized(from: readonly TablePlace[], to: readonly TablePlace[]): Set<string> {
  const changed = new Set<string>();
  for (const t of from) {
    const n = to.find((x) => x.name.toLowerCase() === t.name.toLowerCase());
    if (!n || n.first !== t.first || n.last !== t.last || n.left !== t.left || n.header !== t.header) changed.add(t.sheet.toLowerCase());
  }
  return changed;
}

/** The sheets a reference names (lower-cased): one for a range, several for a union. */
export function referenceSheets(formula: string): string[] {
  return [...formula.matchAll(/(?:'((?:[^']|'')+)'|([^'!:\s(),]+))!/g)].map((m) => (m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? "")).toLowerCase());
}
