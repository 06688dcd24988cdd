import type ExcelJS from "exceljs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { answeredWorkbook, column, editWorkbook, gridRowOf, findTable, loadXlsx, parseJson, run, scoreJson, SHEETS, tempDir, writeJson, demoTemplate, writeText } from "./cli.helpers.js";

interface CheckJson {
  findings: { code: string; severity: string; where: string; message: string }[];
}

/** Renames a table of a workbook as a user does in Table Design > Table Name. */
function renameTable(wb: ExcelJS.Workbook, sheet: string, from: string, to: string): void {
  const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  (ws.getTable(from) as unknown as { name: string }).name = to;
}

describe("a Qualigrid table renamed by the user", () => {
  it("check reports QG_Grid renamed at its sheet and cell, saying to rename it back; score gives the same numbers", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir);
    const before = await run("score", xlsx, "--json");
    expect(before.code).toBe(0);
    await editWorkbook(xlsx, (wb) => renameTable(wb, SHEETS.fr.grid, "QG_Grid", "MaGrille"));

    const r = await run("check", xlsx, "--json");
    expect(r.code).toBe(1);
    const json = parseJson<CheckJson>(r.out);
    const renamed = json.findings.filter((f) => f.code === "tableRenamed");
    expect(renamed).toHaveLength(1);
    expect(renamed[0]).toMatchObject({ severity: "error", where: `${SHEETS.fr.grid}!A4` });
    for (const part of ["MaGrille", "QG_Grid", SHEETS.fr.grid, "formules"]) expect(renamed[0]?.message).toContain(part);
    // Nothing else: answers were all given, and formulas naming QG_Grid are not reported one by one.
    expect(json.findings.map((f) => f.code)).toEqual(["tableRenamed"]);

    const plain = await run("check", xlsx);
    expect(plain.code).toBe(1);
    expect(plain.out).toContain(`${SHEETS.fr.grid}!A4`);

    const after = await run("score", xlsx, "--json");
    expect(after.code).toBe(0);
    expect(scoreJson(after.out)).toEqual(scoreJson(before.out));
    expect(after.err).toMatch(/^avertissement : .*QG_Grid.*MaGrille/);
    // The reader's warning, in the French workbook's language.
    expect(after.err).toContain(
      `${xlsx}: ${SHEETS.fr.grid}!A4: le tableau QG_Grid a été renommé « MaGrille » ; il a été lu d'après ses en-têtes, mais les formules du classeur le désignent par QG_Grid : redonnez-lui le nom QG_Grid (\`qualigrid check\` indique où)`,
    );
  });

  it("fill still writes the answers into the renamed grid", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir, "en");
    await editWorkbook(xlsx, (wb) => renameTable(wb, SHEETS.en.grid, "QG_Grid", "Grid2026"));
    const csv = writeText(dir, "more.csv", "criterion,rating,comment\nC1,4,now exceeded\n");
    const r = await run("fill", xlsx, "--answers", csv);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain("Grid2026");
    expect(r.err).toContain(`table QG_Grid was renamed "Grid2026"; it was read by its headers`);
    const wb = await loadXlsx(xlsx);
    const t = findTable(wb, "Grid2026");
    if (!t) throw new Error("no Grid2026");
    const row = gridRowOf(t, "Criterion", "C1");
    expect(t.sheet.getCell(row, column(t, "Rating")).value).toBe(4);
    expect(t.sheet.getCell(row, column(t, "Comment")).value).toBe("now exceeded");
  });

  it("upgrade reads the renamed grid and writes a workbook whose grid is QG_Grid again", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir, "en");
    const before = scoreJson((await run("score", xlsx, "--json")).out);
    await editWorkbook(xlsx, (wb) => renameTable(wb, SHEETS.en.grid, "QG_Grid", "Grid2026"));
    const next = { ...demoTemplate(), version: "1.3.0" };
    const out = path.join(dir, "out.xlsx");
    const r = await run("upgrade", xlsx, "--template", writeJson(dir, "v2.json", next), "-o", out);
    expect(r.code, r.err).toBe(0);
    const wb = await loadXlsx(out);
    expect(findTable(wb, "QG_Grid")).toBeDefined();
    expect(findTable(wb, "Grid2026")).toBeUndefined();
    const after = scoreJson((await run("score", out, "--json")).out);
    expect(after.dimensions).toEqual(before.dimensions);
    expect((await run("check", out)).code).toBe(0);
  });

  it("finds renamed template tables too (QG_TemplateInfo, QG_TemplateItems) and reports each", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir, "en");
    const before = scoreJson((await run("score", xlsx, "--json")).out);
    await editWorkbook(xlsx, (wb) => {
      renameTable(wb, SHEETS.en.template, "QG_TemplateInfo", "Info");
      renameTable(wb, SHEETS.en.template, "QG_TemplateItems", "Items");
    });
    const r = await run("check", xlsx, "--json");
    expect(r.code).toBe(1);
    const found = parseJson<CheckJson>(r.out).findings;
    expect(found.map((f) => `${f.code} ${f.where}`).sort()).toEqual([`tableRenamed ${SHEETS.en.template}!A4`, `tableRenamed ${SHEETS.en.template}!D4`]);
    expect(scoreJson((await run("score", xlsx, "--json")).out)).toEqual(before);
  });

  it("a deleted grid (no table with its headers left) is still refused, naming what is missing", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir);
    await editWorkbook(xlsx, (wb) => (wb.getWorksheet(SHEETS.fr.grid) as ExcelJS.Worksheet).removeTable("QG_Grid"));
    for (const command of ["score", "check"]) {
      const r = await run(command, xlsx, "--lang", "en");
      expect(r.code, command).toBe(2);
      expect(r.err).toContain("QG_Grid");
      expect(r.err).toMatch(/deleted/);
      expect(r.err).toContain(xlsx);
      // The workbook cannot say its language: the French locale's words.
      const fr = await run(command, xlsx);
      expect(fr.code, command).toBe(2);
      expect(fr.err).toContain(`${xlsx}: le tableau Qualigrid QG_Grid est introuvable, ni par son nom ni par ses en-têtes (supprimé ?)`);
    }
  });
});
