import { decodeXML } from "entities";
import { Parser } from "htmlparser2";
import { isDateFormat } from "../model/date.serial.js";
import type { PlainTable, PlainValue } from "../model/table.plain.js";
import type { InputIssue, Result, Template } from "../model/template.types.js";
import { templateFromSheetRows, type SheetCell, type TemplateSheetRows } from "../model/template.sheet.js";
import { READ_NAMES, READ_TABLES, readAssessment } from "../workbook/workbook.read.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import { TABLES } from "../plan/names.js";
import { unzipSync } from "fflate";
import { gridRange, MAX_XML_DEPTH, tooDeep } from "./xlsx.budget.js";
import { guardWorkbookBytes, refusalOf, WORKBOOK_LIMITS, type ZipLimits } from "./xlsx.guard.js";
import { ASSESSMENT_TABLES, isTableMapPart, missingTables } from "./xlsx.require.js";

// Reads an assessment from a workbook file without exceljs: only the parts the reader needs are
// inflated (the workbook's sheet list and names, the relationships, the table parts, the shared
// strings, the styles, and the sheets that hold the tables and named cells), once the hostile-file
// guard has checked the zip, and only the cells inside those tables and names are kept. For
// aggregating thousands of workbooks, where loading each whole through exceljs costs ten times more.
// What members of a network share (template, lists, shared strings) is parsed once per thread and
// remembered in small bounded caches, never across what differs: a cache is keyed by the exact text.

/** Tables read besides the reader's own list: the respondents' table (issue 16), when a workbook has it. */
const EXTRA_TABLES = ["QG_Respondents"];

/**
 * Tables of the reader's list that no score depends on (the action plan, the process steps, the
 * closed rounds and the surveys, which an aggregate does not report): their sheets are not inflated.
 */
const UNSCORED_TABLES = new Set(
  [TABLES.actions, TABLES.steps, TABLES.history, TABLES.historyItems, TABLES.surveys, TABLES.surveyAnswers, TABLES.surveyComments].map((t) => t.toLowerCase()),
);

/** The parts a scan inflates first: what says where the tables and names are. */
function isMapPart(part: string): boolean {
  return isTableMapPart(part) || part === "xl/styles.xml";
}

/** A cell range wanted from a sheet. */
interface Want {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface TablePart {
  name: string;
  sheet: string;
  part: string;
  range: Want;
  columns: string[];
}

/**
 * The assessment a workbook file holds, read from the few parts that hold it (`readAssessment`,
 * the one reader, does the reading): or the refusal of a file that is not a zip, an encrypted or
 * legacy file, an incomplete zip (still being written), one beyond the guard's limits, or not a
 * Qualigrid workbook. What no score depends on (the action plan, the process steps) is left unread:
 * the assessment's `actions` and `steps` are null. Never throws on a file's contents. `onParts` is told the names of the parts
 * inflated (the benchmark measures bare inflation of the same parts).
 */
export function scanAssessment(bytes: Uint8Array, file: string, limits: ZipLimits = WORKBOOK_LIMITS, onParts?: (parts: readonly string[]) => void): Result<AssessmentWorkbook> {
  const fail = (issue: InputIssue): Result<AssessmentWorkbook> => ({ ok: false, issues: [issue] });
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    // OLE2 compound files start D0 CF 11 E0: old .xls, or an .xlsx encrypted with a password.
    return fail(bytes[0] === 0xd0 && bytes[1] === 0xcf ? refusalOf("legacyOrEncrypted", file) : refusalOf("notZip", file));
  }
  if (!hasEndOfDirectory(bytes)) return fail(refusalOf("corrupt", file, { detail: INCOMPLETE }));
  const refused = guardWorkbookBytes(bytes, file, limits);
  if (refused) return fail(refused);
  const map = inflateDeclared(bytes, file, isMapPart);
  if (!map.ok) return fail(map.issue);
  try {
    return scanParts(bytes, file, map.parts, onParts);
  } catch (e) {
    if (e instanceof TooDeep) return fail(refusalOf("tooDeep", file, { part: e.part, limit: MAX_XML_DEPTH }));
    // A part that is not the XML it should be: the file is corrupt, whatever the parser said.
    return fail(refusalOf("corrupt", file, { detail: e instanceof Error ? e.message : String(e) }));
  }
}

