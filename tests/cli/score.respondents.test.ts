import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../addin/model/template.parse.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { renderPlanToBuffer } from "../../addin/xlsx/xlsx.render.js";
import { column, demoTemplate, editWorkbook, gridRowOf, parseJson, run, table, tempDir } from "./cli.helpers.js";

// Figures worked out by hand (demo template, scale 1–4, D1 weight 2: C1 w1, C2 w2, C3 w1, C4 w1):
// C1 4/2/1 (mean 7/3, spread 3: to discuss), C2 2/2/N/A (to discuss: N/A against a level),
// C3 3/3/3, C4 1/4/blank agreed 3. Consolidated D1 = (4/9 + 2 × 1/3 + 2/3 + 2/3)/5 = 22/45.
// Direction (1 + 2 × 1/3 + 2/3 + 0)/5 = 7/15; CA (1/3 + 2 × 1/3 + 2/3 + 1)/5 = 8/15;
// Équipe (0 + 2/3)/2 = 1/3 (C2 N/A, C4 blank).
const NAMES = ["Direction", "CA", "Équipe"];
const RATINGS: Record<string, (string | number | null)[]> = { C1: [4, 2, 1], C2: [2, 2, "s.o."], C3: [3, 3, 3], C4: [1, 4, null] };

interface RespondentJson {
  name: string;
  score: number | null;
  answered: number;
}
interface DimensionJson {
  id: string;
  score: number | null;
  respondents: RespondentJson[];
  toDiscuss: number;
}
interface Json {
  respondents: string[];
  overall: { score: number | null; respondents: RespondentJson[]; toDiscuss: number };
  dimensions: DimensionJson[];
}

/** A French demo workbook with three respondents, made from the plan (not by `new`), rated with exceljs as above. */
async function threeRated(dir: string, extra: Record<string, { ratings?: (string | number | null)[]; agreed?: string | number }> = {}): Promise<string> {
  const t = parseTemplate(demoTemplate());
  if (!t.ok) throw new Error("demo template");
  const file = path.join(dir, "trois.xlsx");
  fs.writeFileSync(file, await renderPlanToBuffer(buildPlan(t.value, { lang: "fr", respondents: NAMES })));
  await editWorkbook(file, (wb) => {
    const g = table(wb, "QG_Grid");
    const rows: Record<string, { ratings?: (string | number | null)[]; agreed?: string | number }> = { ...Object.fromEntries(Object.entries(RATINGS).map(([id, ratings]) => [id, { ratings }])), ...extra };
    rows.C4 = { ...rows.C4, agreed: 3 };
    for (const [id, { ratings, agreed }] of Object.entries(rows)) {
      const row = gridRowOf(g, "Critère", id);
      ratings?.forEach((v, k) => (g.sheet.getCell(row, column(g, `Cotation — ${NAMES[k] ?? ""}`)).value = v));
      if (agreed !== undefined) g.sheet.getCell(row, column(g, "Cotation convenue")).value = agreed;
    }
    const c4 = gridRowOf(g, "Critère", "C4");
    g.sheet.getCell(c4, column(g, "Motif de la cotation convenue")).value = "Consensus du 12 mai";
  });
  return file;
}

