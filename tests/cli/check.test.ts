import type ExcelJS from "exceljs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { column, DEMO_IDS, gridCell, loadXlsx, newDemoWorkbook, parseJson, run, SHEETS, table, tempDir, answeredWorkbook, editWorkbook } from "./cli.helpers.js";

interface FindingJson {
  code: string;
  severity: "error" | "warning";
  where: string;
  message: string;
}



/** Sets one cell of a register table's first data row, found by its header. */
function setFirstRow(wb: ExcelJS.Workbook, tableName: string, values: Record<string, ExcelJS.CellValue>): number {
  const t = table(wb, tableName);
  const row = t.top + 1;
  for (const [header, value] of Object.entries(values)) t.sheet.getCell(row, column(t, header)).value = value;
  return row;
}

async function checkJson(file: string, ...flags: string[]): Promise<{ code: number; findings: FindingJson[]; json: { file: string; findings: FindingJson[] } }> {
  const r = await run("check", file, "--json", ...flags);
  const json = parseJson<{ file: string; findings: FindingJson[] }>(r.out);
  return { code: r.code, findings: json.findings, json };
}

describe("qualigrid check", () => {
  it("finds every criterion of a fresh workbook unanswered (exit 1), naming each rating cell", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr");
    const r = await run("check", xlsx);
    expect(r.code).toBe(1);
    const lines = r.out.split("\n").filter((l) => l.includes("n'a pas de cotation"));
    expect(lines).toHaveLength(16);
    const wb = await loadXlsx(xlsx);
    for (const id of DEMO_IDS) {
      const address = gridCell(wb, "fr", id, "Cotation").address;
      expect(lines.some((l) => l.includes(`Grille!${address}:`) && l.includes(id)), `${id} at Grille!${address}`).toBe(true);
    }

    const { code, findings, json } = await checkJson(xlsx);
    expect(code).toBe(1);
    expect(json.file).toBe(xlsx);
    expect(findings).toHaveLength(16);
    expect(findings.every((f) => f.code === "unanswered" && f.severity === "warning" && f.where.startsWith("Grille!"))).toBe(true);
  });

  it("writes its findings in English for an English workbook, and in the language asked with --lang", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "en");
    const en = await run("check", xlsx);
    expect(en.code).toBe(1);
    expect(en.out).toContain("has no rating");
    expect(en.out).toContain(`${SHEETS.en.grid}!`);
    const fr = await run("check", xlsx, "--lang", "fr");
    expect(fr.out).toContain("n'a pas de cotation");
  });

  it("passes a fully answered workbook with complete evidence and actions (exit 0)", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir);
    await editWorkbook(xlsx, (wb) => {
      setFirstRow(wb, "QG_Evidence", { Code: "P-01", Critères: "C1; c2", "Titre du document": "Procès-verbal du CA", Statut: "Acceptée" });
      setFirstRow(wb, "QG_Actions", { Code: "A-01", Critère: "C2", Action: "Rédiger la politique", Pilote: "Marie", Échéance: new Date(Date.UTC(2030, 5, 30)) });
    });
    const r = await run("check", xlsx);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("rien à signaler");
    const { code, findings } = await checkJson(xlsx);
    expect(code).toBe(0);
    expect(findings).toEqual([]);
  });

  it("finds a rating outside the scale, an evidence naming an unknown criterion and an action without pilote nor échéance (exit 1), each at its sheet!cell", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir);
    let evidenceRow = 0;
    let actionRow = 0;
    await editWorkbook(xlsx, (wb) => {
      gridCell(wb, "fr", "C2", "Cotation").value = 7; // typed directly: not a level of 1–4
      gridCell(wb, "fr", "C3", "Cotation").value = "peut-être"; // a text that is no N/A token
      evidenceRow = setFirstRow(wb, "QG_Evidence", { Code: "P-01", Critères: "C1, ZZ-99", "Titre du document": "Politique", Statut: "Acceptée" });
      actionRow = setFirstRow(wb, "QG_Actions", { Code: "A-01", Critère: "C2", Action: "Former l'équipe" });
    });
    const wb = await loadXlsx(xlsx);
    const c2 = gridCell(wb, "fr", "C2", "Cotation").address;
    const c3 = gridCell(wb, "fr", "C3", "Cotation").address;
    const ev = table(wb, "QG_Evidence");
    const evidenceCell = `${SHEETS.fr.evidence}!${ev.sheet.getCell(evidenceRow, column(ev, "Critères")).address}`;

    const { code, findings } = await checkJson(xlsx);
    expect(code).toBe(1);
    const find = (c: string) => findings.filter((f) => f.code === c);
    expect(find("ratingInvalid").map((f) => f.where).sort()).toEqual([`Grille!${c2}`, `Grille!${c3}`].sort());
    expect(find("ratingInvalid").every((f) => f.severity === "error")).toBe(true);
    expect(find("ratingInvalid").find((f) => f.where === `Grille!${c2}`)?.message).toContain("7");
    expect(find("evidenceUnknownCriterion")).toHaveLength(1);
    expect(find("evidenceUnknownCriterion")[0]).toMatchObject({ where: evidenceCell, severity: "error" });
    expect(find("evidenceUnknownCriterion")[0]?.message).toContain("ZZ-99");
    // An action's findings name its row on the action plan sheet.
    const actionCell = new RegExp(`^${SHEETS.fr.actions}!\\$?[A-Z]+\\$?${actionRow}$`);
    expect(find("actionNoOwner")).toHaveLength(1);
    expect(find("actionNoOwner")[0]?.where).toMatch(actionCell);
    expect(find("actionNoDueDate")).toHaveLength(1);
    expect(find("actionNoDueDate")[0]?.where).toMatch(actionCell);
    expect(find("unanswered")).toEqual([]);
    expect(findings).toHaveLength(5);

    // The text output names the same cells.
    const text = await run("check", xlsx);
    expect(text.code).toBe(1);
    for (const where of [`Grille!${c2}`, `Grille!${c3}`, evidenceCell]) expect(text.out).toContain(`${where}:`);
    expect(text.out).toMatch(new RegExp(`${SHEETS.fr.actions}!\\$?[A-Z]+\\$?${actionRow}: .*pilote`));
    expect(text.out).toMatch(new RegExp(`${SHEETS.fr.actions}!\\$?[A-Z]+\\$?${actionRow}: .*échéance`));
  });

  it("names the evaluator's rating cell, not the self-assessment rating cell, for an invalid evaluator rating", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir);
    await editWorkbook(xlsx, (wb) => {
      gridCell(wb, "fr", "C5", "Cotation évaluateur").value = 12;
    });
    const wb = await loadXlsx(xlsx);
    const evaluatorCell = `Grille!${gridCell(wb, "fr", "C5", "Cotation évaluateur").address}`;
    const { code, findings } = await checkJson(xlsx);
    expect(code).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: "evaluatorRatingInvalid", severity: "error", where: evaluatorCell });
  });

  it("accepts N/A tokens typed in the grid in any of their spellings", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir);
    await editWorkbook(xlsx, (wb) => {
      gridCell(wb, "fr", "C1", "Cotation").value = "sans objet";
      gridCell(wb, "fr", "C2", "Cotation").value = "n.a.";
      gridCell(wb, "fr", "C3", "Cotation").value = "Not applicable";
    });
    const { code, findings } = await checkJson(xlsx);
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });

  it("reports an evidence row that names no criterion as a warning at its criteria cell", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir, "en");
    let row = 0;
    await editWorkbook(xlsx, (wb) => {
      row = setFirstRow(wb, "QG_Evidence", { ID: "E-1", "Document title": "Minutes", Status: "Provided" });
    });
    const wb = await loadXlsx(xlsx);
    const ev = table(wb, "QG_Evidence");
    const { code, findings } = await checkJson(xlsx);
    expect(code).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({ code: "evidenceNoCriterion", where: `${SHEETS.en.evidence}!${ev.sheet.getCell(row, column(ev, "Criteria")).address}` }),
    ]);
  });

  it("prints JSON that parses, with file and findings, each finding with code, severity, where and message", async () => {
    const dir = tempDir();
    const xlsx = path.join(dir, "cap.xlsx");
    expect((await run("new", "donner-le-cap", "-o", xlsx, "--lang", "en")).code).toBe(0);
    const { code, json, findings } = await checkJson(xlsx);
    expect(code).toBe(1);
    expect(Object.keys(json).sort()).toEqual(["file", "findings"]);
    // Donner le CAP 2.0.0: 16 rated criteria, 8 free-text questions, and one reminder that its 9
    // pre-filled actions wait for an assessment date.
    const counts: Record<string, number> = {};
    for (const f of findings) {
      expect(Object.keys(f).sort()).toEqual(["code", "message", "severity", "where"]);
      expect(f.where).toMatch(/^(Assessment|Action plan)!\$?[A-Z]+\$?\d+$/);
      expect(f.message).toMatch(/has no (rating|answer)|have no dates yet/);
      counts[f.code] = (counts[f.code] ?? 0) + 1;
    }
    expect(counts).toEqual({ unanswered: 16, questionUnanswered: 8, templateActionsUndated: 1 });
  });
});
