import { encoder, freeId, relativeTarget, resolveTarget, textOf, type PartCopy } from "./xlsx.carry.parts.js";
import { CHARTSHEET_REL, REL_NS, elementsAt, escapeAttr, parseRels, relsXml, topLevel, withAttribute, type PlacedElement, type Relationship } from "./xlsx.carry.xml.js";

// exceljs reads worksheets only: a chart moved to its own tab (a chart sheet) is dropped, and the
// indexes that count it (a defined name's localSheetId, the active tab) then point at the wrong
// sheet. So a chart sheet is taken out of the workbook part exceljs reads (those indexes counted
// again without it) and put back when the workbook is saved: at its place among the sheets that
// remain, by name, with its parts (the chart sheet, its drawing, chart, styles, printer settings).

/** A chart sheet of the package read. */
export interface Chartsheet {
  name: string;
  /** Its part (`xl/chartsheets/sheet1.xml`). */
  part: string;
  sheetId: string | undefined;
  state: string | undefined;
  /** The defined names local to it: their attributes (localSheetId set again on save) and their text as written. */
  names: { attributes: Map<string, string>; text: string }[];
}

/** The chart sheets of a package, and where they stood. */
export interface KeptSheets {
  chartsheets: Chartsheet[];
  /** Every sheet's name, chart sheets included, in the package's order. */
  order: string[];
  /** The chart sheet that was the active tab, if one was. */
  activeTab: string | undefined;
  /** The chart sheet that was the first tab shown, if one was. */
  firstSheet: string | undefined;
}

const WORKBOOK_CHILDREN = new Set(["sheet", "definedName", "workbookView"]);
const VIEW_INDEXES = ["activeTab", "firstSheet"] as const;

/**
 * The chart sheets of the workbook part `workbookXml` (its relationships `rels`), with the workbook
 * part as exceljs should read it: without them, its localSheetId and tab indexes counted again over
 * the worksheets. Null when it has none. A chart sheet is kept only when every part its
 * relationships name is in the package and `carried` accepts it (otherwise it is left out, as
 * exceljs would leave it).
 */
export function chartsheetsOf(
  parts: Record<string, Uint8Array>,
  workbookPart: string,
  workbookXml: string,
  rels: readonly Relationship[],
  carried: (part: string) => boolean,
): { kept: KeptSheets; workbookXml: string } | null {
  const charts = new Map(rels.filter((r) => r.type === CHARTSHEET_REL && !r.external).map((r) => [r.id, resolveTarget(workbookPart, r.target)]));
  if (charts.size === 0) return null;
  const elements = elementsAt(workbookXml, 2, WORKBOOK_CHILDREN);
  const sheets = elements.filter((e) => e.local === "sheet");
  const order = sheets.map((s) => s.attributes.get("name") ?? "");
  const chartsheets = new Map<number, Chartsheet>();
  sheets.forEach((s, i) => {
    const part = s.rid === undefined ? undefined : charts.get(s.rid);
    if (part === undefined || parts[part] === undefined || !carried(part) || !reachable(parts, part, carried)) return;
    chartsheets.set(i, { name: order[i] ?? "", part, sheetId: s.attributes.get("sheetId"), state: s.attributes.get("state"), names: [] });
  });
  if (chartsheets.size === 0) return null;
  // index in the package → index among the worksheets exceljs reads
  const kept: number[] = [];
  let n = 0;
  for (let i = 0; i < sheets.length; i++) kept.push(chartsheets.has(i) ? -1 : n++);
  const nearest = (i: number): number => kept.slice(i).find((k) => k >= 0) ?? Math.max(0, n - 1);
  const view: Record<(typeof VIEW_INDEXES)[number], string | undefined> = { activeTab: undefined, firstSheet: undefined };
  const edits: { start: number; end: number; text: string }[] = [];
  for (const i of chartsheets.keys()) edits.push({ start: sheets[i]?.start ?? 0, end: sheets[i]?.end ?? 0, text: "" });
  for (const e of elements) {
    const tag = workbookXml.slice(e.start, e.tagEnd);
    if (e.local === "definedName") {
      const local = indexOf(e, "localSheetId");
      if (local === undefined) continue;
      const chart = chartsheets.get(local);
      if (chart) {
        chart.names.push({ attributes: e.attributes, text: innerText(workbookXml, e) });
        edits.push({ start: e.start, end: e.end, text: "" });
      } else if (kept[local] !== undefined && kept[local] !== local) {
        edits.push({ start: e.start, end: e.tagEnd, text: withAttribute(tag, "localSheetId", String(kept[local])) });
      }
    } else if (e.local === "workbookView") {
      let text = tag;
      for (const a of VIEW_INDEXES) {
        const i = indexOf(e, a);
        if (i === undefined || i >= sheets.length) continue;
        if (chartsheets.has(i)) view[a] = chartsheets.get(i)?.name;
        text = withAttribute(text, a, String(nearest(i)));
      }
      if (text !== tag) edits.push({ start: e.start, end: e.tagEnd, text });
    }
  }
  return {
    kept: { chartsheets: [...chartsheets.values()], order, activeTab: view.activeTab, firstSheet: view.firstSheet },
    workbookXml: applied(workbookXml, edits),
  };
}