/** A part nested deeper than `MAX_XML_DEPTH`, met while parsing it (the parse stops there). */
class TooDeep extends Error {
  constructor(readonly part: string) {
    super(`${part} nests its elements deeper than ${MAX_XML_DEPTH}`);
  }
}

/** What `scanAssessment` says of a zip cut short. */
export const INCOMPLETE = "the zip file is incomplete (no central directory): is it still being written?";

function scanParts(bytes: Uint8Array, file: string, mapParts: Record<string, Uint8Array>, onParts?: (parts: readonly string[]) => void): Result<AssessmentWorkbook> {
  const text = (part: string): string | undefined => (mapParts[part] ? decode(mapParts[part]) : undefined);
  const book = workbookOf(text("xl/workbook.xml"), "xl/workbook.xml");
  const sheetParts = new Map<string, string>();
  for (const rel of attributesOf(text("xl/_rels/workbook.xml.rels"), "xl/_rels/workbook.xml.rels", "Relationship")) {
    const sheet = rel.Id === undefined ? undefined : book.sheetIds.get(rel.Id);
    if (sheet !== undefined && rel.Target !== undefined && rel.Type?.endsWith("/worksheet")) sheetParts.set(sheet, partOf("xl", rel.Target));
  }
  const tables: TablePart[] = [];
  for (const [sheet, sheetPart] of sheetParts) {
    const slash = sheetPart.lastIndexOf("/");
    const relsPart = `${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`;
    for (const t of attributesOf(text(relsPart), relsPart, "Relationship")) {
      if (t.Target === undefined || !t.Type?.endsWith("/table")) continue;
      const tablePart = partOf(sheetPart.slice(0, slash), t.Target);
      const table = tableOf(text(tablePart), tablePart);
      const range = gridRange(table?.ref ?? "");
      if (!table || !range) continue;
      tables.push({ name: table.name, sheet, part: sheetPart, range, columns: table.columns });
    }
  }
  const named = new Set(tables.map((t) => t.name.toLowerCase()));
  // A core table missing by name: either not a Qualigrid workbook (refused now) or renamed (then every table is read).
  const renamed = ASSESSMENT_TABLES.some((t) => !named.has(t.toLowerCase()));
  if (renamed) {
    // The tables are looked for by their headers, by a reader that is not guarded against deep nesting as `parseXml` is.
    for (const [name, part] of Object.entries(mapParts)) if (tooDeep(part)) return { ok: false, issues: [refusalOf("tooDeep", file, { part: name, limit: MAX_XML_DEPTH })] };
    const missing = missingTables(mapParts, file, ASSESSMENT_TABLES);
    if (missing) return { ok: false, issues: [missing] };
  }
  const wantedNames = new Set([...READ_TABLES, ...EXTRA_TABLES].map((t) => t.toLowerCase()).filter((t) => !UNSCORED_TABLES.has(t)));
  const readTables = tables.filter((t) => renamed || wantedNames.has(t.name.toLowerCase()));
  const wants = new Map<string, Want[]>();
  const want = (part: string, w: Want): void => void (wants.get(part) ?? wants.set(part, []).get(part))?.push(w);
  for (const t of readTables) want(t.part, t.range);
  const nameCells = new Map<string, { part: string; row: number; col: number }>();
  for (const n of READ_NAMES) {
    const ref = book.names.get(n.toLowerCase());
    const m = ref === undefined ? null : /^'?(.*?)'?!(\$?[A-Z]{1,3}\$?\d{1,7})$/.exec(ref.trim());
    const part = m?.[1] === undefined ? undefined : sheetParts.get(m[1].replace(/''/g, "'"));
    const at = m?.[2] === undefined ? null : gridRange(m[2]);
    // A name the workbook lacks is left out, so that the reader can tell it from an empty cell.
    if (ref === undefined) continue;
    if (!part || !at) {
      nameCells.set(n.toLowerCase(), { part: "", row: 0, col: 0 });
      continue;
    }
    nameCells.set(n.toLowerCase(), { part, row: at.top, col: at.left });
    want(part, at);
  }

  const needed = new Set<string>(["xl/sharedStrings.xml", ...wants.keys()]);
  const inflated = inflateDeclared(bytes, file, (p) => needed.has(p));
  if (!inflated.ok) return { ok: false, issues: [inflated.issue] };
  onParts?.([...Object.keys(mapParts), ...Object.keys(inflated.parts)]);
  const strings = sharedStringsOf(inflated.parts["xl/sharedStrings.xml"]);
  const dates = dateStylesOf(text("xl/styles.xml"));
  const cells = new Map<string, Map<number, Map<number, PlainValue>>>();
  for (const [part, list] of wants) {
    const bytesOf = inflated.parts[part];
    const raw = bytesOf ? rawCellsOf(sheetRows(bytesOf, Math.max(...list.map((w) => w.bottom))), part, list) : [];
    cells.set(part, cellValues(raw, strings, dates, book.date1904));
  }
  const cellOf = (part: string, row: number, col: number): PlainValue => cells.get(part)?.get(row)?.get(col) ?? null;

  const plain = new Map<string, PlainTable>();
  for (const t of readTables) {
    const { top, left, bottom, right } = t.range;
    const headers: string[] = [];
    for (let c = left; c <= right; c++) {
      const v = cellOf(t.part, top, c);
      headers.push(v === null ? (t.columns[c - left] ?? "") : plainHeader(v));
    }
    const rows: PlainValue[][] = [];
    for (let r = top + 1; r <= bottom; r++) {
      const row: PlainValue[] = [];
      for (let c = left; c <= right; c++) row.push(cellOf(t.part, r, c));
      rows.push(row);
    }
    plain.set(t.name.toLowerCase(), { name: t.name, sheet: t.sheet, top, left, headers, rows });
  }
  const names = new Map<string, PlainValue>();
  for (const [n, at] of nameCells) names.set(n, at.part === "" ? null : cellOf(at.part, at.row, at.col));
  return readAssessment(plain, names, file, rememberedTemplate);
}

