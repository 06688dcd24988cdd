/**
 * A template's pre-filled actions and the rows the plan from gaps adds below them, recalculated by
 * LibreOffice: every row looks its dimension up from the grid, and the workbook's own « En retard »
 * flag marks exactly the actions `check` reports as overdue (the template's dates, computed from
 * an assessment date long past, are due).
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../addin/cli/main.js";
import { parseTemplate } from "../../addin/model/template.parse.js";
import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import { computedValue, findSoffice, LIBREOFFICE_INSTALL_HINT, recalculateXlsx } from "../support/libreoffice.js";

const soffice = findSoffice();
if (!soffice) console.warn(`LibreOffice not found: a template's actions were NOT recalculated. Install it with: ${LIBREOFFICE_INSTALL_HINT}`);

const dir = mkdtempSync(path.join(tmpdir(), "qg-template-actions-"));
const outDir = mkdtempSync(path.join(tmpdir(), "qg-template-actions-out-"));
const lines = { out: "", err: "" };
const io = { out: (t: string) => void (lines.out += `${t}\n`), err: (t: string) => void (lines.err += `${t}\n`) };
const rows: Record<string, unknown>[] = [];
let overdueByCheck: string[] = [];

describe.skipIf(!soffice)("a template's actions, recalculated", () => {
  beforeAll(async () => {
    const json = richTemplateJson();
    const parsed = parseTemplate(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const t = parsed.value;
    writeFileSync(path.join(dir, "riche.json"), JSON.stringify(json));
    const file = path.join(dir, "riche.xlsx");
    expect(await main(["new", path.join(dir, "riche.json"), "-o", file, "--date", "2020-01-15"], io), lines.err).toBe(0);
    const answers = t.dimensions.flatMap((d) => d.criteria).map((c) => {
      const scale = c.scale ? t.scales?.[c.scale] : t.scale;
      return `${c.id},${c.type === "text" ? "Peu" : Math.min(...(scale?.levels ?? []).map((l) => l.value))},`;
    });
    writeFileSync(path.join(dir, "answers.csv"), ["criterion,rating,comment", ...answers, ""].join("\n"));
    expect(await main(["fill", file, "--answers", path.join(dir, "answers.csv")], io), lines.err).toBe(0);
    expect(await main(["plan", file], io), lines.err).toBe(0);
    const check = { out: "", err: "" };
    await main(["check", file, "--json"], { out: (s) => void (check.out += s), err: (s) => void (check.err += s) });
    const findings = (JSON.parse(check.out) as { findings: { code: string; where: string }[] }).findings;
    overdueByCheck = findings.filter((f) => f.code === "actionOverdue").map((f) => f.where.replace(/^.*!/, "").replace(/\D+/g, ""));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await recalculateXlsx(file, outDir));
    const ws = wb.getWorksheet("Plan d'action") as ExcelJS.Worksheet;
    const headers: string[] = [];
    ws.getRow(4).eachCell((c, col) => (headers[col] = String(c.value)));
    for (let r = 5; r <= ws.rowCount; r++) {
      const rec: Record<string, unknown> = { row: String(r) };
      headers.forEach((h, col) => (rec[h] = computedValue(ws.getCell(r, col))));
      if (rec["Code"]) rows.push(rec);
    }
  }, 180_000);

  it("looks up each row's dimension, template rows and added rows alike", () => {
    expect(rows.map((r) => [r["Code"], r["Critère"], r["Dimension"], r["Source"]])).toEqual([
      ["M1", "G1", "GOUV", "Modèle"],
      ["M2", "S4", "SERV", "Modèle"],
      ...rows.slice(2).map((r) => [r["Code"], r["Critère"], String(r["Critère"]).startsWith("G") ? "GOUV" : "SERV", "Autoévaluation"]),
    ]);
    expect(rows).toHaveLength(6);
  });

  it("flags as overdue exactly the actions check reports: the template's, due from a past assessment date", () => {
    const flagged = rows.filter((r) => r["En retard"] === "En retard").map((r) => r.row);
    expect(flagged).toEqual(["5", "6"]);
    expect(overdueByCheck).toEqual(flagged);
  });
});
