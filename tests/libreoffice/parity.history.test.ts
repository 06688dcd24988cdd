/**
 * Closed rounds (design.md "Rounds, comparison and report") in the workbook's own formulas against
 * the engine, recalculated by LibreOffice: every built-in with three respondents and an evaluator,
 * seeded answers, and a history of two rounds made by `roundRecordOf` on other seeded answers (in
 * French and in English by turns). `QG_Scores`' previous score and changes and the dashboard's
 * overall named cells equal `dimensionChanges` within 1e-9; the history reads back as written and
 * `check` finds nothing in it nor in the formulas. A deliberately wrong history value is caught.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Assessment, CriterionAnswers } from "../../addin/model/assessment.types.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { isTextCriterion, scaleOfCriterion } from "../../addin/model/criterion.scale.js";
import { OVERALL_ROW, type RoundRecord } from "../../addin/model/history.types.js";
import { naDisplayToken, type Rating } from "../../addin/model/scale.js";
import { DEFAULT_SETTINGS } from "../../addin/model/settings.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { NAMES, TABLES } from "../../addin/plan/names.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { TablePlan, WorkbookPlan } from "../../addin/plan/plan.types.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import { dimensionChanges, type DimensionChange } from "../../addin/scoring/round.change.js";
import { roundRecordOf } from "../../addin/scoring/round.record.js";
import { historyFindings } from "../../addin/workbook/history.check.js";
import { inspectWorkbook } from "../../addin/xlsx/xlsx.check.js";
import { readSnapshot } from "../../addin/xlsx/xlsx.snapshot.js";
import { loadWorkbook } from "../../addin/xlsx/xlsx.io.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { computedValue, findSoffice, recalculateMany } from "../support/libreoffice.js";
import { fillGrid } from "../support/fill.js";
import { columnOf, mismatchCollector, recalculatedWorkbooks } from "../support/parity.js";
import { pick, seededRandom } from "../support/random.js";

const soffice = findSoffice();
const TOLERANCE = 1e-9;
const RESPONDENTS = ["Direction", "CA", "Équipe"];
const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

interface Case {
  name: string;
  template: Template;
  lang: Lang;
  seed: number;
  /** One figure of the first round written wrong in the sheet (the engine keeps the right one): the comparison must catch it. */
  sabotage?: boolean;
}

function cases(): Case[] {
  const out: Case[] = builtinTemplates().map((template, t) => ({ name: template.id, template, lang: t % 2 === 0 ? "fr" : "en", seed: 18_100 + t }));
  out.push({ name: "sabotaged history", template: builtinTemplates()[0] as Template, lang: "fr", seed: 18_999, sabotage: true });
  return out;
}

/** A seeded rating of a criterion's own scale: mostly levels, some N/A and blanks (a text question: N/A or blank). */
function ratingOf(rand: () => number, own: number[], text: boolean): Rating {
  const roll = rand();
  if (text) return roll < 0.3 ? { kind: "na" } : { kind: "blank" };
  if (roll < 0.75) return { kind: "level", value: pick(rand, own) };
  return roll < 0.85 ? { kind: "na" } : { kind: "blank" };
}

/** A closed round of the template on seeded answers of three respondents and an evaluator. */
async function closedRound(template: Template, seed: number, label: string, year: number): Promise<RoundRecord> {
  const rand = seededRandom(seed);
  const criteria: CriterionAnswers[] = template.dimensions.flatMap((d) =>
    d.criteria.map((c) => {
      const own = scaleOfCriterion(template, c).levels.map((l) => l.value);
      const text = isTextCriterion(c);
      return {
        criterion: c.id,
        dimension: d.id,
        answers: RESPONDENTS.map(() => ({ rating: ratingOf(rand, own, text), comment: rand() < 0.3 ? "Déjà fait" : "", text: "" })),
        agreed: null,
        evaluator: { rating: ratingOf(rand, own, text), comment: "", text: "" },
      };
    }),
  );
  const a: Assessment = {
    template,
    lang: "fr",
    organization: null,
    assessmentDate: null,
    round: null,
    respondents: RESPONDENTS.map((name) => ({ name, role: "self" })),
    evaluator: { name: "", role: "evaluator" },
    criteria,
    evidence: [],
    actions: null,
    steps: null,
    targets: {},
    overallTarget: null,
    acceptedStatus: "Acceptée",
    settings: { ...DEFAULT_SETTINGS },
  };
  return roundRecordOf({ template, assessment: a }, scoreAssessment(a, { today: new Date(Date.UTC(year, 5, 1)) }), label, new Date(Date.UTC(year, 5, 1)), sha256);
}

