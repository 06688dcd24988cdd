// Suite `upgrade` (issue 14, "Tests and figures"): `upgrade` and `check --repair` of 10,000 criteria
// within 3× the wall time and the peak RSS of `new` for the same template, through the real command line.
//
// Method
//   - Inputs made first, untimed, into a temporary folder (files.mjs): the 10,000-criterion template
//     (1.0.0) and its next version (1.1.0: a criterion inserted near the top, so 9,999 rows move; one
//     removed; one reworded); `new` then `fill` (5,000 ratings, 1,000 comments) make the workbook to
//     upgrade; a copy with 500 grid formulas deleted is what `check --repair` restores.
//   - Cases, each a fresh `node bin/qualigrid.js … --lang en` per run, timed from spawn to exit:
//       new            the template → a workbook (the reference);
//       upgrade        the filled workbook → 1.1.0;
//       check --repair the damaged workbook (500 formulas restored, -o);
//       check --repair (intact) the filled workbook: nothing to restore.
//   - Peak RSS: the kernel's high-water mark of the whole process, from `/usr/bin/time -f %M` (with its
//     CPU seconds), else from the hostile suite's wrapper.mjs (`process.resourceUsage().maxRSS`).
//   - Reported: median wall time, median CPU time (user + system), largest peak RSS; the ratios to `new`.
//     Target: each case ≤ 3× `new` in median wall time and in peak RSS. Wall time on a busy machine is
//     noisy: the CPU ratio is shown beside it, and the load average at the start.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { hasGnuTime, runCli, runsAsked } from "../../lib/cli.run.mjs";
import { median } from "../../lib/measure.mjs";
import { fmt, table } from "../../lib/table.mjs";
import { CRITERIA, damageFormulas, writeInputs } from "./files.mjs";

export const name = "upgrade";
export const description = "`upgrade` and `check --repair` of 10,000 criteria through the command line: ≤ 3× `new` in wall time and peak RSS";

const TARGET_RATIO = 3;
const DEFAULT_RUNS = 3;
const KILL_AFTER_MS = 120_000;

/** One run of the command line, measured from outside (`runCli`); a signal stands for the exit code. */
const runOnce = async (args, useTime, dir) => {
  const r = await runCli(args, { useTime, dir, killAfterMs: KILL_AFTER_MS });
  return { ...r, code: r.signal ?? r.code };
};


