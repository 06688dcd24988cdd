import { beforeEach, describe, expect, it } from "vitest";
import { createExcelHost, type OfficeEnv } from "../../addin/excel/excel.host.js";
import { ExcelFake } from "../../addin/excel/fake/excel.fake.js";
import type { WorkbookHost } from "../../addin/host/host.types.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { columnLetter as letter } from "../../addin/model/cell.address.js";
import { TABLES } from "../../addin/plan/names.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { TablePlan, WorkbookPlan } from "../../addin/plan/plan.types.js";
import { fakeSheet } from "./excel.compare.js";

const office = (): OfficeEnv => ({ isSetSupported: (_: string, v?: string) => Number(v?.split(".")[1] ?? 0) <= 20, displayLanguage: "fr-CA" });
const template = builtinTemplates()[0];
if (!template) throw new Error("no built-in template");
const plan = buildPlan(template, { lang: "fr", respondents: ["Direction", "Équipe", "Qualité"] });

function tableOf(p: WorkbookPlan, name: string): { sheet: string; table: TablePlan } {
  for (const s of p.sheets) for (const table of s.tables) if (table.name === name) return { sheet: s.name, table };
  throw new Error(`no ${name}`);
}
const grid = tableOf(plan, TABLES.grid);
const evidence = tableOf(plan, TABLES.evidence);
const col = (t: TablePlan, key: string): number => t.left + t.columns.findIndex((c) => c.key === key);
const first = String(grid.table.rows[0]?.[grid.table.columns.findIndex((c) => c.key === "criterion")]);
const second = String(grid.table.rows[1]?.[grid.table.columns.findIndex((c) => c.key === "criterion")]);
const ORG_GRID = ["rating.1", "comment.1", "rating.2", "comment.2", "rating.3", "comment.3", "agreed", "agreedReason"];
const EVAL_GRID = ["evaluatorRating", "evaluatorComment"];
const ORG_EVIDENCE = ["id", "criteria", "title", "status", "location", "comment"];
const EVAL_EVIDENCE = ["reviewStatus", "evaluatorNote", "reviewDate", "reviewer"];

/** Every cell of a table's data rows as stored, by `row:col`. */
function cellsOf(fake: ExcelFake, t: { sheet: string; table: TablePlan }): Map<string, string> {
  const sheet = fakeSheet(fake, t.sheet);
  const out = new Map<string, string>();
  for (let r = t.table.top + 1; r <= t.table.top + t.table.rows.length; r++) {
    for (let c = t.table.left; c < t.table.left + t.table.columns.length; c++) out.set(`${r}:${c}`, JSON.stringify(sheet.peek(r, c)?.stored ?? { kind: "empty" }));
  }
  return out;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
}

/** Whether the cell of `key` on the table's first data row is locked (Excel's default: locked). */
function locked(fake: ExcelFake, t: { sheet: string; table: TablePlan }, key: string): boolean {
  return fakeSheet(fake, t.sheet).peek(t.table.top + 1, col(t.table, key))?.format.locked !== false;
}

