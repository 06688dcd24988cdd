import { describe, expect, it } from "vitest";
import { columnWidthPoints } from "../../addin/excel/excel.units.js";
import { renderPlanToExcel } from "../../addin/excel/excel.render.js";
import { ExcelFake } from "../../addin/excel/fake/excel.fake.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { PlanParts, WorkbookPlan } from "../../addin/plan/plan.types.js";
import { isFormula } from "../../addin/plan/formula.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { snapshotOfFake, snapshotOfFile } from "./excel.compare.js";
import { HOSTILE, HOSTILE_TEXTS } from "./excel.fixtures.js";

const ALL: PlanParts = { evidence: true, actions: true, dashboard: true };

/** The plan fixtures both renderers draw: every built-in in both languages, parts left out, hostile texts. */
const FIXTURES: [string, WorkbookPlan][] = [
  ...builtinTemplates().flatMap((t) => (["fr", "en"] as Lang[]).map((lang): [string, WorkbookPlan] => [`${t.id} (${lang})`, buildPlan(t, { lang })])),
  ["grid only (fr)", buildPlan(builtinTemplates()[0] as Template, { lang: "fr", parts: { evidence: false, actions: false, dashboard: false } })],
  ["no evidence register (en)", buildPlan(builtinTemplates()[1] as Template, { lang: "en", parts: { ...ALL, evidence: false } })],
  ["hostile texts (fr)", buildPlan(HOSTILE, { lang: "fr" })],
  ["one named respondent (fr)", buildPlan(builtinTemplates()[0] as Template, { lang: "fr", respondents: ["Direction"] })],
  ["three respondents (en)", buildPlan(builtinTemplates()[4] as Template, { lang: "en", respondents: ["Direction", "Board", "Équipe"] })],
  ["targets changed (fr)", buildPlan(builtinTemplates()[2] as Template, { lang: "fr", targets: { CAP: 80 }, overallTarget: 70, blankRows: 3 })],
  [
    "settings set (en)",
    buildPlan(builtinTemplates()[3] as Template, {
      lang: "en",
      settings: { organization: HOSTILE_TEXTS[0], assessmentDate: new Date(Date.UTC(2025, 2, 31)), completionThreshold: 0.6, consolidation: "median", showOthers: true },
    }),
  ],
];

describe("the live renderer and the file renderer, on the same plan", () => {
  it.each(FIXTURES)("write the same workbook: %s", async (_, plan) => {
    const file = snapshotOfFile(await renderPlanToWorkbook(plan), columnWidthPoints);
    const fake = new ExcelFake();
    const out = await renderPlanToExcel(fake.excelContext(), plan);
    expect(out.ok).toBe(true);
    const live = snapshotOfFake(fake);

    expect(live.sheets).toEqual(file.sheets);
    expect(live.cells).toEqual(file.cells);
    expect(live.numberFormats).toEqual(file.numberFormats);
    expect(live.validations).toEqual(file.validations);
    expect(live.conditionalFormats).toEqual(file.conditionalFormats);
    expect(live.names).toEqual(file.names);
    expect(live.tables).toEqual(file.tables);
    expect(live.unlocked).toEqual(file.unlocked);
    expect(live.filled).toEqual(file.filled);
    expect(live.fonts).toEqual(file.fonts);
    expect(live.widths).toEqual(file.widths);
    expect(live.heights).toEqual(file.heights);
    expect(live.freeze).toEqual(file.freeze);
    expect(live.protectedSheets).toEqual(file.protectedSheets);
    expect(live.tabColors).toEqual(file.tabColors);
    expect(live.print).toEqual(file.print);
    expect(Object.keys(live.print)).toEqual(plan.sheets.map((s) => s.name));
  });
});

describe("text from templates and users", () => {
  it("is never written as a formula, a number, a date or a boolean", async () => {
    const plan = buildPlan(HOSTILE, { lang: "fr" });
    const fake = new ExcelFake();
    await renderPlanToExcel(fake.excelContext(), plan);
    const stored = fake.state.sheets.flatMap((s) => [...s.cells.values()].map((c) => c.stored));
    // Excel turned no string into something else…
    expect(stored.filter((s) => "fromText" in s && s.fromText)).toEqual([]);
    // …and the only formulas are the plan's own.
    const planFormulas = plan.sheets.reduce((n, s) => n + s.cells.filter((c) => isFormula(c.value)).length + s.tables.reduce((m, t) => m + t.rows.flat().filter(isFormula).length, 0), 0);
    expect(stored.filter((s) => s.kind === "formula")).toHaveLength(planFormulas);
    const texts = stored.flatMap((s) => (s.kind === "text" ? [s.text] : []));
    for (const hostile of HOSTILE_TEXTS) expect(texts).toContain(hostile);
  });
});
