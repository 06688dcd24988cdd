import { describe, expect, it } from "vitest";
import { shippedBuiltin } from "../../tests/support/builtins.v1.js";
import { HEADERS } from "./labels.js";
import { TABLES } from "./names.js";
import { buildPlan } from "./plan.build.js";
import { SURVEYS_HEADER_ROW } from "./surveys.plan.js";
import { SURVEYS } from "./surveys.test-helpers.js";

const template = shippedBuiltin("engagement-qualite");

describe("the surveys sheet (« Sondages »)", () => {
  it("is absent without surveys, and placed before the template sheet with them", () => {
    expect(buildPlan(template).sheets.some((s) => s.key === "surveys")).toBe(false);
    expect(buildPlan(template, { surveys: [] }).sheets.some((s) => s.key === "surveys")).toBe(false);
    const keys = buildPlan(template, { surveys: SURVEYS }).sheets.map((s) => s.key);
    expect(keys.indexOf("surveys")).toBeGreaterThan(keys.indexOf("actions"));
    expect(keys.indexOf("surveys")).toBe(keys.indexOf("template") - (keys.includes("history") ? 2 : 1));
  });

  it("writes one QG_Surveys row per survey × question, the favourable share as a value, and a row for a survey without question", () => {
    const sheet = buildPlan(template, { surveys: SURVEYS }).sheets.find((s) => s.key === "surveys");
    expect(sheet?.name).toBe("Sondages");
    expect(sheet?.protect).toBe(true);
    const main = sheet?.tables.find((t) => t.name === TABLES.surveys);
    expect(main?.top).toBe(SURVEYS_HEADER_ROW);
    const keys = main?.columns.map((c) => c.key) ?? [];
    expect(keys).toEqual(Object.keys(HEADERS.surveys));
    const col = (k: string): number => keys.indexOf(k);
    expect(main?.rows.map((r) => r[col("question")])).toEqual(["Je me sens bien accueilli", "Service utilisé", "Vos commentaires", null]);
    expect(main?.rows.map((r) => r[col("favourable")])).toEqual([15 / 35, null, null, null]);
    expect(main?.rows.map((r) => r[col("scale")])).toEqual(["Accord (4 niveaux)", "Choix", "Texte libre", null]);
    expect(main?.rows[0]?.[col("criteria")]).toBe("1.1, 1.2");
    // 2026-04-01 as Excel's day serial.
    expect(main?.rows[0]?.[col("imported")]).toBe(46113);
    expect(main?.columns[col("favourable")]?.numFmt).toBe("0%");
  });

  it("writes the answers' counts and shares below, and the comments only when a survey kept some", () => {
    const sheet = buildPlan(template, { surveys: SURVEYS, lang: "en" }).sheets.find((s) => s.key === "surveys");
    expect(sheet?.name).toBe("Surveys");
    const answers = sheet?.tables.find((t) => t.name === TABLES.surveyAnswers);
    expect(answers?.rows.length).toBe(6);
    const share = answers?.columns.findIndex((c) => c.key === "share") ?? -1;
    expect(answers?.rows[2]?.[share]).toBeCloseTo(15 / 35, 12);
    expect(sheet?.tables.find((t) => t.name === TABLES.surveyComments)?.rows).toEqual([["Satisfaction 2026", 3, "Vos commentaires", "Merci!"]]);
    const without = buildPlan(template, { surveys: SURVEYS.slice(1) }).sheets.find((s) => s.key === "surveys");
    expect(without?.tables.map((t) => t.name)).toEqual([TABLES.surveys, TABLES.surveyAnswers]);
    // The tables never overlap: each starts below the one above.
    const tables = sheet?.tables ?? [];
    for (let i = 1; i < tables.length; i++) expect(tables[i]?.top).toBeGreaterThan((tables[i - 1]?.top ?? 0) + (tables[i - 1]?.rows.length ?? 0) + 1);
  });

  it("prints one page wide with the header row repeated", () => {
    const sheet = buildPlan(template, { surveys: SURVEYS }).sheets.find((s) => s.key === "surveys");
    expect(sheet?.print.repeatRows).toEqual({ from: SURVEYS_HEADER_ROW, to: SURVEYS_HEADER_ROW });
    expect(sheet?.print.area).toBe("A:I");
  });
});
