/**
 * The process table's formulas (`QG_Steps`) against the engine, in a real spreadsheet engine: with
 * the assessment date set when the workbook is made, set afterwards (as `qualigrid set` writes it)
 * and left blank, and steps completed by status or by a date done, LibreOffice's planned dates and
 * « En retard » flags must equal `stepsStanding`'s.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseTemplate } from "../../addin/model/template.parse.js";
import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { TEXTS } from "../../addin/plan/labels.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { TablePlan } from "../../addin/plan/plan.types.js";
import { stepsStanding, type StepsStanding } from "../../addin/scoring/steps.status.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { writeSettings } from "../../addin/xlsx/xlsx.settings.js";
import { computedValue, findSoffice, LIBREOFFICE_INSTALL_HINT } from "../support/libreoffice.js";
import { caseFileName, columnOf, recalculatedWorkbooks } from "../support/parity.js";

const soffice = findSoffice();
if (!soffice) console.warn(`LibreOffice not found: the process table's formulas were NOT proved against the engine. Install it with: ${LIBREOFFICE_INSTALL_HINT}`);

const DAY = 86_400_000;
const now = new Date();
/** Today as LibreOffice's TODAY() gives it: the local calendar day. */
const TODAY = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
/** 100 days ago: E1 (+30) and E2 (+90) are past, E3 (+150) is to come. */
const DATE = new Date(TODAY.getTime() - 100 * DAY);

function template(): Template {
  const json = richTemplateJson();
  // A fourth step planned exactly today (not overdue) and a fifth with no offset (no planned date).
  json.steps.push({ id: "E4", title: "Décision", dueOffsetDays: 100 }, { id: "E5", title: "Rapport final" });
  const r = parseTemplate(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

interface Case {
  name: string;
  lang: Lang;
  /** The assessment date given when the workbook is made, or written afterwards. */
  made?: Date;
  set?: Date;
  /** Entries by row (0-based): status, date done. */
  entries: { status?: "done" | "inProgress"; done?: Date }[];
}

const CASES: Case[] = [
  { name: "date given at creation, nothing entered (fr)", lang: "fr", made: DATE, entries: [] },
  { name: "date set afterwards, E1 completed by status, E2 by a date done (en)", lang: "en", set: DATE, entries: [{ status: "done" }, { done: new Date(TODAY.getTime() - 5 * DAY) }] },
  { name: "date set afterwards, E1 in progress (fr)", lang: "fr", set: DATE, entries: [{ status: "inProgress" }] },
  { name: "no assessment date: no planned date, nothing overdue (fr)", lang: "fr", entries: [] },
];

const STATUS: Record<"done" | "inProgress", Record<Lang, string>> = { done: { fr: "Terminée", en: "Completed" }, inProgress: { fr: "En cours", en: "In progress" } };

interface Prepared {
  c: Case;
  table: TablePlan;
  sheet: string;
  bytes: Uint8Array;
  engine: StepsStanding;
}

const prepared: Prepared[] = [];
const recalculated = new Map<Case, ExcelJS.Workbook>();

describe.skipIf(!soffice)("the process table's formulas, recalculated by LibreOffice, equal the engine", () => {
  beforeAll(async () => {
    for (const [i, c] of CASES.entries()) {
      const plan = buildPlan(template(), { lang: c.lang, ...(c.made ? { settings: { assessmentDate: c.made } } : {}) });
      const s = plan.sheets.find((x) => x.key === "steps");
      const table = s?.tables[0];
      if (!s || !table) throw new Error("no process sheet");
      const wb = await renderPlanToWorkbook(plan);
      const ws = wb.getWorksheet(s.name) as ExcelJS.Worksheet;
      const col = (k: string): number => columnOf(table, k);
      c.entries.forEach((e, r) => {
        if (e.status) ws.getCell(table.top + 1 + r, col("status")).value = STATUS[e.status][c.lang];
        if (e.done) ws.getCell(table.top + 1 + r, col("done")).value = e.done;
      });
      if (c.set) expect(writeSettings(wb, c.lang, { assessmentDate: c.set })).toEqual({ ok: true });
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      const back = new ExcelJS.Workbook();
      await back.xlsx.load(bytes as unknown as ArrayBuffer);
      const read = readQualigridWorkbook(back, caseFileName(i));
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      const engine = stepsStanding(read.value.assessment, TODAY);
      if (!engine) throw new Error("no steps");
      prepared.push({ c, table, sheet: s.name, bytes, engine });
    }
    const workbooks = await recalculatedWorkbooks("qg-steps-parity-", prepared, { timeoutMs: 300_000 });
    workbooks.forEach((wb, i) => {
      const p = prepared[i];
      if (p) recalculated.set(p.c, wb);
    });
  }, 600_000);

  for (const c of CASES) {
    it(`agrees on planned dates and overdue steps: ${c.name}`, () => {
      const p = prepared.find((x) => x.c === c);
      const wb = recalculated.get(c);
      if (!p || !wb) throw new Error("case not prepared");
      const ws = wb.getWorksheet(p.sheet) as ExcelJS.Worksheet;
      const col = (k: string): number => columnOf(p.table, k);
      const got = p.engine.steps.map((_, i) => {
        const planned = computedValue(ws.getCell(p.table.top + 1 + i, col("planned")));
        return {
          planned: planned instanceof Date ? planned.toISOString().slice(0, 10) : typeof planned === "number" ? new Date(Date.UTC(1899, 11, 30) + planned * DAY).toISOString().slice(0, 10) : planned,
          overdue: computedValue(ws.getCell(p.table.top + 1 + i, col("overdue"))) === TEXTS.overdue[c.lang],
        };
      });
      const want = p.engine.steps.map((s) => ({ planned: s.planned ? s.planned.toISOString().slice(0, 10) : "", overdue: s.overdue }));
      expect(got).toEqual(want);
      // The cases cover what they claim.
      if (c.made ?? c.set) expect(p.engine.steps.map((s) => s.planned !== null)).toEqual([true, true, true, true, false]);
      if (c.entries.length === 0 && (c.made ?? c.set)) expect(p.engine.overdue.map((s) => s.id)).toEqual(["E1", "E2"]);
    });
  }
});
