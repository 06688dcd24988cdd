// Suite `aggregate` (issue 19, "Speed and memory"): `qualigrid aggregate` of 100, 1,000 and 5,000
// filled Engagement Qualité workbooks against bare single-threaded inflation of the same parts.
//
// Method
//   - Inputs made first, untimed (files.mjs): one workbook by the product, varied at the XML level
//     (organization, ratings) into N members, in batches so that the sizes share files.
//   - Parts: those the aggregate's scan inflates (`scanAssessment`'s `onParts` on one member).
//   - floor: `node inflate.mjs` — every file read and its parts inflated with fflate, one thread, nothing parsed.
//   - aggregate: `node bin/qualigrid.js aggregate <folders> -o out.xlsx --key bench --json`, every core
//     (worker threads), a fresh process per run; wall time from spawn to exit (both include Node's start).
//   - Peak RSS of the aggregate: the kernel's high-water mark of the whole process (`/usr/bin/time %M`,
//     worker threads included), else `process.resourceUsage().maxRSS`.
//   - Scores read: on a sample of members, what the aggregate reads (`memberOfBytes`) equals `score --json`.
//   Target: aggregate ≤ 3× floor in wall time from 1,000 workbooks on; peak RSS at the largest size
//   ≤ 1.5× that at the smallest (memory does not grow with the number of files).
//   QG_BENCH_AGGREGATE_SIZES=100,1000 picks other sizes (development).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { hasGnuTime, runCli, runsAsked } from "../../lib/cli.run.mjs";
import { median } from "../../lib/measure.mjs";
import { fmt, table } from "../../lib/table.mjs";
import { writeNetwork } from "./files.mjs";

export const name = "aggregate";
export const description = "`aggregate` of 100 / 1,000 / 5,000 workbooks on every core: ≤ 3× bare single-threaded inflate of the same parts; RSS not growing";

const TARGET_RATIO = 3;
const RSS_GROWTH = 1.5;
const SAMPLE = 5;
const KILL_AFTER_MS = 900_000;
const INFLATE = fileURLToPath(new URL("./inflate.mjs", import.meta.url));
const ROOT = new URL("../../../", import.meta.url);

function sizesAsked() {
  const text = process.env.QG_BENCH_AGGREGATE_SIZES ?? "100,1000,5000";
  const sizes = text.split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
  if (sizes.length === 0) throw new Error(`QG_BENCH_AGGREGATE_SIZES: no size in "${text}"`);
  return sizes;
}

/** The floor, in a fresh process: wall time from spawn to exit, and what it inflated. */
function runFloor(partsFile, folders) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [INFLATE, partsFile, ...folders], { stdio: ["ignore", "pipe", "inherit"] });
    const out = [];
    child.stdout.on("data", (d) => out.push(d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`inflate.mjs exited with ${code}`));
      resolve({ wallMs: performance.now() - started, ...JSON.parse(Buffer.concat(out).toString()) });
    });
  });
}

/** Whether the aggregate reads what `score --json` says, on a few members; the differences found. */
async function checkScores(folder, tmp) {
  const { memberOfBytes } = await import(new URL("dist/addin/cli/aggregate/aggregate.member.js", ROOT).href);
  const files = readdirSync(folder).sort().slice(0, SAMPLE).map((f) => join(folder, f));
  const diffs = [];
  for (const file of files) {
    const read = memberOfBytes(readFileSync(file), file);
    const r = await runCli(["score", file, "--json", "--lang", "en"], { useTime: false, dir: tmp, killAfterMs: 60_000 });
    if (!read.ok || r.code !== 0) {
      diffs.push(`${file}: ${read.ok ? r.stderr : read.issue.message}`);
      continue;
    }
    const s = JSON.parse(r.stdout);
    const same = (a, b) => (a === null && b === null) || Math.abs(a - b) < 1e-9;
    if (!same(read.scan.overall.score, s.overall.score) || !same(read.scan.overall.completion, s.overall.completion) || !same(read.scan.overall.coverage, s.overall.evidenceCoverage)) diffs.push(`${file}: overall`);
    for (const d of s.dimensions) {
      const m = read.scan.dimensions.find((x) => x.id === d.id);
      if (!m || !same(m.score, d.score) || !same(m.completion, d.completion) || !same(m.coverage, d.evidenceCoverage)) diffs.push(`${file}: dimension ${d.id}`);
    }
  }
  return { checked: files.length, diffs };
}

