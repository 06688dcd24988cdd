import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoTemplate, newDemoWorkbook, run, tempDir, writeJson, writeText, type RunResult } from "./cli.helpers.js";

/**
 * Runs `fill` with a hand-written answers.csv on a fresh demo workbook and checks the refusal:
 * exit 2, one `error:` message per expected problem, each naming `answers.csv:<line>` and holding
 * its words, and the workbook byte-for-byte unchanged, with no other file left in the folder.
 * The messages are asked in English (`--lang en`); the French wording has its own test below.
 */
async function expectRefused(csvText: string | null, expected: [line: number, words: string][], extraArgs: string[] = []): Promise<RunResult> {
  const dir = tempDir();
  const { xlsx } = await newDemoWorkbook(dir, "fr");
  const before = fs.readFileSync(xlsx);
  const filesBefore = fs.readdirSync(dir).sort();
  const csv = csvText === null ? path.join(dir, "answers.csv") : writeText(dir, "answers.csv", csvText);
  const listing = fs.readdirSync(dir).sort();
  const r = await run("fill", xlsx, "--answers", csv, "--lang", "en", ...extraArgs.map((a) => (a === "$OUT" ? path.join(dir, "out.xlsx") : a)));
  expect(r.code, r.err).toBe(2);
  expect(r.out).toBe("");
  const errors = r.errLines.filter((l) => l.startsWith("error: "));
  for (const [line, words] of expected) {
    expect(
      errors.some((l) => l.includes(`${csv}:${line}:`) && l.toLowerCase().includes(words.toLowerCase())),
      `a message naming answers.csv:${line} with "${words}" in:\n${r.err}`,
    ).toBe(true);
  }
  expect(errors, r.err).toHaveLength(expected.length);
  expect(fs.readFileSync(xlsx).equals(before), "the workbook is unchanged").toBe(true);
  expect(fs.readdirSync(dir).sort(), "no file written").toEqual(csvText === null ? filesBefore : listing);
  return r;
}

