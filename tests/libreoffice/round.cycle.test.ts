/**
 * The improvement cycle in the workbook's own formulas (design.md "Rounds, comparison and report"),
 * recalculated by LibreOffice: every built-in with three respondents and the evaluator, seeded
 * ratings, two rounds closed by `closeRound` (the code of `qualigrid round close` and of the pane),
 * then the third round rated again. The dashboard's previous score, change and change since the first
 * round, per dimension and overall, equal the engine's `dimensionChanges` within 1e-9; no formula cell
 * of the workbook is an error; a deliberately wrong history value is caught.
 */
import { createHash } from "node:crypto";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { isTextCriterion, scaleOfCriterion } from "../../addin/model/criterion.scale.js";
import { OVERALL_ROW } from "../../addin/model/history.types.js";
import type { Rating } from "../../addin/model/scale.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { HEADERS } from "../../addin/plan/labels.js";
import { NAMES, TABLES } from "../../addin/plan/names.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import { dimensionChanges, type DimensionChange } from "../../addin/scoring/round.change.js";
import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";
import type { AnswerEntry } from "../../addin/xlsx/xlsx.fill.js";
import { saveWorkbook } from "../../addin/xlsx/xlsx.io.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { fillEvaluator } from "../../addin/xlsx/xlsx.review.js";
import { fillRespondent } from "../../addin/xlsx/xlsx.respondents.js";
import { closeRound } from "../../addin/xlsx/xlsx.round.js";
import { findTables } from "../../addin/xlsx/xlsx.tables.js";
import { computedValue, findSoffice } from "../support/libreoffice.js";
import { mismatchCollector, recalculatedWorkbooks } from "../support/parity.js";
import { seededRandom } from "../support/random.js";

const soffice = findSoffice();
const TOLERANCE = 1e-9;
const RESPONDENTS = ["Direction", "CA", "Équipe"];
const sha = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

interface Case {
  name: string;
  template: Template;
  lang: Lang;
  seed: number;
  /** A history score changed after the close: the comparison must catch it. */
  sabotage?: boolean;
}

interface Prepared {
  c: Case;
  bytes: Uint8Array;
  changes: DimensionChange[];
  /** The overall change cells' addresses (sheet, cell), from the workbook's names. */
  names: Map<string, { sheet: string; address: string }>;
  /** Every formula cell of the workbook written, as `sheet!address`. */
  formulas: { sheet: string; address: string }[];
}

function read(wb: ExcelJS.Workbook): AssessmentWorkbook {
  const r = readQualigridWorkbook(wb, "round.xlsx");
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
  return r.value;
}

/** Each respondent's and the evaluator's seeded ratings (levels, N/A, blanks) over the rating criteria. */
function rate(wb: ExcelJS.Workbook, c: Case, seed: number): void {
  const rand = seededRandom(seed);
  const criteria = c.template.dimensions.flatMap((d) => d.criteria).filter((x) => !isTextCriterion(x));
  const pickRating = (i: number): Rating => {
    const crit = criteria[i];
    if (!crit) return { kind: "blank" };
    const scale = scaleOfCriterion(c.template, crit);
    const roll = rand();
    if (roll < 0.12) return { kind: "blank" };
    if (roll < 0.2 && scale.notApplicable && crit.required !== true) return { kind: "na" };
    const level = scale.levels[Math.floor(rand() * scale.levels.length)];
    return level ? { kind: "level", value: level.value } : { kind: "blank" };
  };
  for (const name of RESPONDENTS) {
    const lines: AnswerEntry[] = criteria.map((x, i) => ({
      criterion: x.id,
      rating: pickRating(i),
      comment: `${name} ${seed}`,
    }));
    fillRespondent(wb, read(wb), name, lines);
  }
  fillEvaluator(
    wb,
    read(wb),
    criteria.map((x, i) => ({
      criterion: x.id,
      rating: pickRating(i),
      comment: null,
    })),
  );
}

async function prepare(c: Case): Promise<Prepared> {
  let wb = await renderPlanToWorkbook(buildPlan(c.template, { lang: c.lang, respondents: RESPONDENTS }));
  rate(wb, c, c.seed);
  for (const [label, day] of [
    ["2024", "2024-11-30"],
    ["2025", "2025-11-30"],
  ] as const) {
    const closed = await closeRound(wb, read(wb), { label, date: new Date(`${day}T00:00:00Z`) }, sha);
    if (!closed.ok) throw new Error(closed.issues.map((i) => i.message).join("; "));
    wb = closed.value.workbook;
    rate(wb, c, c.seed + label.length + Number(label));
  }
  const a = read(wb);
  const changes = dimensionChanges(scoreAssessment(a.assessment), a.history ?? []);
  if (c.sabotage) sabotage(wb);
  const names = new Map<string, { sheet: string; address: string }>();
  for (const n of [NAMES.overallPrevious, NAMES.overallChange, NAMES.overallChangeFirst]) {
    const ref = wb.definedNames.getRanges(n).ranges[0] ?? "";
    const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref);
    if (m?.[1])
      names.set(n, {
        sheet: m[1].replace(/''/g, "'"),
        address: `${m[2]}${m[3]}`,
      });
  }
  const formulas: { sheet: string; address: string }[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === 6 /* ExcelJS.ValueType.Formula */) formulas.push({ sheet: ws.name, address: cell.address });
      }),
    );
  }
  return { c, bytes: await saveWorkbook(wb), changes, names, formulas };
}

