import type ExcelJS from "exceljs";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { column, editWorkbook, loadXlsx, newDemoWorkbook, parseJson, run, scoreJson, table, tempDir, writeText } from "./cli.helpers.js";

/** The value of a workbook's named cell, read with exceljs (independently of the project's reader). */
function named(wb: ExcelJS.Workbook, name: string): ExcelJS.CellValue | undefined {
  const ref = wb.definedNames.getRanges(name).ranges[0];
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref ?? "");
  if (!m) return undefined;
  return wb.getWorksheet(m[1] ?? "")?.getCell(`${m[2]}${m[3]}`).value;
}

const SETTING_NAMES = ["QG_Settings", "QG_Organization", "QG_AssessmentDate", "QG_CompletionThreshold", "QG_Consolidation", "QG_SpreadThreshold", "QG_AgreementTolerance", "QG_ShowOthers"];

describe("qualigrid new --org --date", () => {
  it("writes the organization and the assessment date (a real date) into QG_Settings", async () => {
    const dir = tempDir();
    const xlsx = path.join(dir, "eq.xlsx");
    const r = await run("new", "engagement-qualite", "-o", xlsx, "--org", "=Centre d'entraide", "--date", "2025-03-31");
    expect(r.code, r.err).toBe(0);
    const wb = await loadXlsx(xlsx);
    expect(named(wb, "QG_Organization")).toBe("=Centre d'entraide");
    expect(named(wb, "QG_AssessmentDate")).toEqual(new Date(Date.UTC(2025, 2, 31)));
    expect(named(wb, "QG_CompletionThreshold")).toBe(0.8);
    expect(named(wb, "QG_Consolidation")).toBe("moyenne");
    expect(named(wb, "QG_ShowOthers")).toBe("Non");
  });

  it.each(["2025-13-01", "31/03/2025", "2025-02-30", "demain"])("refuses --date %s naming the option, and writes nothing", async (date) => {
    const dir = tempDir();
    const xlsx = path.join(dir, "eq.xlsx");
    const r = await run("new", "engagement-qualite", "-o", xlsx, "--date", date);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--date");
    expect(r.err).toContain(date);
    expect(fs.existsSync(xlsx)).toBe(false);
  });
});

describe("qualigrid set", () => {
  it.each([
    ["organisation", "Maison des jeunes", "QG_Organization", "Maison des jeunes"],
    ["organization", "=1+1", "QG_Organization", "=1+1"],
    ["date", "2024-11-05", "QG_AssessmentDate", new Date(Date.UTC(2024, 10, 5))],
    ["Date-Évaluation", "2024-11-05", "QG_AssessmentDate", new Date(Date.UTC(2024, 10, 5))],
    ["seuil", "0,5", "QG_CompletionThreshold", 0.5],
    ["threshold", "65 %", "QG_CompletionThreshold", 0.65],
    ["consolidation", "Médiane", "QG_Consolidation", "médiane"],
    ["seuil-écart", "1,5", "QG_SpreadThreshold", 1.5],
    ["tolerance", "0", "QG_AgreementTolerance", 0],
    ["voir-autres", "oui", "QG_ShowOthers", "Oui"],
  ] as const)("sets %s to %s in place", async (key, value, name, stored) => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const r = await run("set", xlsx, key, value);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Paramètre « .+ » : .+ — .+\.$/);
    expect(named(await loadXlsx(xlsx), name)).toEqual(stored);
  });

  it("clears the date with an empty value, and writes to -o leaving the file as it was", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "en");
    expect((await run("set", xlsx, "date", "2025-01-15")).code).toBe(0);
    const before = fs.readFileSync(xlsx);
    const out = path.join(dir, "out.xlsx");
    const r = await run("set", xlsx, "date", "", "-o", out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(`Setting "assessment date": (blank) — ${out}.`);
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
    expect(named(await loadXlsx(out), "QG_AssessmentDate")).toBeNull();
    expect(named(await loadXlsx(xlsx), "QG_AssessmentDate")).toEqual(new Date(Date.UTC(2025, 0, 15)));
  });

  it.each([
    ["couleur", "bleu", ["« couleur » n'est pas un paramètre du classeur", "organisation|organization, date|assessment-date, seuil|threshold"]],
    ["date", "15/01/2025", ["« 15/01/2025 » n'est pas une date aaaa-mm-jj"]],
    ["seuil", "1,5", ["« 1,5 » : le seuil de complétude"]],
    ["seuil", "80", ["« 80 »"]],
    ["consolidation", "mode", ["« mode »", "moyenne, médiane, mean, median"]],
    ["voir-autres", "peut-être", ["« peut-être »", "oui, non, yes, no"]],
    ["tolerance", "-1", ["« -1 »", "de 0 à 100"]],
  ])("refuses %s = %s naming it, and leaves the file byte for byte", async (key, value, words) => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const before = fs.readFileSync(xlsx);
    const r = await run("set", xlsx, key, value);
    expect(r.code).toBe(2);
    for (const w of words) expect(r.err).toContain(w);
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
  });

  it("is documented in --help with its keys", async () => {
    const r = await run("set", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("organisation|organization");
    expect(r.out).toContain("<key>");
  });
});

