import type ExcelJS from "exceljs";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computedValue, findSoffice, recalculateXlsx } from "../support/libreoffice.js";
import { column, editWorkbook, loadXlsx, parseJson, run, table, tempDir, writeJson, writeText, demoTemplate, type TableAt } from "./cli.helpers.js";

// Hand-computed (demo template, scale 1–4, target level 3; D1 weight 2, target 80: C1 w1, C2 w2,
// C3 w1, C4 w1; D2 weight 1, target 70: C5 w1, C6 w3). Respondents (mean): C1 4/2/3 → c 3, C2 2 → 2,
// C3 4 → 4, C4 1 → 1. Evaluator: C1 3 (|c − e| 0), C2 4 (2: beyond the tolerance 1), C3 3 (1),
// C4 N/A, C5 2 (no c).
// D1 evaluator: (1 × 2/3 + 2 × 1 + 1 × 2/3)/4 = 5/6 → 83.33…, gap 80 − 250/3; both 3, within 2/3,
// mean |c − e| (0 + 2 + 1)/3 = 1. D2: C5 1/3 → 33.33…, gap 70 − 100/3, both 0 (nulls).
// Overall: (2 × 250/3 + 1 × 100/3)/3 = 200/9; overall target 70.
// Evidence: E001 (C1) Acceptée at review, E002 (C2;C3) À compléter, E003 (C5) Acceptée, E004 (C7) not
// reviewed. Reviewed coverage: D1 1/4, D2 1/2, overall 2/16.
const NAMES = ["Direction", "CA", "Équipe"];
const RESPONDENT_CSV = (ratings: number[]): string => `criterion,rating,comment\n${ratings.map((r, i) => `C${i + 1},${r},`).join("\n")}\n`;
// Per criterion C1…C4, each respondent's rating in order.
const RATINGS = [
  [4, 2, 3],
  [2, 2, 2],
  [4, 4, 4],
  [1, 1, 1],
];
const REVIEW_CSV = "criterion,rating,comment\nC1,3,Conforme\nC2,4,Au-delà de ce que dit l'organisation\nC3,3,\nC4,s.o.,\nC5,2,À renforcer\n";
const EVIDENCE_CSV = "evidence,status,note\nE001,Acceptée,Politique à jour\nE002,a completer,Manque la signature\nE003,ACCEPTED,\n";
const RECO_CSV = "criterion,recommendation,due\nC2,Formaliser le suivi des plaintes,2027-03-31\nC5,Publier l'offre de service,\n";

interface EvaluatorOut {
  score: number | null;
  gap: number | null;
  answered: number;
  both: number;
  withinTolerance: number | null;
  meanAbsDiff: number | null;
}
interface FiguresOut {
  id?: string;
  score: number | null;
  evaluator: EvaluatorOut;
  reviewedCoverage: number | null;
}
interface ScoreOut {
  overall: FiguresOut;
  dimensions: FiguresOut[];
}

/** A three-respondent demo workbook (`new --respondents`, `fill --respondent`) with four evidence rows typed in. */
async function threeRespondents(dir: string): Promise<{ file: string; json: string }> {
  const json = writeJson(dir, "demo.json", demoTemplate());
  const file = path.join(dir, "revue.xlsx");
  const made = await run("new", json, "-o", file, "--respondents", NAMES.join(","));
  expect(made.code, made.err).toBe(0);
  for (const [k, name] of NAMES.entries()) {
    const r = await run("fill", file, "--answers", writeText(dir, `r${k}.csv`, RESPONDENT_CSV(RATINGS.map((x) => x[k] ?? 0))), "--respondent", name);
    expect(r.code, r.err).toBe(0);
  }
  await editWorkbook(file, (wb) => {
    const t = table(wb, "QG_Evidence");
    const rows: [string, string, string][] = [
      ["C1", "Politique qualité", "Acceptée"],
      ["C2;C3", "Procès-verbal du CA", "Acceptée"],
      ["C5", "Offre de service", "Acceptée"],
      ["C7", "Plan de communication", "Acceptée"],
    ];
    rows.forEach(([criteria, title, status], i) => {
      const r = t.top + 1 + i;
      t.sheet.getCell(r, column(t, "Critères")).value = criteria;
      t.sheet.getCell(r, column(t, "Titre du document")).value = title;
      t.sheet.getCell(r, column(t, "Statut")).value = status;
    });
  });
  return { file, json };
}

