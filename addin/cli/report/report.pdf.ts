import { rmSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertWithSoffice, onInterrupt } from "./soffice.run.js";

/**
 * The pages of a PDF LibreOffice wrote: its page objects (`/Type /Page`, not `/Pages`), which
 * LibreOffice writes uncompressed. Only for what the command says; the tests count with `pdfinfo`.
 */
export function pdfPageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/**
 * Prints a workbook (`.xlsx` bytes ready to print: see `printOnly`) to PDF with LibreOffice, every
 * formula recalculated, and returns the PDF's bytes. Works in a private scratch folder, removed
 * afterwards whatever happens (and on Ctrl-C): a copy of the user's workbook is never left behind.
 * Throws the runner's `SofficeMissing` / `SofficeFailed`.
 */
export async function printToPdf(xlsx: Uint8Array, options: { timeoutMs?: number } = {}): Promise<Buffer> {
  const scratch = await mkdtemp(join(tmpdir(), "qualigrid-report-"));
  // From now on a copy of the workbook may be on disk: Ctrl-C removes it too.
  const forget = onInterrupt(() => rmSync(scratch, { recursive: true, force: true }));
  try {
    const input = join(scratch, "in", "report.xlsx");
    await mkdir(join(scratch, "in"), { mode: 0o700 });
    await writeFile(input, xlsx, { mode: 0o600 });
    const [pdf] = await convertWithSoffice([input], join(scratch, "out"), "pdf", options);
    if (pdf === undefined) throw new Error("LibreOffice returned no PDF"); // unreachable: one input, one output
    return await readFile(pdf);
  } finally {
    forget();
    await rm(scratch, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  }
}
