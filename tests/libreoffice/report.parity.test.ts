/**
 * The « Rapport » sheet (design.md "Rounds, comparison and report") in the workbook's own formulas
 * against the engine, recalculated by LibreOffice: every built-in with seeded ratings, evidence and
 * actions (one respondent, French and English), one with three respondents, the evaluator, an
 * imported survey and a closed round (made with `roundRecordOf` from an earlier filling), a template
 * with required criteria (every criterion required: more than the list holds) and the rich template
 * (several scales, text questions). On the report: the summary's figures (overall score, target,
 * gap, maturity, completion, required not met, change since the previous and the first round), per
 * dimension the score, target, gap, maturity, completion, coverage and change, the evaluator's
 * figures per dimension and overall, the required criteria not met and the top 10 priorities in
 * the engine's order (`criteriaByPriority`) with their figures, evidence coverage, the action
 * plan's counts against a hand count, the survey's figures and the change table; no error cell.
 * A tie-break reversed in the grid's priority key is caught.
 */
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { serialOfDay } from "../../addin/model/date.serial.js";
import type { RoundRecord } from "../../addin/model/history.types.js";
import { naDisplayToken } from "../../addin/model/scale.js";
import { sha256WebCrypto } from "../../addin/model/seal.digest.js";
import type { SurveyRecord } from "../../addin/model/survey.types.js";
import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import { parseTemplate } from "../../addin/model/template.parse.js";
import { textOf } from "../../addin/model/text.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { ACTION_STATUSES, EVIDENCE_STATUSES } from "../../addin/plan/labels.js";
import { TABLES } from "../../addin/plan/names.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { PlanOptions, SheetPlan, TablePlan, WorkbookPlan } from "../../addin/plan/plan.types.js";
import { reportText, type REPORT_TEXTS } from "../../addin/plan/report.labels.js";
import { REPORT_PRIORITIES, REPORT_REQUIRED_MAX, shortStatement } from "../../addin/plan/report.tables.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import { maturityBands, maturityLabel } from "../../addin/scoring/maturity.js";
import { criteriaByPriority } from "../../addin/scoring/priority.js";
import { roundRecordOf } from "../../addin/scoring/round.record.js";
import { dimensionChanges } from "../../addin/scoring/round.change.js";
import type { AssessmentResult, CriterionResult } from "../../addin/scoring/scoring.types.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { readSnapshot } from "../../addin/xlsx/xlsx.snapshot.js";
import { computedValue, findSoffice } from "../support/libreoffice.js";
import { fillGrid, fillRows, seededRating } from "../support/fill.js";
import { columnOf, mismatchCollector, planTable, recalculatedWorkbooks } from "../support/parity.js";
import { pick, seededRandom } from "../support/random.js";

const soffice = findSoffice();
if (!soffice) console.warn("[qualigrid] the report's formulas were NOT proved against the engine: LibreOffice is missing (apt-get install -y --no-install-recommends libreoffice-calc)");
const TOLERANCE = 1e-9;
const DAY = new Date(Date.UTC(2026, 5, 1));
const RESPONDENTS = ["Direction", "CA", "Équipe"];

