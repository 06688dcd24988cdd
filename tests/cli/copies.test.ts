// `qualigrid copies`: one copy per respondent, each a one-respondent workbook holding only that
// respondent's answers, stamped with their name and a copy id the master records (contract §6).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { demoTemplate, run, tempDir, writeJson, writeText } from "./cli.helpers.js";

/** What the project's reader reads of a workbook file. */
async function read(file: string) {
  const opened = await loadQualigridWorkbook(fs.readFileSync(file), file);
  if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
  return opened.value.assessment;
}

/** A master with three respondents, Direction's and Équipe's columns partly filled. */
async function master(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = path.join(dir, "grille.xlsx");
  const made = await run("new", writeJson(dir, "demo.json", demoTemplate()), "-o", file, "--respondents", "Direction,CA,Équipe");
  expect(made.code, made.err).toBe(0);
  const a = await run("fill", file, "--answers", writeText(dir, "d.csv", "criterion,rating,comment\nC1,4,bien\nC2,SO,\n"), "--respondent", "Direction");
  expect(a.code, a.err).toBe(0);
  const b = await run("fill", file, "--answers", writeText(dir, "e.csv", "criterion,rating,comment\nC1,1,\n"), "--respondent", "Équipe");
  expect(b.code, b.err).toBe(0);
  return { dir, file };
}

describe("qualigrid copies", () => {
  it("makes one stamped one-respondent copy per respondent, with their answers only, and records the ids", async () => {
    const { dir, file } = await master();
    const out = path.join(dir, "envois");
    const r = await run("copies", file, "-o", out);
    expect(r.code, r.err).toBe(0);
    const names = ["Direction", "CA", "Équipe"];
    const files = names.map((n) => path.join(out, `grille - ${n}.xlsx`));
    for (const f of files) expect(r.out).toContain(f);
    const m = await read(file);
    const ids = m.respondents.map((x) => x.copyId);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    for (const [k, f] of files.entries()) {
      const c = await read(f);
      expect(c.respondents).toEqual([{ name: names[k], copyId: ids[k], mergedOn: null, mergedFrom: "" }]);
      expect(c.template.version).toBe("1.2.0");
      expect(c.grid.every((row) => row.respondents.length === 1 && row.agreedCell === null)).toBe(true);
    }
    const c1 = (f: string) => read(f).then((c) => c.grid.find((row) => row.criterion === "C1"));
    expect(await c1(files[0] ?? "")).toMatchObject({ rating: 4, comment: "bien" });
    expect(await c1(files[1] ?? "")).toMatchObject({ rating: null, comment: "" });
    expect(await c1(files[2] ?? "")).toMatchObject({ rating: 1 });
  });

  it("a copy merged back unchanged leaves the figures as they were", async () => {
    const { dir, file } = await master();
    const before = (await run("score", file, "--json")).out;
    expect((await run("copies", file, "-o", dir)).code).toBe(0);
    const r = await run("merge", file, path.join(dir, "grille - Direction.xlsx"), path.join(dir, "grille - Équipe.xlsx"));
    expect(r.code, r.err).toBe(0);
    expect((await run("score", file, "--json")).out).toBe(before);
  });

  it("refuses copies that exist unless --overwrite; made again, each respondent keeps their copy id", async () => {
    const { dir, file } = await master();
    expect((await run("copies", file, "-o", dir)).code).toBe(0);
    const ids = (await read(file)).respondents.map((x) => x.copyId);
    const masterBytes = fs.readFileSync(file);
    const again = await run("copies", file, "-o", dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain("grille - CA.xlsx");
    expect(fs.readFileSync(file).equals(masterBytes)).toBe(true);
    const forced = await run("copies", file, "-o", dir, "--overwrite");
    expect(forced.code, forced.err).toBe(0);
    expect((await read(file)).respondents.map((x) => x.copyId)).toEqual(ids);
    expect((await read(path.join(dir, "grille - CA.xlsx"))).respondents[0]?.copyId).toBe(ids[1]);
  });

  it("refuses a workbook whose respondents are not named, writing nothing", async () => {
    const dir = tempDir();
    const file = path.join(dir, "seul.xlsx");
    expect((await run("new", writeJson(dir, "demo.json", demoTemplate()), "-o", file)).code).toBe(0);
    const bytes = fs.readFileSync(file);
    const r = await run("copies", file, "-o", path.join(dir, "out"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("--respondents");
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("writes a respondent's name as a file name the file systems accept", async () => {
    const { fileSafeName } = await import("../../addin/xlsx/xlsx.copies.js");
    expect(fileSafeName("Équipe A/B: soir?")).toBe("Équipe A_B_ soir_");
    expect(fileSafeName("C.A. ")).toBe("C.A");
  });
});
