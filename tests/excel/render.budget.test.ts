import { describe, expect, it, vi } from "vitest";
import { MAX_REQUEST_BYTES } from "../../addin/excel/excel.budget.js";
import { renderPlanToExcel, type RenderReport } from "../../addin/excel/excel.render.js";
import { ExcelFake } from "../../addin/excel/fake/excel.fake.js";
import { syntheticTemplate } from "../../addin/excel/fake/synthetic.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import type { Template } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { WorkbookPlan } from "../../addin/plan/plan.types.js";
import { snapshotOfFake } from "./excel.compare.js";

const size = (t: Template): number => t.dimensions.reduce((n, d) => n + d.criteria.length, 0);
const bySize = [...builtinTemplates()].sort((a, b) => size(a) - size(b));
const smallest = bySize[0] as Template;
const largest = bySize[bySize.length - 1] as Template;

/** Renders a plan into a fresh fake, counting `context.sync()` calls with a spy. */
async function render(plan: WorkbookPlan, opts: Parameters<typeof renderPlanToExcel>[2] = {}): Promise<{ fake: ExcelFake; report: RenderReport; syncs: number }> {
  const fake = new ExcelFake();
  const context = fake.excelContext();
  const sync = vi.spyOn(context, "sync");
  const out = await renderPlanToExcel(context, plan, opts);
  if (!out.ok) throw new Error(`generation refused: ${out.detail}`);
  return { fake, report: out.report, syncs: sync.mock.calls.length };
}

describe("the round-trip budget of a generation", () => {
  // A built-in's writes fit one request. At 1,000 criteria the report's and the visit report's grid
  // helpers and sheets take the writes just past Excel's 4 MB payload (about 4.5 MB): one split, one sync more.
  it.each([
    [`the smallest built-in template (${smallest.id}, ${size(smallest)} criteria)`, smallest, 1],
    [`the largest built-in template (${largest.id}, ${size(largest)} criteria)`, largest, 1],
    ["a synthetic template of 1,000 criteria", syntheticTemplate(1000), 2],
  ])("takes 2 syncs besides its write requests for %s, whose writes need %i request(s)", async (_, template, writeRequests) => {
    const { fake, report, syncs } = await render(buildPlan(template, { lang: "fr" }));
    expect(syncs).toBe(2 + writeRequests);
    expect(report.syncs).toBe(syncs);
    expect(fake.requests).toHaveLength(syncs);
    for (const r of fake.requests) expect(r.bytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    // The writes sit between the preparing read and the print settings, with calculation
    // suspended at the start of each: more write requests only come with the 4 MB split.
    expect(fake.requests.slice(1, -1)).toHaveLength(writeRequests);
    expect(fake.state.calculationSuspended).toBe(writeRequests);
  });

  it("splits a request larger than 4 MB into several, each under 4 MB, and only then takes more syncs", async () => {
    const { fake, report, syncs } = await render(buildPlan(syntheticTemplate(5000), { lang: "fr" }));
    expect(syncs).toBeGreaterThan(3);
    const writes = fake.requests.slice(1, -1);
    expect(writes.length).toBe(syncs - 2);
    for (const [i, r] of fake.requests.entries()) {
      expect(r.bytes, `request ${i + 1}`).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
      // The renderer's estimate is what decides the split: it must never be below what is sent.
      expect(r.bytes, `request ${i + 1}`).toBeLessThanOrEqual(report.requestBytes[i] ?? 0);
      expect(report.requestBytes[i] ?? Infinity).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    }
    // Calculation is suspended again at the start of every write request (it only lasts until a sync).
    expect(fake.state.calculationSuspended).toBe(writes.length);
    expect(fake.state.table("QG_Grid")?.bottom).toBe(4 + 5000);
  });

  it("writes the same workbook whatever the request limit", async () => {
    const plan = buildPlan(largest, { lang: "en" });
    const whole = await render(plan);
    const split = await render(plan, { maxRequestBytes: 64 * 1024 });
    expect(split.syncs).toBeGreaterThan(whole.syncs);
    for (const r of split.fake.requests) expect(r.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(snapshotOfFake(split.fake)).toEqual(snapshotOfFake(whole.fake));
  });

  it("reports progress from preparation to done, never going back", async () => {
    const seen: { stage: string; fraction: number }[] = [];
    await render(buildPlan(syntheticTemplate(5000), { lang: "fr" }), { onProgress: (p) => seen.push(p) });
    expect(seen[0]).toEqual({ stage: "prepare", fraction: 0 });
    expect(seen[seen.length - 1]).toEqual({ stage: "done", fraction: 1 });
    expect(seen.some((p) => p.stage === "write")).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.fraction).toBeGreaterThanOrEqual(seen[i - 1]?.fraction ?? 0);
  });

  it("leaves out what this Excel lacks, with a warning, instead of failing", async () => {
    const { fake, report, syncs } = await render(buildPlan(smallest, { lang: "fr" }), { features: { core: true, dataValidation: false, pageLayout: false } });
    expect(syncs).toBe(2);
    expect(report.warnings.join(" ")).toMatch(/ExcelApi 1\.8.*ExcelApi 1\.9|ExcelApi 1\.9.*ExcelApi 1\.8/s);
    expect(fake.state.sheets.flatMap((s) => s.validations)).toEqual([]);
    expect(fake.state.sheets.every((s) => Object.keys(s.pageLayout).length === 0)).toBe(true);
  });

  it("keeps the workbook when Excel refuses the print settings", async () => {
    const fake = new ExcelFake();
    const context = fake.excelContext();
    const sync = context.sync.bind(context);
    let n = 0;
    vi.spyOn(context, "sync").mockImplementation(async () => {
      if (++n === 3) throw Object.assign(new Error("The operation attempted is invalid on the object."), { code: "InvalidOperation" });
      return sync();
    });
    const out = await renderPlanToExcel(context, buildPlan(smallest, { lang: "fr" }));
    expect(out.ok && out.report.warnings.join(" ")).toMatch(/print settings left out/);
    expect(fake.state.table("QG_Grid")).not.toBeNull();
  });
});