/**
 * The template rebuilt from its rows, once per thread for each distinct template (the same rows,
 * cell for cell): the members of a network carry the same one, and rebuilding and validating it
 * costs more than reading the rest of a workbook. Only a template rebuilt without any issue is kept
 * (issues name the file they were found in); a few at most.
 */
function rememberedTemplate(rows: TemplateSheetRows, where: string): Result<Template> {
  const known = TEMPLATES.find((t) => sameRows(t.rows, rows));
  if (known) return { ok: true, value: known.template, warnings: [] };
  const parsed = templateFromSheetRows(rows, where);
  if (parsed.ok && parsed.warnings.length === 0) {
    if (TEMPLATES.length >= REMEMBERED_TEMPLATES) TEMPLATES.shift();
    TEMPLATES.push({ rows, template: parsed.value });
  }
  return parsed;
}

const TEMPLATES: { rows: TemplateSheetRows; template: Template }[] = [];
const REMEMBERED_TEMPLATES = 8;

function sameRows(a: TemplateSheetRows, b: TemplateSheetRows): boolean {
  if (a.info.length !== b.info.length || a.items.length !== b.items.length || String(a.columns) !== String(b.columns)) return false;
  for (let i = 0; i < a.info.length; i++) {
    const x = a.info[i] as [string, SheetCell];
    const y = b.info[i] as [string, SheetCell];
    if (x[0] !== y[0] || x[1] !== y[1]) return false;
  }
  for (let i = 0; i < a.items.length; i++) {
    const x = a.items[i] as SheetCell[];
    const y = b.items[i] as SheetCell[];
    if (x.length !== y.length) return false;
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  }
  return true;
}

function plainHeader(v: Exclude<PlainValue, null>): string {
  return (v instanceof Date ? v.toISOString() : String(v)).trim();
}

/**
 * The parts `wanted` accepts, each inflated into a buffer of exactly the size its directory entry
 * declares (fflate never grows it), after `guardWorkbookBytes` held those sizes within the limits:
 * memory is bounded by the guard, and a part that inflates to more than it declares is cut there
 * (its XML then fails to parse: the file is refused as corrupt). Twice as fast as the streaming
 * `inflateWithinBudget`, which the aggregate's thousands of files need. An XML part nested deeper
 * than `MAX_XML_DEPTH` is refused when it is parsed (`parseXml`), as `inflateWithinBudget` refuses it.
 */
function inflateDeclared(bytes: Uint8Array, file: string, wanted: (part: string) => boolean): { ok: true; parts: Record<string, Uint8Array> } | { ok: false; issue: InputIssue } {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => wanted(f.name) });
  } catch (e) {
    return { ok: false, issue: refusalOf("corrupt", file, { detail: e instanceof Error ? e.message : String(e) }) };
  }
  return { ok: true, parts };
}

