/**
 * The template's own actions take their dates from the assessment date: a workbook made without
 * one says so once, and `set … date` dates them, moving later only the dates nobody changed.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serialOfDay } from "../../addin/model/date.serial.js";
import { parseJson, run, tempDir } from "./cli.helpers.js";

/** The due offset (days after the assessment date) the built-in gives an action. */
function dueOffset(id: string): number {
  const template = JSON.parse(readFileSync("templates/donner-le-cap.json", "utf8")) as { actions: { id: string; dueOffsetDays: number }[] };
  const action = template.actions.find((a) => a.id === id);
  if (!action) throw new Error(`no action ${id}`);
  return action.dueOffsetDays;
}

/** A date cell's day number, whether exceljs reads it as a number or as a date (its format). */
function serialOf(v: ExcelJS.CellValue): number {
  if (v instanceof Date) return serialOfDay(v);
  if (typeof v === "number") return v;
  throw new Error(`not a date: ${JSON.stringify(v)}`);
}

async function dueOf(file: string, id: string): Promise<ExcelJS.Cell> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Plan d'action") as ExcelJS.Worksheet;
  const header = ws.getRow(4).values as unknown[];
  const dueCol = header.indexOf("Échéance");
  for (let r = 5; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) return ws.getCell(r, dueCol);
  throw new Error(`no action ${id}`);
}

describe("the template's actions and the assessment date", () => {
  it("says once that the template's actions wait for the date, then dates them when it is set", async () => {
    const dir = tempDir();
    const xlsx = path.join(dir, "cap.xlsx");
    expect((await run("new", "donner-le-cap", "-o", xlsx)).code).toBe(0);
    const before = parseJson<{ findings: { code: string }[] }>((await run("check", xlsx, "--json")).out);
    expect(before.findings.filter((f) => f.code === "templateActionsUndated")).toHaveLength(1);
    expect(before.findings.filter((f) => f.code === "actionNoDueDate")).toHaveLength(0);

    const set = await run("set", xlsx, "date", "2027-01-15");
    expect(set.code, set.err).toBe(0);
    expect(set.out).toMatch(/dates des actions du modèle suivent la nouvelle date/);
    expect(serialOf((await dueOf(xlsx, "ACT-P02")).value)).toBe(serialOfDay(new Date("2027-01-15T00:00:00Z")) + dueOffset("ACT-P02"));
    const after = parseJson<{ findings: { code: string }[] }>((await run("check", xlsx, "--json")).out);
    expect(after.findings.filter((f) => f.code === "templateActionsUndated" || f.code === "actionNoDueDate")).toHaveLength(0);

    // A due date someone changed stays; the others follow the next date.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const cell = await dueOf(xlsx, "ACT-P01");
    const ws = wb.getWorksheet("Plan d'action") as ExcelJS.Worksheet;
    ws.getCell(cell.address).value = serialOfDay(new Date("2027-12-24T00:00:00Z"));
    await wb.xlsx.writeFile(xlsx);
    expect((await run("set", xlsx, "date", "2027-02-01")).code).toBe(0);
    expect(serialOf((await dueOf(xlsx, "ACT-P01")).value)).toBe(serialOfDay(new Date("2027-12-24T00:00:00Z")));
    expect(serialOf((await dueOf(xlsx, "ACT-P02")).value)).toBe(serialOfDay(new Date("2027-02-01T00:00:00Z")) + dueOffset("ACT-P02"));
  });
});
