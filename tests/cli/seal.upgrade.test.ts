/**
 * A sealed workbook re-rendered (`upgrade`, `fill --respondent NEW`, `merge`) keeps its seal as the
 * reviewer recorded it: `check` still compares against it, says « intact » when the organization's
 * entries are the same and names each one the operation changed. A respondent's copy is not the
 * sealed workbook: it carries no `QG_Seal`.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { column, editWorkbook, gridRowOf, loadXlsx, parseJson, run, table, tempDir, writeJson, writeText, demoTemplate } from "./cli.helpers.js";

const NAMES = ["Direction", "CA"];

/** A French demo workbook with two respondents' answers and an evidence row, sealed; its file, template and fingerprint. */
async function sealed(dir: string): Promise<{ file: string; json: string; fingerprint: string }> {
  const json = writeJson(dir, "demo.json", demoTemplate());
  const file = path.join(dir, "revue.xlsx");
  const made = await run("new", json, "-o", file, "--respondents", NAMES.join(","));
  expect(made.code, made.err).toBe(0);
  for (const [name, csv] of [["Direction", "criterion,rating,comment\nC1,4,bien\nC2,2,\n"], ["CA", "criterion,rating,comment\nC1,3,\nC2,SO,\n"]] as const) {
    const f = await run("fill", file, "--answers", writeText(dir, `${name}.csv`, csv), "--respondent", name);
    expect(f.code, f.err).toBe(0);
  }
  await editWorkbook(file, (wb) => {
    const t = table(wb, "QG_Evidence");
    t.sheet.getCell(t.top + 1, column(t, "Critères")).value = "C1";
    t.sheet.getCell(t.top + 1, column(t, "Titre du document")).value = "Politique qualité";
  });
  const s = await run("seal", file, "--by", "Marie Tremblay", "--date", "2026-11-30");
  expect(s.code, s.err).toBe(0);
  const receipt = parseJson<{ fingerprint: string }>(fs.readFileSync(path.join(dir, "revue.sceau.json"), "utf8"));
  return { file, json, fingerprint: receipt.fingerprint };
}

/** `check --json`'s seal: null when the workbook is not sealed. */
async function sealOf(file: string): Promise<SealJson | null> {
  const j = await run("check", file, "--json");
  return parseJson<{ seal?: SealJson }>(j.out).seal ?? null;
}

interface SealJson {
  sealed: boolean;
  intact: boolean;
  fingerprint: string;
  reviewer: string;
  date: string;
  changes: { kind: string; key: string; change: string }[];
}

describe("a sealed workbook re-rendered keeps its seal", () => {
  it("upgraded to the same template (--force): the seal is there and reads « intact »", async () => {
    const dir = tempDir();
    const { file, json, fingerprint } = await sealed(dir);
    const out = path.join(dir, "mise-a-jour.xlsx");
    const u = await run("upgrade", file, "--template", json, "--force", "-o", out, "--json");
    expect(u.code, u.err).toBe(0);
    const wb = await loadXlsx(out);
    expect(wb.definedNames.getRanges("QG_Seal").ranges).toHaveLength(1);
    const before = await run("check", file);
    const c = await run("check", out, "--seal", path.join(dir, "revue.sceau.json"));
    // The same findings as before the upgrade (criteria left unrated are warnings): none of the seal.
    expect(c.code, c.out + c.err).toBe(before.code);
    expect(c.out).toContain("intact");
    expect(c.out).not.toContain("après le sceau");
    expect(await sealOf(out)).toMatchObject({ sealed: true, intact: true, fingerprint, reviewer: "Marie Tremblay", date: "2026-11-30", changes: [] });
    // The seal's block is no user note: neither kept nor moved as one.
    const summary = parseJson<{ notesKept: string[]; notesMoved: string[] }>(u.out);
    expect([...summary.notesKept, ...summary.notesMoved]).toEqual([]);
  });

  it("a respondent added by `fill --respondent`: the seal is kept and check names what changed", async () => {
    const dir = tempDir();
    const { file, fingerprint } = await sealed(dir);
    const f = await run("fill", file, "--answers", writeText(dir, "equipe.csv", "criterion,rating,comment\nC1,2,à revoir\n"), "--respondent", "Équipe");
    expect(f.code, f.err).toBe(0);
    const seal = await sealOf(file);
    expect(seal).toMatchObject({ intact: false, fingerprint });
    // The respondent's fields are in every criterion's canonical text: each criterion is named.
    expect(seal?.changes.filter((x) => x.kind === "criterion").length).toBe(16);
    expect(seal?.changes.some((x) => x.kind === "evidence")).toBe(false);
    const c = await run("check", file);
    expect(c.code, c.out).toBe(1);
    expect(c.out).not.toContain("intact");
    expect(c.out).toContain("critère C16");
    expect(c.out).toContain("critère C1");
    expect(c.out).toContain("après le sceau");
  });

  it("`upgrade --respondents` keeps the seal too", async () => {
    const dir = tempDir();
    const { file, fingerprint } = await sealed(dir);
    const u = await run("upgrade", file, "--respondents", "Direction,CA,Équipe");
    expect(u.code, u.err).toBe(0);
    expect((await sealOf(file))?.fingerprint).toBe(fingerprint);
  });

  it("`copies` makes copies with no QG_Seal; the master keeps its seal", async () => {
    const dir = tempDir();
    const { file, fingerprint } = await sealed(dir);
    const out = path.join(dir, "envois");
    const r = await run("copies", file, "-o", out);
    expect(r.code, r.err).toBe(0);
    for (const n of NAMES) {
      const copy = path.join(out, `revue - ${n}.xlsx`);
      const wb = await loadXlsx(copy);
      expect(wb.definedNames.getRanges("QG_Seal").ranges, n).toHaveLength(0);
      expect(await sealOf(copy), n).toBeNull();
      // Nor the block's cells, as notes.
      const lists = wb.getWorksheet("Listes");
      let texts = "";
      lists?.eachRow((row) => row.eachCell((cell) => void (texts += `${String(cell.value)}\n`)));
      expect(texts, n).not.toContain("Sceau de la revue");
    }
    expect((await sealOf(file))?.fingerprint).toBe(fingerprint);
  });

  it("the upgraded seal sits on the lists sheet, and the grid still reads", async () => {
    const dir = tempDir();
    const { file, json } = await sealed(dir);
    const u = await run("upgrade", file, "--template", json, "--force");
    expect(u.code, u.err).toBe(0);
    const wb = await loadXlsx(file);
    expect(wb.definedNames.getRanges("QG_Seal").ranges[0]).toMatch(/^'?Listes'?!/);
    const g = table(wb, "QG_Grid");
    expect(g.sheet.getCell(gridRowOf(g, "Critère", "C1"), column(g, "Cotation — Direction")).value).toBe(4);
  });
});
