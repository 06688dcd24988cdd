import { encoder, textOf } from "./xlsx.carry.parts.js";
import { topLevel } from "./xlsx.carry.xml.js";

// exceljs writes a sheet's manual page breaks (`<rowBreaks>`) but drops them when it reads a file:
// a report sheet saved again by `fill` would print its sections run together. So the breaks of the
// package a workbook was read from are kept, by sheet, and put back on the sheet of the same name
// when exceljs wrote none there (a re-rendered sheet with breaks of its own keeps its own).

/** A sheet's `<rowBreaks>` as written, and its root's prefix (inserted only under the same one). */
export interface KeptBreaks {
  xml: string;
  prefix: string;
}

const MARK = encoder.encode("rowBreaks");

/**
 * The `<rowBreaks>` of each worksheet of `sheets` (name → part) in `parts`, by lower-case sheet
 * name. Sheets whose bytes do not name the element are not decoded (the grid of a large workbook
 * costs one byte search). A sheet that does not parse is left out.
 */
export function rowBreaksOf(parts: Record<string, Uint8Array>, sheets: readonly { name: string; part: string }[]): Map<string, KeptBreaks> {
  const found = new Map<string, KeptBreaks>();
  for (const s of sheets) {
    const bytes = parts[s.part];
    if (bytes === undefined || Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(MARK) < 0) continue;
    try {
      const xml = textOf(parts, s.part) ?? "";
      const top = topLevel(xml);
      const el = top.children.find((c) => c.local === "rowBreaks");
      if (el) found.set(s.name.toLowerCase(), { xml: xml.slice(el.start, el.end), prefix: top.rootPrefix });
    } catch {
      // not carried
    }
  }
  return found;
}

/** The elements CT_Worksheet puts after `<rowBreaks>`. */
const AFTER_ROW_BREAKS = new Set([
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
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

/**
 * Puts each kept `<rowBreaks>` back on the worksheet of the same name in `out` (`sheets`: lower-case
 * name → part) when that sheet has none and the same root prefix; returns how many it placed.
 */
export function placeRowBreaks(out: Record<string, Uint8Array>, sheets: ReadonlyMap<string, string>, breaks: ReadonlyMap<string, KeptBreaks>): number {
  let placed = 0;
  for (const [name, kept] of breaks) {
    const part = sheets.get(name);
    const xml = part === undefined ? undefined : textOf(out, part);
    if (part === undefined || xml === undefined) continue;
    const top = topLevel(xml);
    if (top.closeStart < 0 || top.rootPrefix !== kept.prefix || top.children.some((c) => c.local === "rowBreaks")) continue;
    const at = top.children.find((c) => AFTER_ROW_BREAKS.has(c.local))?.start ?? top.closeStart;
    out[part] = encoder.encode(xml.slice(0, at) + kept.xml + xml.slice(at));
    placed++;
  }
  return placed;
}
