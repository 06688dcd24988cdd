// Templates authored in a workbook: a hand-made advisor grid, the authoring tables
// (template-sheet), and the round trip template → authoring workbook → template.
import ExcelJS from "exceljs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import { BUILTIN_IDS, findTable, loadXlsx, run, scoreJson, table, tempDir, templateJson, writeText } from "./cli.helpers.js";

/**
 * A grid as a quality advisor makes one by hand: two merged title rows, a blank row, French
 * headers with accents (no code column), the dimension written once and left blank below, an
 * empty row between dimensions, a weight written with a decimal comma.
 */
async function writeAdvisorGrid(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Grille");
  ws.mergeCells("A1:E1");
  ws.getCell("A1").value = "Grille d'autoévaluation — Démarche qualité";
  ws.mergeCells("A2:E2");
  ws.getCell("A2").value = "Version de travail, mars";
  ws.getRow(4).values = ["Thématique", "Critère", "Poids", "Repères", "Preuves attendues"];
  ws.getRow(4).font = { bold: true };
  ws.getRow(5).values = ["Gouvernance", "La direction a écrit une politique qualité.", 2, "Politique datée et signée", "Politique"];
  ws.getRow(6).values = [null, "Les rôles qualité sont définis.", 1, null, "Organigramme"];
  ws.getRow(8).values = ["Usagers", "Les usagers sont consultés chaque année.", "1,5", "Sondage, comité", null];
  ws.getRow(9).values = [null, "Les plaintes sont traitées.", null, null, "Registre des plaintes"];
  await wb.xlsx.writeFile(file);
}

