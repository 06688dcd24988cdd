import { READ_LIMITS } from "../model/excel.limits.js";
import { unzipSync, type UnzipFileInfo } from "fflate";
import { issueOf } from "../model/messages/message.catalog.js";
import type { MessageParams } from "../model/messages/message.types.js";
// The refusals' texts (`file.<refusal>`): registered in the catalogue so that every interface can word them.
import "../model/messages/messages.file.js";
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
  /**
   * Most rows and cells exceljs may make of the sheets, counting the cells merges, data validations
   * and defined names cover (`xlsx.budget.ts`): about 1 KB each once loaded. A 10,000-criterion
   * workbook has about 420,000.
   */
  cells: READ_LIMITS.cells,
} as const;

/** Why a workbook file is refused before it is opened (`InputIssue.code` is `file.<refusal>`). */
export type WorkbookRefusal =
  | "fileTooLarge"
  | "corrupt"
  | "tooManyParts"
  | "zipBomb"
  | "sizeMismatch"
  | "badTableRef"
  | "badRef"
  | "tooManyCells"
  | "rangeTooLarge"
  | "tooDeep"
  | "unpackedTooLarge"
  | "zipNotXlsx"
  | "notZip"
  | "legacyOrEncrypted"
  | "unopenable";

/** A refusal of file `file`, worded by the catalogue (`file.<refusal>`). */
export function refusalOf(refusal: WorkbookRefusal, file: string, params: MessageParams = {}): InputIssue {
  return issueOf(`file.${refusal}`, params, file);
}

/** The limits' shape, so tests can use smaller ones. */
export type WorkbookLimits = { [K in keyof typeof WORKBOOK_LIMITS]: number };

/** The limits on the zip itself (what `guardWorkbookBytes` and `inflateWithinBudget` check). */
export type ZipLimits = Pick<WorkbookLimits, "fileBytes" | "unpackedBytes" | "entries" | "ratio">;

const MB = 1024 * 1024;

/**
 * Checks an .xlsx file's size and its zip directory (without unpacking anything) against
 * `WORKBOOK_LIMITS`; returns the problem found, or null when the file may be opened.
 */
export function guardWorkbookBytes(bytes: Uint8Array, file: string, limits: ZipLimits = WORKBOOK_LIMITS): InputIssue | null {
  if (bytes.length > limits.fileBytes) {
    const size = (bytes.length / MB).toFixed(1);
    return refusalOf("fileTooLarge", file, { size, limit: limits.fileBytes / MB });
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
    return refusalOf("corrupt", file, { detail: e instanceof Error ? e.message : String(e) });
  }
  if (entries.length > limits.entries) {
    return refusalOf("tooManyParts", file, { parts: entries.length, limit: limits.entries });
  }
  let unpacked = 0;
  for (const e of entries) {
    unpacked += e.originalSize;
    if (e.originalSize > MB && e.originalSize / Math.max(1, e.size) > limits.ratio) {
      const ratio = Math.round(e.originalSize / Math.max(1, e.size));
      return refusalOf("zipBomb", file, { part: e.name, ratio });
    }
  }
  if (unpacked > limits.unpackedBytes) {
    const size = (unpacked / MB).toFixed(0);
    return refusalOf("unpackedTooLarge", file, { size, limit: limits.unpackedBytes / MB });
  }
  if (!entries.some((e) => e.name === "[Content_Types].xml") || !entries.some((e) => e.name.startsWith("xl/"))) {
    return refusalOf("zipNotXlsx", file);
  }
  return null;
}
