import { describe, expect, it } from "vitest";
import { shippedBuiltin } from "../../tests/support/builtins.v1.js";
import { parseTemplate } from "../model/template.parse.js";
import { richTemplateJson } from "../model/template.rich.test-helpers.js";
import type { Lang, Template } from "../model/template.types.js";
import { EVALUATOR_GRID_KEYS } from "./grid.evaluator.js";
import { REPORT_GRID_KEYS } from "./grid.report.js";
import { isFormula } from "./formula.js";
import { NAMES, TABLES } from "./names.js";
import { buildPlan } from "./plan.build.js";
import type { PlanValue, TablePlan, WorkbookPlan } from "./plan.types.js";

function rich(): Template {
  const r = parseTemplate(richTemplateJson());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const formulaOf = (v: PlanValue | undefined): string => (v !== undefined && isFormula(v) ? v.formula : "");

function tableOf(plan: WorkbookPlan, name: string): TablePlan {
  const t = plan.sheets.flatMap((s) => s.tables).find((x) => x.name === name);
  if (!t) throw new Error(`no ${name}`);
  return t;
}

/** The formula of a column of a table's first row. */
function formula(t: TablePlan, key: string): string {
  const i = t.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return formulaOf(t.rows[0]?.[i]);
}

describe("the evidence register's review columns", () => {
  it.each([
    ["fr", ["Code", "Critères", "Titre du document", "Type", "Responsable", "Date du document", "Emplacement ou lien", "Statut", "Expiration", "Confidentiel", "Commentaire", "Statut de la revue", "Avis évaluateur", "Date de revue", "Réviseur", "Compte pour la couverture", "Acceptée à la revue"]],
    ["en", ["ID", "Criteria", "Document title", "Type", "Owner", "Document date", "Location or link", "Status", "Expiry date", "Confidential", "Comment", "Review status", "Evaluator note", "Review date", "Reviewer", "Counts for coverage", "Accepted in review"]],
  ] as const)("follow the organization's columns, the reviewer's note keeping its header (%s)", (lang, headers) => {
    const t = tableOf(buildPlan(shippedBuiltin("engagement-qualite"), { lang }), TABLES.evidence);
    expect(t.columns.map((c) => c.header)).toEqual(headers);
    const col = (k: string) => t.columns.find((c) => c.key === k);
    expect(col("reviewStatus")).toMatchObject({ input: true, validation: { type: "list", source: "=QG_ReviewStatuses" } });
    expect(col("reviewDate")).toMatchObject({ input: true, numFmt: "yyyy-mm-dd", validation: { type: "date" } });
    expect(col("reviewer")?.input).toBe(true);
    expect([col("counts")?.style, col("reviewAccepted")?.style]).toEqual(["helper", "helper"]);
  });

  it("writes a stable id on every pre-formatted row, and nothing else a person types", () => {
    const t = tableOf(buildPlan(shippedBuiltin("engagement-qualite"), { lang: "fr", blankRows: 12 }), TABLES.evidence);
    expect(t.rows.map((r) => r[0])).toEqual(Array.from({ length: 12 }, (_, i) => `E${String(i + 1).padStart(3, "0")}`));
    const inputs = t.columns.flatMap((c, i) => (c.input && c.key !== "id" ? [i] : []));
    expect(t.rows.every((r) => inputs.every((i) => r[i] === null))).toBe(true);
  });

  it("counts a row for coverage unless the review says « À compléter » or « Manquante »; reviewed coverage needs « Acceptée »", () => {
    const t = tableOf(buildPlan(shippedBuiltin("engagement-qualite"), { lang: "fr" }), TABLES.evidence);
    const row = (h: string) => `QG_Evidence[[#This Row],[${h}]]`;
    const current = `OR(${row("Expiration")}="",${row("Expiration")}>=QG_ReferenceDate)`;
    expect(formula(t, "counts")).toBe(
      `=IF(AND(${row("Statut")}=QG_AcceptedStatus,${current},${row("Statut de la revue")}<>QG_ReviewToComplete,${row("Statut de la revue")}<>QG_ReviewMissing),1,0)`,
    );
    expect(formula(t, "reviewAccepted")).toBe(`=IF(AND(${row("Statut de la revue")}=QG_ReviewAccepted,${current}),1,0)`);
  });
});

describe("the review statuses on the lists sheet", () => {
  it.each([
    ["fr", ["Acceptée", "À compléter", "Manquante"]],
    ["en", ["Accepted", "To complete", "Missing"]],
  ] as const)("name the drop-down and each verdict (%s)", (lang, words) => {
    const plan = buildPlan(shippedBuiltin("engagement-qualite"), { lang });
    const ref = (n: string) => plan.names.find((x) => x.name === n)?.ref;
    expect([ref(NAMES.reviewStatuses), ref(NAMES.reviewAccepted), ref(NAMES.reviewToComplete), ref(NAMES.reviewMissing)]).toEqual(["$N$4:$N$6", "$N$4", "$N$5", "$N$6"]);
    const lists = plan.sheets.find((s) => s.key === "lists");
    expect([4, 5, 6].map((row) => lists?.cells.find((c) => c.row === row && c.col === 14)?.value)).toEqual(words);
    const used = plan.names.find((x) => x.name === NAMES.toleranceUsed);
    const cell = lists?.cells.find((c) => `$${String.fromCharCode(64 + c.col)}$${c.row}` === used?.ref);
    expect(formulaOf(cell?.value)).toBe("=IF(ISNUMBER(QG_AgreementTolerance),QG_AgreementTolerance,1)");
  });
});

describe("the grid's evaluator helpers", () => {
  const cases: [string, Template, Lang, string[]][] = [
    ["one respondent", shippedBuiltin("engagement-qualite"), "fr", []],
    ["three respondents", shippedBuiltin("engagement-qualite"), "en", ["A", "B", "C"]],
    ["several scales and text questions", rich(), "fr", []],
  ];
  it.each(cases)("are in every grid, after the other helpers (%s)", (_, template, lang, respondents) => {
    const grid = tableOf(buildPlan(template, { lang, respondents }), TABLES.grid);
    // The report's ranks and the visit report's disagreement rank (issue 18) come after them, last.
    const keys = grid.columns.map((c) => c.key).filter((k) => !(REPORT_GRID_KEYS as readonly string[]).includes(k) && k !== "disagreementRow");
    expect(keys.slice(-EVALUATOR_GRID_KEYS.length)).toEqual([...EVALUATOR_GRID_KEYS]);
    expect(grid.columns.filter((c) => (EVALUATOR_GRID_KEYS as readonly string[]).includes(c.key)).every((c) => c.style === "helper")).toBe(true);
  });

  it("compare the evaluator with « Cotation » alone, and with the consolidated rating when there are several respondents", () => {
    const one = tableOf(buildPlan(shippedBuiltin("engagement-qualite"), { lang: "fr" }), TABLES.grid);
    const row = (h: string) => `QG_Grid[[#This Row],[${h}]]`;
    expect(formula(one, "evaluatorScored")).toBe(`=IF(ISNUMBER(${row("Cotation évaluateur")}),IF(ISNUMBER(MATCH(${row("Cotation évaluateur")},QG_LevelValues,0)),1,0),0)`);
    expect(formula(one, "evaluatorPoints")).toBe(`=IF(${row("Coté évaluateur")}=1,${row("Poids")}*(${row("Cotation évaluateur")}-QG_ScaleMin)/(QG_ScaleMax-QG_ScaleMin),0)`);
    expect(formula(one, "evaluatorDifference")).toBe(`=IF(${row("Évalué")}+${row("Coté évaluateur")}=2,ABS(${row("Cotation")}-${row("Cotation évaluateur")}),"")`);
    expect(formula(one, "evaluatorWithin")).toBe(`=IF(ISNUMBER(${row("Écart évaluateur")}),IF(${row("Écart évaluateur")}<=QG_ToleranceUsed+1E-12,1,0),0)`);
    const multi = tableOf(buildPlan(shippedBuiltin("engagement-qualite"), { lang: "fr", respondents: ["A", "B"] }), TABLES.grid);
    expect(formula(multi, "evaluatorDifference")).toContain(`ABS(${row("Cotation consolidée")}-${row("Cotation évaluateur")})`);
  });

  it("measure the difference in default-scale levels and read each row's scale when the template has several", () => {
    const grid = tableOf(buildPlan(rich(), { lang: "en" }), TABLES.grid);
    const row = (h: string) => `QG_Grid[[#This Row],[${h}]]`;
    expect(formula(grid, "evaluatorDifference")).toContain(`*(QG_ScaleMax-QG_ScaleMin)/(${row("Scale max")}-${row("Scale min")})`);
    expect(formula(grid, "evaluatorScored")).toMatch(/^=IF\(QG_Grid\[\[#This Row\],\[Free text\]\]=1,0,/);
    expect(formula(grid, "evaluatorScored")).toContain("QG_LevelKeys");
  });

  it("sum accepted evidence from the register's own flags", () => {
    const grid = tableOf(buildPlan(shippedBuiltin("engagement-qualite"), { lang: "en" }), TABLES.grid);
    expect(formula(grid, "acceptedEvidence")).toMatch(/\*QG_Evidence\[Counts for coverage\]\)$/);
    expect(formula(grid, "reviewedCovered")).toContain("*QG_Evidence[Accepted in review])>0");
  });
});

describe("the dashboard's evaluator figures", () => {
  it.each(["fr", "en"] as const)("come per dimension in QG_Scores and overall as named cells right of the overall block, QG_Scores kept at row 15 (%s)", (lang) => {
    const plan = buildPlan(shippedBuiltin("engagement-qualite"), { lang });
    const scores = tableOf(plan, TABLES.scores);
    const keys = scores.columns.map((c) => c.key);
    for (const k of ["reviewedCoverage", "evaluatorScore", "evaluatorGap", "evaluatorAnswered", "evaluatorBoth", "evaluatorWithin", "evaluatorMeanDiff"]) expect(keys).toContain(k);
    const dash = plan.sheets.find((s) => s.key === "dashboard");
    const named = [NAMES.evaluatorScore, NAMES.evaluatorGap, NAMES.evaluatorAnswered, NAMES.evaluatorBoth, NAMES.agreement, NAMES.meanAbsDiff, NAMES.reviewedCoverage];
    // Users' charts and references point at QG_Scores' rows: the evaluator's block does not push it down.
    expect(scores.top).toBe(15);
    for (const n of named) {
      const ref = plan.names.find((x) => x.name === n);
      expect(ref?.sheet, n).toBe(dash?.name);
      const m = /^\$I\$(\d+)$/.exec(ref?.ref ?? "");
      expect(m, n).not.toBeNull();
      expect(Number(m?.[1])).toBeLessThan(scores.top);
    }
    // Nothing of the blocks above sits in the table's rows, and no two cells share a place.
    const cells = dash?.cells ?? [];
    expect(Math.max(...cells.filter((c) => c.row < scores.top).map((c) => c.row))).toBeLessThan(scores.top - 1);
    expect(new Set(cells.map((c) => `${c.row},${c.col}`)).size).toBe(cells.length);
    // The labels overflow to the right into empty cells: nothing between a label (E) and its figure (I).
    const evaluatorRows = cells.filter((c) => c.col === 5 && c.row > 4).map((c) => c.row);
    expect(cells.filter((c) => evaluatorRows.includes(c.row) && c.col > 5 && c.col < 9)).toEqual([]);
    const row = (k: string) => `QG_Scores[[#This Row],[${scores.columns.find((c) => c.key === k)?.header}]]`;
    expect(formula(scores, "evaluatorGap")).toBe(`=IF(ISNUMBER(${row("evaluatorScore")}),${row("target")}-${row("evaluatorScore")},"")`);
    expect(formula(scores, "evaluatorWithin")).toBe(`=IF(${row("evaluatorBoth")}=0,"",${row("evaluatorWithinCount")}/${row("evaluatorBoth")})`);
  });

  it("are left out, with the review's columns, lists and names, when the plan is of a workbook made before the review", () => {
    for (const parts of [undefined, { evidence: false, actions: true, dashboard: true }]) {
      const plan = buildPlan(shippedBuiltin("engagement-qualite"), { lang: "fr", review: false, ...(parts ? { parts } : {}) });
      const keys = plan.sheets.flatMap((s) => s.tables.flatMap((t) => t.columns.map((c) => c.key)));
      for (const k of ["reviewStatus", "reviewDate", "reviewer", "counts", "reviewAccepted", "reviewedCovered", "reviewedCoverage", ...EVALUATOR_GRID_KEYS, "evaluatorScore"]) expect(keys).not.toContain(k);
      const review = [NAMES.reviewStatuses, NAMES.reviewAccepted, NAMES.toleranceUsed, NAMES.evaluatorScore, NAMES.agreement];
      expect(plan.names.filter((n) => review.includes(n.name as (typeof review)[number]))).toEqual([]);
      expect(tableOf(plan, TABLES.scores).top).toBe(15);
    }
    const plan = buildPlan(shippedBuiltin("engagement-qualite"), { lang: "fr", review: false });
    const register = tableOf(plan, TABLES.evidence);
    expect(register.columns.map((c) => c.key).slice(-2)).toEqual(["evaluatorNote", "comment"]);
    expect(register.rows.every((r) => r.every((v) => v === null))).toBe(true);
    expect(formula(tableOf(plan, TABLES.grid), "acceptedEvidence")).toContain("*(QG_Evidence[Statut]=QG_AcceptedStatus)*((QG_Evidence[Expiration]=\"\")+(QG_Evidence[Expiration]>=QG_ReferenceDate)>0))");
  });

  it("leaves the reviewed coverage out without an evidence register", () => {
    const plan = buildPlan(shippedBuiltin("engagement-qualite"), { lang: "fr", parts: { evidence: false, actions: true, dashboard: true } });
    expect(tableOf(plan, TABLES.scores).columns.some((c) => c.key === "reviewedCoverage")).toBe(false);
    expect(plan.names.some((n) => n.name === NAMES.reviewedCoverage)).toBe(false);
    expect(plan.names.some((n) => n.name === NAMES.evaluatorScore)).toBe(true);
  });
});
