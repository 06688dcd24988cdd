import { unzipSync, zipSync } from "fflate";
import type ExcelJS from "exceljs";
import { PartCopy, encoder, freeId, relativeTarget, relsPathOf, resolveTarget, textOf, type KeptParts } from "./xlsx.carry.parts.js";
import { isChartPart, packageTables, repointChart, workbookTables, type TablePlace } from "./xlsx.carry.charts.js";
import { chartsheetsOf, placeChartsheets, type KeptSheets } from "./xlsx.carry.sheets.js";
import { namedCharts, placeCharts, rememberedCharts, type SheetChart } from "./xlsx.charts.js";
import { placeRowBreaks, rowBreaksOf, type KeptBreaks } from "./xlsx.carry.breaks.js";
import {
  contentTypeItems,
  DRAWING_REL,
  isWorksheetRel,
  officeDocumentTarget,
  parseContentTypes,
  parseRels,
  REL_NS,
  relsXml,
  topLevel,
  VML_DRAWING_REL,
  workbookSheets,
} from "./xlsx.carry.xml.js";

// exceljs keeps a sheet's pictures but drops its charts, shapes and text boxes (and renumbers what
// it keeps), its header and footer pictures, and the chart sheets. So what a user made in Excel is
// carried over from the package the workbook was read from: each worksheet's drawing part and its
// header/footer pictures (a VML part), with every part they reach (charts, their styles and colours,
// pictures, embedded workbooks), onto the sheet of the same name in what exceljs writes; and each
// chart sheet back at its place among the sheets (`xlsx.carry.sheets.ts`). exceljs never sees a
// sheet's `<drawing>` element, so a picture is not carried twice.

/** The elements of a worksheet that name a carried part, with the relationship type of each. */
const SHEET_ELEMENTS = { drawing: DRAWING_REL, legacyDrawingHF: VML_DRAWING_REL } as const;
type SheetElement = keyof typeof SHEET_ELEMENTS;

/** A worksheet's carried element, as the package read holds it. */
interface SheetPart {
  /** The sheet's name (Excel compares sheet names without case). */
  sheet: string;
  element: SheetElement;
  /** The part it names. */
  part: string;
  /** For header/footer pictures: the sheet's `<headerFooter>` as written (the `&G` that shows them), and its root's prefix. */
  headerFooter?: { xml: string; prefix: string };
}

/** What a loaded package holds that exceljs would drop. */
interface Carried extends KeptParts {
  sheetParts: SheetPart[];
  chartsheets: KeptSheets | null;
  /** The package's tables, when a chart is carried: its references are re-pointed from them (`xlsx.carry.charts.ts`). */
  tables: TablePlace[];
  /** Each sheet's manual page breaks, by lower-case sheet name (`xlsx.carry.breaks.ts`). */
  breaks: Map<string, KeptBreaks>;
}

const CARRIED = new WeakMap<ExcelJS.Workbook, Carried>();

/** The folders whose parts may be carried: never a worksheet, a table, the styles or the workbook itself. */
const CARRIED_FOLDERS = /^xl\/(drawings|charts|media|embeddings|diagrams|ink|model3d|chartsheets|printerSettings)\//i;
const isCarried = (part: string): boolean => CARRIED_FOLDERS.test(part);

/**
 * Remembers, for `wb`, the drawings, header/footer pictures and chart sheets of `parts` (the package
 * it is read from) and returns the parts exceljs should read: the same, but each sheet's `<drawing>`
 * element left out and the chart sheets out of the workbook part. A package without any is returned
 * as it is and costs nothing more than reading its `.rels`. Something unexpected (a part that does
 * not parse) is left to exceljs as it is.
 */
export function keepDrawings(wb: ExcelJS.Workbook, parts: Record<string, Uint8Array>): Record<string, Uint8Array> {
  try {
    const found = carriedOf(parts);
    if (!found) return parts;
    CARRIED.set(wb, found.carried);
    return { ...parts, ...found.stripped };
  } catch {
    return parts;
  }
}

/**
 * `wb` as .xlsx bytes, with what the package `from` was read from put back and the plan's `charts`
 * written (`carryDrawings`). When the package will be opened again for that, exceljs writes it
 * stored (not deflated) and the package is deflated once, at the end: deflating it twice cost as
 * much as writing the workbook.
 */
export async function writeWithDrawings(wb: ExcelJS.Workbook, from: ExcelJS.Workbook, charts: readonly SheetChart[]): Promise<Uint8Array> {
  if (!CARRIED.has(from) && charts.length === 0) return new Uint8Array(await wb.xlsx.writeBuffer());
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } }));
  return carryDrawings(bytes, from, charts, true);
}

