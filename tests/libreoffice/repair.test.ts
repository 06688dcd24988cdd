/**
 * A workbook whose formulas a user broke (typed over, cleared, changed), repaired by
 * `check --repair`, recalculated by LibreOffice, shows on its dashboard what `score --json` prints.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../addin/cli/main.js";
import { expectDashboardShows } from "../support/dashboard.js";
import { findSoffice, LIBREOFFICE_INSTALL_HINT, recalculateXlsx } from "../support/libreoffice.js";

const soffice = findSoffice();
if (!soffice) console.warn(`LibreOffice not found: the repaired workbook was NOT recalculated. Install it with: ${LIBREOFFICE_INSTALL_HINT}`);

const dir = mkdtempSync(path.join(tmpdir(), "qg-repair-"));
const lines = { out: "", err: "" };
const io = { out: (t: string) => void (lines.out += `${t}\n`), err: (t: string) => void (lines.err += `${t}\n`) };
let recalculated: ExcelJS.Workbook;
let scored: { overall: { score: number | null; completion: number }; dimensions: { id: string; score: number | null; completion: number }[] };

describe.skipIf(!soffice)("a workbook with broken formulas, repaired by check --repair, recalculated by LibreOffice", () => {
  beforeAll(async () => {
    const file = path.join(dir, "eq.xlsx");
    expect(await main(["new", "engagement-qualite", "-o", file], io)).toBe(0);
    const csv = ["criterion,rating,comment", "GOUV-01,4,", "GOUV-02,2,", "GOUV-03,1,", "GOUV-04,sans objet,", "RESS-01,3,", "RESS-02,2,"].join("\n");
    writeFileSync(path.join(dir, "answers.csv"), csv);
    expect(await main(["fill", file, "--answers", path.join(dir, "answers.csv")], io)).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const grid = wb.getWorksheet("Grille") as ExcelJS.Worksheet;
    const points = columnOf(grid, 4, "Points");
    const scoredCol = columnOf(grid, 4, "Évalué");
    grid.getCell(5, points).value = 0; // typed over
    grid.getCell(6, scoredCol).value = null; // cleared
    const dash = wb.getWorksheet("Tableau de bord") as ExcelJS.Worksheet;
    // The first dimension's score, in the row below the scores table's header, found rather than assumed.
    const score = dash.getCell(columnRowOf(dash, "Dimension") + 1, 4);
    score.value = { formula: (score.value as { formula: string }).formula.replace("100*", "90*") } as ExcelJS.CellFormulaValue;
    dash.getCell("B5").value = 12;
    await wb.xlsx.writeFile(file);

    const repaired = path.join(dir, "repaired.xlsx");
    lines.out = "";
    expect(await main(["check", file, "--repair", "-o", repaired, "--json"], io)).toBeLessThanOrEqual(1);
    const json = JSON.parse(lines.out) as { repaired: unknown[]; findings: { code: string }[] };
    expect(json.repaired).toHaveLength(4);
    expect(json.findings.filter((f) => f.code.startsWith("formula") || f.code.startsWith("table"))).toEqual([]);

    lines.out = "";
    expect(await main(["score", repaired, "--json"], io)).toBe(0);
    scored = JSON.parse(lines.out);
    const out = await recalculateXlsx(repaired, path.join(dir, "out"));
    recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(out);
  });

  it("shows on the dashboard the scores `score --json` prints", () => {
    expect(scored.dimensions.find((d) => d.id === "GOUV")?.score).not.toBeNull();
    expectDashboardShows(recalculated, scored);
  });
});

/** The row of the first cell of column A holding `text`. */
function columnRowOf(ws: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === text) return r;
  throw new Error(`no row ${text}`);
}

/** The column number of a header in a header row. */
function columnOf(ws: ExcelJS.Worksheet, headerRow: number, header: string): number {
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(headerRow, c).value === header) return c;
  throw new Error(`no column ${header}`);
}