describe("qualigrid fill refuses bad answers and writes nothing", () => {
  it("an unknown criterion, naming it and its line", async () => {
    await expectRefused("criterion,rating,comment\nC1,2,\nZZ-99,3,\n", [[3, "ZZ-99"]]);
  });

  it("a rating outside the scale: a number not in 1–4 and a word that is no label", async () => {
    await expectRefused("criterion,rating,comment\nC1,7,\nC2,3,\nC3,peut-être,\nC4,0,\n", [
      [2, '"7"'],
      [4, "peut-être"],
      [5, '"0"'],
    ]);
  });

  it("a criterion given twice, naming the line of its first answer", async () => {
    const r = await expectRefused("criterion,rating,comment\nC1,2,\nC2,3,\nc1,4,\n", [[4, "C1"]]);
    expect(r.err).toMatch(/line 2/);
  });

  it("a line with the wrong number of fields (an unquoted comma in a comment)", async () => {
    await expectRefused("criterion,rating,comment\nC1,2,bien, mais incomplet\nC2,3,ok\n", [[2, "fields"]]);
  });

  it("a line with too few fields", async () => {
    await expectRefused("criterion,rating,comment\nC1,2,ok\nC2\n", [[3, "fields"]]);
  });

  it("an unterminated quote, naming the line where the quote opens", async () => {
    await expectRefused('criterion,rating,comment\nC1,2,"pas fermé\nC2,3,ok\nC3,1,ok\n', [[2, "quote"]]);
  });

  it("an unterminated quote on the last line", async () => {
    await expectRefused('criterion,rating,comment\nC1,2,ok\nC2,3,"pas fermé\n', [[3, "quote"]]);
  });

  it("a bad header (French and English names are both known: « valeur » is neither)", async () => {
    await expectRefused("critere,valeur,commentaire\nC1,2,\n", [[1, "criterion,rating,comment"]]);
  });

  it("a header without its rating column", async () => {
    await expectRefused("critère;commentaire\nC1;ok\n", [[1, "rating"]]);
  });

  it("a header with an unknown extra column", async () => {
    await expectRefused("criterion,rating,comment,evaluator\nC1,2,,\n", [[1, "header"]]);
  });

  it("an empty file", async () => {
    await expectRefused("", [[1, "empty"]]);
  });

  it("a file of blank lines", async () => {
    await expectRefused("\n\n\n", [[1, "empty"]]);
  });

  it("three different problems in one file, listed at once", async () => {
    await expectRefused("criterion,rating,comment\nC1,2,ok\nZZ-99,2,\nC2,9,\nC1,3,\nC5,1,ok\n", [
      [3, "ZZ-99"],
      [4, '"9"'],
      [5, "twice"],
    ]);
  });

  it("three different problems in a ;-separated file, listed at once", async () => {
    await expectRefused("criterion;rating;comment\r\nC1;2;ok\r\nC2;3\r\nC3;Excellent;\r\nC4;1;ok\r\nXX;1;\r\n", [
      [3, "fields"],
      [4, "Excellent"],
      [6, "XX"],
    ]);
  });

  it("words the same problems in French for a French workbook, the scale in French", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr");
    const before = fs.readFileSync(xlsx);
    const csv = writeText(dir, "réponses.csv", "Critère;Cotation;Commentaire\nC1;7;\nC2;peut-être;\nZZ-99;2;\nC1;3;\n");
    const r = await run("fill", xlsx, "--answers", csv);
    expect(r.code).toBe(2);
    const errors = r.errLines;
    expect(errors).toHaveLength(4);
    expect(errors[0]).toContain(`${csv}:2`);
    expect(errors[0]).toContain("« 7 »");
    expect(errors[0]).toContain("1 = Non atteint, 2 = Partiel, 3 = Atteint, 4 = Dépassé");
    expect(errors[1]).toContain("« peut-être »");
    expect(errors[1]).toContain("ni un niveau de l'échelle");
    expect(errors[2]).toContain("« ZZ-99 » inconnu");
    expect(errors[3]).toContain("deux fois");
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
  });

  it("an N/A token when the template does not allow N/A", async () => {
    const dir = tempDir();
    const t = demoTemplate();
    t.scale.notApplicable = false;
    const xlsx = path.join(dir, "grid.xlsx");
    expect((await run("new", writeJson(dir, "t.json", t), "-o", xlsx)).code).toBe(0);
    const before = fs.readFileSync(xlsx);
    const csv = writeText(dir, "answers.csv", "criterion,rating\nC1,2\nC2,S. O.\n");
    const r = await run("fill", xlsx, "--answers", csv, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${csv}:3:`);
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
  });

  it("with -o: a refused fill writes no output file", async () => {
    await expectRefused("criterion,rating,comment\nZZ-99,2,\n", [[2, "ZZ-99"]], ["-o", "$OUT"]);
  });

  it("a missing answers file, naming it (exit 2, workbook unchanged)", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr");
    const before = fs.readFileSync(xlsx);
    const csv = path.join(dir, "absent.csv");
    const r = await run("fill", xlsx, "--answers", csv, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain(csv);
    expect(r.err).toContain("no such file");
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
  });

  it("an -o in a folder that does not exist (exit 2, names it, source unchanged)", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr");
    const before = fs.readFileSync(xlsx);
    const out = path.join(dir, "nowhere", "out.xlsx");
    const r = await run("fill", xlsx, "--answers", writeText(dir, "answers.csv", "criterion,rating\nC1,2\n"), "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(out);
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["answers.csv", "demo.json", "grid.xlsx"]);
  });

  it("a missing --answers option is a usage error (exit 2, workbook unchanged)", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr");
    const before = fs.readFileSync(xlsx);
    expect((await run("fill", xlsx)).code).toBe(2);
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
  });
});