/** Whether the zip's end-of-central-directory record is there (a file still being written lacks it). */
function hasEndOfDirectory(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

const decoder = new TextDecoder("utf-8");
function decode(b: Uint8Array): string {
  return decoder.decode(b);
}

/** Text of a part as written (`&amp;`…) as the text it stands for. */
function xmlText(raw: string): string {
  return raw.includes("&") ? decodeXML(raw) : raw;
}

/** What a part's parse is told: elements opening (with their attributes, decoded) and closing, and text as written (see `xmlText`). */
interface XmlHandlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/**
 * Parses a part (htmlparser2, in XML mode: twice as fast as saxes on a sheet) and throws when it is
 * not whole (an element left open: a part cut short), so that the file is refused as corrupt, or
 * `TooDeep` as soon as it nests deeper than `MAX_XML_DEPTH`.
 */
function parseXml(xml: string, part: string, on: XmlHandlers): void {
  let depth = 0;
  const parser = new Parser(
    {
      onopentag: (name, attributes) => {
        if (++depth > MAX_XML_DEPTH) throw new TooDeep(part);
        for (const k in attributes) {
          const v = attributes[k] as string;
          if (v.includes("&")) attributes[k] = decodeXML(v);
        }
        on.open?.(localName(name), attributes);
      },
      onclosetag: (name) => {
        depth--;
        on.close?.(localName(name));
      },
      ontext: (text) => on.text?.(text),
    },
    // Entities are decoded only in what is kept (`xmlText`): a sheet's formulas are full of `&quot;`.
    { xmlMode: true, decodeEntities: false },
  );
  parser.write(xml);
  // Whatever is still open once the whole text is read was cut short (the end closes it silently).
  const open = depth;
  parser.end();
  if (open > 0) throw new Error("an XML part ends before its elements are closed");
}

/** The workbook's sheets (by relationship id), its defined names (lower-cased) and its date system. */
function workbookOf(xml: string | undefined, part: string): WorkbookPart {
  return xml === undefined ? parseWorkbook(xml, part) : remembered(WORKBOOKS, xml, () => parseWorkbook(xml, part));
}

interface WorkbookPart {
  sheetIds: ReadonlyMap<string, string>;
  names: ReadonlyMap<string, string>;
  date1904: boolean;
}

function parseWorkbook(xml: string | undefined, part: string): WorkbookPart {
  const sheetIds = new Map<string, string>();
  const names = new Map<string, string>();
  let date1904 = false;
  if (xml === undefined) return { sheetIds, names, date1904 };
  let name: string | null = null;
  let ref = "";
  parseXml(xml, part, {
    open: (local, a) => {
      if (local === "sheet") {
        const id = Object.entries(a).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
        if (id !== undefined && a.name !== undefined) sheetIds.set(id, a.name);
      } else if (local === "workbookPr") {
        date1904 = a.date1904 === "1" || a.date1904 === "true";
      } else if (local === "definedName" && a.localSheetId === undefined && a.name !== undefined) {
        name = a.name.toLowerCase();
        ref = "";
      }
    },
    text: (t) => {
      if (name !== null) ref += t;
    },
    close: (local) => {
      if (local === "definedName" && name !== null) {
        names.set(name, xmlText(ref));
        name = null;
      }
    },
  });
  return { sheetIds, names, date1904 };
}

/**
 * The shared strings, rich text runs joined (phonetic runs left out). Each string (`<si>…</si>`)
 * is parsed once per thread, by its bytes: a network's members share nearly all of theirs (the
 * template's texts). A part not in that plain form (prefixed elements, cut short) is parsed whole.
 */
function sharedStringsOf(bytes: Uint8Array | undefined): string[] {
  if (!bytes) return [];
  const xml = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  let i = 0;
  let last = 0;
  for (;;) {
    while (i < xml.length && !(xml[i] === 0x3c && xml[i + 1] === 0x73 && xml[i + 2] === 0x69 && isNameEnd(xml[i + 3]))) i++;
    if (i >= xml.length) break;
    let end = i + 3;
    while (end < xml.length && xml[end] !== 0x3e) end++;
    if (xml[end - 1] !== 0x2f) {
      while (end < xml.length && !(xml[end] === 0x3c && xml[end + 1] === 0x2f && xml[end + 2] === 0x73 && xml[end + 3] === 0x69 && xml[end + 4] === 0x3e)) end++;
      end += 4;
    }
    if (end >= xml.length) return parseSharedStrings(bytes);
    const key = xml.toString("latin1", i, end + 1);
    let text = STRINGS.get(key);
    if (text === undefined) {
      text = parseSharedStrings(xml.subarray(i, end + 1))[0] ?? "";
      if (key.length <= REMEMBERED_STRING_BYTES) {
        if (STRINGS.size >= REMEMBERED_STRINGS) STRINGS.clear();
        STRINGS.set(key, text);
      }
    }
    out.push(text);
    i = end + 1;
    last = i;
  }
  // What follows the last string must close the part (`</sst>`): else it was cut short, and the whole parse says so.
  if (xml.indexOf("</sst>", last) < 0) return parseSharedStrings(bytes);
  return out;
}

/** A thread's shared strings already parsed, by their bytes (as Latin-1 text): a few thousand short ones at most. */
const STRINGS = new Map<string, string>();
const REMEMBERED_STRINGS = 4096;
const REMEMBERED_STRING_BYTES = 4096;

/** The shared strings of a part (or of one `<si>` element), parsed. */
function parseSharedStrings(bytes: Uint8Array): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let inT = false;
  let phonetic = 0;
  parseXml(decode(bytes), "xl/sharedStrings.xml", {
    open: (local) => {
      if (local === "si") current = "";
      else if (local === "rPh") phonetic++;
      else if (local === "t" && phonetic === 0) inT = true;
    },
    text: (t) => {
      if (inT && current !== null) current += t;
    },
    close: (local) => {
      if (local === "t") inT = false;
      else if (local === "rPh") phonetic--;
      else if (local === "si") {
        out.push(xmlText(current ?? ""));
        current = null;
      }
    },
  });
  return out;
}

