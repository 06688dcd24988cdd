/**
 * Several respondents (design.md "Respondents and consensus") in the workbook's own formulas against
 * the engine, recalculated by LibreOffice: every built-in and the rich test template with 1, 3 and 7
 * respondents, seeded random answers (levels, N/A tokens, blanks, unreadable values, words), some
 * agreed ratings (levels, N/A, unreadable), mean and median. Per criterion the consolidated rating,
 * spread, « à discuter », gap and priority; per dimension the score, completion, required criteria
 * not met, each respondent's score and the count to discuss; the overall figures — all within 1e-9.
 * The engine's assessment is built from the values written, each cell read as the grid reads it.
 */
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { answerOfCell } from "../../addin/model/answer.cell.js";
import type { Assessment, CriterionAnswers } from "../../addin/model/assessment.types.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { answerScale, isTextCriterion, scaleOfCriterion } from "../../addin/model/criterion.scale.js";
import { DEFAULT_SETTINGS } from "../../addin/model/settings.js";
import { naDisplayToken, parseRatingCell, type Rating } from "../../addin/model/scale.js";
import { parseTemplate } from "../../addin/model/template.parse.js";
import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { respondentKey } from "../../addin/plan/grid.respondents.js";
import { EVIDENCE_STATUSES } from "../../addin/plan/labels.js";
import { NAMES, TABLES } from "../../addin/plan/names.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { TablePlan, WorkbookPlan } from "../../addin/plan/plan.types.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import { consolidatedRating, spreadOfRatings } from "../../addin/scoring/consensus.js";
import type { AssessmentResult } from "../../addin/scoring/scoring.types.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { computedValue, findSoffice } from "../support/libreoffice.js";
import { columnOf, mismatchCollector, recalculatedWorkbooks, sameCriterionRow } from "../support/parity.js";
import { pick, seededRandom } from "../support/random.js";

const soffice = findSoffice();
const TOLERANCE = 1e-9;
const NAMES_POOL = ["Direction", "CA", "Équipe", "Bénévoles", "Usagers", "Partenaires", "Comité qualité"];

function rich(): Template {
  const r = parseTemplate(richTemplateJson());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const t = r.value;
  // Three copies of each criterion, so random answers reach every combination.
  for (const d of t.dimensions) {
    const base = d.criteria;
    d.criteria = Array.from({ length: 3 }, (_, k) => base.map((c) => ({ ...c, id: `${c.id}${k === 0 ? "" : `-${k}`}` }))).flat();
    for (const c of d.criteria) delete c.replaces;
  }
  delete t.actions;
  return t;
}

interface Case {
  name: string;
  template: Template;
  respondents: number;
  lang: Lang;
  consolidation: "mean" | "median";
  evidence: boolean;
  dashboard: boolean;
  seed: number;
  /** The consolidated rating's formula taking MAX instead of the mean or median: the comparison must catch it. */
  sabotage?: boolean;
}

function cases(): Case[] {
  const templates = [...builtinTemplates(), rich()];
  const out: Case[] = [];
  let seed = 16_000;
  templates.forEach((template, t) => {
    for (const n of [1, 3, 7]) {
      seed++;
      out.push({
        name: `${template.id} with ${n} respondent${n > 1 ? "s" : ""}`,
        template,
        respondents: n,
        lang: (t + n) % 2 === 0 ? "fr" : "en",
        consolidation: n === 7 || (n === 3 && t % 2 === 1) ? "median" : "mean",
        evidence: (t + n) % 3 !== 0,
        dashboard: true,
        seed,
      });
    }
  });
  out.push({ name: "rich template, 3 respondents, median, no dashboard nor evidence", template: rich(), respondents: 3, lang: "en", consolidation: "median", evidence: false, dashboard: false, seed: 16_999 });
  out.push({ name: "sabotaged consolidation", template: rich(), respondents: 3, lang: "fr", consolidation: "mean", evidence: true, dashboard: true, seed: 16_998, sabotage: true });
  return out;
}

interface Prepared {
  c: Case;
  plan: WorkbookPlan;
  bytes: Buffer;
  engine: AssessmentResult;
  /** Per criterion, in grid order: the spread and « à discuter » by design.md. */
  consensus: { spread: number | null; toDiscuss: boolean; consolidated: Rating }[];
  /** Per respondent, the engine's result on their answers alone. */
  own: AssessmentResult[];
  /** How many criteria have an agreed rating. */
  agreed: number;
}