/** Fills the current round's grid like people do: each respondent's rating and the evaluator's. */
function fill(wb: ExcelJS.Workbook, plan: WorkbookPlan, c: Case): void {
  const rand = seededRandom(c.seed);
  const token = naDisplayToken(c.lang);
  const cell = (r: Rating): string | number | null => (r.kind === "level" ? r.value : r.kind === "na" ? token : null);
  fillGrid(wb, plan, c.template, { rand, respondents: RESPONDENTS.length, rating: (own, text) => cell(ratingOf(rand, own, text)) });
}

interface Prepared {
  c: Case;
  plan: WorkbookPlan;
  bytes: Buffer;
  changes: DimensionChange[];
  history: RoundRecord[];
}

const CASES = cases();
const prepared: Prepared[] = [];
const recalculated = new Map<Case, ExcelJS.Workbook>();

describe.skipIf(!soffice)("closed rounds: the dashboard's changes recalculated by LibreOffice equal the engine", () => {
  beforeAll(async () => {
    for (const c of CASES) {
      const history = [await closedRound(c.template, c.seed + 1, "2024", 2024), await closedRound(c.template, c.seed + 2, c.lang === "fr" ? "Cycle « 2 »" : "Round *2*", 2025)];
      const plan = buildPlan(c.template, { lang: c.lang, blankRows: 5, respondents: RESPONDENTS, history });
      if (c.sabotage) {
        // The first round's first dimension score, written 7 points off in the sheet only.
        const t = plan.sheets.find((s) => s.key === "history")?.tables.find((x) => x.name === TABLES.history) as TablePlan;
        const k = t.columns.findIndex((x) => x.key === "score");
        const row = t.rows.find((r) => typeof r[k] === "number") as unknown[];
        row[k] = (row[k] as number) + 7;
      }
      const wb = await renderPlanToWorkbook(plan);
      fill(wb, plan, c);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const read = await readSnapshot(bytes, `${c.name}.xlsx`);
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      const engine = scoreAssessment(read.value.assessment, { today: new Date() });
      // The engine compares with the history as closed (not as the sabotaged sheet shows it).
      prepared.push({ c, plan, bytes, changes: dimensionChanges(engine, history), history });
    }
    const workbooks = await recalculatedWorkbooks("qg-parity-history-", prepared, { timeoutMs: 300_000 });
    workbooks.forEach((wb, i) => {
      const p = prepared[i];
      if (p) recalculated.set(p.c, wb);
    });
  }, 400_000);

  for (const c of CASES) {
    it(c.sabotage ? "catches a history value that is not the round's" : `agrees for ${c.name} (${c.lang})`, async () => {
      const p = prepared.find((x) => x.c === c);
      const wb = recalculated.get(c);
      if (!p || !wb) throw new Error("case not prepared");
      const mismatches = compare(p, wb);
      if (c.sabotage) {
        expect(mismatches.filter((m) => m.includes("changeFirst") || m.includes("previous")).length).toBeGreaterThan(0);
        // And check names the row changed by hand.
        const read = await readSnapshot(p.bytes, "sabotaged.xlsx");
        if (!read.ok) throw new Error("unreadable");
        const found = await historyFindings(read.value, "fr", sha256);
        expect(found.map((f) => f.where.sheet)).toEqual(["Historique"]);
        return;
      }
      expect(mismatches).toEqual([]);
      // Not vacuous: scores changed since the previous and the first round (both ways over the cases, below).
      expect(p.changes.some((x) => x.change !== null && x.change !== 0)).toBe(true);
      expect(p.changes.some((x) => x.changeFirst !== null && x.changeFirst !== 0)).toBe(true);
      // The file reads back the rounds as closed, and check finds nothing in them nor in the formulas.
      const read = await readSnapshot(p.bytes, `${c.name}.xlsx`);
      if (!read.ok) throw new Error("unreadable");
      expect(read.value.history).toEqual(p.history);
      expect(await historyFindings(read.value, c.lang, sha256)).toEqual([]);
      const loaded = await loadWorkbook(p.bytes, `${c.name}.xlsx`);
      if (!loaded.ok) throw new Error("unloadable");
      const structural = inspectWorkbook(loaded.value, read.value, c.lang).findings.filter((f) => /^(formula|table)/.test(f.code));
      expect(structural).toEqual([]);
    });
  }
});

