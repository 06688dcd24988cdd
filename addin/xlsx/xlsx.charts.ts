import type ExcelJS from "exceljs";
import type { ChartPlan } from "../plan/plan.types.js";
import { encoder, freeId, relativeTarget, relsPathOf, resolveTarget, textOf } from "./xlsx.carry.parts.js";
import { DRAWING_REL, elementsAt, escapeAttr, parseRels, REL_NS, relsXml, topLevel, type Relationship } from "./xlsx.carry.xml.js";

// exceljs cannot write a chart: the plan's charts (`SheetPlan.charts`) are written here as DrawingML
// parts put into the package exceljs wrote, at save time (`carryDrawings`' edit). A workbook rendered
// from a plan remembers its charts (`rememberCharts`), so that whoever saves it — `renderPlanToBuffer`,
// `saveWorkbook` after an upgrade, a round's close or a survey's import — writes them; a chart of the
// same name already on the sheet (carried from the file an upgrade read, or made live by Excel, whose
// `chart.name` is the drawing's `cNvPr` name) is replaced, never doubled, and a user's own charts stay.
// The network's aggregate writes its column chart with the same writer (`xlsx.network.chart.ts`).

/** A chart to write on a sheet, with the values to cache per series (optional: Excel and LibreOffice read the cells). */
export interface SheetChart {
  sheet: string;
  chart: ChartPlan;
  values?: readonly (readonly (number | null)[])[];
}

const PLAN_CHARTS = new WeakMap<ExcelJS.Workbook, SheetChart[]>();

/** Remembers `charts` for `wb`, to be written when it is saved; a chart of the same name on the same sheet is replaced. */
export function rememberCharts(wb: ExcelJS.Workbook, charts: readonly SheetChart[]): void {
  const key = (c: SheetChart): string => `${c.sheet.toLowerCase()}\u0000${c.chart.name.toLowerCase()}`;
  const next = new Set(charts.map(key));
  PLAN_CHARTS.set(wb, [...(PLAN_CHARTS.get(wb) ?? []).filter((c) => !next.has(key(c))), ...charts]);
}

/** The charts remembered for `wb` (none for a workbook loaded from a file: its charts are carried as they are). */
export function rememberedCharts(wb: ExcelJS.Workbook): readonly SheetChart[] {
  return PLAN_CHARTS.get(wb) ?? [];
}

const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const DML = "http://schemas.openxmlformats.org/drawingml/2006/main";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const CHART_REL = `${REL_NS}/chart`;
/** Content type of a chart part. */
export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
/** Content type of a drawing part. */
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const x = escapeAttr;

/**
 * Writes `charts` into the package `out` (part name → bytes, as exceljs wrote it), on the worksheets
 * `sheets` names (lower-case sheet name → part), adding the content types of the new parts to
 * `overrides`. A sheet with a drawing gets the charts in it, its anchors of the same names (and their
 * chart parts) removed first; a sheet without gets a new drawing, shown through `attach` (the carry's
 * `<drawing>` insertion). Returns how many charts it wrote.
 */
export function placeCharts(
  out: Record<string, Uint8Array>,
  sheets: ReadonlyMap<string, string>,
  overrides: Map<string, string>,
  charts: readonly SheetChart[],
  attach: (sheetPart: string, drawingPart: string) => boolean,
): number {
  let placed = 0;
  const bySheet = new Map<string, SheetChart[]>();
  for (const c of charts) bySheet.set(c.sheet.toLowerCase(), [...(bySheet.get(c.sheet.toLowerCase()) ?? []), c]);
  for (const [sheet, list] of bySheet) {
    const sheetPart = sheets.get(sheet);
    if (sheetPart === undefined) continue;
    const existing = drawingOf(out, sheetPart);
    const drawingPart = existing ?? freePart(out, "xl/drawings/drawing", ".xml");
    let xml = (existing === undefined ? undefined : textOf(out, existing)) ?? `${HEAD}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${DML}"></xdr:wsDr>`;
    let rels = parseRels(textOf(out, relsPathOf(drawingPart)) ?? `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`);
    ({ xml, rels } = withoutAnchors(out, overrides, drawingPart, xml, rels, new Set(list.map((c) => c.chart.name))));
    let id = nextShapeId(xml);
    let anchors = "";
    for (const c of list) {
      const chartPart = freePart(out, "xl/charts/chart", ".xml");
      out[chartPart] = encoder.encode(chartXml(c.chart, c.values));
      overrides.set(chartPart, CHART_CONTENT_TYPE);
      const rid = freeId(rels);
      rels.push({ id: rid, type: CHART_REL, target: relativeTarget(drawingPart, chartPart), external: false });
      anchors += anchorXml(c.chart, id++, rid);
      placed++;
    }
    const close = xml.lastIndexOf("</");
    out[drawingPart] = encoder.encode(xml.slice(0, close) + anchors + xml.slice(close));
    out[relsPathOf(drawingPart)] = encoder.encode(relsXml(rels));
    if (existing === undefined) {
      overrides.set(drawingPart, DRAWING_CONTENT_TYPE);
      attach(sheetPart, drawingPart);
    }
  }
  return placed;
}

