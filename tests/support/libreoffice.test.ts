/**
 * Proves the LibreOffice recalculation harness (tests/support/libreoffice.ts) and records which
 * formula forms LibreOffice computes from an exceljs-written .xlsx that carries NO cached results.
 *
 * Checked with LibreOffice 7.4.7.2 (Debian 12 `libreoffice-calc`), files written by exceljs 4.4.0.
 *
 * COMPUTED CORRECTLY (asserted below):
 *   - a stale cached result is replaced (the profile's OOXMLRecalcMode = 0 works)
 *   - SUMIFS / COUNTIFS on plain ranges
 *   - IFERROR(INDEX(range,MATCH(x,range,0)),"") — found, and "" when not found
 *   - SUMPRODUCT(--ISNUMBER(SEARCH(","&"C1"&",",","&SUBSTITUTE(SUBSTITUTE(A2:A5," ",""),";",",")&",")))
 *     (array evaluation inside SUMPRODUCT without array entry; "C1" does not match "C10")
 *   - LOOKUP(x,sortedRange,resultRange), LOOKUP(x,{array},{array}), LOOKUP(2,1/(range="D1"),range)
 *   - Table[Col] from another sheet: SUMIFS(QG_T[Points],QG_T[Dim],"D1"), SUM(QG_T[Double])
 *   - Table[Col] with accented / spaced headers: SUM(QG_T[Écart]), SUMIFS(QG_T[Niveau cible],…)
 *   - QG_T[[#This Row],[Points]]*2 and QG_T[[#This Row],[Niveau cible]]-QG_T[[#This Row],[Points]]
 *     inside the table
 *   - defined names: MATCH("Moyen",QG_Levels,0), INDEX(QG_Levels,3), COUNTA(QG_Levels)
 *   - sheet name with an apostrophe: 'Plan d''action'!A1+1, and text concatenation across sheets
 * None of the requested forms fails. Further forms probed by hand (not asserted here), same LibreOffice:
 *   works:  QG_T[[#Headers],[Points]], QG_T[[#Totals],[Points]], SUBTOTAL(109,QG_T[Points]),
 *           QG_T[[#This Row],[Points]:[Poids]], tables on a sheet named with an apostrophe,
 *           COUNTIFS(col,"<>"), AVERAGEIFS, SUMPRODUCT(col,col), SUMPRODUCT((col="D1")*col),
 *           MATCH case-insensitive on accented text, COUNTIF wildcards, ROUND, TEXT(x,"0%"),
 *           _xlfn.IFS / _xlfn.MAXIFS / _xlfn.TEXTJOIN / _xlfn.CONCAT / _xlfn.SWITCH / _xlfn.IFNA
 *   FAILS:  QG_T[@Points] -> #NAME?; [@Points] -> #N/A; QG_T[#Data] -> #NAME?;
 *           IFS without the _xlfn. prefix -> #NAME?; _xlfn.XLOOKUP -> #NAME?;
 *           a bare table name is the WHOLE table in LibreOffice (ROWS(QG_T) counted header and
 *           totals rows: 4 for 2 data rows) whereas Excel means the data body: never use it.
 *
 * Reading results: use computedValue(cell) from ./libreoffice.js, not cell.value.result — exceljs
 * drops falsy results (0, FALSE) from cell.value and reads LibreOffice's "" result as no result.
 */
import ExcelJS from "exceljs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  computedValue,
  findSoffice,
  LIBREOFFICE_INSTALL_HINT,
  recalculateMany,
  recalculateXlsx,
  type ComputedValue,
} from "./libreoffice.js";

const soffice = findSoffice();
if (!soffice) {
  console.warn(
    "\n[qualigrid] LibreOffice (soffice) not found: SKIPPING the LibreOffice recalculation tests " +
      "(tests/support/libreoffice.test.ts). NOT proved: that the harness recalculates .xlsx files and " +
      "which formula forms (SUMIFS, INDEX/MATCH, SUMPRODUCT/SEARCH, LOOKUP, structured and defined-name " +
      `references) LibreOffice computes. Install it with: ${LIBREOFFICE_INSTALL_HINT}\n`,
  );
}

/** The computed value of a cell of a recalculated workbook. */
const computed = (ws: ExcelJS.Worksheet, address: string): ComputedValue => computedValue(ws.getCell(address));

const f = (formula: string): ExcelJS.CellFormulaValue => ({ formula, date1904: false });

