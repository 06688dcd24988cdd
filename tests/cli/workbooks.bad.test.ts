import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run, tempDir, writeText } from "./cli.helpers.js";

/** Files that are not usable Qualigrid workbooks, made fresh in a temp folder. */
const cases: Record<string, (dir: string) => Promise<string>> = {
  "a missing file": async (dir) => path.join(dir, "absent.xlsx"),
  "a text file renamed .xlsx": async (dir) => writeText(dir, "notes.xlsx", "criterion,rating\nC1,2\n"),
  "an empty file named .xlsx": async (dir) => writeText(dir, "vide.xlsx", ""),
  "a truncated .xlsx (the first half of a real one)": async (dir) => {
    const whole = path.join(dir, "whole.xlsx");
    const r = await run("new", "donner-le-cap", "-o", whole);
    if (r.code !== 0) throw new Error(r.err);
    const bytes = fs.readFileSync(whole);
    const half = path.join(dir, "half.xlsx");
    fs.writeFileSync(half, bytes.subarray(0, Math.floor(bytes.length / 2)));
    fs.rmSync(whole);
    return half;
  },
  "an .xlsx that is not a Qualigrid workbook": async (dir) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget");
    ws.addRow(["Poste", "Montant"]);
    ws.addRow(["Loyer", 1200]);
    ws.addTable({ name: "Budget", ref: "D1", columns: [{ name: "Poste" }, { name: "Montant" }], rows: [["Loyer", 1200]] });
    const file = path.join(dir, "budget.xlsx");
    await wb.xlsx.writeFile(file);
    return file;
  },
  "a workbook whose table range is garbage (ZZZ:1)": async (dir) => {
    const parts = await generatedParts(dir);
    const table = Object.keys(parts).find((n) => n.startsWith("xl/tables/") && strFromU8(parts[n] as Uint8Array).includes('name="QG_Grid"')) ?? "";
    parts[table] = strToU8(strFromU8(parts[table] as Uint8Array).replace(/ ref="[^"]*"/g, ' ref="ZZZ:1"'));
    const file = path.join(dir, "plage.xlsx");
    fs.writeFileSync(file, zipSync(parts));
    return file;
  },
  "a workbook with a part that inflates far beyond the size it declares": async (dir) => {
    const parts = await generatedParts(dir);
    const sheet = "xl/worksheets/sheet2.xml";
    const zip = zipSync({ ...parts, [sheet]: new Uint8Array(64 * 1024 * 1024).fill(32) });
    const view = new DataView(zip.buffer);
    // The sheet's local header and directory entry declare as many bytes unpacked as packed.
    for (let i = 0; i + 46 < zip.length; i++) {
      const sig = view.getUint32(i, true);
      const at = sig === 0x04034b50 ? { name: 30, len: 26, packed: 18, unpacked: 22 } : sig === 0x02014b50 ? { name: 46, len: 28, packed: 20, unpacked: 24 } : null;
      if (at && strFromU8(zip.subarray(i + at.name, i + at.name + view.getUint16(i + at.len, true))) === sheet) {
        view.setUint32(i + at.unpacked, view.getUint32(i + at.packed, true), true);
      }
    }
    const file = path.join(dir, "menteur.xlsx");
    fs.writeFileSync(file, zip);
    return file;
  },
  "a workbook with a merge over the whole grid (17 billion cells for exceljs)": async (dir) => {
    const parts = await generatedParts(dir);
    const sheet = "xl/worksheets/sheet1.xml";
    parts[sheet] = strToU8(strFromU8(parts[sheet] as Uint8Array).replace("<conditionalFormatting", '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells><conditionalFormatting'));
    const file = path.join(dir, "fusion.xlsx");
    fs.writeFileSync(file, zipSync(parts));
    return file;
  },
  "a workbook whose workbook.xml nests 100,000 elements": async (dir) => {
    const parts = await generatedParts(dir);
    const xml = strFromU8(parts["xl/workbook.xml"] as Uint8Array);
    const close = xml.lastIndexOf("</");
    parts["xl/workbook.xml"] = strToU8(`${xml.slice(0, close)}<extLst><ext uri="{0}">${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}</ext></extLst>${xml.slice(close)}`);
    const file = path.join(dir, "profond.xlsx");
    fs.writeFileSync(file, zipSync(parts));
    return file;
  },
  "a folder named .xlsx": async (dir) => {
    const folder = path.join(dir, "dossier.xlsx");
    fs.mkdirSync(folder);
    return folder;
  },
};

