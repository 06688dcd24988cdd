/**
 * LibreOffice, headless, as the command line and the test suites run it (one copy of this code:
 * `tests/support/libreoffice.ts` calls it too).
 *
 * Every run gets its own throw-away user profile: LibreOffice refuses to share a profile between
 * running instances (a user's open LibreOffice, or parallel runs), and the profile sets
 * `/org.openoffice.Office.Calc/Formula/Load` `OOXMLRecalcMode` = 0 ("always recalculate"), without
 * which LibreOffice prints the values cached in the file instead of computing the formulas.
 */
import { spawn } from "node:child_process";
import { accessSync, constants as fsConstants, rmSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** How long one LibreOffice run may last before it is killed (ms). */
export const SOFFICE_TIMEOUT_MS = 120_000;

/** The shell command that installs LibreOffice Calc on Debian/Ubuntu. */
export const LIBREOFFICE_INSTALL_COMMAND = "apt-get install -y --no-install-recommends libreoffice-calc";

/** Where Debian and Ubuntu put LibreOffice, looked at after PATH. */
const DEBIAN_PATHS = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"];

/**
 * The `registrymodifications.xcu` of the throw-away profile: always recalculate OOXML and ODF files on
 * load; never print empty pages (LibreOffice's default, stated: a report leaves the other sheets out
 * by giving them an empty print area).
 */
export const RECALC_PROFILE_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Print/Page"><prop oor:name="EmptyPages" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

/** Whether `path` is a file this process may execute. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A program's path on PATH (of `env`), or null. */
export function onPath(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir && isExecutableFile(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * The LibreOffice executable: the one the `SOFFICE` environment variable names when it is set (and
 * then only it: a user who names a LibreOffice means that one, and a wrong name is said, not replaced),
 * else `soffice` or `libreoffice` on PATH, else the usual Debian locations; null when there is none.
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env.SOFFICE;
  if (named !== undefined && named !== "") return isExecutableFile(named) ? named : null;
  return onPath("soffice", env) ?? onPath("libreoffice", env) ?? DEBIAN_PATHS.find(isExecutableFile) ?? null;
}

/** LibreOffice is not installed (or `SOFFICE` names no executable, in `named`). */
export class SofficeMissing extends Error {
  constructor(readonly named?: string) {
    super(
      named
        ? `LibreOffice (soffice) not found: SOFFICE names ${named}, which is not an executable file`
        : `LibreOffice (soffice) is not installed; install it with: ${LIBREOFFICE_INSTALL_COMMAND}`,
    );
    this.name = "SofficeMissing";
  }
}

/** Why a LibreOffice run failed. */
export type SofficeFailure = "timeout" | "exit" | "noOutput";

/** A LibreOffice run that timed out, failed or did not write every file; its message carries the command and LibreOffice's output. */
export class SofficeFailed extends Error {
  constructor(
    readonly reason: SofficeFailure,
    /** Seconds of the timeout, the exit code (or signal), or the files not written. */
    readonly detail: string,
    /** What LibreOffice printed (stderr, else stdout), trimmed. */
    readonly output: string,
    message: string,
  ) {
    super(message);
    this.name = "SofficeFailed";
  }
}

/** Options of a conversion. */
export interface ConvertOptions {
  /** Kill LibreOffice after this many milliseconds (default {@link SOFFICE_TIMEOUT_MS}). */
  timeoutMs?: number;
  /** The environment LibreOffice is looked up in (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs `cleanup` if Ctrl-C comes before the returned function is called (which forgets it). It
 * runs first (prepended), before the command line's own handler ends the process; alone (no other
 * handler, as in a test), it raises the signal again once removed, so the process still ends as
 * Ctrl-C means.
 */
export function onInterrupt(cleanup: () => void): () => void {
  const listener = (): void => {
    process.removeListener("SIGINT", listener);
    try {
      cleanup();
    } finally {
      if (process.listenerCount("SIGINT") === 0) process.kill(process.pid, "SIGINT");
    }
  };
  process.prependListener("SIGINT", listener);
  return () => void process.removeListener("SIGINT", listener);
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * Runs soffice in its own process group (it is a script that starts oosplash, which starts
 * soffice.bin): a timeout, or Ctrl-C, kills the whole group, never leaving a LibreOffice behind.
 */
function runSoffice(soffice: string, args: string[], timeoutMs: number, cwd: string): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(soffice, args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SAL_USE_VCLPLUGIN: "svp" } });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    // Bounded: a LibreOffice that prints without end must not fill the memory.
    const keep = (text: string, chunk: string): string => (text.length > 64_000 ? text : text + chunk);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout = keep(stdout, chunk)));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = keep(stderr, chunk)));
    const killGroup = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    };
    // Ctrl-C: the detached group does not get the terminal's signal, so it is killed here.
    const forget = onInterrupt(() => {
      killGroup("SIGKILL");
      rmSync(cwd, { recursive: true, force: true });
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup("SIGTERM");
      setTimeout(() => killGroup("SIGKILL"), 5_000).unref();
    }, timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      forget();
    };
    child.on("error", (err) => {
      done();
      reject(new Error(`could not start LibreOffice (${soffice}): ${err.message}`));
    });
    child.on("close", (code, signal) => {
      done();
      resolvePromise({ code, signal, stdout, stderr, timedOut });
    });
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Converts files with LibreOffice in ONE run (it takes seconds to start, then about half a second a
 * file), every formula recalculated first: to `.xlsx` (recalculated copies) or to `.pdf` (printed as
 * a printer would: every visible sheet in tab order, each with its page setup). Writes
 * `<name>.<format>` into `outDir`, which must differ from every input's folder, and returns the
 * output paths in input order. Throws {@link SofficeMissing} when LibreOffice is not installed and
 * {@link SofficeFailed} when it times out, fails or does not write every file (a stale output of an
 * earlier run is removed first, so it never passes for this run's).
 */
export async function convertWithSoffice(inputs: readonly string[], outDir: string, format: "xlsx" | "pdf", options: ConvertOptions = {}): Promise<string[]> {
  if (inputs.length === 0) return [];
  const env = options.env ?? process.env;
  const soffice = findSoffice(env);
  if (!soffice) throw new SofficeMissing(env.SOFFICE || undefined);
  const verb = format === "pdf" ? "export to PDF" : "recalculate";
  const absOut = resolve(outDir);
  const absInputs = inputs.map((p) => resolve(p));
  const outputs: string[] = [];
  const seen = new Map<string, string>();
  for (const input of absInputs) {
    if (!(await isFile(input))) throw new Error(`${verb}: input file not found: ${input}`);
    if (dirname(input) === absOut) {
      throw new Error(`${verb}: outDir (${absOut}) must differ from the input's directory, or LibreOffice would overwrite ${basename(input)}`);
    }
    const outName = `${basename(input, extname(input))}.${format}`;
    const previous = seen.get(outName);
    if (previous !== undefined) throw new Error(`${verb}: ${previous} and ${input} would both be written to ${join(absOut, outName)}`);
    seen.set(outName, input);
    outputs.push(join(absOut, outName));
  }
  await mkdir(absOut, { recursive: true });
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
    const timeoutMs = options.timeoutMs ?? SOFFICE_TIMEOUT_MS;
    const run = await runSoffice(soffice, args, timeoutMs, profile);
    const missing: string[] = [];
    for (const o of outputs) if (!(await isFile(o))) missing.push(o);
    if (run.timedOut || run.code !== 0 || missing.length > 0) {
      const [reason, detail]: [SofficeFailure, string] = run.timedOut
        ? ["timeout", String(Math.round(timeoutMs / 1000))]
        : run.code !== 0
          ? ["exit", String(run.code ?? run.signal ?? "?")]
          : ["noOutput", missing.map((m) => basename(m)).join(", ")];
      const why = reason === "timeout" ? `timed out after ${timeoutMs} ms` : reason === "exit" ? `exited with ${run.code ?? `signal ${run.signal ?? "?"}`}` : `produced no output for ${missing.join(", ")}`;
      const message =
        `LibreOffice ${format === "pdf" ? "PDF export" : "recalculation"} ${why}\n` +
        `command: ${soffice} ${args.join(" ")}\n` +
        `stdout: ${run.stdout.trim() || "(empty)"}\n` +
        `stderr: ${run.stderr.trim() || "(empty)"}`;
      throw new SofficeFailed(reason, detail, (run.stderr.trim() || run.stdout.trim()).slice(0, 2_000), message);
    }
    return outputs;
  } finally {
    await rm(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  }
}
