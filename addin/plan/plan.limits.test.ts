import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import { issueText } from "../model/messages/message.catalog.js";
import { buildPlan } from "./plan.build.js";
import { isExcelName, isExcelSheetName, planLimits } from "./plan.limits.js";
import type { WorkbookPlan } from "./plan.types.js";

const fresh = (): WorkbookPlan => structuredClone(buildPlan(builtinTemplates()[0]!, { lang: "fr" }));
const codes = (plan: WorkbookPlan): [string, string | undefined][] => planLimits(plan).map((i) => [i.path, i.code]);

describe("planLimits", () => {
  it("finds nothing in the plans of the built-in templates, in both languages", () => {
    for (const t of builtinTemplates()) for (const lang of ["fr", "en"] as const) expect(planLimits(buildPlan(t, { lang }))).toEqual([]);
  });

  it("names a sheet name over 31 characters or with a character Excel refuses", () => {
    const plan = fresh();
    plan.sheets[0]!.name = "x".repeat(32);
    plan.sheets[1]!.name = "Grille [2]";
    const found = planLimits(plan);
    expect(found.map((i) => i.code)).toEqual(["limits.plan.sheetName", "limits.plan.sheetName"]);
    expect(found[1]?.path).toBe("Grille [2]");
    expect(issueText(found[0]!, "fr")).toMatch(/au plus 31 caractères/);
    expect(issueText(found[0]!, "en")).toMatch(/at most 31 characters/);
  });

  it("names a text cell over 32,767 characters by its cell, and accepts 32,767", () => {
    const plan = fresh();
    const sheet = plan.sheets.find((s) => s.cells.some((c) => typeof c.value === "string"))!;
    const cell = sheet.cells.find((c) => typeof c.value === "string")!;
    cell.value = "x".repeat(32_767);
    expect(planLimits(plan)).toEqual([]);
    cell.value = "x".repeat(32_768);
    const col = String.fromCharCode(64 + cell.col);
    expect(codes(plan)).toEqual([[`${sheet.name}!${col}${cell.row}`, "limits.plan.cellText"]]);
  });

  it("names a formula over 8,192 characters and a table cell over the text limit", () => {
    const plan = fresh();
    const sheet = plan.sheets.find((s) => s.tables.length > 0)!;
    const table = sheet.tables[0]!;
    table.rows[0]![0] = { formula: `=${"1+".repeat(4_096)}1` };
    table.rows[1]![0] = "y".repeat(40_000);
    const found = codes(plan);
    const col = String.fromCharCode(64 + table.left);
    expect(found).toEqual([
      [`${sheet.name}!${col}${table.top + 1}`, "limits.plan.formula"],
      [`${sheet.name}!${col}${table.top + 2}`, "limits.plan.cellText"],
    ]);
  });

  it("names tables and defined names Excel refuses: a space, a digit first, a cell reference, over 255", () => {
    const plan = fresh();
    const sheet = plan.sheets.find((s) => s.tables.length > 0)!;
    sheet.tables[0]!.name = "QG Grid";
    plan.names[0]!.name = "AB12";
    expect(codes(plan).map(([, c]) => c)).toEqual(["limits.plan.name", "limits.plan.name"]);
    for (const bad of ["1abc", "R1C1", "r", "C", "XFD1048576", "_".repeat(256), "a-b", ""]) expect(isExcelName(bad), bad).toBe(false);
    for (const good of ["QG_Grid", "_x", "XFE1", "Évaluation.2", "A1048577", "Rx"]) expect(isExcelName(good), good).toBe(true);
  });

  it("checks sheet names as Excel does", () => {
    for (const bad of ["", " ", "a/b", "a\\b", "a?b", "a*b", "a:b", "'a", "a'", "x".repeat(32)]) expect(isExcelSheetName(bad), bad).toBe(false);
    for (const good of ["Grille", "Plan d'action", "x".repeat(31)]) expect(isExcelSheetName(good), good).toBe(true);
  });

  it("names a table that would reach beyond the last row or the last column", () => {
    const plan = fresh();
    const sheet = plan.sheets.find((s) => s.tables.length > 0)!;
    const table = sheet.tables[0]!;
    table.top = 1_048_576;
    expect(codes(plan)).toEqual([[`${sheet.name}!${table.name}`, "limits.plan.rows"]]);
    table.top = 1;
    table.left = 16_384;
    expect(codes(plan)).toEqual([[`${sheet.name}!${table.name}`, "limits.plan.columns"]]);
  });

  it("refuses a plan whose workbook Qualigrid could not read back (over a million cells), not one of 10,000 criteria", () => {
    const base = builtinTemplates()[0]!;
    const grown = (n: number) => ({
      ...base,
      dimensions: [{ ...base.dimensions[0]!, criteria: Array.from({ length: n }, (_, k) => ({ id: `K${k}`, text: "x", weight: 1 })) }],
    });
    expect(planLimits(buildPlan(grown(10_000), { lang: "fr" })).map((i) => i.code)).toEqual([]);
    const found = planLimits(buildPlan(grown(40_000), { lang: "fr" }));
    expect(found.map((i) => i.code)).toEqual(["limits.plan.cells"]);
    expect(issueText(found[0]!, "fr")).toMatch(/Qualigrid en lit au plus 1\u00a0000\u00a0000/);
  });
});