/** The parts of a workbook made by `new`, to alter. */
async function generatedParts(dir: string): Promise<Record<string, Uint8Array>> {
  const whole = path.join(dir, "source.xlsx");
  const r = await run("new", "donner-le-cap", "-o", whole);
  if (r.code !== 0) throw new Error(r.err);
  const parts = unzipSync(fs.readFileSync(whole));
  fs.rmSync(whole);
  return parts;
}

describe.each(Object.keys(cases))("an unusable workbook: %s", (name) => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = tempDir();
    file = await (cases[name] as (dir: string) => Promise<string>)(dir);
  });

  it.each(["score", "score --json", "check", "check --json", "show", "show --json"])("`%s` exits 2 with a message naming the file", async (command) => {
    const [verb, ...flags] = command.split(" ");
    const r = await run(verb as string, file, ...flags);
    expect(r.code, r.err).toBe(2);
    expect(r.out).toBe("");
    expect(r.errLines.length).toBeGreaterThan(0);
    // No workbook could be opened: the command line speaks the system locale's language (French here).
    expect(r.errLines.every((l) => l.startsWith("erreur : "))).toBe(true);
    expect(r.err).toContain(file);
    expect(r.err).not.toContain("unexpected error");
  });

  it("`fill` exits 2 naming the file and leaves it as it was", async () => {
    const exists = fs.existsSync(file) && fs.statSync(file).isFile();
    const before = exists ? fs.readFileSync(file) : null;
    const csv = writeText(dir, "answers.csv", "criterion,rating,comment\nQ-01,2,\n");
    const r = await run("fill", file, "--answers", csv);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(file);
    expect(r.err).not.toContain("unexpected error");
    if (before) expect(fs.readFileSync(file).equals(before)).toBe(true);
    else expect(fs.existsSync(file) && fs.statSync(file).isFile()).toBe(false);
  });

  it("`new` from it as a template exits 2 naming it, and writes nothing", async () => {
    const out = path.join(dir, "new.xlsx");
    const r = await run("new", file, "-o", out);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(file);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("messages that say what is wrong with the file", () => {
  it("says a renamed text file is not an .xlsx workbook", async () => {
    const dir = tempDir();
    const file = writeText(dir, "notes.xlsx", "bonjour\n");
    const r = await run("score", file, "--lang", "en");
    expect(r.err).toMatch(/not an \.xlsx/);
    // In French under the French locale.
    expect((await run("score", file)).err).toContain(`${file}: n'est pas un classeur .xlsx (ce n'est pas une archive zip)`);
  });

  it("says which part holds a garbage table range, without a stack trace", async () => {
    const dir = tempDir();
    const file = await (cases["a workbook whose table range is garbage (ZZZ:1)"] as (dir: string) => Promise<string>)(dir);
    const r = await run("score", file, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/part xl\/tables\/table\d+\.xml gives its table the range "ZZZ:1", which is not a range of cells/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("says a part unpacks beyond the size it declares", async () => {
    const dir = tempDir();
    const file = await (cases["a workbook with a part that inflates far beyond the size it declares"] as (dir: string) => Promise<string>)(dir);
    const r = await run("score", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}: la partie xl/worksheets/sheet2.xml se décompresse au-delà des`);
  });

  it("says a missing file does not exist", async () => {
    const dir = tempDir();
    const r = await run("check", path.join(dir, "absent.xlsx"));
    expect(r.err).toContain("fichier introuvable");
  });

  it("says an .xlsx without the Qualigrid tables is not a Qualigrid workbook and names the missing tables", async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Feuil1").addRow(["rien"]);
    const file = path.join(dir, "autre.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await run("score", file, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a Qualigrid workbook/);
    expect(r.err).toContain("QG_Grid");
    const fr = await run("score", file);
    expect(fr.code).toBe(2);
    expect(fr.err).toContain(`${file}: n'est pas un classeur Qualigrid : les tableaux QG_TemplateInfo, QG_TemplateItems, QG_Grid manquent`);
  });

  it("says a legacy .xls (OLE2 signature) must be saved as .xlsx", async () => {
    const dir = tempDir();
    const file = path.join(dir, "ancien.xlsx");
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const r = await run("check", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(file);
    expect(r.err).toMatch(/\.xls/);
  });
});
