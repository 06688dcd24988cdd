/**
 * The second version's fields (design.md "Template model, second version") in the workbook's own
 * formulas against the engine, recalculated by LibreOffice: several scales (gaps in default-scale
 * units), free-text questions answered in the « Réponse » column, required criteria (N/A refused,
 * « requis non atteints »), themes (`QG_Themes`). Seeded random answers on the rich test template,
 * in French and English; every figure of the grid, `QG_Scores`, `QG_Themes` and the overall block
 * must equal the engine's within 1e-9, and a sabotaged theme formula must be caught.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { isTextCriterion, scaleOfCriterion } from "../../addin/model/criterion.scale.js";
import { naDisplayToken } from "../../addin/model/scale.js";
import { parseTemplate } from "../../addin/model/template.parse.js";
import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { EVIDENCE_STATUSES } from "../../addin/plan/labels.js";
import { NAMES, TABLES } from "../../addin/plan/names.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { WorkbookPlan } from "../../addin/plan/plan.types.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import type { AssessmentResult } from "../../addin/scoring/scoring.types.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { computedValue, findSoffice } from "../support/libreoffice.js";
import { caseFileName, columnOf, mismatchCollector, recalculatedWorkbooks, sameCriterionRow } from "../support/parity.js";
import { pick, seededRandom } from "../support/random.js";

const soffice = findSoffice();
const TOLERANCE = 1e-9;

function rich(): Template {
  const r = parseTemplate(richTemplateJson());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** The rich template grown to many criteria, so random answers reach every combination. */
function richMany(): Template {
  const t = rich();
  for (const d of t.dimensions) {
    const base = d.criteria;
    d.criteria = Array.from({ length: 4 }, (_, k) => base.map((c) => ({ ...c, id: `${c.id}${k === 0 ? "" : `-${k}`}`, replaces: undefined }))).flat();
    for (const c of d.criteria) if (c.replaces === undefined) delete c.replaces;
  }
  delete t.actions;
  return t;
}

interface Case {
  name: string;
  lang: Lang;
  seed: number;
  sabotage?: boolean;
}

const CASES: Case[] = [
  { name: "rich template fr", lang: "fr", seed: 5000 },
  { name: "rich template en", lang: "en", seed: 5001 },
  { name: "rich template, another draw", lang: "fr", seed: 5002 },
  { name: "sabotaged theme score", lang: "fr", seed: 5003, sabotage: true },
];

/** Answers like people give them: levels of each criterion's own scale, other scales' levels, N/A (also on required criteria), words, blanks. */
function fill(wb: ExcelJS.Workbook, plan: WorkbookPlan, template: Template, c: Case): void {
  const rand = seededRandom(c.seed);
  const gridSheet = plan.sheets.find((s) => s.key === "grid");
  const grid = gridSheet?.tables[0];
  if (!gridSheet || !grid) throw new Error("no grid");
  const ws = wb.getWorksheet(gridSheet.name) as ExcelJS.Worksheet;
  const criteria = template.dimensions.flatMap((d) => d.criteria);
  const allLevels = [0, 1, 2, 3, 4, 5, 8, 10];
  criteria.forEach((crit, i) => {
    const row = grid.top + 1 + i;
    const rating = ws.getCell(row, columnOf(grid, "rating"));
    const answer = ws.getCell(row, columnOf(grid, "answer"));
    const roll = rand();
    if (isTextCriterion(crit)) {
      if (roll < 0.5) answer.value = pick(rand, ["Oui, chaque mois.", "  ", "=1+1", "42", "Des ateliers ; des sondages"]);
      else if (roll < 0.7) rating.value = naDisplayToken(c.lang);
      else if (roll < 0.8) rating.value = 3; // a number typed in a question's rating cell: never scored
      return;
    }
    const own = scaleOfCriterion(template, crit).levels.map((l) => l.value);
    if (roll < 0.6) rating.value = pick(rand, own);
    else if (roll < 0.7) rating.value = pick(rand, allLevels); // maybe another scale's level: unreadable here
    else if (roll < 0.8) rating.value = pick(rand, [naDisplayToken(c.lang), "S/O", "N/A"]);
    else if (roll < 0.9) rating.value = null;
    else rating.value = pick(rand, ["??", "Oui", 2.5]);
  });
  const evSheet = plan.sheets.find((s) => s.key === "evidence");
  const ev = evSheet?.tables[0];
  if (evSheet && ev) {
    const ews = wb.getWorksheet(evSheet.name) as ExcelJS.Worksheet;
    const statuses = EVIDENCE_STATUSES.map((s) => s.text[c.lang]);
    ev.rows.forEach((_, i) => {
      if (rand() < 0.3) return;
      const row = ev.top + 1 + i;
      ews.getCell(row, columnOf(ev, "criteria")).value = [pick(rand, criteria).id, pick(rand, criteria).id].join(", ");
      ews.getCell(row, columnOf(ev, "status")).value = pick(rand, statuses);
    });
  }
}

interface Prepared {
  c: Case;
  template: Template;
  plan: WorkbookPlan;
  bytes: Buffer;
  engine: AssessmentResult;
}

const prepared: Prepared[] = [];
const recalculated = new Map<Case, ExcelJS.Workbook>();