describe("Excel host: the evaluator's methods", () => {
  let fake: ExcelFake;
  let host: WorkbookHost;

  beforeEach(async () => {
    fake = new ExcelFake();
    host = createExcelHost({ runner: fake.runner(), office });
    expect(await host.generate(plan)).toEqual({ ok: true, value: undefined });
    // The organization's register: E001 and E003 back the first criterion, E002 the second.
    const context = fake.excelContext();
    const sheet = context.workbook.worksheets.getItem(evidence.sheet);
    const row = (r: number, criteria: string, title: string, status: string): void => {
      const top = evidence.table.top + 1 + r;
      sheet.getRange(`${letter(col(evidence.table, "criteria"))}${top}`).values = [[criteria]];
      sheet.getRange(`${letter(col(evidence.table, "title"))}${top}`).values = [[title]];
      sheet.getRange(`${letter(col(evidence.table, "status"))}${top}`).values = [[status]];
    };
    row(0, first, "Politique qualité", "Acceptée");
    row(1, second, "Procédure", "À produire");
    row(2, `${second}; ${first.toLowerCase()}`, "Rapport annuel", "Acceptée");
    await context.sync();
    for (const [name, rating] of [["Direction", 3], ["Équipe", 2], ["Qualité", 4]] as const) {
      expect((await host.setAnswer(first, { rating: { kind: "level", value: rating }, comment: `avis ${name}` }, name)).ok).toBe(true);
    }
    expect((await host.read()).ok).toBe(true);
  });

  it("reads one criterion's whole context in one sync: every respondent, the evaluator, the evidence that backs it", async () => {
    const start = fake.requests.length;
    const read = await host.criterionContext(first);
    expect(fake.requests.length - start).toBe(1);
    if (!read.ok) throw new Error(read.error.detail);
    const c = read.value;
    expect(c.criterion).toBe(first);
    expect(c.respondents).toEqual([
      { name: "Direction", rating: 3, comment: "avis Direction" },
      { name: "Équipe", rating: 2, comment: "avis Équipe" },
      { name: "Qualité", rating: 4, comment: "avis Qualité" },
    ]);
    expect(c.evidence.map((e) => [e.id, e.title, e.status])).toEqual([
      ["E001", "Politique qualité", "Acceptée"],
      ["E003", "Rapport annuel", "Acceptée"],
    ]);
    expect(c.evidence[0]?.review).toEqual({ status: "", note: "", date: null, reviewer: "" });
    expect(await host.criterionContext("NOPE")).toMatchObject({ ok: false, error: { code: "unknownCriterion" } });
  });

  it("setEvaluatorAnswer writes the evaluator's two cells of that row and nothing else", async () => {
    const before = cellsOf(fake, grid);
    expect(await host.setEvaluatorAnswer(first, { rating: { kind: "level", value: 2 }, comment: "=pas une formule" })).toEqual({ ok: true, value: undefined });
    const row = grid.table.top + 1;
    expect(changed(before, cellsOf(fake, grid)).sort()).toEqual([`${row}:${col(grid.table, "evaluatorRating")}`, `${row}:${col(grid.table, "evaluatorComment")}`].sort());
    const c = await host.criterionContext(first);
    expect(c.ok && c.value.evaluator).toEqual({ rating: 2, comment: "=pas une formule" });
    expect(await host.setEvaluatorAnswer(first, { rating: { kind: "na" } })).toEqual({ ok: true, value: undefined });
    const na = await host.criterionContext(first);
    expect(na.ok && na.value.evaluator.comment).toBe("=pas une formule");
  });

  it("setEvidenceReview writes the review cells of that row only, the status in the workbook's words", async () => {
    const before = cellsOf(fake, evidence);
    const day = new Date(Date.UTC(2026, 2, 14));
    expect(await host.setEvidenceReview("e003", { status: "toComplete", note: "Version signée ?", date: day, reviewer: "M. Tremblay" })).toEqual({ ok: true, value: undefined });
    const row = evidence.table.top + 3;
    expect(changed(before, cellsOf(fake, evidence)).sort()).toEqual(EVAL_EVIDENCE.map((k) => `${row}:${col(evidence.table, k)}`).sort());
    const c = await host.criterionContext(first);
    expect(c.ok && c.value.evidence[1]?.review).toMatchObject({ status: "À compléter", note: "Version signée ?", reviewer: "M. Tremblay" });
    expect(await host.setEvidenceReview("E999", { status: "accepted", note: "", reviewer: "" })).toMatchObject({ ok: false, error: { code: "unknownEvidence" } });
  });

  it("addRecommendation adds an action row « Évaluation externe » with the next R id, other rows untouched", async () => {
    expect(await host.addRecommendation({ criterion: first, text: "Adopter une politique", due: new Date(Date.UTC(2026, 5, 30)) })).toEqual({ ok: true, value: undefined });
    expect(await host.addRecommendation({ criterion: second, text: "Réviser la procédure", due: null })).toEqual({ ok: true, value: undefined });
    const read = await host.read();
    if (!read.ok) throw new Error(read.error.detail);
    const recs = (read.value.actions ?? []).filter((a) => a.source === "Évaluation externe");
    expect(recs.map((a) => [a.id, a.criterion, a.action])).toEqual([
      ["R001", first, "Adopter une politique"],
      ["R002", second, "Réviser la procédure"],
    ]);
    expect(await host.addRecommendation({ criterion: "NOPE", text: "x", due: null })).toMatchObject({ ok: false, error: { code: "unknownCriterion" } });
  });

  it("protection by mode: each side's cells editable only in its mode, the register growable in the organization's", async () => {
    const gridSheet = (): boolean => fakeSheet(fake, grid.sheet).protection.protected;
    const registerSheet = (): boolean => fakeSheet(fake, evidence.sheet).protection.protected;

    expect(await host.setProtectionMode("evaluator")).toEqual({ ok: true, value: undefined });
    expect([gridSheet(), registerSheet()]).toEqual([true, true]);
    for (const k of ORG_GRID) expect(locked(fake, grid, k), k).toBe(true);
    for (const k of EVAL_GRID) expect(locked(fake, grid, k), k).toBe(false);
    for (const k of ORG_EVIDENCE) expect(locked(fake, evidence, k), k).toBe(true);
    for (const k of EVAL_EVIDENCE) expect(locked(fake, evidence, k), k).toBe(false);
    expect(await host.setAnswer(first, { rating: { kind: "level", value: 1 } }, "Direction")).toMatchObject({ ok: false, error: { code: "protected" } });
    expect(await host.setEvaluatorAnswer(first, { rating: { kind: "level", value: 3 } })).toEqual({ ok: true, value: undefined });
    expect(await host.setEvidenceReview("E001", { status: "accepted", note: "", reviewer: "X" })).toEqual({ ok: true, value: undefined });

    expect(await host.setProtectionMode("organization")).toEqual({ ok: true, value: undefined });
    expect([gridSheet(), registerSheet()]).toEqual([true, false]);
    for (const k of ORG_GRID) expect(locked(fake, grid, k), k).toBe(false);
    for (const k of EVAL_GRID) expect(locked(fake, grid, k), k).toBe(true);
    expect(await host.setEvaluatorAnswer(first, { rating: { kind: "level", value: 1 } })).toMatchObject({ ok: false, error: { code: "protected" } });
    expect(await host.setAnswer(first, { rating: { kind: "level", value: 1 } }, "Direction")).toEqual({ ok: true, value: undefined });

    expect(await host.setProtectionMode("none")).toEqual({ ok: true, value: undefined });
    expect([gridSheet(), registerSheet()]).toEqual([false, false]);
    expect(await host.setEvaluatorAnswer(first, { rating: { kind: "level", value: 4 } })).toEqual({ ok: true, value: undefined });
  });
});
