import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computedValue, findSoffice, recalculateXlsx } from "../support/libreoffice.js";
import { column, demoTemplate, gridCell, loadXlsx, parseJson, respondentNames, run, table, tempDir, writeJson, writeText } from "./cli.helpers.js";

// Written by hand (not produced by Qualigrid's code). Demo template: scale 1–4, N/A allowed;
// D1 (weight 2): C1 (w 1), C2 (w 2), C3 (w 1), C4 (w 1). See cli.helpers.ts.
const NB = "\u00a0";
const DIRECTION = "criterion,rating,comment\nC1,4,Très bien\nC2,2,\n";
const CA = "criterion,rating,comment\nC1,2,Le CA hésite\nC2,2,\n";
const EQUIPE = "criterion,rating,comment\nC1,1,\nC2,n/a,Pas chez nous\n";
const AGREED = "criterion,rating,comment\nC1,3,Consensus du 12 mai\n";

/** A French demo workbook with three named respondents; returns its path. */
async function threeRespondents(dir: string): Promise<string> {
  const json = writeJson(dir, "demo.json", demoTemplate());
  const file = path.join(dir, "trois.xlsx");
  const r = await run("new", json, "-o", file, "--respondents", "Direction,CA,Équipe");
  expect(r.code, r.err).toBe(0);
  expect(r.out).toContain(`Répondants${NB}: Direction, CA, Équipe.`);
  return file;
}

/** Fills each of the three respondents' columns from the CSVs above. */
async function fillThree(dir: string, file: string): Promise<void> {
  for (const [name, csv] of [["Direction", DIRECTION], ["CA", CA], ["Équipe", EQUIPE]] as const) {
    const r = await run("fill", file, "--answers", writeText(dir, `${name}.csv`, csv), "--respondent", name);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`pour «${NB}${name}${NB}»`);
  }
}

interface ScoreOut {
  respondents?: string[];
  dimensions: { id: string; score: number | null; toDiscuss?: number; respondents?: { name: string; score: number | null; answered: number }[] }[];
}

