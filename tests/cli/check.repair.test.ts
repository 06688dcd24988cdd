import type ExcelJS from "exceljs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { column, gridRowOf, loadXlsx, newDemoWorkbook, parseJson, run, SHEETS, table, tempDir, answeredWorkbook, editWorkbook } from "./cli.helpers.js";

interface FindingJson {
  code: string;
  severity: "error" | "warning";
  where: string;
  message: string;
}
interface CheckJson {
  file: string;
  repaired?: { where: string; formula: string }[];
  findings: FindingJson[];
}



async function checkJson(...args: string[]): Promise<{ code: number; json: CheckJson }> {
  const r = await run("check", ...args, "--json");
  return { code: r.code, json: parseJson<CheckJson>(r.out) };
}

/** Sorts the grid's data rows the other way round, as a user sorting by code descending would. */
function reverseGrid(wb: ExcelJS.Workbook): void {
  const t = table(wb, "QG_Grid");
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = t.top + 1; r <= t.bottom; r++) rows.push(t.headers.map((_, i) => t.sheet.getCell(r, t.left + i).value));
  rows.reverse().forEach((values, k) => values.forEach((v, i) => (t.sheet.getCell(t.top + 1 + k, t.left + i).value = v)));
}

/** Every cell value of every sheet, by `Sheet!A1`, as JSON text. */
function allValues(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.value !== null && cell.value !== undefined) out.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.value));
      }),
    );
  }
  return out;
}

function formulaOf(wb: ExcelJS.Workbook, sheet: string, address: string): string | undefined {
  return (wb.getWorksheet(sheet)?.getCell(address).value as { formula?: string } | null)?.formula;
}

const fr = SHEETS.fr;

/** Alters an answered French workbook: sorted grid, gap typed over, points cleared, a score formula changed, the overall score typed over. */
async function alteredWorkbook(dir: string): Promise<{ xlsx: string; cells: Record<string, string> }> {
  const xlsx = await answeredWorkbook(dir);
  const cells: Record<string, string> = {};
  await editWorkbook(xlsx, (wb) => {
    reverseGrid(wb);
    const g = table(wb, "QG_Grid");
    const gap = g.sheet.getCell(gridRowOf(g, "Critère", "C3"), column(g, "Écart"));
    gap.value = 5;
    cells.gap = `${fr.grid}!${gap.address}`;
    const points = g.sheet.getCell(gridRowOf(g, "Critère", "C5"), column(g, "Points"));
    points.value = null;
    cells.points = `${fr.grid}!${points.address}`;
    const s = table(wb, "QG_Scores");
    const score = s.sheet.getCell(gridRowOf(s, "Dimension", "D2"), column(s, "Score"));
    const formula = (score.value as { formula: string }).formula;
    expect(formula).toContain("100*");
    score.value = { formula: formula.replace("100*", "90*") } as ExcelJS.CellFormulaValue;
    cells.score = `${fr.dashboard}!${score.address}`;
    const dash = wb.getWorksheet(fr.dashboard) as ExcelJS.Worksheet;
    dash.getCell("B5").value = 42;
    cells.overall = `${fr.dashboard}!B5`;
  });
  return { xlsx, cells };
}

