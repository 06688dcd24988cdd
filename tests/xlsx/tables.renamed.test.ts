import { describe, expect, it } from "vitest";
import type { PlainValue } from "../../addin/model/table.plain.js";
import { findRenamedTables, readAssessment } from "../../addin/workbook/workbook.read.js";
import { HEADERS } from "../../addin/plan/labels.js";
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
});
