import { describe, expect, it } from "vitest";
import { SHIPPED_BUILTIN_IDS, shippedBuiltin } from "../../tests/support/builtins.v1.js";
import { richTemplateJson } from "../model/template.rich.test-helpers.js";
import { parseTemplate } from "../model/template.parse.js";
import type { Template } from "../model/template.types.js";
import { isFormula } from "./formula.js";
import { HEADERS } from "./labels.js";
import { NAMES, TABLES } from "./names.js";
import { buildPlan } from "./plan.build.js";

function rich(): Template {
  const r = parseTemplate(richTemplateJson());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("the process sheet (QG_Steps)", () => {
  it("is there for a template with steps, after the action plan, one row per step", () => {
    const plan = buildPlan(rich());
    // The reports (« Rapport », « Rapport de visite ») follow the process, as the contract of issue 18 orders the tabs.
    expect(plan.sheets.map((s) => s.key)).toEqual(["dashboard", "grid", "evidence", "actions", "steps", "report", "visit", "template", "lists"]);
    const sheet = plan.sheets.find((s) => s.key === "steps");
    expect(sheet?.name).toBe("Démarche");
    const t = sheet?.tables[0];
    expect(t?.name).toBe(TABLES.steps);
    expect(t?.columns.map((c) => c.header)).toEqual([
      "Code",
      "Étape",
      "Description",
      "Livrable",
      "Délai en jours",
      "Date prévue",
      "Date de réalisation",
      "Responsable",
      "Statut",
      "Note",
      "En retard",
    ]);
    expect(t?.columns.filter((c) => c.input).map((c) => c.key)).toEqual(["done", "responsible", "status", "note"]);
    expect(t?.rows.map((r) => r.slice(0, 5))).toEqual([
      ["E1", "Sondages", null, "Résultats des sondages", 30],
      ["E2", "Autoévaluation", "Avec la preuve documentaire.", null, 90],
      ["E3", "Visite de l'évaluateur externe", null, null, 150],
    ]);
    expect(sheet?.print.repeatRows).toEqual({ from: 4, to: 4 });
  });

  it("computes the planned date from the assessment date and the overdue flag against today, not done, not « Terminée »", () => {
    const t = buildPlan(rich(), { lang: "en" }).sheets.find((s) => s.key === "steps")?.tables[0];
    const at = (key: string): unknown => t?.rows[0]?.[t.columns.findIndex((c) => c.key === key)];
    expect(at("planned")).toEqual({
      formula:
        '=IF(AND(ISNUMBER(QG_AssessmentDate),ISNUMBER(QG_Steps[[#This Row],[Days after assessment date]])),INT(QG_AssessmentDate)+QG_Steps[[#This Row],[Days after assessment date]],"")',
    });
    expect(at("overdue")).toEqual({
      formula:
        '=IF(ISNUMBER(QG_Steps[[#This Row],[Planned date]]),IF(AND(QG_Steps[[#This Row],[Planned date]]<TODAY(),NOT(ISNUMBER(QG_Steps[[#This Row],[Date done]])),QG_Steps[[#This Row],[Status]]<>QG_StepDone),"Overdue",""),"")',
    });
    expect(t?.columns.find((c) => c.key === "status")?.validation).toMatchObject({ type: "list", source: `=${NAMES.stepStatuses}` });
    expect(t?.columns.find((c) => c.key === "done")?.validation).toMatchObject({ type: "date" });
    // Every row has the same formulas: an Excel table's calculated column stays consistent.
    for (const key of ["planned", "overdue"]) {
      const j = t?.columns.findIndex((c) => c.key === key) ?? -1;
      expect(new Set(t?.rows.map((r) => JSON.stringify(r[j])))).toHaveProperty("size", 1);
      expect(isFormula(t?.rows[0]?.[j])).toBe(true);
    }
  });

  it("puts the step statuses on the lists sheet, named, with the one that closes a step", () => {
    const plan = buildPlan(rich());
    const lists = plan.sheets.find((s) => s.key === "lists");
    const names = new Map(plan.names.map((n) => [n.name, n.ref]));
    expect(names.get(NAMES.stepStatuses)).toBe("$AC$4:$AC$6");
    expect(names.get(NAMES.stepDone)).toBe("$AC$6");
    expect(lists?.cells.filter((c) => c.col === 29).map((c) => c.value)).toEqual(["Statut des étapes", "À venir", "En cours", "Terminée"]);
  });

  it("is absent, with its names and lists, for templates without steps: the 1.0.0 built-ins keep their workbooks", () => {
    for (const t of SHIPPED_BUILTIN_IDS.map(shippedBuiltin)) {
      const plan = buildPlan(t);
      expect(plan.sheets.some((s) => s.key === "steps" || s.tables.some((x) => x.name === TABLES.steps))).toBe(false);
      expect(plan.names.some((n) => n.name === NAMES.stepStatuses || n.name === NAMES.stepDone)).toBe(false);
      expect(plan.sheets.find((s) => s.key === "lists")?.cells.some((c) => c.col === 29)).toBe(false);
    }
  });

  it("has headers in both languages, none needing escapes in structured references", () => {
    for (const h of Object.values(HEADERS.steps)) for (const text of [h.fr, h.en]) expect(text).not.toMatch(/[[\]#']/);
  });
});