/**
 * The .xlsx `bytes` exceljs wrote (`stored`: not deflated, then deflated here whatever is carried),
 * with what the package `from` was read from held put back (see
 * `keepDrawings`): drawings and header/footer pictures on the sheets of the same names, chart sheets
 * at their place. With nothing to carry, `bytes` is returned as it is. A sheet that is no longer
 * there, or that already has such an element of exceljs's making, is left as exceljs wrote it.
 * Then the plan's `charts` are written (`xlsx.charts.ts`), replacing the carried charts of the same
 * names on their sheets.
 */
export function carryDrawings(bytes: Uint8Array, from: ExcelJS.Workbook, charts: readonly SheetChart[] = [], stored = false): Uint8Array {
  const carried = CARRIED.get(from) ?? (charts.length > 0 ? NOTHING : undefined);
  if (!carried) return stored ? zipSync(unzipSync(bytes), { level: 6 }) : bytes;
  const out = unzipSync(bytes);
  const workbook = officeDocumentTarget(textOf(out, "_rels/.rels") ?? "");
  if (workbook === undefined) return bytes;
  const workbookPart = resolveTarget("", workbook);
  const sheets = sheetPartsOf(out, workbookPart);
  const packageTypes = parseContentTypes(textOf(out, "[Content_Types].xml") ?? "");
  const copy = new PartCopy(repointed(carried, () => packageTables(out, workbookPart)), out, packageTypes);
  let placed = 0;
  for (const d of carried.sheetParts) {
    const sheet = sheets.get(d.sheet.toLowerCase());
    if (sheet !== undefined && placeOnSheet(out, sheet, d, copy)) placed++;
  }
  if (carried.chartsheets) placed += placeChartsheets(out, workbookPart, carried.chartsheets, copy).length;
  placed += placeRowBreaks(out, sheets, carried.breaks);
  placed += placeCharts(out, sheets, copy.overrides, charts, (sheet, drawing) => attachToSheet(out, sheet, "drawing", () => drawing));
  if (placed === 0) return stored ? zipSync(out, { level: 6 }) : bytes;
  const types = textOf(out, "[Content_Types].xml") ?? "";
  const end = types.lastIndexOf("</");
  out["[Content_Types].xml"] = encoder.encode(types.slice(0, end) + contentTypeItems(copy.defaults, copy.overrides) + types.slice(end));
  // exceljs writes folders as empty entries; a package needs none.
  const files = Object.fromEntries(Object.entries(out).filter(([name]) => !name.endsWith("/")));
  return zipSync(files, { level: 6 });
}

/**
 * `carried` with its charts' references re-pointed to where their table columns are in what is
 * written (`tables`, read only when a chart is carried); `carried` itself when none moved. A chart
 * that does not parse is carried as it was.
 */
function repointed(carried: Carried, tables: () => TablePlace[]): KeptParts {
  const charts = [...carried.parts.keys()].filter(isChartPart);
  if (charts.length === 0 || carried.tables.length === 0) return carried;
  const to = tables();
  const parts = new Map(carried.parts);
  const decoder = new TextDecoder();
  for (const part of charts) {
    const bytes = parts.get(part);
    if (bytes === undefined) continue;
    try {
      const xml = decoder.decode(bytes);
      const done = repointChart(xml, carried.tables, to);
      if (done.xml !== xml) parts.set(part, encoder.encode(done.xml));
    } catch {
      // left as it was
    }
  }
  return { ...carried, parts };
}

/**
 * The references of the charts carried from `old`'s package (see `keepDrawings`), each with the sheet
 * it is shown on and what it becomes once written with the tables of `next` (`to` undefined: no
 * table column's, left as it is), and the tables of both.
 */
export function chartReferences(
  old: ExcelJS.Workbook,
  next: ExcelJS.Workbook,
): { references: { sheet: string; from: string; to: string | undefined }[]; tables: { from: TablePlace[]; to: TablePlace[] } } {
  const carried = CARRIED.get(old);
  const to = workbookTables(next);
  const references: { sheet: string; from: string; to: string | undefined }[] = [];
  if (!carried) return { references, tables: { from: [], to } };
  const decoder = new TextDecoder();
  // A chart the new plan draws again (`QG_ScoresChart`) is replaced, not carried: nothing to say of it.
  const redrawn = new Set(rememberedCharts(next).map((c) => `${c.sheet.toLowerCase()}\u0000${c.chart.name}`));
  const names = new Map(carried.sheetParts.filter((d) => d.element === "drawing").flatMap((d) => [...namedCharts(carried.parts, d.part)].map(([part, name]) => [part, `${d.sheet.toLowerCase()}\u0000${name}`] as const)));
  for (const [part, sheet] of chartSheets(carried)) {
    if (redrawn.has(names.get(part) ?? "")) continue;
    const bytes = carried.parts.get(part);
    if (bytes === undefined) continue;
    try {
      for (const r of repointChart(decoder.decode(bytes), carried.tables, to).references) references.push({ sheet, ...r });
    } catch {
      // a chart that does not parse is carried as it was: nothing to say of its references
    }
  }
  return { references, tables: { from: carried.tables, to } };
}