/** Excel's built-in number formats that show dates or times. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** The indexes of the cell styles (`cellXfs`) whose number format shows a date, as exceljs turns those cells into dates. */
function dateStylesOf(xml: string | undefined): ReadonlySet<number> {
  return xml === undefined ? new Set() : remembered(STYLES, xml, () => parseDateStyles(xml));
}

function parseDateStyles(xml: string): Set<number> {
  const out = new Set<number>();
  const formats = new Map<number, string>();
  let inXfs = false;
  let index = 0;
  const xfFormats: number[] = [];
  parseXml(xml, "xl/styles.xml", {
    open: (local, a) => {
      if (local === "numFmt") formats.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (local === "cellXfs") inXfs = true;
      else if (local === "xf" && inXfs) xfFormats[index++] = Number(a.numFmtId ?? 0);
    },
    close: (local) => {
      if (local === "cellXfs") inXfs = false;
    },
  });
  xfFormats.forEach((id, i) => {
    const code = formats.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) out.add(i);
  });
  return out;
}

/** A cell as its sheet writes it: where, its type and style, its value's text and inline text (entities decoded). */
interface RawCell {
  row: number;
  col: number;
  type: string;
  style: number;
  v: string | null;
  inline: string | null;
}

/**
 * The cells inside `wants` of a sheet's rows (`part`'s `<sheetData>`), as written. Remembered by
 * the rows' text: members of a network share most sheets (the template, the lists) cell for cell,
 * and what a cell means (its shared string, its date style) is worked out afterwards (`cellValues`).
 */
function rawCellsOf(xml: string, part: string, wants: readonly Want[]): readonly RawCell[] {
  const key = wants.map((w) => `${w.top},${w.left},${w.bottom},${w.right}`).join(";");
  const byWants = remembered(SHEETS, xml, () => new Map<string, readonly RawCell[]>(), REMEMBERED_SHEETS);
  const known = byWants.get(key);
  if (known) return known;
  const cells = parseCells(xml, part, wants);
  byWants.set(key, cells);
  return cells;
}

