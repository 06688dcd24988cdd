/**
 * The workbook's own formulas against the engine, in a real spreadsheet engine.
 *
 * For every built-in template (and a synthetic one with unequal weights and targets), a workbook
 * is generated, filled with seeded random ratings (levels, N/A tokens in many spellings, blanks,
 * invalid entries), random evidence and edited targets, written WITHOUT cached values, then
 * recalculated by LibreOffice. Every figure of `QG_Scores`, the overall block and every criterion's
 * gap, priority and evidence counts must equal the engine's within 1e-9. A deliberately broken
 * formula must make the comparison fail.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { isTextCriterion, scaleOfCriterion } from "../../addin/model/criterion.scale.js";
import { naDisplayToken } from "../../addin/model/scale.js";
import { parseTemplate } from "../../addin/model/template.parse.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { EVIDENCE_STATUSES, type HEADERS } from "../../addin/plan/labels.js";
import { NAMES, TABLES } from "../../addin/plan/names.js";
import type { WorkbookPlan } from "../../addin/plan/plan.types.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import type { AssessmentResult } from "../../addin/scoring/scoring.types.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { computedValue, findSoffice, LIBREOFFICE_INSTALL_HINT } from "../support/libreoffice.js";
import { caseFileName, columnOf, mismatchCollector, recalculatedWorkbooks } from "../support/parity.js";
import { pick, seededRandom } from "../support/random.js";

const soffice = findSoffice();
if (!soffice) {
  console.warn(
    `LibreOffice not found: the workbook formulas were NOT proved against the engine. Install it with: ${LIBREOFFICE_INSTALL_HINT}`,
  );
}

const TOLERANCE = 1e-9;

/** A template with unequal criterion and dimension weights, a zero weight, per-dimension targets and a 0–4 scale. */
const WEIGHTED = ((): Template => {
  const r = parseTemplate({
    id: "weighted",
    version: "1.0.0",
    title: { fr: "Pondéré", en: "Weighted" },
    source: "test",
    scale: {
      levels: [0, 1, 2, 3, 4].map((v) => ({ value: v, label: { fr: `Niveau ${"ABCDE"[v]}`, en: `Level ${"ABCDE"[v]}` } })),
      notApplicable: true,
    },
    target: 70,
    targetLevel: 3,
    dimensions: [
      { id: "A", title: "A", weight: 3, target: 80, criteria: [
        { id: "A1", text: "=1+1", weight: 2 }, { id: "A2", text: "+x", weight: 0.5, targetLevel: 4 }, { id: "A3", text: "@y", weight: 0 },
        { id: "A10", text: "-z", weight: 1 } ] },
      { id: "B", title: "B", weight: 1, criteria: [{ id: "B1", text: "b1", weight: 1 }, { id: "B2", text: "b2", weight: 3 }] },
      { id: "C", title: "C", weight: 0, criteria: [{ id: "C1", text: "c1" }] },
      { id: "D", title: "D", weight: 2, target: 50, criteria: [{ id: "D1", text: "d1", weight: 0 }, { id: "D2", text: "d2", weight: 0 }] },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
})();

interface Case {
  name: string;
  template: Template;
  lang: Lang;
  seed: number;
  /** Breaks one formula on purpose: the comparison must then fail. */
  sabotage?: boolean;
  /** Generate without the evidence register. */
  noEvidence?: boolean;
  /** Ratings typed into the grid in turn, row after row, instead of random ones. */
  typed?: (string | number)[];
}

const CASES: Case[] = [
  ...builtinTemplates().map((t, i) => ({ name: `${t.id} fr`, template: t, lang: "fr" as Lang, seed: 1000 + i })),
  ...builtinTemplates().slice(0, 2).map((t, i) => ({ name: `${t.id} en`, template: t, lang: "en" as Lang, seed: 2000 + i })),
  { name: "weighted fr", template: WEIGHTED, lang: "fr", seed: 3000 },
  { name: "weighted en", template: WEIGHTED, lang: "en", seed: 3001 },
  { name: "weighted all N/A or blank", template: WEIGHTED, lang: "fr", seed: 3002 },
  { name: "weighted without evidence register", template: WEIGHTED, lang: "en", seed: 3004, noEvidence: true },
  // « S/O » as Québec writes it, and spellings a formula cannot see through (read as no rating by both).
  { name: "S/O and its spellings typed in the grid", template: builtinTemplates()[0] as Template, lang: "fr", seed: 3005, typed: ["S/O", "s/o", "S / O", 2, "s/o.", "N/A", "n / a", "S/O/", "N-A", "S-O", 4, "sans objet", "NON CONCERNÉ", "non concerne"] },
  { name: "sabotaged score formula", template: WEIGHTED, lang: "fr", seed: 3003, sabotage: true },
];

const NA_SPELLINGS = { fr: ["S. O.", "so", "s.o.", "SO", "N/A", "na", "NC", "non applicable", "Sans objet", "non concerné"], en: ["N/A", "n/a", "NA", "not applicable", "Not Applicable", "N.A."] };

/** Fills the rendered workbook like a person would: ratings, evidence, edited targets. */
function fill(wb: ExcelJS.Workbook, plan: WorkbookPlan, c: Case): void {
  const rand = seededRandom(c.seed);
  const lang = c.lang;
  const gridSheet = plan.sheets.find((s) => s.key === "grid");
  const grid = gridSheet?.tables[0];
  if (!gridSheet || !grid) throw new Error("no grid");
  const ws = wb.getWorksheet(gridSheet.name) as ExcelJS.Worksheet;
  const ratingCol = columnOf(grid, "rating");
  const criteria = c.template.dimensions.flatMap((d) => d.criteria);
  const ids: string[] = [];
  const onlyNaOrBlank = c.name.includes("all N/A");
  grid.rows.forEach((_, i) => {
    const row = grid.top + 1 + i;
    ids.push(String(ws.getCell(row, columnOf(grid, "criterion")).value));
    const roll = rand();
    const cell = ws.getCell(row, ratingCol);
    const crit = criteria[i];
    if (!crit) throw new Error(`no criterion for grid row ${row}`);
    if (isTextCriterion(crit)) {
      // A free-text question is answered in words in « Réponse »; a number in its rating cell is never scored.
      if (roll < 0.5) ws.getCell(row, columnOf(grid, "answer")).value = pick(rand, ["Oui, en comité.", "  ", "=1+1", "42"]);
      else if (roll < 0.7) cell.value = naDisplayToken(lang);
      else if (roll < 0.8) cell.value = 3;
      return;
    }
    // Each criterion on its own scale's levels.
    const levels = scaleOfCriterion(c.template, crit).levels.map((l) => l.value);
    if (c.typed) cell.value = c.typed[i % c.typed.length] ?? null;
    else if (onlyNaOrBlank) cell.value = roll < 0.6 ? pick(rand, NA_SPELLINGS[lang]) : null;
    else if (roll < 0.6) cell.value = pick(rand, levels);
    else if (roll < 0.75) cell.value = pick(rand, [naDisplayToken(lang), ...NA_SPELLINGS[lang]]);
    else if (roll < 0.9) cell.value = null;
    else cell.value = pick(rand, [99, -1, "Atteint", "??", "*", "3 ", 2.5]); // not ratings: counted as unanswered by both
  });

  const evSheet = plan.sheets.find((s) => s.key === "evidence");
  const ev = evSheet?.tables[0];
  if (evSheet && ev) {
    const ews = wb.getWorksheet(evSheet.name) as ExcelJS.Worksheet;
    const col = (k: string): number => columnOf(ev, k);
    const statuses = EVIDENCE_STATUSES.map((s) => s.text[lang]);
    ev.rows.forEach((_, i) => {
      const row = ev.top + 1 + i;
      if (rand() < 0.15) return; // leave some rows empty
      const n = 1 + Math.floor(rand() * 3);
      const names = Array.from({ length: n }, () => (rand() < 0.1 ? "ZZ-UNKNOWN" : pick(rand, ids)));
      ews.getCell(row, col("criteria")).value = names.join(pick(rand, [",", ";", " ; ", ", "]));
      const status = pick(rand, statuses);
      ews.getCell(row, col("status")).value = rand() < 0.2 ? status.toUpperCase() : status;
      ews.getCell(row, col("title")).value = `Doc ${i}`;
    });
  }

  const dash = plan.sheets.find((s) => s.key === "dashboard");
  const scores = dash?.tables[0];
  if (dash && scores) {
    const dws = wb.getWorksheet(dash.name) as ExcelJS.Worksheet;
    const targetCol = columnOf(scores, "target");
    scores.rows.forEach((_, i) => {
      if (rand() < 0.3) dws.getCell(scores.top + 1 + i, targetCol).value = Math.round(rand() * 100);
    });
    dws.getCell("B6").value = 55; // the overall target, edited
  }
}

interface Prepared {
  c: Case;
  plan: WorkbookPlan;
  bytes: Buffer;
  engine: AssessmentResult;
}

const prepared: Prepared[] = [];
const recalculated = new Map<Case, ExcelJS.Workbook>();

describe.skipIf(!soffice)("workbook formulas recalculated by LibreOffice equal the engine", () => {
  beforeAll(async () => {
    for (const [i, c] of CASES.entries()) {
      const plan = buildPlan(c.template, { lang: c.lang, blankRows: 25, parts: { evidence: !c.noEvidence, actions: true, dashboard: true } });
      if (c.sabotage) {
        // Every dimension's score formula loses one point in a hundred.
        const scores = plan.sheets.find((s) => s.key === "dashboard")?.tables[0];
        const col = scores?.columns.findIndex((k) => k.key === "score") ?? -1;
        if (!scores || col < 0) throw new Error("no score column");
        for (const row of scores.rows) row[col] = { formula: (row[col] as { formula: string }).formula.replace("100*", "99*") };
      }
      const wb = await renderPlanToWorkbook(plan);
      fill(wb, plan, c);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      // The engine reads the same file the way the command line does.
      const back = new ExcelJS.Workbook();
      await back.xlsx.load(bytes as unknown as ArrayBuffer);
      const read = readQualigridWorkbook(back, caseFileName(i));
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      prepared.push({ c, plan, bytes, engine: scoreAssessment(read.value.assessment) });
    }
    const workbooks = await recalculatedWorkbooks("qg-parity-", prepared, { timeoutMs: 300_000 });
    workbooks.forEach((wb, i) => {
      const p = prepared[i];
      if (p) recalculated.set(p.c, wb);
    });
  });
  afterAll(() => undefined);

  for (const c of CASES) {
    it(c.sabotage ? "catches a deliberately wrong dimension-score formula" : `agrees for ${c.name}`, () => {
      const p = prepared.find((x) => x.c === c);
      const wb = recalculated.get(c);
      if (!p || !wb) throw new Error("case not prepared");
      const mismatches = compare(p, wb);
      if (c.typed) {
        // Not vacuous: every « S/O » spelling is N/A for the engine (and so, by the comparison, for the workbook).
        const typed = c.typed;
        const na = p.engine.criteria.filter((r, i) => /^s\s*\/\s*o\.?$/i.test(String(typed[i % typed.length])) && r.rating.kind === "na");
        expect(na.length).toBeGreaterThanOrEqual(4);
      }
      if (c.sabotage) expect(mismatches.filter((m) => m.includes(" score:")).length).toBeGreaterThan(0);
      else expect(mismatches).toEqual([]);
    });
  }
});

/** Every figure the workbook computed that differs from the engine, as readable lines. */
function compare(p: Prepared, wb: ExcelJS.Workbook): string[] {
  const { same, lines: out } = mismatchCollector(TOLERANCE);
  const { plan, engine } = p;

  const gridSheet = plan.sheets.find((s) => s.key === "grid");
  const grid = gridSheet?.tables.find((t) => t.name === TABLES.grid);
  if (!gridSheet || !grid) return ["no grid in plan"];
  const gws = wb.getWorksheet(gridSheet.name) as ExcelJS.Worksheet;
  const gcol = (k: keyof typeof HEADERS.grid): number => columnOf(grid, k);
  engine.criteria.forEach((c, i) => {
    const row = grid.top + 1 + i;
    const v = (k: keyof typeof HEADERS.grid): unknown => computedValue(gws.getCell(row, gcol(k)));
    same(`${c.id} criterion`, v("criterion"), c.id);
    same(`${c.id} gap`, v("gap"), c.gap);
    same(`${c.id} priority`, v("priority"), c.priority);
    same(`${c.id} scored`, v("scored"), c.score === null ? 0 : 1);
    same(`${c.id} not applicable`, v("notApplicable"), c.rating.kind === "na" ? 1 : 0);
    same(`${c.id} points`, v("points"), c.score === null ? 0 : c.weight * c.score);
    if (grid.columns.some((k) => k.key === "answered")) {
      same(`${c.id} answered`, v("answered"), c.score !== null || (c.type === "text" && c.text !== "") ? 1 : 0);
    }
    if (plan.options.parts.evidence) {
      same(`${c.id} evidence`, v("evidenceCount"), c.evidenceCount);
      same(`${c.id} accepted evidence`, v("acceptedEvidence"), c.acceptedEvidenceCount);
    }
  });

  const dash = plan.sheets.find((s) => s.key === "dashboard");
  const scores = dash?.tables.find((t) => t.name === TABLES.scores);
  if (!dash || !scores) return [...out, "no dashboard in plan"];
  const dws = wb.getWorksheet(dash.name) as ExcelJS.Worksheet;
  const scol = (k: keyof typeof HEADERS.scores): number => columnOf(scores, k);
  engine.dimensions.forEach((d, i) => {
    const row = scores.top + 1 + i;
    const v = (k: keyof typeof HEADERS.scores): unknown => computedValue(dws.getCell(row, scol(k)));
    same(`${d.id} dimension`, v("dimension"), d.id);
    same(`${d.id} score`, v("score"), d.score);
    same(`${d.id} target`, v("target"), d.target);
    same(`${d.id} gap`, v("gap"), d.gap);
    same(`${d.id} completion`, v("completion"), d.completion);
    if (plan.options.parts.evidence) same(`${d.id} coverage`, v("coverage"), d.evidenceCoverage);
    same(`${d.id} answered`, v("answered"), d.answered);
    same(`${d.id} not applicable`, v("notApplicable"), d.notApplicable);
    same(`${d.id} total`, v("total"), d.total);
  });
  // Sub-themes (QG_Themes), when the template has any.
  const themes = dash.tables.find((t) => t.name === TABLES.themes);
  if (themes) {
    const tcol = (k: string): number => columnOf(themes, k);
    let r = themes.top + 1;
    for (const d of engine.dimensions) {
      for (const th of d.themes) {
        const v = (k: string): unknown => computedValue(dws.getCell(r, tcol(k)));
        same(`theme ${d.id}/${th.id} id`, v("theme"), th.id);
        same(`theme ${d.id}/${th.id} score`, v("score"), th.score);
        same(`theme ${d.id}/${th.id} answered`, v("answered"), th.answered);
        same(`theme ${d.id}/${th.id} total`, v("total"), th.total);
        r++;
      }
    }
  }
  const named = (name: string): unknown => {
    const ref = plan.names.find((n) => n.name === name);
    return ref ? computedValue(dws.getCell(ref.ref.replace(/\$/g, ""))) : "missing name";
  };
  const o = engine.overall;
  same("overall score", named(NAMES.overallScore), o.score);
  same("overall target", named(NAMES.overallTarget), o.target);
  same("overall gap", named(NAMES.overallGap), o.gap);
  same("overall completion", named(NAMES.overallCompletion), o.completion);
  if (plan.options.parts.evidence) same("overall coverage", named(NAMES.overallCoverage), o.evidenceCoverage);
  return out;
}
