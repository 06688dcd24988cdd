/**
 * The workbook's settings in its formulas against the engine, in a real spreadsheet engine.
 *
 * Workbooks whose evidence register holds accepted items expired before, on and after the reference
 * date (the assessment date when set, else today), items with no expiry date and items not accepted,
 * are recalculated by LibreOffice: every criterion's accepted-evidence count, every dimension's and
 * the overall coverage must equal the engine's. The overall result's « provisoire » cell and the
 * maturity level must follow the engine's `provisional`, with the default threshold and with one
 * set in the workbook (as `qualigrid set` writes it).
 */
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import type { WorkbookSettings } from "../../addin/model/settings.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { EVIDENCE_STATUSES, TEXTS } from "../../addin/plan/labels.js";
import { NAMES } from "../../addin/plan/names.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { WorkbookPlan } from "../../addin/plan/plan.types.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import { maturityBands, maturityLabel } from "../../addin/scoring/maturity.js";
import type { AssessmentResult } from "../../addin/scoring/scoring.types.js";
import { loadQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { writeSettings } from "../../addin/xlsx/xlsx.settings.js";
import { computedValue, findSoffice, LIBREOFFICE_INSTALL_HINT } from "../support/libreoffice.js";
import { caseFileName, columnOf, mismatchCollector, recalculatedWorkbooks } from "../support/parity.js";

const soffice = findSoffice();
if (!soffice) console.warn(`LibreOffice not found: the settings' formulas were NOT proved against the engine. Install it with: ${LIBREOFFICE_INSTALL_HINT}`);

const DAY = 86_400_000;
const utcDay = (d: Date): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
const now = new Date();
/** Today as LibreOffice's TODAY() gives it: the local calendar day. */
const TODAY = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));

interface Case {
  name: string;
  template: Template;
  lang: Lang;
  /** Settings given when the workbook is generated. */
  settings?: Partial<WorkbookSettings>;
  /** Settings written afterwards, as `qualigrid set` does. */
  set?: Partial<WorkbookSettings>;
  /** Share of criteria rated. */
  rated: number;
  /** The reference date the register's expiry dates are spread around. */
  reference: Date;
}

const [EQ, RQ] = builtinTemplates() as [Template, Template];
const DATE = new Date(Date.UTC(2025, 2, 31));

const CASES: Case[] = [
  { name: "an assessment date, 35 % rated: provisional (fr)", template: EQ, lang: "fr", settings: { assessmentDate: DATE, organization: "Entraide" }, rated: 0.35, reference: DATE },
  { name: "no assessment date (today), all rated: final (en)", template: RQ, lang: "en", rated: 1, reference: TODAY },
  { name: "date and threshold 0.3 set afterwards, 35 % rated: final (fr)", template: EQ, lang: "fr", set: { assessmentDate: DATE, completionThreshold: 0.3 }, rated: 0.35, reference: DATE },
  { name: "threshold 0.95, 90 % rated: provisional (en)", template: RQ, lang: "en", settings: { completionThreshold: 0.95, assessmentDate: DATE }, rated: 0.9, reference: DATE },
];

/** Ratings for the first `rated` share of criteria, and a register with every kind of expiry around `reference`. */
function fill(wb: ExcelJS.Workbook, plan: WorkbookPlan, c: Case): void {
  const grid = plan.sheets.find((s) => s.key === "grid");
  const g = grid?.tables[0];
  if (!grid || !g) throw new Error("no grid");
  const gws = wb.getWorksheet(grid.name) as ExcelJS.Worksheet;
  const gcol = (k: string): number => columnOf(g, k);
  const ids = g.rows.map((_, i) => String(gws.getCell(g.top + 1 + i, gcol("criterion")).value));
  const levels = c.template.scale.levels.map((l) => l.value);
  const count = Math.round(ids.length * c.rated);
  for (let i = 0; i < count; i++) gws.getCell(g.top + 1 + i, gcol("rating")).value = levels[i % levels.length] ?? null;

  const ev = plan.sheets.find((s) => s.key === "evidence");
  const e = ev?.tables[0];
  if (!ev || !e) throw new Error("no register");
  const ews = wb.getWorksheet(ev.name) as ExcelJS.Worksheet;
  const ecol = (k: string): number => columnOf(e, k);
  const accepted = EVIDENCE_STATUSES.find((s) => s.key === "accepted")?.text[c.lang] ?? "";
  const provided = EVIDENCE_STATUSES.find((s) => s.key === "provided")?.text[c.lang] ?? "";
  const at = (days: number): Date => new Date(c.reference.getTime() + days * DAY);
  // Each criterion gets one item, its expiry cycling: expired long ago, the day before, the very day,
  // the day after, no date; every fifth item is provided only; a few items name two criteria.
  const expiries: (Date | null)[] = [at(-400), at(-1), at(0), at(1), null, at(30)];
  ids.forEach((id, i) => {
    const row = e.top + 1 + i;
    if (row > e.top + e.rows.length) return;
    ews.getCell(row, ecol("criteria")).value = i % 7 === 3 ? `${id}; ${ids[(i + 1) % ids.length]}` : id;
    ews.getCell(row, ecol("status")).value = i % 5 === 4 ? provided : accepted;
    ews.getCell(row, ecol("title")).value = `Doc ${i}`;
    const x = expiries[i % expiries.length] ?? null;
    if (x) ews.getCell(row, ecol("expiry")).value = x;
  });
}