describe("a workbook made before the settings", () => {
  /**
   * A demo workbook with three criteria answered, as a Qualigrid without settings wrote it: no
   * settings' names nor cells, no « provisoire » cell, and the formulas of then (accepted evidence
   * counted whatever its expiry, a maturity level whatever the completion).
   */
  async function older(dir: string): Promise<string> {
    const { xlsx } = await newDemoWorkbook(dir);
    const csv = writeText(dir, "a.csv", "criterion,rating\nC1,4\nC2,2\nC3,3\n");
    expect((await run("fill", xlsx, "--answers", csv)).code).toBe(0);
    await editWorkbook(xlsx, (wb) => {
      const names = wb.definedNames as unknown as { model: { name: string }[] };
      names.model = names.model.filter((m) => ![...SETTING_NAMES, "QG_ConsolidationChoices", "QG_ReferenceDate", "QG_OverallProvisional"].includes(m.name));
      const lists = wb.getWorksheet("Listes") as ExcelJS.Worksheet;
      const dash = wb.getWorksheet("Tableau de bord") as ExcelJS.Worksheet;
      for (let r = 1; r <= 12; r++) for (let c = 18; c <= 22; c++) lists.getCell(r, c).value = null;
      lists.getCell("O6").value = null;
      lists.getCell("P6").value = null;
      dash.getCell("C5").value = null;
      dash.getCell("B10").value = { formula: 'IF(ISNUMBER(QG_OverallScore),IFERROR(LOOKUP(QG_OverallScore,QG_MaturityMin,QG_MaturityLabels),""),"")' };
      // Each evidence row's flags (the grid sums them) say whether it counts: then, whatever its expiry.
      const register = table(wb, "QG_Evidence");
      for (const header of ["Compte pour la couverture", "Acceptée à la revue"]) {
        const col = column(register, header);
        for (let r = register.top + 1; r <= register.bottom; r++) {
          const cell = register.sheet.getCell(r, col);
          cell.value = { formula: cell.formula.replace(/OR\(QG_Evidence\[\[#This Row\],\[Expiration\]\]="",QG_Evidence\[\[#This Row\],\[Expiration\]\]>=QG_ReferenceDate\)/, "TRUE") };
          expect(cell.formula).not.toContain("QG_ReferenceDate");
        }
      }
    });
    return xlsx;
  }

  it("is checked without proposing formulas it could not compute, with one finding saying how to add the settings", async () => {
    const dir = tempDir();
    const xlsx = await older(dir);
    const r = await run("check", xlsx, "--json");
    const json = parseJson<{ findings: { code: string; where: string; message: string }[] }>(r.out);
    expect(json.findings.filter((f) => f.code.startsWith("formula"))).toEqual([]);
    const settings = json.findings.filter((f) => f.code === "settingsMissing");
    expect(settings.map((f) => f.where)).toEqual(["Listes!R4"]);
    expect(settings[0]?.message).toContain("upgrade");
    const before = fs.readFileSync(xlsx);
    expect((await run("check", xlsx, "--repair")).out).not.toContain("QG_ReferenceDate");
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
  });

  it("is scored with the default settings", async () => {
    const dir = tempDir();
    const xlsx = await older(dir);
    const r = await run("score", xlsx, "--json");
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe("");
    const json = parseJson<{ overall: { provisional: boolean; completion: number } }>(r.out);
    expect(json.overall).toMatchObject({ provisional: true, completion: 3 / 16 });
  });

  it("refuses `set` saying how to add the settings, the file unchanged; after `upgrade --force` they are there", async () => {
    const dir = tempDir();
    const xlsx = await older(dir);
    const json = path.join(dir, "demo.json");
    const before = fs.readFileSync(xlsx);
    const r = await run("set", xlsx, "date", "2025-03-31");
    expect(r.code).toBe(2);
    expect(r.err).toContain("QG_Settings");
    expect(r.err).toContain("upgrade");
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);

    const up = await run("upgrade", xlsx, "--template", json, "--force");
    expect(up.code, up.err).toBe(0);
    expect((await run("set", xlsx, "date", "2025-03-31")).code).toBe(0);
    const wb = await loadXlsx(xlsx);
    expect(named(wb, "QG_AssessmentDate")).toEqual(new Date(Date.UTC(2025, 2, 31)));
    const grid = table(wb, "QG_Grid");
    expect(grid.sheet.getCell(grid.top + 1, column(grid, "Cotation")).value).toBe(4);
  });
});

describe("settings carried by upgrade, and the provisional overall result of score", () => {
  it("keeps the workbook's settings through an upgrade", async () => {
    const dir = tempDir();
    const { xlsx, json } = await newDemoWorkbook(dir);
    expect((await run("set", xlsx, "organisation", "Entraide")).code).toBe(0);
    expect((await run("set", xlsx, "seuil", "50 %")).code).toBe(0);
    expect((await run("upgrade", xlsx, "--template", json, "--force")).code).toBe(0);
    const wb = await loadXlsx(xlsx);
    expect([named(wb, "QG_Organization"), named(wb, "QG_CompletionThreshold")]).toEqual(["Entraide", 0.5]);
  });

  it("says « provisoire » beside the overall below the threshold, and adds `provisional` to --json", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const csv = writeText(dir, "a.csv", "criterion,rating\nC1,4\nC2,2\nC3,3\nC4,1\n");
    expect((await run("fill", xlsx, "--answers", csv)).code).toBe(0);
    const text = await run("score", xlsx);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/^Global \(provisoire\)/m);
    expect(text.out).toContain("Résultat provisoire : complétude de 25\u00a0%, sous le seuil de 80\u00a0% ; pas de niveau de maturité.");
    const json = parseJson<{ overall: Record<string, unknown> }>((await run("score", xlsx, "--json")).out);
    expect(Object.keys(json.overall).sort()).toEqual(["completion", "evaluator", "evidenceCoverage", "gap", "provisional", "requiredNotMet", "score", "target"]);
    expect(json.overall.provisional).toBe(true);

    expect((await run("set", xlsx, "seuil", "0,2")).code).toBe(0);
    const after = await run("score", xlsx);
    expect(after.out).toMatch(/^Global {2}/m);
    expect(after.out).not.toContain("provisoire");
    expect(scoreJson((await run("score", xlsx, "--json")).out).overall).toMatchObject({ provisional: false });
  });
});
