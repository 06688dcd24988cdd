// Runs one measurement in a fresh `node` process and collects what it reports.
//
// Memory is read two ways, both about the child alone:
//   - peak RSS: the kernel's high-water mark (`process.resourceUsage().maxRSS`), reported by the
//     child at the end — whole process, including Node itself and loaded modules;
//   - peak JS heap: from V8's --trace-gc log. The heap in use only grows between collections,
//     so its peak over a section is the largest "before" size of the collections in it, or the
//     size at its end. The child forces two GCs just before its timed section and one just after
//     ("testing" in the log): the section is what lies between the 2nd and the 3rd.
import { spawn } from "node:child_process";

const GC_LINE = /ms: (.+?) ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB, ([\d.]+) \/ ([\d.]+) ms/;

/** Parses --trace-gc output; returns the measured section's peak heap (MB), GC count and pause time. */
export function parseTraceGc(text) {
  const events = [];
  for (const line of text.split("\n")) {
    const m = GC_LINE.exec(line);
    if (!m) continue;
    events.push({ kind: m[1], before: Number(m[2]), after: Number(m[4]), pauseMs: Number(m[6]), forced: line.includes(" testing") });
  }
  const forced = events.map((e, i) => (e.forced ? i : -1)).filter((i) => i >= 0);
  if (forced.length < 3) return null;
  const section = events.slice(forced[1] + 1, forced[2] + 1); // the 3rd forced GC's "before" is the heap at the end
  const inRun = section.slice(0, -1);
  return {
    peakHeapMb: Math.max(...section.map((e) => e.before)),
    startHeapMb: events[forced[1]].after,
    gcCount: inRun.length,
    gcPauseMs: inRun.reduce((s, e) => s + e.pauseMs, 0),
    markCompacts: inRun.filter((e) => e.kind.startsWith("Mark-Compact")).length,
  };
}

/**
 * Spawns `node --expose-gc --trace-gc [nodeFlags] script args` with fd 3 as the result channel.
 * Resolves with the child's JSON result plus `gc` (see parseTraceGc); rejects when it fails.
 */
export function runChild(script, args = [], { nodeFlags = [], timeoutMs = 180_000, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--trace-gc", ...nodeFlags, script, ...args], {
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      cwd,
    });
    const out = [];
    const err = [];
    const res = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    child.stdio[3].on("data", (d) => res.push(d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString();
      if (code !== 0) return reject(new Error(`${script} ${args.join(" ")} exited with ${signal ?? code}\n${stderr}`));
      let result;
      try {
        result = JSON.parse(Buffer.concat(res).toString());
      } catch {
        return reject(new Error(`${script} sent no result on fd 3\n${stderr}`));
      }
      const gc = parseTraceGc(Buffer.concat(out).toString());
      if (!gc) return reject(new Error(`${script}: could not find the three forced GCs in the --trace-gc log`));
      resolve({ ...result, gc, stderr });
    });
  });
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