/** The main probe workbook: one formula per form the lead wants to know about. */
function buildProbeWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();

  // Plain ranges for SUMIFS / INDEX-MATCH / SEARCH / LOOKUP.
  const data = wb.addWorksheet("Data");
  data.addRows([
    ["Evidence criteria", "Dim", "Crit", "Points", "Threshold", "Label"],
    ["C1; C2", "D1", "C1", 2, 0, "Faible"],
    ["C3", "D1", "C2", 4, 50, "Moyen"],
    ["C1,C4", "D2", "C3", 1, 75, "Élevé"],
    ["C10", "D2", "C4", 3, null, null],
  ]);

  const lists = wb.addWorksheet("Lists");
  lists.getCell("A1").value = "Faible";
  lists.getCell("A2").value = "Moyen";
  lists.getCell("A3").value = "Élevé";
  wb.definedNames.add("Lists!$A$1:$A$3", "QG_Levels");

  const plan = wb.addWorksheet("Plan d'action");
  plan.getCell("A1").value = 42;
  plan.getCell("A2").value = "Pilote";

  // A table with accented / spaced headers and this-row formulas inside it.
  const grid = wb.addWorksheet("Grille");
  grid.addTable({
    name: "QG_T",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: [
      { name: "Dim" },
      { name: "Crit" },
      { name: "Points" },
      { name: "Niveau cible" },
      { name: "Écart" },
      { name: "Double" },
    ],
    rows: [
      ["D1", "C1", 2, 3, f("QG_T[[#This Row],[Niveau cible]]-QG_T[[#This Row],[Points]]"), f("QG_T[[#This Row],[Points]]*2")],
      ["D1", "C2", 4, 4, f("QG_T[[#This Row],[Niveau cible]]-QG_T[[#This Row],[Points]]"), f("QG_T[[#This Row],[Points]]*2")],
      ["D2", "C3", 1, 4, f("QG_T[[#This Row],[Niveau cible]]-QG_T[[#This Row],[Points]]"), f("QG_T[[#This Row],[Points]]*2")],
    ],
  });

  const calc = wb.addWorksheet("Calc");
  const probes: [string, string][] = [
    ["A1", "SUMIFS(Data!D2:D5,Data!B2:B5,\"D1\")"],
    ["A2", "COUNTIFS(Data!B2:B5,\"D2\",Data!D2:D5,\">1\")"],
    ["A3", "IFERROR(INDEX(Data!D2:D5,MATCH(\"C3\",Data!C2:C5,0)),\"\")"],
    ["A4", "IFERROR(INDEX(Data!D2:D5,MATCH(\"C99\",Data!C2:C5,0)),\"\")"],
    [
      "A5",
      "SUMPRODUCT(--ISNUMBER(SEARCH(\",\"&\"C1\"&\",\",\",\"&SUBSTITUTE(SUBSTITUTE(Data!A2:A5,\" \",\"\"),\";\",\",\")&\",\")))",
    ],
    ["A6", "LOOKUP(60,Data!E2:E4,Data!F2:F4)"],
    ["A7", "LOOKUP(80,{0,50,75},{\"Faible\",\"Moyen\",\"Élevé\"})"],
    ["A8", "LOOKUP(2,1/(Data!B2:B5=\"D1\"),Data!C2:C5)"],
    ["A9", "SUMIFS(QG_T[Points],QG_T[Dim],\"D1\")"],
    ["A10", "MATCH(\"Moyen\",QG_Levels,0)"],
    ["A11", "INDEX(QG_Levels,3)"],
    ["A12", "SUM(QG_T[Écart])"],
    ["A13", "SUMIFS(QG_T[Niveau cible],QG_T[Dim],\"D2\")"],
    ["A14", "'Plan d''action'!A1+1"],
    ["A15", "'Plan d''action'!A2&\" / \"&Lists!A3"],
    ["A16", "COUNTA(QG_Levels)"],
    ["A17", "SUM(QG_T[Double])"],
    ["A18", "LEN(IFERROR(INDEX(Data!D2:D5,MATCH(\"C99\",Data!C2:C5,0)),\"\"))"],
    ["A19", "IFERROR(INDEX(Data!D2:D5,MATCH(\"C99\",Data!C2:C5,0)),\"\")=\"\""],
    ["A20", "Data!D2-Data!D2"],
    ["A21", "Data!D2>Data!D3"],
  ];
  for (const [address, formula] of probes) calc.getCell(address).value = f(formula);
  // A stale cached result: proves the profile forces recalculation (LibreOffice keeps cached values
  // unless OOXMLRecalcMode = 0).
  calc.getCell("B1").value = { formula: "Data!D2*10", result: 999, date1904: false };
  return wb;
}

/** A second, tiny workbook to prove recalculateMany keeps the input order. */
function buildSmallWorkbook(n: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("A1").value = n;
  ws.getCell("A2").value = f("A1*A1");
  return wb;
}

