// A template's pre-filled actions (design.md "Template model, second version"): both renderers
// write the same rows, both readers read their Source, and the plan from gaps adds its rows,
// marked « Autoévaluation », below them without touching them — in Excel and in a file.
import { describe, expect, it } from "vitest";
import { actionsFromGaps } from "../../addin/actions/actions.fromGaps.js";
import { columnWidthPoints } from "../../addin/excel/excel.units.js";
import { createExcelHost } from "../../addin/excel/excel.host.js";
import { renderPlanToExcel } from "../../addin/excel/excel.render.js";
import { ExcelFake } from "../../addin/excel/fake/excel.fake.js";
import type { WorkbookHost } from "../../addin/host/host.types.js";
import type { ActionItem } from "../../addin/model/assessment.types.js";
import { parseTemplate } from "../../addin/model/template.parse.js";
import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { WorkbookPlan } from "../../addin/plan/plan.types.js";
import { checkAssessment } from "../../addin/workbook/workbook.check.js";
import { FileHost } from "../../addin/xlsx/xlsx.host.js";
import { saveWorkbook } from "../../addin/xlsx/xlsx.io.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { snapshotOfFake, snapshotOfFile } from "./excel.compare.js";

const DAY = new Date(Date.UTC(2026, 0, 15));

function rich(): Template {
  const r = parseTemplate(richTemplateJson());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const planOf = (lang: Lang): WorkbookPlan => buildPlan(rich(), { lang, settings: { assessmentDate: DAY } });

/** The actions as the readers give them, with the due date as text. */
const brief = (actions: ActionItem[] | null | undefined) =>
  (actions ?? []).map((a) => ({ id: a.id, criterion: a.criterion, owner: a.owner, due: a.due?.toISOString().slice(0, 10) ?? null, status: a.status, source: a.source }));

const TEMPLATE_ROWS = [
  { id: "M1", criterion: "G1", owner: "Présidence", due: "2026-03-16", status: "À faire", source: "Modèle" },
  { id: "M2", criterion: "S4", owner: "", due: "2026-05-15", status: "À faire", source: "Modèle" },
];

/** Every rating criterion rated at the bottom of its scale, so each one has a gap. */
async function rateLow(host: WorkbookHost): Promise<void> {
  const t = rich();
  for (const c of t.dimensions.flatMap((d) => d.criteria)) {
    if (c.type === "text") continue;
    const scale = c.scale ? t.scales?.[c.scale] : t.scale;
    const value = Math.min(...(scale?.levels ?? []).map((l) => l.value));
    const r = await host.setAnswer(c.id, { rating: { kind: "level", value } });
    if (!r.ok) throw new Error(`${c.id}: ${r.error.detail}`);
  }
}

describe("a template's pre-filled actions", () => {
  it.each(["fr", "en"] as const)("are written the same by the live renderer and the file renderer (%s)", async (lang) => {
    const plan = planOf(lang);
    const file = snapshotOfFile(await renderPlanToWorkbook(plan), columnWidthPoints);
    const fake = new ExcelFake();
    expect((await renderPlanToExcel(fake.excelContext(), plan)).ok).toBe(true);
    const live = snapshotOfFake(fake);
    expect(live.cells).toEqual(file.cells);
    expect(live.numberFormats).toEqual(file.numberFormats);
    expect(live.validations).toEqual(file.validations);
    expect(live.names).toEqual(file.names);
    expect(live.tables).toEqual(file.tables);
  });

  it("are read back with their source, and raise no warning but a missing owner", async () => {
    const wb = await renderPlanToWorkbook(planOf("fr"));
    const host = new FileHost({ lang: "fr" });
    expect(await host.openFile(new Uint8Array(await saveWorkbook(wb)), "riche.xlsx")).toEqual({ ok: true });
    const read = await host.read();
    if (!read.ok) throw new Error(read.error.detail);
    expect(brief(read.value.assessment.actions)).toEqual(TEMPLATE_ROWS);
    const findings = checkAssessment(read.value, "fr", { today: DAY }).filter((f) => f.code.startsWith("action"));
    expect(findings.map((f) => [f.code, f.where.address])).toEqual([["actionNoOwner", "G6"]]);
  });

  it("stay as they are when the plan from gaps adds its rows below them, marked « Autoévaluation » (Excel)", async () => {
    const fake = new ExcelFake();
    const host = createExcelHost({ runner: fake.runner(), office: () => ({ isSetSupported: () => true, displayLanguage: "fr-CA" }) });
    expect(await host.generate(planOf("fr"))).toEqual({ ok: true, value: undefined });
    await addFromGaps(host);
  });

  it("stay as they are when the plan from gaps adds its rows below them, marked « Autoévaluation » (file)", async () => {
    const host = new FileHost({ lang: "fr" });
    const bytes = await saveWorkbook(await renderPlanToWorkbook(planOf("fr")));
    expect(await host.openFile(new Uint8Array(bytes), "riche.xlsx")).toEqual({ ok: true });
    await addFromGaps(host);
  });
});

async function addFromGaps(host: WorkbookHost): Promise<void> {
  await rateLow(host);
  const read = await host.read();
  if (!read.ok) throw new Error(read.error.detail);
  const candidates = actionsFromGaps(read.value);
  // G1 and S4 have a template action already: the plan from gaps leaves them to it.
  expect(candidates.map((c) => c.criterion).sort()).toEqual(["G2", "G3", "S1", "S2"]);
  expect(await host.appendActions(candidates)).toEqual({ ok: true, value: 4 });
  const after = await host.read();
  if (!after.ok) throw new Error(after.error.detail);
  const actions = brief(after.value.assessment.actions);
  expect(actions.slice(0, 2)).toEqual(TEMPLATE_ROWS);
  expect(actions.slice(2)).toEqual(
    candidates.map((c, i) => ({ id: `A-00${i + 1}`, criterion: c.criterion, owner: "", due: null, status: "", source: "Autoévaluation" })),
  );
}
