/**
 * The sealed review (design.md "The evaluator"): `qualigrid seal` records the seal and writes the
 * receipt; `check` names each organization entry changed since (old and new), says « intact » when
 * only the evaluator's fields changed or LibreOffice saved the file, and `check --seal RECEIPT`
 * catches a seal redone inside the file. The pane's digest (WebCrypto) equals the command line's.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sha256WebCrypto } from "../../addin/model/seal.digest.js";
import { workbookSealPrint } from "../../addin/workbook/seal.check.js";
import { loadQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { findSoffice, recalculateXlsx } from "../support/libreoffice.js";
import { DEMO_IDS, column, editWorkbook, gridRowOf, loadXlsx, parseJson, run, table, tempDir, writeJson, demoTemplate } from "./cli.helpers.js";
import type ExcelJS from "exceljs";

const NAMES = ["Direction", "CA", "Équipe"];
// Every criterion rated (C5… by all three alike), so that a sealed workbook's check is clean but for the seal.
const RATINGS: Record<string, (string | number | null)[]> = {
  ...Object.fromEntries(DEMO_IDS.map((id) => [id, [2, 2, 2]])),
  C1: [4, 2, 1],
  C2: [2, 2, "s.o."],
  C3: [3, 3, 3],
  C4: [1, 4, null],
};
const NB = "\u00a0";
const quoted = (a: string, b: string): string => `«${NB}${a}${NB}» → «${NB}${b}${NB}»`;

/** The cell of a criterion's grid column. */
function grid(wb: ExcelJS.Workbook, id: string, header: string): ExcelJS.Cell {
  const g = table(wb, "QG_Grid");
  return g.sheet.getCell(gridRowOf(g, "Critère", id), column(g, header));
}

/** The cell of the register's first row in one column. */
function evidence(wb: ExcelJS.Workbook, header: string, row = 1): ExcelJS.Cell {
  const t = table(wb, "QG_Evidence");
  return t.sheet.getCell(t.top + row, column(t, header));
}

/** A French demo workbook with three respondents, rated and commented, an agreed rating, the evaluator's ratings and two reviewed evidence rows. */
async function reviewed(dir: string): Promise<string> {
  const json = writeJson(dir, "demo.json", demoTemplate());
  const file = path.join(dir, "revue.xlsx");
  const r = await run("new", json, "-o", file, "--respondents", NAMES.join(","));
  expect(r.code, r.err).toBe(0);
  await editWorkbook(file, (wb) => {
    for (const [id, ratings] of Object.entries(RATINGS)) {
      ratings.forEach((v, k) => {
        grid(wb, id, `Cotation — ${NAMES[k] ?? ""}`).value = v;
        grid(wb, id, `Commentaire — ${NAMES[k] ?? ""}`).value = `avis ${id} ${k + 1}`;
      });
      grid(wb, id, "Cotation évaluateur").value = 3;
      grid(wb, id, "Commentaire évaluateur").value = `évaluateur ${id}`;
    }
    grid(wb, "C4", "Cotation convenue").value = 3;
    grid(wb, "C4", "Motif de la cotation convenue").value = "Consensus du 12 mai";
    for (const [row, title] of [[1, "Politique qualité"], [2, "Registre des plaintes"]] as const) {
      evidence(wb, "Critères", row).value = row === 1 ? "C1, C2" : "C3";
      evidence(wb, "Titre du document", row).value = title;
      evidence(wb, "Responsable", row).value = "Direction qualité";
      evidence(wb, "Date du document", row).value = new Date(Date.UTC(2026, 4, row));
      evidence(wb, "Statut", row).value = "Acceptée";
      evidence(wb, "Statut de la revue", row).value = "Acceptée";
      evidence(wb, "Avis évaluateur", row).value = "conforme";
    }
  });
  return file;
}

async function sealed(dir: string): Promise<{ file: string; receipt: string; fingerprint: string }> {
  const file = await reviewed(dir);
  const r = await run("seal", file, "--by", "Marie Tremblay", "--date", "2026-11-30");
  expect(r.code, r.err).toBe(0);
  const receipt = path.join(dir, "revue.sceau.json");
  const json = parseJson<{ fingerprint: string; reviewer: string; date: string }>(fs.readFileSync(receipt, "utf8"));
  expect(json).toMatchObject({ reviewer: "Marie Tremblay", date: "2026-11-30" });
  expect(r.out).toContain(json.fingerprint);
  return { file, receipt, fingerprint: json.fingerprint };
}

/** A copy of the sealed workbook, changed by `edit`. */
async function changed(dir: string, file: string, name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const copy = path.join(dir, `${name}.xlsx`);
  fs.copyFileSync(file, copy);
  await editWorkbook(copy, edit);
  return copy;
}