describe.skipIf(!soffice)("closed rounds: the cases compared", () => {
  it("read back whole from a file LibreOffice saved: no row's check nor fingerprint differs", async () => {
    const p = prepared.find((x) => !x.c.sabotage);
    if (!p) throw new Error("no case");
    const dir = mkdtempSync(path.join(tmpdir(), "qg-history-saved-"));
    const file = path.join(dir, "saved.xlsx");
    writeFileSync(file, p.bytes);
    const [out] = await recalculateMany([file], path.join(dir, "out"), { timeoutMs: 120_000 });
    const saved = await readSnapshot(readFileSync(out as string), "saved.xlsx");
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
    // LibreOffice keeps 15 significant digits of each value, which is what the checks are taken at.
    expect((saved.value.history ?? []).map((r) => r.fingerprint)).toEqual(p.history.map((r) => r.fingerprint));
    expect(saved.value.history?.[0]?.criteria.some((c, i) => c.score !== p.history[0]?.criteria[i]?.score)).toBe(true);
    expect(await historyFindings(saved.value, p.c.lang, sha256)).toEqual([]);
  }, 180_000);

  it("see dimensions go up and down since the previous round", () => {
    const all = prepared.filter((p) => !p.c.sabotage).flatMap((p) => p.changes.map((x) => x.change ?? 0));
    expect(all.some((x) => x > 0) && all.some((x) => x < 0)).toBe(true);
  });
});

/** Every change the recalculated dashboard shows that differs from the engine's. */
function compare(p: Prepared, wb: ExcelJS.Workbook): string[] {
  const { same, lines } = mismatchCollector(TOLERANCE);
  const dash = p.plan.sheets.find((s) => s.key === "dashboard");
  const scores = dash?.tables.find((t) => t.name === TABLES.scores);
  if (!dash || !scores) return ["no scores table"];
  const ws = wb.getWorksheet(dash.name) as ExcelJS.Worksheet;
  const byId = new Map(p.changes.map((x) => [x.id, x]));
  p.c.template.dimensions.forEach((d, i) => {
    const v = (k: string): unknown => computedValue(ws.getCell(scores.top + 1 + i, columnOf(scores, k)));
    const x = byId.get(d.id);
    same(`${d.id} score`, v("score"), x?.score ?? null);
    same(`${d.id} previous`, v("previousScore"), x?.previous ?? null);
    same(`${d.id} change`, v("change"), x?.change ?? null);
    same(`${d.id} changeFirst`, v("changeFirst"), x?.changeFirst ?? null);
  });
  const named = (name: string): unknown => {
    const ref = p.plan.names.find((n) => n.name === name);
    if (!ref) return `no name ${name}`;
    return computedValue((wb.getWorksheet(ref.sheet) as ExcelJS.Worksheet).getCell(ref.ref.replace(/\$/g, "")));
  };
  const o = byId.get(OVERALL_ROW);
  same("overall previous", named(NAMES.overallPrevious), o?.previous ?? null);
  same("overall change", named(NAMES.overallChange), o?.change ?? null);
  same("overall changeFirst", named(NAMES.overallChangeFirst), o?.changeFirst ?? null);
  same("previous round", named(NAMES.previousRound), p.history.at(-1)?.label ?? null);
  same("first round", named(NAMES.firstRound), p.history[0]?.label ?? null);
  return lines;
}
