/**
 * What the command line writes still computes in a real spreadsheet engine: a workbook made by
 * `new`, filled by `fill` (read and written again by exceljs), recalculated by LibreOffice, shows
 * on its dashboard what `score --json` prints; the action plan's overdue flag and look-ups work;
 * text that looks like a formula stays text.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../addin/cli/main.js";
import { expectDashboardShows } from "../support/dashboard.js";
import { computedValue, findSoffice, LIBREOFFICE_INSTALL_HINT, recalculateXlsx } from "../support/libreoffice.js";

const soffice = findSoffice();
if (!soffice) console.warn(`LibreOffice not found: the filled workbook was NOT recalculated. Install it with: ${LIBREOFFICE_INSTALL_HINT}`);

const dir = mkdtempSync(path.join(tmpdir(), "qg-roundtrip-"));
const io = { out: (t: string) => void (lines.out += `${t}\n`), err: (t: string) => void (lines.err += `${t}\n`) };
const lines = { out: "", err: "" };
let recalculated: ExcelJS.Workbook;
let scored: { overall: { score: number | null; completion: number }; dimensions: { id: string; score: number | null; gap: number | null; completion: number }[] };

describe.skipIf(!soffice)("a workbook made and filled by the command line, recalculated by LibreOffice", () => {
  beforeAll(async () => {
    const file = path.join(dir, "eq.xlsx");
    expect(await main(["new", "engagement-qualite", "-o", file], io)).toBe(0);
    // Written by hand: values, French labels, N/A spellings, blanks, formula-looking comments.
    const csv = [
      "criterion,rating,comment",
      'GOUV-01,4,"Conseil d\'administration, code d\'éthique adopté"',
      "GOUV-02,Largement atteint,",
      "GOUV-03,2,=HYPERLINK(\"http://example.invalid\";\"x\")",
      "GOUV-04,sans objet,@SUM(A1)",
      "GOUV-05,1,+33 1 23",
      "GOUV-06,,-not a formula",
      "RESS-01,n/a,",
      "RESS-02,Atteint,",
    ].join("\n");
    writeFileSync(path.join(dir, "answers.csv"), csv);
    expect(await main(["fill", file, "--answers", path.join(dir, "answers.csv")], io)).toBe(0);

    // Three actions below the one Engagement Qualité 2.0.0 pre-fills (row 5): one overdue, one done
    // in the past (not overdue), one due later; an evidence item accepted.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const actions = wb.getWorksheet("Plan d'action") as ExcelJS.Worksheet;
    expect(actions.getCell("B5").value).toBe("BPQ-05");
    const [due, status] = [columnOf(actions, "Échéance"), columnOf(actions, "Statut")];
    actions.getCell("A6").value = "A-1";
    actions.getCell("B6").value = "GOUV-03";
    actions.getCell(6, due).value = new Date(Date.UTC(2020, 0, 15));
    actions.getCell(6, status).value = "En cours";
    actions.getCell("A7").value = "A-2";
    actions.getCell("B7").value = "GOUV-05";
    actions.getCell(7, due).value = new Date(Date.UTC(2020, 0, 15));
    actions.getCell(7, status).value = "Réalisée";
    actions.getCell("A8").value = "A-3";
    actions.getCell("B8").value = "RESS-02";
    actions.getCell(8, due).value = new Date(Date.UTC(2099, 0, 15));
    const evidence = wb.getWorksheet("Preuves") as ExcelJS.Worksheet;
    evidence.getCell("B5").value = "GOUV-01; GOUV-02";
    evidence.getCell("H5").value = "Acceptée";
    await wb.xlsx.writeFile(file);

    lines.out = "";
    expect(await main(["score", file, "--json"], io)).toBe(0);
    scored = JSON.parse(lines.out);
    const out = await recalculateXlsx(file, path.join(dir, "out"));
    recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(out);
  });

  it("shows on the dashboard the scores `score --json` prints", () => {
    const gouv = scored.dimensions.find((d) => d.id === "GOUV");
    expect(gouv?.score).not.toBeNull();
    expectDashboardShows(recalculated, scored);
  });

  it("flags overdue actions and looks up their dimension and gap", () => {
    const ws = recalculated.getWorksheet("Plan d'action") as ExcelJS.Worksheet;
    const overdue = columnOf(ws, "En retard");
    expect(computedValue(ws.getCell("C6"))).toBe("GOUV");
    expect(computedValue(ws.getCell("D6"))).toBe(1); // target level 3 − rating 2
    expect(computedValue(ws.getCell(6, overdue))).toBe("En retard");
    expect(computedValue(ws.getCell(7, overdue))).toBe(""); // done
    expect(computedValue(ws.getCell(8, overdue))).toBe(""); // due in 2099
    expect(computedValue(ws.getCell(9, overdue))).toBe(""); // empty row
  });

  it("keeps comments that look like formulas as text", () => {
    const ws = recalculated.getWorksheet("Grille") as ExcelJS.Worksheet;
    const comments = [7, 8, 9, 10].map((r) => ws.getCell(r, columnOf(ws, "Commentaire")));
    expect(comments.map((c) => c.type)).toEqual(Array(4).fill(ExcelJS.ValueType.String));
    expect(comments.map((c) => c.value)).toEqual(['=HYPERLINK("http://example.invalid";"x")', "@SUM(A1)", "+33 1 23", "-not a formula"]);
  });

  it("counts the accepted evidence for both criteria it names", () => {
    const ws = recalculated.getWorksheet("Grille") as ExcelJS.Worksheet;
    expect(computedValue(ws.getCell(5, columnOf(ws, "Preuves")))).toBe(1);
    expect(computedValue(ws.getCell(6, columnOf(ws, "Preuves acceptées")))).toBe(1);
    expect(computedValue(ws.getCell(7, columnOf(ws, "Preuves")))).toBe(0);
  });
});

/** The column number of a header of a Qualigrid table (row 4: the grid, the action plan). */
function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(4, c).value === header) return c;
  throw new Error(`no column ${header}`);
}