function parsed(json: Record<string, unknown>): Template {
  const r = parseTemplate(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** A built-in with every criterion required: more required criteria not met than the report lists. */
function allRequired(t: Template): Template {
  return { ...t, id: `${t.id}-requis`, dimensions: t.dimensions.map((d) => ({ ...d, criteria: d.criteria.map((c) => ({ ...c, required: true })) })) };
}

interface Case {
  name: string;
  template: Template;
  lang: Lang;
  respondents: number;
  seed: number;
  /** Closed rounds: one, from an earlier filling of the same workbook. */
  history?: boolean;
  surveys?: SurveyRecord[];
  /** The grid's priority key with its tie-break reversed: the comparison must catch it. */
  sabotage?: boolean;
}

const SURVEY: SurveyRecord = {
  name: "Satisfaction 2026",
  imported: new Date(Date.UTC(2026, 4, 2)),
  responses: 40,
  questions: [
    { question: "L'accueil est chaleureux", responses: 38, answers: [{ answer: "Tout à fait d'accord", count: 30 }, { answer: "Plutôt d'accord", count: 8 }], scale: "agreement.fr", favourable: 1 },
    { question: "Votre quartier", responses: 35, answers: [{ answer: "Centre", count: 35 }], scale: null, favourable: null },
  ],
  comments: [],
  criteria: [],
};

function cases(): Case[] {
  const out: Case[] = [];
  let seed = 18_500;
  builtinTemplates().forEach((template, i) => out.push({ name: template.id, template, lang: i % 2 === 0 ? "fr" : "en", respondents: 1, seed: ++seed }));
  const first = builtinTemplates()[0] as Template;
  out.push({ name: `${first.id}, 3 respondents, a closed round and a survey`, template: first, lang: "fr", respondents: 3, seed: ++seed, history: true, surveys: [SURVEY] });
  out.push({ name: `${first.id}, every criterion required`, template: allRequired(first), lang: "en", respondents: 1, seed: ++seed });
  out.push({ name: "the rich template (scales, text questions, required)", template: parsed(richTemplateJson()), lang: "fr", respondents: 1, seed: ++seed });
  out.push({ name: "sabotaged priority rank", template: first, lang: "fr", respondents: 1, seed: 18_999, sabotage: true });
  return out;
}

function sheetOf(plan: WorkbookPlan, key: SheetPlan["key"]): SheetPlan {
  const s = plan.sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no ${key}`);
  return s;
}

function tableIn(sheet: SheetPlan, name: string): TablePlan {
  const t = sheet.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no ${name}`);
  return t;
}

/** Fills the grid (organization and evaluator), the evidence register and the action plan as people do. */
function fill(wb: ExcelJS.Workbook, plan: WorkbookPlan, c: Case, seed: number): void {
  const rand = seededRandom(seed);
  const { template, lang } = c;
  const all = template.dimensions.flatMap((d) => d.criteria);
  const rating = seededRating(rand, naDisplayToken(lang), { level: 0.75, na: 0.85 });
  fillGrid(wb, plan, template, { rand, respondents: c.respondents, rating, agreed: 0.1 });
  const accepted = EVIDENCE_STATUSES.find((s) => s.key === "accepted")?.text[lang] as string;
  fillRows(wb, plan, "evidence", ({ k, set }) => {
    if (k >= 12) return;
    set("criteria", pick(rand, all).id);
    set("title", `Document ${k + 1}`);
    set("status", rand() < 0.7 ? accepted : pick(rand, EVIDENCE_STATUSES.map((s) => s.text[lang])));
  });
  // The action plan: every status, blank ones with an action, due dates past and future, below the template's own rows.
  const statuses = ["", ...ACTION_STATUSES.map((s) => s.text[lang])];
  const today = serialOfDay(localToday());
  const { table: ac } = planTable(plan, "actions");
  const firstBlank = Math.max(0, ac.rows.findIndex((r) => r[columnOf(ac, "action") - ac.left] === null));
  fillRows(wb, plan, "actions", ({ k, set }) => {
    if (k < firstBlank || k >= ac.rows.length - 2) return;
    set("action", `Action ${k + 1}`);
    set("status", pick(rand, statuses) || null);
    set("due", rand() < 0.7 ? today + pick(rand, [-40, -1, 1, 30]) : null);
  });
}

function localToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** The action plan's counts by hand, from the cells as written (before any recalculation). */
function actionCountsByHand(wb: ExcelJS.Workbook, plan: WorkbookPlan, lang: Lang): { done: number; inProgress: number; notStarted: number; overdue: number } {
  const acSheet = sheetOf(plan, "actions");
  const ac = acSheet.tables[0] as TablePlan;
  const ws = wb.getWorksheet(acSheet.name) as ExcelJS.Worksheet;
  const word = (key: string): string => ACTION_STATUSES.find((s) => s.key === key)?.text[lang] ?? key;
  const today = serialOfDay(localToday());
  const out = { done: 0, inProgress: 0, notStarted: 0, overdue: 0 };
  for (let k = 0; k < ac.rows.length; k++) {
    const r = ac.top + 1 + k;
    const status = String(ws.getCell(r, columnOf(ac, "status")).value ?? "");
    const action = String(ws.getCell(r, columnOf(ac, "action")).value ?? "");
    const due = ws.getCell(r, columnOf(ac, "due")).value;
    if (status === word("done")) out.done++;
    if (status === word("inProgress")) out.inProgress++;
    if (status === word("todo") || (status === "" && action !== "")) out.notStarted++;
    if (typeof due === "number" && due < today && status !== word("done") && status !== word("dropped")) out.overdue++;
  }
  return out;
}

interface Prepared {
  c: Case;
  plan: WorkbookPlan;
  bytes: Buffer;
  engine: AssessmentResult;
  history: RoundRecord[];
  actions: ReturnType<typeof actionCountsByHand>;
}

async function prepare(c: Case): Promise<Prepared> {
  const base: Partial<PlanOptions> = {
    lang: c.lang,
    blankRows: 30,
    respondents: c.respondents >= 2 ? RESPONDENTS.slice(0, c.respondents) : [],
    settings: { assessmentDate: DAY, organization: "Centre d'action bénévole" },
    ...(c.surveys ? { surveys: c.surveys } : {}),
  };
  const history: RoundRecord[] = [];
  if (c.history) {
    // The round closed before: an earlier filling, scored and recorded as the product records it.
    const earlier = buildPlan(c.template, base);
    const wb0 = await renderPlanToWorkbook(earlier);
    fill(wb0, earlier, c, c.seed + 1000);
    const read0 = await readSnapshot(Buffer.from(await wb0.xlsx.writeBuffer()), "earlier.xlsx");
    if (!read0.ok) throw new Error(JSON.stringify(read0.issues));
    const result0 = scoreAssessment(read0.value.assessment, { today: new Date() });
    history.push(await roundRecordOf({ template: c.template, assessment: read0.value.assessment }, result0, "2025", new Date(Date.UTC(2025, 11, 1)), sha256WebCrypto));
  }
  const plan = buildPlan(c.template, { ...base, ...(history.length > 0 ? { history } : {}) });
  if (c.sabotage) {
    const grid = sheetOf(plan, "grid").tables[0] as TablePlan;
    const k = grid.columns.findIndex((x) => x.key === "priorityKey");
    for (const row of grid.rows) row[k] = { formula: (row[k] as { formula: string }).formula.replace("-ROW()", "+ROW()") };
  }
  const wb = await renderPlanToWorkbook(plan);
  fill(wb, plan, c, c.seed);
  const actions = actionCountsByHand(wb, plan, c.lang);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const read = await readSnapshot(bytes, `${c.name}.xlsx`);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const engine = scoreAssessment(read.value.assessment, { today: new Date() });
  return { c, plan, bytes, engine, history, actions };
}

const CASES = cases();
const prepared: Prepared[] = [];
const recalculated = new Map<Case, ExcelJS.Workbook>();

describe.skipIf(!soffice)("the report's formulas recalculated by LibreOffice equal the engine", () => {
  beforeAll(async () => {
    for (const c of CASES) prepared.push(await prepare(c));
    const workbooks = await recalculatedWorkbooks("qg-parity-report-", prepared, { timeoutMs: 300_000 });
    workbooks.forEach((wb, i) => {
      const p = prepared[i];
      if (p) recalculated.set(p.c, wb);
    });
  }, 400_000);

  for (const c of CASES) {
    it(c.sabotage ? "catches a priority key whose ties are broken the wrong way" : `agrees for ${c.name} (${c.lang})`, () => {
      const p = prepared.find((x) => x.c === c);
      const wb = recalculated.get(c);
      if (!p || !wb) throw new Error("case not prepared");
      const mismatches = compare(p, wb);
      if (c.sabotage) {
        expect(mismatches.filter((m) => m.startsWith("priority ")).length).toBeGreaterThan(0);
        return;
      }
      expect(mismatches).toEqual([]);
      // Not vacuous: priorities were listed, some with equal priorities (ties in template order).
      const ranked = criteriaByPriority(p.engine.criteria);
      expect(ranked.length).toBeGreaterThan(0);
      if (p.engine.criteria.filter((x) => x.type === "rating").length >= 20) {
        expect(ranked.length).toBeGreaterThan(REPORT_PRIORITIES);
        expect(new Set(ranked.slice(0, REPORT_PRIORITIES).map((x) => x.priority)).size).toBeLessThan(REPORT_PRIORITIES);
      }
      if (c.history) expect(dimensionChanges(p.engine, p.history).some((d) => d.change !== null && d.change !== 0)).toBe(true);
      if (c.template.id.endsWith("-requis")) expect(p.engine.overall.requiredNotMet).toBeGreaterThan(REPORT_REQUIRED_MAX);
    });
  }
});

/** Every figure of the recalculated report that differs from the engine (or the hand count), and every error cell. */
function compare(p: Prepared, wb: ExcelJS.Workbook): string[] {
  const { same, lines: out } = mismatchCollector(TOLERANCE);
  const { plan, engine, c } = p;
  const { lang, template } = c;
  const sheet = sheetOf(plan, "report");
  const ws = wb.getWorksheet(sheet.name) as ExcelJS.Worksheet;
  const dash = reportText("noValue", lang);
  // "—" on the report is the engine's null.
  const read = (row: number, col: number): unknown => {
    const v = computedValue(ws.getCell(row, col));
    return v === dash ? null : v;
  };

  // No cell of the report shows an error.
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = computedValue(cell);
      if (typeof v === "string" && /^(#[A-Z/0]+[!?]?|Err:\d+)$/.test(v)) out.push(`${cell.address}: ${v}`);
    }),
  );

  // 1. The summary, by its labels.
  const summary = (key: keyof typeof REPORT_TEXTS): unknown => {
    const label = sheet.cells.find((x) => x.col === 1 && x.value === reportText(key, lang));
    const value = label && sheet.cells.find((x) => x.row === label.row && x.col > 1);
    return value ? read(value.row, value.col) : `no ${key}`;
  };
  const o = engine.overall;
  const bands = maturityBands(template);
  same("overall score", summary("overallScore"), o.score);
  same("target", summary("target"), o.target);
  same("gap", summary("gap"), o.gap);
  same("maturity", summary("maturity"), o.provisional ? null : maturityLabel(o.score, bands, lang));
  same("completion", summary("completion"), o.completion);
  const date = summary("assessmentDate");
  same("assessment date", date instanceof Date ? date.toISOString().slice(0, 10) : date, DAY.toISOString().slice(0, 10));
  if (o.requiredNotMet > 0 || template.dimensions.some((d) => d.criteria.some((x) => x.required))) same("required not met", summary("requiredNotMet"), o.requiredNotMet);
  const changes = p.history.length > 0 ? dimensionChanges(engine, p.history) : [];
  const overallChange = changes.find((x) => !template.dimensions.some((d) => d.id === x.id));
  if (overallChange) {
    same("overall change", summary("changePrevious"), overallChange.change);
    same("overall change since the first", summary("changeFirst"), overallChange.changeFirst);
  }

  // 2. Results by dimension.
  const dims = tableIn(sheet, TABLES.reportDimensions);
  const has = (t: TablePlan, k: string): boolean => t.columns.some((x) => x.key === k);
  engine.dimensions.forEach((d, i) => {
    const v = (k: string): unknown => read(dims.top + 1 + i, columnOf(dims, k));
    same(`${d.id} id`, v("dimension"), d.id);
    same(`${d.id} score`, v("score"), d.score);
    same(`${d.id} target`, v("target"), d.target);
    same(`${d.id} gap`, v("gap"), d.gap);
    same(`${d.id} maturity`, v("maturity"), maturityLabel(d.score, bands, lang));
    same(`${d.id} completion`, v("completion"), d.completion);
    same(`${d.id} coverage`, v("coverage"), d.evidenceCoverage);
    if (changes.length > 0) same(`${d.id} change`, v("change"), changes.find((x) => x.id === d.id)?.change ?? null);
    else if (has(dims, "change")) out.push("a change column without closed rounds");
  });

  // 3. The evaluator, per dimension then overall.
  const evt = tableIn(sheet, TABLES.reportEvaluator);
  [...engine.dimensions, o].forEach((d, i) => {
    const v = (k: string): unknown => read(evt.top + 1 + i, columnOf(evt, k));
    const id = "id" in d ? d.id : "overall";
    same(`${id} evaluator score`, v("evaluatorScore"), d.evaluator?.score ?? null);
    same(`${id} evaluator gap`, v("evaluatorGap"), d.evaluator?.gap ?? null);
    same(`${id} both`, v("evaluatorBoth"), d.evaluator?.both ?? null);
    same(`${id} within tolerance`, v("evaluatorWithin"), d.evaluator?.withinTolerance ?? null);
    same(`${id} mean abs diff`, v("evaluatorMeanDiff"), d.evaluator?.meanAbsDiff ?? null);
    same(`${id} reviewed coverage`, v("reviewedCoverage"), d.reviewedCoverage);
  });

  // 4. The lists: required criteria not met (template order), then the top 10 priorities (the engine's order).
  const texts = new Map(template.dimensions.flatMap((d) => d.criteria).map((x) => [x.id, textOf(x.text, lang)]));
  const listed = (what: string, t: TablePlan, want: CriterionResult[], figures: boolean): void => {
    t.rows.forEach((_, j) => {
      const v = (k: string): unknown => read(t.top + 1 + j, columnOf(t, k));
      const x = want[j];
      if (!x) {
        for (const k of ["rank", "criterion", "text", "rating"]) same(`${what} ${j + 1} ${k}`, v(k), null);
        return;
      }
      same(`${what} ${j + 1} rank`, v("rank"), j + 1);
      same(`${what} ${j + 1} criterion`, v("criterion"), x.id);
      same(`${what} ${j + 1} statement`, v("text"), shortStatement(texts.get(x.id) ?? ""));
      const rating = x.score !== null && x.rating.kind === "level" ? x.rating.value : x.rating.kind === "na" && !x.required ? naDisplayToken(lang) : null;
      same(`${what} ${j + 1} rating`, v("rating"), rating);
      same(`${what} ${j + 1} target level`, v("targetLevel"), x.targetLevel);
      if (has(t, "dimension")) same(`${what} ${j + 1} dimension`, v("dimension"), x.dimensionId);
      if (figures) {
        same(`${what} ${j + 1} gap`, v("gap"), x.gap);
        same(`${what} ${j + 1} priority`, v("priority"), x.priority);
      }
    });
  };
  const required = sheet.tables.find((t) => t.name === TABLES.reportRequired);
  if (required) {
    const notMet = engine.criteria.filter((x) => x.requiredNotMet && x.type === "rating");
    listed("required", required, notMet, false);
    // Below the list, how many more the grid holds.
    const more = notMet.length - required.rows.length;
    same("required beyond the list", read(required.top + required.rows.length + 1, 1), more > 0 ? `${more}${reportText("requiredMore", lang)}` : null);
  }
  listed("priority", tableIn(sheet, TABLES.reportPriorities), criteriaByPriority(engine.criteria), true);
  same("criteria below target", summary("belowTarget"), criteriaByPriority(engine.criteria).length);

  // 5. Evidence and the action plan.
  same("coverage", summary("coverage"), o.evidenceCoverage);
  same("reviewed coverage", summary("reviewedCoverage"), o.reviewedCoverage);
  same("actions done", summary("actionsDone"), p.actions.done);
  same("actions in progress", summary("actionsInProgress"), p.actions.inProgress);
  same("actions not started", summary("actionsNotStarted"), p.actions.notStarted);
  same("actions overdue", summary("actionsOverdue"), p.actions.overdue);

  // 6. The surveys, question by question.
  if (c.surveys) {
    const st = tableIn(sheet, TABLES.reportSurveys);
    const rows = c.surveys.flatMap((s) => s.questions.map((q, n) => ({ s, q, n })));
    rows.forEach(({ s, q, n }, i) => {
      const v = (k: string): unknown => read(st.top + 1 + i, columnOf(st, k));
      same(`survey row ${i + 1} number`, v("number"), n + 1);
      same(`survey row ${i + 1} question`, v("question"), `${s.name} — ${q.question}`);
      same(`survey row ${i + 1} responses`, v("responses"), q.responses);
      same(`survey row ${i + 1} favourable`, v("favourable"), q.favourable);
    });
  }

  // 7. The change since the previous round.
  if (changes.length > 0) {
    const ct = tableIn(sheet, TABLES.reportChanges);
    engine.dimensions.forEach((d, i) => {
      const v = (k: string): unknown => read(ct.top + 1 + i, columnOf(ct, k));
      const x = changes.find((y) => y.id === d.id);
      same(`${d.id} score (changes)`, v("score"), d.score);
      same(`${d.id} previous score`, v("previousScore"), x?.previous ?? null);
      same(`${d.id} change (changes)`, v("change"), x?.change ?? null);
      same(`${d.id} change since the first`, v("changeFirst"), x?.changeFirst ?? null);
    });
  }
  return out;
}
