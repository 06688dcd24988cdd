import type ExcelJS from "exceljs";
import { cellAddress, parseRangeAddress } from "../../addin/model/cell.address.js";
import type { FakeSheet } from "../../addin/excel/fake/excel.fake.js";
import type { ExcelFake } from "../../addin/excel/fake/excel.fake.js";
import { inchesToPoints } from "../../addin/excel/excel.units.js";
import { findTables } from "../../addin/xlsx/xlsx.tables.js";

/**
 * What both renderers are compared on, per sheet and cell address: the cell's content (a value
 * or a formula, as text), its number format, whether it is unlocked and tinted, and the sheet's
 * validations, conditional formats, names, tables, widths, heights, freeze, protection and print —
 * normalized so that exceljs's and Office.js's ways of saying the same thing compare equal.
 */
export interface Snapshot {
  sheets: string[];
  cells: Record<string, string>;
  numberFormats: Record<string, string>;
  unlocked: string[];
  filled: Record<string, string>;
  fonts: Record<string, string>;
  validations: Record<string, string>;
  conditionalFormats: string[];
  names: Record<string, string>;
  tables: string[];
  widths: Record<string, number>;
  heights: Record<string, number>;
  freeze: Record<string, string>;
  protectedSheets: string[];
  tabColors: Record<string, string>;
  /** Per sheet: orientation, pages wide × tall, margins (points), repeated rows, print area. */
  print: Record<string, string>;
}

const content = (kind: "formula" | "text" | "number" | "boolean", v: string): string => `${kind}:${v}`;

function fontKey(f: { bold?: unknown; italic?: unknown; size?: unknown; color?: unknown } | undefined): string {
  if (!f) return "";
  const parts: string[] = [];
  if (f.bold) parts.push("bold");
  if (f.italic) parts.push("italic");
  if (f.size !== undefined) parts.push(`size ${String(f.size)}`);
  if (f.color !== undefined) parts.push(`color ${String(f.color).replace(/^#|^FF(?=[0-9A-F]{6}$)/i, "").toUpperCase()}`);
  return parts.join(", ");
}

