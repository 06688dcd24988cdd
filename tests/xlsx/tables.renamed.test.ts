import { describe, expect, it } from "vitest";
import { issueText } from "../../addin/model/messages/message.catalog.js";
import type { PlainValue } from "../../addin/model/table.plain.js";
import { findRenamedTables, readAssessment } from "../../addin/workbook/workbook.read.js";
import { HEADERS } from "../../addin/plan/labels.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { plainTables } from "../../addin/xlsx/xlsx.tables.js";
import type { PlainTable } from "../../addin/model/table.plain.js";

/** A plain table with the given headers (no rows unless given). */
function plain(name: string, sheet: string, headers: string[], rows: PlainValue[][] = [], top = 4, left = 1): PlainTable {
  return { name, sheet, top, left, headers, rows };
}

const gridHeaders = (lang: "fr" | "en"): string[] => Object.values(HEADERS.grid).map((h) => h[lang]);
const byName = (...tables: PlainTable[]): Map<string, PlainTable> => new Map(tables.map((t) => [t.name.toLowerCase(), t]));

describe("findRenamedTables", () => {
  it.each(["fr", "en"] as const)("finds a renamed grid by its %s headers, under QG_Grid", (lang) => {
    const t = plain("Grille2026", "Grille", gridHeaders(lang));
    const { tables, renamed } = findRenamedTables(byName(t));
    expect(tables.get("qg_grid")).toBe(t);
    expect(renamed).toEqual([{ table: "QG_Grid", name: "Grille2026", sheet: "Grille", top: 4, left: 1 }]);
  });

  it("leaves tables alone when the Qualigrid name is there", () => {
    const grid = plain("QG_Grid", "Grille", gridHeaders("fr"));
    const copy = plain("Copie", "Autre", gridHeaders("fr"));
    const { tables, renamed } = findRenamedTables(byName(grid, copy));
    expect(renamed).toEqual([]);
    expect(tables.get("qg_grid")).toBe(grid);
  });

  it("prefers the table on the grid's sheet, and takes a table for one Qualigrid table only", () => {
    const elsewhere = plain("Copie", "Brouillon", gridHeaders("fr"));
    const onSheet = plain("MaGrille", "Grille", gridHeaders("fr"));
    const { renamed } = findRenamedTables(byName(elsewhere, onSheet));
    expect(renamed.map((r) => r.name)).toEqual(["MaGrille"]);
  });

  it("does not take a user's table that only shares a few headers", () => {
    const mine = plain("Suivi", "Grille", ["Critère", "Cotation", "Commentaire"]);
    expect(findRenamedTables(byName(mine)).renamed).toEqual([]);
    const kv = plain("Réglages", "Modèle", ["key", "value"], [["couleur", "bleu"]]);
    expect(findRenamedTables(byName(kv)).renamed).toEqual([]);
  });

  it("a deleted grid is refused, naming QG_Grid and saying it was deleted", () => {
    const info = plain("QG_TemplateInfo", "Modèle", ["key", "value"], [["id", "x"]]);
    const r = readAssessment(byName(info), new Map(), "x.xlsx");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.message).toMatch(/QG_TemplateItems, QG_Grid are missing.*deleted/);
  });

  it("says it in French too: a table deleted, a workbook that is not one of ours", () => {
    const info = plain("QG_TemplateInfo", "Modèle", ["key", "value"], [["id", "x"]]);
    const deleted = readAssessment(byName(info), new Map(), "x.xlsx");
    expect(!deleted.ok && deleted.issues.map((i) => [i.path, issueText(i, "fr")])).toEqual([
      [
        "x.xlsx",
        "les tableaux Qualigrid QG_TemplateItems, QG_Grid sont introuvables, ni par leur nom ni par leurs en-têtes (supprimés ?) : restaurez-les depuis une copie du classeur, ou créez un nouveau classeur avec `qualigrid new <modèle> -o fichier.xlsx`",
      ],
    ]);
    const other = readAssessment(byName(plain("Budget", "Feuil1", ["Poste", "Montant"])), new Map(), "budget.xlsx");
    expect(!other.ok && issueText(other.issues[0]!, "fr")).toBe(
      "n'est pas un classeur Qualigrid : les tableaux QG_TemplateInfo, QG_TemplateItems, QG_Grid manquent (créez-en un avec `qualigrid new <modèle> -o fichier.xlsx`)",
    );
    expect(!other.ok && other.issues[0]?.message).toBe(
      "not a Qualigrid workbook: the tables QG_TemplateInfo, QG_TemplateItems, QG_Grid are missing (create one with `qualigrid new <template> -o file.xlsx`)",
    );
  });

  it("names a column the engine needs and the workbook lost, in English and in French", async () => {
    const template = builtinTemplates()[0]!;
    const tables = plainTables(await renderPlanToWorkbook(buildPlan(template, { lang: "fr" })));
    const rename = (name: string, from: string, to: string): void => {
      const t = tables.get(name.toLowerCase())!;
      t.headers = t.headers.map((h) => (h === from ? to : h));
    };
    rename("QG_Grid", HEADERS.grid.rating.fr, "Note");
    rename("QG_Evidence", HEADERS.evidence.status.fr, "État");
    rename("QG_TemplateItems", "dimensionDescription[en]", "notes");
    const r = readAssessment(tables, new Map(), "g.xlsx");
    if (r.ok) throw new Error("read");
    expect(r.issues.map((i) => i.message)).toEqual(["QG_TemplateItems lacks the column dimensionDescription[en]", "QG_Grid has no column « Cotation »"]);
    expect(r.issues.map((i) => issueText(i, "fr"))).toEqual([
      "il manque au tableau QG_TemplateItems la colonne dimensionDescription[en]",
      "le tableau QG_Grid n'a pas de colonne « Cotation »",
    ]);
    rename("QG_TemplateItems", "notes", "dimensionDescription[en]");
    rename("QG_Grid", "Note", HEADERS.grid.rating.fr);
    const evidence = readAssessment(tables, new Map(), "g.xlsx");
    if (evidence.ok) throw new Error("read");
    expect(evidence.issues.map((i) => [i.path, issueText(i, "fr")])).toEqual([
      [expect.stringMatching(/^g\.xlsx: Preuves!A\d+$/), "le tableau QG_Evidence doit avoir ses colonnes « Critères » et « Statut »"],
    ]);
  });
});
