import { randomBytes } from "node:crypto";
import {
  closeSync,
  fchmodSync,
  fchownSync,
  promises as fs,
  fsyncSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from "node:fs";
import path from "node:path";
import type { CliMessageCode } from "../model/messages/messages.cli.js";
import type { MessageParams } from "../model/messages/message.types.js";
import type { InputIssue } from "../model/template.types.js";
import { cliIssue, printWarnings } from "./cli.print.js";

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

/**
 * Exit codes: 0 clean, 1 problems found (check), 2 unusable input or usage, 4 a program the command
 * needs is missing (LibreOffice for a PDF: « install it », neither the user's input nor a defect, 3).
 */
export const EXIT = { ok: 0, findings: 1, badInput: 2, missingTool: 4 } as const;

/** An input the command cannot use; carries its issues to print. */
export class BadInput extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
    this.name = "BadInput";
  }
}

/** What a file was when a command read it: a change by someone else before the write shows here. */
interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** The files this process read, by real path, with their stamp when read (see `writeFileAtomic`). */
const readStamps = new Map<string, FileStamp>();

/** A file's real path (through symlinks); the path itself when it does not exist (yet). */
function realPathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** Reads a file the user named; a missing or unreadable file becomes a BadInput naming it. */
export async function readInputFile(file: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new BadInput([cliIssue("cli.file.isFolder", file)]);
    const handle = await fs.open(file, "r");
    try {
      // Stamped from the open handle, so the stamp is that of the bytes read.
      const before = await handle.stat();
      const bytes = await handle.readFile();
      readStamps.set(realPathOf(file), { size: before.size, mtimeMs: before.mtimeMs, ino: before.ino });
      return bytes;
    } finally {
      await handle.close();
    }
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
 * The file operations `writeFileAtomic` uses, replaceable by tests (fault injection: a write that
 * fails half-way as on a full disk) and `beforeRename`, called once the temporary file is complete
 * (a test changes the target there, as another program would while the command worked).
 */
export const writeSeam: { writeSync: typeof writeSync; beforeRename?: (file: string) => void } = { writeSync };

/** Temporary files being written, removed by the Ctrl-C handler before the process ends. */
const pendingTemps = new Set<string>();

/** Removes the temporary files a write in progress left (called on Ctrl-C, before the process ends). */
export function removePendingTemps(): void {
  for (const tmp of pendingTemps) rmSync(tmp, { force: true });
  pendingTemps.clear();
}

/** The temporary file names `writeFileAtomic` gives beside `base`: `.<base>.<12 hex>.tmp`. */
function tempPattern(base: string): RegExp {
  return new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.[0-9a-f]{12}\\.tmp$`);
}

/**
 * Writes a file all at once: to a temporary file beside it, flushed to disk, then renamed over it,
 * so a failure at any point (a full disk, a kill) leaves the previous file exactly as it was. The file
 * stays what it was: its mode (and owner, where the process may set it); through a symlink, the link's
 * target is written and the link kept. A file with other hard links is named in a warning (the rename
 * breaks them), as is a stale temporary file of an earlier run killed while writing. A file this
 * process read and someone else changed since is refused, nothing written. The steps are synchronous:
 * Ctrl-C is handled between event-loop turns, so it never falls between them.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, io?: CliIo): Promise<void> {
  const real = realPathOf(file);
  const dir = path.dirname(real);
  const base = path.basename(real);
  const warn = (code: CliMessageCode, at: string, params: MessageParams = {}): void => {
    if (io) printWarnings(io, [cliIssue(code, at, params)]);
  };
  let stale: string[] = [];
  try {
    stale = readdirSync(dir).filter((n) => tempPattern(base).test(n));
  } catch {
    // A folder that cannot be listed: the write below says why.
  }
  for (const name of stale) warn("cli.write.staleTemp", path.join(dir, name), { file });
  let before: Stats | null = null;
  try {
    before = statSync(real);
  } catch {
    // A new file: default mode and owner.
  }
  if (before && before.nlink > 1) warn("cli.write.hardLinks", file, { count: before.nlink - 1 });
  const tmp = path.join(dir, `.${base}.${randomBytes(6).toString("hex")}.tmp`);
  let fd: number | null = null;
  try {
    pendingTemps.add(tmp);
    fd = openSync(tmp, "wx", before ? before.mode & 0o7777 : 0o666);
    if (before) {
      // Set on the handle, past the umask, so a 0600 workbook never becomes readable by others.
      fchmodSync(fd, before.mode & 0o7777);
      try {
        fchownSync(fd, before.uid, before.gid);
      } catch {
        // Only the owner's own uid/gid may be set by an unprivileged process: the file is then theirs.
      }
    }
    for (let at = 0; at < bytes.length; ) at += writeSeam.writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    writeSeam.beforeRename?.(real);
    if (changedSinceRead(real)) throw new BadInput([cliIssue("cli.write.changed", file)]);
    renameSync(tmp, real);
    pendingTemps.delete(tmp);
    readStamps.delete(real);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    rmSync(tmp, { force: true });
    pendingTemps.delete(tmp);
    if (e instanceof BadInput) throw e;
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

/** Whether a file this process read has changed (or gone) since: its size, time or inode differ. */
function changedSinceRead(real: string): boolean {
  const read = readStamps.get(real);
  if (!read) return false;
  try {
    const now = statSync(real);
    return now.size !== read.size || now.mtimeMs !== read.mtimeMs || now.ino !== read.ino;
  } catch {
    return true;
  }
}

/**
 * Where a command that may write `-o` writes: `output`, else `input` in place. An output must be an
 * `.xlsx`, and an existing file other than the input is replaced only with `--overwrite`; both are
 * refused, naming it, before anything is read or written.
 */
export async function outputTarget(input: string, output: string | undefined, overwrite: boolean | undefined): Promise<string> {
  if (output === undefined) return input;
  if (path.extname(output).toLowerCase() !== ".xlsx") throw new BadInput([cliIssue("cli.output.notXlsx", output)]);
  if (!overwrite && (await exists(output)) && realPathOf(output) !== realPathOf(input)) {
    throw new BadInput([cliIssue("cli.output.existsOverwrite", output)]);
  }
  return output;
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