/**
 * Puts the chart sheets of `kept` back into the package `out` (exceljs's, being completed): each
 * after the sheet that preceded it in the package read and still exists (else first), its parts
 * copied by `copy`, with a new relationship from the workbook part, its sheet id when free (else the
 * next), its local defined names, and the workbook's localSheetId and tab indexes counted again. A
 * chart sheet whose name a sheet now has is left out. Returns the names of the chart sheets placed.
 */
export function placeChartsheets(out: Record<string, Uint8Array>, workbookPart: string, kept: KeptSheets, copy: PartCopy): string[] {
  const relsPath = `${workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1)}_rels/${workbookPart.slice(workbookPart.lastIndexOf("/") + 1)}.rels`;
  const xml = textOf(out, workbookPart);
  const relsText = textOf(out, relsPath);
  if (xml === undefined || relsText === undefined) return [];
  const elements = elementsAt(xml, 2, WORKBOOK_CHILDREN);
  const sheets = elements.filter((e) => e.local === "sheet");
  if (sheets.length === 0) return [];
  const written = sheets.map((s) => s.attributes.get("name") ?? "");
  const final: string[] = [...written];
  const has = (name: string): number => final.findIndex((f) => f.toLowerCase() === name.toLowerCase());
  const placed: Chartsheet[] = [];
  for (const c of kept.chartsheets) {
    if (has(c.name) >= 0) continue;
    let at = 0;
    for (let j = kept.order.indexOf(c.name) - 1; j >= 0; j--) {
      const before = has(kept.order[j] ?? "");
      if (before >= 0) {
        at = before + 1;
        break;
      }
    }
    final.splice(at, 0, c.name);
    placed.push(c);
  }
  if (placed.length === 0) return [];

  const rels = parseRels(relsText);
  const top = topLevel(xml);
  const prefix = top.rootPrefix === "" ? "" : `${top.rootPrefix}:`;
  const rAttr = (id: string): string => (top.relPrefix === undefined ? `xmlns:qgr="${REL_NS}" qgr:id="${escapeAttr(id)}"` : `${top.relPrefix}:id="${escapeAttr(id)}"`);
  const ids = new Set(sheets.map((s) => s.attributes.get("sheetId")));
  let nextId = Math.max(0, ...[...ids].map((i) => Number(i) || 0)) + 1;
  const sheetXml = new Map<string, string>();
  sheets.forEach((s, i) => sheetXml.set(written[i] ?? "", xml.slice(s.start, s.end)));
  for (const c of placed) {
    const part = copy.part(c.part);
    const id = freeId(rels);
    rels.push({ id, type: CHARTSHEET_REL, target: relativeTarget(workbookPart, part), external: false });
    const sheetId = c.sheetId !== undefined && /^\d+$/.test(c.sheetId) && !ids.has(c.sheetId) ? c.sheetId : String(nextId++);
    ids.add(sheetId);
    const state = c.state === undefined ? "" : ` state="${escapeAttr(c.state)}"`;
    sheetXml.set(c.name, `<${prefix}sheet name="${escapeAttr(c.name)}" sheetId="${sheetId}"${state} ${rAttr(id)}/>`);
  }
  const indexOfName = (name: string | undefined): number => (name === undefined ? -1 : has(name));
  const edits: { start: number; end: number; text: string }[] = [];
  edits.push({ start: sheets[0]?.start ?? 0, end: sheets[sheets.length - 1]?.end ?? 0, text: final.map((name) => sheetXml.get(name) ?? "").join("") });
  for (const e of elements) {
    const tag = xml.slice(e.start, e.tagEnd);
    if (e.local === "definedName") {
      const local = indexOf(e, "localSheetId");
      const moved = local === undefined ? -1 : indexOfName(written[local]);
      if (moved >= 0 && moved !== local) edits.push({ start: e.start, end: e.tagEnd, text: withAttribute(tag, "localSheetId", String(moved)) });
    } else if (e.local === "workbookView") {
      let text = tag;
      for (const a of VIEW_INDEXES) {
        const i = indexOf(e, a);
        const moved = indexOfName(kept[a] ?? (i === undefined ? undefined : written[i]));
        if (moved >= 0 && moved !== i) text = withAttribute(text, a, String(moved));
      }
      if (text !== tag) edits.push({ start: e.start, end: e.tagEnd, text });
    }
  }
  const names = placed.flatMap((c) =>
    c.names.map((n) => {
      const attributes = [...n.attributes].filter(([k]) => k !== "localSheetId" && !k.startsWith("xmlns"));
      const list = [...attributes, ["localSheetId", String(has(c.name))]].map(([k, v]) => ` ${k ?? ""}="${escapeAttr(v ?? "")}"`).join("");
      return `<${prefix}definedName${list}>${n.text}</${prefix}definedName>`;
    }),
  );
  if (names.length > 0) {
    const holder = elementsAt(xml, 1, new Set(["definedNames"]))[0];
    if (holder) {
      const close = xml.lastIndexOf("</", holder.end - 1);
      if (holder.end === holder.tagEnd) edits.push({ start: holder.start, end: holder.end, text: `<${prefix}definedNames>${names.join("")}</${prefix}definedNames>` });
      else edits.push({ start: close, end: close, text: names.join("") });
    } else {
      const end = sheets[sheets.length - 1]?.end ?? 0;
      const sheetsClose = xml.indexOf(">", xml.indexOf("</", end)) + 1;
      edits.push({ start: sheetsClose, end: sheetsClose, text: `<${prefix}definedNames>${names.join("")}</${prefix}definedNames>` });
    }
  }
  out[workbookPart] = encoder.encode(applied(xml, edits));
  out[relsPath] = encoder.encode(relsXml(rels));
  return placed.map((c) => c.name);
}

/** Whether every part the relationships of `part` name (not external) is in the package and carried. */
function reachable(parts: Record<string, Uint8Array>, part: string, carried: (part: string) => boolean): boolean {
  const relsPath = `${part.slice(0, part.lastIndexOf("/") + 1)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
  const text = textOf(parts, relsPath);
  if (text === undefined) return true;
  return parseRels(text).every((r) => {
    if (r.external) return true;
    const target = resolveTarget(part, r.target);
    return parts[target] !== undefined && carried(target);
  });
}

/** A non-negative integer attribute of an element, if it has one. */
function indexOf(e: PlacedElement, name: string): number | undefined {
  const v = e.attributes.get(name);
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** An element's content as written, between its start and end tags. */
function innerText(xml: string, e: PlacedElement): string {
  return e.end === e.tagEnd ? "" : xml.slice(e.tagEnd, xml.lastIndexOf("</", e.end - 1));
}

/** `xml` with each edit's range replaced by its text (the ranges do not overlap). */
function applied(xml: string, edits: { start: number; end: number; text: string }[]): string {
  let out = xml;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
