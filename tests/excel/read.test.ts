import type ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { createExcelHost } from "../../addin/excel/excel.host.js";
import { readAssessmentFromExcel, readExcelTables } from "../../addin/excel/excel.read.js";
import { renderPlanToExcel } from "../../addin/excel/excel.render.js";
import { ExcelFake, type FakeOptions } from "../../addin/excel/fake/excel.fake.js";
import { syntheticTemplate } from "../../addin/excel/fake/synthetic.js";
import type { AnswerLine } from "../../addin/model/answers.parse.js";
import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { isTextCriterion, scaleOfCriterion } from "../../addin/model/criterion.scale.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { WorkbookPlan } from "../../addin/plan/plan.types.js";
import { TABLES } from "../../addin/plan/names.js";
import { textEntry } from "../../addin/plan/text.entry.js";
import { cellAddress } from "../../addin/model/cell.address.js";
import { fillAnswers } from "../../addin/xlsx/xlsx.fill.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { HOSTILE, HOSTILE_TEXTS } from "./excel.fixtures.js";

const OFFICE = () => ({ isSetSupported: () => true, displayLanguage: "fr-CA" });

/**
 * Answers for the first criteria: a level of the criterion's own scale, N/A, a hostile comment,
 * blank; a free-text question answered in words instead of a level.
 */
function answersFor(template: Template): AnswerLine[] {
  const criteria = template.dimensions.flatMap((d) => d.criteria);
  return criteria.slice(0, 8).map((c, i): AnswerLine => {
    const scale = scaleOfCriterion(template, c);
    const levels = scale.levels.map((l) => l.value);
    const na = i % 4 === 1 && scale.notApplicable;
    const text = isTextCriterion(c);
    return {
      criterion: c.id,
      rating: na ? { kind: "na" } : i % 4 === 3 || text ? { kind: "blank" } : { kind: "level", value: levels[i % levels.length] ?? 1 },
      text: text ? (na || i % 4 === 3 ? "" : `Réponse ${i} ; =1+1`) : null,
      comment: HOSTILE_TEXTS[i % HOSTILE_TEXTS.length] ?? null,
      line: i + 2,
    };
  });
}

/** The level the evaluator gives the first criterion: the lowest of its scale; none for a question. */
function evaluatorLevel(template: Template): number | null {
  const first = template.dimensions[0]?.criteria[0];
  if (!first || isTextCriterion(first)) return null;
  return scaleOfCriterion(template, first).levels[0]?.value ?? 1;
}

/** What the evaluator writes beside the first criterion. */
const EVALUATOR_COMMENT = "-Preuve à fournir";

/** A document date and an action's due date, as Excel serial and as date. */
const DUE = { serial: 45473, date: new Date(Date.UTC(2024, 5, 30)) };

/** The same content twice: a file (exceljs) and the fake workbook (Office.js), then both read back. */
async function both(plan: WorkbookPlan, fakeOptions: Partial<FakeOptions> = {}): Promise<{ file: AssessmentWorkbook; fake: ExcelFake; plan: WorkbookPlan }> {
  const wb = await renderPlanToWorkbook(plan);
  const fake = new ExcelFake(fakeOptions);
  const out = await renderPlanToExcel(fake.excelContext(), plan);
  if (!out.ok) throw new Error(out.detail);

  const lines = answersFor(plan.template);
  const first = readQualigridWorkbook(wb, "x.xlsx");
  if (!first.ok) throw new Error(JSON.stringify(first.issues));
  fillAnswers(wb, first.value, lines);
  const host = createExcelHost({ runner: fake.runner(), office: OFFICE });
  for (const l of lines) {
    const r = await host.setAnswer(l.criterion, { rating: l.rating, ...(l.comment === null ? {} : { comment: l.comment }), ...(l.text === null ? {} : { text: l.text }) });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }

  // One evidence row, one action with a due date, a changed target: typed by a person in both.
  const ctx = fake.excelContext();
  const put = (sheet: ExcelJS.Worksheet | undefined, address: string, value: ExcelJS.CellValue, entry: string | number): void => {
    if (!sheet) return;
    sheet.getCell(address).value = value;
    ctx.workbook.worksheets.getItem(sheet.name).getRange(address).values = [[entry]];
  };
  const criterion = lines[0]?.criterion ?? "";
  const sheets = new Map(plan.sheets.map((s) => [s.key, wb.getWorksheet(s.name)]));
  // The evaluator's rating and comment of the first criterion.
  const grid = plan.sheets.find((s) => s.key === "grid")?.tables.find((t) => t.name === TABLES.grid);
  if (grid) {
    const at = (key: string): string => cellAddress(grid.top + 1, grid.left + grid.columns.findIndex((c) => c.key === key));
    const level = evaluatorLevel(plan.template);
    if (level !== null) put(sheets.get("grid"), at("evaluatorRating"), level, level);
    put(sheets.get("grid"), at("evaluatorComment"), EVALUATOR_COMMENT, textEntry(EVALUATOR_COMMENT));
  }
  if (plan.options.parts.evidence) {
    put(sheets.get("evidence"), "A5", "P-1", textEntry("P-1"));
    put(sheets.get("evidence"), "B5", `${criterion}, =1+1`, textEntry(`${criterion}, =1+1`));
    put(sheets.get("evidence"), "C5", "=HYPERLINK(\"x\")", textEntry("=HYPERLINK(\"x\")"));
    put(sheets.get("evidence"), "F5", DUE.date, DUE.serial);
  }
  if (plan.options.parts.actions) {
    // The second row below the template's own actions; columns by key (a Livrable column comes with them).
    const t = plan.sheets.find((x) => x.key === "actions")?.tables.find((x) => x.name === TABLES.actions);
    if (!t) throw new Error("no action plan");
    const row = t.top + 2 + (plan.template.actions ?? []).length;
    const at = (key: string): string => cellAddress(row, t.left + t.columns.findIndex((c) => c.key === key));
    put(sheets.get("actions"), at("id"), "A-001", textEntry("A-001"));
    put(sheets.get("actions"), at("criterion"), criterion, textEntry(criterion));
    put(sheets.get("actions"), at("owner"), "-Pilote", textEntry("-Pilote"));
    put(sheets.get("actions"), at("due"), DUE.date, DUE.serial);
  }
  if (plan.options.parts.dashboard) {
    put(sheets.get("dashboard"), "B6", 72, 72);
    // The first dimension's target, wherever the plan puts the scores table.
    const scores = plan.sheets.find((x) => x.key === "dashboard")?.tables.find((x) => x.name === TABLES.scores);
    if (!scores) throw new Error("no scores table");
    const target = cellAddress(scores.top + 1, scores.left + scores.columns.findIndex((c) => c.key === "target"));
    put(sheets.get("dashboard"), target, 81, 81);
  }
  await ctx.sync();

  const file = readQualigridWorkbook(wb, "Classeur.xlsx");
  if (!file.ok) throw new Error(JSON.stringify(file.issues));
  return { file: file.value, fake, plan };
}

