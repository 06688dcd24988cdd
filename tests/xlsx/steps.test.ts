/**
 * The process table (`QG_Steps`) in a file: read back (columns by header, French or English),
 * checked (overdue steps, with their cell) and carried by step id through an upgrade.
 */
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../addin/model/template.parse.js";
import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { stepsStanding } from "../../addin/scoring/steps.status.js";
import { checkAssessment } from "../../addin/workbook/workbook.check.js";
import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { upgradeWorkbook } from "../../addin/xlsx/xlsx.upgrade.js";

const DATE = new Date(Date.UTC(2026, 0, 1));
const TODAY = new Date(Date.UTC(2026, 3, 15));

function template(edit: (json: Record<string, unknown>) => void = () => undefined): Template {
  const json = richTemplateJson();
  edit(json);
  const r = parseTemplate(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** A workbook of `t` with the assessment date set, its process table edited by `edit` (sheet, first data row). */
async function workbook(t: Template, lang: Lang, edit: (ws: ExcelJS.Worksheet) => void): Promise<{ wb: ExcelJS.Workbook; read: AssessmentWorkbook }> {
  const wb = await renderPlanToWorkbook(buildPlan(t, { lang, settings: { assessmentDate: DATE } }));
  edit(wb.getWorksheet(lang === "fr" ? "Démarche" : "Process") as ExcelJS.Worksheet);
  const read = readQualigridWorkbook(wb, "x.xlsx");
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return { wb, read: read.value };
}

// Columns of QG_Steps: A id, B step, C description, D deliverable, E offset, F planned, G done, H responsible, I status, J note, K overdue.
describe("the process table in a file", () => {
  it.each(["fr", "en"] as const)("is read back by header into the assessment's steps (%s)", async (lang) => {
    const { read } = await workbook(template(), lang, (ws) => {
      ws.getCell("G5").value = new Date(Date.UTC(2026, 1, 2));
      ws.getCell("H5").value = "Lise Tremblay";
      ws.getCell("I5").value = lang === "fr" ? "Terminée" : "Completed";
      ws.getCell("J5").value = "Deux sondages";
      ws.getCell("I6").value = lang === "fr" ? "En cours" : "In progress";
    });
    expect(read.steps?.map((s) => [s.id, s.responsible, s.status, s.plannedCell?.address])).toEqual([
      ["E1", "Lise Tremblay", lang === "fr" ? "Terminée" : "Completed", "F5"],
      ["E2", "", lang === "fr" ? "En cours" : "In progress", "F6"],
      ["E3", "", "", "F7"],
    ]);
    expect(read.assessment.steps?.[0]).toEqual({ id: "E1", done: new Date(Date.UTC(2026, 1, 2)), responsible: "Lise Tremblay", status: read.steps?.[0]?.status, note: "Deux sondages" });
    const s = stepsStanding(read.assessment, TODAY);
    expect([s?.next?.id, s?.overdue.map((x) => x.id), s?.done]).toEqual(["E2", ["E2"], 1]);
  });

  it("gives no steps for a template without them", async () => {
    const t = template((j) => delete j.steps);
    const wb = await renderPlanToWorkbook(buildPlan(t, { lang: "fr", settings: { assessmentDate: DATE } }));
    expect(wb.getWorksheet("Démarche")).toBeUndefined();
    const r = readQualigridWorkbook(wb, "x.xlsx");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const read = r.value;
    expect(read.steps ?? null).toBeNull();
    expect(read.assessment.steps).toBeNull();
  });

  it("is checked: an overdue step is a warning at its planned date, a completed one is not", async () => {
    const { read } = await workbook(template(), "fr", (ws) => {
      ws.getCell("I5").value = "Terminée";
    });
    const found = checkAssessment(read, "fr", { today: TODAY }).filter((f) => f.code === "stepOverdue");
    expect(found.map((f) => [f.severity, `${f.where.sheet}!${f.where.address}`])).toEqual([["warning", "Démarche!F6"]]);
    expect(found[0]?.message).toBe("l'étape E2 («\u00a0Autoévaluation\u00a0») est en retard (date prévue 2026-04-01)\u00a0: inscrivez sa date de réalisation ou mettez son statut à jour");
    expect(checkAssessment(read, "en", { today: TODAY }).find((f) => f.code === "stepOverdue")?.message).toBe(
      'step E2 ("Self-assessment") is overdue (planned for 2026-04-01): enter the date it was done or update its status',
    );
  });

  it("carries every entry by step id through an upgrade; a dropped step's entries go to the notes sheet", async () => {
    const { wb, read } = await workbook(template(), "fr", (ws) => {
      ws.getCell("G5").value = new Date(Date.UTC(2026, 1, 2));
      ws.getCell("H5").value = "Lise Tremblay";
      ws.getCell("I5").value = "Terminée";
      ws.getCell("J5").value = "Deux sondages";
      ws.getCell("H6").value = "Paul";
      ws.getCell("I7").value = "En cours";
    });
    // The new version drops E2, puts E3 first and adds E4.
    const next = template((j) => {
      j.version = "2.1.0";
      j.steps = [
        { id: "E3", title: "Visite de l'évaluateur externe", dueOffsetDays: 150 },
        { id: "E1", title: "Sondages", dueOffsetDays: 30 },
        { id: "E4", title: "Rapport final", dueOffsetDays: 200 },
      ];
    });
    const up = await upgradeWorkbook(wb, read, next);
    if (!up.ok) throw new Error(JSON.stringify(up.issues));
    const back = readQualigridWorkbook(up.value.workbook, "y.xlsx");
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.value.assessment.steps).toEqual([
      { id: "E3", done: null, responsible: "", status: "En cours", note: "" },
      { id: "E1", done: new Date(Date.UTC(2026, 1, 2)), responsible: "Lise Tremblay", status: "Terminée", note: "Deux sondages" },
      { id: "E4", done: null, responsible: "", status: "", note: "" },
    ]);
    expect(up.value.summary.notesMoved).toContain("Démarche!H6");
    const notes = up.value.workbook.getWorksheet(up.value.summary.notesSheet ?? "");
    const values: unknown[] = [];
    notes?.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain("Paul");
  });
});

describe("a user's own « Démarche » sheet", () => {
  it("is carried over whole by an upgrade of a workbook made before steps existed", async () => {
    const old = template((j) => delete j.steps);
    const wb = await renderPlanToWorkbook(buildPlan(old, { lang: "fr" }));
    wb.addWorksheet("Démarche").getCell("B2").value = "Nos étapes à nous";
    const read = readQualigridWorkbook(wb, "x.xlsx");
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const up = await upgradeWorkbook(wb, read.value, template((j) => (j.version = "2.1.0")));
    if (!up.ok) throw new Error(JSON.stringify(up.issues));
    expect(up.value.summary.sheetsCopied).toHaveLength(1);
    // The new version has its own « Démarche »: the user's sheet is kept beside it.
    expect(up.value.workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Démarche", "Démarche 2"]));
    expect(up.value.workbook.getWorksheet("Démarche 2")?.getCell("B2").value).toBe("Nos étapes à nous");
    const values: unknown[] = [];
    for (const ws of up.value.workbook.worksheets) ws.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain("Nos étapes à nous");
  });
});
