// Helpers for a measured child process (see measure.mjs for the parent side).
import { writeSync } from "node:fs";

/** A full, forced GC. Children run with --expose-gc; each call also marks the --trace-gc log. */
export function forceGc() {
  if (typeof globalThis.gc !== "function") throw new Error("run this child with node --expose-gc (bench/run.mjs does)");
  globalThis.gc();
}

/** Sends the run's result to the parent on fd 3 (stdout is reserved for --trace-gc lines). */
export function reportToParent(result) {
  const line = `${JSON.stringify(result)}\n`;
  try {
    writeSync(3, line);
  } catch {
    // Run by hand, without the parent's fd 3.
    process.stderr.write(line);
  }
}
