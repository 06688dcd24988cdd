// Suite `xlsx-generation` (issue 2, item 9): generating the workbook of a synthetic template of
// 1,000 criteria in 20 dimensions with 10,000 evidence rows, through the plan
// (buildPlan → renderPlanToBuffer) and through the FLOOR (the same cells written with exceljs
// directly, floor.mjs). Target: the plan path takes at most 1.5× the floor's time and memory.
//
// Method
//   - Every run is a fresh `node` process (child.mjs), so memory figures belong to one case.
//   - The input (template JSON validated by parseTemplate, evidence rows) is made before the
//     timed section, identically in both cases; modules are loaded before it too.
//   - Timed: plan = buildPlan + evidence rows put in the plan (with their row heights) +
//     renderPlanToBuffer; floor = hand-written exceljs calls + writeBuffer. Both end with the
//     .xlsx bytes in memory (no disk).
//   - Peak RSS = the child's kernel high-water mark (whole process); peak heap = largest JS heap
//     in use during the timed section, from --trace-gc (see bench/lib/measure.mjs).
//   - A warm-up run of each case writes its file; the two files must hold identical parts
//     (XML compared byte for byte, creation time blanked) or the suite fails.
//   - Runs alternate plan/floor, then floor/plan, …; medians are reported.
//   - The floor writes neither the report sheets (« Rapport », « Rapport de visite ») nor the
//     dashboard's native chart: the plan case leaves them out (`report: false`, no charts) so that the
//     comparison is of the same cells. A third case, full, is what `qualigrid new` writes (the report
//     sheets and the chart): its cost over the plan case is the second figure (no target).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, runChild } from "../../lib/measure.mjs";
import { compareXlsx } from "../../lib/xlsx-parts.mjs";
import { summarizeProfile } from "../../lib/cpuprofile.mjs";
import { fmt, table } from "../../lib/table.mjs";
import { SIZES } from "./synthetic.mjs";

export const name = "xlsx-generation";
export const description = "workbook generation, plan path vs hand-written exceljs floor (1,000 criteria, 20 dimensions, 10,000 evidence rows)";
const TARGET = 1.5;

const CHILD = fileURLToPath(new URL("./child.mjs", import.meta.url));
const DIST = fileURLToPath(new URL("../../../dist/addin/plan/plan.build.js", import.meta.url));

function stats(runs, pick) {
  const v = runs.map(pick);
  return { median: median(v), min: Math.min(...v), max: Math.max(...v), values: v };
}

function summarize(runs) {
  const phaseNames = runs[0].phases.map((p) => p.name);
  return {
    runs: runs.length,
    wallMs: stats(runs, (r) => r.wallMs),
    cpuMs: stats(runs, (r) => r.cpuMs),
    peakRssMb: stats(runs, (r) => r.maxRssMb),
    peakHeapMb: stats(runs, (r) => r.gc.peakHeapMb),
    baselineRssMb: stats(runs, (r) => r.baseline.rssMb),
    baselineHeapMb: stats(runs, (r) => r.gc.startHeapMb),
    gcPauseMs: stats(runs, (r) => r.gc.gcPauseMs),
    gcCount: stats(runs, (r) => r.gc.gcCount),
    phasesMs: Object.fromEntries(phaseNames.map((n) => [n, median(runs.map((r) => r.phases.find((p) => p.name === n)?.ms ?? NaN))])),
    bytes: runs[0].bytes,
  };
}

/**
 * Runs the suite. `runs` per case (median); `cpuProf` adds one profiled run per case and prints
 * where their samples fall. `log` prints a line. Returns { ok, text, json }.
 */
