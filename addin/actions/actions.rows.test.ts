import { describe, expect, it } from "vitest";
import { parseTemplate } from "../model/template.parse.js";
import { richTemplateJson } from "../model/template.rich.test-helpers.js";
import { DEFAULT_PLAN_OPTIONS } from "../plan/plan.build.js";
import type { PlanValue } from "../plan/plan.types.js";
import { actionsTable } from "../plan/register.plan.js";
import { placeActions } from "./actions.rows.js";

/** A new action plan of the rich template, as Office.js `formulas` gives its rows: `=…` text for formulas. */
function newPlan(lang: "fr" | "en", blankRows = 3): { headers: string[]; rows: unknown[][] } {
  const r = parseTemplate(richTemplateJson());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const t = actionsTable({ ...DEFAULT_PLAN_OPTIONS, lang, blankRows, settings: { assessmentDate: new Date(Date.UTC(2026, 0, 15)) } }, r.value);
  const asFormulas = (v: PlanValue): unknown => (v !== null && typeof v === "object" ? `=${v.formula}` : (v ?? ""));
  return { headers: t.columns.map((c) => c.header), rows: t.rows.map((row) => row.map(asFormulas)) };
}

const GAPS = [
  { criterion: "G2", dimension: "GOUV", gap: 2 },
  { criterion: "S1", dimension: "SERV", gap: 1 },
];

describe("placeActions on a plan with template rows", () => {
  it("fills the blank rows below the template's, numbers from A-001 and marks them « Autoévaluation »", () => {
    const { headers, rows } = newPlan("fr");
    const placed = placeActions(headers, rows, GAPS);
    expect(placed.fillFrom).toBe(2);
    expect(placed.append).toEqual([]);
    const at = (h: string): number => headers.indexOf(h);
    expect(placed.fill.map((r) => [r[at("Code")], r[at("Critère")], r[at("Source")], r[at("Statut")], r[at("Pilote")]])).toEqual([
      ["A-001", "G2", "Autoévaluation", null, null],
      ["A-002", "S1", "Autoévaluation", null, null],
    ]);
  });

  it("writes the English word in an English plan", () => {
    const { headers, rows } = newPlan("en");
    const placed = placeActions(headers, rows, GAPS.slice(0, 1));
    expect(placed.fill[0]?.[headers.indexOf("Source")]).toBe("Self-assessment");
  });

  it("never counts a template row as empty: with no blank row left, the table grows", () => {
    const { headers, rows } = newPlan("fr", 0);
    const placed = placeActions(headers, rows, GAPS);
    expect(placed.fill).toEqual([]);
    expect(placed.fillFrom).toBe(rows.length);
    expect(placed.append).toHaveLength(2);
  });

  it("writes nothing where a plan made before the Source column has none", () => {
    const { headers, rows } = newPlan("fr");
    const i = headers.indexOf("Source");
    const old = headers.filter((_, j) => j !== i);
    const placed = placeActions(old, rows.map((r) => r.filter((_, j) => j !== i)), GAPS);
    expect(placed.fill[0]).toHaveLength(old.length);
    expect(placed.fill.flat()).not.toContain("Autoévaluation");
  });
});