/** Runs the suite; returns { ok, text, json }. */
export async function run({ runs = 5, keep = false, log = console.log } = {}) {
  const n = runsAsked(runs, 1);
  const sizes = sizesAsked();
  const tmp = mkdtempSync(join(tmpdir(), "qg-bench-aggregate-"));
  const load = loadavg()[0];
  try {
    const useTime = await hasGnuTime();
    const made = performance.now();
    const counts = sizes.map((s, i) => s - (sizes[i - 1] ?? 0));
    const batches = await writeNetwork(join(tmp, "network"), counts);
    const madeMs = performance.now() - made;
    log(`[aggregate] ${sizes.at(-1)} workbooks made in ${fmt.ms(madeMs)} ms`);

    const { scanAssessment } = await import(new URL("dist/addin/xlsx/xlsx.scan.js", ROOT).href);
    const first = join(batches[0], readdirSync(batches[0]).sort()[0]);
    let parts = [];
    const scanned = scanAssessment(readFileSync(first), first, undefined, (p) => (parts = [...p]));
    if (!scanned.ok) throw new Error(`the first member cannot be read: ${scanned.issues[0]?.message}`);
    const partsFile = join(tmp, "parts.json");
    writeFileSync(partsFile, JSON.stringify(parts));
    const scores = await checkScores(batches[0], tmp);

    const results = [];
    for (const [i, size] of sizes.entries()) {
      const folders = batches.slice(0, i + 1);
      const floors = [];
      const aggs = [];
      for (let k = 0; k < n; k++) {
        floors.push(await runFloor(partsFile, folders));
        const r = await runCli(["aggregate", ...folders, "-o", join(tmp, "reseau.xlsx"), "--key", "bench", "--json", "--lang", "en"], { useTime, dir: tmp, killAfterMs: KILL_AFTER_MS });
        aggs.push(r);
        log(`[aggregate] ${size}: floor ${fmt.ms(floors.at(-1).wallMs)} ms, aggregate ${fmt.ms(r.wallMs)} ms, exit ${r.killed ? "killed" : r.code}, ${fmt.mb(r.rssMb)} MB`);
      }
      const wrong = aggs.find((r) => r.killed || r.code !== 0);
      let members = null;
      try {
        members = JSON.parse(aggs.at(-1).stdout).members.length;
      } catch {
        // Reported below as a miss.
      }
      const floorMs = median(floors.map((f) => f.wallMs));
      const wallMs = median(aggs.map((r) => r.wallMs));
      results.push({
        size,
        floorMs,
        inflatedMb: floors[0].bytes / 2 ** 20,
        wallMs,
        cpuMs: median(aggs.map((r) => r.cpuMs)),
        rssMb: Math.max(...aggs.map((r) => r.rssMb)),
        ratio: wallMs / floorMs,
        perFileMs: wallMs / size,
        members,
        wrong: wrong ? `exit ${wrong.killed ? "killed" : wrong.code}: ${wrong.stderr.split("\n").find((l) => l.trim()) ?? ""}` : members !== size ? `${members} members, want ${size}` : null,
      });
    }
    const smallest = results[0];
    const largest = results.at(-1);
    const rssGrowth = largest.rssMb / smallest.rssMb;
    for (const r of results) {
      r.misses = [];
      if (r.wrong) r.misses.push(r.wrong);
      if (r.size >= 1000 && !(r.ratio <= TARGET_RATIO)) r.misses.push(`wall time over ${TARGET_RATIO}× the floor`);
    }
    const rssOk = results.length < 2 || rssGrowth <= RSS_GROWTH;
    const ok = results.every((r) => r.misses.length === 0) && rssOk && scores.diffs.length === 0;

    const lines = [];
    const say = (s = "") => lines.push(s);
    say(`## aggregate — ${ok ? "PASS" : "FAIL"}`);
    say();
    say(`Filled Engagement Qualité workbooks (41 criteria, 10 evidence items), ${availableParallelism()} core(s); ${n} run(s) per size, fresh processes, median wall time.`);
    say(`floor: bare single-threaded inflate (fflate) of the ${parts.length} parts the aggregate reads, from the same files; aggregate: \`qualigrid aggregate … --json\` on every core.`);
    say(`Target: aggregate ≤ ${TARGET_RATIO}× floor from 1,000 workbooks on; peak RSS at ${largest.size} ≤ ${RSS_GROWTH}× that at ${smallest.size}. Load average at the start ${load.toFixed(2)}.`);
    say();
    say(
      table(
        ["workbooks", "floor ms", "aggregate ms", "× floor", "ms / workbook", "CPU ms", "peak RSS MB", ""],
        results.map((r) => [String(r.size), fmt.ms(r.floorMs), fmt.ms(r.wallMs), fmt.ratio(r.ratio), r.perFileMs.toFixed(2), fmt.ms(r.cpuMs), fmt.mb(r.rssMb), r.misses.length ? `MISS: ${r.misses.join("; ")}` : "ok"]),
        { right: [0, 1, 2, 3, 4, 5, 6] },
      ),
    );
    say();
    say(`Peak RSS ${fmt.mb(largest.rssMb)} MB at ${largest.size} vs ${fmt.mb(smallest.rssMb)} MB at ${smallest.size}: ×${rssGrowth.toFixed(2)} ${rssOk ? "(bounded)" : "MISS: grows with the number of files"}.`);
    say(`Scores read equal \`score --json\` on ${scores.checked} member(s): ${scores.diffs.length === 0 ? "yes" : `NO — ${scores.diffs.join("; ")}`}.`);
    say(`Inputs made in ${fmt.ms(madeMs)} ms.${keep ? ` Files kept in ${tmp}` : ""}`);

    const json = {
      ok,
      targetRatio: TARGET_RATIO,
      cores: availableParallelism(),
      runsPerSize: n,
      parts,
      loadAverageAtStart: load,
      scoresEqual: { checked: scores.checked, diffs: scores.diffs },
      rssGrowth,
      sizes: Object.fromEntries(results.map((r) => [r.size, { floorMs: r.floorMs, wallMs: r.wallMs, ratio: r.ratio, cpuMs: r.cpuMs, peakRssMb: r.rssMb, inflatedMb: r.inflatedMb, misses: r.misses }])),
    };
    return { ok, text: lines.join("\n"), json };
  } finally {
    if (!keep) rmSync(tmp, { recursive: true, force: true });
  }
}
