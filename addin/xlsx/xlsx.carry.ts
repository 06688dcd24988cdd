import { unzipSync, zipSync } from "fflate";
import type ExcelJS from "exceljs";
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
  workbookSheets,
  type ContentTypes,
  type Relationship,
} from "./xlsx.carry.xml.js";

// exceljs keeps a sheet's pictures but drops its charts, shapes and text boxes (and renumbers what
// it keeps). So the drawings a user made in Excel are carried over from the package the workbook was
// read from: each sheet's drawing part and every part it reaches (charts, their styles and colours,
// pictures, embedded workbooks), onto the sheet of the same name in what exceljs writes. exceljs
// never sees a sheet's `<drawing>` element, so a picture is not carried twice.

/** A sheet's drawing, as the package read holds it. */
interface SheetDrawing {
  /** The sheet's name (Excel compares sheet names without case). */
  sheet: string;
  /** The drawing part. */
  drawing: string;
}

/** What a loaded package holds that exceljs would drop: the sheets' drawings and every part they reach. */
interface Carried {
  drawings: SheetDrawing[];
  /** The drawings' parts and the parts they reach, with their `.rels`, by part name. */
  parts: Map<string, Uint8Array>;
  /** The package's content types (those of the carried parts are copied). */
  types: ContentTypes;
}

const CARRIED = new WeakMap<ExcelJS.Workbook, Carried>();

/** The folders whose parts a drawing may bring along: never a sheet, a table, the styles or the workbook itself. */
const DRAWING_FOLDERS = /^xl\/(drawings|charts|media|embeddings|diagrams|ink|model3d)\//i;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Remembers, for `wb`, the drawings of the sheets in `parts` (the package it is read from) and
 * returns the parts exceljs should read: the same, but each sheet's `<drawing>` element left out.
 * A package without drawings is returned as it is and costs nothing more than reading its `.rels`.
 * Something unexpected (a part that does not parse) is left to exceljs as it is.
 */
export function keepDrawings(wb: ExcelJS.Workbook, parts: Record<string, Uint8Array>): Record<string, Uint8Array> {
  try {
    const found = drawingsOf(parts);
    if (!found) return parts;
    CARRIED.set(wb, found.carried);
    return { ...parts, ...found.stripped };
  } catch {
    return parts;
  }
}

/**
 * The .xlsx `bytes` exceljs wrote, with the drawings of the package `from` was read from put back on
 * the sheets of the same names (see `keepDrawings`). Without drawings to carry, `bytes` is returned
 * as it is. A sheet that is no longer there, or that already has a drawing of exceljs's making, is
 * left as exceljs wrote it.
 */
export function carryDrawings(bytes: Uint8Array, from: ExcelJS.Workbook): Uint8Array {
  const carried = CARRIED.get(from);
  if (!carried || carried.drawings.length === 0) return bytes;
  const out = unzipSync(bytes);
  const sheets = sheetParts(out);
  const packageTypes = parseContentTypes(textOf(out, "[Content_Types].xml") ?? "");
  const copy = new PartCopy(carried, out, packageTypes);
  let placed = 0;
  for (const d of carried.drawings) {
    const sheet = sheets.get(d.sheet.toLowerCase());
    const xml = sheet === undefined ? undefined : textOf(out, sheet);
    if (sheet === undefined || xml === undefined) continue;
    const top = topLevel(xml);
    if (top.closeStart < 0 || top.children.some((c) => c.local === "drawing")) continue;
    const drawing = copy.part(d.drawing);
    const relsPath = relsPathOf(sheet);
    const relsText = textOf(out, relsPath);
    const rels = relsText === undefined ? [] : parseRels(relsText);
    const id = freeId(rels);
    rels.push({ id, type: DRAWING_REL, target: relativeTarget(sheet, drawing), external: false });
    out[relsPath] = encoder.encode(relsXml(rels));
    out[sheet] = encoder.encode(withDrawing(xml, top, id));
    placed++;
  }
  if (placed === 0) return bytes;
  const types = textOf(out, "[Content_Types].xml") ?? "";
  const end = types.lastIndexOf("</");
  out["[Content_Types].xml"] = encoder.encode(types.slice(0, end) + contentTypeItems(copy.defaults, copy.overrides) + types.slice(end));
  // exceljs writes folders as empty entries; a package needs none.
  const files = Object.fromEntries(Object.entries(out).filter(([name]) => !name.endsWith("/")));
  return zipSync(files, { level: 6 });
}

