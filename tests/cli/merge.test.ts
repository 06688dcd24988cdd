// `qualigrid merge`: copies filled apart and merged back (contract §6). The copies are made by
// `qualigrid copies`, one is of an older version of the template, one lacks criteria; merged in any
// order they give the same workbook; merged twice, nothing changes; refused copies write nothing.
import ExcelJS from "exceljs";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { saveWorkbook } from "../../addin/xlsx/xlsx.io.js";
import { loadQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { recordRespondent } from "../../addin/xlsx/xlsx.respondents.js";
import { findQualigridTables } from "../../addin/xlsx/xlsx.tables.js";
import { demoTemplate, run, tempDir, writeJson, writeText, type TemplateJson } from "./cli.helpers.js";

const NAMES = ["Direction", "CA", "Équipe"] as const;

/** The demo template at `version`, without the criteria `drop`. */
function demoWithout(version: string, drop: readonly string[]): TemplateJson {
  const t = demoTemplate();
  return { ...t, version, dimensions: t.dimensions.map((d) => ({ ...d, criteria: d.criteria.filter((c) => !drop.includes(c.id)) })) };
}

/** Sets the stamp of a one-respondent workbook's `QG_Respondents` row, as `copies` does. */
async function stamp(file: string, name: string, copyId: string): Promise<void> {
  const opened = await loadQualigridWorkbook(fs.readFileSync(file), file);
  if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
  recordRespondent(opened.value.workbook, opened.value.assessment, name, { copyId });
  fs.writeFileSync(file, await saveWorkbook(opened.value.workbook));
}

/** Runs a command that must succeed. */
async function ok(...argv: string[]): Promise<string> {
  const r = await run(...argv);
  if (r.code !== 0) throw new Error(`qualigrid ${argv.join(" ")} failed (${r.code}): ${r.err}`);
  return r.out;
}

/** The grid's cells, row by row (header included): values, and formulas as their text. */
async function gridValues(file: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const t = findQualigridTables(wb).get("qg_grid");
  if (!t) throw new Error(`no QG_Grid in ${file}`);
  const rows: unknown[][] = [];
  for (let r = t.top; r <= t.bottom; r++) {
    const row: unknown[] = [];
    for (let c = t.left; c <= t.right; c++) {
      const v = t.sheet.getCell(r, c).value;
      row.push(v && typeof v === "object" && "formula" in v ? (v as { formula: string }).formula : v);
    }
    rows.push(row);
  }
  return rows;
}

/**
 * A master with three respondents, its copies made by `copies` and filled apart: Direction's as made,
 * CA's replaced by a grid of an older version lacking C16 (stamped with CA's copy id), Équipe's a grid
 * of the same version lacking C4 and C5 (stamped too).
 */
async function scenario(): Promise<{ dir: string; master: string; copies: string[] }> {
  const dir = tempDir();
  const json = writeJson(dir, "demo.json", demoTemplate());
  const master = path.join(dir, "grille.xlsx");
  await ok("new", json, "-o", master, "--respondents", NAMES.join(","));
  const made = JSON.parse(await ok("copies", master, "-o", path.join(dir, "copies"), "--json")) as { copies: { respondent: string; copyId: string; file: string }[] };
  expect(made.copies.map((c) => c.respondent)).toEqual([...NAMES]);
  const [dirCopy, caCopy, eqCopy] = made.copies.map((c) => c.file) as [string, string, string];
  const idOf = (name: string): string => made.copies.find((c) => c.respondent === name)?.copyId ?? "";

  await ok("fill", dirCopy, "--answers", writeText(dir, "dir.csv", "criterion,rating,comment\nC1,4,bien\nC2,2,\nC3,SO,\nC6,3,\nC16,1,à revoir\n"));

  const older = writeJson(dir, "older.json", demoWithout("1.1.0", ["C16"]));
  fs.rmSync(caCopy);
  await ok("new", older, "-o", caCopy, "--respondents", "CA");
  await stamp(caCopy, "CA", idOf("CA"));
  await ok("fill", caCopy, "--answers", writeText(dir, "ca.csv", "criterion,rating,comment\nC1,1,\nC2,4,fort\nC6,3,\nC7,2,\n"));

  const lacking = writeJson(dir, "lacking.json", demoWithout("1.2.0", ["C4", "C5"]));
  fs.rmSync(eqCopy);
  await ok("new", lacking, "-o", eqCopy, "--respondents", "Équipe");
  await stamp(eqCopy, "Équipe", idOf("Équipe"));
  await ok("fill", eqCopy, "--answers", writeText(dir, "eq.csv", "criterion,rating,comment\nC1,2,\nC2,3,\nC3,3,\nC8,NA,\n"));
  return { dir, master, copies: [dirCopy, caCopy, eqCopy] };
}

const ORDERS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];

