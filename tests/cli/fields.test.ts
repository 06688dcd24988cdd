/**
 * The second version of the template model through the command line: a template with several
 * scales, free-text questions, required criteria and themes is generated, filled, scored and
 * checked; the workbook carries the whole template (`show --json` gives it back).
 */
import ExcelJS from "exceljs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../addin/model/template.parse.js";
import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import { parseJson, run, tempDir, writeJson, writeText } from "./cli.helpers.js";

interface Scored {
  overall: { score: number; requiredNotMet: number };
  dimensions: { id: string; score: number; answered: number; requiredNotMet: number; themes: { id: string; score: number | null; answered: number; total: number }[] }[];
}

async function richWorkbook(): Promise<{ dir: string; xlsx: string }> {
  const dir = tempDir();
  const json = writeJson(dir, "riche.json", richTemplateJson());
  const xlsx = path.join(dir, "riche.xlsx");
  const made = await run("new", json, "-o", xlsx, "--date", "2026-12-01");
  expect(made.code, made.err).toBe(0);
  return { dir, xlsx };
}

describe("a template of the second version through the command line", () => {
  it("is filled with ratings on each criterion's scale and words for questions, and scored with themes and required criteria", async () => {
    const { dir, xlsx } = await richWorkbook();
    const csv = writeText(dir, "r.csv", 'critère;cotation;commentaire\nG1;2;\nG2;Non;\nG3;Parfois;\nG4;"=1+1, on en parle une fois par année";\nS1;4;\nS2;S/O;\nS4;Oui;\n');
    const filled = await run("fill", xlsx, "--answers", csv);
    expect(filled.code, filled.err).toBe(0);
    const score = parseJson<Scored>((await run("score", xlsx, "--json")).out);
    expect(score.overall.score).toBeCloseTo(500 / 9, 9);
    expect(score.overall.requiredNotMet).toBe(2);
    const gouv = score.dimensions.find((d) => d.id === "GOUV");
    expect(gouv).toMatchObject({ answered: 4, requiredNotMet: 2 });
    expect(gouv?.themes.map((t) => [t.id, t.answered, t.total])).toEqual([
      ["CA", 2, 2],
      ["ETH", 2, 2],
    ]);
    const text = await run("score", xlsx);
    expect(text.out).toContain("2 critères requis non atteints (sans réponse ou sous la cible) : G1, G2.");
    const check = await run("check", xlsx);
    expect(check.out).toContain("le critère requis G1 est sous sa cible (2 pour une cible de 3)");
    expect(check.out).toContain("le critère requis S3 n'a pas de réponse");
  });

  it("refuses N/A for a required criterion in the answers, leaving the workbook as it was", async () => {
    const { dir, xlsx } = await richWorkbook();
    const csv = writeText(dir, "r.csv", "criterion,rating\nG1,S/O\n");
    const r = await run("fill", xlsx, "--answers", csv, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain('rating "S/O" of G1: this criterion is required, it cannot be N/A');
  });

  it("carries the whole template in the workbook: show --json gives back what was given", async () => {
    const { xlsx } = await richWorkbook();
    const shown = await run("show", xlsx, "--json");
    expect(shown.code, shown.err).toBe(0);
    const given = parseTemplate(richTemplateJson());
    expect(given.ok && parseJson<unknown>(shown.out)).toEqual(given.ok && JSON.parse(JSON.stringify(given.value)));
  });

  it("leaves what a person typed in a rating row's « Réponse » cell when filling it", async () => {
    const { dir, xlsx } = await richWorkbook();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet("Grille") as ExcelJS.Worksheet;
    const header = ws.getRow(4).values as unknown[];
    const answerCol = header.indexOf("Réponse");
    let s1 = 0;
    for (let r = 5; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value === "S1") s1 = r;
    ws.getCell(s1, answerCol).value = "note à garder";
    await wb.xlsx.writeFile(xlsx);
    const csv = writeText(dir, "r.csv", "criterion,rating\nS1,3\n");
    expect((await run("fill", xlsx, "--answers", csv)).code).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(xlsx);
    expect((back.getWorksheet("Grille") as ExcelJS.Worksheet).getCell(s1, answerCol).value).toBe("note à garder");
  });

  it("shows every second-version field in show's outline: scales, themes, questions, required criteria, steps, actions", async () => {
    const dir = tempDir();
    const json = writeJson(dir, "riche.json", richTemplateJson());
    const shown = await run("show", json, "--lang", "fr");
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain("Échelle « frequence » : 0 = Jamais, 5 = Parfois, 8 = Souvent, 10 = Toujours, S. O.");
    expect(shown.out).toMatch(/\n {2}ETH {2}Éthique\n {4}G2 +Un code d'éthique est adopté\. \[échelle « oui », requis\]\n/);
    expect(shown.out).toContain("S3           Quels obstacles freinent la participation ? [question à réponse libre, requis]");
    expect(shown.out).toContain("  E1           Sondages (+30 j)");
    expect(shown.out).toContain("  M1           Adopter un calendrier des réunions du conseil → G1");
    const en = await run("show", json, "--lang", "en");
    expect(en.out).toContain("The template's action plan:");
  });
});
