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
import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants as fsConstants, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** How long one soffice invocation may run before it is killed (ms). */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** The shell command that installs LibreOffice Calc on Debian/Ubuntu. */
export const LIBREOFFICE_INSTALL_HINT = "apt-get install -y --no-install-recommends libreoffice-calc";

const FIXED_CANDIDATES = [
  "/usr/bin/soffice",
  "/usr/bin/libreoffice",
  "/usr/lib/libreoffice/program/soffice",
];

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let cachedSoffice: string | null | undefined;

/**
 * The path of the LibreOffice executable (`soffice` or `libreoffice` on PATH, then the usual Debian
 * locations), or null when LibreOffice is not installed. The environment variable `SOFFICE` (a path)
 * takes precedence when it names an executable.
 */
export function findSoffice(): string | null {
  if (cachedSoffice !== undefined) return cachedSoffice;
  const candidates: string[] = [];
  const fromEnv = process.env.SOFFICE;
  if (fromEnv) candidates.push(fromEnv);
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    candidates.push(join(dir, "soffice"), join(dir, "libreoffice"));
  }
  candidates.push(...FIXED_CANDIDATES);
  cachedSoffice = candidates.find(isExecutableFile) ?? null;
  return cachedSoffice;
}

/** Options for {@link recalculateXlsx} and {@link recalculateMany}. */
export interface RecalculateOptions {
  /** Kill soffice after this many milliseconds (default {@link DEFAULT_TIMEOUT_MS}). */
  timeoutMs?: number;
}

/** The `registrymodifications.xcu` of the throw-away profile: always recalculate OOXML files on load. */
export const RECALC_PROFILE_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

function runSoffice(soffice: string, args: string[], timeoutMs: number, cwd: string): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const started = Date.now();
    // detached: soffice is a shell script that starts oosplash and soffice.bin; on timeout the whole
    // process group is killed, not only the script.
    const child = spawn(soffice, args, {
      cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, SAL_USE_VCLPLUGIN: "svp" },
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const killGroup = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup("SIGTERM");
      setTimeout(() => killGroup("SIGKILL"), 5_000).unref();
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start LibreOffice (${soffice}): ${err.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
    });
  });
}

async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Recalculates several .xlsx files in ONE LibreOffice run (one start-up, much faster than one call
 * per file) and writes the recalculated copies into `outDir`, which must not be the directory of any
 * input (the output file keeps the input's base name). Returns the output paths in input order.
 * Rejects with LibreOffice's stdout/stderr when it fails, times out or does not produce every file.
 */
export async function recalculateMany(
  inputs: string[],
  outDir: string,
  options: RecalculateOptions = {},
): Promise<string[]> {
  return convertMany(inputs, outDir, { format: "xlsx", verb: "recalculate", noun: "recalculation" }, options);
}

/**
 * Exports several .xlsx files to PDF in ONE LibreOffice run, every formula recalculated first, as a
 * printer would print them: every sheet in tab order, each with its page setup (paper, orientation,
 * fit to pages, print area, repeated rows). Writes `<name>.pdf` into `outDir` (which must differ from
 * every input's directory) and returns the output paths in input order.
 */
export async function exportPdfMany(inputs: string[], outDir: string, options: RecalculateOptions = {}): Promise<string[]> {
  return convertMany(inputs, outDir, { format: "pdf", verb: "export to PDF", noun: "PDF export" }, options);
}

/** What one LibreOffice conversion produces and how its errors name it. */
interface Conversion {
  format: "xlsx" | "pdf";
  verb: string;
  noun: string;
}

async function convertMany(inputs: string[], outDir: string, conversion: Conversion, options: RecalculateOptions): Promise<string[]> {
  const { format, verb, noun } = conversion;
  if (inputs.length === 0) return [];
  const soffice = findSoffice();
  if (!soffice) {
    throw new Error(`LibreOffice (soffice) is not installed; install it with: ${LIBREOFFICE_INSTALL_HINT}`);
  }
  const absOut = resolve(outDir);
  const absInputs = inputs.map((p) => resolve(p));
  const outputs: string[] = [];
  const seen = new Map<string, string>();
  for (const input of absInputs) {
    if (!(await fileExists(input))) throw new Error(`${verb}: input file not found: ${input}`);
    if (dirname(input) === absOut) {
      throw new Error(
        `${verb}: outDir (${absOut}) must differ from the input's directory, ` +
          `or LibreOffice would overwrite ${basename(input)}`,
      );
    }
    const outName = `${basename(input, extname(input))}.${format}`;
    const previous = seen.get(outName);
    if (previous !== undefined) {
      throw new Error(`${verb}: ${previous} and ${input} would both be written to ${join(absOut, outName)}`);
    }
    seen.set(outName, input);
    outputs.push(join(absOut, outName));
  }
  await mkdir(absOut, { recursive: true });
  // A stale output from an earlier run must not pass for this run's result.
  await Promise.all(outputs.map((o) => rm(o, { force: true })));

  const profile = await mkdtemp(join(tmpdir(), "qualigrid-lo-profile-"));
  try {
    await mkdir(join(profile, "user"), { recursive: true });
    await writeFile(join(profile, "user", "registrymodifications.xcu"), RECALC_PROFILE_XCU, "utf8");
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--invisible",
      "--nologo",
      "--nodefault",
      "--nolockcheck",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      absOut,
      ...absInputs,
    ];
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const run = await runSoffice(soffice, args, timeoutMs, profile);
    const missing: string[] = [];
    for (const o of outputs) if (!(await fileExists(o))) missing.push(o);
    if (run.timedOut || run.code !== 0 || missing.length > 0) {
      const why = run.timedOut
        ? `timed out after ${timeoutMs} ms`
        : run.code !== 0
          ? `exited with ${run.code ?? `signal ${run.signal ?? "?"}`}`
          : `produced no output for ${missing.join(", ")}`;
      throw new Error(
        `LibreOffice ${noun} ${why}\n` +
          `command: ${soffice} ${args.join(" ")}\n` +
          `stdout: ${run.stdout.trim() || "(empty)"}\n` +
          `stderr: ${run.stderr.trim() || "(empty)"}`,
      );
    }
    return outputs;
  } finally {
    await rm(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  }
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

/** A program's path on PATH, or null. */
function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && isExecutableFile(join(dir, name))) return join(dir, name);
  }
  return null;
}

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