describe("qualigrid seal and check of a sealed review", () => {
  it("records QG_Seal and a receipt; check says « intact » and the receipt matches; a second seal needs --force", async () => {
    const dir = tempDir();
    const { file, receipt, fingerprint } = await sealed(dir);
    const wb = await loadXlsx(file);
    expect(wb.definedNames.getRanges("QG_Seal").ranges).toHaveLength(1);
    const c = await run("check", file, "--seal", receipt);
    expect(c.code, c.out + c.err).toBe(0);
    expect(c.out).toContain("intact");
    expect(c.out).toContain("même empreinte");
    const j = await run("check", file, "--json");
    expect(parseJson<{ seal: { intact: boolean; fingerprint: string } }>(j.out).seal).toMatchObject({ intact: true, fingerprint });
    const before = fs.readFileSync(file);
    const again = await run("seal", file, "--by", "X", "--receipt", path.join(dir, "autre.json"));
    expect(again.code).toBe(2);
    expect(again.err).toContain("--force");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir, "autre.json"))).toBe(false);
  });

  it("names each kind of organization entry changed after the seal, with old and new values", async () => {
    const dir = tempDir();
    const { file } = await sealed(dir);
    const cases: [string, (wb: ExcelJS.Workbook) => void, string[]][] = [
      ["rating", (wb) => void (grid(wb, "C1", "Cotation — CA").value = 3), ["critère C1", "cotation de CA", quoted("2", "3")]],
      ["comment", (wb) => void (grid(wb, "C2", "Commentaire — Équipe").value = "autre avis"), ["critère C2", "commentaire de Équipe", quoted("avis C2 3", "autre avis")]],
      ["agreed", (wb) => void (grid(wb, "C4", "Cotation convenue").value = 2), ["critère C4", "cotation convenue", quoted("3", "2")]],
      ["reason", (wb) => void (grid(wb, "C4", "Motif de la cotation convenue").value = "Revu"), ["critère C4", "motif de la cotation convenue", quoted("Consensus du 12 mai", "Revu")]],
      ["evidence", (wb) => void (evidence(wb, "Titre du document", 2).value = "Registre 2026"), ["preuve E002", "titre du document", quoted("Registre des plaintes", "Registre 2026")]],
    ];
    for (const [name, edit, expected] of cases) {
      const copy = await changed(dir, file, name, edit);
      const c = await run("check", copy);
      expect(c.code, name).toBe(1);
      expect(c.out, name).not.toContain("intact");
      for (const e of expected) expect(c.out, `${name}: ${c.out}`).toContain(e);
      expect(c.out.match(/après le sceau/g), `${name}: ${c.out}`).toHaveLength(1);
    }
  });

  it("reads « intact » when only the evaluator's fields changed", async () => {
    const dir = tempDir();
    const { file } = await sealed(dir);
    const copy = await changed(dir, file, "evaluator", (wb) => {
      grid(wb, "C1", "Cotation évaluateur").value = 1;
      grid(wb, "C2", "Commentaire évaluateur").value = "revu";
      evidence(wb, "Statut de la revue").value = "À compléter";
      evidence(wb, "Avis évaluateur").value = "manque la date";
      evidence(wb, "Réviseur").value = "M. T.";
    });
    const c = await run("check", copy);
    expect(c.code, c.out).toBe(0);
    expect(c.out).toContain("intact");
  });

  it("catches with --seal RECEIPT a seal redone inside the file after a change", async () => {
    const dir = tempDir();
    const { file, receipt } = await sealed(dir);
    const copy = await changed(dir, file, "resealed", (wb) => void (grid(wb, "C3", "Cotation — Direction").value = 4));
    const r = await run("seal", copy, "--by", "Marie Tremblay", "--date", "2026-11-30", "--force", "--receipt", path.join(dir, "faux.json"));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("précédent");
    const plain = await run("check", copy);
    expect(plain.out).toContain("intact");
    const c = await run("check", copy, "--seal", receipt);
    expect(c.code).toBe(1);
    expect(c.out).toContain("diffère");
  });

  it("gives the same fingerprint by WebCrypto (the pane) as by node:crypto (the command line)", async () => {
    const dir = tempDir();
    const { file, fingerprint } = await sealed(dir);
    const opened = await loadQualigridWorkbook(fs.readFileSync(file), file);
    if (!opened.ok) throw new Error("unreadable");
    expect((await workbookSealPrint(opened.value.assessment, sha256WebCrypto)).fingerprint).toBe(fingerprint);
  });

  it.skipIf(findSoffice() === null)("still reads « intact » once LibreOffice has saved the sealed workbook", async () => {
    const dir = tempDir();
    const { file, receipt } = await sealed(dir);
    const out = await recalculateXlsx(file, path.join(dir, "lo"));
    const c = await run("check", out, "--seal", receipt);
    expect(c.out, c.out).toContain("intact");
    expect(c.out).not.toContain("après le sceau");
  }, 180_000);
});