/** Parts are copied once each, under their own name when it is free, else renumbered (`drawing1.xml` → `drawing2.xml`). */
class PartCopy {
  readonly defaults = new Map<string, string>();
  readonly overrides = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private readonly taken: Set<string>;

  constructor(
    private readonly carried: Carried,
    private readonly out: Record<string, Uint8Array>,
    private readonly outTypes: ContentTypes,
  ) {
    this.taken = new Set(Object.keys(out).map((n) => n.toLowerCase()));
  }

  /** Copies part `name` of the package read, and the parts it reaches; returns its name in the output. */
  part(name: string): string {
    const done = this.names.get(name);
    if (done !== undefined) return done;
    const bytes = this.carried.parts.get(name);
    if (bytes === undefined) return name;
    const relsBytes = this.carried.parts.get(relsPathOf(name));
    const same = this.out[name];
    // A picture exceljs wrote again under its own name (it keeps every picture it read) is the same part.
    if (same !== undefined && relsBytes === undefined && equalBytes(same, bytes)) {
      this.names.set(name, name);
      return name;
    }
    const dest = this.freeName(name);
    this.names.set(name, dest);
    this.taken.add(dest.toLowerCase());
    this.out[dest] = bytes;
    this.typeOf(name, dest);
    if (relsBytes !== undefined) {
      const rels = parseRels(decoder.decode(relsBytes));
      let changed = false;
      for (const r of rels) {
        if (r.external) continue;
        const target = resolveTarget(name, r.target);
        if (!this.carried.parts.has(target)) continue;
        const copied = this.part(target);
        if (copied !== target || dirOf(dest) !== dirOf(name)) {
          r.target = relativeTarget(dest, copied);
          changed = true;
        }
      }
      const relsPath = relsPathOf(dest);
      this.taken.add(relsPath.toLowerCase());
      this.out[relsPath] = changed ? encoder.encode(relsXml(rels)) : relsBytes;
    }
    return dest;
  }

  private freeName(name: string): string {
    const free = (n: string): boolean => !this.taken.has(n.toLowerCase()) && !this.taken.has(relsPathOf(n).toLowerCase());
    if (free(name)) return name;
    const m = /^(.*?)(\d*)(\.[^./]*)?$/.exec(name);
    const stem = m?.[1] ?? name;
    const ext = m?.[3] ?? "";
    for (let i = 1; ; i++) if (free(`${stem}${i}${ext}`)) return `${stem}${i}${ext}`;
  }

  /** The copy's content type: the package read's override, or its extension's default when the output's differs. */
  private typeOf(name: string, dest: string): void {
    const source = this.carried.types;
    const override = source.overrides.get(name.toLowerCase());
    const ext = extOf(name);
    const type = override ?? source.defaults.get(ext);
    if (type === undefined) return;
    const destExt = extOf(dest);
    const byDefault = this.outTypes.defaults.get(destExt) ?? this.defaults.get(destExt);
    if (override === undefined && byDefault === undefined) this.defaults.set(destExt, type);
    else if (byDefault !== type) this.overrides.set(dest, type);
  }
}

