import { describe, expect, it } from "vitest";
import { shippedBuiltin } from "../../tests/support/builtins.v1.js";
import type { PlainTable } from "../model/table.plain.js";
import type { Lang } from "../model/template.types.js";
import { TABLES } from "../plan/names.js";
import { buildPlan } from "../plan/plan.build.js";
import type { TablePlan } from "../plan/plan.types.js";
import { SURVEYS } from "../plan/surveys.test-helpers.js";
import { surveysInTables, surveysOf } from "./surveys.read.js";

/** A plan's table as a reader sees it in the written workbook (values only). */
function plainOf(t: TablePlan, sheet: string): PlainTable {
  return {
    name: t.name,
    sheet,
    top: t.top,
    left: t.left,
    headers: t.columns.map((c) => c.header),
    rows: t.rows.map((r) => r.map((v) => (typeof v === "object" && v !== null ? null : v))),
  };
}

function tablesOf(lang: Lang): Map<string, PlainTable> {
  const sheet = buildPlan(shippedBuiltin("engagement-qualite"), { lang, surveys: SURVEYS }).sheets.find((s) => s.key === "surveys");
  if (!sheet) throw new Error("no surveys sheet");
  return new Map(sheet.tables.map((t) => [t.name.toLowerCase(), plainOf(t, sheet.name)]));
}

describe("surveysOf: the surveys read back from « Sondages »", () => {
  for (const lang of ["fr", "en"] as const) {
    it(`reads back exactly what was written (${lang} headers)`, () => {
      const tables = tablesOf(lang);
      const read = surveysOf(tables.get(TABLES.surveys.toLowerCase()), tables.get(TABLES.surveyAnswers.toLowerCase()), tables.get(TABLES.surveyComments.toLowerCase()));
      expect(read).toEqual(SURVEYS);
    });
  }

  it("reads the formula check's view of the tables alike", () => {
    expect(surveysInTables(tablesOf("fr"))).toEqual(SURVEYS);
  });

  it("is empty without QG_Surveys, and keeps a survey whose answers table was lost", () => {
    expect(surveysOf(undefined, undefined, undefined)).toEqual([]);
    const tables = tablesOf("fr");
    const read = surveysOf(tables.get(TABLES.surveys.toLowerCase()), undefined, undefined);
    expect(read.map((s) => s.name)).toEqual(["Satisfaction 2026", "Vide"]);
    expect(read[0]?.questions[0]?.favourable).toBeCloseTo(15 / 35, 12);
    expect(read[0]?.questions[0]?.answers).toEqual([]);
  });
});
