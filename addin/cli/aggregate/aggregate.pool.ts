import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { readMember, type MemberRead } from "./aggregate.member.js";

/** The worker's compiled script (absent when the sources run untranspiled, as in unit tests: then files are read in this thread). */
const WORKER = fileURLToPath(new URL("./aggregate.worker.js", import.meta.url));

/**
 * A worker's heap: a member workbook needs a few MB, so a small young generation keeps collections
 * frequent and the process's memory flat however many files are read; the old generation leaves room
 * for the largest workbook the guard accepts (one beyond it dies alone, its file left out as unreadable).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 512 };

/** Files sent to a worker ahead of the one it reads, so that it never waits for the next one. */
const AHEAD = 2;

/**
 * Reads every file, using the machine's cores (one worker thread per core, `os.availableParallelism`),
 * and calls `done` as each finishes, in the order they finish. Resolves with the reads in the
 * order of `files`. A worker that dies (a defect, memory) leaves the file it was reading out as
 * unreadable, and the run goes on with a new worker (the files sent ahead to it go to the others).
 */
export async function readMembers(files: readonly string[], done: (read: MemberRead, index: number) => void, threads = os.availableParallelism()): Promise<MemberRead[]> {
  const results: MemberRead[] = new Array<MemberRead>(files.length);
  const count = Math.max(1, Math.min(threads, files.length));
  if (!existsSync(WORKER) || files.length === 0) {
    for (let i = 0; i < files.length; i++) {
      results[i] = readMember(files[i] as string);
      done(results[i] as MemberRead, i);
    }
    return results;
  }
  const interned = new Map<string, unknown>();
  let next = 0;
  // Files sent ahead to a worker that died before reading them.
  const again: number[] = [];
  const left = (): boolean => next < files.length || again.length > 0;
  await new Promise<void>((resolve) => {
    let running = 0;
    const start = (): void => {
      running++;
      const worker = new Worker(WORKER, { resourceLimits: WORKER_LIMITS });
      // What this worker was sent and has not answered, in the order it reads them.
      const sent: number[] = [];
      const feed = (): void => {
        while (sent.length < AHEAD && left()) {
          const id = again.pop() ?? next++;
          sent.push(id);
          worker.postMessage({ id, file: files[id] });
        }
        if (sent.length === 0) void worker.terminate();
      };
      worker.on("message", (m: { id: number; read: MemberRead }) => {
        results[m.id] = shared(m.read, interned);
        done(m.read, m.id);
        const at = sent.indexOf(m.id);
        if (at >= 0) sent.splice(at, 1);
        feed();
      });
      const lost = (detail: string): void => {
        const current = sent.shift();
        if (current === undefined) return;
        const file = files[current] as string;
        const read: MemberRead = { ok: false, file, issue: { path: file, message: detail, severity: "error", code: "file.unopenable", params: { detail } } };
        results[current] = read;
        done(read, current);
        again.push(...sent.splice(0));
      };
      worker.on("error", (e) => lost(e.message));
      worker.on("exit", (exitCode) => {
        lost(`the worker reading it stopped (${exitCode})`);
        running--;
        // A worker that died with files left is replaced, so the run still finishes.
        if (left()) start();
        else if (running === 0) resolve();
      });
      feed();
    };
    for (let i = 0; i < count; i++) start();
  });
  return results;
}

const SHARED_LIMIT = 50_000;

/**
 * A read as it came from a worker, its criteria's and dimensions' ids and scales made the ones
 * already met (`seen`): a worker's answer is a copy, and thousands of members would otherwise each
 * hold their own copy of the same few hundred strings and arrays.
 */
function shared(read: MemberRead, seen: Map<string, unknown>): MemberRead {
  // Inputs with ids of their own each (hostile ones) are left as they came: the table stays small.
  if (!read.ok || seen.size > SHARED_LIMIT) return read;
  const one = <T>(key: string, value: T): T => (seen.get(key) as T | undefined) ?? (seen.set(key, value), value);
  for (const c of read.scan.criteria) {
    c.id = one(`c${c.id}`, c.id);
    c.dimensionId = one(`d${c.dimensionId}`, c.dimensionId);
    c.levels = one(`l${c.levels.join(",")}`, c.levels);
  }
  for (const d of read.scan.dimensions) d.id = one(`d${d.id}`, d.id);
  return read;
}
