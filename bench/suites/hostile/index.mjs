// Suite `hostile` (issue 14, "Tests and figures"): hostile workbooks through the real command line,
// `node bin/qualigrid.js score <file> --lang en`, each answered within 300 MB and 5 s.
//
// Method
//   - The files are made first (hostile-files.mjs) into a temporary folder, from the 1,000-criterion
//     workbook of xlsx-generation's synthetic template; the honest workbook is the reference.
//   - Every run is a fresh process, timed from spawn to exit by this process (wall time). Its peak RSS is
//     the kernel's high-water mark of the whole process: `/usr/bin/time -f %M` when present, else
//     wrapper.mjs, which runs the command line in-process and reports `process.resourceUsage().maxRSS`
//     at exit (a process killed by V8 or by the timeout reports none).
//   - A run still going after 20 s is killed (its process group): the case has missed, and it is not run again.
//   - Reported per case: exit code (against the one a sound reader gives: 0 read, 2 refused), the first
//     line of stderr (the refusal) or of what `score` read, median wall time, peak RSS (largest run).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasGnuTime, runCli, runsAsked } from "../../lib/cli.run.mjs";
import { median } from "../../lib/measure.mjs";
import { fmt, table } from "../../lib/table.mjs";
import { CASES, writeHostileFiles } from "./hostile-files.mjs";

export const name = "hostile";
export const description = "hostile workbooks (lying zip sizes, million-row table refs, garbage refs, no `r`, huge merges, validations and names, wide rows, deep XML, a big foreign workbook) through `qualigrid score`: ≤ 300 MB, ≤ 5 s each";

const TARGET = { rssMb: 300, wallMs: 5_000 };
const KILL_AFTER_MS = 20_000;
const DEFAULT_RUNS = 3;

/** One run of `score` on `file`, measured from outside (`runCli`). */
const runOnce = (file, useTime, dir) => runCli(["score", file, "--lang", "en"], { useTime, dir, killAfterMs: KILL_AFTER_MS });


const firstLine = (s) => s.split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
const readLine = (stdout) => firstLine(stdout.split("\n").filter((l) => /\bout of \d+/.test(l)).join("\n"));

/** Runs the suite; returns { ok, text, json }. */
export async function run({ runs = 5, keep = false, log = console.log } = {}) {
  const n = runsAsked(runs, DEFAULT_RUNS);
  const tmp = mkdtempSync(join(tmpdir(), "qg-bench-hostile-"));
  try {
    const made = performance.now();
    const files = await writeHostileFiles(tmp, log);
    const madeMs = performance.now() - made;
    const useTime = await hasGnuTime();
    const results = [];
    for (const c of CASES) {
      const rs = [];
      for (let i = 0; i < n; i++) {
        const r = await runOnce(files[c.key].file, useTime, tmp);
        rs.push(r);
        log(`[hostile] ${c.key} run ${i + 1}/${n}: exit ${r.killed ? "killed" : (r.signal ?? r.code)}, ${fmt.ms(r.wallMs)} ms, ${fmt.mb(r.rssMb)} MB`);
        if (r.killed) break;
      }
      const last = rs[rs.length - 1];
      const wallMs = median(rs.map((r) => r.wallMs));
      const rssMb = Math.max(...rs.map((r) => r.rssMb));
      const exits = [...new Set(rs.map((r) => (r.killed ? "killed" : (r.signal ?? r.code))))];
      const answer = (last.killed ? `killed after ${KILL_AFTER_MS / 1000} s` : firstLine(last.stderr) || `(read) ${readLine(last.stdout)}`).replaceAll(tmp, "…");
      results.push({ ...c, label: files[c.key].label, runs: rs.length, exits, wallMs, wallMsAll: rs.map((r) => r.wallMs), rssMb, answer });
    }

    const reference = results.find((r) => r.key === "honest");
    const verdict = (r) => {
      const misses = [];
      if (r.exits.length !== 1 || r.exits[0] !== r.expect) misses.push(`exit ${r.exits.join("/")}, expected ${r.expect}`);
      if (r.key !== "honest") {
        if (!(r.rssMb <= TARGET.rssMb)) misses.push(`peak RSS over ${TARGET.rssMb} MB`);
        if (!(r.wallMs <= TARGET.wallMs)) misses.push(`over ${fmt.ms(TARGET.wallMs)} ms`);
        // A workbook read despite its hostility must be read as the honest one is.
        if (r.expect === 0 && r.answer !== reference.answer) misses.push("not read as the honest workbook");
      }
      return misses;
    };
    for (const r of results) r.misses = verdict(r);
    const ok = results.every((r) => r.misses.length === 0);
    const worst = results.filter((r) => r.key !== "honest").reduce((a, b) => (b.rssMb > a.rssMb || !Number.isFinite(b.rssMb) ? b : a));
    const slowest = results.filter((r) => r.key !== "honest").reduce((a, b) => (b.wallMs > a.wallMs ? b : a));

    const lines = [];
    const say = (s = "") => lines.push(s);
    say(`## hostile — ${ok ? "PASS" : "FAIL"}`);
    say();
    say(`\`node bin/qualigrid.js score <file> --lang en\`, a fresh process per run, ${n} run(s) per case (median wall time; peak RSS: largest run,`);
    say(`${useTime ? "/usr/bin/time %M" : "process.resourceUsage().maxRSS at exit (wrapper.mjs)"}, whole process). Target per hostile case: ≤ ${TARGET.rssMb} MB and ≤ ${fmt.ms(TARGET.wallMs)} ms.`);
    say(`Files made from the 1,000-criterion synthetic workbook in ${fmt.ms(madeMs)} ms.`);
    say();
    say(
      table(
        ["case", "exit", "wall ms", "peak RSS MB", "answer (first line of stderr, or what was read)", ""],
        results.map((r) => [r.label, `${r.exits.join("/")}${r.exits.length === 1 && r.exits[0] === r.expect ? "" : ` (want ${r.expect})`}`, fmt.ms(r.wallMs), fmt.mb(r.rssMb), r.answer.slice(0, 140), r.misses.length ? `MISS: ${r.misses.join("; ")}` : "ok"]),
        { right: [2, 3] },
      ),
    );
    say();
    say(`Worst hostile case: ${fmt.mb(worst.rssMb)} MB (${worst.key}), ${fmt.ms(slowest.wallMs)} ms (${slowest.key}); the honest workbook: ${fmt.mb(reference.rssMb)} MB, ${fmt.ms(reference.wallMs)} ms.`);
    if (keep) say(`\nFiles kept in ${tmp}`);

    const json = {
      ok,
      target: TARGET,
      runsPerCase: n,
      peakRssFrom: useTime ? "/usr/bin/time" : "resourceUsage",
      worst: { rssMb: worst.rssMb, rssCase: worst.key, wallMs: slowest.wallMs, wallCase: slowest.key },
      cases: Object.fromEntries(
        results.map((r) => [r.key, { label: r.label, expectedExit: r.expect, exits: r.exits, wallMsMedian: r.wallMs, wallMs: r.wallMsAll, peakRssMb: r.rssMb, answer: r.answer, misses: r.misses }]),
      ),
    };
    return { ok, text: lines.join("\n"), json };
  } finally {
    if (!keep) rmSync(tmp, { recursive: true, force: true });
  }
}
