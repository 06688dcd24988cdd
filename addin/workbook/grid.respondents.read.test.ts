import { describe, expect, it } from "vitest";
import type { PlainTable, PlainValue } from "../model/table.plain.js";
import { respondentColumnsOf, respondentRecordsOf } from "./grid.respondents.read.js";

const tableOf = (name: string, headers: string[], rows: PlainValue[][] = []): PlainTable => ({ name, sheet: "Grille", top: 4, left: 1, headers, rows });
const named = (...names: string[]) => names.map((name) => ({ name, copyId: "", mergedOn: null, mergedFrom: "" }));
const NONE = { rating: undefined, comment: undefined, answer: undefined };

describe("respondentRecordsOf", () => {
  it("reads the names in order, blank rows skipped, with copy id, merge day (a date or a serial) and file", () => {
    const t = tableOf("QG_Respondents", ["Répondant", "Identifiant de copie", "Importé le", "Fichier importé"], [
      ["Direction", "c-1", 45473, "trois - Direction.xlsx"],
      ["", "", null, ""],
      [" CA ", null, new Date(Date.UTC(2024, 5, 30, 12)), null],
    ]);
    const day = new Date(Date.UTC(2024, 5, 30));
    expect(respondentRecordsOf(t)).toEqual([
      { name: "Direction", copyId: "c-1", mergedOn: day, mergedFrom: "trois - Direction.xlsx" },
      { name: "CA", copyId: "", mergedOn: day, mergedFrom: "" },
    ]);
  });

  it("gives null without the table, without its name column, or with no name in it", () => {
    expect(respondentRecordsOf(undefined)).toBeNull();
    expect(respondentRecordsOf(tableOf("QG_Respondents", ["Nom"], [["A"]]))).toBeNull();
    expect(respondentRecordsOf(tableOf("QG_Respondents", ["Respondent"], [[""]]))).toBeNull();
  });
});

describe("respondentColumnsOf", () => {
  const grid = tableOf("QG_Grid", ["Critère", "Cotation — A", "Commentaire — A", "Rating — B", "Comment — B", "Cotation", "Commentaire"]);

  it("finds each respondent's rating and comment by « Cotation — NAME » or \"Rating — NAME\", whatever the workbook's language", () => {
    expect(respondentColumnsOf(grid, named("A", "B"), NONE, "fr", "f.xlsx")).toEqual({
      ok: true,
      columns: [
        { rating: 1, comment: 2, answer: undefined },
        { rating: 3, comment: 4, answer: undefined },
      ],
    });
  });

  it("gives a lone respondent without a column of their own today's « Cotation » column", () => {
    expect(respondentColumnsOf(grid, named("Zoé"), { rating: 5, comment: 6, answer: undefined }, "fr", "f.xlsx")).toEqual({
      ok: true,
      columns: [{ rating: 5, comment: 6, answer: undefined }],
    });
  });

  it("refuses a respondent among several without a rating column, naming table, header and sheet", () => {
    const r = respondentColumnsOf(grid, named("A", "Zoé"), { rating: 5, comment: 6, answer: undefined }, "fr", "f.xlsx");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path, i.params])).toEqual([
      ["workbook.respondentColumnMissing", "f.xlsx: Grille!A4", { table: "QG_Grid", column: "Cotation — Zoé", name: "Zoé", sheet: "Grille" }],
    ]);
  });
});