/** The drawing part a worksheet part shows, if any. */
function drawingOf(out: Record<string, Uint8Array>, sheetPart: string): string | undefined {
  const xml = textOf(out, sheetPart);
  if (xml === undefined) return undefined;
  const element = topLevel(xml).children.find((c) => c.local === "drawing");
  const rid = element?.attributes.find((a) => a.uri === REL_NS && a.local === "id")?.value;
  if (rid === undefined) return undefined;
  const rel = parseRels(textOf(out, relsPathOf(sheetPart)) ?? "").find((r) => r.id === rid && r.type === DRAWING_REL && !r.external);
  const part = rel === undefined ? undefined : resolveTarget(sheetPart, rel.target);
  return part !== undefined && out[part] !== undefined ? part : undefined;
}

const ANCHORS = new Set(["twoCellAnchor", "oneCellAnchor", "absoluteAnchor"]);
const NAME = /<(?:[\w.-]+:)?cNvPr\b[^>]*?\sname\s*=\s*"([^"]*)"/;
const CHART_ID = /<(?:[\w.-]+:)?chart\b[^>]*?\s(?:[\w.-]+:)?id\s*=\s*"([^"]*)"/;

/**
 * The chart parts a drawing part shows, each with its anchor's name (`cNvPr name`, Excel's
 * `chart.name`), read from `parts`; empty when the drawing does not parse.
 */
export function namedCharts(parts: ReadonlyMap<string, Uint8Array>, drawingPart: string): Map<string, string> {
  const found = new Map<string, string>();
  const decoder = new TextDecoder();
  const bytes = parts.get(drawingPart);
  const rels = parts.get(relsPathOf(drawingPart));
  if (bytes === undefined || rels === undefined) return found;
  try {
    const xml = decoder.decode(bytes);
    const targets = new Map(parseRels(decoder.decode(rels)).filter((r) => !r.external).map((r) => [r.id, resolveTarget(drawingPart, r.target)]));
    for (const a of elementsAt(xml, 1, ANCHORS)) {
      const body = xml.slice(a.start, a.end);
      const name = NAME.exec(body)?.[1];
      const part = targets.get(CHART_ID.exec(body)?.[1] ?? "");
      if (name !== undefined && part !== undefined) found.set(part, unescapeXml(name));
    }
  } catch {
    // a drawing that does not parse names nothing
  }
  return found;
}

/**
 * The drawing without its anchors named in `names` (the graphic frame's `cNvPr name`); their chart
 * parts, the parts under `xl/charts/` those reach (style, colours) and their content types go too.
 */
function withoutAnchors(
  out: Record<string, Uint8Array>,
  overrides: Map<string, string>,
  drawingPart: string,
  xml: string,
  rels: Relationship[],
  names: ReadonlySet<string>,
): { xml: string; rels: Relationship[] } {
  const gone = elementsAt(xml, 1, ANCHORS).filter((a) => {
    const name = NAME.exec(xml.slice(a.start, a.end))?.[1];
    return name !== undefined && names.has(unescapeXml(name));
  });
  if (gone.length === 0) return { xml, rels };
  const ids = new Set<string>();
  let kept = xml;
  for (const a of [...gone].reverse()) {
    const body = xml.slice(a.start, a.end);
    const rid = CHART_ID.exec(body)?.[1];
    if (rid !== undefined) ids.add(rid);
    kept = kept.slice(0, a.start) + kept.slice(a.end);
  }
  for (const r of rels) {
    if (!ids.has(r.id) || r.external) continue;
    const part = resolveTarget(drawingPart, r.target);
    const reached = parseRels(textOf(out, relsPathOf(part)) ?? "<Relationships/>").filter((q) => !q.external).map((q) => resolveTarget(part, q.target));
    for (const p of [part, ...reached.filter((p) => p.startsWith("xl/charts/"))]) {
      Reflect.deleteProperty(out, p);
      Reflect.deleteProperty(out, relsPathOf(p));
      overrides.delete(p);
      overrides.delete(p.toLowerCase());
      removeOverride(out, p);
    }
  }
  return { xml: kept, rels: rels.filter((r) => !ids.has(r.id)) };
}

