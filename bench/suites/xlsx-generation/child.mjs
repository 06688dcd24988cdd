// One measured run, in a fresh process: `node --expose-gc --trace-gc child.mjs --case plan|floor|full
// [--split] [--out file.xlsx]` (full: the plan path with the report sheets and the chart, see plan-case.mjs). Prepares the input (not timed), then times generation to a Buffer.
// The result goes to fd 3 as JSON; stdout carries V8's --trace-gc lines, from which the parent
// reads the peak heap between the 2nd and 3rd forced GC (see bench/lib/measure.mjs).
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { parseTemplate } from "../../../dist/addin/model/template.parse.js";
import { EVIDENCE_STATUSES, EVIDENCE_TYPES, REVIEW_STATUS_CHOICES, YES_NO } from "../../../dist/addin/plan/labels.js";
import { makeEvidenceRows, makeTemplateJson } from "./synthetic.mjs";
import { reportToParent, forceGc } from "../../lib/child-report.mjs";

const { values } = parseArgs({ options: { case: { type: "string" }, split: { type: "boolean", default: false }, out: { type: "string" } } });
const which = values.case;
if (which !== "plan" && which !== "floor" && which !== "full") throw new Error(`--case must be plan, floor or full, not ${which}`);

// Input, identical for both cases and outside the timed section.
const parsed = parseTemplate(makeTemplateJson());
if (!parsed.ok) throw new Error(`synthetic template rejected: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
const template = parsed.value;
const evidenceRows = makeEvidenceRows(template, {
  types: EVIDENCE_TYPES.map((t) => t.fr),
  statuses: EVIDENCE_STATUSES.map((s) => s.text.fr),
  yesNo: YES_NO.map((y) => y.fr),
  reviews: REVIEW_STATUS_CHOICES.map((s) => s.text.fr),
});
const { generate } = which === "floor" ? await import("./floor.mjs") : await import("./plan-case.mjs");

forceGc(); // 1st forced GC
forceGc(); // 2nd: the measured section starts after it
const before = process.memoryUsage();
const phases = [];
const cpu0 = process.cpuUsage();
const section0 = process.hrtime.bigint();
const t0 = performance.now();
let last = t0;
const mark = (name) => {
  const now = performance.now();
  phases.push({ name, ms: now - last });
  last = now;
};
const bytes = await generate(template, evidenceRows, { split: values.split, full: which === "full", mark });
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const section1 = process.hrtime.bigint();
const heapAtEnd = process.memoryUsage();
forceGc(); // 3rd: the measured section ends before it
const maxRssKb = process.resourceUsage().maxRSS;

if (values.out) writeFileSync(values.out, bytes);
reportToParent({
  case: which,
  wallMs,
  cpuMs: (cpu.user + cpu.system) / 1000,
  phases,
  // The timed section on the monotonic clock (µs), to cut a --cpu-prof profile down to it.
  sectionUs: [Number(section0 / 1000n), Number(section1 / 1000n)],
  bytes: bytes.byteLength,
  maxRssMb: maxRssKb / 1024,
  baseline: { rssMb: before.rss / 2 ** 20, heapUsedMb: before.heapUsed / 2 ** 20 },
  atEnd: { rssMb: heapAtEnd.rss / 2 ** 20, heapUsedMb: heapAtEnd.heapUsed / 2 ** 20, externalMb: heapAtEnd.external / 2 ** 20 },
  cells: { criteria: template.dimensions.reduce((n, d) => n + d.criteria.length, 0), dimensions: template.dimensions.length, evidenceRows: evidenceRows.length },
});