interface Prepared {
  c: Case;
  plan: WorkbookPlan;
  bytes: Uint8Array;
  engine: AssessmentResult;
}

const prepared: Prepared[] = [];
const recalculated = new Map<Case, ExcelJS.Workbook>();

describe.skipIf(!soffice)("settings in the workbook's formulas, recalculated by LibreOffice, equal the engine", () => {
  beforeAll(async () => {
    for (const [i, c] of CASES.entries()) {
      const plan = buildPlan(c.template, { lang: c.lang, blankRows: 60, ...(c.settings ? { settings: c.settings } : {}) });
      const wb = await renderPlanToWorkbook(plan);
      fill(wb, plan, c);
      if (c.set) expect(writeSettings(wb, c.lang, c.set)).toEqual({ ok: true });
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      // The engine reads the file as the command line does: settings included.
      const read = await loadQualigridWorkbook(bytes, caseFileName(i));
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      prepared.push({ c, plan, bytes, engine: scoreAssessment(read.value.assessment.assessment, { today: TODAY }) });
    }
    const workbooks = await recalculatedWorkbooks("qg-settings-parity-", prepared, { timeoutMs: 300_000 });
    workbooks.forEach((wb, i) => {
      const p = prepared[i];
      if (p) recalculated.set(p.c, wb);
    });
  }, 600_000);

  for (const c of CASES) {
    it(`agrees on expired evidence and the provisional result: ${c.name}`, () => {
      const p = prepared.find((x) => x.c === c);
      const wb = recalculated.get(c);
      if (!p || !wb) throw new Error("case not prepared");
      expect(compare(p, wb)).toEqual([]);
      // The cases cover what they claim: some accepted items expired, and the expected provisional state.
      const { engine } = p;
      expect(engine.criteria.some((x) => x.acceptedEvidenceCount < x.evidenceCount)).toBe(true);
      expect(engine.overall.provisional).toBe(c.name.includes(": provisional"));
    });
  }
});

/** Every figure the recalculated workbook shows that differs from the engine, as readable lines. */
function compare(p: Prepared, wb: ExcelJS.Workbook): string[] {
  const { same, lines: out } = mismatchCollector(1e-9);
  const { plan, engine, c } = p;
  const grid = plan.sheets.find((s) => s.key === "grid");
  const g = grid?.tables[0];
  if (!grid || !g) return ["no grid"];
  const gws = wb.getWorksheet(grid.name) as ExcelJS.Worksheet;
  const gcol = (k: string): number => columnOf(g, k);
  engine.criteria.forEach((x, i) => {
    same(`${x.id} evidence`, computedValue(gws.getCell(g.top + 1 + i, gcol("evidenceCount"))), x.evidenceCount);
    same(`${x.id} accepted evidence`, computedValue(gws.getCell(g.top + 1 + i, gcol("acceptedEvidence"))), x.acceptedEvidenceCount);
  });
  const dash = plan.sheets.find((s) => s.key === "dashboard");
  const scores = dash?.tables[0];
  if (!dash || !scores) return [...out, "no dashboard"];
  const dws = wb.getWorksheet(dash.name) as ExcelJS.Worksheet;
  const coverage = columnOf(scores, "coverage");
  engine.dimensions.forEach((d, i) => same(`${d.id} coverage`, computedValue(dws.getCell(scores.top + 1 + i, coverage)), d.evidenceCoverage));
  const named = (name: string): unknown => {
    const ref = plan.names.find((n) => n.name === name);
    return ref ? computedValue(dws.getCell(ref.ref.replace(/\$/g, ""))) : "missing name";
  };
  const o = engine.overall;
  same("overall coverage", named(NAMES.overallCoverage), o.evidenceCoverage);
  same("overall completion", named(NAMES.overallCompletion), o.completion);
  same("provisional", named(NAMES.overallProvisional), o.provisional ? TEXTS.provisional[c.lang] : null);
  same("maturity", named(NAMES.overallMaturity), o.provisional ? null : maturityLabel(o.score, maturityBands(c.template), c.lang));
  // The reference date the formulas used.
  const lists = plan.sheets.find((s) => s.key === "lists");
  const ref = plan.names.find((n) => n.name === NAMES.referenceDate);
  const refValue = lists && ref ? computedValue((wb.getWorksheet(lists.name) as ExcelJS.Worksheet).getCell(ref.ref.replace(/\$/g, ""))) : null;
  const want = c.settings?.assessmentDate ?? c.set?.assessmentDate ?? TODAY;
  if (!(refValue instanceof Date) || utcDay(refValue).getTime() !== want.getTime()) out.push(`reference date: workbook ${String(refValue)}, engine ${want.toISOString()}`);
  return out;
}