/** The grid table of a plan. */
function gridOf(plan: WorkbookPlan): { sheet: string; grid: TablePlan } {
  const s = plan.sheets.find((x) => x.key === "grid");
  const grid = s?.tables[0];
  if (!s || !grid) throw new Error("no grid");
  return { sheet: s.name, grid };
}

/** Fills the grid like people do and returns the assessment the engine reads from the same values. */
function fillAndRead(wb: ExcelJS.Workbook, plan: WorkbookPlan, c: Case): Assessment {
  const rand = seededRandom(c.seed);
  const { template } = c;
  const { sheet, grid } = gridOf(plan);
  const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  const multi = c.respondents >= 2;
  const has = (k: string): boolean => grid.columns.some((x) => x.key === k);
  const names = NAMES_POOL.slice(0, c.respondents);
  const allLevels = [0, 1, 2, 3, 4, 5, 8, 10];
  const token = naDisplayToken(c.lang);
  const criteria: CriterionAnswers[] = [];
  let i = 0;
  for (const d of template.dimensions) {
    for (const crit of d.criteria) {
      const row = grid.top + 1 + i++;
      const text = isTextCriterion(crit);
      const own = scaleOfCriterion(template, crit).levels.map((l) => l.value);
      // Respondents of one row tend to agree, as people do: a shared draw most answers stay near.
      const base = pick(rand, own);
      const answers = names.map((_, r) => {
        const ratingKey = multi ? respondentKey("rating", r + 1) : "rating";
        const answerKey = multi ? respondentKey("answer", r + 1) : "answer";
        let value: string | number | null = null;
        let words: string | null = null;
        const roll = rand();
        if (text) {
          if (roll < 0.5) words = pick(rand, ["Oui, chaque mois.", "  ", "42", "Des ateliers ; des sondages"]);
          else if (roll < 0.7) value = pick(rand, [token, "S/O"]);
          else if (roll < 0.75) value = 3;
        } else if (roll < 0.45) value = base;
        else if (roll < 0.65) value = pick(rand, own);
        else if (roll < 0.72) value = pick(rand, allLevels);
        else if (roll < 0.82) value = pick(rand, [token, "S/O", "n/a"]);
        else if (roll < 0.95) value = null;
        else value = pick(rand, ["??", "Oui", 2.5]);
        ws.getCell(row, columnOf(grid, ratingKey)).value = value;
        if (words !== null && has(answerKey)) ws.getCell(row, columnOf(grid, answerKey)).value = words;
        const read = answerOfCell(value, template, crit, has(answerKey) ? words : undefined);
        return { rating: read.rating, text: read.text, comment: "" };
      });
      let agreed: CriterionAnswers["agreed"] = null;
      if (multi && rand() < 0.15) {
        const value: string | number = text ? pick(rand, [token, "Convenu", 2]) : pick(rand, [base, base, token, "S/O", "??", 2.5]);
        ws.getCell(row, columnOf(grid, "agreed")).value = value;
        // The agreed cell is read as a rating cell: anything but a level of the row's scale or N/A (where allowed) is unreadable.
        agreed = { rating: parseRatingCell(value, answerScale(template, crit)), reason: "" };
      }
      criteria.push({ criterion: crit.id, dimension: d.id, answers, agreed, evaluator: null });
    }
  }
  // A few accepted evidence items, so coverage is not always 0.
  const evSheet = plan.sheets.find((s) => s.key === "evidence");
  const ev = evSheet?.tables[0];
  const evidence: NonNullable<Assessment["evidence"]> = [];
  if (evSheet && ev) {
    const ews = wb.getWorksheet(evSheet.name) as ExcelJS.Worksheet;
    const all = template.dimensions.flatMap((d) => d.criteria);
    const accepted = EVIDENCE_STATUSES.find((s) => s.key === "accepted")?.text[c.lang] ?? "";
    ev.rows.slice(0, 8).forEach((_, k) => {
      const id = pick(rand, all).id;
      ews.getCell(ev.top + 1 + k, columnOf(ev, "criteria")).value = id;
      ews.getCell(ev.top + 1 + k, columnOf(ev, "status")).value = accepted;
      evidence.push({ id: "", criteria: [id], title: "", status: accepted, location: "", confidential: false, expiry: null, review: null });
    });
  }
  return {
    template,
    lang: c.lang,
    organization: null,
    assessmentDate: null,
    round: null,
    respondents: names.map((name) => ({ name, role: "self" })),
    evaluator: null,
    criteria,
    evidence: c.evidence ? evidence : null,
    actions: null,
    steps: null,
    targets: {},
    overallTarget: null,
    acceptedStatus: EVIDENCE_STATUSES.find((s) => s.key === "accepted")?.text[c.lang] ?? "",
    settings: { ...DEFAULT_SETTINGS, consolidation: c.consolidation },
  };
}