/** Removes the `<Override>` of a part from the package's content types, if it declares one. */
function removeOverride(out: Record<string, Uint8Array>, part: string): void {
  const types = textOf(out, "[Content_Types].xml");
  if (types === undefined) return;
  const re = new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`, "i");
  const next = types.replace(re, "");
  if (next !== types) out["[Content_Types].xml"] = encoder.encode(next);
}

/** A part name `stem` + n + `ext` the package does not use yet (names compared without case). */
function freePart(out: Record<string, Uint8Array>, stem: string, ext: string): string {
  const taken = new Set(Object.keys(out).map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) if (!taken.has(`${stem}${i}${ext}`.toLowerCase())) return `${stem}${i}${ext}`;
}

/** One more than the largest shape id of a drawing (ids are unique within it). */
function nextShapeId(xml: string): number {
  let max = 1;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?cNvPr\b[^>]*?\sid\s*=\s*"(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max + 1;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * The anchor of a chart: from the top-left of cell `from` to the bottom-right of cell `to` (1-based
 * rows and columns; DrawingML counts from 0 and ends at the next cell's top-left), named after the
 * chart (Excel's `chart.name`). Its namespaces are declared on it, whatever the drawing's prefixes.
 */
export function anchorXml(chart: ChartPlan, id: number, rid: string): string {
  const at = (col: number, row: number): string => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor xmlns:xdr="${XDR}" xmlns:a="${DML}" editAs="oneCell">` +
    `<xdr:from>${at(chart.from.col - 1, chart.from.row - 1)}</xdr:from><xdr:to>${at(chart.to.col, chart.to.row)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${x(chart.name)}" title="${x(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="${rid}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/**
 * A chart part (DrawingML `chartSpace`): clustered columns or a radar with markers, one series per
 * `chart.series` whose name, categories and values refer to the workbook's cells. Series names are
 * cached as the plan knows them; categories and values only when `values` are given (otherwise the
 * cache counts the points and holds none, as Excel writes blank cells: every reader draws from the
 * cells, and a plan's workbook is computed when it opens).
 */
export function chartXml(chart: ChartPlan, values?: readonly (readonly (number | null)[])[]): string {
  const text = (s: string): string => `<c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:t>${x(s)}</a:t></a:r></a:p></c:rich></c:tx>`;
  const strCache = (list: readonly string[]): string =>
    `<c:strCache><c:ptCount val="${list.length}"/>${list.map((v, i) => `<c:pt idx="${i}"><c:v>${x(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
  const n = chart.categories.length;
  const numCache = (list: readonly (number | null)[] | undefined): string =>
    `<c:numCache><c:formatCode>${x(chart.format)}</c:formatCode><c:ptCount val="${n}"/>` +
    (list ?? []).map((v, i) => (v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("") +
    `</c:numCache>`;
  // Categories are computed cells in a plan's workbook: cached only with the values they go with.
  const categories = values ? strCache(chart.categories) : `<c:strCache><c:ptCount val="${n}"/></c:strCache>`;
  const radar = chart.type === "radar";
  const series = chart.series
    .map((s, i) => {
      const name = s.nameRef === "" ? `<c:tx><c:v>${x(s.name)}</c:v></c:tx>` : `<c:tx><c:strRef><c:f>${x(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>`;
      const fill = `<a:solidFill><a:srgbClr val="${x(s.color)}"/></a:solidFill>`;
      // CT_RadarSer: tx, spPr (the line), marker; CT_BarSer: tx, spPr (the fill), invertIfNegative.
      const look = radar
        ? `<c:spPr><a:ln w="28575" cap="rnd">${fill}<a:round/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${fill}<a:ln>${fill}</a:ln></c:spPr></c:marker>`
        : `<c:spPr>${fill}</c:spPr><c:invertIfNegative val="0"/>`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${name}${look}` +
        `<c:cat><c:strRef><c:f>${x(chart.categoriesRef)}</c:f>${categories}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${x(s.valuesRef)}</c:f>${numCache(values?.[i])}</c:numRef></c:val></c:ser>`
      );
    })
    .join("");
  const axes = `<c:axId val="50010001"/><c:axId val="50010002"/>`;
  const plot = radar
    ? `<c:radarChart><c:radarStyle val="marker"/><c:varyColors val="0"/>${series}${axes}</c:radarChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/>${axes}</c:barChart>`;
  const bounds = `${chart.max === undefined ? "" : `<c:max val="${chart.max}"/>`}${chart.min === undefined ? "" : `<c:min val="${chart.min}"/>`}`;
  return (
    `${HEAD}<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DML}" xmlns:r="${REL_NS}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title>${text(chart.title)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
    `<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="${radar ? "nextTo" : "low"}"/>` +
    `<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/>${bounds}</c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${x(chart.format)}" sourceLinked="0"/><c:majorTickMark val="${radar ? "cross" : "out"}"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}
