import { Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from "fflate";
import type { InputIssue } from "../model/template.types.js";
import { MAX_XML_DEPTH, tooDeep } from "./xlsx.budget.js";
import { refusalOf, type ZipLimits } from "./xlsx.guard.js";

/** A workbook's parts, inflated within the budget, or why it was refused. */
export type InflatedParts = { ok: true; parts: Record<string, Uint8Array> } | { ok: false; issue: InputIssue };

const MB = 1024 * 1024;
/** Compressed bytes fed to the inflater at a time: deflate expands at most ~1,032:1, so one step yields ≤ 17 MB. */
const STEP = 16 * 1024;
/** What a part may inflate beyond the size its directory entry declares (an honest zip declares it exactly). */
const SIZE_MARGIN = 64 * 1024;

/**
 * Inflates every part of a zip step by step, counting the bytes actually produced: a part that
 * inflates beyond the size its central directory declares, or past the compression ratio allowed,
 * or a total beyond `limits.unpackedBytes`, stops the inflation at once and is refused naming the
 * part. Memory never holds more than the budget (plus one step). The parts must match the central
 * directory's, each once, or the file is refused as corrupt. With `wanted`, only the parts it
 * accepts are inflated (the others are skipped unread), so a few small parts can be read first. An
 * XML part nested deeper than `MAX_XML_DEPTH` is refused as it is inflated.
 */
export function inflateWithinBudget(bytes: Uint8Array, file: string, limits: ZipLimits, wanted: (part: string) => boolean = () => true): InflatedParts {
  const declared = new Map<string, UnzipFileInfo>();
  let refused: InputIssue | null = null;
  const corrupt = (detail: string): void => {
    refused ??= refusalOf("corrupt", file, { detail });
  };
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (declared.has(f.name)) corrupt(`part ${f.name} is listed twice`);
        declared.set(f.name, f);
        return false;
      },
    });
  } catch (e) {
    return { ok: false, issue: refusalOf("corrupt", file, { detail: e instanceof Error ? e.message : String(e) }) };
  }
  const parts: Record<string, Uint8Array> = {};
  const seen = new Set<string>();
  let total = 0;
  const unzip = new Unzip((f) => {
    if (refused) return;
    const info = declared.get(f.name);
    if (!info || seen.has(f.name)) return corrupt(`part ${f.name} does not match the zip directory`);
    seen.add(f.name);
    if (!wanted(f.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    f.ondata = (err, chunk, final) => {
      if (refused) return;
      if (err) return corrupt(`${f.name}: ${err.message}`);
      size += chunk.length;
      total += chunk.length;
      if (size > info.originalSize + SIZE_MARGIN) {
        refused = refusalOf("sizeMismatch", file, { part: f.name, declared: info.originalSize });
      } else if (size > MB && size / Math.max(1, info.size) > limits.ratio) {
        refused = refusalOf("zipBomb", file, { part: f.name, ratio: Math.round(size / Math.max(1, info.size)) });
      } else if (total > limits.unpackedBytes) {
        refused = refusalOf("unpackedTooLarge", file, { size: `> ${(limits.unpackedBytes / MB).toFixed(0)}`, limit: limits.unpackedBytes / MB });
      }
      if (refused) {
        chunks.length = 0;
        f.terminate();
        return;
      }
      // A stored part's chunks are views of the input: copy them so the parts own their bytes.
      chunks.push(f.compression === 0 ? chunk.slice() : chunk);
      if (!final || f.name.endsWith("/")) return;
      const part = joined(chunks, size);
      if (/\.(?:xml|rels)$/i.test(f.name) && tooDeep(part)) refused = refusalOf("tooDeep", file, { part: f.name, limit: MAX_XML_DEPTH });
      else parts[f.name] = part;
    };
    f.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !refused; at += STEP) unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
  } catch (e) {
    corrupt(e instanceof Error ? e.message : String(e));
  }
  if (refused) return { ok: false, issue: refused };
  const missing = [...declared.keys()].find((name) => !seen.has(name) && wanted(name));
  if (missing !== undefined) return { ok: false, issue: refusalOf("corrupt", file, { detail: `part ${missing} cannot be reached` }) };
  return { ok: true, parts };
}

function joined(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
