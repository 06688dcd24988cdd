import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readAssessmentFromExcel } from "../../addin/excel/excel.read.js";
import { renderPlanToExcel } from "../../addin/excel/excel.render.js";
import { ExcelFake } from "../../addin/excel/fake/excel.fake.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { DEFAULT_SETTINGS, DEFAULT_WORKBOOK_SETTINGS, SETTING_KEYS, type WorkbookSettings } from "../../addin/model/settings.js";
import type { Template } from "../../addin/model/template.types.js";
import { NAMES, SETTING_NAMES } from "../../addin/plan/names.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { WorkbookPlan } from "../../addin/plan/plan.types.js";
import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";
import { loadQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { writeSettings } from "../../addin/xlsx/xlsx.settings.js";
import { HOSTILE_TEXTS } from "./excel.fixtures.js";

const TEMPLATE = builtinTemplates()[0] as Template;

const SET: WorkbookSettings = {
  organization: HOSTILE_TEXTS[0],
  assessmentDate: new Date(Date.UTC(2025, 2, 31)),
  completionThreshold: 0.6,
  consolidation: "median",
  spreadThreshold: 1.5,
  agreementTolerance: 0.5,
  showOthers: true,
};

/** The workbook read back by the file reader (written and loaded as a file) and by the Office.js reader. */
async function readBoth(plan: WorkbookPlan, edit?: { fake: (fake: ExcelFake) => void; file: (wb: ExcelJS.Workbook) => void }): Promise<[AssessmentWorkbook, AssessmentWorkbook, string[]]> {
  const wb = await renderPlanToWorkbook(plan);
  const fake = new ExcelFake();
  const out = await renderPlanToExcel(fake.excelContext(), plan);
  if (!out.ok) throw new Error(out.detail);
  edit?.file(wb);
  edit?.fake(fake);
  const loaded = await loadQualigridWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), "f.xlsx");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const { result } = await readAssessmentFromExcel(fake.excelContext());
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return [loaded.value.assessment, result.value, [...loaded.warnings, ...result.warnings].map((w) => w.message)];
}

const settingsOf = (a: AssessmentWorkbook): WorkbookSettings => ({ organization: a.assessment.organization, assessmentDate: a.assessment.assessmentDate, ...a.assessment.settings });

describe("the workbook's settings read back", () => {
  it.each(["fr", "en"] as const)("are the ones generated, by the file reader and the Office.js reader alike (%s)", async (lang) => {
    const [file, live, warnings] = await readBoth(buildPlan(TEMPLATE, { lang, settings: SET }));
    expect(settingsOf(file)).toEqual(SET);
    expect(settingsOf(live)).toEqual(SET);
    expect(warnings).toEqual([]);
  });

  it("are the defaults for a workbook generated without any", async () => {
    const [file, live] = await readBoth(buildPlan(TEMPLATE, { lang: "fr" }));
    expect(settingsOf(file)).toEqual(DEFAULT_WORKBOOK_SETTINGS);
    expect(settingsOf(live)).toEqual(DEFAULT_WORKBOOK_SETTINGS);
  });

  it("follow what a person types in the settings' cells", async () => {
    const plan = buildPlan(TEMPLATE, { lang: "fr" });
    const [file, live] = await readBoth(plan, {
      file: (wb) => expect(writeSettings(wb, "fr", { organization: "Maison des jeunes", assessmentDate: new Date(Date.UTC(2024, 10, 5)), consolidation: "median" })).toEqual({ ok: true }),
      fake: (fake) => {
        const ctx = fake.excelContext();
        const at = (name: string) => ctx.workbook.names.getItem(name).getRange();
        at(SETTING_NAMES.organization).values = [["Maison des jeunes"]];
        at(SETTING_NAMES.assessmentDate).values = [[45601]]; // 2024-11-05, as Excel keeps a date
        at(SETTING_NAMES.consolidation).values = [["médiane"]];
        void ctx.sync();
      },
    });
    const want = { ...DEFAULT_WORKBOOK_SETTINGS, organization: "Maison des jeunes", assessmentDate: new Date(Date.UTC(2024, 10, 5)), consolidation: "median" };
    expect(settingsOf(file)).toEqual(want);
    expect(settingsOf(live)).toEqual(want);
  });

  it("are the defaults, without a word, for a workbook made before the settings (no QG_Settings names)", async () => {
    const gone: string[] = [NAMES.settings, ...SETTING_KEYS.map((k) => SETTING_NAMES[k])];
    const [file, live, warnings] = await readBoth(buildPlan(TEMPLATE, { lang: "en", settings: SET }), {
      file: (wb) => {
        const names = wb.definedNames as unknown as { model: { name: string }[] };
        names.model = names.model.filter((m) => !gone.includes(m.name));
        expect(writeSettings(wb, "en", { organization: "x" })).toEqual({ ok: false, missing: NAMES.settings });
      },
      fake: (fake) => {
        for (const n of gone) fake.state.names.delete(n.toLowerCase());
      },
    });
    expect(settingsOf(file)).toEqual(DEFAULT_WORKBOOK_SETTINGS);
    expect(settingsOf(live)).toEqual(DEFAULT_WORKBOOK_SETTINGS);
    expect(file.assessment.settings).toEqual(DEFAULT_SETTINGS);
    expect(warnings).toEqual([]);
    // Both readers tell such a workbook from one whose settings are blank: its layout has none.
    expect(file.settings).toBeUndefined();
    expect(live.settings).toBeUndefined();
  });
});
