import { randomBytes } from "node:crypto";
import { promises as fs, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { InputIssue } from "../model/template.types.js";
import { cliIssue } from "./cli.print.js";

/** Where the command line writes; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Standard streams whose reader has gone (`qualigrid show … | head`): nothing more is written there. */
const gone = { out: false, err: false };

/** The process's own streams. */
export const processIo: CliIo = {
  out: (t) => void (gone.out || process.stdout.write(t.endsWith("\n") ? t : `${t}\n`)),
  err: (t) => void (gone.err || process.stderr.write(t.endsWith("\n") ? t : `${t}\n`)),
};

/**
 * Lets a command finish quietly when the reader of its output goes away (`| head`): the write that
 * meets a closed pipe (EPIPE) marks the stream gone instead of ending in an uncaught stack trace,
 * and the command runs on (so a file it is writing is still written) without printing there.
 */
export function quietOnClosedStreams(): void {
  const quiet = (which: keyof typeof gone) => (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE" && e.code !== "ECONNRESET" && e.code !== "ERR_STREAM_DESTROYED") throw e;
    gone[which] = true;
  };
  process.stdout.on("error", quiet("out"));
  process.stderr.on("error", quiet("err"));
}

/** Exit codes: 0 clean, 1 problems found (check), 2 unusable input or usage. */
export const EXIT = { ok: 0, findings: 1, badInput: 2 } as const;

/** An input the command cannot use; carries its issues to print. */
export class BadInput extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
    this.name = "BadInput";
  }
}

/** Reads a file the user named; a missing or unreadable file becomes a BadInput naming it. */
export async function readInputFile(file: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new BadInput([cliIssue("cli.file.isFolder", file)]);
    return await fs.readFile(file);
  } catch (e) {
    if (e instanceof BadInput) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new BadInput([
      code === "ENOENT"
        ? cliIssue("cli.file.missing", file)
        : code === "EACCES"
          ? cliIssue("cli.file.denied", file)
          : cliIssue("cli.file.unreadable", file, { detail: String((e as Error).message) }),
    ]);
  }
}

/**
 * Writes a file all at once: to a temporary file beside it, then renamed over it, so a failure
 * at any point leaves the previous file exactly as it was. Both steps are synchronous: Ctrl-C is
 * handled between event-loop turns, so it can never fall between them and leave the temporary file.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new BadInput([
      code === "ENOENT"
        ? cliIssue("cli.file.noFolder", file)
        : code === "EACCES"
          ? cliIssue("cli.file.writeDenied", file)
          : cliIssue("cli.file.unwritable", file, { detail: String((e as Error).message) }),
    ]);
  }
}

/** Whether a path exists. */
export async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
