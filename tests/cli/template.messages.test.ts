// What the command line says of a template it cannot read, in the language it speaks: `--lang`,
// else the system locale (French for these tests). The texts come from the catalogue's template.*
// section; paths (file, JSON path, sheet!cell) are the same in both languages.
import ExcelJS from "exceljs";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { crit, demoTemplate, dim, run, runIn, tempDir, writeJson, writeText } from "./cli.helpers.js";

/** A template file with a negative weight, a missing title and an unknown key. */
function writeBadTemplate(dir: string): string {
  const t = demoTemplate();
  crit(t, 0, 1).weight = -1;
  delete dim(t, 2).title;
  t.colour = "bleu";
  return writeJson(dir, "bad.json", t);
}

async function writeSheet(file: string, name: string, rows: unknown[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
  await wb.xlsx.writeFile(file);
}

describe("qualigrid show: a bad template's messages", () => {
  it("are French with --lang fr, every error and warning with its file and JSON path", async () => {
    const file = writeBadTemplate(tempDir());
    const r = await run("show", file, "--lang", "fr");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.errLines).toEqual([
      `erreur : ${file}: dimensions[0].criteria[1].weight: doit être ≥ 0`,
      `erreur : ${file}: dimensions[2].title: est obligatoire`,
      `avertissement : ${file}: colour: clé inconnue (ignorée)`,
    ]);
  });

  it("are English with --lang en, as they were before the catalogue", async () => {
    const file = writeBadTemplate(tempDir());
    const r = await run("show", file, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual([
      `error: ${file}: dimensions[0].criteria[1].weight: must be ≥ 0`,
      `error: ${file}: dimensions[2].title: is required`,
      `warning: ${file}: colour: unknown key (ignored)`,
    ]);
  });

  it("follow the system locale without --lang", async () => {
    const file = writeBadTemplate(tempDir());
    expect((await runIn({ LANG: "fr_CA.UTF-8" }, "show", file)).err).toContain("doit être ≥ 0");
    expect((await runIn({ LANG: "en_US.UTF-8" }, "show", file)).err).toContain("must be ≥ 0");
  });

  it("word a JSON syntax error in French, at file:line:column", async () => {
    const file = writeText(tempDir(), "broken.json", '{\n  "id": "broken",\n  "version": "1.0.0"\n  "title": "x"\n}\n');
    const fr = await run("show", file, "--lang", "fr");
    expect(fr.code).toBe(2);
    expect(fr.errLines).toEqual([`erreur : ${file}:4:3: ce n'est pas du JSON valide (virgule attendue)`]);
    expect((await run("show", file, "--lang", "en")).errLines).toEqual([`error: ${file}:4:3: not valid JSON (comma expected)`]);
  });

  it("stop `new` in French too, and nothing is written", async () => {
    const dir = tempDir();
    const json = writeBadTemplate(dir);
    const out = path.join(dir, "grille.xlsx");
    const r = await run("new", json, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`erreur : ${json}: dimensions[0].criteria[1].weight: doit être ≥ 0`);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("qualigrid show: a workbook's template messages", () => {
  it("word a hand-made grid's problems in English with --lang en, each at its cell", async () => {
    const dir = tempDir();
    const file = path.join(dir, "bad.xlsx");
    await writeSheet(file, "Grille", [
      ["Domaine", "Numéro", "Exigence", "Pondération"],
      ["Gouvernance", "G1", "Premier", 1],
      ["Gouvernance", "G2", null, 1],
      ["Gouvernance", "G1", "Troisième", 0.5],
      ["Gouvernance", "G4", "Quatrième", -1.5],
    ]);
    const en = await run("show", file, "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.errLines).toEqual([
      `error: ${file}: Grille!C3: criterion text is empty`,
      `error: ${file}: Grille!B4: duplicate code « G1 » (already used at Grille!B2)`,
      `error: ${file}: Grille!D5: weight « -1.5 » is not a number ≥ 0`,
    ]);
    const fr = await run("show", file, "--lang", "fr");
    expect(fr.errLines[2]).toBe(`erreur : ${file}: Grille!D5: le poids « -1,5 » n'est pas un nombre ≥ 0`);
  });

  it("keep the JSON path after the cell of a blank authoring workbook, in both languages", async () => {
    const dir = tempDir();
    const file = path.join(dir, "vierge.xlsx");
    expect((await run("template-sheet", "--blank", "-o", file)).code).toBe(0);
    const fr = await run("show", file, "--lang", "fr");
    expect(fr.code).toBe(2);
    expect(fr.err).toMatch(/^erreur : .*: Modèle!B\d+: id: est obligatoire$/m);
    expect(fr.err).toMatch(/: Modèle!D\d+: dimensions: doit contenir au moins 1 élément$/m);
    const en = await run("show", file, "--lang", "en");
    expect(en.err).toMatch(/^error: .*: Modèle!B\d+: id: is required$/m);
    expect(en.err).toMatch(/: Modèle!D\d+: dimensions: must have at least 1 item$/m);
  });
});