describe("qualigrid score with several respondents", () => {
  it("gives each respondent's score per dimension and overall beside the consolidated one, and the criteria to discuss", async () => {
    const file = await threeRated(tempDir());
    const r = await run("score", file, "--json");
    expect(r.code, r.err).toBe(0);
    const json = parseJson<Json>(r.out);
    expect(json.respondents).toEqual(NAMES);
    const d1 = json.dimensions[0];
    expect(d1?.score).toBeCloseTo((100 * 22) / 45, 9);
    expect(d1?.respondents.map((x) => x.name)).toEqual(NAMES);
    expect(d1?.respondents.map((x) => x.score)).toEqual([expect.closeTo((100 * 7) / 15, 9), expect.closeTo((100 * 8) / 15, 9), expect.closeTo(100 / 3, 9)]);
    expect(d1?.respondents.map((x) => x.answered)).toEqual([4, 4, 2]);
    expect(json.dimensions.map((d) => d.toDiscuss)).toEqual([2, 0, 0, 0]);
    expect(json.dimensions[1]?.respondents).toEqual(NAMES.map((name) => ({ name, score: null, answered: 0 })));
    // Only D1 is scored: overall = D1, for everyone.
    expect(json.overall.score).toBeCloseTo((100 * 22) / 45, 9);
    expect(json.overall.respondents.map((x) => x.score)).toEqual(d1?.respondents.map((x) => expect.closeTo(x.score ?? NaN, 9)));
    expect(json.overall.toDiscuss).toBe(2);
  });

  it("prints a table of each respondent's score per dimension and the criteria to discuss", async () => {
    const file = await threeRated(tempDir());
    const r = await run("score", file);
    expect(r.code, r.err).toBe(0);
    const NB = "\u00a0";
    expect(r.out).toContain(`Score de chaque répondant${NB}:`);
    const lines = r.out.split("\n");
    const head = lines.find((l) => l.startsWith("Dimension ") && l.includes("Direction"));
    expect(head?.split(/ {2,}/)).toEqual(["Dimension", "Direction", "CA", "Équipe", "À discuter"]);
    const overall = lines.filter((l) => l.startsWith("Global")).at(-1);
    expect(overall?.split(/ {2,}/)[1]).toBe("46,7");
    expect(overall?.split(/ {2,}/)[3]).toBe("33,3");
    expect(r.out).toContain(`2 critères à discuter (écart entre répondants ou sans objet contre une cotation)${NB}: C1, C2.`);
  });
});

describe("qualigrid check with several respondents", () => {
  it("finds a fresh three-respondent workbook's formulas intact", async () => {
    const file = await threeRated(tempDir());
    const r = await run("check", file, "--json");
    const findings = parseJson<{ findings: { code: string; where: string }[] }>(r.out).findings;
    expect(findings.filter((f) => f.code.startsWith("formula") || f.code.startsWith("table"))).toEqual([]);
    expect(findings.filter((f) => f.code === "ratingInvalid")).toEqual([]);
  });

  it("names the cell of an unreadable rating in any respondent's column and in the agreed column", async () => {
    const file = await threeRated(tempDir(), { C5: { ratings: [null, null, "peut-être"] }, C6: { agreed: "bientôt" } });
    const r = await run("check", file, "--json");
    const findings = parseJson<{ findings: { code: string; where: string; message: string }[] }>(r.out).findings.filter((f) => f.code === "ratingInvalid");
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining("C5 (Cotation — Équipe)"), expect.stringContaining("C6 (Cotation convenue)")]);
    expect(findings.every((f) => /^Grille!\$?[A-Z]+\$?\d+$/.test(f.where))).toBe(true);
  });

  it("restores a respondent's altered formula with --repair", async () => {
    const file = await threeRated(tempDir());
    await editWorkbook(file, (wb) => {
      const g = table(wb, "QG_Grid");
      g.sheet.getCell(gridRowOf(g, "Critère", "C1"), column(g, "Cotation consolidée")).value = 2;
    });
    const before = await run("check", file, "--json");
    expect(parseJson<{ findings: { code: string }[] }>(before.out).findings.map((f) => f.code)).toContain("formulaMissing");
    const r = await run("check", file, "--repair", "--json");
    expect(parseJson<{ findings: { code: string }[] }>(r.out).findings.filter((f) => f.code.startsWith("formula"))).toEqual([]);
  });

  it("refuses a workbook whose QG_Respondents names someone without a rating column, naming the table, header and sheet", async () => {
    const file = await threeRated(tempDir());
    await editWorkbook(file, (wb) => {
      const t = table(wb, "QG_Respondents");
      t.sheet.getCell(t.top + 2, column(t, "Répondant")).value = "Zoé";
    });
    const r = await run("score", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain("QG_Grid (feuille Grille) n'a pas de colonne «\u00a0Cotation — Zoé\u00a0» pour le répondant «\u00a0Zoé\u00a0»");
  });
});
