/**
 * LibreOffice recalculation harness for tests.
 *
 * `recalculateXlsx` / `recalculateMany` open .xlsx files in headless LibreOffice Calc, force a full
 * recalculation of every formula (whatever cached values the file carries) and save them again as
 * .xlsx, so a test can read the computed values with exceljs (`cell.value` is `{ formula, result }`).
 *
 * Every call uses its own throw-away user profile (LibreOffice refuses to share a profile between
 * running instances, so parallel vitest workers would otherwise collide); the profile sets
 * `/org.openoffice.Office.Calc/Formula/Load` `OOXMLRecalcMode` = 0 ("always recalculate"), without
 * which LibreOffice keeps the cached values found in the file.
 *
 * `exportPdfMany` prints files to PDF the same way (one run, recalculated first) and `pdfPages`
 * reads the pages back with poppler (`pdfinfo`, `pdftotext`); `missingPdfTools` says what is missing.
 *
 * LibreOffice is a system package: `apt-get install -y --no-install-recommends libreoffice-calc`.
 */
import type { Cell } from "exceljs";
import { spawnSync } from "node:child_process";
import { convertWithSoffice, findSoffice as findProductSoffice, LIBREOFFICE_INSTALL_COMMAND, onPath, SOFFICE_TIMEOUT_MS } from "../../addin/cli/report/soffice.run.js";

// The soffice runner is the product's (`qualigrid report` prints with it): one copy of that code.
export { RECALC_PROFILE_XCU } from "../../addin/cli/report/soffice.run.js";

/** How long one soffice invocation may run before it is killed (ms). */
export const DEFAULT_TIMEOUT_MS = SOFFICE_TIMEOUT_MS;

/** The shell command that installs LibreOffice Calc on Debian/Ubuntu. */
export const LIBREOFFICE_INSTALL_HINT = LIBREOFFICE_INSTALL_COMMAND;

let cachedSoffice: string | null | undefined;

/**
 * The path of the LibreOffice executable (`SOFFICE` when set, else `soffice` or `libreoffice` on
 * PATH, then the usual Debian locations), or null when LibreOffice is not installed; looked up once.
 */
export function findSoffice(): string | null {
  if (cachedSoffice === undefined) cachedSoffice = findProductSoffice();
  return cachedSoffice;
}

/** Options for {@link recalculateXlsx} and {@link recalculateMany}. */
export interface RecalculateOptions {
  /** Kill soffice after this many milliseconds (default {@link DEFAULT_TIMEOUT_MS}). */
  timeoutMs?: number;
}

/**
 * Recalculates several .xlsx files in ONE LibreOffice run (one start-up, much faster than one call
 * per file) and writes the recalculated copies into `outDir`, which must not be the directory of any
 * input (the output file keeps the input's base name). Returns the output paths in input order.
 * Rejects with LibreOffice's stdout/stderr when it fails, times out or does not produce every file.
 */
export async function recalculateMany(inputs: string[], outDir: string, options: RecalculateOptions = {}): Promise<string[]> {
  return convertWithSoffice(inputs, outDir, "xlsx", options);
}

/**
 * Exports several .xlsx files to PDF in ONE LibreOffice run, every formula recalculated first, as a
 * printer would print them: every visible sheet in tab order, each with its page setup (paper,
 * orientation, fit to pages, print area, repeated rows). Writes `<name>.pdf` into `outDir` (which must
 * differ from every input's directory) and returns the output paths in input order.
 */
export async function exportPdfMany(inputs: string[], outDir: string, options: RecalculateOptions = {}): Promise<string[]> {
  return convertWithSoffice(inputs, outDir, "pdf", options);
}

/**
 * Recalculates one .xlsx file in LibreOffice and writes the recalculated copy into `outDir` (which
 * must differ from the input's directory). Returns the output path.
 */
export async function recalculateXlsx(
  inputPath: string,
  outDir: string,
  options: RecalculateOptions = {},
): Promise<string> {
  const [out] = await recalculateMany([inputPath], outDir, options);
  if (out === undefined) throw new Error("recalculate: no output"); // unreachable
  return out;
}

const FORMULA_VALUE_TYPE = 6; // ExcelJS.ValueType.Formula (exceljs is only type-imported here)

/** A computed cell value as tests want to compare it. Errors are their text, e.g. "#NAME?". */
export type ComputedValue = string | number | boolean | Date | null;

/**
 * The value a cell shows after a LibreOffice round trip: for a formula cell its result, otherwise
 * its value (rich text flattened, errors as their text, empty cell = null).
 *
 * Use this instead of `cell.value.result`: exceljs 4.4.0 omits falsy results from `cell.value`
 * (a formula whose result is 0 or FALSE reads as `{ formula }` with no `result`; `cell.result`
 * still has them), and it reads LibreOffice's empty-string result (`<c t="str"><v></v></c>`) as no
 * result at all. LibreOffice writes a cached value for every formula cell it saves, so in a file
 * this harness produced, a formula cell without a result is an empty string, and is returned as "".
 */
export function computedValue(cell: Cell): ComputedValue {
  const isFormula = cell.type === FORMULA_VALUE_TYPE;
  const raw: unknown = isFormula ? cell.result : cell.value;
  if (raw === undefined || raw === null) return isFormula ? "" : null;
  if (raw instanceof Date) return raw;
  if (typeof raw === "object") {
    const o = raw as { error?: string; richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (typeof o.error === "string") return o.error;
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join("");
    if (o.text !== undefined) return String(o.text); // hyperlink
    return JSON.stringify(raw);
  }
  return raw as string | number | boolean;
}

/** The shell command that installs what the PDF checks need: Calibri's metrics and poppler's tools. */
export const PDF_TOOLS_INSTALL_HINT = "apt-get install -y --no-install-recommends fonts-crosextra-carlito poppler-utils";

/**
 * What a PDF check of printed sheets cannot do without, each named with what it is for; empty when
 * everything is there. Carlito has Calibri's metrics: without it LibreOffice lays text out in
 * another font, and line breaks, row heights and page breaks are not those of Excel.
 */
export function missingPdfTools(): string[] {
  const missing: string[] = [];
  if (!findSoffice()) missing.push("LibreOffice (soffice)");
  if (!onPath("pdftotext") || !onPath("pdfinfo")) missing.push("pdftotext and pdfinfo (poppler-utils)");
  const fonts = spawnSync("fc-list", [":family=Carlito", "family"], { encoding: "utf8" });
  if (fonts.status !== 0 || !/carlito/i.test(fonts.stdout)) missing.push("the Carlito font (fonts-crosextra-carlito)");
  return missing;
}

/** One printed page of a PDF: its size in points (width, height) and its text as `pdftotext -layout` lays it out. */
export interface PdfPage {
  width: number;
  height: number;
  text: string;
}

/** The pages of a PDF, in order, read with poppler's `pdfinfo` (sizes) and `pdftotext -layout` (texts). */
export function pdfPages(path: string): PdfPage[] {
  const run = (cmd: string, args: string[]): string => {
    const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.error?.message ?? r.stderr}`);
    return r.stdout;
  };
  const info = run("pdfinfo", ["-f", "1", "-l", "100000", path]);
  const sizes = [...info.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  // pdftotext ends every page with a form feed.
  const texts = run("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"]).split("\f");
  return sizes.map((s, i) => ({ ...s, text: texts[i] ?? "" }));
}
