// Suite `functions` (issue 4, item 6): the QG.* custom functions on 10,000 rows, and their bundle.
//
// functions.js is built alone with the production configuration (functions/bundle.build.mjs) and
// loaded into a fresh node process the way Excel's runtime loads it; DIMSCORE and COVERAGE are then
// timed call by call — many calls after a warm-up, median reported — next to the engine's range
// function alone and next to the floor: the minimal loop over the same arrays that computes the
// same number under the same rules (data.mjs). Target: the function at most 3× the floor.
// The bundle's size (bytes, gzipped) and the modules in it are reported; React, Fluent UI, exceljs
// or any task pane module in it fails the suite.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { buildFunctionsBundle } from "../../../functions/bundle.build.mjs";
import { summarizeProfile } from "../../lib/cpuprofile.mjs";
import { median, runChild } from "../../lib/measure.mjs";
import { fmt, table } from "../../lib/table.mjs";

export const name = "functions";
export const description = "QG.DIMSCORE and QG.COVERAGE on 10,000 rows against a bare loop (target ≤ 3×); functions.js size and contents";

const CHILD = fileURLToPath(new URL("./child.mjs", import.meta.url));
const TARGET = 3;
const TOLERANCE = 1e-9;
const FORBIDDEN = /node_modules|react|fluent|exceljs|taskpane|addin\/(excel|xlsx|host)\//i;
const CASES = [
  { key: "dimscore", title: "QG.DIMSCORE", what: "10,000 grid rows in 20 dimensions, one dimension scored (weights, N/A, blanks)" },
  { key: "coverage", title: "QG.COVERAGE", what: "10,000 criteria against a register of 10,000 evidence items, accepted status only" },
];

const us = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(0)} µs`);
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

export async function run({ runs = 5, cpuProf = false, keep = false, log = console.log } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "qg-bench-functions-"));
  try {
    log(`[${name}] building functions.js alone (production configuration)…`);
    const build = await buildFunctionsBundle({ outDir: path.join(dir, "dist") });
    if (build.errors.length > 0) throw new Error(`the functions build failed:\n${build.errors.join("\n")}`);
    const bundle = path.join(dir, "dist", "functions.js");
    const code = readFileSync(bundle);
    const bytes = code.length;
    const gzipped = gzipSync(code).length;
    const forbidden = build.modules.filter((m) => FORBIDDEN.test(m));

    const rounds = 50 * runs;
    const warmup = 30;
    const results = [];
    for (const c of CASES) {
      log(`[${name}] ${c.title}: ${rounds} calls each after ${warmup} warm-up rounds…`);
      const profDir = path.join(dir, `prof-${c.key}`);
      const r = await runChild(CHILD, [bundle, c.key, String(rounds), String(warmup)], {
        nodeFlags: cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [],
      });
      const values = r.values.map((v) => (v === "" ? null : v));
      const same = values.every((v) => v === values[0] || (typeof v === "number" && typeof values[0] === "number" && Math.abs(v - values[0]) <= TOLERANCE));
      const contenders = r.contenders.map((k) => ({ name: k.name, medianUs: median(k.timesUs), p10Us: quantile(k.timesUs, 0.1), p90Us: quantile(k.timesUs, 0.9), calls: k.timesUs.length }));
      const floor = contenders[contenders.length - 1].medianUs;
      const fn = contenders[0];
      let profile = null;
      if (cpuProf) {
        const { readdirSync } = await import("node:fs");
        const file = readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
        if (file) profile = summarizeProfile(path.join(profDir, file), { fromUs: r.window.fromUs, toUs: r.window.toUs, top: 10 });
      }
      results.push({ ...c, values: r.values, same, contenders, ratio: fn.medianUs / floor, ok: same && fn.medianUs / floor <= TARGET, gc: r.gc, profile });
    }

    const ok = results.every((x) => x.ok) && forbidden.length === 0;
    const lines = [];
    lines.push(`## ${name}: ${description}`);
    lines.push("");
    lines.push(`functions.js (production build, functions alone): ${fmt.int(bytes)} bytes, ${fmt.int(gzipped)} bytes gzipped; ${build.modules.length} modules:`);
    lines.push(`  ${build.modules.join(", ")}`);
    lines.push(forbidden.length === 0 ? "  no React, Fluent UI, exceljs or task pane module: OK" : `  FORBIDDEN modules in the bundle: ${forbidden.join(", ")}`);
    for (const x of results) {
      lines.push("");
      lines.push(`### ${x.title}: ${x.what}`);
      lines.push(`Median time per call over ${x.contenders[0].calls} calls each (p10–p90), in one process after warm-up; calls rotate.`);
      lines.push(`Result: ${x.values.map((v) => JSON.stringify(v)).join(" / ")} ${x.same ? "(the same number: fair)" : "(DIFFERENT: unfair comparison)"}`);
      lines.push("");
      lines.push(
        table(
          ["", "median", "p10–p90", "× floor"],
          x.contenders.map((k) => [k.name, us(k.medianUs), `${us(k.p10Us)} – ${us(k.p90Us)}`, fmt.ratio(k.medianUs / x.contenders[x.contenders.length - 1].medianUs)]),
          { right: [1, 3] },
        ),
      );
      lines.push(`${x.ok ? "OK" : "MISSED"}: ${x.title} is ${fmt.ratio(x.ratio)} the floor (target ≤ ${TARGET}×).`);
      if (x.profile) {
        lines.push("");
        lines.push(`Profile of the timed section (${x.profile.windowed ? "window" : "whole run"}, ${fmt.ms(x.profile.totalMs)} ms of samples), top functions by self time:`);
        for (const [fnName, ms] of x.profile.functions) lines.push(`  ${fmt.ms(ms).padStart(6)} ms  ${fnName}`);
      }
    }
    lines.push("");
    lines.push(`Overall: ${ok ? "OK" : "MISSED"} (functions within ${TARGET}× their floor, bundle free of the task pane's dependencies).`);
    if (keep) lines.push(`Kept: ${dir}`);

    return {
      ok,
      text: lines.join("\n"),
      json: {
        bundle: { bytes, gzipped, modules: build.modules, forbidden },
        cases: Object.fromEntries(
          results.map((x) => [
            x.key,
            { ok: x.ok, ratio: x.ratio, same: x.same, values: x.values, contenders: x.contenders.map((k) => ({ name: k.name, medianUs: k.medianUs, p10Us: k.p10Us, p90Us: k.p90Us, calls: k.calls })) },
          ]),
        ),
        targetRatio: TARGET,
      },
    };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