function parseCells(xml: string, part: string, wants: readonly Want[]): RawCell[] {
  const out: RawCell[] = [];
  const top = Math.min(...wants.map((w) => w.top));
  const bottom = Math.max(...wants.map((w) => w.bottom));
  const inside = (r: number, c: number): boolean => wants.some((w) => r >= w.top && r <= w.bottom && c >= w.left && c <= w.right);
  let row = 0;
  let col = 0;
  let cell: RawCell | null = null;
  let into: "v" | "t" | null = null;
  parseXml(xml, part, {
    open: (local, a) => {
      if (local === "row") {
        row = a.r === undefined ? row + 1 : Number(a.r);
        col = 0;
      } else if (local === "c") {
        const at = a.r === undefined ? null : cellRef(a.r);
        col = at ? at.col : col + 1;
        if (at) row = at.row;
        cell = row >= top && row <= bottom && inside(row, col) ? { row, col, type: a.t ?? "n", style: Number(a.s ?? 0), v: null, inline: null } : null;
      } else if (cell !== null && local === "v") {
        into = "v";
        cell.v = "";
      } else if (cell !== null && local === "t") {
        into = "t";
        cell.inline ??= "";
      } else if (local === "rPh") {
        into = null;
      }
    },
    text: (t) => {
      if (cell === null || into === null) return;
      if (into === "v") cell.v += t;
      else cell.inline += t;
    },
    close: (local) => {
      if (local === "v" || local === "t") into = null;
      else if (local === "c" && cell !== null) {
        if (cell.inline !== null) cell.inline = xmlText(cell.inline);
        if (cell.v !== null) cell.v = xmlText(cell.v);
        out.push(cell);
        cell = null;
      }
    },
  });
  return out;
}

/**
 * The values of a sheet's cells (by row, then column), as exceljs reads them: a formula's cached
 * result, a shared or inline string's text (empty text as blank), a number in a date style as a
 * date, an error as its code.
 */
function cellValues(raw: readonly RawCell[], strings: readonly string[], dates: ReadonlySet<number>, date1904: boolean): Map<number, Map<number, PlainValue>> {
  const out = new Map<number, Map<number, PlainValue>>();
  for (const cell of raw) {
    const r = out.get(cell.row) ?? out.set(cell.row, new Map()).get(cell.row);
    r?.set(cell.col, cellValue(cell, strings, dates, date1904));
  }
  return out;
}

/**
 * A sheet's rows up to row `bottom`, without their formulas, as a document of its own
 * (`<sheetData>…</sheetData>`), cut from the part's bytes before they are decoded:
 *   - what follows the last row wanted (more rows, merges, validations, conditional formats) is
 *     left out. Rows are in order in a sheet part, so the row past `bottom` ends what is needed;
 *   - so are the formulas (`<f>…</f>`, `<f …/>`): their text is most of a sheet's, and only the
 *     result cached beside them (`<v>`) is read. Formula text holds no `<` (XML escapes it), so
 *     its end is the first `</f>`.
 * A sheet written otherwise (prefixed elements, rows without numbers) keeps all its rows, and what
 * is not in the form looked for is left to the parser.
 */
function sheetRows(bytes: Uint8Array, bottom: number): string {
  const xml = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = xml.indexOf("<sheetData");
  const end = start < 0 ? -1 : xml.indexOf("</sheetData>", start);
  if (end < 0) return decode(bytes);
  const open = xml.indexOf(0x3e, start);
  // A self-closed `<sheetData/>` holds no rows.
  if (xml[open - 1] === 0x2f) return "<sheetData/>";
  // The row after `bottom` (or one of the next few, when blank rows are left out); none: the rows are kept to the end.
  let cut = end;
  const last = xml.lastIndexOf('<row r="', end);
  if (last > start && Number.parseInt(xml.toString("latin1", last + 8, last + 16), 10) > bottom) {
    for (let r = bottom + 1; r <= bottom + 8; r++) {
      const at = xml.indexOf(`<row r="${r}"`, start);
      if (at >= 0 && at < end) {
        cut = at;
        break;
      }
    }
  }
  return decode(withoutFormulas(xml, start, open + 1, cut));
}

/**
 * The bytes of `xml` from `start` to `cut` without, from `from` on, the formulas and the cells
 * that hold nothing once their formula is gone (`<c r="F6" s="3"/>`, `<c r="F6"><f>…</f></c>`:
 * read as blank, as a cell that is not there), closed by `</sheetData>`. Walked byte by byte: a
 * sheet holds a formula per computed cell, and a search call per formula costs more than the
 * walk. A cell without its reference (`r`) is placed after the one before it: then no cell is left out.
 */
