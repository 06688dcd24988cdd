/**
 * The evaluator (design.md "The evaluator") in the workbook's own formulas against the engine,
 * recalculated by LibreOffice: every built-in with 1 and 3 respondents, seeded random ratings of the
 * organization and of the evaluator (levels, N/A, blanks, values off the scale, words), random
 * evidence with the organization's status, expiry dates and the evaluator's review (Acceptée, À
 * compléter, Manquante, blank), agreement tolerances of 1 and 0.5. Per criterion the evaluator's
 * helpers, accepted evidence and both coverages; per dimension and overall the evaluator's score,
 * gap, counts, share within tolerance, mean absolute difference and the reviewed coverage — all
 * within 1e-9. The engine reads the workbook written with the product's own reader.
 */
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { scaleOfCriterion } from "../../addin/model/criterion.scale.js";
import { dayOfCell, serialOfDay } from "../../addin/model/date.serial.js";
import { REVIEW_STATUSES, reviewStatusOfCell } from "../../addin/model/review.status.js";
import { naDisplayToken, scaleBounds } from "../../addin/model/scale.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { EVIDENCE_STATUSES } from "../../addin/plan/labels.js";
import { NAMES, TABLES } from "../../addin/plan/names.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { WorkbookPlan } from "../../addin/plan/plan.types.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import type { AssessmentResult } from "../../addin/scoring/scoring.types.js";
import { readSnapshot } from "../../addin/xlsx/xlsx.snapshot.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { computedValue, findSoffice } from "../support/libreoffice.js";
import { fillGrid, fillRows, seededRating } from "../support/fill.js";
import { columnOf, mismatchCollector, planTable, recalculatedWorkbooks } from "../support/parity.js";
import { pick, seededRandom } from "../support/random.js";

const soffice = findSoffice();
const TOLERANCE = 1e-9;
const DAY = new Date(Date.UTC(2026, 5, 1));
const RESPONDENTS = ["Direction", "CA", "Équipe"];

interface Case {
  name: string;
  template: Template;
  respondents: number;
  lang: Lang;
  tolerance: number;
  seed: number;
  /** The evaluator's difference taken without ABS: the comparison must catch it. */
  sabotage?: boolean;
}

function cases(): Case[] {
  const out: Case[] = [];
  let seed = 17_000;
  builtinTemplates().forEach((template, t) => {
    for (const n of [1, 3]) {
      seed++;
      out.push({ name: `${template.id} with ${n} respondent${n > 1 ? "s" : ""}`, template, respondents: n, lang: (t + n) % 2 === 0 ? "fr" : "en", tolerance: (t + n) % 3 === 0 ? 0.5 : 1, seed });
    }
  });
  const first = builtinTemplates()[0] as Template;
  out.push({ name: "sabotaged difference", template: first, respondents: 1, lang: "fr", tolerance: 1, seed: 17_999, sabotage: true });
  return out;
}

interface Prepared {
  c: Case;
  plan: WorkbookPlan;
  bytes: Buffer;
  engine: AssessmentResult;
  /** Each evidence row read back, with whether it counts by design.md, computed here. */
  evidence: { row: number; counts: boolean; reviewAccepted: boolean }[];
}

/** Fills the grid (organization and evaluator) and the register like people do. */
function fill(wb: ExcelJS.Workbook, plan: WorkbookPlan, c: Case): void {
  const rand = seededRandom(c.seed);
  const { template, lang } = c;
  const token = naDisplayToken(lang);
  // Levels, N/A typed two ways, blanks, and values off the scale.
  const rating = seededRating(rand, token, { level: 0.65, na: 0.75, naWords: [token, "S/O"], blank: 0.9, offScale: [7, "??", 2.5] });
  fillGrid(wb, plan, template, { rand, respondents: c.respondents, rating, agreed: 0.15, evaluatorComment: () => (rand() < 0.3 ? "Vu sur place" : null) });
  const all = template.dimensions.flatMap((d) => d.criteria);
  const org = EVIDENCE_STATUSES.map((s) => s.text[lang]);
  const accepted = EVIDENCE_STATUSES.find((s) => s.key === "accepted")?.text[lang] as string;
  const reviews = ["", ...REVIEW_STATUSES.map((s) => s[lang])];
  const day = serialOfDay(DAY);
  fillRows(wb, plan, "evidence", ({ k, set }, ev) => {
    // The last rows keep the id the product wrote and nothing else: not evidence.
    if (k >= ev.rows.length - 3) return;
    const ids = [pick(rand, all).id, ...(rand() < 0.3 ? [pick(rand, all).id] : [])];
    set("criteria", ids.join(rand() < 0.5 ? ", " : ";"));
    set("title", `Document ${k + 1}`);
    set("status", rand() < 0.7 ? accepted : pick(rand, org));
    const expiry = rand();
    if (expiry < 0.15) set("expiry", day - 10);
    else if (expiry < 0.3) set("expiry", day + pick(rand, [0, 30]));
    const review = pick(rand, reviews);
    if (review !== "") {
      set("reviewStatus", review);
      set("evaluatorNote", "Revu");
      set("reviewDate", day);
      set("reviewer", "M. Tremblay");
    }
  });
}

