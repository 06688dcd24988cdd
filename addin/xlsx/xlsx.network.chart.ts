import type ExcelJS from "exceljs";
import { carryDrawings, keepDrawings } from "./xlsx.carry.js";
import { escapeAttr, REL_NS } from "./xlsx.carry.xml.js";

/** One series of a chart: its name's cell, its values' range, and the values as written (null: blank). */
export interface ChartSeries {
  nameRef: string;
  name: string;
  valuesRef: string;
  values: (number | null)[];
}

/** A clustered column chart over ranges of one sheet, and where on that sheet it stands. */
export interface ColumnChart {
  sheet: string;
  title: string;
  categoriesRef: string;
  categories: string[];
  series: ChartSeries[];
  /** Zero-based columns and rows of its top-left and bottom-right corners. */
  from: { col: number; row: number };
  to: { col: number; row: number };
  /** The value axis's number format, and its bounds when fixed. */
  format: string;
  min?: number;
  max?: number;
}

const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const DML = "http://schemas.openxmlformats.org/drawingml/2006/main";
const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const encoder = new TextEncoder();
const x = escapeAttr;

// exceljs cannot write a chart. The carry machinery (`xlsx.carry.ts`) puts a package's drawings
// back on the sheets of the same names in what exceljs writes, with their parts, relationships
// and content types: so the chart is written as a small package of its own, as if the workbook
// had been read from it, and carried onto the workbook exceljs writes.

/**
 * The bytes of `wb` as exceljs writes them, with `chart` on its sheet: a native chart (DrawingML)
 * whose series refer to the sheet's cells, with their values cached for a reader that does not
 * recalculate.
 */
export async function withColumnChart(wb: ExcelJS.Workbook, chart: ColumnChart): Promise<Uint8Array> {
  keepDrawings(wb, chartPackage(chart));
  return carryDrawings(new Uint8Array(await wb.xlsx.writeBuffer()), wb);
}

function chartPackage(chart: ColumnChart): Record<string, Uint8Array> {
  const rel = (id: string, type: string, target: string): string => `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target}"/>`;
  const rels = (...items: string[]): string => `${HEAD}<Relationships xmlns="${PKG_RELS}">${items.join("")}</Relationships>`;
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      `${HEAD}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
    "_rels/.rels": rels(rel("rId1", "officeDocument", "xl/workbook.xml")),
    "xl/workbook.xml": `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL_NS}"><sheets><sheet name="${x(chart.sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": rels(rel("rId1", "worksheet", "worksheets/sheet1.xml")),
    "xl/worksheets/sheet1.xml": `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL_NS}"><sheetData/><drawing r:id="rId1"/></worksheet>`,
    "xl/worksheets/_rels/sheet1.xml.rels": rels(rel("rId1", "drawing", "../drawings/drawing1.xml")),
    "xl/drawings/drawing1.xml": drawingXml(chart),
    "xl/drawings/_rels/drawing1.xml.rels": rels(rel("rId1", "chart", "../charts/chart1.xml")),
    "xl/charts/chart1.xml": chartXml(chart),
  };
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, encoder.encode(v)]));
}

function drawingXml(chart: ColumnChart): string {
  const at = (p: { col: number; row: number }): string => `<xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `${HEAD}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${DML}"><xdr:twoCellAnchor editAs="oneCell">` +
    `<xdr:from>${at(chart.from)}</xdr:from><xdr:to>${at(chart.to)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${x(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="rId1"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

/** Five shades of one blue, light to dark then light again: min and max pale, the quartiles deeper, the median deepest. */
const COLOURS = ["BDD7EE", "6FA8DC", "1F4E79", "6FA8DC", "BDD7EE"];

function chartXml(chart: ColumnChart): string {
  const text = (s: string): string => `<c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:t>${x(s)}</a:t></a:r></a:p></c:rich></c:tx>`;
  const strCache = (values: string[]): string =>
    `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${x(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
  const numCache = (values: (number | null)[]): string =>
    `<c:numCache><c:formatCode>${x(chart.format)}</c:formatCode><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("") +
    `</c:numCache>`;
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${x(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${COLOURS[i % COLOURS.length] ?? "1F4E79"}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${x(chart.categoriesRef)}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${x(s.valuesRef)}</c:f>${numCache(s.values)}</c:numRef></c:val></c:ser>`,
    )
    .join("");
  const bounds = `${chart.max === undefined ? "" : `<c:max val="${chart.max}"/>`}${chart.min === undefined ? "" : `<c:min val="${chart.min}"/>`}`;
  return (
    `${HEAD}<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DML}" xmlns:r="${REL_NS}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title>${text(chart.title)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/>` +
    `<c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>` +
    `<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="low"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/>${bounds}</c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${x(chart.format)}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}
