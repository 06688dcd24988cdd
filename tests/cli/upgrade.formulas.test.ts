import type ExcelJS from "exceljs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { answeredWorkbook, column, demoTemplate, dim, editWorkbook, gridRowOf, loadXlsx, parseJson, run, SHEETS, table, tempDir, writeJson, type TableAt } from "./cli.helpers.js";

interface SummaryJson {
  formulasMoved: string[];
  formulasAsValues: { cell: string; formula: string }[];
  notesSheet: string | null;
}

/** The demo template at 1.3.0: C0 inserted first (every row below moves one down), C9 removed. */
function nextVersion(): ReturnType<typeof demoTemplate> {
  const t = demoTemplate();
  t.version = "1.3.0";
  const d1 = dim(t, 0);
  d1.criteria.unshift({ id: "C0", text: { fr: "Nouveau C0", en: "New C0" } });
  const d3 = dim(t, 2);
  d3.criteria = d3.criteria.filter((c) => c.id !== "C9");
  return t;
}

/** The column letter of a table column. */
function letter(t: TableAt, header: string): string {
  return t.sheet.getColumn(column(t, header)).letter;
}

/**
 * An English demo workbook whose comment cells hold formulas: C3's names its own row, C5's the rating
 * of C4, C6's a sum over C8…C10 (C9 goes away), C7's a cell of the dashboard. Returns the file and
 * where things were.
 */
async function withFormulas(dir: string): Promise<{ file: string; sumFormula: string; dashFormula: string }> {
  const file = await answeredWorkbook(dir, "en");
  let sumFormula = "";
  let dashFormula = "";
  await editWorkbook(file, (wb) => {
    const g = table(wb, "QG_Grid");
    const row = (id: string): number => gridRowOf(g, "Criterion", id);
    const comment = (id: string): ExcelJS.Cell => g.sheet.getCell(row(id), column(g, "Comment"));
    const crit = letter(g, "Criterion");
    const rating = letter(g, "Rating");
    comment("C3").value = { formula: `${crit}${row("C3")}&" seen"`, result: "C3 seen" } as ExcelJS.CellFormulaValue;
    comment("C5").value = { formula: `${rating}${row("C4")}*2`, result: 8 } as ExcelJS.CellFormulaValue;
    sumFormula = `SUM(${rating}${row("C8")}:${rating}${row("C10")})`;
    comment("C6").value = { formula: sumFormula, result: 10 } as ExcelJS.CellFormulaValue;
    dashFormula = `'${SHEETS.en.dashboard}'!B5`;
    comment("C7").value = { formula: dashFormula, result: 61.5 } as ExcelJS.CellFormulaValue;
  });
  return { file, sumFormula, dashFormula };
}

describe("qualigrid upgrade, formulas typed in input cells", () => {
  it("moves a formula with its row and re-points it; keeps one it cannot re-point as its value, listed on the notes sheet", async () => {
    const dir = tempDir();
    const { file, sumFormula, dashFormula } = await withFormulas(dir);
    const out = path.join(dir, "v13.xlsx");
    const r = await run("upgrade", file, "--template", writeJson(dir, "v13.json", nextVersion()), "-o", out, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const s = parseJson<SummaryJson>(r.out);

    const wb = await loadXlsx(out);
    const g = table(wb, "QG_Grid");
    const row = (id: string): number => gridRowOf(g, "Criterion", id);
    const comment = (id: string): ExcelJS.Cell => g.sheet.getCell(row(id), column(g, "Comment"));
    const crit = letter(g, "Criterion");
    const rating = letter(g, "Rating");
    // Each formula names the same cells as before, at their new rows.
    expect(comment("C3").formula).toBe(`${crit}${row("C3")}&" seen"`);
    expect(comment("C5").formula).toBe(`${rating}${row("C4")}*2`);
    expect(s.formulasMoved).toEqual([`${SHEETS.en.grid}!${comment("C3").address}`, `${SHEETS.en.grid}!${comment("C5").address}`]);

    // The sum lost C9's row and the dashboard is made anew: their last values stay, the formulas are listed.
    expect(comment("C6").value).toBe(10);
    expect(comment("C7").value).toBe(61.5);
    expect(s.formulasAsValues).toEqual([
      { cell: `${SHEETS.en.grid}!${comment("C6").address}`, formula: `=${sumFormula}` },
      { cell: `${SHEETS.en.grid}!${comment("C7").address}`, formula: `=${dashFormula}` },
    ]);
    expect(s.notesSheet).toBe("Notes (upgrade)");
    const notes = wb.getWorksheet("Notes (upgrade)") as ExcelJS.Worksheet;
    expect(String(notes.getCell(1, 1).value)).toMatch(/^Formulas typed in the input cells of demo-cli 1\.2\.0 that the upgrade to 1\.3\.0 could not move/);
    const listed: ExcelJS.CellValue[][] = [];
    notes.eachRow((rw) => void listed.push([1, 2, 3, 4].map((c) => rw.getCell(c).value)));
    expect(listed).toContainEqual([SHEETS.en.grid, comment("C6").address, 10, `=${sumFormula}`]);
    expect(listed).toContainEqual([SHEETS.en.grid, comment("C7").address, 61.5, `=${dashFormula}`]);

    // A second upgrade finds that notes sheet and appends to it.
    const again = nextVersion();
    again.version = "1.4.0";
    const r2 = await run("upgrade", out, "--template", writeJson(dir, "v14.json", again), "-o", path.join(dir, "v14.xlsx"), "--json");
    expect(r2.code).toBe(0);
    expect((await loadXlsx(path.join(dir, "v14.xlsx"))).worksheets.map((w) => w.name)).not.toContain("Notes (upgrade) 2");
  });

  it("says so on the command line, in English and in French", async () => {
    const dir = tempDir();
    const { file, sumFormula } = await withFormulas(dir);
    const template = writeJson(dir, "v13.json", nextVersion());
    const en = await run("upgrade", file, "--template", template, "-o", path.join(dir, "en.xlsx"));
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/ {2}formulas moved with their row: 2 \(Assessment!\w+\d+, Assessment!\w+\d+\)/);
    expect(en.out).toContain("  formulas kept as values (references that could not be carried; to type again): 2 → sheet Notes (upgrade)");
    expect(en.out).toMatch(new RegExp(` {4}Assessment!\\w+\\d+: =${sumFormula.replace(/[()]/g, "\\$&")}`));

    const fr = await run("upgrade", file, "--template", template, "-o", path.join(dir, "fr.xlsx"), "--lang", "fr");
    expect(fr.code).toBe(0);
    expect(fr.out).toMatch(/ {2}formules déplacées avec leur ligne\u00a0: 2 \(Assessment!/);
    expect(fr.out).toContain("  formules gardées comme valeurs (références impossibles à reporter; à retaper)\u00a0: 2 → feuille Notes (upgrade)");
    expect(fr.out).toMatch(/ {4}Assessment!\w+\d+\u00a0: =SUM\(/);
  });
});