const FIXTURES: [string, WorkbookPlan][] = [
  ...builtinTemplates().map((t, i): [string, WorkbookPlan] => [`${t.id}`, buildPlan(t, { lang: (i % 2 === 0 ? "fr" : "en") as Lang })]),
  ["hostile texts", buildPlan(HOSTILE, { lang: "fr" })],
  ["grid only", buildPlan(builtinTemplates()[0] as Template, { lang: "en", parts: { evidence: false, actions: false, dashboard: false } })],
];

describe("reading the open workbook", () => {
  it.each(FIXTURES)("gives the same AssessmentWorkbook as the file reader, in one sync: %s", async (_, plan) => {
    const { file, fake } = await both(plan);
    const context = fake.excelContext();
    const sync = vi.spyOn(context, "sync");
    const { result } = await readAssessmentFromExcel(context);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toEqual(file);
  });

  it.each(FIXTURES)("gives the same assessment model as the file reader, holding what was typed: %s", async (_, plan) => {
    const { file, fake } = await both(plan);
    const { result } = await readAssessmentFromExcel(fake.excelContext());
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.assessment).toEqual(file.assessment);

    const model = file.assessment;
    const lines = answersFor(plan.template);
    expect(model.respondents).toEqual([{ name: "", role: "self" }]);
    expect(model.evaluator).toEqual({ name: "", role: "evaluator" });
    expect(model.criteria.slice(0, lines.length).map((c) => [c.criterion, c.answers[0]?.rating, c.answers[0]?.comment, c.answers[0]?.text])).toEqual(
      lines.map((l) => [l.criterion, l.rating, l.comment ?? "", l.text ?? ""]),
    );
    const level = evaluatorLevel(plan.template);
    expect(model.criteria[0]?.evaluator).toEqual({ rating: level === null ? { kind: "blank" } : { kind: "level", value: level }, comment: EVALUATOR_COMMENT, text: "" });
    expect(model.criteria[1]?.evaluator?.rating).toEqual({ kind: "blank" });
    // Typed below the template's own actions (pre-filled by Engagement Qualité, Donner le CAP, Partenariat 2.0.0).
    const prefilled = (plan.template.actions ?? []).map((a) => a.id);
    if (plan.options.parts.actions) expect(model.actions?.map((a) => [a.id, a.criterion, a.owner, a.due]).filter(([id]) => !prefilled.includes(String(id)))).toEqual([["A-001", lines[0]?.criterion, "-Pilote", DUE.date]]);
    else expect(model.actions).toBeNull();
    if (plan.options.parts.evidence) expect(model.evidence?.map((e) => [e.id, e.criteria])).toEqual([["P-1", [lines[0]?.criterion, "=1+1"]]]);
    else expect(model.evidence).toBeNull();
  });

  it("reads hostile comments back as the very text written", async () => {
    const { fake, plan } = await both(buildPlan(HOSTILE, { lang: "fr" }));
    const { result } = await readAssessmentFromExcel(fake.excelContext());
    const comments = result.ok ? result.value.grid.slice(0, 8).map((r) => r.comment) : [];
    expect(comments).toEqual(answersFor(plan.template).map((l) => l.comment ?? ""));
  });

  it("still reads everything when this Excel will not follow a null object (a part not generated)", async () => {
    const plan = buildPlan(builtinTemplates()[1] as Template, { lang: "fr", parts: { evidence: false, actions: true, dashboard: false } });
    const { file, fake } = await both(plan, { nullObjects: "throw" });
    const context = fake.excelContext();
    const read = await readExcelTables(context);
    expect(read.syncs).toBeGreaterThan(1);
    const { result } = await readAssessmentFromExcel(fake.excelContext());
    expect(result.ok && result.value).toEqual(file);
  });

  it("reads a workbook too large for one response in pieces", async () => {
    const plan = buildPlan(syntheticTemplate(1000), { lang: "fr" });
    const { file, fake } = await both(plan, { maxResponseBytes: 400 * 1024 });
    const read = await readExcelTables(fake.excelContext());
    expect(read.syncs).toBeGreaterThan(3);
    for (const r of fake.requests.filter((x) => !x.error)) expect(r.responseBytes).toBeLessThanOrEqual(400 * 1024);
    const { result } = await readAssessmentFromExcel(fake.excelContext());
    expect(result.ok && result.value).toEqual(file);
  });
});
