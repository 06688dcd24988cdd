import { expect } from "vitest";
import { createExcelHost, type OfficeEnv } from "../../addin/excel/excel.host.js";
import { ExcelFake } from "../../addin/excel/fake/excel.fake.js";
import type { WorkbookHost } from "../../addin/host/host.types.js";
import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import { parseTemplate } from "../../addin/model/template.parse.js";
import type { Template } from "../../addin/model/template.types.js";
import type { WorkbookPlan } from "../../addin/plan/plan.types.js";

/** An Excel of requirement set 1.20 and below, in Canadian French. */
export const office = (): OfficeEnv => ({ isSetSupported: (_: string, v?: string) => Number(v?.split(".")[1] ?? 0) <= 20, displayLanguage: "fr-CA" });

/** The sample template using every field of the model's second version, parsed. */
export function richTemplate(): Template {
  const r = parseTemplate(richTemplateJson());
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
  return r.value;
}

/** The Excel host on a fresh Office.js fake, with `plan` generated into it. */
export async function hostOn(plan: WorkbookPlan): Promise<{ host: WorkbookHost; fake: ExcelFake }> {
  const fake = new ExcelFake();
  const host = createExcelHost({ runner: fake.runner(), office });
  expect(await host.generate(plan)).toEqual({ ok: true, value: undefined });
  return { host, fake };
}