/** The snapshot of a workbook rendered by exceljs. */
export function snapshotOfFile(wb: ExcelJS.Workbook, widthOf: (chars: number) => number): Snapshot {
  const s = empty();
  s.sheets = wb.worksheets.map((w) => w.name);
  for (const ws of wb.worksheets) {
    const at = (a: string): string => `${ws.name}!${a}`;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const v = cell.value;
        const key = at(cell.address);
        if (v !== null && v !== undefined && v !== "") {
          if (typeof v === "object" && "formula" in v) s.cells[key] = content("formula", `=${(v as ExcelJS.CellFormulaValue).formula}`);
          else if (typeof v === "string") s.cells[key] = content("text", v);
          else if (typeof v === "number") s.cells[key] = content("number", String(v));
          else if (typeof v === "boolean") s.cells[key] = content("boolean", String(v));
          else s.cells[key] = content("text", JSON.stringify(v));
        }
        if (cell.numFmt && cell.numFmt !== "General") s.numberFormats[key] = cell.numFmt;
        if (cell.protection?.locked === false) s.unlocked.push(key);
        const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
        if (fill?.fgColor?.argb) s.filled[key] = fill.fgColor.argb.slice(2).toUpperCase();
        const cf = cell.font as Partial<ExcelJS.Font> | undefined;
        const font = fontKey(cf ? { bold: cf.bold, italic: cf.italic, size: cf.size, color: cf.color?.argb } : undefined);
        if (font) s.fonts[key] = font;
      }),
    );
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;
    for (const [ref, v] of Object.entries(dv)) {
      if (!v) continue;
      const f = v.formulae ?? [];
      const rule =
        v.type === "list"
          ? `list ${String(f[0])}`
          : v.type === "decimal"
            ? `decimal between ${String(f[0])} and ${String(f[1])}`
            : `date after ${f[0] instanceof Date ? f[0].toISOString().slice(0, 10) : String(f[0])}`;
      s.validations[at(ref)] = `${rule}; blanks ${v.allowBlank ? "allowed" : "refused"}; stop "${v.error ?? ""}"`;
    }
    type Rule = { type: string; color?: { argb: string } | { argb: string }[]; formulae?: string[]; style?: { fill?: { bgColor?: { argb: string } } } };
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] }).conditionalFormattings;
    for (const cf of cfs) {
      for (const r of cf.rules) {
        if (r.type === "expression") {
          s.conditionalFormats.push(`${at(cf.ref)} expression =${r.formulae?.[0] ?? ""} ${(r.style?.fill?.bgColor?.argb ?? "").slice(2).toUpperCase()}`);
          continue;
        }
        const colors = (Array.isArray(r.color) ? r.color : r.color ? [r.color] : []).map((c) => c.argb.slice(2).toUpperCase());
        s.conditionalFormats.push(`${at(cf.ref)} ${r.type} ${colors.join(" ")}`);
      }
    }
    ws.columns.forEach((c, i) => {
      if (c.width !== undefined) s.widths[`${ws.name}!${i + 1}`] = widthOf(c.width);
    });
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.height !== undefined) s.heights[`${ws.name}!${n}`] = row.height;
    });
    const view = ws.views[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    if (view?.state === "frozen") s.freeze[ws.name] = `${view.ySplit ?? 0} rows, ${view.xSplit ?? 0} cols`;
    if ((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) s.protectedSheets.push(ws.name);
    const tab = (ws.properties.tabColor as { argb?: string } | undefined)?.argb;
    if (tab) s.tabColors[ws.name] = tab.slice(2).toUpperCase();
    const p = ws.pageSetup;
    const m = p.margins;
    s.print[ws.name] = printKey({
      orientation: p.orientation,
      wide: p.fitToPage ? p.fitToWidth : undefined,
      tall: p.fitToPage ? p.fitToHeight : undefined,
      margins: m ? [m.left, m.right, m.top, m.bottom, m.header, m.footer].map(inchesToPoints) : [],
      titles: p.printTitlesRow,
      area: p.printArea,
    });
  }
  for (const n of wb.definedNames.model as { name: string; ranges: string[] }[]) s.names[n.name] = n.ranges.join(",");
  for (const t of findTables(wb).values()) s.tables.push(`${t.name} ${t.sheet.name}!${cellAddress(t.top, t.left)}:${cellAddress(t.bottom, t.right)} [${t.headers.join("|")}]`);
  return sort(s);
}