/** `review` with the three files of this test. */
async function reviewAll(dir: string, file: string): Promise<void> {
  const r = await run(
    "review",
    file,
    "--answers",
    writeText(dir, "review.csv", REVIEW_CSV),
    "--evidence",
    writeText(dir, "evidence.csv", EVIDENCE_CSV),
    "--recommendations",
    writeText(dir, "reco.csv", RECO_CSV),
    "--by",
    "Marie Tremblay",
  );
  expect(r.code, r.err).toBe(0);
}

/** The rows of a table as header → value maps (computed values), blank rows left out. */
function rowsOf(t: TableAt): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let r = t.top + 1; r <= t.bottom; r++) {
    const row = Object.fromEntries(t.headers.map((h, i) => [h, computedValue(t.sheet.getCell(r, t.left + i))]));
    out.push(row);
  }
  return out;
}

const EXPECTED = {
  D1: { score: 250 / 3, gap: 80 - 250 / 3, answered: 3, both: 3, withinTolerance: 2 / 3, meanAbsDiff: 1, reviewedCoverage: 1 / 4 },
  D2: { score: 100 / 3, gap: 70 - 100 / 3, answered: 1, both: 0, withinTolerance: null, meanAbsDiff: null, reviewedCoverage: 1 / 2 },
  overall: { score: 200 / 3, gap: 70 - 200 / 3, answered: 4, both: 3, withinTolerance: 2 / 3, meanAbsDiff: 1, reviewedCoverage: 2 / 16 },
};

function expectFigures(got: FiguresOut | undefined, want: (typeof EXPECTED)["D1" | "D2" | "overall"], what: string): void {
  const close = (v: number | null): unknown => (v === null ? null : expect.closeTo(v, 9));
  expect(got?.evaluator, what).toEqual({
    score: close(want.score),
    gap: close(want.gap),
    answered: want.answered,
    both: want.both,
    withinTolerance: close(want.withinTolerance),
    meanAbsDiff: close(want.meanAbsDiff),
  });
  expect(got?.reviewedCoverage, `${what} reviewed coverage`).toBeCloseTo(want.reviewedCoverage, 9);
}