function withoutFormulas(xml: Uint8Array, start: number, from: number, cut: number): Uint8Array {
  const out = new Uint8Array(cut - start + SHEET_DATA_END.length);
  out.set(xml.subarray(start, from));
  let length = from - start;
  let kept = from;
  let i = from;
  let dropCells = true;
  const drop = (end: number): void => {
    out.set(xml.subarray(kept, i), length);
    length += i - kept;
    kept = end;
    i = end;
  };
  while (i < cut) {
    if (xml[i] !== 0x3c) {
      i++;
      continue;
    }
    const name = xml[i + 1];
    if ((name !== 0x66 && name !== 0x63) || !isNameEnd(xml[i + 2])) {
      i += 2;
      continue;
    }
    if (name === 0x66) {
      // A formula: `<f>…</f>`, `<f t="shared" …/>`.
      const end = formulaEnd(xml, i, cut);
      // A formula not ended before the cut: left for the parser.
      if (end < 0) break;
      drop(end);
      continue;
    }
    // A cell: left out when it holds nothing but a formula.
    let close = i + 2;
    while (close < cut && xml[close] !== 0x3e) close++;
    if (close >= cut) break;
    if (!hasReference(xml, i + 2, close)) dropCells = false;
    if (!dropCells) {
      i = close + 1;
      continue;
    }
    if (xml[close - 1] === 0x2f) {
      drop(close + 1);
      continue;
    }
    let end = close + 1;
    if (xml[end] === 0x3c && xml[end + 1] === 0x66 && isNameEnd(xml[end + 2])) end = formulaEnd(xml, end, cut);
    if (end > 0 && end + 4 <= cut && xml[end] === 0x3c && xml[end + 1] === 0x2f && xml[end + 2] === 0x63 && xml[end + 3] === 0x3e) drop(end + 4);
    else i = close + 1;
  }
  if (!dropCells && kept !== from) return withoutFormulasOnly(xml, start, from, cut);
  out.set(xml.subarray(kept, cut), length);
  length += cut - kept;
  out.set(SHEET_DATA_END, length);
  return out.subarray(0, length + SHEET_DATA_END.length);
}

/** `withoutFormulas` keeping every cell: for a sheet whose cells are placed one after the other, without references. */
function withoutFormulasOnly(xml: Uint8Array, start: number, from: number, cut: number): Uint8Array {
  const out = new Uint8Array(cut - start + SHEET_DATA_END.length);
  out.set(xml.subarray(start, from));
  let length = from - start;
  let kept = from;
  let i = from;
  while (i < cut) {
    if (xml[i] !== 0x3c || xml[i + 1] !== 0x66 || !isNameEnd(xml[i + 2])) {
      i++;
      continue;
    }
    const end = formulaEnd(xml, i, cut);
    if (end < 0) break;
    out.set(xml.subarray(kept, i), length);
    length += i - kept;
    kept = end;
    i = end;
  }
  out.set(xml.subarray(kept, cut), length);
  length += cut - kept;
  out.set(SHEET_DATA_END, length);
  return out.subarray(0, length + SHEET_DATA_END.length);
}

/** Whether the byte after an element's name ends it (`>`, `/`, a space): `<f>` and `<c r=…>`, not `<foo>` nor `<col>`. */
function isNameEnd(b: number | undefined): boolean {
  return b === 0x3e || b === 0x20 || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** Where the formula starting at `at` (`<f`) ends, past its `</f>` or its `/>`; -1 when not before `cut` (formula text holds no `<`). */
function formulaEnd(xml: Uint8Array, at: number, cut: number): number {
  let close = at + 2;
  while (close < cut && xml[close] !== 0x3e) close++;
  if (close >= cut) return -1;
  if (xml[close - 1] === 0x2f) return close + 1;
  // Formula text holds no `<`: the next one starts `</f>` (one search, not a walk through the text).
  const end = xml.indexOf(0x3c, close + 1);
  return end >= 0 && end + 4 <= cut && xml[end + 1] === 0x2f && xml[end + 2] === 0x66 && xml[end + 3] === 0x3e ? end + 4 : -1;
}

/** Whether the start tag between `from` and `to` has an ` r=` attribute (a cell's reference). */
function hasReference(xml: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k + 2 < to; k++) if (xml[k] === 0x72 && xml[k + 1] === 0x3d && (xml[k - 1] === 0x20 || xml[k - 1] === 0x09 || xml[k - 1] === 0x0a || xml[k - 1] === 0x0d)) return true;
  return false;
}

const SHEET_DATA_END = new TextEncoder().encode("</sheetData>");