describe.skipIf(!soffice)("the second version's formulas recalculated by LibreOffice equal the engine", () => {
  beforeAll(async () => {
    for (const [i, c] of CASES.entries()) {
      const template = richMany();
      const plan = buildPlan(template, { lang: c.lang, blankRows: 20, parts: { evidence: true, actions: true, dashboard: true } });
      if (c.sabotage) {
        const themes = plan.sheets.find((s) => s.key === "dashboard")?.tables.find((t) => t.name === TABLES.themes);
        const k = themes?.columns.findIndex((x) => x.key === "score") ?? -1;
        if (!themes || k < 0) throw new Error("no themes table");
        for (const row of themes.rows) row[k] = { formula: (row[k] as { formula: string }).formula.replace("100*", "99*") };
      }
      const wb = await renderPlanToWorkbook(plan);
      fill(wb, plan, template, c);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const back = new ExcelJS.Workbook();
      await back.xlsx.load(bytes as unknown as ArrayBuffer);
      const read = readQualigridWorkbook(back, caseFileName(i));
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      prepared.push({ c, template, plan, bytes, engine: scoreAssessment(read.value.assessment) });
    }
    const workbooks = await recalculatedWorkbooks("qg-parity-fields-", prepared, { timeoutMs: 300_000 });
    workbooks.forEach((wb, i) => {
      const p = prepared[i];
      if (p) recalculated.set(p.c, wb);
    });
  });

  for (const c of CASES) {
    it(c.sabotage ? "catches a deliberately wrong theme-score formula" : `agrees for ${c.name}`, () => {
      const p = prepared.find((x) => x.c === c);
      const wb = recalculated.get(c);
      if (!p || !wb) throw new Error("case not prepared");
      const mismatches = compare(p, wb);
      if (c.sabotage) expect(mismatches.filter((m) => m.includes("theme") && m.includes(" score:")).length).toBeGreaterThan(0);
      else {
        expect(mismatches).toEqual([]);
        // Not vacuous: the draw reaches scored criteria of every scale, text answers, and unmet required criteria.
        const e = p.engine;
        expect(e.criteria.filter((x) => x.type === "text" && x.text !== "").length).toBeGreaterThan(0);
        expect(e.overall.requiredNotMet).toBeGreaterThan(0);
        expect(new Set(e.criteria.filter((x) => x.score !== null).map((x) => x.targetLevel)).size).toBeGreaterThan(2);
      }
    });
  }
});

/** Every figure the workbook computed that differs from the engine. */
function compare(p: Prepared, wb: ExcelJS.Workbook): string[] {
  const { same, lines: out } = mismatchCollector(TOLERANCE);
  const { plan, engine } = p;
  const gridSheet = plan.sheets.find((s) => s.key === "grid");
  const grid = gridSheet?.tables[0];
  if (!gridSheet || !grid) return ["no grid"];
  const gws = wb.getWorksheet(gridSheet.name) as ExcelJS.Worksheet;
  engine.criteria.forEach((c, i) => {
    const v = (k: string): unknown => computedValue(gws.getCell(grid.top + 1 + i, columnOf(grid, k)));
    sameCriterionRow(same, v, c, () => true);
    same(`${c.id} accepted evidence`, v("acceptedEvidence"), c.acceptedEvidenceCount);
  });
  const dash = plan.sheets.find((s) => s.key === "dashboard");
  const scores = dash?.tables.find((t) => t.name === TABLES.scores);
  const themes = dash?.tables.find((t) => t.name === TABLES.themes);
  if (!dash || !scores || !themes) return [...out, "no dashboard tables"];
  const dws = wb.getWorksheet(dash.name) as ExcelJS.Worksheet;
  engine.dimensions.forEach((d, i) => {
    const v = (k: string): unknown => computedValue(dws.getCell(scores.top + 1 + i, columnOf(scores, k)));
    same(`${d.id} score`, v("score"), d.score);
    same(`${d.id} gap`, v("gap"), d.gap);
    same(`${d.id} completion`, v("completion"), d.completion);
    same(`${d.id} coverage`, v("coverage"), d.evidenceCoverage);
    same(`${d.id} answered`, v("answered"), d.answered);
    same(`${d.id} not applicable`, v("notApplicable"), d.notApplicable);
    same(`${d.id} required not met`, v("requiredNotMet"), d.requiredNotMet);
  });
  let r = themes.top + 1;
  for (const d of engine.dimensions) {
    for (const th of d.themes) {
      const v = (k: string): unknown => computedValue(dws.getCell(r, columnOf(themes, k)));
      same(`theme ${d.id}/${th.id} id`, v("theme"), th.id);
      same(`theme ${d.id}/${th.id} score`, v("score"), th.score);
      same(`theme ${d.id}/${th.id} answered`, v("answered"), th.answered);
      same(`theme ${d.id}/${th.id} total`, v("total"), th.total);
      r++;
    }
  }
  const named = (name: string): unknown => {
    const ref = plan.names.find((n) => n.name === name);
    if (!ref) return undefined;
    return computedValue((wb.getWorksheet(ref.sheet) as ExcelJS.Worksheet).getCell(ref.ref.replace(/\$/g, "")));
  };
  same("overall score", named(NAMES.overallScore), engine.overall.score);
  same("overall completion", named(NAMES.overallCompletion), engine.overall.completion);
  same("overall coverage", named(NAMES.overallCoverage), engine.overall.evidenceCoverage);
  same("overall required not met", named(NAMES.requiredNotMet), engine.overall.requiredNotMet);
  return out;
}