export async function run({ runs = 5, cpuProf = false, keep = false, log = console.log }) {
  if (!existsSync(DIST)) throw new Error("dist/ is missing: run `tsc -p tsconfig.build.json` first (npm run bench does)");
  const tmp = mkdtempSync(join(tmpdir(), "qualigrid-bench-xlsx-"));
  const lines = [];
  const say = (s = "") => lines.push(s);
  try {
    // 1. Warm-up runs that also write the files, and the check that both wrote the same workbook.
    log(`[${name}] warm-up runs and same-cells check…`);
    const files = { plan: join(tmp, "plan.xlsx"), floor: join(tmp, "floor.xlsx"), full: join(tmp, "full.xlsx") };
    await runChild(CHILD, ["--case", "plan", "--out", files.plan]);
    await runChild(CHILD, ["--case", "floor", "--out", files.floor]);
    await runChild(CHILD, ["--case", "full", "--out", files.full]);
    const same = compareXlsx(readFileSync(files.plan), readFileSync(files.floor));
    // What the full workbook adds (or changes) over the plan case: the report sheets, the chart's parts.
    const fullDiff = compareXlsx(readFileSync(files.full), readFileSync(files.plan));

    // 2. Timed runs, alternating which case goes first.
    const results = { plan: [], floor: [], full: [] };
    for (let i = 0; i < runs; i++) {
      for (const c of i % 2 === 0 ? ["plan", "floor", "full"] : ["full", "floor", "plan"]) {
        const r = await runChild(CHILD, ["--case", c]);
        results[c].push(r);
        log(`[${name}] run ${i + 1}/${runs} ${c.padEnd(5)} ${fmt.ms(r.wallMs).padStart(6)} ms  RSS ${fmt.mb(r.maxRssMb)} MB  heap ${fmt.mb(r.gc.peakHeapMb)} MB`);
      }
    }

    // 3. Phase split of the plan path: renderPlanToWorkbook and writeBuffer timed apart.
    const splitRuns = [];
    // The full case too: its « charts » phase adds the chart parts to the package (exceljs cannot write them).
    const fullSplitRuns = [];
    for (let i = 0; i < Math.max(1, Math.ceil(runs / 2)); i++) {
      splitRuns.push(await runChild(CHILD, ["--case", "plan", "--split"]));
      fullSplitRuns.push(await runChild(CHILD, ["--case", "full", "--split"]));
    }
    log(`[${name}] phase runs done`);

    // 4. Optional CPU profiles.
    const profiles = {};
    if (cpuProf) {
      for (const c of ["plan", "floor"]) {
        const dir = join(tmp, `prof-${c}`);
        const r = await runChild(CHILD, ["--case", c, ...(c === "plan" ? ["--split"] : [])], { nodeFlags: ["--cpu-prof", `--cpu-prof-dir=${dir}`] });
        const file = readdirFirst(dir);
        profiles[c] = { file: keep ? file : undefined, ...summarizeProfile(file, { fromUs: r.sectionUs[0], toUs: r.sectionUs[1] }) };
      }
    }

    const plan = summarize(results.plan);
    const floor = summarize(results.floor);
    const split = summarize(splitRuns);
    const full = summarize(results.full);
    const fullSplit = summarize(fullSplitRuns);
    // The second figure: the full workbook against the same plan without the report sheets and the chart.
    const fullRatio = {
      wall: full.wallMs.median / plan.wallMs.median,
      peakRss: full.peakRssMb.median / plan.peakRssMb.median,
      peakHeap: full.peakHeapMb.median / plan.peakHeapMb.median,
      cpu: full.cpuMs.median / plan.cpuMs.median,
    };
    const ratio = {
      wall: plan.wallMs.median / floor.wallMs.median,
      peakRss: plan.peakRssMb.median / floor.peakRssMb.median,
      peakHeap: plan.peakHeapMb.median / floor.peakHeapMb.median,
      cpu: plan.cpuMs.median / floor.cpuMs.median,
      rssAboveBaseline: (plan.peakRssMb.median - plan.baselineRssMb.median) / (floor.peakRssMb.median - floor.baselineRssMb.median),
      heapAboveBaseline: (plan.peakHeapMb.median - plan.baselineHeapMb.median) / (floor.peakHeapMb.median - floor.baselineHeapMb.median),
    };
    const pass = { wall: ratio.wall <= TARGET, peakRss: ratio.peakRss <= TARGET, peakHeap: ratio.peakHeap <= TARGET };
    const targetMet = pass.wall && pass.peakRss && pass.peakHeap;
    const ok = targetMet && same.identical;

    // ── Report ───────────────────────────────────────────────────────────────────────────────
    const c = same.counts;
    say(`## ${name}: ${description}`);
    say();
    say(`Workload: synthetic template, ${SIZES.dimensions} dimensions × ${SIZES.criteriaPerDimension} criteria = ${SIZES.dimensions * SIZES.criteriaPerDimension} criteria (bilingual texts),`);
    say(`${SIZES.evidenceRows.toLocaleString("en-US")} evidence rows; French workbook, every part, 20 blank action-plan rows. Result: ${c.sheets} sheets, ${c.tables} tables,`);
    say(`${fmt.int(c.cells)} cells (${fmt.int(c.formulas)} formulas), ${c.validations} validation ranges, ${c.conditionalFormats} conditional formats, ${c.names} defined names; ${fmt.int(plan.bytes / 1024)} KB .xlsx.`);
    say(`Each run is a fresh node process; ${runs} timed runs per case, medians shown, [min–max] of wall time.`);
    say(`plan  = buildPlan + the 10,000 rows put in QG_Evidence (with their row heights) + renderPlanToBuffer → bytes`);
    say(`floor = the same cells written by hand with exceljs (bench/suites/xlsx-generation/floor.mjs) + writeBuffer → bytes`);
    say(
      same.identical
        ? `Same cells: YES — the two files have the same ${c.parts} parts, byte for byte (creation time aside).`
        : `Same cells: NO — the files differ, the comparison is not fair: ${[...same.onlyA.map((p) => `${p} only in plan`), ...same.onlyB.map((p) => `${p} only in floor`), ...same.differ.map((d) => d.part)].join(", ")}`,
    );
    say();
    const row = (label, s, ratios, target, result) => [
      label,
      `${fmt.ms(s.wallMs.median)} [${fmt.ms(s.wallMs.min)}–${fmt.ms(s.wallMs.max)}]`,
      fmt.ms(s.cpuMs.median),
      fmt.mb(s.peakRssMb.median),
      fmt.mb(s.peakHeapMb.median),
      ratios,
      target,
      result,
    ];
    const verdict = targetMet ? "PASS" : `FAIL (${Object.entries(pass).filter(([, v]) => !v).map(([k]) => k).join(", ")} > ${TARGET}×)`;
    say(
      table(
        ["case", `wall ms (median of ${runs}) [min–max]`, "CPU ms", "peak RSS MB", "peak heap MB", "ratio to floor (wall / RSS / heap)", "target", "result"],
        [
          row("floor (exceljs directly)", floor, "1.00× / 1.00× / 1.00×", "—", "(reference)"),
          row("plan (buildPlan + renderPlanToBuffer)", plan, `${fmt.ratio(ratio.wall)} / ${fmt.ratio(ratio.peakRss)} / ${fmt.ratio(ratio.peakHeap)}`, `≤ ${TARGET.toFixed(2)}×`, verdict),
        ],
        { right: [2, 3, 4] },
      ),
    );
    say();
    say(`MB = 2^20 bytes. Peak RSS is the whole process (Node itself + modules ≈ ${fmt.mb(floor.baselineRssMb.median)} MB before the timed section in the floor,`);
    say(`${fmt.mb(plan.baselineRssMb.median)} MB in the plan case); above that baseline the ratio is ${fmt.ratio(ratio.rssAboveBaseline)} for RSS and ${fmt.ratio(ratio.heapAboveBaseline)} for the heap.`);
    say(`CPU ms (user + system, all threads) is informational: it varies less than wall time on a busy machine. Ratio ${fmt.ratio(ratio.cpu)}.`);
    say(`GC during the timed section (median): floor ${fmt.int(floor.gcCount.median)} collections, ${fmt.ms(floor.gcPauseMs.median)} ms; plan ${fmt.int(plan.gcCount.median)} collections, ${fmt.ms(plan.gcPauseMs.median)} ms.`);
    say();
    say(`Report sheets and chart (what \`qualigrid new\` writes), against the plan case without them (no target):`);
    say(
      table(
        ["case", `wall ms (median of ${runs}) [min–max]`, "CPU ms", "peak RSS MB", "peak heap MB", "ratio to plan (wall / RSS / heap)", "target", "result"],
        [
          row("plan (report: false, no chart)", plan, "1.00× / 1.00× / 1.00×", "—", "(reference)"),
          row("full (report sheets + chart)", full, `${fmt.ratio(fullRatio.wall)} / ${fmt.ratio(fullRatio.peakRss)} / ${fmt.ratio(fullRatio.peakHeap)}`, "—", "(informational)"),
        ],
        { right: [2, 3, 4] },
      ),
    );
    say(`full adds ${fullDiff.onlyA.length} parts (${fullDiff.onlyA.join(", ")}) and changes ${fullDiff.differ.length} (${fullDiff.differ.map((d) => d.part).join(", ")}); ${fmt.int(full.bytes / 1024)} KB .xlsx.`);
    say();
    say("Phases (median ms):");
    say(
      table(
        ["case", "phase", "ms"],
        [
          ...Object.entries(floor.phasesMs).map(([k, v]) => ["floor", k, fmt.ms(v)]),
          ...Object.entries(split.phasesMs).map(([k, v]) => [`plan (${split.runs} split run${split.runs > 1 ? "s" : ""})`, k, fmt.ms(v)]),
          ...Object.entries(fullSplit.phasesMs).map(([k, v]) => [`full (${fullSplit.runs} split run${fullSplit.runs > 1 ? "s" : ""})`, k, fmt.ms(v)]),
        ],
        { right: [2] },
      ),
    );
    if (cpuProf) {
      for (const [k, p] of Object.entries(profiles)) {
        say();
        say(`CPU profile, ${k} (${p.windowed ? "timed section" : "whole process"}, ${fmt.ms(p.totalMs)} ms of samples)${p.file ? `: ${p.file}` : ""}`);
        say(table(["area (leaf frame)", "self ms", "%"], p.areas.map(([a, ms]) => [a, fmt.ms(ms), ((100 * ms) / p.totalMs).toFixed(1)]), { right: [1, 2] }));
        say(table(["function", "self ms"], p.functions.map(([f, ms]) => [f, fmt.ms(ms)]), { right: [1] }));
      }
    }
    if (!same.identical) {
      say();
      for (const d of same.differ.slice(0, 3)) say(`  ${d.part} differs at ${d.at}:\n    plan:  ${d.a}\n    floor: ${d.b}`);
    }
    if (keep) say(`\nFiles kept in ${tmp}`);

    const pick = (s) => ({
      runs: s.runs,
      wallMsMedian: s.wallMs.median,
      wallMs: s.wallMs.values,
      cpuMsMedian: s.cpuMs.median,
      peakRssMbMedian: s.peakRssMb.median,
      peakRssMb: s.peakRssMb.values,
      peakHeapMbMedian: s.peakHeapMb.median,
      peakHeapMb: s.peakHeapMb.values,
      baselineRssMbMedian: s.baselineRssMb.median,
      gcPauseMsMedian: s.gcPauseMs.median,
      phasesMsMedian: s.phasesMs,
      bytes: s.bytes,
    });
    const json = {
      ok,
      target: TARGET,
      pass: { ...pass, all: targetMet },
      ratios: ratio,
      sameCells: same.identical,
      workload: { ...SIZES, criteria: SIZES.dimensions * SIZES.criteriaPerDimension, ...c },
      floor: pick(floor),
      plan: pick(plan),
      planPhases: { runs: split.runs, phasesMsMedian: split.phasesMs },
      full: { ...pick(full), phasesMsMedianSplit: fullSplit.phasesMs, ratiosToPlan: fullRatio, addedParts: fullDiff.onlyA, changedParts: fullDiff.differ.map((d) => d.part) },
      ...(cpuProf ? { profiles: Object.fromEntries(Object.entries(profiles).map(([k, p]) => [k, { totalMs: p.totalMs, areas: Object.fromEntries(p.areas) }])) } : {}),
    };
    return { ok, text: lines.join("\n"), json };
  } finally {
    if (!keep) rmSync(tmp, { recursive: true, force: true });
  }
}

function readdirFirst(dir) {
  const f = readdirSync(dir).find((n) => n.endsWith(".cpuprofile"));
  if (!f) throw new Error(`no .cpuprofile in ${dir}`);
  return join(dir, f);
}