describe("new --respondents", () => {
  it("writes one rating and comment column per respondent, and the QG_Respondents table", async () => {
    const dir = tempDir();
    const file = await threeRespondents(dir);
    expect(await respondentNames(file)).toEqual(["Direction", "CA", "Équipe"]);
    const grid = table(await loadXlsx(file), "QG_Grid");
    for (const n of ["Direction", "CA", "Équipe"]) {
      expect(grid.headers).toContain(`Cotation — ${n}`);
      expect(grid.headers).toContain(`Commentaire — ${n}`);
    }
    expect(grid.headers).toContain("Cotation convenue");
    expect(grid.headers).not.toContain("Cotation");
  });

  it("with one name keeps today's grid and names its respondent", async () => {
    const dir = tempDir();
    const file = path.join(dir, "un.xlsx");
    expect((await run("new", writeJson(dir, "demo.json", demoTemplate()), "-o", file, "--respondents", "Direction")).code).toBe(0);
    expect(await respondentNames(file)).toEqual(["Direction"]);
    const r = await run("fill", file, "--answers", writeText(dir, "d.csv", DIRECTION), "--respondent", "DIRECTION");
    expect(r.code, r.err).toBe(0);
    expect(gridCell(await loadXlsx(file), "fr", "C1", "Cotation").value).toBe(4);
  });

  it.each([
    ["a name given twice", "Direction,direction"],
    ["a name that Excel would take for a formula", "=Direction,CA"],
    ["an empty list", " , "],
  ])("refuses %s and writes nothing", async (_, list) => {
    const dir = tempDir();
    const file = path.join(dir, "non.xlsx");
    const r = await run("new", writeJson(dir, "demo.json", demoTemplate()), "-o", file, "--respondents", list);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--respondents");
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe("fill --respondent and --agreed", () => {
  it.skipIf(!findSoffice())(
    "gives a workbook whose formulas, recalculated by LibreOffice, show the engine's scores",
    async () => {
      const dir = tempDir();
      const file = await threeRespondents(dir);
      await fillThree(dir, file);
      expect((await run("fill", file, "--answers", writeText(dir, "consensus.csv", "criterion,rating,comment\nC2,3,ok\n"), "--agreed")).code).toBe(0);
      // A fourth respondent added by fill: the workbook is re-rendered, formulas and all.
      const more = "criterion,rating,comment\nC1,3,\nC5,4,\nC6,n/a,\nC7,2,\n";
      expect((await run("fill", file, "--answers", writeText(dir, "b.csv", more), "--respondent", "Bénévoles")).code).toBe(0);
      const s = parseJson<ScoreOut>((await run("score", file, "--json")).out);
      const out = path.join(dir, "recalc");
      fs.mkdirSync(out);
      const wb = await loadXlsx(await recalculateXlsx(file, out));
      const t = table(wb, "QG_Scores");
      const dimCol = column(t, "Dimension");
      const checked: string[] = [];
      for (let r = t.top + 1; r <= t.bottom; r++) {
        const id = String(computedValue(t.sheet.getCell(r, dimCol)));
        const d = s.dimensions.find((x) => x.id === id);
        if (!d) continue;
        checked.push(id);
        const shown = (v: unknown): number | null => (typeof v === "number" ? v : null);
        const score = shown(computedValue(t.sheet.getCell(r, column(t, "Score"))));
        if (d.score === null) expect(score, `score of ${id}`).toBeNull();
        else expect(score, `score of ${id}`).toBeCloseTo(d.score, 9);
        for (const x of d.respondents ?? []) {
          const v = shown(computedValue(t.sheet.getCell(r, column(t, `Score — ${x.name}`))));
          if (x.score === null) expect(v, `${x.name}'s score of ${id}`).toBeNull();
          else expect(v, `${x.name}'s score of ${id}`).toBeCloseTo(x.score, 9);
        }
        expect(computedValue(t.sheet.getCell(r, column(t, "À discuter"))), `to discuss in ${id}`).toBe(d.toDiscuss);
      }
      expect(checked).toEqual(["D1", "D2", "D3", "D4"]);
    },
    180_000,
  );

  it("fills each respondent's own column and leaves the others' alone", async () => {
    const dir = tempDir();
    const file = await threeRespondents(dir);
    await fillThree(dir, file);
    const wb = await loadXlsx(file);
    expect(gridCell(wb, "fr", "C1", "Cotation — Direction").value).toBe(4);
    expect(gridCell(wb, "fr", "C1", "Commentaire — Direction").value).toBe("Très bien");
    expect(gridCell(wb, "fr", "C1", "Cotation — CA").value).toBe(2);
    expect(gridCell(wb, "fr", "C1", "Commentaire — CA").value).toBe("Le CA hésite");
    expect(gridCell(wb, "fr", "C1", "Cotation — Équipe").value).toBe(1);
    expect(gridCell(wb, "fr", "C2", "Cotation — Équipe").value).toBe("S. O.");
    expect(gridCell(wb, "fr", "C3", "Cotation — Direction").value ?? null).toBeNull();
    // Filling the same answers again changes no cell: the file is left as it was.
    const before = fs.readFileSync(file);
    const again = await run("fill", file, "--answers", path.join(dir, "CA.csv"), "--respondent", "ca");
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain("rien à changer");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("scores the consolidated rating, each respondent's own, and counts the criteria to discuss", async () => {
    const dir = tempDir();
    const file = await threeRespondents(dir);
    await fillThree(dir, file);
    const r = await run("score", file, "--json");
    expect(r.code, r.err).toBe(0);
    const s = parseJson<ScoreOut>(r.out);
    const d1 = s.dimensions.find((d) => d.id === "D1");
    // C1: mean of 4, 2, 1 = 7/3, s = 4/9; C2: levels 2 and 2 (N/A left out) = 2, s = 1/3.
    // D1 = 100 × (1 × 4/9 + 2 × 1/3) / 3 = 1000/27.
    expect(d1?.score).toBeCloseTo(1000 / 27, 9);
    expect(s.respondents).toEqual(["Direction", "CA", "Équipe"]);
    // C1: spread 3 ≥ 2; C2: a level and an N/A.
    expect(d1?.toDiscuss).toBe(2);
    const own = new Map(d1?.respondents?.map((x) => [x.name, x]));
    // Direction: C1 = 4 (s 1), C2 = 2 (s 1/3): 100 × (1 + 2/3) / 3. CA: C1 = 2, C2 = 2: 100 × (1/3 + 2/3) / 3.
    expect(own.get("Direction")?.score).toBeCloseTo(500 / 9, 9);
    expect(own.get("CA")?.score).toBeCloseTo(100 / 3, 9);
    // Équipe: C1 = 1 (s 0) and C2 N/A: only C1 counts.
    expect(own.get("Équipe")).toMatchObject({ score: 0, answered: 1 });
  });

  it("records agreed ratings and their reasons, which the score then uses", async () => {
    const dir = tempDir();
    const file = await threeRespondents(dir);
    await fillThree(dir, file);
    const r = await run("fill", file, "--answers", writeText(dir, "consensus.csv", AGREED), "--agreed");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("1 cotation convenue inscrite");
    const wb = await loadXlsx(file);
    expect(gridCell(wb, "fr", "C1", "Cotation convenue").value).toBe(3);
    expect(gridCell(wb, "fr", "C1", "Motif de la cotation convenue").value).toBe("Consensus du 12 mai");
    expect(gridCell(wb, "fr", "C1", "Cotation — Direction").value).toBe(4);
    const s = parseJson<ScoreOut>((await run("score", file, "--json")).out);
    // C1 agreed 3: s = 2/3; C2 = 1/3: D1 = 100 × (2/3 + 2/3) / 3 = 400/9.
    expect(s.dimensions.find((d) => d.id === "D1")?.score).toBeCloseTo(400 / 9, 9);
  });

  it("adds a respondent who is new, keeping everyone's answers, and says so", async () => {
    const dir = tempDir();
    const file = await threeRespondents(dir);
    await fillThree(dir, file);
    const r = await run("fill", file, "--answers", writeText(dir, "b.csv", "criterion,rating,comment\nC3,3,Vu\n"), "--respondent", "Bénévoles");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Répondant «${NB}Bénévoles${NB}» ajouté`);
    expect(await respondentNames(file)).toEqual(["Direction", "CA", "Équipe", "Bénévoles"]);
    const wb = await loadXlsx(file);
    expect(gridCell(wb, "fr", "C3", "Cotation — Bénévoles").value).toBe(3);
    expect(gridCell(wb, "fr", "C3", "Commentaire — Bénévoles").value).toBe("Vu");
    expect(gridCell(wb, "fr", "C1", "Cotation — Direction").value).toBe(4);
    expect(gridCell(wb, "fr", "C1", "Commentaire — CA").value).toBe("Le CA hésite");
    expect(gridCell(wb, "fr", "C2", "Cotation — Équipe").value).toBe("S. O.");
  });

  it("names the answers of an unnamed grid « Répondant 1 » when a named respondent joins", async () => {
    const dir = tempDir();
    const file = path.join(dir, "seul.xlsx");
    expect((await run("new", writeJson(dir, "demo.json", demoTemplate()), "-o", file)).code).toBe(0);
    expect((await run("fill", file, "--answers", writeText(dir, "a.csv", DIRECTION))).code).toBe(0);
    const r = await run("fill", file, "--answers", writeText(dir, "ca.csv", CA), "--respondent", "CA");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`celles de «${NB}Répondant 1${NB}»`);
    expect(await respondentNames(file)).toEqual(["Répondant 1", "CA"]);
    const wb = await loadXlsx(file);
    expect(gridCell(wb, "fr", "C1", "Cotation — Répondant 1").value).toBe(4);
    expect(gridCell(wb, "fr", "C1", "Commentaire — Répondant 1").value).toBe("Très bien");
    expect(gridCell(wb, "fr", "C1", "Cotation — CA").value).toBe(2);
  });

  it("speaks English in an English workbook: « Respondent 1 », English headers", async () => {
    const dir = tempDir();
    const file = path.join(dir, "one.xlsx");
    expect((await run("new", writeJson(dir, "demo.json", demoTemplate()), "-o", file, "--lang", "en")).code).toBe(0);
    expect((await run("fill", file, "--answers", writeText(dir, "a.csv", DIRECTION))).code).toBe(0);
    const r = await run("fill", file, "--answers", writeText(dir, "b.csv", "criterion,rating,comment\nC1,N/A,\n"), "--respondent", "Board");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("Respondent “Board” added");
    expect(r.out).toContain("those of “Respondent 1”");
    const wb = await loadXlsx(file);
    expect(gridCell(wb, "en", "C1", "Rating — Respondent 1").value).toBe(4);
    expect(gridCell(wb, "en", "C1", "Rating — Board").value).toBe("N/A");
  });

  describe("refusals write nothing", () => {
    it.each([
      ["--respondent with --agreed", ["--respondent", "CA", "--agreed"], "--agreed"],
      ["no respondent named on a grid of several", [], "--respondent"],
      ["a new name Excel would take for a formula", ["--respondent", "+CA2"], "--respondent"],
      ["a criterion the grid lacks, for a new respondent", ["--respondent", "Bénévoles", "--answers-file", "unknown"], "C99"],
    ])("%s", async (_, args, shown) => {
      const dir = tempDir();
      const file = await threeRespondents(dir);
      await fillThree(dir, file);
      const before = fs.readFileSync(file);
      const csv = args.includes("--answers-file") ? writeText(dir, "u.csv", "criterion,rating,comment\nC99,2,\n") : writeText(dir, "x.csv", DIRECTION);
      const r = await run("fill", file, "--answers", csv, ...args.filter((a) => a !== "--answers-file" && a !== "unknown"));
      expect(r.code).toBe(2);
      expect(r.err).toContain(shown);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    });

    it("--agreed on a one-respondent grid", async () => {
      const dir = tempDir();
      const file = path.join(dir, "seul.xlsx");
      expect((await run("new", writeJson(dir, "demo.json", demoTemplate()), "-o", file)).code).toBe(0);
      const before = fs.readFileSync(file);
      const r = await run("fill", file, "--answers", writeText(dir, "c.csv", AGREED), "--agreed");
      expect(r.code).toBe(2);
      expect(r.err).toContain("Cotation convenue");
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    });
  });
});
