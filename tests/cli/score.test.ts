import path from "node:path";
import { describe, expect, it } from "vitest";
import { at, column, loadXlsx, newDemoWorkbook, parseJson, run, scoreJson, table, tempDir, writeText } from "./cli.helpers.js";

// design.md's nine keys, with the second version's requiredNotMet and themes, and the evaluator's figures (every grid has the evaluator's columns).
const DIMENSION_KEYS = ["answered", "completion", "evaluator", "evidenceCoverage", "gap", "id", "notApplicable", "requiredNotMet", "score", "target", "themes", "total"];
const EVALUATOR_KEYS = ["answered", "both", "gap", "meanAbsDiff", "score", "withinTolerance"];

describe("qualigrid score --json", () => {
  it("has the shape of design.md: template {id, version}, overall {score, completion}, one entry per dimension with its nine keys and the second version's two", async () => {
    const dir = tempDir();
    const xlsx = path.join(dir, "eq.xlsx");
    expect((await run("new", "engagement-qualite", "-o", xlsx)).code).toBe(0);
    const r = await run("score", xlsx, "--json");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const json = parseJson<Record<string, unknown>>(r.out);
    expect(Object.keys(json).sort()).toEqual(["dimensions", "overall", "template"]);
    const score = scoreJson(r.out);
    expect(score.template).toEqual({ id: "engagement-qualite", version: "2.0.0" });
    expect(score.overall).toHaveProperty("score");
    expect(score.overall).toHaveProperty("completion");
    expect(score.dimensions.map((d) => d.id)).toEqual(["GOUV", "RESS", "OFFR", "COMM", "PART", "SECU", "RH", "BPQ"]);
    for (const d of score.dimensions) expect(Object.keys(d).sort()).toEqual(DIMENSION_KEYS);
    for (const f of [score.overall, ...score.dimensions]) expect(Object.keys(f.evaluator as object).sort()).toEqual(EVALUATOR_KEYS);
  });

  it("gives the evaluator's score, gap and agreement per dimension and overall, nulls inside where nothing is rated", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    // D1: C1 4, the evaluator N/A. D2 (target 70): C5 (weight 1) 3 vs 4, C6 (weight 3) 1 vs 3.
    expect((await run("fill", xlsx, "--answers", writeText(dir, "a.csv", "criterion,rating\nC1,4\nC5,3\nC6,1\n"))).code).toBe(0);
    const wb = await loadXlsx(xlsx);
    const grid = table(wb, "QG_Grid");
    const evaluator: Record<string, string | number> = { C1: "S. O.", C5: 4, C6: 3 };
    for (let r = grid.top + 1; r <= grid.bottom; r++) {
      const id = String(grid.sheet.getCell(r, column(grid, "Critère")).value);
      const e = evaluator[id];
      if (e !== undefined) grid.sheet.getCell(r, column(grid, "Cotation évaluateur")).value = e;
    }
    await wb.xlsx.writeFile(xlsx);
    const json = scoreJson((await run("score", xlsx, "--json")).out);
    // e: C5 4 → 1, C6 3 → 2/3: (1·1 + 3·2/3)/4 = 75; |c − e|: 1 and 2, within the default tolerance 1: one of two.
    const d2 = { score: 75, gap: -5, answered: 2, both: 2, withinTolerance: 0.5, meanAbsDiff: 1.5 };
    expect(at(json.dimensions, 1).evaluator).toEqual(d2);
    expect(at(json.dimensions, 0).evaluator).toEqual({ score: null, gap: null, answered: 0, both: 0, withinTolerance: null, meanAbsDiff: null });
    // Overall: D2 alone is scored by the evaluator; the overall target is 70.
    expect(json.overall.evaluator).toEqual(d2);
  });

  it("gives null scores and gaps where nothing is scored, and zero completion", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const json = scoreJson((await run("score", xlsx, "--json")).out);
    expect(json.overall.score).toBeNull();
    expect(json.overall.completion).toBe(0);
    for (const d of json.dimensions) {
      expect(d).toMatchObject({ score: null, gap: null, answered: 0, notApplicable: 0, completion: 0 });
      expect(typeof d.target).toBe("number");
    }
    expect(json.dimensions.map((d) => d.total)).toEqual([4, 2, 4, 6]);
    expect(json.dimensions.map((d) => d.target)).toEqual([80, 70, 70, 70]);
  });

  it("counts accepted evidence only, over applicable criteria, for the evidence coverage", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    // D1: C1 4, C2 2, C3 N/A, C4 3. D2: C5 N/A, C6 1. D3: nothing. D4: all N/A.
    const csv = writeText(
      dir,
      "answers.csv",
      "criterion,rating\nC1,4\nC2,2\nC3,SO\nC4,3\nC5,NA\nC6,1\nC11,SO\nC12,SO\nC13,SO\nC14,SO\nC15,SO\nC16,SO\n",
    );
    expect((await run("fill", xlsx, "--answers", csv)).code).toBe(0);
    const wb = await loadXlsx(xlsx);
    const ev = table(wb, "QG_Evidence");
    const rows: [string, string][] = [
      ["C1; c2", "Acceptée"], // C1 and C2 covered (ids compare case-insensitively)
      ["C4", "Fournie"], // provided, not accepted: does not count
      ["C5", "Acceptée"], // C5 is N/A: not applicable, not counted
      ["C7,C8", "acceptée"], // D3: C7 and C8 covered (status compared case-insensitively)
    ];
    rows.forEach(([criteria, status], i) => {
      ev.sheet.getCell(ev.top + 1 + i, column(ev, "Critères")).value = criteria;
      ev.sheet.getCell(ev.top + 1 + i, column(ev, "Statut")).value = status;
    });
    await wb.xlsx.writeFile(xlsx);

    const json = scoreJson((await run("score", xlsx, "--json")).out);
    const cov = json.dimensions.map((d) => d.evidenceCoverage);
    expect(cov[0]).toBeCloseTo(2 / 3, 9); // C1, C2 of the applicable C1, C2, C4
    expect(cov[1]).toBe(0); // C6 has none
    expect(cov[2]).toBeCloseTo(2 / 4, 9); // C7, C8 of C7–C10 (unanswered criteria are applicable)
    expect(cov[3]).toBeNull(); // no applicable criterion
    // Scores are not changed by evidence.
    expect(at(json.dimensions, 0).score).toBeCloseTo((100 * (1 + 2 * (1 / 3) + 2 / 3)) / 4, 9);
  });

  it("uses the dimension targets set on the dashboard", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    expect((await run("fill", xlsx, "--answers", writeText(dir, "a.csv", "criterion,rating\nC5,3\nC6,3\n"))).code).toBe(0);
    const wb = await loadXlsx(xlsx);
    const scores = table(wb, "QG_Scores");
    const targetCol = column(scores, "Cible");
    for (let r = scores.top + 1; r <= scores.bottom; r++) {
      if (scores.sheet.getCell(r, scores.left).value === "D2") scores.sheet.getCell(r, targetCol).value = 50;
    }
    await wb.xlsx.writeFile(xlsx);
    const json = scoreJson((await run("score", xlsx, "--json")).out);
    const d2 = at(json.dimensions, 1);
    expect(d2.target).toBe(50);
    expect(d2.score).toBeCloseTo(100 * (2 / 3), 9); // both at level 3: s = 2/3
    expect(d2.gap).toBeCloseTo(50 - 100 * (2 / 3), 9); // negative: above target
  });

  it("prints a table in the workbook's language, one line per dimension and an overall line", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "en");
    expect((await run("fill", xlsx, "--answers", writeText(dir, "a.csv", "criterion,rating\nC1,4\nC2,4\nC3,4\nC4,1\n"))).code).toBe(0);
    const r = await run("score", xlsx);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines.some((l) => /^D1\s/.test(l) && l.includes("80.0"))).toBe(true); // 100·(1·1 + 2·1 + 1·1 + 1·0)/(1+2+1+1)
    expect(lines.some((l) => /^D3\s/.test(l) && l.includes("—"))).toBe(true);
    expect(lines.some((l) => l.startsWith("Overall") && l.includes("80.0"))).toBe(true);
    expect(r.out).toContain("4 criteria scored, 0 not applicable, out of 16.");
  });
});
