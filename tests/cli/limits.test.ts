import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoTemplate, newDemoWorkbook, run, tempDir, writeJson, writeText } from "./cli.helpers.js";

/**
 * What a spreadsheet cannot hold is refused before anything is written (issue 14): numbers that are
 * not finite or absurd, texts over 32,767 characters, a template file over 5 MB, an organization
 * name over a cell. Each refusal exits 2 naming the file and the JSON path (or line), and leaves the
 * folder as it was.
 */
async function expectNewRefused(dir: string, templateFile: string, words: RegExp, extra: string[] = []): Promise<string> {
  const out = path.join(dir, "out.xlsx");
  const before = fs.readdirSync(dir).sort();
  const r = await run("new", templateFile, "-o", out, ...extra);
  expect(r.code, r.err).toBe(2);
  expect(r.err).toMatch(words);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(fs.readdirSync(dir).sort(), "nothing written").toEqual(before);
  return r.err;
}

describe("qualigrid refuses what a spreadsheet cannot hold", () => {
  it("a weight of 1e309 (Infinity once parsed), naming the file and the JSON path, in French and English", async () => {
    const dir = tempDir();
    const text = JSON.stringify(demoTemplate()).replace(/"weight":\s*2\b/, '"weight":1e309');
    expect(text).toContain("1e309");
    const file = writeText(dir, "t.json", text);
    const fr = await expectNewRefused(dir, file, /nombre fini/);
    expect(fr).toMatch(/t\.json: dimensions\[\d+\](\.criteria\[\d+\])?\.weight: /);
    await expectNewRefused(dir, file, /not a finite number/, ["--lang", "en"]);
  });

  it("a dimension weight of 1e308 and level values of ±1e308", async () => {
    const dir = tempDir();
    const t = demoTemplate() as unknown as { dimensions: { weight?: number }[]; scale: { levels: { value: number }[] } };
    t.dimensions[0]!.weight = 1e308;
    t.scale.levels[0]!.value = -1e308;
    t.scale.levels[t.scale.levels.length - 1]!.value = 1e308;
    const err = await expectNewRefused(dir, writeJson(dir, "t.json", t), /dimensions\[0\]\.weight/);
    expect(err).toMatch(/scale\.levels\[0\]\.value/);
    expect(err).toMatch(/≤ 1000000/);
  });

  it("a criterion text of 32,768 characters, with its path and length; 32,767 is written", async () => {
    const dir = tempDir();
    const t = demoTemplate() as unknown as { dimensions: { criteria: { text: unknown }[] }[] };
    t.dimensions[0]!.criteria[0]!.text = "x".repeat(32_768);
    const err = await expectNewRefused(dir, writeJson(dir, "t.json", t), /dimensions\[0\]\.criteria\[0\]\.text/);
    expect(err).toMatch(/32\s768 caractères/);
    t.dimensions[0]!.criteria[0]!.text = "x".repeat(32_767);
    const r = await run("new", writeJson(dir, "ok.json", t), "-o", path.join(dir, "ok.xlsx"));
    expect(r.code, r.err).toBe(0);
  });

  it("a template JSON file over 5 MB, from its size, before reading it", async () => {
    const dir = tempDir();
    const file = path.join(dir, "huge.json");
    fs.writeFileSync(file, "{");
    fs.truncateSync(file, 6 * 1024 * 1024); // sparse: no 6 MB written
    const err = await expectNewRefused(dir, file, /huge\.json/);
    expect(err).toMatch(/trop gros/);
    const show = await run("show", file, "--lang", "en");
    expect(show.code).toBe(2);
    expect(show.err).toMatch(/template file too large/);
  });

  it("an organization name over 32,767 characters given to new --org or set", async () => {
    const dir = tempDir();
    const json = writeJson(dir, "demo.json", demoTemplate());
    const err = await expectNewRefused(dir, json, /--org/, ["--org", "o".repeat(32_768)]);
    expect(err).toMatch(/organisation/);
    const { xlsx } = await newDemoWorkbook(dir, "fr", "grid.xlsx");
    const before = fs.readFileSync(xlsx);
    const r = await run("set", xlsx, "organisation", "o".repeat(32_768));
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/32\s768/);
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
  });

  it("a CSV comment over 32,767 characters, naming its line; the workbook is left as it was", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr");
    const before = fs.readFileSync(xlsx);
    const csv = writeText(dir, "answers.csv", `criterion,rating,comment\nC1,2,ok\nC2,3,"${"c".repeat(40_000)}"\n`);
    const r = await run("fill", xlsx, "--answers", csv, "--lang", "en");
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(`${csv}:3`);
    expect(r.err).toMatch(/40,000 characters/);
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
  });
});