/** Each carried chart part, with the name of the sheet (or chart sheet) that shows it. */
function chartSheets(carried: Carried): Map<string, string> {
  const found = new Map<string, string>();
  const decoder = new TextDecoder();
  const seen = new Set<string>();
  const reach = (part: string, sheet: string): void => {
    if (seen.has(part)) return;
    seen.add(part);
    if (isChartPart(part) && !found.has(part)) found.set(part, sheet);
    const rels = carried.parts.get(relsPathOf(part));
    if (rels === undefined) return;
    for (const r of parseRels(decoder.decode(rels))) if (!r.external) reach(resolveTarget(part, r.target), sheet);
  };
  for (const d of carried.sheetParts) reach(d.part, d.sheet);
  for (const c of carried.chartsheets?.chartsheets ?? []) reach(c.part, c.name);
  return found;
}

/** Nothing carried: a package written only to receive the plan's charts. */
const NOTHING: Carried = { sheetParts: [], chartsheets: null, tables: [], breaks: new Map(), parts: new Map(), types: { defaults: new Map(), overrides: new Map() } };

/** Puts `d` on worksheet part `sheet` of `out`, unless it has that element already; whether it did. */
function placeOnSheet(out: Record<string, Uint8Array>, sheet: string, d: SheetPart, copy: PartCopy): boolean {
  return attachToSheet(out, sheet, d.element, () => copy.part(d.part), d.headerFooter);
}

/**
 * Makes worksheet part `sheet` of `out` show part `partOf()` (copied only once the sheet is known
 * to lack that element) through `element`, with its relationship; whether it did.
 */
function attachToSheet(out: Record<string, Uint8Array>, sheet: string, kind: SheetElement, partOf: () => string, headerFooter?: SheetPart["headerFooter"]): boolean {
  const d = { element: kind, headerFooter };
  let xml = textOf(out, sheet);
  if (xml === undefined) return false;
  let top = topLevel(xml);
  if (top.closeStart < 0 || top.children.some((c) => c.local === d.element)) return false;
  const part = partOf();
  const relsPath = relsPathOf(sheet);
  const relsText = textOf(out, relsPath);
  const rels = relsText === undefined ? [] : parseRels(relsText);
  const id = freeId(rels);
  rels.push({ id, type: SHEET_ELEMENTS[d.element], target: relativeTarget(sheet, part), external: false });
  out[relsPath] = encoder.encode(relsXml(rels));
  // An upgrade's new sheet has no header of its own: the one that showed the pictures comes along.
  if (d.headerFooter && d.headerFooter.prefix === top.rootPrefix && !top.children.some((c) => c.local === "headerFooter")) {
    xml = inserted(xml, top, AFTER.headerFooter, d.headerFooter.xml);
    top = topLevel(xml);
  }
  const prefix = top.rootPrefix === "" ? "" : `${top.rootPrefix}:`;
  const element =
    top.relPrefix === undefined ? `<${prefix}${d.element} xmlns:qgr="${REL_NS}" qgr:id="${id}"/>` : `<${prefix}${d.element} ${top.relPrefix}:id="${id}"/>`;
  out[sheet] = encoder.encode(inserted(xml, top, AFTER[d.element], element));
  return true;
}

/** `xml` with `element` where CT_Worksheet puts it: before the first top-level element of `after`. */
function inserted(xml: string, top: ReturnType<typeof topLevel>, after: ReadonlySet<string>, element: string): string {
  const at = top.children.find((c) => after.has(c.local))?.start ?? top.closeStart;
  return xml.slice(0, at) + element + xml.slice(at);
}

