/**
 * The « Rapport de visite » sheet (design.md "Rounds, comparison and report") in the workbook's own
 * formulas against the engine, recalculated by LibreOffice: every built-in with 3 respondents (and
 * one with a single respondent), seeded random ratings of the organization and of the evaluator,
 * evidence reviewed (Acceptée, À compléter, Manquante, blank), recommendations in the action plan
 * among other actions, tolerances of 1 and 0.5, one workbook sealed. Per dimension and overall the
 * self-assessment's and the evaluator's score, gap, criteria both rated, share within tolerance and
 * mean absolute difference; the criteria beyond the tolerance, in the engine's order, with their
 * ratings and difference; the review's counts; the recommendations listed; the seal's date,
 * reviewer and fingerprint, or « Non scellé »; and no formula error anywhere on the sheet.
 */
import { createHash } from "node:crypto";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { isTextCriterion } from "../../addin/model/criterion.scale.js";
import { serialOfDay } from "../../addin/model/date.serial.js";
import { REVIEW_STATUSES, reviewStatusOfCell } from "../../addin/model/review.status.js";
import { naDisplayToken } from "../../addin/model/scale.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { ACTION_SOURCES, ACTION_STATUSES, EVIDENCE_STATUSES, VISIT_TEXTS } from "../../addin/plan/labels.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { SheetPlan, WorkbookPlan } from "../../addin/plan/plan.types.js";
import { VISIT_DISAGREEMENTS_MAX, VISIT_RECOMMENDATIONS_MAX } from "../../addin/plan/visit.plan.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import type { AssessmentResult } from "../../addin/scoring/scoring.types.js";
import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";
import { loadQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { sealWorkbook } from "../../addin/xlsx/xlsx.seal.js";
import { computedValue, findSoffice } from "../support/libreoffice.js";
import { fillGrid, fillRows, seededRating } from "../support/fill.js";
import { columnOf, mismatchCollector, planTable, recalculatedWorkbooks } from "../support/parity.js";
import { pick, seededRandom } from "../support/random.js";

const soffice = findSoffice();
const TOLERANCE = 1e-9;
const DAY = new Date(Date.UTC(2026, 5, 1));
const RESPONDENTS = ["Direction", "CA", "Équipe"];
const SEAL = { date: "2026-06-02", reviewer: "M. Tremblay" };
/** Today as a UTC day: the action plan's « En retard » compares due dates with it. */
const TODAY = ((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())))(new Date());

interface Case {
  name: string;
  template: Template;
  respondents: number;
  lang: Lang;
  tolerance: number;
  seed: number;
  /** How many recommendations the action plan gets (more than the sheet lists, in one case). */
  recommendations: number;
  sealed: boolean;
  /** The share of ratings that are levels (the rest N/A or blank). */
  levels: number;
}

function cases(): Case[] {
  const out: Case[] = [];
  builtinTemplates().forEach((template, t) => {
    out.push({
      name: `${template.id} with 3 respondents`,
      template,
      respondents: 3,
      lang: t % 2 === 0 ? "fr" : "en",
      tolerance: t % 2 === 0 ? 1 : 0.5,
      seed: 18_000 + t,
      recommendations: t === 1 ? VISIT_RECOMMENDATIONS_MAX + 5 : 3 + t,
      sealed: t === 0,
      levels: 0.75,
    });
  });
  const first = builtinTemplates()[0] as Template;
  // Tolerance 0: nearly every criterion both rated differs, more than the sheet lists.
  out.push({ name: `${first.id} with one respondent`, template: first, respondents: 1, lang: "en", tolerance: 0, seed: 18_103, recommendations: 0, sealed: false, levels: 0.97 });
  return out;
}

interface Prepared {
  c: Case;
  plan: WorkbookPlan;
  bytes: Buffer;
  read: AssessmentWorkbook;
  engine: AssessmentResult;
  fingerprint: string | null;
}