describe("qualigrid merge", () => {
  it("merges three copies edited apart to the same figures and grid in every order, and reports each", async () => {
    const { dir, master, copies } = await scenario();
    const results: { score: unknown; grid: unknown[][] }[] = [];
    for (const [i, order] of ORDERS.entries()) {
      const out = path.join(dir, `merged-${i}.xlsx`);
      const r = await run("merge", master, ...order.map((k) => copies[k] ?? ""), "-o", out, "--json");
      expect(r.code, r.err).toBe(0);
      const summary = JSON.parse(r.out) as { copies: { respondent: string; added: boolean; filled: number; missing: string[]; unknown: string[]; otherVersion: unknown }[] };
      const byName = Object.fromEntries(summary.copies.map((c) => [c.respondent, c]));
      expect(byName.Direction).toMatchObject({ added: false, filled: 5, missing: [], unknown: [], otherVersion: null });
      expect(byName.CA).toMatchObject({ added: false, filled: 4, missing: ["C16"], otherVersion: { copy: "1.1.0", master: "1.2.0" } });
      expect(byName["Équipe"]).toMatchObject({ added: false, filled: 4, missing: ["C4", "C5"], otherVersion: null });
      results.push({ score: JSON.parse(await ok("score", out, "--json")), grid: await gridValues(out) });
    }
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
    const grid = results[0]?.grid ?? [];
    const header = (grid[0] ?? []).map(String);
    const c1 = grid.find((row) => row.includes("C1")) ?? [];
    expect(NAMES.map((n) => c1[header.findIndex((h) => h === `Cotation — ${n}`)])).toEqual([4, 1, 2]);
    expect(c1[header.indexOf("Commentaire — Direction")]).toBe("bien");
  });

  it("prints a summary per copy in the workbook's language, with the other version and the criteria left blank", async () => {
    const { master, copies } = await scenario();
    const r = await run("merge", master, ...copies);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("→ «\u00a0CA\u00a0»\u00a0: 4 critères répondus");
    expect(r.out).toContain("version du modèle de la copie\u00a0: 1.1.0");
    expect(r.out).toContain("absents de la copie, laissés vides\u00a0: 2 (C4, C5)");
    expect(r.out).toContain("3 copies importées dans");
    expect(r.err).toContain("copie faite avec la version 1.1.0 du modèle");
    const en = await run("merge", master, ...copies, "--lang", "en");
    expect(en.code, en.err).toBe(0);
    expect(en.out).toContain('→ "CA": 4 criteria answered');
    expect(en.out).toContain("not in the copy, left blank: 2 (C4, C5)");
    expect(en.err).toContain("copy made with version 1.1.0 of the template");
  });

  it("merging the same copies again changes nothing: the file is left byte for byte", async () => {
    const { master, copies } = await scenario();
    await ok("merge", master, ...copies);
    const before = fs.readFileSync(master);
    const r = await run("merge", master, ...copies);
    expect(r.code, r.err).toBe(0);
    expect(fs.readFileSync(master).equals(before)).toBe(true);
    expect(r.out).toMatch(/rien à changer/);
  });

  it("an unstamped copy needs --as; with it, a new respondent is added and their answers carried", async () => {
    const { dir, master } = await scenario();
    const plain = path.join(dir, "plain.xlsx");
    await ok("new", writeJson(dir, "same.json", demoTemplate()), "-o", plain);
    await ok("fill", plain, "--answers", writeText(dir, "plain.csv", "criterion,rating,comment\nC1,3,invité\n"));
    const before = fs.readFileSync(master);
    const refused = await run("merge", master, plain);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--as");
    expect(fs.readFileSync(master).equals(before)).toBe(true);
    const r = await run("merge", master, plain, "--as", "Bénévoles");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("répondant ajouté");
    const score = JSON.parse(await ok("score", master, "--json")) as { respondents?: string[] };
    expect(score.respondents).toEqual([...NAMES, "Bénévoles"]);
    const grid = await gridValues(master);
    const header = (grid[0] ?? []).map(String);
    const c1 = grid.find((row) => row.includes("C1")) ?? [];
    expect(c1[header.indexOf("Cotation — Bénévoles")]).toBe(3);
  });

  it("refuses a copy of another template, and writes nothing", async () => {
    const { dir, master, copies } = await scenario();
    const other = path.join(dir, "other.xlsx");
    await ok("new", writeJson(dir, "other.json", { ...demoTemplate(), id: "autre-grille" }), "-o", other, "--respondents", "CA");
    await stamp(other, "CA", "x");
    const before = fs.readFileSync(master);
    const r = await run("merge", master, copies[0] ?? "", other);
    expect(r.code).toBe(2);
    expect(r.err).toContain("autre-grille");
    expect(fs.readFileSync(master).equals(before)).toBe(true);
  });

  it("refuses a copy stamped for a respondent who was sent another copy, unless --as names someone else", async () => {
    const { master, copies } = await scenario();
    const forged = copies[0] ?? "";
    await stamp(forged, "Direction", "another-id");
    const before = fs.readFileSync(master);
    const r = await run("merge", master, forged);
    expect(r.code).toBe(2);
    expect(r.err).toContain("another-id");
    expect(fs.readFileSync(master).equals(before)).toBe(true);
    const elsewhere = await run("merge", master, forged, "--as", "Invités");
    expect(elsewhere.code, elsewhere.err).toBe(0);
  });

  it("refuses two copies for one respondent, naming both", async () => {
    const { master, copies } = await scenario();
    const r = await run("merge", master, copies[0] ?? "", copies[0] ?? "");
    expect(r.code).toBe(2);
    expect(r.err).toContain("deux copies");
  });
});
