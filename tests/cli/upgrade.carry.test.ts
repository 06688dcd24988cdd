import type ExcelJS from "exceljs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { answeredWorkbook, demoTemplate, dim, editWorkbook, gridRowOf, loadXlsx, parseJson, run, SHEETS, table, tempDir, writeJson, type TemplateJson } from "./cli.helpers.js";

interface SummaryJson {
  archived: string[];
  archiveSheet: string | null;
  sheetsCopied: string[];
  notesKept: string[];
  notesMoved: string[];
  notesSheet: string | null;
}

/** The demo template at `version` without the criteria `removed`, with the criteria `added` in D4. */
function version(v: string, removed: string[], added: string[] = []): TemplateJson {
  const t = demoTemplate();
  t.version = v;
  for (const d of t.dimensions) d.criteria = d.criteria.filter((c) => !removed.includes(c.id));
  for (const id of added) dim(t, 3).criteria.push({ id, text: { fr: `Ajouté ${id}`, en: `Added ${id}` } });
  return t;
}

async function upgrade(dir: string, file: string, t: TemplateJson, out: string): Promise<SummaryJson> {
  const r = await run("upgrade", file, "--template", writeJson(dir, `${t.version}.json`, t), "-o", out, "--json");
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return parseJson<SummaryJson>(r.out);
}

/** Every row of a sheet as its cells' values. */
function rowsOf(ws: ExcelJS.Worksheet | undefined): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  ws?.eachRow((row) => {
    const cells: ExcelJS.CellValue[] = [];
    row.eachCell((c) => void cells.push(c.value));
    out.push(cells);
  });
  return out;
}