const prepared: Prepared[] = [];
const recalculated = new Map<Case, ExcelJS.Workbook>();
const CASES = cases();

describe.skipIf(!soffice)("the evaluator: the workbook's formulas recalculated by LibreOffice equal the engine", () => {
  beforeAll(async () => {
    for (const c of CASES) {
      const plan = buildPlan(c.template, {
        lang: c.lang,
        blankRows: 40,
        respondents: c.respondents >= 2 ? RESPONDENTS.slice(0, c.respondents) : [],
        settings: { agreementTolerance: c.tolerance, assessmentDate: DAY },
      });
      if (c.sabotage) {
        const { table: grid } = planTable(plan, "grid");
        const k = grid.columns.findIndex((x) => x.key === "evaluatorDifference");
        for (const row of grid.rows) row[k] = { formula: (row[k] as { formula: string }).formula.replace("ABS(", "(") };
      }
      const wb = await renderPlanToWorkbook(plan);
      fill(wb, plan, c);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const read = await readSnapshot(bytes, `${c.name}.xlsx`);
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      const engine = scoreAssessment(read.value.assessment, { today: new Date() });
      const accepted = EVIDENCE_STATUSES.find((s) => s.key === "accepted")?.text[c.lang] ?? "";
      const evidence = (read.value.evidence ?? []).map((e) => {
        const expiry = dayOfCell(e.expiry ?? null);
        const current = expiry === null || expiry.getTime() >= DAY.getTime();
        const review = reviewStatusOfCell(e.review?.status ?? "");
        return {
          row: e.row,
          counts: e.status.toLowerCase() === accepted.toLowerCase() && current && review !== "toComplete" && review !== "missing",
          reviewAccepted: review === "accepted" && current,
        };
      });
      // The rows holding only the id the product wrote are not read as evidence.
      const { table: ev } = planTable(plan, "evidence");
      expect(evidence).toHaveLength(ev.rows.length - 3);
      prepared.push({ c, plan, bytes, engine, evidence });
    }
    const workbooks = await recalculatedWorkbooks("qg-parity-evaluator-", prepared, { timeoutMs: 300_000 });
    workbooks.forEach((wb, i) => {
      const p = prepared[i];
      if (p) recalculated.set(p.c, wb);
    });
  }, 400_000);

  for (const c of CASES) {
    it(c.sabotage ? "catches a wrong difference formula" : `agrees for ${c.name} (${c.lang}, tolerance ${c.tolerance})`, () => {
      const p = prepared.find((x) => x.c === c);
      const wb = recalculated.get(c);
      if (!p || !wb) throw new Error("case not prepared");
      const mismatches = compare(p, wb);
      if (c.sabotage) {
        expect(mismatches.filter((m) => m.includes(" difference:")).length).toBeGreaterThan(0);
        return;
      }
      expect(mismatches).toEqual([]);
      // Not vacuous: the evaluator rated, agreed and disagreed; reviews took coverage away and gave some.
      const { engine } = p;
      expect(engine.overall.evaluator?.both ?? 0).toBeGreaterThan(0);
      expect(engine.criteria.some((x) => x.disagreement !== null && x.disagreement > 0)).toBe(true);
      expect(engine.criteria.some((x) => x.reviewedEvidenceCount > 0)).toBe(true);
      expect(engine.criteria.some((x) => x.evidenceCount > 0 && x.acceptedEvidenceCount === 0)).toBe(true);
    });
  }
});