/** Fills the grid (respondents and evaluator), the register with the evaluator's review, and the action plan. */
function fill(wb: ExcelJS.Workbook, plan: WorkbookPlan, c: Case): void {
  const rand = seededRandom(c.seed);
  const { template, lang } = c;
  // Levels in the share `c.levels`, the rest N/A and blanks by halves.
  const rating = seededRating(rand, naDisplayToken(lang), { level: c.levels, na: c.levels + (1 - c.levels) / 2 });
  fillGrid(wb, plan, template, { rand, respondents: c.respondents, rating, agreed: 0.15, evaluatorComment: (crit) => (rand() < 0.4 ? `Vu sur place (${crit.id})` : null) });
  const all = template.dimensions.flatMap((d) => d.criteria);
  const accepted = EVIDENCE_STATUSES.find((s) => s.key === "accepted")?.text[lang] as string;
  // The review's words as people type them: the list's, another case, and a word that is no verdict.
  const reviews = ["", ...REVIEW_STATUSES.map((s) => s[lang]), REVIEW_STATUSES[0]?.[lang].toUpperCase() ?? "", "Vu"];
  fillRows(wb, plan, "evidence", ({ k, set }, ev) => {
    if (k >= ev.rows.length - 3) return;
    const kind = rand();
    // Some rows name a criterion, some only a title, a few only an owner (no item for the report).
    if (kind < 0.7) set("criteria", pick(rand, all).id);
    if (kind >= 0.5 && kind < 0.9) set("title", `Document ${k + 1}`);
    if (kind >= 0.9) set("owner", "Ann");
    set("status", accepted);
    const review = pick(rand, reviews);
    if (review !== "") set("reviewStatus", review);
  });
  const external = ACTION_SOURCES.find((s) => s.key === "externalEvaluation")?.text[lang] as string;
  const self = ACTION_SOURCES.find((s) => s.key === "selfAssessment")?.text[lang] as string;
  let given = 0;
  // The rows the product left blank (below the template's own actions).
  fillRows(wb, plan, "actions", ({ k, r, set }, ac) => {
    if (ac.rows[k]?.[columnOf(ac, "action") - ac.left] !== null) return;
    const isReco = given < c.recommendations && rand() < 0.8;
    if (!isReco && rand() < 0.5) return;
    if (isReco) given++;
    set("id", isReco ? `R${given}` : `A${r}`);
    set("criterion", pick(rand, all).id);
    set("action", isReco ? `Recommandation ${given}` : `Action ${r}`);
    // Due dates around today, so that some are overdue.
    if (rand() < 0.7) set("due", serialOfDay(TODAY) + Math.floor(rand() * 200) - 100);
    if (rand() < 0.7) set("status", pick(rand, ACTION_STATUSES).text[lang]);
    if (rand() < 0.6) set("owner", pick(rand, ["Ann", "Bob", "Cy"]));
    if (rand() < 0.4) set("progress", pick(rand, [0, 0.25, 0.5, 1]));
    // One recommendation typed in capitals: Excel's MATCH and COUNTIF set case aside.
    set("source", isReco ? (given === 2 ? external.toUpperCase() : external) : self);
  });
  if (given < c.recommendations) throw new Error(`only ${given} recommendations fit in the action plan`);
}

const prepared: Prepared[] = [];
const recalculated = new Map<Case, ExcelJS.Workbook>();
const CASES = cases();

describe.skipIf(!soffice)("the visit report: its formulas recalculated by LibreOffice equal the engine", () => {
  beforeAll(async () => {
    for (const c of CASES) {
      const plan = buildPlan(c.template, {
        lang: c.lang,
        blankRows: 40,
        respondents: c.respondents >= 2 ? RESPONDENTS.slice(0, c.respondents) : [],
        settings: { agreementTolerance: c.tolerance, assessmentDate: DAY, organization: "Maison des jeunes" },
      });
      const wb = await renderPlanToWorkbook(plan);
      fill(wb, plan, c);
      let bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const opened = await loadQualigridWorkbook(bytes, `${c.name}.xlsx`);
      if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
      let fingerprint: string | null = null;
      if (c.sealed) {
        const sealed = await sealWorkbook(opened.value.workbook, opened.value.assessment, SEAL, async (t) => createHash("sha256").update(t, "utf8").digest("hex"));
        if (!sealed.ok) throw new Error(JSON.stringify(sealed.issue));
        fingerprint = sealed.record.fingerprint;
        bytes = Buffer.from(await opened.value.workbook.xlsx.writeBuffer());
      }
      const read = opened.value.assessment;
      const engine = scoreAssessment(read.assessment, { today: new Date() });
      prepared.push({ c, plan, bytes, read, engine, fingerprint });
    }
    const workbooks = await recalculatedWorkbooks("qg-parity-visit-", prepared, { timeoutMs: 300_000 });
    workbooks.forEach((wb, i) => {
      const p = prepared[i];
      if (p) recalculated.set(p.c, wb);
    });
  }, 400_000);

  for (const c of CASES) {
    it(`agrees for ${c.name} (${c.lang}, tolerance ${c.tolerance}${c.sealed ? ", sealed" : ""})`, () => {
      const p = prepared.find((x) => x.c === c);
      const wb = recalculated.get(c);
      if (!p || !wb) throw new Error("case not prepared");
      expect(compare(p, wb)).toEqual([]);
      // Not vacuous: the evaluator agreed and disagreed.
      expect(p.engine.overall.evaluator?.both ?? 0).toBeGreaterThan(0);
      expect(p.engine.disagreements.length).toBeGreaterThan(0);
    });
  }

  it("meets the lists' limits: more criteria beyond the tolerance and more recommendations than listed, and none", () => {
    expect(prepared.some((p) => p.engine.disagreements.length > VISIT_DISAGREEMENTS_MAX)).toBe(true);
    expect(prepared.some((p) => p.c.recommendations > VISIT_RECOMMENDATIONS_MAX)).toBe(true);
    expect(prepared.some((p) => p.c.recommendations === 0)).toBe(true);
    expect(prepared.some((p) => p.fingerprint !== null)).toBe(true);
  });

  it("catches a wrong figure: the comparison is not vacuous", () => {
    const p = prepared[0];
    const wb = p && recalculated.get(p.c);
    if (!p || !wb) throw new Error("case not prepared");
    const wrong: AssessmentResult = { ...p.engine, disagreements: [...p.engine.disagreements].reverse(), overall: { ...p.engine.overall, score: (p.engine.overall.score ?? 0) + 1 } };
    const lines = compare({ ...p, engine: wrong }, wb);
    expect(lines.some((l) => l.startsWith("overall self score"))).toBe(true);
    expect(lines.some((l) => l.startsWith("disagreement 1 "))).toBe(true);
  });
});