/** The elements CT_Worksheet puts after each element the carry inserts. */
const TAIL = ["drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];
const AFTER = {
  headerFooter: new Set(["rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", ...TAIL]),
  drawing: new Set(TAIL.slice(1)),
  legacyDrawingHF: new Set(TAIL.slice(3)),
};

/** What a package holds that exceljs would drop, and the parts exceljs should read instead; null when it holds nothing of it. */
function carriedOf(parts: Record<string, Uint8Array>): { carried: Carried; stripped: Record<string, Uint8Array> } | null {
  const sheetParts: SheetPart[] = [];
  const stripped: Record<string, Uint8Array> = {};
  const rootRels = textOf(parts, "_rels/.rels");
  const workbook = rootRels === undefined ? undefined : officeDocumentTarget(rootRels);
  if (workbook === undefined) return null;
  const workbookPart = resolveTarget("", workbook);
  const workbookXml = textOf(parts, workbookPart);
  const workbookRels = textOf(parts, relsPathOf(workbookPart));
  if (workbookXml === undefined || workbookRels === undefined) return null;
  const rels = parseRels(workbookRels);
  const byId = new Map(rels.filter(isWorksheetRel).map((r) => [r.id, resolveTarget(workbookPart, r.target)]));
  const listed = workbookSheets(workbookXml);
  const breaks = rowBreaksOf(parts, listed.flatMap((s) => (byId.has(s.rid) ? [{ name: s.name, part: byId.get(s.rid) as string }] : [])));
  for (const s of listed) {
    const sheet = byId.get(s.rid);
    const relsText = sheet === undefined ? undefined : textOf(parts, relsPathOf(sheet));
    if (sheet === undefined || relsText === undefined) continue;
    const sheetRels = parseRels(relsText).filter((r) => !r.external && (r.type === DRAWING_REL || r.type === VML_DRAWING_REL));
    if (sheetRels.length === 0) continue;
    const xml = textOf(parts, sheet);
    if (xml === undefined) continue;
    const top = topLevel(xml);
    for (const element of Object.keys(SHEET_ELEMENTS) as SheetElement[]) {
      const found = top.children.find((c) => c.local === element);
      const rid = found?.attributes.find((a) => a.uri === REL_NS && a.local === "id")?.value;
      const rel = sheetRels.find((r) => r.id === rid && r.type === SHEET_ELEMENTS[element]);
      const part = rel === undefined ? undefined : resolveTarget(sheet, rel.target);
      if (!found || part === undefined || parts[part] === undefined) continue;
      const hf = top.children.find((c) => c.local === "headerFooter");
      sheetParts.push({
        sheet: s.name,
        element,
        part,
        ...(element === "legacyDrawingHF" && hf ? { headerFooter: { xml: xml.slice(hf.start, hf.end), prefix: top.rootPrefix } } : {}),
      });
      if (element === "drawing") stripped[sheet] = encoder.encode(xml.slice(0, found.start) + xml.slice(found.end));
    }
  }
  const charts = chartsheetsOf(parts, workbookPart, workbookXml, rels, isCarried);
  if (sheetParts.length === 0 && !charts && breaks.size === 0) return null;
  if (charts) stripped[workbookPart] = encoder.encode(charts.workbookXml);
  const kept = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  const reach = (name: string): void => {
    const bytes = parts[name];
    if (kept.has(name) || bytes === undefined || !isCarried(name)) return;
    kept.set(name, bytes);
    const relsBytes = parts[relsPathOf(name)];
    if (relsBytes === undefined) return;
    kept.set(relsPathOf(name), relsBytes);
    for (const r of parseRels(decoder.decode(relsBytes))) if (!r.external) reach(resolveTarget(name, r.target));
  };
  for (const d of sheetParts) reach(d.part);
  for (const c of charts?.kept.chartsheets ?? []) reach(c.part);
  const types = parseContentTypes(textOf(parts, "[Content_Types].xml") ?? "");
  const tables = [...kept.keys()].some(isChartPart) ? tablesOf(parts, workbookPart) : [];
  return { carried: { sheetParts, chartsheets: charts?.kept ?? null, parts: kept, types, tables, breaks }, stripped };
}

/** The tables of a package; none when one does not parse (its charts are then carried as they are). */
function tablesOf(parts: Record<string, Uint8Array>, workbookPart: string): TablePlace[] {
  try {
    return packageTables(parts, workbookPart);
  } catch {
    return [];
  }
}

/** The worksheets of a package, by lower-case sheet name → part name. */
function sheetPartsOf(parts: Record<string, Uint8Array>, workbookPart: string): Map<string, string> {
  const found = new Map<string, string>();
  const byId = new Map(parseRels(textOf(parts, relsPathOf(workbookPart)) ?? "").filter(isWorksheetRel).map((r) => [r.id, r.target]));
  for (const s of workbookSheets(textOf(parts, workbookPart) ?? "")) {
    const target = byId.get(s.rid);
    if (target !== undefined) found.set(s.name.toLowerCase(), resolveTarget(workbookPart, target));
  }
  return found;
}
