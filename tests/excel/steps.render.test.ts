/**
 * The process sheet (« Démarche », `QG_Steps`) written by the live renderer (Office.js, on the
 * recording fake) exactly as the file renderer writes it: same cells, formulas, validations,
 * names, table, protection and print setup.
 */
import { describe, expect, it } from "vitest";
import { renderPlanToExcel } from "../../addin/excel/excel.render.js";
import { columnWidthPoints } from "../../addin/excel/excel.units.js";
import { ExcelFake } from "../../addin/excel/fake/excel.fake.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import type { Template } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { snapshotOfFake, snapshotOfFile } from "./excel.compare.js";

/** A shipped built-in with the rich template's three steps: only the process is new. */
function withSteps(): Template {
  const t = structuredClone(builtinTemplates()[0] as Template);
  t.steps = richTemplateJson().steps;
  return t;
}

describe("the process sheet, live and in a file", () => {
  it.each(["fr", "en"] as const)("is written the same way by both renderers (%s)", async (lang) => {
    const plan = buildPlan(withSteps(), { lang, settings: { assessmentDate: new Date(Date.UTC(2026, 0, 1)) } });
    const sheet = plan.sheets.find((s) => s.key === "steps");
    expect(sheet?.name).toBe(lang === "fr" ? "Démarche" : "Process");
    const file = snapshotOfFile(await renderPlanToWorkbook(plan), columnWidthPoints);
    const fake = new ExcelFake();
    const out = await renderPlanToExcel(fake.excelContext(), plan);
    expect(out.ok).toBe(true);
    const live = snapshotOfFake(fake);
    expect(live.sheets).toEqual(file.sheets);
    expect(live.sheets).toContain(sheet?.name);
    expect(live.cells).toEqual(file.cells);
    expect(live.numberFormats).toEqual(file.numberFormats);
    expect(live.validations).toEqual(file.validations);
    expect(live.names).toEqual(file.names);
    expect(live.tables).toEqual(file.tables);
    expect(live.unlocked).toEqual(file.unlocked);
    expect(live.widths).toEqual(file.widths);
    expect(live.heights).toEqual(file.heights);
    expect(live.freeze).toEqual(file.freeze);
    expect(live.protectedSheets).toEqual(file.protectedSheets);
    expect(live.print).toEqual(file.print);
    expect(JSON.stringify(live.tables)).toContain("QG_Steps");
    expect(JSON.stringify(live.names)).toContain("QG_StepStatuses");
  });
});