describe("qualigrid check: formulas and tables", () => {
  it("finds nothing in a fresh answered workbook, in French and English", async () => {
    for (const lang of ["fr", "en"] as const) {
      const dir = tempDir();
      const xlsx = await answeredWorkbook(dir, lang);
      const { code, json } = await checkJson(xlsx);
      expect(json.findings).toEqual([]);
      expect(code).toBe(0);
    }
  });

  it("finds formulas typed over, cleared and changed in a sorted grid and the dashboard, each at its cell (exit 1)", async () => {
    const dir = tempDir();
    const { xlsx, cells } = await alteredWorkbook(dir);
    const { code, json } = await checkJson(xlsx);
    expect(code).toBe(1);
    const at = (where: string): FindingJson | undefined => json.findings.find((f) => f.where === where);
    expect(at(cells.gap ?? "")).toMatchObject({ code: "formulaMissing", severity: "error" });
    expect(at(cells.gap ?? "")?.message).toContain("« 5 »");
    expect(at(cells.gap ?? "")?.message).toContain("C3");
    expect(at(cells.gap ?? "")?.message).toBe("la formule de « Écart » (C3) a été remplacée par la valeur « 5 » : lancez `qualigrid check --repair` pour la rétablir");
    expect(at(cells.points ?? "")).toMatchObject({ code: "formulaMissing" });
    expect(at(cells.points ?? "")?.message).toContain("effacée");
    expect(at(cells.score ?? "")).toMatchObject({ code: "formulaAltered" });
    expect(at(cells.score ?? "")?.message).toContain("90*");
    expect(at(cells.overall ?? "")).toMatchObject({ code: "formulaMissing" });
    expect(at(cells.overall ?? "")?.message).toContain("Score global");
    expect(at(cells.overall ?? "")?.message).toMatch(/^la formule de « Score global[^»]*» a été remplacée par la valeur « 42 »/);
    // Only those: the sorted rows are matched by criterion id, not by position.
    expect(json.findings).toHaveLength(4);
    for (const f of json.findings) expect(f.message).toContain("qualigrid check --repair");

    const text = await run("check", xlsx);
    expect(text.out).toContain(`erreur : ${cells.gap}:`);
  });

  it("writes formula findings in English", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir, "en");
    await editWorkbook(xlsx, (wb) => {
      const g = table(wb, "QG_Grid");
      g.sheet.getCell(gridRowOf(g, "Criterion", "C2"), column(g, "Gap")).value = null;
    });
    const r = await run("check", xlsx);
    expect(r.code).toBe(1);
    expect(r.out).toContain("was cleared: run `qualigrid check --repair`");
    expect(r.out).toContain('the formula of "Gap" (C2) was cleared');
  });

  it("repairs only the formula cells, leaves every other cell as it was, and checks clean afterwards (exit 0)", async () => {
    const dir = tempDir();
    const { xlsx, cells } = await alteredWorkbook(dir);
    // A user's own column beside the grid and an extra value elsewhere stay untouched.
    await editWorkbook(xlsx, (wb) => {
      const ws = wb.getWorksheet(fr.grid) as ExcelJS.Worksheet;
      ws.getCell("AZ7").value = "ma note";
      ws.getCell("AZ8").value = { formula: "1+1" } as ExcelJS.CellFormulaValue;
    });
    const before = allValues(await loadXlsx(xlsx));
    const out = path.join(dir, "repaired.xlsx");
    const r = await checkJson(xlsx, "--repair", "-o", out);
    expect(r.code).toBe(0);
    expect(r.json.file).toBe(out);
    expect(r.json.findings).toEqual([]);
    const repairedAt = (r.json.repaired ?? []).map((x) => x.where).sort();
    expect(repairedAt).toEqual(Object.values(cells).sort());

    const wb = await loadXlsx(out);
    const after = allValues(wb);
    const touched = new Set(repairedAt);
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      if (touched.has(key)) continue;
      expect(after.get(key), key).toBe(before.get(key));
    }
    const [sheet, address] = (cells.score ?? "").split("!") as [string, string];
    expect(formulaOf(wb, sheet, address)).toContain("100*");
    expect(formulaOf(wb, fr.dashboard, "B5")).toContain("SUM(");
    // The input file is left as it was when -o is given.
    expect((await checkJson(xlsx)).code).toBe(1);
    expect((await checkJson(out)).code).toBe(0);
  });

  it("repairs in place and prints what it restored", async () => {
    const dir = tempDir();
    const { xlsx, cells } = await alteredWorkbook(dir);
    const r = await run("check", xlsx, "--repair");
    expect(r.code).toBe(0);
    for (const where of Object.values(cells)) expect(r.out).toContain(`rétablie : ${where}: =`);
    expect(r.out).toContain("4 formules rétablies");
    expect(r.out).toContain("rien à signaler");
    const again = await run("check", xlsx, "--repair");
    expect(again.code).toBe(0);
    expect(again.out).toContain("aucune formule à rétablir");
  });

  it("reports a renamed action table and a deleted evidence table, naming the sheet and what to do", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir);
    await editWorkbook(xlsx, (wb) => {
      const actions = wb.getWorksheet(fr.actions) as ExcelJS.Worksheet;
      (actions.getTable("QG_Actions") as unknown as { name: string }).name = "MesActions";
      (wb.getWorksheet(fr.evidence) as ExcelJS.Worksheet).removeTable("QG_Evidence");
    });
    const { code, json } = await checkJson(xlsx);
    expect(code).toBe(1);
    const renamed = json.findings.find((f) => f.code === "tableRenamed");
    expect(renamed).toMatchObject({ severity: "error", where: `${fr.actions}!A4` });
    expect(renamed?.message).toContain("MesActions");
    expect(renamed?.message).toContain("QG_Actions");
    const missing = json.findings.find((f) => f.code === "tableMissing");
    expect(missing).toMatchObject({ severity: "error", where: `${fr.evidence}!A4` });
    expect(missing?.message).toContain("QG_Evidence");
    expect(missing?.message).toMatch(/^le tableau QG_Evidence \(feuille Preuves\) a été supprimé : les preuves ne sont plus comptées dans la grille ni lues par Qualigrid ; /);
    // Formulas naming the lost tables are not reported one by one: the table finding says what to do.
    expect(json.findings.filter((f) => f.code.startsWith("formula"))).toEqual([]);
    expect(json.findings).toHaveLength(2);

    const r = await checkJson(xlsx, "--repair");
    expect(r.code).toBe(1);
    expect(r.json.repaired).toEqual([]);
  });

  it("reports a deleted dashboard table without crashing, and still repairs the grid", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir, "en");
    // The scores table's header row, found rather than assumed.
    let scoresTop = 0;
    await editWorkbook(xlsx, (wb) => {
      scoresTop = table(wb, "QG_Scores").top;
      (wb.getWorksheet(SHEETS.en.dashboard) as ExcelJS.Worksheet).removeTable("QG_Scores");
      const g = table(wb, "QG_Grid");
      g.sheet.getCell(gridRowOf(g, "Criterion", "C1"), column(g, "Priority")).value = 3;
    });
    const { code, json } = await checkJson(xlsx);
    expect(code).toBe(1);
    expect(json.findings.map((f) => f.code).sort()).toEqual(["formulaMissing", "tableMissing"]);
    expect(json.findings.find((f) => f.code === "tableMissing")?.where).toBe(`${SHEETS.en.dashboard}!A${scoresTop}`);
    expect(json.findings.find((f) => f.code === "tableMissing")?.message).toContain("was deleted: the dashboard no longer computes the scores; ");
    const r = await checkJson(xlsx, "--repair");
    expect(r.json.repaired).toHaveLength(1);
    expect(r.json.findings.map((f) => f.code)).toEqual(["tableMissing"]);
    expect(r.code).toBe(1);
  });

  it("finds and repairs the action plan's computed columns and the lists sheet's formulas", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir);
    await editWorkbook(xlsx, (wb) => {
      const a = table(wb, "QG_Actions");
      a.sheet.getCell(a.top + 2, column(a, "En retard")).value = "non";
      (wb.getWorksheet(fr.lists) as ExcelJS.Worksheet).getCell("P4").value = 1;
    });
    const { code, json } = await checkJson(xlsx);
    expect(code).toBe(1);
    expect(json.findings.map((f) => `${f.code} ${f.where}`).sort()).toEqual([`formulaMissing ${fr.actions}!N6`, `formulaMissing ${fr.lists}!P4`].sort());
    const r = await checkJson(xlsx, "--repair");
    expect(r.code).toBe(0);
    const wb = await loadXlsx(xlsx);
    expect(formulaOf(wb, fr.lists, "P4")).toBe("MIN(QG_LevelValues)");
    expect(formulaOf(wb, fr.actions, "N6")).toContain("TODAY()");
  });

  it("refuses -o without --repair", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const r = await run("check", xlsx, "-o", path.join(dir, "x.xlsx"));
    expect(r.code).toBe(2);
  });
});
