// Suite `excel-syncs` (issue 3, item 6): the live renderer's round trips. For every built-in
// template and for synthetic templates of 1,000 and 5,000 criteria, a French workbook with every
// part is generated into the recording fake of Excel's object model (addin/excel/fake), and the
// suite reports how many `context.sync()` calls it took and the size of each request: the
// renderer's own estimate (what decides when a request is split at 4 MB) beside the size the fake
// measures from the commands it received. The workbook is then read back (`read`) and its
// round trips and response size are reported too.
//
// Target: at most 3 syncs per generation, except that a request over 4 MB is split; every request
// at most 4 MB, and never larger than the renderer estimated. Sync counts are deterministic, so
// one run per case is enough (`--runs` is ignored).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fmt, table } from "../../lib/table.mjs";

export const name = "excel-syncs";
export const description = "live renderer on the Excel fake: syncs and request sizes per generation (built-ins, 1,000 and 5,000 criteria)";

const DIST = fileURLToPath(new URL("../../../dist/addin/excel/excel.render.js", import.meta.url));
const dist = (path) => import(new URL(`../../../dist/addin/${path}`, import.meta.url).href);

const kb = (b) => (b / 1024).toFixed(b < 10 * 1024 ? 1 : 0);

export async function run({ log = console.log } = {}) {
  if (!existsSync(DIST)) throw new Error("dist/ is missing: run `tsc -p tsconfig.build.json` first (npm run bench does)");
  const { renderPlanToExcel } = await dist("excel/excel.render.js");
  const { readAssessmentFromExcel } = await dist("excel/excel.read.js");
  const { MAX_REQUEST_BYTES } = await dist("excel/excel.budget.js");
  const { ExcelFake } = await dist("excel/fake/excel.fake.js");
  const { syntheticTemplate } = await dist("excel/fake/synthetic.js");
  const { builtinTemplates } = await dist("model/builtin.js");
  const { buildPlan } = await dist("plan/plan.build.js");

  const count = (t) => t.dimensions.reduce((n, d) => n + d.criteria.length, 0);
  const cases = [
    ...builtinTemplates().map((t) => ({ name: t.id, template: t })),
    { name: "synthetic 1,000", template: syntheticTemplate(1000) },
    { name: "synthetic 5,000", template: syntheticTemplate(5000) },
  ];

  const results = [];
  for (const c of cases) {
    log(`[${name}] ${c.name}…`);
    const fake = new ExcelFake();
    const context = fake.context();
    let syncs = 0;
    const sync = context.sync.bind(context);
    context.sync = () => (syncs++, sync());
    const started = performance.now();
    const out = await renderPlanToExcel(context, buildPlan(c.template, { lang: "fr" }));
    const ms = performance.now() - started;
    if (!out.ok) throw new Error(`${c.name}: generation refused (${out.detail})`);
    const requests = fake.requests.map((r, i) => ({ estimatedBytes: out.report.requestBytes[i] ?? null, measuredBytes: r.bytes, commands: r.ops.length }));

    const readContext = fake.context();
    let readSyncs = 0;
    const readSync = readContext.sync.bind(readContext);
    readContext.sync = () => (readSyncs++, readSync());
    const before = fake.requests.length;
    const read = await readAssessmentFromExcel(readContext);
    const responseBytes = fake.requests.slice(before).reduce((n, r) => n + r.responseBytes, 0);

    const splitNeeded = requests.slice(1, -1).length > 1;
    const withinLimit = requests.every((r) => r.measuredBytes <= MAX_REQUEST_BYTES && (r.estimatedBytes ?? 0) <= MAX_REQUEST_BYTES && r.measuredBytes <= (r.estimatedBytes ?? 0));
    const ok = out.report.syncs === syncs && withinLimit && (syncs <= 3 || splitNeeded) && read.result.ok;
    results.push({ name: c.name, criteria: count(c.template), syncs, requests, fakeMs: ms, read: { syncs: readSyncs, responseBytes, ok: read.result.ok }, ok });
  }

  const lines = [];
  lines.push(`## ${name}: ${description}`);
  lines.push("");
  lines.push("French workbooks with every part (dashboard, grid, evidence register, action plan, template, lists), generated");
  lines.push("into the recording fake of Excel (addin/excel/fake). A request is split when the renderer's estimate would pass");
  lines.push(`${fmt.int(MAX_REQUEST_BYTES / 1024)} KB (Excel on the web refuses 5 MB). Sizes per sync in KB, estimated / measured by the fake:`);
  lines.push("the preparing read, the write request(s), the print settings. Target: ≤ 3 syncs unless a split was needed; every request ≤ 4 MB.");
  lines.push("");
  lines.push(
    table(
      ["case", "criteria", "syncs", "request sizes KB (estimated / measured)", "total KB", "read: syncs", "read: response KB", "result"],
      results.map((r) => [
        r.name,
        fmt.int(r.criteria),
        String(r.syncs),
        r.requests.map((q) => `${kb(q.estimatedBytes ?? 0)}/${kb(q.measuredBytes)}`).join(" · "),
        kb(r.requests.reduce((n, q) => n + q.measuredBytes, 0)),
        String(r.read.syncs),
        kb(r.read.responseBytes),
        r.ok ? "PASS" : "FAIL",
      ]),
      { right: [1, 2, 4, 5, 6] },
    ),
  );
  const ok = results.every((r) => r.ok);
  return { ok, text: lines.join("\n"), json: { limitBytes: MAX_REQUEST_BYTES, cases: results } };
}