/** The snapshot of what the live renderer wrote into the fake workbook. */
export function snapshotOfFake(fake: ExcelFake, only?: readonly string[]): Snapshot {
  const s = empty();
  const sheets = fake.state.sheets.filter((sh) => !only || only.includes(sh.name));
  s.sheets = sheets.map((sh) => sh.name);
  for (const sh of sheets) {
    const at = (a: string): string => `${sh.name}!${a}`;
    for (const [address, cell] of sh.cells) {
      const key = at(address);
      const st = cell.stored;
      if (st.kind === "formula") s.cells[key] = content("formula", st.formula);
      else if (st.kind === "text") s.cells[key] = content("text", st.text);
      else if (st.kind === "number") s.cells[key] = content("number", String(st.value));
      else if (st.kind === "boolean") s.cells[key] = content("boolean", String(st.value));
      else if (st.kind === "error") s.cells[key] = content("text", st.code);
      const f = cell.format;
      if (f.numberFormat && f.numberFormat !== "General") s.numberFormats[key] = f.numberFormat;
      if (f.locked === false) s.unlocked.push(key);
      if (f.fill) s.filled[key] = f.fill.replace(/^#/, "").toUpperCase();
      const font = fontKey(f.font as { bold?: unknown; italic?: unknown; size?: unknown; color?: unknown } | undefined);
      if (font) s.fonts[key] = font;
    }
    for (const v of sh.validations) {
      const rule = v.value.rule as { list?: { source: string }; decimal?: { formula1: unknown; formula2: unknown }; date?: { formula1: unknown } } | undefined;
      const text = rule?.list
        ? `list ${rule.list.source.replace(/^=/, "")}`
        : rule?.decimal
          ? `decimal between ${String(rule.decimal.formula1)} and ${String(rule.decimal.formula2)}`
          : `date after ${String(rule?.date?.formula1)}`;
      const alert = v.value.errorAlert as { message?: string; style?: string } | undefined;
      s.validations[at(v.address)] = `${text}; blanks ${v.value.ignoreBlanks !== false ? "allowed" : "refused"}; ${alert?.style === "Stop" ? "stop" : "?"} "${alert?.message ?? ""}"`;
    }
    for (const cf of sh.conditionalFormats) {
      const p = cf.value.props;
      if (cf.value.type === "ColorScale") {
        const c = p["colorScale.criteria"] as Record<"minimum" | "midpoint" | "maximum", { color: string }>;
        s.conditionalFormats.push(`${at(cf.address)} colorScale ${[c.minimum, c.midpoint, c.maximum].map((x) => x.color.replace(/^#/, "").toUpperCase()).join(" ")}`);
      } else if (cf.value.type === "Custom") {
        s.conditionalFormats.push(`${at(cf.address)} expression ${String(p["custom.rule.formula"])} ${String(p["custom.format.fill.color"]).replace(/^#/, "").toUpperCase()}`);
      } else {
        s.conditionalFormats.push(`${at(cf.address)} dataBar ${String(p["positiveFormat.fillColor"]).replace(/^#/, "").toUpperCase()}`);
      }
    }
    for (const [col, w] of sh.columnWidths) s.widths[`${sh.name}!${col}`] = w;
    for (const [row, h] of sh.rowHeights) s.heights[`${sh.name}!${row}`] = h;
    if (sh.freeze) s.freeze[sh.name] = `${sh.freeze.rows} rows, ${sh.freeze.cols} cols`;
    if (sh.protection.protected) s.protectedSheets.push(sh.name);
    if (sh.tabColor) s.tabColors[sh.name] = sh.tabColor.replace(/^#/, "").toUpperCase();
    const l = sh.pageLayout as Record<string, unknown>;
    if (Object.keys(l).length > 0) {
      const zoom = l.zoom as { horizontalFitToPages?: number; verticalFitToPages?: number } | undefined;
      s.print[sh.name] = printKey({
        orientation: typeof l.orientation === "string" ? l.orientation.toLowerCase() : undefined,
        wide: zoom?.horizontalFitToPages,
        tall: zoom?.verticalFitToPages,
        margins: ["leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"].map((k) => Number(l[k])),
        titles: typeof l.printTitleRows === "string" ? l.printTitleRows.replace(/\$/g, "") : undefined,
        area: typeof l.printArea === "string" ? l.printArea.replace(/\$/g, "") : undefined,
      });
    }
  }
  for (const n of fake.state.names.values()) s.names[n.name] = n.formula.replace(/^=/, "");
  for (const t of fake.state.tables) {
    if (!sheets.includes(t.sheet)) continue;
    s.tables.push(`${t.name} ${t.sheet.name}!${cellAddress(t.top, t.left)}:${cellAddress(t.bottom, t.right)} [${fake.state.headers(t).join("|")}]`);
  }
  return sort(s);
}

function empty(): Snapshot {
  return { sheets: [], cells: {}, numberFormats: {}, unlocked: [], filled: {}, fonts: {}, validations: {}, conditionalFormats: [], names: {}, tables: [], widths: {}, heights: {}, freeze: {}, protectedSheets: [], tabColors: {}, print: {} };
}

/** One sheet's print settings as one comparable line. */
function printKey(p: { orientation?: string; wide?: number; tall?: number; margins: number[]; titles?: string; area?: string }): string {
  return `${p.orientation ?? "?"}; ${p.wide ?? "?"} wide × ${p.tall ?? "?"} tall; margins ${p.margins.join(" ")}; titles ${p.titles ?? "none"}; area ${p.area ?? "none"}`;
}

function sort(s: Snapshot): Snapshot {
  s.unlocked.sort();
  s.conditionalFormats.sort();
  s.tables.sort();
  s.protectedSheets.sort();
  return s;
}

/** Every cell address of a sheet's range, for spot checks. */
export function addressesOf(range: string): string[] {
  const r = parseRangeAddress(range);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(cellAddress(row, col));
  return out;
}

/** A sheet of the fake by name, or a failure. */
export function fakeSheet(fake: ExcelFake, name: string): FakeSheet {
  const s = fake.state.sheet(name);
  if (!s) throw new Error(`no sheet ${name} in the fake workbook`);
  return s;
}