async function writeSheet(file: string, name: string, rows: unknown[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
  await wb.xlsx.writeFile(file);
}

describe("a hand-made advisor grid", () => {
  it("becomes a workbook with `new`, which fills and scores", async () => {
    const dir = tempDir();
    const advisor = path.join(dir, "grille conseillère.xlsx");
    await writeAdvisorGrid(advisor);
    const grid = path.join(dir, "grid.xlsx");
    const made = await run("new", advisor, "-o", grid);
    expect(made.code, made.err).toBe(0);
    expect(made.out).toContain("2 dimensions, 4 critères");

    const wb = await loadXlsx(grid);
    expect(findTable(wb, "QG_Grid")).toBeDefined();

    const csv = writeText(dir, "answers.csv", ["criterion,rating,comment", "D1-01,4,", "D1-02,4,", "D2-01,1,", "D2-02,1,"].join("\n"));
    const filled = await run("fill", grid, "--answers", csv);
    expect(filled.code, filled.err).toBe(0);
    const score = await run("score", grid, "--json");
    expect(score.code, score.err).toBe(0);
    const s = scoreJson(score.out);
    expect(s.dimensions.map((d) => [d.id, d.score, d.answered, d.total])).toEqual([
      ["D1", 100, 2, 2],
      ["D2", 0, 2, 2],
    ]);
  });

  it("is exported as template JSON by `show --json`, with the same ids on every run", async () => {
    const dir = tempDir();
    const advisor = path.join(dir, "advisor.xlsx");
    await writeAdvisorGrid(advisor);
    const first = await run("show", advisor, "--json");
    expect(first.code, first.err).toBe(0);
    const t = templateJson(first.out);
    expect(t.id).toBe("advisor");
    expect(t.title).toBe("Grille d'autoévaluation — Démarche qualité");
    expect(t.dimensions.map((d) => [d.id, d.title, d.criteria.map((c) => c.id)])).toEqual([
      ["D1", "Gouvernance", ["D1-01", "D1-02"]],
      ["D2", "Usagers", ["D2-01", "D2-02"]],
    ]);
    expect(t.dimensions[1]?.criteria[0]).toMatchObject({ weight: 1.5, guidance: "Sondage, comité" });
    expect(t.dimensions[0]?.criteria[1]).toMatchObject({ evidence: "Organigramme" });
    expect(JSON.stringify(t.source)).toMatch(/défaut/);

    // A second file written the same way gives the same template.
    const again = path.join(dir, "advisor-copy.xlsx");
    await writeAdvisorGrid(again);
    const second = templateJson((await run("show", again, "--json")).out);
    expect({ ...second, id: "x", source: "x" }).toEqual({ ...t, id: "x", source: "x" });
    expect(await run("show", advisor, "--json")).toEqual(first);

    // And the workbook made from it carries those ids.
    const g1 = path.join(dir, "g1.xlsx");
    expect((await run("new", advisor, "-o", g1)).code).toBe(0);
    expect(templateJson((await run("show", g1, "--json")).out)).toEqual(t);
  });

  it("accepts English headers and codes from the sheet", async () => {
    const dir = tempDir();
    const file = path.join(dir, "framework.xlsx");
    await writeSheet(file, "Framework", [
      ["Area", "Ref.", "Statement", "Weight", "Guidance", "Evidence", "Target level"],
      ["Leadership", "L1", "Leaders set quality goals.", 2, "Written goals", "Minutes", 4],
      ["Leadership", "L2", "Goals are reviewed.", 1, null, null, null],
      ["People", "P1", "Staff are trained.", 1, null, "Training records", null],
    ]);
    const r = await run("show", file, "--json");
    expect(r.code, r.err).toBe(0);
    const t = templateJson(r.out);
    expect(t.dimensions.map((d) => [d.id, d.title, d.criteria.map((c) => c.id)])).toEqual([
      ["D1", "Leadership", ["L1", "L2"]],
      ["D2", "People", ["P1"]],
    ]);
    expect(t.dimensions[0]?.criteria[0]).toMatchObject({ weight: 2, guidance: "Written goals", evidence: "Minutes", targetLevel: 4 });
    expect((await run("new", file, "-o", path.join(dir, "g.xlsx"), "--lang", "en")).code).toBe(0);
  });

  it("reports every problem at once, each with sheet!cell and a reason", async () => {
    const dir = tempDir();
    const file = path.join(dir, "bad.xlsx");
    await writeSheet(file, "Grille", [
      ["Référentiel maison"],
      [],
      ["Domaine", "Numéro", "Exigence", "Pondération"],
      ["Gouvernance", "G1", "Premier", 1],
      ["Gouvernance", "G2", null, 1],
      ["Gouvernance", "G1", "Troisième", "deux"],
    ]);
    const r = await run("new", file, "-o", path.join(dir, "g.xlsx"));
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual([
      `erreur : ${file}: Grille!C5: le texte du critère est vide`,
      `erreur : ${file}: Grille!B6: code « G1 » en double (déjà utilisé en Grille!B4)`,
      `erreur : ${file}: Grille!D6: le poids « deux » n'est pas un nombre ≥ 0`,
    ]);
    const shown = await run("show", file, "--json");
    expect(shown.code).toBe(2);
    expect(shown.errLines).toHaveLength(3);
  });

  it("rated everywhere at its target level, shows no shortfall (target 66, not 70)", async () => {
    const dir = tempDir();
    const advisor = path.join(dir, "grille.xlsx");
    await writeAdvisorGrid(advisor);
    const grid = path.join(dir, "grid.xlsx");
    expect((await run("new", advisor, "-o", grid)).code).toBe(0);
    const csv = writeText(dir, "answers.csv", ["criterion,rating,comment", "D1-01,3,", "D1-02,3,", "D2-01,3,", "D2-02,3,"].join("\n"));
    expect((await run("fill", grid, "--answers", csv)).code).toBe(0);
    const s = scoreJson((await run("score", grid, "--json")).out);
    expect(s.dimensions.map((d) => [d.target, (d.gap ?? 1) <= 0])).toEqual([
      [66, true],
      [66, true],
    ]);
  });

  it("says so when no sheet has a recognizable header row", async () => {
    const dir = tempDir();
    const file = path.join(dir, "autre.xlsx");
    await writeSheet(file, "Feuil1", [["Budget"], ["Loyer", 1200]]);
    const r = await run("show", file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ce n'est pas un classeur Qualigrid, et aucune feuille \(« Feuil1 »\) n'a de ligne d'en-têtes reconnaissable/);
  });
});

describe("qualigrid template-sheet", () => {
  it.each(BUILTIN_IDS)("round trip: template-sheet %s, then show --json gives the same template", async (id) => {
    const dir = tempDir();
    const file = path.join(dir, "authoring.xlsx");
    const w = await run("template-sheet", id, "-o", file);
    expect(w.code, w.err).toBe(0);
    const back = await run("show", file, "--json");
    expect(back.code, back.err).toBe(0);
    expect(templateJson(back.out)).toEqual(templateJson((await run("show", id, "--json")).out));
  });

  it("round trip of a template using every second-version field, then the authoring workbook makes a grid", async () => {
    const dir = tempDir();
    const json = writeText(dir, "riche.json", JSON.stringify(richTemplateJson()));
    const file = path.join(dir, "riche.xlsx");
    const w = await run("template-sheet", json, "-o", file);
    expect(w.code, w.err).toBe(0);
    const back = await run("show", file, "--json");
    expect(back.code, back.err).toBe(0);
    expect(templateJson(back.out)).toEqual(templateJson((await run("show", json, "--json")).out));
    const grid = path.join(dir, "grille.xlsx");
    const made = await run("new", file, "-o", grid);
    expect(made.code, made.err).toBe(0);
    expect(templateJson((await run("show", grid, "--json")).out)).toEqual(templateJson(back.out));
  });

  it("round trip from a generated workbook, in English, and the authoring workbook makes a grid", async () => {
    const dir = tempDir();
    const grid = path.join(dir, "grid.xlsx");
    expect((await run("new", "donner-le-cap", "-o", grid, "--lang", "en")).code).toBe(0);
    const file = path.join(dir, "authoring.xlsx");
    expect((await run("template-sheet", grid, "-o", file, "--lang", "en")).code).toBe(0);
    const wb = await loadXlsx(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Template", "Scales", "Themes", "Process", "Planned actions", "Help"]);
    expect(templateJson((await run("show", file, "--json")).out)).toEqual(templateJson((await run("show", "donner-le-cap", "--json")).out));
    const again = path.join(dir, "again.xlsx");
    const r = await run("new", file, "-o", again);
    expect(r.code, r.err).toBe(0);
  });

  it("writes the authoring tables with dropdowns and French/English explanations", async () => {
    const dir = tempDir();
    const file = path.join(dir, "vierge.xlsx");
    const r = await run("template-sheet", "--blank", "-o", file);
    expect(r.code, r.err).toBe(0);
    const wb = await loadXlsx(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Modèle", "Échelles", "Sous-thèmes", "Démarche", "Actions prévues", "Explications"]);
    for (const name of ["QG_TemplateScales", "QG_TemplateThemes", "QG_TemplateSteps", "QG_TemplateActions"]) expect(findTable(wb, name)).toBeDefined();
    const info = table(wb, "QG_TemplateInfo");
    expect(info.headers).toEqual(["key", "value"]);
    const items = table(wb, "QG_TemplateItems");
    expect(items.headers).toContain("criterionId");
    expect(items.headers).toContain("text[fr]");
    let naRow = 0;
    for (let row = info.top + 1; row <= info.bottom; row++) if (info.sheet.getCell(row, info.left).value === "notApplicable") naRow = row;
    expect(naRow).toBeGreaterThan(0);
    expect(info.sheet.getCell(naRow, info.left + 1).dataValidation).toMatchObject({ type: "list", formulae: ['"TRUE,FALSE"'] });
    const help = wb.getWorksheet("Explications");
    expect(help?.getCell("B1").value).toBe("Français");
    expect(help?.getCell("C1").value).toBe("English");
    expect(String(help?.getRow(2).getCell(1).value)).toBe("format");

    // Blank, it is not a template yet: show says what is missing.
    const shown = await run("show", file);
    expect(shown.code).toBe(2);
    expect(shown.err).toMatch(/id: est obligatoire/);
    // …naming the cell where the value goes.
    let idRow = 0;
    for (let row = info.top + 1; row <= info.bottom; row++) if (info.sheet.getCell(row, info.left).value === "id") idRow = row;
    expect(shown.err).toContain(`${file}: Modèle!B${idRow}: id: est obligatoire`);
  });

  it("score on an authoring workbook says what it is and how to make its grid", async () => {
    const dir = tempDir();
    const file = path.join(dir, "modele.xlsx");
    expect((await run("template-sheet", "engagement-qualite", "-o", file)).code).toBe(0);
    const r = await run("score", file, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain("is a template's authoring workbook (tables QG_TemplateInfo and QG_TemplateItems), not a self-assessment grid");
    expect(r.err).toContain(`qualigrid new ${file} -o grid.xlsx`);
    expect(r.err).not.toMatch(/deleted/);
  });

  it("a blank authoring workbook, filled in, becomes a template", async () => {
    const dir = tempDir();
    const file = path.join(dir, "vierge.xlsx");
    expect((await run("template-sheet", "--blank", "-o", file)).code).toBe(0);
    const wb = await loadXlsx(file);
    const info = table(wb, "QG_TemplateInfo");
    for (let row = info.top + 1; row <= info.bottom; row++) {
      const key = info.sheet.getCell(row, info.left).value;
      const set: Record<string, string> = { id: "maison", "title[fr]": "Référentiel maison", "source[fr]": "Écrit par l'équipe" };
      if (typeof key === "string" && key in set) info.sheet.getCell(row, info.left + 1).value = set[key] ?? null;
    }
    const items = table(wb, "QG_TemplateItems");
    const col = (h: string): number => items.left + items.headers.indexOf(h);
    const put = (row: number, values: Record<string, string | number>): void => {
      for (const [h, v] of Object.entries(values)) items.sheet.getCell(row, col(h)).value = v;
    };
    put(items.top + 1, { dimensionId: "GOUV", "dimensionTitle[fr]": "Gouvernance", criterionId: "G1", "text[fr]": "Une politique existe." });
    put(items.top + 2, { dimensionId: "GOUV", criterionId: "G2", "text[fr]": "Elle est revue.", weight: 2 });
    await wb.xlsx.writeFile(file);
    const r = await run("show", file, "--json");
    expect(r.code, r.err).toBe(0);
    const t = templateJson(r.out);
    expect(t.id).toBe("maison");
    expect(t.scale.levels).toHaveLength(4);
    expect(t.dimensions.map((d) => [d.id, d.criteria.map((c) => [c.id, c.weight])])).toEqual([
      [
        "GOUV",
        [
          ["G1", 1],
          ["G2", 2],
        ],
      ],
    ]);
  });

  it("refuses to overwrite and asks for a template or --blank", async () => {
    const dir = tempDir();
    const file = path.join(dir, "a.xlsx");
    expect((await run("template-sheet", "-o", file)).err).toMatch(/--blank/);
    expect((await run("template-sheet", "engagement-qualite", "-o", file)).code).toBe(0);
    const again = await run("template-sheet", "engagement-qualite", "-o", file);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/existe déjà/);
  });
});