/** Every figure the recalculated workbook shows that differs from the engine. */
function compare(p: Prepared, wb: ExcelJS.Workbook): string[] {
  const { same, lines: out } = mismatchCollector(TOLERANCE);
  const { plan, engine, c } = p;
  const { sheet, table: grid } = planTable(plan, "grid");
  const gws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  const within = (d: number): boolean => d <= c.tolerance + 1e-12;
  const all = c.template.dimensions.flatMap((d) => d.criteria);
  engine.criteria.forEach((x, i) => {
    const v = (k: string): unknown => computedValue(gws.getCell(grid.top + 1 + i, columnOf(grid, k)));
    const crit = all[i];
    if (!crit) return;
    const { min, max } = scaleBounds(scaleOfCriterion(c.template, crit));
    const e = x.type === "rating" && x.evaluatorRating.kind === "level" ? x.evaluatorRating.value : null;
    same(`${x.id} criterion`, v("criterion"), x.id);
    same(`${x.id} evaluator scored`, v("evaluatorScored"), e === null ? 0 : 1);
    same(`${x.id} evaluator counted weight`, v("evaluatorCountedWeight"), e === null ? 0 : x.weight);
    same(`${x.id} evaluator points`, v("evaluatorPoints"), e === null ? 0 : (x.weight * (e - min)) / (max - min));
    same(`${x.id} difference`, v("evaluatorDifference"), x.disagreement);
    same(`${x.id} within`, v("evaluatorWithin"), x.disagreement !== null && within(x.disagreement) ? 1 : 0);
    same(`${x.id} evidence`, v("evidenceCount"), x.evidenceCount);
    same(`${x.id} accepted evidence`, v("acceptedEvidence"), x.acceptedEvidenceCount);
    const applicable = x.type === "rating" && x.rating.kind !== "na";
    same(`${x.id} covered`, v("covered"), applicable && x.acceptedEvidenceCount > 0 ? 1 : 0);
    same(`${x.id} reviewed covered`, v("reviewedCovered"), applicable && x.reviewedEvidenceCount > 0 ? 1 : 0);
  });
  // Each evidence row's own flags, against the engine's rule applied to what was read.
  const { sheet: evSheet, table: ev } = planTable(plan, "evidence");
  const ews = wb.getWorksheet(evSheet) as ExcelJS.Worksheet;
  for (const item of p.evidence) {
    const v = (k: string): unknown => computedValue(ews.getCell(item.row, columnOf(ev, k)));
    same(`evidence row ${item.row} counts`, v("counts"), item.counts ? 1 : 0);
    same(`evidence row ${item.row} accepted in review`, v("reviewAccepted"), item.reviewAccepted ? 1 : 0);
  }
  const dash = plan.sheets.find((s) => s.key === "dashboard");
  const scores = dash?.tables.find((t) => t.name === TABLES.scores);
  if (!dash || !scores) return [...out, "no scores table"];
  const dws = wb.getWorksheet(dash.name) as ExcelJS.Worksheet;
  engine.dimensions.forEach((d, i) => {
    const v = (k: string): unknown => computedValue(dws.getCell(scores.top + 1 + i, columnOf(scores, k)));
    const ev = d.evaluator;
    same(`${d.id} dimension`, v("dimension"), d.id);
    same(`${d.id} coverage`, v("coverage"), d.evidenceCoverage);
    same(`${d.id} reviewed coverage`, v("reviewedCoverage"), d.reviewedCoverage);
    same(`${d.id} evaluator score`, v("evaluatorScore"), ev?.score ?? null);
    same(`${d.id} evaluator gap`, v("evaluatorGap"), ev?.gap ?? null);
    same(`${d.id} evaluator answered`, v("evaluatorAnswered"), ev?.answered ?? null);
    same(`${d.id} both`, v("evaluatorBoth"), ev?.both ?? null);
    same(`${d.id} within tolerance`, v("evaluatorWithin"), ev?.withinTolerance ?? null);
    same(`${d.id} mean abs diff`, v("evaluatorMeanDiff"), ev?.meanAbsDiff ?? null);
  });
  const named = (name: string): unknown => {
    const ref = plan.names.find((n) => n.name === name);
    if (!ref) return `no name ${name}`;
    return computedValue((wb.getWorksheet(ref.sheet) as ExcelJS.Worksheet).getCell(ref.ref.replace(/\$/g, "")));
  };
  const o = engine.overall;
  same("overall coverage", named(NAMES.overallCoverage), o.evidenceCoverage);
  same("overall reviewed coverage", named(NAMES.reviewedCoverage), o.reviewedCoverage);
  same("evaluator score", named(NAMES.evaluatorScore), o.evaluator?.score ?? null);
  same("evaluator gap", named(NAMES.evaluatorGap), o.evaluator?.gap ?? null);
  same("evaluator answered", named(NAMES.evaluatorAnswered), o.evaluator?.answered ?? null);
  same("both", named(NAMES.evaluatorBoth), o.evaluator?.both ?? null);
  same("within tolerance", named(NAMES.agreement), o.evaluator?.withinTolerance ?? null);
  same("mean abs diff", named(NAMES.meanAbsDiff), o.evaluator?.meanAbsDiff ?? null);
  return out;
}