describe("qualigrid review", () => {
  it("writes the evaluator's ratings, evidence review and recommendations; score --json gives the hand-computed figures", async () => {
    const dir = tempDir();
    const { file } = await threeRespondents(dir);
    await reviewAll(dir, file);
    const wb = await loadXlsx(file);
    const g = table(wb, "QG_Grid");
    const grid = rowsOf(g);
    const c2 = grid.find((r) => r["Critère"] === "C2");
    expect(c2?.["Cotation évaluateur"]).toBe(4);
    expect(c2?.["Commentaire évaluateur"]).toBe("Au-delà de ce que dit l'organisation");
    expect(grid.find((r) => r["Critère"] === "C4")?.["Cotation évaluateur"]).toBe("S. O.");
    // The organization's ratings are untouched.
    expect(c2?.["Cotation — Direction"]).toBe(2);
    const ev = rowsOf(table(wb, "QG_Evidence"));
    expect(ev.slice(0, 4).map((r) => [r["Code"], r["Statut de la revue"], r["Avis évaluateur"], r["Réviseur"]])).toEqual([
      ["E001", "Acceptée", "Politique à jour", "Marie Tremblay"],
      ["E002", "À compléter", "Manque la signature", "Marie Tremblay"],
      ["E003", "Acceptée", null, "Marie Tremblay"],
      ["E004", null, null, null],
    ]);
    expect(ev[0]?.["Date de revue"]).toBeInstanceOf(Date);
    const actions = rowsOf(table(wb, "QG_Actions")).filter((r) => r["Source"] === "Évaluation externe");
    expect(actions.map((r) => [r["Code"], r["Critère"], r["Action"]])).toEqual([
      ["R001", "C2", "Formaliser le suivi des plaintes"],
      ["R002", "C5", "Publier l'offre de service"],
    ]);
    expect((actions[0]?.["Échéance"] as Date).toISOString().slice(0, 10)).toBe("2027-03-31");

    const s = await run("score", file, "--json");
    expect(s.code, s.err).toBe(0);
    const json = parseJson<ScoreOut>(s.out);
    expectFigures(json.dimensions.find((d) => d.id === "D1"), EXPECTED.D1, "D1");
    expectFigures(json.dimensions.find((d) => d.id === "D2"), EXPECTED.D2, "D2");
    expectFigures(json.overall, EXPECTED.overall, "overall");

    const text = await run("score", file);
    expect(text.out).toContain("Évaluation externe");
    expect(text.out).toMatch(/1 critère où l'évaluateur et l'autoévaluation diffèrent de plus de 1\u00a0: C2/);

    const check = await run("check", file, "--json");
    expect(check.out).toContain("evidenceNotReviewed");
    expect(check.out).toMatch(/Preuves!\$?[A-Z]+\$?\d+/);
  }, 120_000);

  it.skipIf(!findSoffice())(
    "gives a workbook whose formulas, recalculated by LibreOffice, equal score --json's evaluator figures",
    async () => {
      const dir = tempDir();
      const { file } = await threeRespondents(dir);
      await reviewAll(dir, file);
      const json = parseJson<ScoreOut>((await run("score", file, "--json")).out);
      const out = path.join(dir, "recalc");
      fs.mkdirSync(out);
      const wb = await loadXlsx(await recalculateXlsx(file, out));
      const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
      const same = (got: unknown, want: number | null, what: string): void => {
        if (want === null) expect(num(got), what).toBeNull();
        else expect(num(got), what).toBeCloseTo(want, 9);
      };
      const t = table(wb, "QG_Scores");
      const checked: string[] = [];
      for (const r of rowsOf(t)) {
        const d = json.dimensions.find((x) => x.id === r["Dimension"]);
        if (!d?.id) continue;
        checked.push(d.id);
        same(r["Score évaluateur"], d.evaluator.score, `evaluator score of ${d.id}`);
        same(r["Écart évaluateur"], d.evaluator.gap, `evaluator gap of ${d.id}`);
        expect(r["Cotés des deux côtés"], `both of ${d.id}`).toBe(d.evaluator.both);
        same(r["Part dans la tolérance"], d.evaluator.withinTolerance, `within of ${d.id}`);
        same(r["Écart absolu moyen"], d.evaluator.meanAbsDiff, `mean abs diff of ${d.id}`);
        same(r["Couverture revue"], d.reviewedCoverage, `reviewed coverage of ${d.id}`);
      }
      expect(checked).toEqual(["D1", "D2", "D3", "D4"]);
      const named = (name: string): unknown => {
        const ref = wb.definedNames.getRanges(name).ranges[0] ?? "";
        const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref);
        if (!m) throw new Error(`no name ${name}`);
        return computedValue((wb.getWorksheet(m[1] ?? "") as ExcelJS.Worksheet).getCell(`${m[2]}${m[3]}`));
      };
      const o = json.overall;
      same(named("QG_EvaluatorScore"), o.evaluator.score, "QG_EvaluatorScore");
      same(named("QG_EvaluatorGap"), o.evaluator.gap, "QG_EvaluatorGap");
      same(named("QG_EvaluatorBoth"), o.evaluator.both, "QG_EvaluatorBoth");
      same(named("QG_Agreement"), o.evaluator.withinTolerance, "QG_Agreement");
      same(named("QG_MeanAbsDiff"), o.evaluator.meanAbsDiff, "QG_MeanAbsDiff");
      same(named("QG_ReviewedCoverage"), o.reviewedCoverage, "QG_ReviewedCoverage");
    },
    180_000,
  );

  it("refuses a bad line, an unknown criterion, an unknown evidence id or a bad status, and writes nothing", async () => {
    const dir = tempDir();
    const { file } = await threeRespondents(dir);
    const before = fs.readFileSync(file);
    const cases: [string, string, RegExp][] = [
      ["--answers", "criterion,rating,comment\nC1,7,\n", /review\.csv:2/],
      ["--answers", "criterion,rating,comment\nC99,3,\n", /C99/],
      ["--evidence", "evidence,status,note\nE999,Acceptée,\n", /E999/],
      ["--evidence", "evidence,status,note\nE001,Peut-être,\n", /Peut-être/],
      ["--recommendations", "criterion,recommendation,due\nC1,Faire,2027-02-30\n", /2027-02-30/],
      ["--recommendations", "criterion,recommendation,due\n\"C1,Faire,\n", /reco.csv/],
    ];
    for (const [option, csv, said] of cases) {
      const name = option === "--answers" ? "review.csv" : option === "--evidence" ? "evidence.csv" : "reco.csv";
      // A good file beside the bad one: nothing of it is written either.
      const good = option === "--answers" ? ["--recommendations", writeText(dir, "ok.csv", RECO_CSV)] : ["--answers", writeText(dir, "ok.csv", REVIEW_CSV)];
      const r = await run("review", file, option, writeText(dir, name, csv), ...good);
      expect(r.code, `${option} ${csv}`).toBe(2);
      expect(r.err).toMatch(said);
      expect(fs.readFileSync(file).equals(before), `${option} ${csv}: file unchanged`).toBe(true);
    }
    const none = await run("review", file);
    expect(none.code).toBe(2);
    expect(none.err).toContain("--answers");
  }, 120_000);

  it("leaves the file byte for byte as it was when the same review is given twice", async () => {
    const dir = tempDir();
    const { file } = await threeRespondents(dir);
    await reviewAll(dir, file);
    const before = fs.readFileSync(file);
    const again = await run("review", file, "--answers", path.join(dir, "review.csv"), "--evidence", path.join(dir, "evidence.csv"), "--recommendations", path.join(dir, "reco.csv"), "--by", "Marie Tremblay");
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain("rien à changer");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  }, 120_000);

  it("keeps the recommendations through a following action plan from gaps and an upgrade", async () => {
    const dir = tempDir();
    const { file, json } = await threeRespondents(dir);
    await reviewAll(dir, file);
    const recos = async (f: string): Promise<unknown[][]> =>
      rowsOf(table(await loadXlsx(f), "QG_Actions"))
        .filter((r) => r["Source"] === "Évaluation externe")
        .map((r) => [r["Code"], r["Critère"], r["Action"], r["Échéance"] instanceof Date ? r["Échéance"].toISOString().slice(0, 10) : r["Échéance"]]);
    const want = [
      ["R001", "C2", "Formaliser le suivi des plaintes", "2027-03-31"],
      ["R002", "C5", "Publier l'offre de service", null],
    ];
    expect(await recos(file)).toEqual(want);
    const plan = await run("plan", file);
    expect(plan.code, plan.err).toBe(0);
    expect(await recos(file)).toEqual(want);
    const gaps = rowsOf(table(await loadXlsx(file), "QG_Actions")).filter((r) => r["Source"] === "Autoévaluation");
    expect(gaps.map((r) => r["Critère"])).toContain("C4");
    const upgraded = path.join(dir, "upgraded.xlsx");
    const up = await run("upgrade", file, "--template", json, "--force", "-o", upgraded);
    expect(up.code, up.err).toBe(0);
    expect(await recos(upgraded)).toEqual(want);
  }, 120_000);

  it("has --help in French and in English", async () => {
    const fr = await run("review", "--help");
    expect(fr.code).toBe(0);
    expect(fr.out).toContain("--recommendations");
    expect(fr.out).toContain("évaluateur");
    const en = await run("review", "--help", "--lang", "en");
    expect(en.out).toContain("evaluator");
  });
});
