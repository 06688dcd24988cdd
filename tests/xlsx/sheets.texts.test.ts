import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { sheetText } from "../../addin/model/messages/messages.sheets.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { HEADERS } from "../../addin/plan/labels.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { renderAuthoringWorkbook } from "../../addin/xlsx/xlsx.authoring.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { plainTables } from "../../addin/xlsx/xlsx.tables.js";
import { archivedCriteria, upgradeWorkbook } from "../../addin/xlsx/xlsx.upgrade.js";

const TEMPLATE = builtinTemplates()[0] as Template;
const FIRST = TEMPLATE.dimensions[0]?.criteria[0]?.id ?? "";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** A workbook in `lang` upgraded to a version without the first criterion, a value typed over its gap. */
async function upgraded(lang: Lang): Promise<ExcelJS.Workbook> {
  const old = await renderPlanToWorkbook(buildPlan(TEMPLATE, { lang }));
  const grid = plainTables(old).get("qg_grid");
  if (!grid) throw new Error("no grid");
  const gapCol = grid.left + grid.headers.indexOf(HEADERS.grid.gap[lang]);
  (old.getWorksheet(grid.sheet) as ExcelJS.Worksheet).getCell(grid.top + 2, gapCol).value = 5;
  const read = readQualigridWorkbook(old, "old.xlsx");
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const next = structuredClone(TEMPLATE);
  next.version = "99.0.0";
  next.dimensions[0]?.criteria.shift();
  const done = await upgradeWorkbook(old, read.value, next);
  if (!done.ok) throw new Error(JSON.stringify(done.issues));
  return done.value.workbook;
}

describe("the texts Qualigrid writes into its own sheets", () => {
  it("keeps the archive and notes sheets' lead lines word for word: earlier upgrades are recognised by them", () => {
    expect(sheetText("sheets.archive.lead", "fr")).toBe("Critères retirés par la mise à jour de");
    expect(sheetText("sheets.archive.lead", "en")).toBe("Criteria removed by the upgrade of");
    expect(sheetText("sheets.notes.lead", "fr")).toBe("Valeurs saisies hors des tableaux Qualigrid ou à la place de leurs formules, dans");
    expect(sheetText("sheets.notes.lead", "en")).toBe("Values typed outside the Qualigrid tables or over their formulas, in");
    for (const lang of ["fr", "en"] as const) {
      const p = { template: "t", from: "1.0.0", to: "2.0.0" };
      expect(sheetText("sheets.archive.title", lang, p).startsWith(sheetText("sheets.archive.lead", lang))).toBe(true);
      expect(sheetText("sheets.notes.title", lang, p).startsWith(sheetText("sheets.notes.lead", lang))).toBe(true);
    }
  });

  it.each([
    ["fr", "Critères retirés par la mise à jour de demo 1.0.0 vers 1.3.0, avec toutes leurs réponses.", "Critère"],
    ["en", "Criteria removed by the upgrade of demo 1.0.0 to 1.3.0, with all their answers.", "Criterion"],
  ])("recognises an archive sheet an earlier version wrote in %s", (_lang, lead, header) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Archive");
    ws.getCell("A1").value = lead;
    ws.getCell("A3").value = "Dimension";
    ws.getCell("B3").value = header;
    ws.getCell("B4").value = "C3";
    expect(archivedCriteria(wb)).toEqual(new Map([["c3", "Archive"]]));
  });

  it("writes the archive and notes sheets of a French workbook in French", async () => {
    const wb = await upgraded("fr");
    const archive = wb.getWorksheet("Archive");
    expect(archive?.getCell("A1").value).toBe(`Critères retirés par la mise à jour de ${TEMPLATE.id} ${TEMPLATE.version} vers 99.0.0, avec toutes leurs réponses.`);
    expect(archivedCriteria(wb).get(FIRST.toLowerCase())).toBe("Archive");
    const notes = wb.getWorksheet("Notes (mise à jour)");
    expect(notes?.getCell("A1").value).toBe(
      `Valeurs saisies hors des tableaux Qualigrid ou à la place de leurs formules, dans ${TEMPLATE.id} ${TEMPLATE.version}, que la mise à jour vers 99.0.0 ne pouvait pas laisser à leur place.`,
    );
    expect([1, 2, 3, 4].map((c) => notes?.getCell(3, c).value)).toEqual(["Feuille", "Cellule", "Valeur", "Formule"]);
  });

  it("writes them in English for an English workbook", async () => {
    const wb = await upgraded("en");
    expect(String(wb.getWorksheet("Archive")?.getCell("A1").value)).toMatch(/^Criteria removed by the upgrade of .* to 99\.0\.0, with all their answers\.$/);
    const notes = wb.getWorksheet("Notes (upgrade)");
    expect([1, 2, 3, 4].map((c) => notes?.getCell(3, c).value)).toEqual(["Sheet", "Cell", "Value", "Formula"]);
  });

  it("writes the authoring workbook's guidance in its language, and the explanations in both", async () => {
    const fr = await load(await renderAuthoringWorkbook(undefined, "fr"));
    expect(fr.worksheets.map((s) => s.name)).toEqual(["Modèle", "Échelles", "Sous-thèmes", "Démarche", "Actions prévues", "Explications"]);
    const sheet = fr.getWorksheet("Modèle");
    expect(sheet?.getCell("A1").value).toBe("Nouveau modèle");
    expect(sheet?.getCell("A2").value).toBe(
      "Remplissez les deux tableaux, et au besoin ceux des feuilles suivantes (voir la feuille «\u00a0Explications\u00a0»), puis\u00a0: qualigrid new ce-fichier.xlsx -o grille.xlsx",
    );
    expect(fr.getWorksheet("Démarche")?.getCell("A2").value).toMatch(/^Les étapes de la démarche/);
    const help = fr.getWorksheet("Explications");
    expect([1, 2, 3].map((c) => help?.getCell(1, c).value)).toEqual(["Clé ou colonne", "Français", "English"]);
    expect([1, 2, 3].map((c) => help?.getCell(2, c).value)).toEqual(["format", "Version du format de cette feuille (ne pas modifier).", "Version of this sheet's format (do not change)."]);
    expect(help?.rowCount).toBe(31);

    const en = await load(await renderAuthoringWorkbook(undefined, "en"));
    expect(en.worksheets.map((s) => s.name)).toEqual(["Template", "Scales", "Themes", "Process", "Planned actions", "Help"]);
    expect(en.getWorksheet("Template")?.getCell("A1").value).toBe("New template");
    expect(en.getWorksheet("Template")?.getCell("A2").value).toBe('Fill in both tables, and those of the next sheets if need be (see the "Help" sheet), then: qualigrid new this-file.xlsx -o grid.xlsx');
    expect(en.getWorksheet("Help")?.getCell("A1").value).toBe("Key or column");
  });
});
