import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { NetworkMessageCode } from "../../model/messages/messages.network.js";

/** An input left out before it is read, with the reason's message code. */
export interface SkippedFile {
  file: string;
  reason: NetworkMessageCode;
}

/** Workbook files a folder's walk takes; others (documents, pictures) are not inputs and are passed over silently. */
const WORKBOOK = /\.xls[xm]$/i;

/**
 * The workbook files of the inputs: files as given, folders walked recursively (their `.xlsx` and
 * `.xlsm` files; links to folders are not followed, so a loop cannot hold the walk), each file
 * once, in name order. Excel's lock files (`~$…`) and missing paths are listed as skipped.
 */
export async function inputFiles(inputs: readonly string[]): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  const files = new Set<string>();
  const skipped: SkippedFile[] = [];
  const take = (file: string): void => {
    if (path.basename(file).startsWith("~$")) skipped.push({ file, reason: "network.lockFile" });
    else files.add(file);
  };
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      skipped.push({ file: dir, reason: "network.notFound" });
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if ((e.isFile() || e.isSymbolicLink()) && WORKBOOK.test(e.name)) take(full);
    }
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) {
      skipped.push({ file: input, reason: "network.notFound" });
      continue;
    }
    if (info.isDirectory()) await walk(input);
    else take(input);
  }
  return { files: [...files].sort(), skipped };
}
