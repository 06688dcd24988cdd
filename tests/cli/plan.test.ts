import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actionsFromGaps } from "../../addin/actions/actions.fromGaps.js";
import { FileHost } from "../../addin/xlsx/xlsx.host.js";
import { answeredWorkbook, column, editWorkbook, loadXlsx, parseJson, run, table, tempDir } from "./cli.helpers.js";

// The demo workbook answered 1,2,3,4,1,2,… (C16 N/A), target level 3, weights C2 = 2, C6 = 3.
// Gaps and priorities worked out by hand: C6 gap 1 × 3 = 3; C1, C5, C9, C13 gap 2 × 1 = 2 and C2
// gap 1 × 2 = 2; C10, C14 gap 1 × 1 = 1. Highest priority first, ties in template order.
const EXPECTED = ["C6", "C1", "C2", "C5", "C9", "C13", "C10", "C14"];

interface PlanJson {
  file: string | null;
  added: number;
  actions: { criterion: string; dimension: string; gap: number; priority: number }[];
}

/** The action plan's rows holding a criterion: [id, criterion]. */
async function actionRowsOf(file: string, lang: "fr" | "en" = "fr"): Promise<[string, string][]> {
  const t = table(await loadXlsx(file), "QG_Actions");
  const id = column(t, lang === "fr" ? "Code" : "ID");
  const crit = column(t, lang === "fr" ? "Critère" : "Criterion");
  const rows: [string, string][] = [];
  for (let r = t.top + 1; r <= t.bottom; r++) {
    const c = t.sheet.getCell(r, crit).value;
    if (c !== null && c !== "") rows.push([String(t.sheet.getCell(r, id).value), String(c)]);
  }
  return rows;
}

describe("qualigrid plan", () => {
  it("adds one action per criterion below target, highest priority first, numbered on, into the plan's empty rows", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir);
    const before = table(await loadXlsx(xlsx), "QG_Actions");
    const r = await run("plan", xlsx);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("8 actions ajoutées au plan d'action");
    expect(await actionRowsOf(xlsx)).toEqual(EXPECTED.map((c, i) => [`A-${String(i + 1).padStart(3, "0")}`, c]));
    // The 20 pre-formatted rows took the 8 actions: the table did not grow below them.
    const after = table(await loadXlsx(xlsx), "QG_Actions");
    expect(after.bottom).toBe(before.bottom);
    expect(after.sheet.getCell(after.top + 1, column(after, "Critère")).value).toBe("C6");
  });

  it("adds nothing for criteria that already have an action, and says so", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir);
    expect((await run("plan", xlsx)).code).toBe(0);
    const bytes = fs.readFileSync(xlsx);
    const second = await run("plan", xlsx);
    expect(second.code).toBe(0);
    expect(second.out).toContain("Aucune action à ajouter");
    expect(fs.readFileSync(xlsx).equals(bytes)).toBe(true);
  });

  it("continues the numbering and skips a criterion a person already planned", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir, "en");
    await editWorkbook(xlsx, (wb) => {
      const t = table(wb, "QG_Actions");
      t.sheet.getCell(t.top + 1, column(t, "ID")).value = "A-007";
      t.sheet.getCell(t.top + 1, column(t, "Criterion")).value = "c1";
      t.sheet.getCell(t.top + 1, column(t, "Action")).value = "Déjà prévu";
    });
    const r = await run("plan", xlsx, "--json");
    expect(r.code, r.err).toBe(0);
    const json = parseJson<PlanJson>(r.out);
    expect(json.added).toBe(7);
    expect(json.actions.map((a) => a.criterion)).toEqual(EXPECTED.filter((c) => c !== "C1"));
    expect(json.actions[0]).toEqual({ criterion: "C6", dimension: "D2", gap: 1, priority: 3 });
    const rows = await actionRowsOf(xlsx, "en");
    expect(rows[0]).toEqual(["A-007", "c1"]);
    expect(rows.slice(1).map(([id]) => id)).toEqual(["A-008", "A-009", "A-010", "A-011", "A-012", "A-013", "A-014"]);
  });

  it("--dry-run and -o leave the workbook byte for byte as it was", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir);
    const bytes = fs.readFileSync(xlsx);
    const dry = await run("plan", xlsx, "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("8 actions à ajouter au plan d'action (rien n'est écrit)");
    const out = path.join(dir, "plan.xlsx");
    expect((await run("plan", xlsx, "-o", out)).code).toBe(0);
    expect(fs.readFileSync(xlsx).equals(bytes)).toBe(true);
    expect((await actionRowsOf(out)).map(([, c]) => c)).toEqual(EXPECTED);
  });

  it("writes the rows the workbench's task pane adds to the same workbook", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir);
    const host = new FileHost({ lang: "fr" });
    expect(await host.openFile(new Uint8Array(fs.readFileSync(xlsx)), "grid.xlsx")).toEqual({ ok: true });
    const read = await host.read();
    if (!read.ok) throw new Error(read.error.detail);
    expect(await host.appendActions(actionsFromGaps(read.value))).toEqual({ ok: true, value: 8 });
    const paneFile = path.join(dir, "pane.xlsx");
    fs.writeFileSync(paneFile, (await host.download()).bytes);
    expect((await run("plan", xlsx)).code).toBe(0);
    const cells = async (file: string): Promise<unknown[][]> => {
      const t = table(await loadXlsx(file), "QG_Actions");
      const rows: unknown[][] = [];
      for (let r = t.top; r <= t.bottom; r++) rows.push(t.headers.map((_, c) => JSON.stringify(t.sheet.getCell(r, t.left + c).value)));
      return rows;
    };
    expect(await cells(xlsx)).toEqual(await cells(paneFile));
  });

  it("refuses a workbook without an action plan, naming the file and the table, and writes nothing", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir);
    await editWorkbook(xlsx, (wb) => {
      const t = table(wb, "QG_Actions");
      wb.removeWorksheet(t.sheet.id);
    });
    const bytes = fs.readFileSync(xlsx);
    const r = await run("plan", xlsx);
    expect(r.code).toBe(2);
    expect(r.err).toContain(xlsx);
    expect(r.err).toContain("QG_Actions");
    expect(fs.readFileSync(xlsx).equals(bytes)).toBe(true);
  });

  it("refuses a protected action plan sheet and writes nothing", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir, "en");
    const wb = await loadXlsx(xlsx);
    await table(wb, "QG_Actions").sheet.protect("", {});
    await wb.xlsx.writeFile(xlsx);
    const bytes = fs.readFileSync(xlsx);
    const r = await run("plan", xlsx);
    expect(r.code).toBe(2);
    expect(r.err).toContain('the action plan\'s sheet "Action plan" is protected');
    expect(fs.readFileSync(xlsx).equals(bytes)).toBe(true);
  });
});
