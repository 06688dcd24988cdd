#!/usr/bin/env node
// Qualigrid benchmarks: `npm run bench [-- [suite…] [--runs N] [--cpu-prof] [--keep] [--list]]`.
//
// Runs named suites (all by default), prints each one's report, then ONE machine-readable JSON
// line as the last line of stdout ({"bench":"qualigrid",…,"suites":{name:{ok,…}}}).
// Exits 1 when a suite misses its target or cannot measure fairly, so a FAIL is never silent.
//
// A suite is a module exporting `name`, `description` and
// `async run({ runs, cpuProf, keep, log }) → { ok, text, json }`; add it to SUITES below.
// Suites measure in child processes of their own; progress goes to stderr, reports to stdout.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { parseArgs } from "node:util";

const SUITES = {
  "xlsx-generation": () => import("./suites/xlsx-generation/index.mjs"),
  "excel-syncs": () => import("./suites/excel-syncs/index.mjs"),
  functions: () => import("./suites/functions/index.mjs"),
  taskpane: () => import("./suites/taskpane/index.mjs"),
  hostile: () => import("./suites/hostile/index.mjs"),
  upgrade: () => import("./suites/upgrade/index.mjs"),
  aggregate: () => import("./suites/aggregate/index.mjs"),
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: "string", default: "5" },
    "cpu-prof": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    list: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help || values.list) {
  const mods = await Promise.all(Object.entries(SUITES).map(async ([n, load]) => [n, (await load()).description]));
  if (values.help) {
    console.log("npm run bench -- [suite…] [--runs N] [--cpu-prof] [--keep] [--list]");
    console.log("  --runs N     timed runs per case (median reported; default 5)");
    console.log("  --cpu-prof   also profile one run per case and show where the time goes");
    console.log("  --keep       keep generated files and profiles (paths printed)");
  }
  console.log("suites:");
  for (const [n, d] of mods) console.log(`  ${n.padEnd(18)} ${d}`);
  process.exit(0);
}

const unknown = positionals.filter((p) => !(p in SUITES));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(", ")}; known: ${Object.keys(SUITES).join(", ")}`);
  process.exit(2);
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error("--runs must be a positive integer");
  process.exit(2);
}
const selected = positionals.length > 0 ? positionals : Object.keys(SUITES);

const require = createRequire(import.meta.url);
const git = (...args) => {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
};
const env = {
  date: new Date().toISOString(),
  commit: git("rev-parse", "--short", "HEAD"),
  dirty: git("status", "--porcelain") ? true : false,
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  cpu: os.cpus()[0]?.model ?? "unknown",
  cores: os.availableParallelism?.() ?? os.cpus().length,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  exceljs: JSON.parse(readFileSync(require.resolve("exceljs/package.json"), "utf8")).version,
};

console.log(`# Qualigrid benchmarks — ${env.date}`);
console.log(
  `commit ${env.commit ?? "?"}${env.dirty ? " (with uncommitted changes)" : ""} · node ${env.node} · ${env.platform} · ${env.cpu} × ${env.cores} · ${env.memoryGb} GB · exceljs ${env.exceljs} · load average ${env.loadAverageAtStart.join(" ")}`,
);
if (env.loadAverageAtStart[0] > env.cores * 0.5) {
  console.log(`note: the machine was busy when the bench started (load ${env.loadAverageAtStart[0]} on ${env.cores} cores); wall times will be noisy.`);
}

const results = {};
let allOk = true;
for (const n of selected) {
  const suite = await SUITES[n]();
  const started = Date.now();
  try {
    const r = await suite.run({ runs, cpuProf: values["cpu-prof"], keep: values.keep, log: (s) => process.stderr.write(`${s}\n`) });
    console.log();
    console.log(r.text);
    console.log(`\n(${n}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    results[n] = { ...r.json, ok: r.ok, seconds: (Date.now() - started) / 1000 };
    allOk &&= r.ok;
  } catch (e) {
    console.log(`\n## ${n}: ERROR\n${e instanceof Error ? e.stack : String(e)}`);
    results[n] = { ok: false, error: e instanceof Error ? e.message : String(e) };
    allOk = false;
  }
}
env.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
console.log();
console.log(JSON.stringify({ bench: "qualigrid", ok: allOk, env, runsPerCase: runs, suites: results }));
process.exitCode = allOk ? 0 : 1;