/** The drawings of a package's sheets, and the parts the sheets should be read from without them; null when there are none. */
function drawingsOf(parts: Record<string, Uint8Array>): { carried: Carried; stripped: Record<string, Uint8Array> } | null {
  const drawings: SheetDrawing[] = [];
  const stripped: Record<string, Uint8Array> = {};
  const rootRels = textOf(parts, "_rels/.rels");
  const workbook = rootRels === undefined ? undefined : officeDocumentTarget(rootRels);
  if (workbook === undefined) return null;
  const workbookPart = resolveTarget("", workbook);
  const workbookXml = textOf(parts, workbookPart);
  const workbookRels = textOf(parts, relsPathOf(workbookPart));
  if (workbookXml === undefined || workbookRels === undefined) return null;
  const byId = new Map(parseRels(workbookRels).filter(isWorksheetRel).map((r) => [r.id, resolveTarget(workbookPart, r.target)]));
  for (const s of workbookSheets(workbookXml)) {
    const sheet = byId.get(s.rid);
    const relsText = sheet === undefined ? undefined : textOf(parts, relsPathOf(sheet));
    if (sheet === undefined || relsText === undefined) continue;
    const drawingRels = parseRels(relsText).filter((r) => r.type === DRAWING_REL && !r.external);
    if (drawingRels.length === 0) continue;
    const xml = textOf(parts, sheet);
    if (xml === undefined) continue;
    const element = topLevel(xml).children.find((c) => c.local === "drawing");
    const rid = element?.attributes.find((a) => a.uri === REL_NS && a.local === "id")?.value;
    const rel = drawingRels.find((r) => r.id === rid);
    if (!element || !rel) continue;
    const drawing = resolveTarget(sheet, rel.target);
    if (parts[drawing] === undefined) continue;
    drawings.push({ sheet: s.name, drawing });
    stripped[sheet] = encoder.encode(xml.slice(0, element.start) + xml.slice(element.end));
  }
  if (drawings.length === 0) return null;
  const kept = new Map<string, Uint8Array>();
  const reach = (name: string): void => {
    const bytes = parts[name];
    if (kept.has(name) || bytes === undefined || !DRAWING_FOLDERS.test(name)) return;
    kept.set(name, bytes);
    const rels = parts[relsPathOf(name)];
    if (rels === undefined) return;
    kept.set(relsPathOf(name), rels);
    for (const r of parseRels(decoder.decode(rels))) if (!r.external) reach(resolveTarget(name, r.target));
  };
  for (const d of drawings) reach(d.drawing);
  const types = parseContentTypes(textOf(parts, "[Content_Types].xml") ?? "");
  return { carried: { drawings, parts: kept, types }, stripped };
}

/** `xml` with `<drawing r:id="id"/>` where CT_Worksheet puts it: before the first element that follows it. */
function withDrawing(xml: string, top: ReturnType<typeof topLevel>, id: string): string {
  const after = top.children.find((c) => AFTER_DRAWING.has(c.local));
  const at = after?.start ?? top.closeStart;
  const prefix = top.rootPrefix === "" ? "" : `${top.rootPrefix}:`;
  const element =
    top.relPrefix === undefined ? `<${prefix}drawing xmlns:qgr="${REL_NS}" qgr:id="${id}"/>` : `<${prefix}drawing ${top.relPrefix}:id="${id}"/>`;
  return xml.slice(0, at) + element + xml.slice(at);
}

/** The elements CT_Worksheet puts after `drawing`. */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/** The worksheets of a package, by lower-case sheet name → part name. */
function sheetParts(parts: Record<string, Uint8Array>): Map<string, string> {
  const found = new Map<string, string>();
  const workbook = officeDocumentTarget(textOf(parts, "_rels/.rels") ?? "");
  if (workbook === undefined) return found;
  const workbookPart = resolveTarget("", workbook);
  const byId = new Map(parseRels(textOf(parts, relsPathOf(workbookPart)) ?? "").filter(isWorksheetRel).map((r) => [r.id, r.target]));
  for (const s of workbookSheets(textOf(parts, workbookPart) ?? "")) {
    const target = byId.get(s.rid);
    if (target !== undefined) found.set(s.name.toLowerCase(), resolveTarget(workbookPart, target));
  }
  return found;
}

function textOf(parts: Record<string, Uint8Array>, name: string): string | undefined {
  const bytes = parts[name];
  return bytes === undefined ? undefined : decoder.decode(bytes);
}

function freeId(rels: readonly Relationship[]): string {
  const ids = new Set(rels.map((r) => r.id));
  for (let i = rels.length + 1; ; i++) if (!ids.has(`rId${i}`)) return `rId${i}`;
}

const dirOf = (part: string): string => part.slice(0, part.lastIndexOf("/") + 1);
const extOf = (part: string): string => (/\.([^./]+)$/.exec(part)?.[1] ?? "").toLowerCase();
const relsPathOf = (part: string): string => `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;

/** The part a relationship of `source` names (targets are relative to the source's folder, or absolute). */
function resolveTarget(source: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : dirOf(source) + target;
  const segments: string[] = [];
  for (const s of path.split("/")) {
    if (s === "..") segments.pop();
    else if (s !== "." && s !== "") segments.push(s);
  }
  return segments.join("/");
}

/** The relative target from part `source` to part `target`. */
function relativeTarget(source: string, target: string): string {
  const from = dirOf(source).split("/").filter(Boolean);
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
