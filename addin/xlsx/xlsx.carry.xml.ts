import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from "saxes";

// The few package XML parts the drawing carry reads (relationships, content types, the workbook's
// sheet list, a worksheet's top-level elements), parsed with saxes — the parser exceljs itself uses.
// saxes expands no entity of a DTD, so a hostile part cannot grow while it is read.

/** The namespace of `r:id` attributes. */
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** The relationship type of a sheet's drawing part. */
export const DRAWING_REL = `${REL_NS}/drawing`;
/** The relationship type of a sheet's header and footer pictures (`legacyDrawingHF`, a VML part). */
export const VML_DRAWING_REL = `${REL_NS}/vmlDrawing`;
/** The relationship type of a chart sheet, from the workbook part. */
export const CHARTSHEET_REL = `${REL_NS}/chartsheet`;
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const OFFICE_DOCUMENT_REL = `${REL_NS}/officeDocument`;
const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

/** One relationship of a part's `.rels`. */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  /** `TargetMode="External"`: a URL, not a part of the package. */
  external: boolean;
}

/** A part's content type as the package declares it: by extension (`Default`) or by part (`Override`). */
export interface ContentTypes {
  /** Lower-case extension → content type. */
  defaults: Map<string, string>;
  /** Lower-case part name without its leading slash → content type. */
  overrides: Map<string, string>;
}

/** A child of a document's root element, with where its text starts and ends. */
export interface TopElement {
  uri: string;
  local: string;
  attributes: SaxesAttributeNS[];
  /** Index of its `<`. */
  start: number;
  /** Index just after its closing `>`. */
  end: number;
}

/** A document's root and its children, by position. */
export interface TopLevel {
  /** The root's prefix, "" when its namespace is the default one. */
  rootPrefix: string;
  /** The prefix the root binds to `REL_NS`, if it binds one. */
  relPrefix: string | undefined;
  children: TopElement[];
  /** Index of the root's closing tag `</…>`. */
  closeStart: number;
}

/** Walks `xml` with saxes (namespaces resolved) and calls `open` on every element at `depth` (0 = the root), with where its start tag starts and ends. */
function walk(xml: string, open: (tag: SaxesTagNS, depth: number, start: number, tagEnd: number) => void, close?: (depth: number, end: number) => void): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  let start = 0;
  parser.on("opentagstart", () => {
    start = xml.lastIndexOf("<", parser.position - 1);
  });
  parser.on("opentag", (tag) => {
    open(tag, depth, start, parser.position);
    depth++;
  });
  parser.on("closetag", () => {
    depth--;
    close?.(depth, parser.position);
  });
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml).close();
}

const attr = (tag: SaxesTagNS, uri: string, local: string): string | undefined =>
  Object.values(tag.attributes).find((a) => a.uri === uri && a.local === local)?.value;

/** The relationships of a `.rels` part. Throws on XML that does not parse. */
export function parseRels(xml: string): Relationship[] {
  const rels: Relationship[] = [];
  walk(xml, (tag, depth) => {
    if (depth !== 1 || tag.uri !== PACKAGE_RELS_NS || tag.local !== "Relationship") return;
    const id = attr(tag, "", "Id");
    const type = attr(tag, "", "Type");
    const target = attr(tag, "", "Target");
    if (id === undefined || type === undefined || target === undefined) return;
    rels.push({ id, type, target, external: attr(tag, "", "TargetMode") === "External" });
  });
  return rels;
}