/** Runs the suite; returns { ok, text, json }. */
export async function run({ runs = 5, keep = false, log = console.log } = {}) {
  const n = runsAsked(runs, DEFAULT_RUNS);
  const tmp = mkdtempSync(join(tmpdir(), "qg-bench-upgrade-"));
  const load = loadavg()[0];
  try {
    const useTime = await hasGnuTime();
    const made = performance.now();
    const input = writeInputs(tmp);
    const fresh = join(tmp, "fresh.xlsx");
    const filled = join(tmp, "filled.xlsx");
    const damaged = join(tmp, "damaged.xlsx");
    const setup = async (args) => {
      const r = await runOnce(args, false, tmp);
      if (r.code !== 0) throw new Error(`qualigrid ${args.join(" ")} exited with ${r.code}: ${r.stderr}`);
    };
    await setup(["new", input.v1, "-o", fresh, "--lang", "en"]);
    await setup(["fill", fresh, "--answers", input.answers, "-o", filled, "--lang", "en"]);
    writeFileSync(damaged, damageFormulas(readFileSync(filled)));
    const madeMs = performance.now() - made;
    log(`[upgrade] inputs made in ${fmt.ms(madeMs)} ms`);

    const out = (f) => join(tmp, f);
    const cases = [
      { key: "new", label: "new", args: ["new", input.v1, "-o", out("new.xlsx"), "--overwrite", "--lang", "en"], expect: 0, says: /10000 criteria/ },
      { key: "upgrade", label: "upgrade", args: ["upgrade", filled, "--template", input.v2, "-o", out("up.xlsx"), "--overwrite", "--lang", "en"], expect: 0, says: /kept: 9998/ },
      { key: "repair", label: "check --repair", args: ["check", damaged, "--repair", "-o", out("rep.xlsx"), "--overwrite", "--lang", "en"], expect: 1, says: /500 formulas restored/ },
      { key: "intact", label: "check --repair (intact)", args: ["check", filled, "--repair", "-o", out("rep2.xlsx"), "--overwrite", "--lang", "en"], expect: 1, says: /no formula to restore/ },
    ];
    const results = [];
    for (const c of cases) {
      const rs = [];
      for (let i = 0; i < n; i++) {
        const r = await runOnce(c.args, useTime, tmp);
        rs.push(r);
        log(`[upgrade] ${c.key} run ${i + 1}/${n}: exit ${r.killed ? "killed" : r.code}, ${fmt.ms(r.wallMs)} ms, ${fmt.mb(r.rssMb)} MB`);
        if (r.killed) break;
      }
      const wrong = rs.find((r) => r.killed || r.code !== c.expect || !c.says.test(r.stdout));
      results.push({
        ...c,
        runs: rs.length,
        wallMs: median(rs.map((r) => r.wallMs)),
        cpuMs: median(rs.map((r) => r.cpuMs)),
        rssMb: Math.max(...rs.map((r) => r.rssMb)),
        wallMsAll: rs.map((r) => r.wallMs),
        wrong: wrong ? `exit ${wrong.killed ? "killed" : wrong.code} (want ${c.expect}): ${(wrong.stderr || wrong.stdout).split("\n").find((l) => l.trim()) ?? ""}` : null,
      });
    }

    const ref = results[0];
    for (const r of results) {
      r.ratio = { wall: r.wallMs / ref.wallMs, cpu: r.cpuMs / ref.cpuMs, rss: r.rssMb / ref.rssMb };
      r.misses = [];
      if (r.wrong) r.misses.push(r.wrong);
      if (r !== ref) {
        if (!(r.ratio.wall <= TARGET_RATIO)) r.misses.push(`wall time over ${TARGET_RATIO}× new`);
        if (!(r.ratio.rss <= TARGET_RATIO)) r.misses.push(`peak RSS over ${TARGET_RATIO}× new`);
      }
    }
    const ok = results.every((r) => r.misses.length === 0);

    const lines = [];
    const say = (s = "") => lines.push(s);
    say(`## upgrade — ${ok ? "PASS" : "FAIL"}`);
    say();
    say(`${CRITERIA.toLocaleString("en-US")} criteria in 20 dimensions; \`node bin/qualigrid.js … --lang en\`, a fresh process per run, ${n} run(s) per case (median wall and CPU time;`);
    say(`peak RSS: largest run, ${useTime ? "/usr/bin/time %M" : "process.resourceUsage().maxRSS at exit"}, whole process). Target: each case ≤ ${TARGET_RATIO}× \`new\` in wall time and in peak RSS.`);
    say(`Inputs (template, next version, filled and damaged workbooks) made in ${fmt.ms(madeMs)} ms; load average at the start ${load.toFixed(2)}.`);
    say();
    say(
      table(
        ["case", "wall ms", "× new", "CPU ms", "× new", "peak RSS MB", "× new", ""],
        results.map((r) => [
          r.label,
          fmt.ms(r.wallMs),
          fmt.ratio(r.ratio.wall),
          fmt.ms(r.cpuMs),
          fmt.ratio(r.ratio.cpu),
          fmt.mb(r.rssMb),
          fmt.ratio(r.ratio.rss),
          r.misses.length ? `MISS: ${r.misses.join("; ")}` : "ok",
        ]),
        { right: [1, 2, 3, 4, 5, 6] },
      ),
    );
    if (keep) say(`\nFiles kept in ${tmp}`);

    const json = {
      ok,
      criteria: CRITERIA,
      targetRatio: TARGET_RATIO,
      runsPerCase: n,
      peakRssFrom: useTime ? "/usr/bin/time" : "resourceUsage",
      loadAverageAtStart: load,
      cases: Object.fromEntries(
        results.map((r) => [r.key, { label: r.label, wallMsMedian: r.wallMs, wallMs: r.wallMsAll, cpuMsMedian: r.cpuMs, peakRssMb: r.rssMb, ratioToNew: r.ratio, misses: r.misses }]),
      ),
    };
    return { ok, text: lines.join("\n"), json };
  } finally {
    if (!keep) rmSync(tmp, { recursive: true, force: true });
  }
}
