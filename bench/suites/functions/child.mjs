// One measured process of the `functions` suite: loads functions.js as Excel's runtime would (a
// script that calls CustomFunctions.associate), then times one function on 10,000 rows against
// the engine's range function alone and against the floor, in rotating order, many calls each.
//
//   node child.mjs <functions.js> <dimscore|coverage> <rounds> <warmup>
import { readFileSync } from "node:fs";
import { runInThisContext } from "node:vm";
import { forceGc, reportToParent } from "../../lib/child-report.mjs";
import { coverageFloor, coverageInput, dimscoreExactMatchLoop, dimscoreFloor, dimscoreInput } from "./data.mjs";

const [bundle, which, roundsArg, warmupArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
const warmup = Number(warmupArg);

// The part of Excel's CustomFunctions runtime the bundle touches.
const registered = new Map();
class CustomFunctionsError {
  constructor(code, message) {
    this.code = code;
    this.message = message;
  }
}
globalThis.CustomFunctions = {
  associate: (id, fn) => registered.set(id, fn),
  Error: CustomFunctionsError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
};
runInThisContext(readFileSync(bundle, "utf8"), { filename: bundle });
const engine = await import(new URL("../../../dist/addin/scoring/range.functions.js", import.meta.url).href);

let contenders;
if (which === "dimscore") {
  const x = dimscoreInput();
  const fn = registered.get("DIMSCORE");
  contenders = [
    ["QG.DIMSCORE (functions.js)", () => fn(x.dimensions, x.ratings, x.dimension, x.scaleMin, x.scaleMax, x.weights)],
    ["engine: dimensionScoreOfRange", () => engine.dimensionScoreOfRange(x.dimensions, x.ratings, x.dimension, x.scaleMin, x.scaleMax, x.weights).value],
    ["exact-match loop (not the contract)", () => dimscoreExactMatchLoop(x)],
    ["floor", () => dimscoreFloor(x)],
  ];
} else if (which === "coverage") {
  const x = coverageInput();
  const fn = registered.get("COVERAGE");
  contenders = [
    ["QG.COVERAGE (functions.js)", () => fn(x.criteria, x.evidenceCriteria, x.evidenceStatus, x.acceptedStatus)],
    ["engine: coverageOfRange", () => engine.coverageOfRange(x.criteria, x.evidenceCriteria, x.evidenceStatus, x.acceptedStatus).value],
    ["floor", () => coverageFloor(x)],
  ];
} else {
  throw new Error(`unknown case ${which}`);
}

// The comparison is fair only if all three compute the same number.
const values = contenders.map(([, call]) => call());

for (let i = 0; i < warmup; i++) for (const [, call] of contenders) call();
const times = contenders.map(() => []);
let sink = 0;
forceGc();
forceGc();
const startedUs = Number(process.hrtime.bigint() / 1000n);
for (let r = 0; r < rounds; r++) {
  for (let k = 0; k < contenders.length; k++) {
    const i = (r + k) % contenders.length; // rotate who goes first
    const t0 = process.hrtime.bigint();
    const v = contenders[i][1]();
    const t1 = process.hrtime.bigint();
    times[i].push(Number(t1 - t0) / 1000);
    if (typeof v === "number") sink += v;
  }
}
const endedUs = Number(process.hrtime.bigint() / 1000n);
forceGc();

reportToParent({
  case: which,
  rows: 10_000,
  values,
  sink,
  window: { fromUs: startedUs, toUs: endedUs },
  contenders: contenders.map(([name], i) => ({ name, timesUs: times[i] })),
});
