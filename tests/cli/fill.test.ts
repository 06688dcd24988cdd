import ExcelJS from "exceljs";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { at, gridCell, loadXlsx, newDemoWorkbook, run, scoreJson, tempDir, writeText, type ScoreDimensionJson, type ScoreJson } from "./cli.helpers.js";

// Written by hand (not produced by Qualigrid's code). Demo template: scale 1–4; see cli.helpers.ts.
// Ratings: level values, French and English labels in any case, N/A tokens in many spellings,
// blanks. Comments: commas, doubled quotes, a newline, and texts that a spreadsheet would take
// for formulas (=, @, +, -).
const ANSWERS_CSV = [
  "criterion,rating,comment",
  'C1,4,"Très bien, vraiment"',
  'C2,partiel,"Le CA a dit ""oui"", puis ""non"""',
  "c3,n.a.,Sans objet ici",
  'C4,MET,"Première ligne',
  'deuxième ligne"',
  "C5, Sans Objet ,",
  "C6,1,-3 points de retard",
  'C7,,"=HYPERLINK(""http://example.com"",""clic"")"',
  "C8,,@SUM(1;2)",
  "C9,,+33 1 23 45 67 89",
  "C10,,",
  "C11,S. O.,",
  "C12,Not Applicable,",
  "C13,nc,",
  "C14,N/A,",
  "C15,non applicable,",
  "C16,NON CONCERNÉ,",
  "",
].join("\n");

/** The comments the CSV above gives, as they must be read back from the grid. */
const EXPECTED_COMMENTS: Record<string, string | null> = {
  C1: "Très bien, vraiment",
  C2: 'Le CA a dit "oui", puis "non"',
  C3: "Sans objet ici",
  C4: "Première ligne\ndeuxième ligne",
  C5: null,
  C6: "-3 points de retard",
  C7: '=HYPERLINK("http://example.com","clic")',
  C8: "@SUM(1;2)",
  C9: "+33 1 23 45 67 89",
  C10: null,
};

/** The ratings the CSV above gives, as the grid of a French workbook must hold them. */
const EXPECTED_RATINGS_FR: Record<string, number | string | null> = {
  C1: 4,
  C2: 2,
  C3: "S. O.",
  C4: 3,
  C5: "S. O.",
  C6: 1,
  C7: null,
  C8: null,
  C9: null,
  C10: null,
  C11: "S. O.",
  C12: "S. O.",
  C13: "S. O.",
  C14: "S. O.",
  C15: "S. O.",
  C16: "S. O.",
};

/**
 * The scores of the answers above, computed by hand from design.md's rules.
 * min = 1, max = 4, so s = (v − 1)/3: C1 (v 4) s = 1; C2 (v 2) s = 1/3; C4 (v 3) s = 2/3; C6 (v 1) s = 0.
 */
const D1 = (100 * (1 * 1 + 2 * (1 / 3) + 1 * (2 / 3))) / (1 + 2 + 1); // C3 is N/A: 58.33
const D2 = (100 * (3 * 0)) / 3; // C5 is N/A, C6 (weight 3) at the bottom level: 0
const OVERALL = (2 * D1 + 1 * D2) / (2 + 1); // D3 (nothing rated) and D4 (all N/A) have no score
const EXPECTED_SCORE = {
  template: { id: "demo-cli", version: "1.2.0" },
  overall: { score: OVERALL, completion: (4 + 8) / 16 }, // 4 rated + 8 N/A of 16
  dimensions: [
    { id: "D1", score: D1, target: 80, gap: 80 - D1, answered: 3, notApplicable: 1, total: 4, completion: 1, evidenceCoverage: 0 },
    { id: "D2", score: D2, target: 70, gap: 70 - D2, answered: 1, notApplicable: 1, total: 2, completion: 1, evidenceCoverage: 0 },
    { id: "D3", score: null, target: 70, gap: null, answered: 0, notApplicable: 0, total: 4, completion: 0, evidenceCoverage: 0 },
    { id: "D4", score: null, target: 70, gap: null, answered: 0, notApplicable: 6, total: 6, completion: 1, evidenceCoverage: null },
  ],
};