function cellValue(cell: RawCell, strings: readonly string[], dates: ReadonlySet<number>, date1904: boolean): PlainValue {
  const v = cell.v;
  switch (cell.type) {
    case "s": {
      const s = v === null ? undefined : strings[Number(v)];
      return s === undefined || s === "" ? null : s;
    }
    case "inlineStr":
      return cell.inline === null || cell.inline === "" ? null : cell.inline;
    case "str":
      return v === null || v === "" ? null : v;
    case "b":
      return v === null ? null : v === "1" || v === "true";
    case "e":
      return v === null ? null : v;
    case "d": {
      const d = v === null ? null : new Date(v);
      return d && !Number.isNaN(d.getTime()) ? d : null;
    }
    default: {
      if (v === null || v.trim() === "") return null;
      const n = Number(v);
      if (!Number.isFinite(n)) return null;
      if (!dates.has(cell.style)) return n;
      // As exceljs converts a serial to a date (1900 system, or 1904 when the workbook says so).
      return new Date(Math.round((n - (date1904 ? 24107 : 25569)) * 86_400_000));
    }
  }
}

/** `B12` as its row and column, read character by character (a sheet has one per cell: a regex here costs more than the parse). */
function cellRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 3; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  if (col === 0 || i === ref.length) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) return null;
    row = row * 10 + ch - 48;
  }
  return row > 0 ? { row, col } : null;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The attributes of every element named `name` (prefix ignored) in a small part; none when it is absent or not XML. */
function attributesOf(xml: string | undefined, part: string, name: string): readonly Record<string, string>[] {
  return xml === undefined ? [] : remembered(ATTRIBUTES, `${name}\n${xml}`, () => parseAttributes(xml, part, name));
}

function parseAttributes(xml: string, part: string, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  try {
    parseXml(xml, part, { open: (local, a) => void (local === name && out.push(a)) });
  } catch (e) {
    if (e instanceof TooDeep) throw e;
    // A part that is not whole holds nothing readable; what is missing is named later.
  }
  return out;
}

/** A table part's name, range and column names; null when it has no name. */
function tableOf(xml: string | undefined, part: string): { name: string; ref: string; columns: string[] } | null {
  if (xml === undefined) return null;
  return remembered(TABLE_PARTS, xml, () => {
    let head: Record<string, string> | undefined;
    const columns: string[] = [];
    try {
      parseXml(xml, part, {
        open: (local, a) => {
          if (local === "table") head ??= a;
          else if (local === "tableColumn") columns.push((a.name ?? "").trim());
        },
      });
    } catch (e) {
      if (e instanceof TooDeep) throw e;
      // As `attributesOf`: what can be read of a part cut short.
    }
    return head?.name ? { name: head.name, ref: head.ref ?? "", columns } : null;
  });
}

/**
 * Parts met by the thousand, identical from one member of a network to the next (the workbook's
 * names, the relationships, the tables, the styles, most sheets): each parsed once per thread,
 * by its text. A few dozen of each at most, none larger than `REMEMBERED_CHARS`, so memory stays
 * flat whatever the number of files.
 */
const WORKBOOKS = new Map<string, WorkbookPart>();
const ATTRIBUTES = new Map<string, readonly Record<string, string>[]>();
const TABLE_PARTS = new Map<string, { name: string; ref: string; columns: string[] } | null>();
const STYLES = new Map<string, ReadonlySet<number>>();
const SHEETS = new Map<string, Map<string, readonly RawCell[]>>();
const REMEMBERED = 64;
/** Sheets: those members share (a template's, its lists) are a few; the others (each member's grid) come and go. */
const REMEMBERED_SHEETS = 16;
const REMEMBERED_CHARS = 256 * 1024;

/** `make()` for `key`, remembered in `cache` (emptied when it holds `size`; a key too long is not kept). */
function remembered<T>(cache: Map<string, T>, key: string, make: () => T, size = REMEMBERED): T {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const made = make();
  if (key.length <= REMEMBERED_CHARS) {
    if (cache.size >= size) cache.clear();
    cache.set(key, made);
  }
  return made;
}

/** A relationship's target as a part name: relative to `base`, or absolute from the package root. */
function partOf(base: string, target: string): string {
  const segments = target.startsWith("/") ? [] : base.split("/");
  for (const s of target.split("/")) {
    if (s === "..") segments.pop();
    else if (s !== "" && s !== ".") segments.push(s);
  }
  return segments.join("/");
}
