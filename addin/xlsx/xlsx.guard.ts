import { unzipSync, type UnzipFileInfo } from "fflate";
import type { InputIssue } from "../model/template.types.js";

/**
 * Limits on a workbook file before it is opened. A Qualigrid workbook of 1,000 criteria and
 * 10,000 evidence rows is about 1 MB (10 MB unpacked); the limits leave ample room for real
 * workbooks and keep a hostile file from exhausting memory. Documented in the README.
 */
export const WORKBOOK_LIMITS = {
  /** Largest file accepted. */
  fileBytes: 25 * 1024 * 1024,
  /** Largest total size once unpacked. */
  unpackedBytes: 200 * 1024 * 1024,
  /** Most parts (files inside the zip). */
  entries: 5_000,
  /** Highest compression ratio of a large part: XML packs ~10:1, a zip bomb 1,000:1. */
  ratio: 150,
} as const;

/** Why a workbook file is refused before it is opened (`InputIssue.code`). */
export type WorkbookRefusal =
  | "fileTooLarge"
  | "corrupt"
  | "tooManyParts"
  | "zipBomb"
  | "unpackedTooLarge"
  | "zipNotXlsx"
  | "notZip"
  | "legacyOrEncrypted";

/** The limits' shape, so tests can use smaller ones. */
export type WorkbookLimits = { [K in keyof typeof WORKBOOK_LIMITS]: number };

const MB = 1024 * 1024;

/**
 * Checks an .xlsx file's size and its zip directory (without unpacking anything) against
 * `WORKBOOK_LIMITS`; returns the problem found, or null when the file may be opened.
 */
export function guardWorkbookBytes(bytes: Uint8Array, file: string, limits: WorkbookLimits = WORKBOOK_LIMITS): InputIssue | null {
  const fail = (message: string, code: WorkbookRefusal, params: Record<string, string | number> = {}): InputIssue => ({
    path: file,
    message,
    severity: "error",
    code,
    params,
  });
  if (bytes.length > limits.fileBytes) {
    const size = (bytes.length / MB).toFixed(1);
    return fail(`is ${size} MB; Qualigrid opens workbooks up to ${limits.fileBytes / MB} MB`, "fileTooLarge", { size, limit: limits.fileBytes / MB });
  }
  const entries: UnzipFileInfo[] = [];
  try {
    // The filter sees each part's directory entry and declines it, so nothing is inflated.
    unzipSync(bytes, {
      filter: (f) => {
        entries.push(f);
        return false;
      },
    });
  } catch (e) {
    return fail(`cannot be read as an .xlsx workbook (${e instanceof Error ? e.message : String(e)}); it may be truncated or corrupt`, "corrupt");
  }
  if (entries.length > limits.entries) {
    return fail(`holds ${entries.length} parts; an .xlsx workbook Qualigrid opens has at most ${limits.entries}`, "tooManyParts", {
      parts: entries.length,
      limit: limits.entries,
    });
  }
  let unpacked = 0;
  for (const e of entries) {
    unpacked += e.originalSize;
    if (e.originalSize > MB && e.originalSize / Math.max(1, e.size) > limits.ratio) {
      const ratio = Math.round(e.originalSize / Math.max(1, e.size));
      return fail(`part ${e.name} unpacks ${ratio} times its packed size: refused as a possible zip bomb`, "zipBomb", { part: e.name, ratio });
    }
  }
  if (unpacked > limits.unpackedBytes) {
    const size = (unpacked / MB).toFixed(0);
    return fail(`unpacks to ${size} MB; Qualigrid opens workbooks up to ${limits.unpackedBytes / MB} MB unpacked`, "unpackedTooLarge", {
      size,
      limit: limits.unpackedBytes / MB,
    });
  }
  if (!entries.some((e) => e.name === "[Content_Types].xml") || !entries.some((e) => e.name.startsWith("xl/"))) {
    return fail("is a zip file but not an .xlsx workbook", "zipNotXlsx");
  }
  return null;
}