type Dim = (typeof EXPECTED_SCORE.dimensions)[number];

/** Compares a `score --json` output with the expected numbers (to 9 decimals). */
function expectScores(json: ScoreJson, expected = EXPECTED_SCORE): void {
  expect(json.template).toEqual(expected.template);
  expect(json.overall.score).toBeCloseTo(expected.overall.score, 9);
  expect(json.overall.completion).toBeCloseTo(expected.overall.completion, 9);
  expect(json.dimensions).toHaveLength(expected.dimensions.length);
  expected.dimensions.forEach((e: Dim, i: number) => {
    const d: ScoreDimensionJson = at(json.dimensions, i);
    for (const key of Object.keys(e) as (keyof Dim)[]) {
      const want = e[key];
      if (typeof want === "number") expect(d[key], `${e.id}.${key}`).toBeCloseTo(want, 9);
      else expect(d[key], `${e.id}.${key}`).toBe(want);
    }
  });
}

describe("qualigrid fill", () => {
  it("fills ratings (values, FR/EN labels, N/A spellings, blanks) and comments; score --json gives the hand-computed numbers", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr");
    const csv = writeText(dir, "answers.csv", ANSWERS_CSV);
    const r = await run("fill", xlsx, "--answers", csv);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain(xlsx);

    const score = await run("score", xlsx, "--json");
    expect(score.code).toBe(0);
    expectScores(scoreJson(score.out));
  });

  it("writes ratings as numbers or the workbook's N/A token, and comments as plain strings, never formulas", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr");
    expect((await run("fill", xlsx, "--answers", writeText(dir, "answers.csv", ANSWERS_CSV))).code).toBe(0);
    const wb = await loadXlsx(xlsx);
    for (const [id, rating] of Object.entries(EXPECTED_RATINGS_FR)) {
      expect(gridCell(wb, "fr", id, "Cotation").value ?? null, `rating of ${id}`).toEqual(rating);
    }
    for (const [id, comment] of Object.entries(EXPECTED_COMMENTS)) {
      const cell = gridCell(wb, "fr", id, "Commentaire");
      if (comment === null) {
        expect(cell.value ?? null, `comment of ${id}`).toBeNull();
        continue;
      }
      expect(typeof cell.value, `comment of ${id} is a string, not ${JSON.stringify(cell.value)}`).toBe("string");
      expect(cell.type, `comment of ${id}`).toBe(ExcelJS.ValueType.String);
      expect(cell.formula, `comment of ${id}`).toBeFalsy();
      expect(cell.value, `comment of ${id}`).toBe(comment);
    }
  });

  it("writes the English N/A token in an English workbook and scores the same numbers", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "en");
    expect((await run("fill", xlsx, "--answers", writeText(dir, "answers.csv", ANSWERS_CSV))).code).toBe(0);
    const wb = await loadXlsx(xlsx);
    expect(gridCell(wb, "en", "C3", "Rating").value).toBe("N/A");
    expect(gridCell(wb, "en", "C2", "Rating").value).toBe(2);
    expect(gridCell(wb, "en", "C7", "Comment").value).toBe('=HYPERLINK("http://example.com","clic")');
    expectScores(scoreJson((await run("score", xlsx, "--json")).out));
  });

  it("reads a ;-separated CSV as French Excel saves it (BOM, CRLF, decimal-free labels)", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr");
    const csv = writeText(
      dir,
      "réponses.csv",
      "\uFEFFcriterion;rating;comment\r\n" +
        "C1;Dépassé;Vu en réunion, le 3 mars\r\n" + // a comma inside an unquoted field is text here
        "C2;2;\r\n" +
        "C3;SO;\r\n" +
        "C4;atteint;\"Deux; points\"\r\n" +
        "C5;sans objet;\r\n" +
        "C6;Not met;\r\n",
    );
    const r = await run("fill", xlsx, "--answers", csv);
    expect(r.code, r.err).toBe(0);
    const wb = await loadXlsx(xlsx);
    expect(gridCell(wb, "fr", "C1", "Commentaire").value).toBe("Vu en réunion, le 3 mars");
    expect(gridCell(wb, "fr", "C4", "Commentaire").value).toBe("Deux; points");
    expect(gridCell(wb, "fr", "C1", "Cotation").value).toBe(4);
    expect(gridCell(wb, "fr", "C6", "Cotation").value).toBe(1);
    // Same ratings as ANSWERS_CSV for D1 and D2, nothing else rated.
    const json = scoreJson((await run("score", xlsx, "--json")).out);
    expect(at(json.dimensions, 0).score).toBeCloseTo(D1, 9);
    expect(at(json.dimensions, 1).score).toBeCloseTo(D2, 9);
    expect(at(json.dimensions, 2).score).toBeNull();
    expect(at(json.dimensions, 3).score).toBeNull();
    expect(json.overall.score).toBeCloseTo(OVERALL, 9);
    expect(json.overall.completion).toBeCloseTo(6 / 16, 9);
  });

  it("accepts a CSV without the comment column and then leaves existing comments alone", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr");
    expect((await run("fill", xlsx, "--answers", writeText(dir, "a.csv", 'criterion,rating,comment\nC1,2,"Gardé"\n'))).code).toBe(0);
    expect((await run("fill", xlsx, "--answers", writeText(dir, "b.csv", "criterion,rating\nC1,3\nC2,Exceeded\n"))).code).toBe(0);
    const wb = await loadXlsx(xlsx);
    expect(gridCell(wb, "fr", "C1", "Cotation").value).toBe(3);
    expect(gridCell(wb, "fr", "C2", "Cotation").value).toBe(4);
    expect(gridCell(wb, "fr", "C1", "Commentaire").value).toBe("Gardé");
  });

  it("clears a rating when the CSV leaves it blank", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr");
    expect((await run("fill", xlsx, "--answers", writeText(dir, "a.csv", "criterion,rating\nC1,2\nC2,3\n"))).code).toBe(0);
    expect((await run("fill", xlsx, "--answers", writeText(dir, "b.csv", "criterion,rating\nC1,\n"))).code).toBe(0);
    const wb = await loadXlsx(xlsx);
    expect(gridCell(wb, "fr", "C1", "Cotation").value ?? null).toBeNull();
    expect(gridCell(wb, "fr", "C2", "Cotation").value).toBe(3);
  });

  it("writes to -o and leaves the source workbook byte-for-byte unchanged", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr");
    const before = fs.readFileSync(xlsx);
    const out = path.join(dir, "rempli.xlsx");
    const r = await run("fill", xlsx, "--answers", writeText(dir, "answers.csv", ANSWERS_CSV), "-o", out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(out);
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
    expectScores(scoreJson((await run("score", out, "--json")).out));
    // The source still scores as an empty grid.
    expect(scoreJson((await run("score", xlsx, "--json")).out).overall.score).toBeNull();
  });

  it("fills a built-in template's workbook: all criteria of one dimension rated, others blank", async () => {
    const dir = tempDir();
    const xlsx = path.join(dir, "spec.xlsx");
    expect((await run("new", "specifique-engagement", "-o", xlsx)).code).toBe(0);
    // CAP has 2 criteria of weight 1 (one per source of influence) on the 1–4 scale « Jamais, Rarement, Souvent, Toujours ».
    const csv = writeText(dir, "answers.csv", "criterion,rating,comment\nCAP-PRO,Toujours,\nCAP-ORG,rarely,\n");
    expect((await run("fill", xlsx, "--answers", csv)).code).toBe(0);
    const json = scoreJson((await run("score", xlsx, "--json")).out);
    const cap = (100 * (1 + 1 / 3)) / 2; // s = 1, 1/3
    const capJson = at(json.dimensions, 0);
    expect(capJson).toMatchObject({ id: "CAP", answered: 2, notApplicable: 0, total: 2, completion: 1, target: 66 });
    expect(capJson.score).toBeCloseTo(cap, 9);
    expect(capJson.gap).toBeCloseTo(66 - cap, 9);
    expect(json.overall.score).toBeCloseTo(cap, 9); // the only scored dimension
    expect(json.overall.completion).toBeCloseTo(2 / 24, 9); // 22 rated criteria and 2 free-text questions
    for (const d of json.dimensions.slice(1)) expect(d.score).toBeNull();
  });
});