/** `s` escaped for an XML attribute between double quotes. */
export const escapeAttr = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A `.rels` part holding `rels`. */
export function relsXml(rels: readonly Relationship[]): string {
  const items = rels.map(
    (r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}">${items.join("")}</Relationships>`;
}

/** The content types `[Content_Types].xml` declares. Throws on XML that does not parse. */
export function parseContentTypes(xml: string): ContentTypes {
  const types: ContentTypes = { defaults: new Map(), overrides: new Map() };
  walk(xml, (tag, depth) => {
    if (depth !== 1 || tag.uri !== CONTENT_TYPES_NS) return;
    const type = attr(tag, "", "ContentType");
    if (type === undefined) return;
    const ext = attr(tag, "", "Extension");
    const part = attr(tag, "", "PartName");
    if (tag.local === "Default" && ext !== undefined) types.defaults.set(ext.toLowerCase(), type);
    if (tag.local === "Override" && part !== undefined) types.overrides.set(part.replace(/^\//, "").toLowerCase(), type);
  });
  return types;
}

/** `<Default>` and `<Override>` elements, to go before `</Types>`. */
export function contentTypeItems(defaults: ReadonlyMap<string, string>, overrides: ReadonlyMap<string, string>): string {
  return [
    ...[...defaults].map(([ext, type]) => `<Default Extension="${escapeAttr(ext)}" ContentType="${escapeAttr(type)}"/>`),
    ...[...overrides].map(([part, type]) => `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(type)}"/>`),
  ].join("");
}

/** The `.rels` target of the package's main part (`officeDocument`), from `_rels/.rels`. */
export function officeDocumentTarget(rootRels: string): string | undefined {
  return parseRels(rootRels).find((r) => r.type === OFFICE_DOCUMENT_REL && !r.external)?.target;
}

/** The worksheets a workbook part lists, in order: each one's name and the id of its relationship. */
export function workbookSheets(xml: string): { name: string; rid: string }[] {
  const sheets: { name: string; rid: string }[] = [];
  walk(xml, (tag, depth) => {
    if (depth !== 2 || tag.local !== "sheet") return;
    const name = attr(tag, "", "name");
    const rid = attr(tag, REL_NS, "id");
    if (name !== undefined && rid !== undefined) sheets.push({ name, rid });
  });
  return sheets;
}

/** An element found by `elementsAt`: its attributes by name as written (`r:id`) and where it lies. */
export interface PlacedElement {
  local: string;
  /** Attribute name as written (with its prefix) → value. */
  attributes: Map<string, string>;
  /** The `r:id` attribute, whatever its prefix. */
  rid: string | undefined;
  /** Index of its `<`. */
  start: number;
  /** Index just after its start tag's `>`. */
  tagEnd: number;
  /** Index just after its end (its closing tag's `>`, or the start tag's when it closes itself). */
  end: number;
}

/** The elements at `depth` (0 = the root) whose local name is in `locals`, in document order. Throws on XML that does not parse. */
export function elementsAt(xml: string, depth: number, locals: ReadonlySet<string>): PlacedElement[] {
  const found: PlacedElement[] = [];
  let current: Omit<PlacedElement, "end"> | null = null;
  walk(
    xml,
    (tag, d, start, tagEnd) => {
      if (d !== depth) return;
      const attributes = new Map(Object.values(tag.attributes).map((a) => [a.name, a.value]));
      current = locals.has(tag.local) ? { local: tag.local, attributes, rid: attr(tag, REL_NS, "id"), start, tagEnd } : null;
    },
    (d, end) => {
      if (d === depth && current) found.push({ ...current, end });
      if (d === depth) current = null;
    },
  );
  return found;
}

/** `tag` (an element's start tag, as written) with attribute `name` set to `value`, added before its `>` or `/>` when absent. */
export function withAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeAttr(value)}"`);
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${escapeAttr(value)}"${tag.slice(close)}`;
}

/** Whether a relationship is a worksheet's. */
export const isWorksheetRel = (r: Relationship): boolean => r.type === WORKSHEET_REL && !r.external;

/** The root of `xml` and its children with their positions. Throws on XML that does not parse. */
export function topLevel(xml: string): TopLevel {
  const found: TopLevel = { rootPrefix: "", relPrefix: undefined, children: [], closeStart: -1 };
  let current: Omit<TopElement, "end"> | undefined;
  walk(
    xml,
    (tag, depth, start) => {
      if (depth === 0) {
        found.rootPrefix = tag.prefix;
        found.relPrefix = Object.entries(tag.ns ?? {}).find(([prefix, uri]) => uri === REL_NS && prefix !== "")?.[0];
      } else if (depth === 1) {
        current = { uri: tag.uri, local: tag.local, attributes: Object.values(tag.attributes), start };
      }
    },
    (depth, end) => {
      if (depth === 1 && current) {
        found.children.push({ ...current, end });
        current = undefined;
      } else if (depth === 0) {
        found.closeStart = xml.lastIndexOf("</", end - 1);
      }
    },
  );
  return found;
}