describe.skipIf(!soffice)("LibreOffice recalculation harness", () => {
  let work = "";
  let calc: ExcelJS.Worksheet;
  let grid: ExcelJS.Worksheet;
  let small: ExcelJS.Worksheet[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "qualigrid-lo-test-"));
    const inDir = join(work, "in");
    const outDir = join(work, "out");
    await mkdir(inDir, { recursive: true });

    const probePath = join(inDir, "probe.xlsx");
    await buildProbeWorkbook().xlsx.writeFile(probePath);
    const started = Date.now();
    const out = await recalculateXlsx(probePath, outDir);
    console.info(`[qualigrid] recalculateXlsx (1 file, cold profile): ${Date.now() - started} ms`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    calc = wb.getWorksheet("Calc")!;
    grid = wb.getWorksheet("Grille")!;

    const smallPaths = [3, 5, 7].map((n) => join(inDir, `small-${n}.xlsx`));
    await Promise.all([3, 5, 7].map((n, i) => buildSmallWorkbook(n).xlsx.writeFile(smallPaths[i]!)));
    const t2 = Date.now();
    const outs = await recalculateMany(smallPaths, join(work, "out-many"));
    console.info(`[qualigrid] recalculateMany (3 files, one soffice run): ${Date.now() - t2} ms`);
    small = [];
    for (const o of outs) {
      const w = new ExcelJS.Workbook();
      await w.xlsx.readFile(o);
      small.push(w.getWorksheet("S")!);
    }
  }, 300_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("forces recalculation of stale cached results", () => {
    expect(computed(calc, "B1")).toBe(20);
  });

  it("SUMIFS and COUNTIFS on plain ranges", () => {
    expect(computed(calc, "A1")).toBe(6);
    expect(computed(calc, "A2")).toBe(1);
  });

  it("IFERROR(INDEX(…,MATCH(…)),\"\"), found and not found", () => {
    expect(computed(calc, "A3")).toBe(1);
    expect(computed(calc, "A4")).toBe("");
  });

  it("falsy results (0, FALSE, \"\") read back through computedValue", () => {
    expect(computed(calc, "A18")).toBe(0);
    expect(computed(calc, "A19")).toBe(true);
    expect(computed(calc, "A20")).toBe(0);
    expect(computed(calc, "A21")).toBe(false);
    // exceljs quirk the helper works around: cell.value drops falsy results.
    expect(calc.getCell("A20").value).toEqual({ formula: "Data!D2-Data!D2" });
  });

  it("SUMPRODUCT(--ISNUMBER(SEARCH(…SUBSTITUTE(range…)…))) counts list membership without false C10 hits", () => {
    expect(computed(calc, "A5")).toBe(2);
  });

  it("LOOKUP: sorted range, array constants, and the LOOKUP(2,1/(…),…) last-match idiom", () => {
    expect(computed(calc, "A6")).toBe("Moyen");
    expect(computed(calc, "A7")).toBe("Élevé");
    expect(computed(calc, "A8")).toBe("C2");
  });

  it("structured references to table columns from another sheet", () => {
    expect(computed(calc, "A9")).toBe(6);
    expect(computed(calc, "A13")).toBe(4);
    expect(computed(calc, "A17")).toBe(14);
  });

  it("structured references with accented / spaced headers", () => {
    expect(computed(calc, "A12")).toBe(1 + 0 + 3);
  });

  it("[[#This Row],[Col]] references inside the table, including a spaced header", () => {
    expect(computed(grid, "F2")).toBe(4);
    expect(computed(grid, "F3")).toBe(8);
    expect(computed(grid, "F4")).toBe(2);
    expect(computed(grid, "E2")).toBe(1);
    expect(computed(grid, "E3")).toBe(0);
    expect(computed(grid, "E4")).toBe(3);
  });

  it("defined names: MATCH(x,QG_Levels,0), INDEX(QG_Levels,n), COUNTA(QG_Levels)", () => {
    expect(computed(calc, "A10")).toBe(2);
    expect(computed(calc, "A11")).toBe("Élevé");
    expect(computed(calc, "A16")).toBe(3);
  });

  it("a sheet name with an apostrophe: 'Plan d''action'!A1", () => {
    expect(computed(calc, "A14")).toBe(43);
    expect(computed(calc, "A15")).toBe("Pilote / Élevé");
  });

  it("recalculateMany converts several files in one run, outputs in input order", () => {
    expect(small.map((ws) => computed(ws, "A2"))).toEqual([9, 25, 49]);
  });

  it("two conversions at once do not collide (one throw-away profile per call)", async () => {
    const inDir = join(work, "in");
    const paths = [11, 13].map((n) => join(inDir, `par-${n}.xlsx`));
    await Promise.all([11, 13].map((n, i) => buildSmallWorkbook(n).xlsx.writeFile(paths[i]!)));
    const outs = await Promise.all(paths.map((p, i) => recalculateXlsx(p, join(work, `out-par-${i}`))));
    const values: ComputedValue[] = [];
    for (const o of outs) {
      const w = new ExcelJS.Workbook();
      await w.xlsx.readFile(o);
      values.push(computed(w.getWorksheet("S")!, "A2"));
    }
    expect(values).toEqual([121, 169]);
  });

  it("refuses an outDir equal to the input's directory", async () => {
    const p = join(work, "in", "probe.xlsx");
    await expect(recalculateXlsx(p, join(work, "in"))).rejects.toThrow(/must differ/);
  });

  it("reports a missing input file clearly", async () => {
    await expect(recalculateXlsx(join(work, "nope.xlsx"), join(work, "out2"))).rejects.toThrow(/not found/);
  });
});
