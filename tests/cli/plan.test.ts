import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actionsFromGaps } from "../../addin/actions/actions.fromGaps.js";
import { parseTemplate } from "../../addin/model/template.parse.js";
import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { TablePlan } from "../../addin/plan/plan.types.js";
import { FileHost } from "../../addin/xlsx/xlsx.host.js";
import { saveWorkbook } from "../../addin/xlsx/xlsx.io.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { answeredWorkbook, column, demoTemplate, DEMO_IDS, editWorkbook, loadXlsx, parseJson, run, table, tempDir, writeJson, writeText } from "./cli.helpers.js";

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

/** Every cell of the action plan's rows (header included), as JSON text. */
async function actionCells(file: string): Promise<string[][]> {
  const t = table(await loadXlsx(file), "QG_Actions");
  const rows: string[][] = [];
  for (let r = t.top; r <= t.bottom; r++) rows.push(t.headers.map((_, c) => JSON.stringify(t.sheet.getCell(r, t.left + c).value)));
  return rows;
}

describe("qualigrid plan, with a template's own actions", () => {
  it("adds its rows below the template's, marked « Autoévaluation », leaving the template's rows as they were", async () => {
    const dir = tempDir();
    const json = richTemplateJson();
    const parsed = parseTemplate(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const t = parsed.value;
    const file = writeJson(dir, "riche.json", json);
    const xlsx = path.join(dir, "riche.xlsx");
    // Assessed today: the template's due dates (60 and 120 days on) are not past.
    const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    const on = (days: number): string => new Date(today.getTime() + days * 86_400_000).toISOString();
    expect((await run("new", file, "-o", xlsx, "--date", today.toISOString().slice(0, 10))).code).toBe(0);
    // Every rating criterion at the bottom of its scale: each has a gap.
    const lines = t.dimensions.flatMap((d) => d.criteria).map((c) => {
      const scale = c.scale ? t.scales?.[c.scale] : t.scale;
      return `${c.id},${c.type === "text" ? "Peu" : Math.min(...(scale?.levels ?? []).map((l) => l.value))},`;
    });
    const csv = writeText(dir, "answers.csv", ["criterion,rating,comment", ...lines, ""].join("\n"));
    const filled = await run("fill", xlsx, "--answers", csv);
    expect(filled.code, filled.err).toBe(0);
    const before = await actionCells(xlsx);
    const tbl = table(await loadXlsx(xlsx), "QG_Actions");
    const at = (h: string): number => column(tbl, h) - tbl.left;
    expect(before.slice(1, 3).map((r) => [r[at("Code")], r[at("Critère")], r[at("Échéance")], r[at("Source")]].map((v) => JSON.parse(v ?? "null")))).toEqual([
      ["M1", "G1", on(60), "Modèle"],
      ["M2", "S4", on(120), "Modèle"],
    ]);

    const r = await run("plan", xlsx, "--json");
    expect(r.code, r.err).toBe(0);
    const out = parseJson<PlanJson>(r.out);
    // G1 and S4 are served by the template's actions already.
    expect(out.actions.map((a) => a.criterion).sort()).toEqual(["G2", "G3", "S1", "S2"]);
    const after = await actionCells(xlsx);
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    const added = after.slice(3, 7).map((row) => [row[at("Code")], row[at("Critère")], row[at("Source")]].map((v) => JSON.parse(v ?? "null")));
    expect(added).toEqual(out.actions.map((a, i) => [`A-00${i + 1}`, a.criterion, "Autoévaluation"]));
    expect(after.slice(7)).toEqual(before.slice(7));

    // The template's rows, with their owner role and due date, raise no warning of their own.
    const check = await run("check", xlsx, "--json");
    const findings = parseJson<{ findings: { code: string; where: string }[] }>(check.out).findings ?? [];
    const onTemplateRows = findings.filter((f) => f.code.startsWith("action") && /!\$?[A-Z]+\$?[56]$/.test(f.where));
    expect(onTemplateRows.map((f) => f.code)).toEqual(["actionNoOwner"]);
  });

  it("writes no source in a plan made before the Source column, and adds its rows as before", async () => {
    const dir = tempDir();
    const json = demoTemplate();
    const parsed = parseTemplate(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const plan = buildPlan(parsed.value, { lang: "fr" });
    const actions = plan.sheets.find((s) => s.key === "actions")?.tables[0] as TablePlan;
    const i = actions.columns.findIndex((c) => c.key === "source");
    actions.columns.splice(i, 1);
    for (const row of actions.rows) row.splice(i, 1);
    const xlsx = path.join(dir, "ancien.xlsx");
    fs.writeFileSync(xlsx, await saveWorkbook(await renderPlanToWorkbook(plan)));
    const csv = writeText(dir, "answers.csv", ["criterion,rating,comment", ...DEMO_IDS.map((id, k) => `${id},${id === "C16" ? "N/A" : (k % 4) + 1},`), ""].join("\n"));
    expect((await run("fill", xlsx, "--answers", csv)).code).toBe(0);
    const r = await run("plan", xlsx);
    expect(r.code, r.err).toBe(0);
    expect(await actionRowsOf(xlsx)).toEqual(EXPECTED.map((c, k) => [`A-${String(k + 1).padStart(3, "0")}`, c]));
    expect(table(await loadXlsx(xlsx), "QG_Actions").headers).not.toContain("Source");
    expect(JSON.stringify(await actionCells(xlsx))).not.toContain("Autoévaluation");
  });
});

describe("an upgrade to a template version with its own actions", () => {
  it("writes the template's actions above the old plan's rows, which it carries whole, and never twice", async () => {
    const dir = tempDir();
    const v2 = richTemplateJson();
    const v1 = richTemplateJson();
    delete v1.actions;
    v1.version = "1.0.0";
    const v3 = { ...richTemplateJson(), version: "2.1.0" };
    const xlsx = path.join(dir, "w.xlsx");
    expect((await run("new", writeJson(dir, "v1.json", v1), "-o", xlsx)).code).toBe(0);
    await editWorkbook(xlsx, (wb) => {
      const t = table(wb, "QG_Actions");
      t.sheet.getCell(t.top + 1, column(t, "Code")).value = "A-001";
      t.sheet.getCell(t.top + 1, column(t, "Critère")).value = "G2";
      t.sheet.getCell(t.top + 1, column(t, "Action")).value = "Mon action à moi";
      t.sheet.getCell(t.top + 1, column(t, "Pilote")).value = "Moi";
    });
    const rowsOf = async (file: string): Promise<unknown[][]> => {
      const t = table(await loadXlsx(file), "QG_Actions");
      const out: unknown[][] = [];
      for (let r = t.top + 1; r <= t.bottom; r++) {
        const id = t.sheet.getCell(r, column(t, "Code")).value;
        if (id !== null) out.push(["Code", "Action", "Pilote", "Livrable", "Source"].map((h) => t.sheet.getCell(r, column(t, h)).value));
      }
      return out;
    };
    const u2 = path.join(dir, "u2.xlsx");
    const up = await run("upgrade", xlsx, "--template", writeJson(dir, "v2.json", v2), "-o", u2);
    expect(up.code, up.err).toBe(0);
    const expected = [
      ["M1", "Adopter un calendrier des réunions du conseil", "Présidence", null, "Modèle"],
      ["M2", "Faire le sondage annuel", null, "Rapport du sondage", "Modèle"],
      ["A-001", "Mon action à moi", "Moi", null, null],
    ];
    expect(await rowsOf(u2)).toEqual(expected);
    // A later version: the template's rows are the workbook's already, in its Livrable column.
    const u3 = path.join(dir, "u3.xlsx");
    expect((await run("upgrade", u2, "--template", writeJson(dir, "v3.json", v3), "-o", u3)).code).toBe(0);
    expect(await rowsOf(u3)).toEqual(expected);
  });
});