/** The row of the visit sheet's cell whose text ends with `text` (a section title or a label). */
function rowOf(sheet: SheetPlan, text: string): number {
  const c = sheet.cells.find((x) => typeof x.value === "string" && x.value.endsWith(text));
  if (!c) throw new Error(`no cell ${text}`);
  return c.row;
}

/** Every figure of the recalculated visit sheet that differs from the engine, and every error cell. */
function compare(p: Prepared, wb: ExcelJS.Workbook): string[] {
  const { same, lines: out } = mismatchCollector(TOLERANCE);
  const { plan, engine, c, read } = p;
  const L = (k: keyof typeof VISIT_TEXTS): string => VISIT_TEXTS[k][c.lang];
  const visit = plan.sheets.find((s) => s.key === "visit");
  if (!visit) return ["no visit sheet"];
  const ws = wb.getWorksheet(visit.name) as ExcelJS.Worksheet;
  const v = (row: number, col: number): unknown => computedValue(ws.getCell(row, col));

  // No formula error anywhere (the seal's IFERROR included).
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const x = computedValue(cell);
      if (typeof x === "string" && /^(#|Err:)/.test(x)) out.push(`error ${cell.address}: ${x}`);
    }),
  );

  // (1) Per dimension and overall.
  const head = rowOf(visit, L("scoresTitle")) + 1;
  engine.dimensions.forEach((d, i) => {
    const r = head + 1 + i;
    const e = d.evaluator;
    same(`${d.id} id`, v(r, 1), d.id);
    same(`${d.id} self score`, v(r, 3), d.score);
    same(`${d.id} evaluator score`, v(r, 4), e?.score ?? null);
    same(`${d.id} evaluator gap`, v(r, 5), e?.gap ?? null);
    same(`${d.id} both`, v(r, 6), e?.both ?? null);
    same(`${d.id} within`, v(r, 7), e?.withinTolerance ?? null);
    same(`${d.id} mean abs diff`, v(r, 8), e?.meanAbsDiff ?? null);
  });
  const o = head + 1 + engine.dimensions.length;
  const oe = engine.overall.evaluator;
  same("overall self score", v(o, 3), engine.overall.score);
  same("overall evaluator score", v(o, 4), oe?.score ?? null);
  same("overall evaluator gap", v(o, 5), oe?.gap ?? null);
  same("overall both", v(o, 6), oe?.both ?? null);
  same("overall within", v(o, 7), oe?.withinTolerance ?? null);
  same("overall mean abs diff", v(o, 8), oe?.meanAbsDiff ?? null);
  same("tolerance", v(o + 1, 4), c.tolerance);

  // (2) The criteria beyond the tolerance, in the engine's order.
  const countRow = rowOf(visit, L("disagreeCount"));
  const ids = engine.disagreements;
  same("disagreements count", v(countRow, 4), ids.length);
  const rated = c.template.dimensions.flatMap((d) => d.criteria).filter((x) => !isTextCriterion(x)).length;
  const listed = Math.min(rated, VISIT_DISAGREEMENTS_MAX);
  const byId = new Map(engine.criteria.map((x) => [x.id, x]));
  const comments = new Map(read.assessment.criteria.map((x) => [x.criterion, x.evaluator?.comment ?? ""]));
  for (let j = 0; j < listed; j++) {
    const r = countRow + 2 + j;
    const id = ids[j];
    const x = id === undefined ? undefined : byId.get(id);
    same(`disagreement ${j + 1} id`, v(r, 1), id ?? null);
    if (!x) continue;
    same(`disagreement ${j + 1} self rating`, v(r, 3), x.rating.kind === "level" ? x.rating.value : null);
    same(`disagreement ${j + 1} evaluator rating`, v(r, 4), x.evaluatorRating.kind === "level" ? x.evaluatorRating.value : null);
    same(`disagreement ${j + 1} difference`, v(r, 5), x.disagreement);
    same(`disagreement ${j + 1} target level`, v(r, 6), x.targetLevel);
    same(`disagreement ${j + 1} accepted evidence`, v(r, 7), x.acceptedEvidenceCount);
    same(`disagreement ${j + 1} evaluator comment`, v(r, 8), comments.get(id ?? "") || null);
  }
  const more = ids.length === 0 ? L("disagreeNone") : ids.length > listed ? `${ids.length - listed}${L("disagreeMore")}` : null;
  same("disagreements note", v(countRow + 2 + listed, 1), more);

  // (3) The review's counts over the register's items (a criterion or a title named).
  const items = (read.evidence ?? []).filter((e) => e.criteria !== "" || e.title !== "");
  const verdicts = items.map((e) => reviewStatusOfCell(e.review?.status ?? "", c.lang));
  const itemsRow = rowOf(visit, L("evidenceItems"));
  same("evidence items", v(itemsRow, 4), items.length);
  same("accepted", v(itemsRow + 1, 4), verdicts.filter((x) => x === "accepted").length);
  same("to complete", v(itemsRow + 2, 4), verdicts.filter((x) => x === "toComplete").length);
  same("missing", v(itemsRow + 3, 4), verdicts.filter((x) => x === "missing").length);
  same("not reviewed", v(itemsRow + 4, 4), verdicts.filter((x) => x === null).length);
  same("reviewed coverage", v(itemsRow + 5, 4), engine.overall.reviewedCoverage);

  // (4) The recommendations, in the action plan's order.
  const external = (ACTION_SOURCES.find((s) => s.key === "externalEvaluation")?.text[c.lang] ?? "").toLocaleUpperCase();
  const recos = (read.actions ?? []).filter((a) => (a.source ?? "").toLocaleUpperCase() === external);
  if (recos.length !== c.recommendations) out.push(`recommendations read: ${recos.length}, written ${c.recommendations}`);
  const recoRow = rowOf(visit, L("recoCount"));
  const { sheet: acSheet, table: ac } = planTable(plan, "actions");
  const aws = wb.getWorksheet(acSheet) as ExcelJS.Worksheet;
  same("recommendations count", v(recoRow, 4), recos.length);
  for (let j = 0; j < VISIT_RECOMMENDATIONS_MAX; j++) {
    const r = recoRow + 2 + j;
    const a = recos[j];
    same(`recommendation ${j + 1} id`, v(r, 1), a?.id ?? null);
    same(`recommendation ${j + 1} text`, v(r, 2), a?.action ?? null);
    same(`recommendation ${j + 1} criterion`, v(r, 4), a?.criterion ?? null);
    same(`recommendation ${j + 1} due`, dueOf(v(r, 3)), typeof a?.due === "number" ? a.due : a?.due instanceof Date ? serialOfDay(a.due) : null);
    same(`recommendation ${j + 1} status`, v(r, 5), a?.status || null);
    same(`recommendation ${j + 1} owner`, v(r, 8), a?.owner || null);
    // Overdue and progress as the action plan's own row shows them, recalculated.
    const own = (key: string): unknown => (a ? computedValue(aws.getCell(a.row, columnOf(ac, key))) : null);
    same(`recommendation ${j + 1} overdue`, v(r, 6), (own("overdue") as string | null) || null);
    same(`recommendation ${j + 1} progress`, v(r, 7), (own("progress") as number | null) ?? null);
  }
  const recoMore = recos.length === 0 ? L("recoNone") : recos.length > VISIT_RECOMMENDATIONS_MAX ? `${recos.length - VISIT_RECOMMENDATIONS_MAX}${L("recoMore")}` : null;
  same("recommendations note", v(recoRow + 2 + VISIT_RECOMMENDATIONS_MAX, 1), recoMore);

  // (5) The seal.
  const sealRow = rowOf(visit, L("sealDate"));
  same("seal date", v(sealRow, 3), p.fingerprint ? SEAL.date : L("notSealed"));
  same("seal reviewer", v(sealRow + 1, 3), p.fingerprint ? SEAL.reviewer : null);
  // The fingerprint on two rows of 32 characters.
  same("seal fingerprint", `${String(v(sealRow + 2, 3) ?? "")}${String(v(sealRow + 3, 3) ?? "")}` || null, p.fingerprint);
  return out;
}

/** A due date as LibreOffice leaves it (a date, or its serial): its serial day. */
function dueOf(x: unknown): unknown {
  return x instanceof Date ? serialOfDay(new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), x.getUTCDate()))) : x;
}