describe("qualigrid upgrade, carried over", () => {
  it("a second upgrade appends to the archive sheet of the first, which is carried over intact", async () => {
    const dir = tempDir();
    const file = await answeredWorkbook(dir, "en");
    const first = path.join(dir, "v13.xlsx");
    const s1 = await upgrade(dir, file, version("1.3.0", ["C3"]), first);
    expect(s1.archiveSheet).toBe("Archive");
    // The advisor writes on the archive sheet.
    await editWorkbook(first, (wb) => ((wb.getWorksheet("Archive") as ExcelJS.Worksheet).getCell("H1").value = "reviewed by Ann"));
    const before = rowsOf((await loadXlsx(first)).getWorksheet("Archive"));

    const second = path.join(dir, "v14.xlsx");
    const s2 = await upgrade(dir, first, version("1.4.0", ["C3", "C5"]), second);
    expect(s2.archived).toEqual(["C5"]);
    expect(s2.archiveSheet).toBe("Archive");
    const wb = await loadXlsx(second);
    expect(wb.worksheets.map((w) => w.name)).not.toContain("Archive 2");
    const after = rowsOf(wb.getWorksheet("Archive"));
    // Everything the archive held is still there, first, row for row; then the new section.
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.some((r) => r.includes("C3") && r.includes(3))).toBe(true);
    expect(after.some((r) => r.includes("C5") && r.includes(1))).toBe(true);
    expect(after.filter((r) => typeof r[0] === "string" && r[0].startsWith("Criteria removed by the upgrade"))).toHaveLength(2);
  });

  it("keeps notes typed outside the tables at their address when it is free, else lists them on a notes sheet", async () => {
    const dir = tempDir();
    const file = await answeredWorkbook(dir, "en");
    let under = "";
    await editWorkbook(file, (wb) => {
      const g = table(wb, "QG_Grid");
      // Right under the grid: the new version's added criteria take that row.
      g.sheet.getCell(g.bottom + 2, 1).value = "ask the board about C2";
      under = g.sheet.getCell(g.bottom + 2, 1).address;
      g.sheet.getCell(g.bottom + 8, 2).value = "reviewed 2026-03-01";
      const dash = wb.getWorksheet(SHEETS.en.dashboard) as ExcelJS.Worksheet;
      dash.getCell("T3").value = "to present in June";
      // A table of the user's own beside the dashboard: not a Qualigrid table, so its cells are notes.
      dash.addTable({ name: "Meetings", ref: "T20", columns: [{ name: "Date" }, { name: "Topic" }], rows: [["2026-06-01", "budget review"]] });
    });
    const out = path.join(dir, "out.xlsx");
    const s = await upgrade(dir, file, version("1.3.0", [], ["C17", "C18", "C19"]), out);
    const d = SHEETS.en.dashboard;
    expect(s.notesKept.sort()).toEqual([`${SHEETS.en.grid}!B28`, `${d}!T3`, `${d}!T20`, `${d}!U20`, `${d}!T21`, `${d}!U21`].sort());
    expect(s.notesMoved).toEqual([`${SHEETS.en.grid}!${under}`]);
    expect(s.notesSheet).toBe("Notes (upgrade)");
    const wb = await loadXlsx(out);
    expect(wb.getWorksheet(SHEETS.en.dashboard)?.getCell("T3").value).toBe("to present in June");
    expect(wb.getWorksheet(SHEETS.en.dashboard)?.getCell("U21").value).toBe("budget review");
    expect(wb.getWorksheet(SHEETS.en.grid)?.getCell("B28").value).toBe("reviewed 2026-03-01");
    const g = table(wb, "QG_Grid");
    expect(gridRowOf(g, "Criterion", "C19")).toBe(g.bottom);
    const notes = rowsOf(wb.getWorksheet("Notes (upgrade)"));
    expect(notes).toContainEqual([SHEETS.en.grid, under, "ask the board about C2"]);

    // Printed too.
    const again = await run("upgrade", file, "--template", writeJson(dir, "v.json", version("1.3.0", [], ["C17", "C18", "C19"])), "-o", path.join(dir, "o2.xlsx"));
    expect(again.out).toContain("notes outside the tables kept in place");
    expect(again.out).toContain("→ sheet Notes (upgrade)");

    // A second upgrade appends to the notes sheet (the note under the grid moves again: more criteria).
    await editWorkbook(out, (wb2) => {
      const g2 = table(wb2, "QG_Grid");
      g2.sheet.getCell(g2.bottom + 1, 3).value = "second note";
    });
    const out2 = path.join(dir, "out2.xlsx");
    const s2 = await upgrade(dir, out, version("1.4.0", [], ["C17", "C18", "C19", "C20"]), out2);
    expect(s2.notesSheet).toBe("Notes (upgrade)");
    const wb2 = await loadXlsx(out2);
    expect(wb2.worksheets.map((w) => w.name)).not.toContain("Notes (upgrade) 2");
    const notes2 = rowsOf(wb2.getWorksheet("Notes (upgrade)"));
    expect(notes2).toContainEqual([SHEETS.en.grid, under, "ask the board about C2"]);
    expect(notes2.some((r) => r.includes("second note"))).toBe(true);
  });

  it("lists a value typed over a computed column (the new table computes it again) on the notes sheet", async () => {
    const dir = tempDir();
    const file = await answeredWorkbook(dir, "en");
    let where = "";
    await editWorkbook(file, (wb) => {
      const g = table(wb, "QG_Grid");
      const cell = g.sheet.getCell(gridRowOf(g, "Criterion", "C2"), g.left + g.headers.indexOf("Gap"));
      cell.value = "gap agreed with the board: 0";
      where = `${SHEETS.en.grid}!${cell.address}`;
    });
    const out = path.join(dir, "out.xlsx");
    const s = await upgrade(dir, file, version("1.3.0", []), out);
    expect(s.notesMoved).toEqual([where]);
    const wb = await loadXlsx(out);
    expect(rowsOf(wb.getWorksheet(s.notesSheet ?? ""))).toContainEqual([SHEETS.en.grid, where.split("!")[1], "gap agreed with the board: 0"]);
    expect((await run("check", out)).code).toBe(0);
  });

  it("a fresh workbook has no notes to carry (in both languages)", async () => {
    for (const lang of ["fr", "en"] as const) {
      const dir = tempDir();
      const file = await answeredWorkbook(dir, lang);
      const s = await upgrade(dir, file, version("1.3.0", ["C3"], ["C17"]), path.join(dir, "out.xlsx"));
      expect(s.notesKept, lang).toEqual([]);
      expect(s.notesMoved, lang).toEqual([]);
    }
  });

  it("copies a user sheet with its merged cells, data validations, column widths and cell formats", async () => {
    const dir = tempDir();
    const file = await answeredWorkbook(dir, "en");
    await editWorkbook(file, (wb) => {
      const ws = wb.addWorksheet("Budget");
      ws.mergeCells("A1:C1");
      ws.getCell("A1").value = "Quality budget";
      ws.getCell("A1").font = { bold: true, size: 14, color: { argb: "FFC00000" } };
      ws.getCell("B2").value = 0.25;
      ws.getCell("B2").numFmt = "0.0%";
      ws.getCell("B3").value = new Date(Date.UTC(2026, 4, 1));
      ws.getCell("B3").numFmt = "yyyy-mm-dd";
      ws.getCell("C2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
      ws.getCell("D2").dataValidation = { type: "list", allowBlank: true, formulae: ['"yes,no"'] };
      ws.getColumn(2).width = 31;
      ws.getRow(5).height = 40;
    });
    const out = path.join(dir, "out.xlsx");
    const s = await upgrade(dir, file, version("1.3.0", []), out);
    expect(s.sheetsCopied).toEqual(["Budget"]);
    const ws = (await loadXlsx(out)).getWorksheet("Budget") as ExcelJS.Worksheet;
    expect(ws.getCell("C1").isMerged).toBe(true);
    expect(ws.getCell("C1").master.address).toBe("A1");
    expect(ws.getCell("A1").value).toBe("Quality budget");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14, color: { argb: "FFC00000" } });
    expect(ws.getCell("B2").value).toBe(0.25);
    expect(ws.getCell("B2").numFmt).toBe("0.0%");
    expect(ws.getCell("B3").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("C2").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } });
    expect(ws.getCell("D2").dataValidation).toMatchObject({ type: "list", formulae: ['"yes,no"'] });
    expect(ws.getColumn(2).width).toBe(31);
    expect(ws.getRow(5).height).toBe(40);
  });
});


