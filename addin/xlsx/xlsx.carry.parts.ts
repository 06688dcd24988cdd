import { parseRels, relsXml, type ContentTypes, type Relationship } from "./xlsx.carry.xml.js";

// Copying parts of the package a workbook was read from into the package exceljs wrote: part names,
// relationship targets, content types. Shared by the drawings carried on worksheets (`xlsx.carry.ts`)
// and the chart sheets (`xlsx.carry.sheets.ts`).

/** The parts kept from the package read, and its content types. */
export interface KeptParts {
  /** Part name → bytes, `.rels` included. */
  parts: Map<string, Uint8Array>;
  types: ContentTypes;
}

const decoder = new TextDecoder();
/** UTF-8 bytes of a part's text. */
export const encoder = new TextEncoder();

/** Parts are copied once each, under their own name when it is free, else renumbered (`drawing1.xml` → `drawing2.xml`). */
export class PartCopy {
  /** Content types by extension the output lacks, for the copies. */
  readonly defaults = new Map<string, string>();
  /** Content types by part name, for the copies. */
  readonly overrides = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private readonly taken: Set<string>;

  constructor(
    private readonly kept: KeptParts,
    private readonly out: Record<string, Uint8Array>,
    private readonly outTypes: ContentTypes,
  ) {
    this.taken = new Set(Object.keys(out).map((n) => n.toLowerCase()));
  }

  /** Copies part `name` of the package read, and the parts it reaches; returns its name in the output. */
  part(name: string): string {
    const done = this.names.get(name);
    if (done !== undefined) return done;
    const bytes = this.kept.parts.get(name);
    if (bytes === undefined) return name;
    const relsBytes = this.kept.parts.get(relsPathOf(name));
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
        if (!this.kept.parts.has(target)) continue;
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
    const source = this.kept.types;
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

/** A part's text, or undefined when the package lacks it. */
export function textOf(parts: Record<string, Uint8Array>, name: string): string | undefined {
  const bytes = parts[name];
  return bytes === undefined ? undefined : decoder.decode(bytes);
}

/** A relationship id that `rels` does not use yet. */
export function freeId(rels: readonly Relationship[]): string {
  const ids = new Set(rels.map((r) => r.id));
  for (let i = rels.length + 1; ; i++) if (!ids.has(`rId${i}`)) return `rId${i}`;
}

/** The folder of a part, with its trailing `/`. */
export const dirOf = (part: string): string => part.slice(0, part.lastIndexOf("/") + 1);
const extOf = (part: string): string => (/\.([^./]+)$/.exec(part)?.[1] ?? "").toLowerCase();
/** The `.rels` part of a part. */
export const relsPathOf = (part: string): string => `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;

/** The part a relationship of `source` names (targets are relative to the source's folder, or absolute). */
export function resolveTarget(source: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : dirOf(source) + target;
  const segments: string[] = [];
  for (const s of path.split("/")) {
    if (s === "..") segments.pop();
    else if (s !== "." && s !== "") segments.push(s);
  }
  return segments.join("/");
}

/** The relative target from part `source` to part `target`. */
export function relativeTarget(source: string, target: string): string {
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