const prepared: Prepared[] = [];
const recalculated = new Map<Case, ExcelJS.Workbook>();
const CASES = cases();

describe.skipIf(!soffice)("several respondents: the workbook's formulas recalculated by LibreOffice equal the engine", () => {
  beforeAll(async () => {
    for (const c of CASES) {
      const plan = buildPlan(c.template, {
        lang: c.lang,
        blankRows: 10,
        parts: { evidence: c.evidence, actions: false, dashboard: c.dashboard },
        respondents: NAMES_POOL.slice(0, c.respondents),
        settings: { consolidation: c.consolidation },
      });
      if (c.sabotage) {
        const { grid } = gridOf(plan);
        const k = grid.columns.findIndex((x) => x.key === "consolidated");
        for (const row of grid.rows) row[k] = { formula: (row[k] as { formula: string }).formula.replace(/AVERAGE\(|MEDIAN\(/g, "MAX(") };
      }
      const wb = await renderPlanToWorkbook(plan);
      const assessment = fillAndRead(wb, plan, c);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const engine = scoreAssessment(assessment, { today: new Date() });
      const consensus = assessment.criteria.map((x) => {
        const ratings = x.answers.map((a) => a.rating);
        const spread = spreadOfRatings(ratings);
        const levels = ratings.filter((r) => r.kind === "level").length;
        const na = ratings.some((r) => r.kind === "na");
        const toDiscuss = x.agreed === null && levels > 0 && ((spread ?? 0) >= DEFAULT_SETTINGS.spreadThreshold || na);
        return { spread, toDiscuss, consolidated: consolidatedRating(ratings, x.agreed?.rating ?? null, { method: c.consolidation }) };
      });
      const own = assessment.respondents.map((r, k) =>
        scoreAssessment(
          { ...assessment, respondents: [r], criteria: assessment.criteria.map((x) => ({ ...x, answers: [x.answers[k] as CriterionAnswers["answers"][number]], agreed: null })) },
          { today: new Date() },
        ),
      );
      prepared.push({ c, plan, bytes, engine, consensus, own, agreed: assessment.criteria.filter((x) => x.agreed !== null).length });
    }
    const workbooks = await recalculatedWorkbooks("qg-parity-respondents-", prepared, { timeoutMs: 300_000 });
    workbooks.forEach((wb, i) => {
      const p = prepared[i];
      if (p) recalculated.set(p.c, wb);
    });
  }, 400_000);

  for (const c of CASES) {
    it(c.sabotage ? "catches a wrong consolidation formula" : `agrees for ${c.name} (${c.lang}, ${c.consolidation})`, () => {
      const p = prepared.find((x) => x.c === c);
      const wb = recalculated.get(c);
      if (!p || !wb) throw new Error("case not prepared");
      const mismatches = compare(p, wb);
      if (c.sabotage) {
        expect(mismatches.filter((m) => m.includes(" consolidated:")).length).toBeGreaterThan(0);
        expect(mismatches.filter((m) => / score:/.test(m)).length).toBeGreaterThan(0);
        return;
      }
      expect(mismatches).toEqual([]);
      if (c.respondents >= 2) {
        // Not vacuous: rows to discuss, agreed ratings, and (by the mean) consolidations between levels.
        expect(p.consensus.some((x) => x.toDiscuss)).toBe(true);
        expect(p.agreed).toBeGreaterThan(0);
        expect(p.consensus.filter((x) => x.consolidated.kind === "level").length).toBeGreaterThan(0);
        if (c.consolidation === "mean") expect(p.consensus.some((x) => x.consolidated.kind === "level" && !Number.isInteger(x.consolidated.value))).toBe(true);
      }
    });
  }
});

/** Every figure the recalculated workbook shows that differs from the engine. */
function compare(p: Prepared, wb: ExcelJS.Workbook): string[] {
  const { same, lines: out } = mismatchCollector(TOLERANCE);
  const { plan, engine, c } = p;
  const multi = c.respondents >= 2;
  const { sheet, grid } = gridOf(plan);
  const gws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  const token = naDisplayToken(c.lang);
  engine.criteria.forEach((x, i) => {
    const v = (k: string): unknown => computedValue(gws.getCell(grid.top + 1 + i, columnOf(grid, k)));
    sameCriterionRow(same, v, x, (key) => grid.columns.some((col) => col.key === key));
    if (!multi) return;
    const k = p.consensus[i];
    if (!k) return;
    const cons = x.type === "text" && k.consolidated.kind === "level" ? null : k.consolidated;
    same(`${x.id} consolidated`, v("consolidated"), cons === null ? null : cons.kind === "level" ? cons.value : cons.kind === "na" ? token : null);
    same(`${x.id} spread`, v("spread"), x.type === "text" ? null : k.spread);
    same(`${x.id} to discuss`, v("toDiscuss"), k.toDiscuss ? 1 : 0);
    // The engine's own per-criterion consensus figures say the same.
    same(`${x.id} spread (engine)`, v("spread"), x.spread);
    same(`${x.id} to discuss (engine)`, v("toDiscuss"), x.toDiscuss ? 1 : 0);
  });
  const dash = plan.sheets.find((s) => s.key === "dashboard");
  if (!dash) return out;
  const scores = dash.tables.find((t) => t.name === TABLES.scores);
  if (!scores) return [...out, "no scores table"];
  const dws = wb.getWorksheet(dash.name) as ExcelJS.Worksheet;
  engine.dimensions.forEach((d, i) => {
    const v = (k: string): unknown => computedValue(dws.getCell(scores.top + 1 + i, columnOf(scores, k)));
    same(`${d.id} score`, v("score"), d.score);
    same(`${d.id} completion`, v("completion"), d.completion);
    same(`${d.id} answered`, v("answered"), d.answered);
    same(`${d.id} not applicable`, v("notApplicable"), d.notApplicable);
    if (c.evidence) same(`${d.id} coverage`, v("coverage"), d.evidenceCoverage);
    if (scores.columns.some((col) => col.key === "requiredNotMet")) same(`${d.id} required not met`, v("requiredNotMet"), d.requiredNotMet);
    if (!multi) return;
    p.own.forEach((own, k) => same(`${d.id} score of respondent ${k + 1}`, v(respondentKey("score", k + 1)), own.dimensions[i]?.score ?? null));
    const count = engine.criteria.filter((x, j) => x.dimensionId === d.id && p.consensus[j]?.toDiscuss).length;
    same(`${d.id} to discuss`, v("toDiscuss"), count);
    same(`${d.id} to discuss (engine)`, v("toDiscuss"), d.toDiscuss);
    d.respondents.forEach((r, k) => same(`${d.id} score of ${r.name} (engine)`, v(respondentKey("score", k + 1)), r.score));
  });
  // Themes keep working from the consolidated figures.
  const themes = dash.tables.find((t) => t.name === TABLES.themes);
  if (themes) {
    let r = themes.top + 1;
    for (const d of engine.dimensions) {
      for (const th of d.themes) {
        const row = r++;
        const v = (k: string): unknown => computedValue(dws.getCell(row, columnOf(themes, k)));
        same(`theme ${d.id}/${th.id} id`, v("theme"), th.id);
        same(`theme ${d.id}/${th.id} score`, v("score"), th.score);
        same(`theme ${d.id}/${th.id} answered`, v("answered"), th.answered);
      }
    }
  }
  const named = (name: string): unknown => {
    const ref = plan.names.find((n) => n.name === name);
    if (!ref) return undefined;
    return computedValue((wb.getWorksheet(ref.sheet) as ExcelJS.Worksheet).getCell(ref.ref.replace(/\$/g, "")));
  };
  same("overall score", named(NAMES.overallScore), engine.overall.score);
  same("overall completion", named(NAMES.overallCompletion), engine.overall.completion);
  if (c.evidence) same("overall coverage", named(NAMES.overallCoverage), engine.overall.evidenceCoverage);
  if (plan.names.some((n) => n.name === NAMES.requiredNotMet)) same("overall required not met", named(NAMES.requiredNotMet), engine.overall.requiredNotMet);
  if (multi) {
    const total = p.consensus.filter((x) => x.toDiscuss).length;
    same("criteria to discuss", named(NAMES.toDiscuss), total);
    const discuss = dash.tables.find((t) => t.name === TABLES.discuss);
    if (!discuss) return [...out, "no discuss table"];
    // Row j of QG_Discuss is the j-th criterion to discuss, in grid order.
    const ids = engine.criteria.filter((_, j) => p.consensus[j]?.toDiscuss).map((x) => x.id);
    discuss.rows.forEach((_, j) => same(`discuss row ${j + 1}`, computedValue(dws.getCell(discuss.top + 1 + j, columnOf(discuss, "criterion"))), ids[j] ?? null));
  }
  return out;
}