/**
 * Adds 7 points to the last round's score of the first dimension in `QG_History` (rows per round ×
 * dimension, then the round's overall row: the last round's first dimension is the template's
 * dimension count above the table's last row).
 */
function sabotage(wb: ExcelJS.Workbook): void {
  const t = findTables(wb).get(TABLES.history.toLowerCase());
  if (!t) throw new Error("no history table");
  const scoreCol = t.headers.findIndex((h) => h === HEADERS.scores.score.fr || h === HEADERS.scores.score.en);
  if (scoreCol < 0) throw new Error(`no score column in ${t.headers.join(", ")}`);
  const cell = t.sheet.getCell(t.bottom - read(wb).template.dimensions.length, t.left + scoreCol);
  if (typeof cell.value !== "number") throw new Error(`no score at ${cell.address}`);
  cell.value += 7;
}

/** The languages the cases alternate. */
const LANGS: Lang[] = ["fr", "en"];

function cases(): Case[] {
  const out: Case[] = builtinTemplates().map((template, i) => ({
    name: template.id,
    template,
    lang: LANGS[i % LANGS.length] ?? "fr",
    seed: 18_200 + i * 10,
  }));
  const first = builtinTemplates()[0] as Template;
  out.push({
    name: "sabotaged history",
    template: first,
    lang: "fr",
    seed: 18_999,
    sabotage: true,
  });
  return out;
}

const CASES = cases();

describe.skipIf(!soffice)("a round closed and rated again, recalculated by LibreOffice", () => {
  const prepared: Prepared[] = [];
  const recalculated = new Map<Case, ExcelJS.Workbook>();

  beforeAll(async () => {
    for (const c of CASES) prepared.push(await prepare(c));
    const books = await recalculatedWorkbooks("qg-round-", prepared);
    prepared.forEach((p, i) => {
      const wb = books[i];
      if (wb) recalculated.set(p.c, wb);
    });
  }, 600_000);

  for (const c of CASES) {
    it(c.sabotage ? "catches a history score changed by hand" : `${c.name} (${c.lang}): the change columns equal the engine's, and no formula is an error`, () => {
      const p = prepared.find((x) => x.c === c);
      const wb = recalculated.get(c);
      if (!p || !wb) throw new Error("case not prepared");
      const mismatches = compare(p, wb);
      if (c.sabotage) {
        expect(mismatches.some((m) => m.includes("previous"))).toBe(true);
        return;
      }
      expect(mismatches).toEqual([]);
      const errors = p.formulas
        .map((f) => ({
          ...f,
          value: computedValue((wb.getWorksheet(f.sheet) as ExcelJS.Worksheet).getCell(f.address)),
        }))
        .filter((f) => typeof f.value === "string" && /^#[A-Z0-9/!?]+/.test(f.value))
        .map((f) => `${f.sheet}!${f.address}: ${String(f.value)}`);
      expect(errors).toEqual([]);
      expect(p.formulas.length).toBeGreaterThan(100);
      // Not vacuous: some dimension moved since the previous round and since the first.
      expect(p.changes.some((x) => x.change !== null && x.change !== 0)).toBe(true);
      expect(p.changes.some((x) => x.changeFirst !== null && x.changeFirst !== x.change)).toBe(true);
    });
  }
});

/** Every change figure the recalculated dashboard shows that differs from the engine's. */
function compare(p: Prepared, wb: ExcelJS.Workbook): string[] {
  const { same, lines } = mismatchCollector(TOLERANCE);
  const scores = findTables(wb).get(TABLES.scores.toLowerCase());
  if (!scores) return ["no QG_Scores table"];
  const col = (key: keyof typeof HEADERS.scores): number => {
    const i = scores.headers.indexOf(HEADERS.scores[key][p.c.lang]);
    if (i < 0) throw new Error(`no ${key} column in ${scores.headers.join(", ")}`);
    return scores.left + i;
  };
  const dims = p.changes.filter((x) => x.id !== OVERALL_ROW);
  dims.forEach((d, i) => {
    const v = (key: keyof typeof HEADERS.scores): unknown => computedValue(scores.sheet.getCell(scores.top + 1 + i, col(key)));
    same(`${d.id} dimension`, v("dimension"), d.id);
    same(`${d.id} score`, v("score"), d.score);
    same(`${d.id} previous`, v("previousScore"), d.previous);
    same(`${d.id} change`, v("change"), d.change);
    same(`${d.id} change since the first`, v("changeFirst"), d.changeFirst);
  });
  const overall = p.changes.find((x) => x.id === OVERALL_ROW);
  const named = (name: string): unknown => {
    const at = p.names.get(name);
    return at ? computedValue((wb.getWorksheet(at.sheet) as ExcelJS.Worksheet).getCell(at.address)) : `no name ${name}`;
  };
  same("overall previous", named(NAMES.overallPrevious), overall?.previous ?? null);
  same("overall change", named(NAMES.overallChange), overall?.change ?? null);
  same("overall change since the first", named(NAMES.overallChangeFirst), overall?.changeFirst ?? null);
  return lines;
}
