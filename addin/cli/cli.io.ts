import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { InputIssue } from "../model/template.types.js";

/** Where the command line writes; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** The process's own streams. */
export const processIo: CliIo = {
  out: (t) => void process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
  err: (t) => void process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
};

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
    if (stat.isDirectory()) throw new BadInput([{ path: file, message: "is a folder, not a file", severity: "error" }]);
    return await fs.readFile(file);
  } catch (e) {
    if (e instanceof BadInput) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : String((e as Error).message);
    throw new BadInput([{ path: file, message, severity: "error" }]);
  }
}

/**
 * Writes a file all at once: to a temporary file beside it, then renamed over it, so a failure
 * at any point leaves the previous file exactly as it was.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "its folder does not exist" : code === "EACCES" ? "permission denied" : String((e as Error).message);
    throw new BadInput([{ path: file, message: `cannot be written: ${message}`, severity: "error" }]);
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
