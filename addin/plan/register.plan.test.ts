import { describe, expect, it } from "vitest";
import { shippedBuiltin } from "../../tests/support/builtins.v1.js";
import { serialOfDay } from "../model/date.serial.js";
import { parseTemplate } from "../model/template.parse.js";
import { richTemplateJson } from "../model/template.rich.test-helpers.js";
import type { Template } from "../model/template.types.js";
import { isFormula } from "./formula.js";
import { buildPlan, DEFAULT_PLAN_OPTIONS } from "./plan.build.js";
import type { PlanOptions, PlanValue, TablePlan } from "./plan.types.js";
import { actionsTable, prefilledActionRows } from "./register.plan.js";

function rich(): Template {
  const r = parseTemplate(richTemplateJson());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const DAY = new Date(Date.UTC(2026, 0, 15));

function options(over: Partial<PlanOptions> = {}): PlanOptions {
  return { ...DEFAULT_PLAN_OPTIONS, ...over };
}

/** The table's rows as { header: value } records, formulas left out. */
function records(t: TablePlan): Record<string, PlanValue>[] {
  return t.rows.map((r) => Object.fromEntries(t.columns.flatMap((c, i) => (isFormula(r[i] ?? null) ? [] : [[c.key, r[i] ?? null]]))));
}

describe("the action plan's table", () => {
  it("ends with a Source column (drop-down of QG_ActionSources) and has no Livrable column for a first-version template", () => {
    const t = actionsTable(options(), shippedBuiltin("engagement-qualite"));
    expect(t.columns.map((c) => c.key)).toEqual([
      "id", "criterion", "dimension", "gap", "action", "owner", "start", "due", "status", "indicator", "indicatorTarget", "progress", "comment", "overdue", "source",
    ]);
    const source = t.columns.at(-1);
    expect(source).toMatchObject({ header: "Source", input: true, validation: { type: "list", source: "=QG_ActionSources" } });
    expect(t.rows).toHaveLength(DEFAULT_PLAN_OPTIONS.blankRows);
    expect(t.rows.every((r) => r.at(-1) === null)).toBe(true);
  });

  it("writes the template's actions first, marked « Modèle », dated from the assessment date, then the blank rows", () => {
    const t = actionsTable(options({ settings: { assessmentDate: DAY } }), rich());
    expect(t.columns.map((c) => c.header)).toEqual([
      "Code", "Critère", "Dimension", "Écart", "Action", "Livrable", "Pilote", "Début", "Échéance", "Statut", "Indicateur", "Cible indicateur", "Avancement", "Commentaire", "En retard", "Source",
    ]);
    const rows = records(t);
    const day = serialOfDay(DAY);
    expect(rows[0]).toEqual({
      id: "M1", criterion: "G1", action: "Adopter un calendrier des réunions du conseil", deliverable: null, owner: "Présidence",
      start: day, due: day + 60, status: "À faire", indicator: "Calendrier adopté", indicatorTarget: "Oui", progress: null, comment: null, source: "Modèle",
    });
    expect(rows[1]).toEqual({
      id: "M2", criterion: "S4", action: "Faire le sondage annuel", deliverable: "Rapport du sondage", owner: null,
      start: null, due: day + 120, status: "À faire", indicator: null, indicatorTarget: null, progress: null, comment: null, source: "Modèle",
    });
    expect(t.rows).toHaveLength(2 + DEFAULT_PLAN_OPTIONS.blankRows);
    expect(rows.slice(2).every((r) => Object.values(r).every((v) => v === null))).toBe(true);
    // Dimension, gap and overdue stay calculated columns: the same formula on every row.
    for (const key of ["dimension", "gap", "overdue"]) {
      const i = t.columns.findIndex((c) => c.key === key);
      expect(new Set(t.rows.map((r) => JSON.stringify(r[i]))).size).toBe(1);
    }
  });

  it("words the rows in English, and leaves the dates blank without an assessment date", () => {
    const t = actionsTable(options({ lang: "en" }), rich());
    const [m1] = records(t);
    expect(m1).toMatchObject({ owner: "Chair", start: null, due: null, status: "To do", source: "Template" });
    expect(t.columns.find((c) => c.key === "deliverable")?.header).toBe("Deliverable");
  });

  it("takes no blank row when asked for none, but never makes an empty table", () => {
    expect(actionsTable(options({ blankRows: 0 }), rich()).rows).toHaveLength(2);
    expect(actionsTable(options({ blankRows: 0 }), shippedBuiltin("engagement-qualite")).rows).toHaveLength(1);
  });

  it("skips the template's actions a workbook holds already (an upgrade), keeping their Livrable column", () => {
    const t = actionsTable(options({ presentActionIds: [" m2 "] }), rich());
    expect(records(t).filter((r) => r.source === "Modèle").map((r) => r.id)).toEqual(["M1"]);
    expect(prefilledActionRows(t)).toBe(1);
    const none = actionsTable(options({ presentActionIds: ["M1", "M2"] }), rich());
    expect(prefilledActionRows(none)).toBe(0);
    expect(none.columns.some((c) => c.key === "deliverable")).toBe(true);
    expect(none.rows).toHaveLength(DEFAULT_PLAN_OPTIONS.blankRows);
  });

  it("leaves the deliverable column out when no action has one", () => {
    const json = richTemplateJson();
    delete json.actions[1].deliverable;
    const r = parseTemplate(json);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(actionsTable(options(), r.value).columns.some((c) => c.key === "deliverable")).toBe(false);
  });

  it("lists the sources on the lists sheet under QG_ActionSources, in the workbook's language", () => {
    for (const [lang, words] of [["fr", ["Modèle", "Autoévaluation", "Évaluation externe"]], ["en", ["Template", "Self-assessment", "External evaluation"]]] as const) {
      const plan = buildPlan(rich(), { lang });
      const name = plan.names.find((n) => n.name === "QG_ActionSources");
      expect(name?.ref).toBe("$K$4:$K$6");
      const lists = plan.sheets.find((s) => s.key === "lists");
      expect([4, 5, 6].map((row) => lists?.cells.find((c) => c.row === row && c.col === 11)?.value)).toEqual(words);
    }
  });
});
