import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import { OVERALL_ROW, type RoundRecord } from "../model/history.types.js";
import { handRound, roundFigures } from "../scoring/round.test-helpers.js";
import type { SurveyRecord } from "../model/survey.types.js";
import { richTemplateJson } from "../model/template.rich.test-helpers.js";
import { parseTemplate } from "../model/template.parse.js";
import type { Lang, Template } from "../model/template.types.js";
import { textOf } from "../model/text.js";
import { isFormula } from "./formula.js";
import { gridHasReportLayout, REPORT_GRID_KEYS } from "./grid.report.js";
import { CHARTS, NAMES, TABLES } from "./names.js";
import { buildPlan } from "./plan.build.js";
import type { PlanOptions, SheetPlan, TablePlan } from "./plan.types.js";
import { REPORT_TEXTS } from "./report.labels.js";
import { linesOf, REPORT_PRIORITIES, REPORT_STATEMENT_MAX, REPORT_WIDTHS, shortStatement } from "./report.tables.js";

function rich(): Template {
  const r = parseTemplate(richTemplateJson());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const first = builtinTemplates()[0] as Template;

function report(template: Template, options: Partial<PlanOptions> = {}): SheetPlan {
  const s = buildPlan(template, options).sheets.find((x) => x.key === "report");
  if (!s) throw new Error("no report sheet");
  return s;
}

function tableOf(sheet: SheetPlan, name: string): TablePlan | undefined {
  return sheet.tables.find((t) => t.name === name);
}

const formulas = (sheet: SheetPlan): string[] => [
  ...sheet.cells.flatMap((c) => (isFormula(c.value) ? [c.value.formula] : [])),
  ...sheet.tables.flatMap((t) => t.rows.flatMap((r) => r.flatMap((v) => (isFormula(v) ? [v.formula] : [])))),
];

/** A closed round with every dimension scored 50 (hand-made: the plan only writes it). */
function round(template: Template, label: string): RoundRecord {
  return handRound({
    label,
    date: new Date(Date.UTC(2025, 5, 1)),
    templateId: template.id,
    version: template.version,
    respondents: [""],
    figures: [...template.dimensions.map((d) => d.id), OVERALL_ROW].map((d) => roundFigures(d, 50, 70)),
  });
}

const survey: SurveyRecord = {
  name: "Satisfaction 2026",
  imported: new Date(Date.UTC(2026, 0, 15)),
  responses: 12,
  questions: [
    { question: "Êtes-vous satisfait ?", responses: 12, answers: [{ answer: "Oui", count: 12 }], scale: null, favourable: null },
    { question: "L'accueil", responses: 10, answers: [{ answer: "Tout à fait d'accord", count: 10 }], scale: "agreement.fr", favourable: 1 },
  ],
  comments: [],
  criteria: [],
};

describe("the « Rapport » sheet", () => {
  it.each(builtinTemplates().flatMap((t) => (["fr", "en"] as Lang[]).map((lang) => [t.id, lang, t] as const)))(
    "is in every new workbook of %s (%s), after the registers and before the template sheet, its grid ranks last but the visit's",
    (_, lang, template) => {
      const plan = buildPlan(template, { lang });
      const keys = plan.sheets.map((s) => s.key);
      expect(keys.indexOf("report")).toBeGreaterThan(keys.indexOf("actions"));
      expect(keys.indexOf("report")).toBeLessThan(keys.indexOf("template"));
      const sheet = plan.sheets[keys.indexOf("report")] as SheetPlan;
      expect(sheet.name).toBe(lang === "fr" ? "Rapport" : "Report");
      expect(sheet.protect).toBe(true);
      const grid = plan.sheets.find((s) => s.key === "grid")?.tables[0] as TablePlan;
      expect(gridHasReportLayout(grid.columns.map((c) => c.header))).toBe(true);
      expect(grid.columns.filter((c) => (REPORT_GRID_KEYS as readonly string[]).includes(c.key)).every((c) => c.style === "helper")).toBe(true);
      // Every dimension and the top priorities are there, by the template's own ids.
      expect(tableOf(sheet, TABLES.reportDimensions)?.rows.map((r) => r[0])).toEqual(template.dimensions.map((d) => d.id));
      expect(tableOf(sheet, TABLES.reportPriorities)?.rows).toHaveLength(REPORT_PRIORITIES);
    },
  );

  it("is not made with `report: false` nor without the dashboard, and then the grid has none of its ranks", () => {
    for (const options of [{ report: false }, { parts: { evidence: true, actions: true, dashboard: false } }]) {
      const plan = buildPlan(first, options);
      expect(plan.sheets.some((s) => s.key === "report")).toBe(false);
      const grid = plan.sheets.find((s) => s.key === "grid")?.tables[0] as TablePlan;
      expect(grid.columns.some((c) => (REPORT_GRID_KEYS as readonly string[]).includes(c.key))).toBe(false);
      expect(gridHasReportLayout(grid.columns.map((c) => c.header))).toBe(false);
    }
  });

  it("prints portrait, one page wide over A–I, the title row repeated, pages broken between sections", () => {
    const sheet = report(first, { lang: "fr", settings: { organization: "Centre A & B" } });
    expect(sheet.print.orientation).toBe("portrait");
    expect(sheet.print.area).toBe("A:I");
    expect(sheet.print.repeatRows).toEqual({ from: 1, to: 1 });
    // After the summary and its chart, after the dimensions and the evaluation, after the criteria.
    const breaks = sheet.print.breaks ?? [];
    expect(breaks).toHaveLength(3);
    const subtitles = sheet.cells.filter((c) => c.style === "subtitle").map((c) => c.row);
    for (const b of breaks) expect(subtitles).toContain(b + 2);
    // Nothing a person reads lies right of I.
    for (const c of sheet.cells) expect(c.col).toBeLessThanOrEqual(9);
    for (const t of sheet.tables) expect(t.left + t.columns.length - 1).toBeLessThanOrEqual(9);
    expect(Object.keys(sheet.widths).map(Number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // A literal & is doubled in Excel's header codes; the page counter and the date are codes.
    expect(sheet.print.header).toBe("&L&9Centre A && B&R&9Premier cycle");
    expect(sheet.print.footer).toContain("&P / &N");
    expect(sheet.print.footer).toContain("&D");
    expect(sheet.print.footer).toContain(first.version);
  });

  it("names the round in its header: the first, or the current one after the last closed", () => {
    expect(report(first, { lang: "en" }).print.header).toContain("First round");
    const after = report(first, { lang: "fr", history: [round(first, "2024"), round(first, "2025")] });
    expect(after.print.header).toContain("Cycle en cours (après 2025)");
    expect(after.cells.some((c) => c.value === "Cycle en cours (après 2025)")).toBe(true);
  });

  it("shows the evaluator's section with the review only", () => {
    expect(tableOf(report(first), TABLES.reportEvaluator)?.rows).toHaveLength(first.dimensions.length + 1);
    expect(tableOf(report(first, { review: false }), TABLES.reportEvaluator)).toBeUndefined();
    expect(formulas(report(first, { review: false })).some((x) => x.includes(NAMES.agreement))).toBe(false);
  });

  it("lists required criteria not met only for a template that has some, and says so otherwise", () => {
    const t = rich();
    const sheet = report(t, { lang: "fr" });
    const required = tableOf(sheet, TABLES.reportRequired);
    const count = t.dimensions.flatMap((d) => d.criteria).filter((c) => c.required && c.type !== "text").length;
    expect(required?.rows).toHaveLength(count);
    expect(formulas(sheet).some((x) => x.includes(`SMALL(QG_Grid[Ligne requis non atteint],${count})`))).toBe(true);
    const none = report(first, { lang: "fr" });
    expect(tableOf(none, TABLES.reportRequired)).toBeUndefined();
    expect(none.cells.some((c) => c.value === REPORT_TEXTS.noRequired.fr)).toBe(true);
  });

  it("reads the k-th priority by the grid's rank, and the summary by the dashboard's names", () => {
    const sheet = report(first, { lang: "en" });
    const priorities = tableOf(sheet, TABLES.reportPriorities) as TablePlan;
    priorities.rows.forEach((r, i) => {
      const cells = r.filter(isFormula).map((v) => v.formula);
      expect(cells.slice(1).every((x) => x.includes(`MATCH(LARGE(QG_Grid[Priority key],${i + 1}),QG_Grid[Priority key],0)`))).toBe(true);
    });
    const all = formulas(sheet).join("\n");
    for (const name of [NAMES.overallScore, NAMES.overallTarget, NAMES.overallGap, NAMES.overallMaturity, NAMES.overallCompletion, NAMES.overallProvisional, NAMES.organization, NAMES.assessmentDate])
      expect(all).toContain(name);
    // The action plan's state, by its own statuses and overdue flag.
    expect(all).toContain('COUNTIF(QG_Actions[Status],"Done")');
    expect(all).toContain('COUNTIF(QG_Actions[Overdue],"Overdue")');
  });

  it("adds the surveys' section with imported surveys, one row per survey and question of QG_Surveys", () => {
    expect(tableOf(report(first), TABLES.reportSurveys)).toBeUndefined();
    const t = tableOf(report(first, { lang: "fr", surveys: [survey] }), TABLES.reportSurveys) as TablePlan;
    expect(t.rows).toHaveLength(2);
    expect(t.rows[1]?.every((v) => isFormula(v) && v.formula.includes(",2)"))).toBe(true);
    expect(t.columns.map((c) => c.header)).toEqual(["N°", "Sondage — question", "Part favorable", "Réponses"]);
  });

  it("adds the change since the previous round with closed rounds: a column, a section and the chart's third series", () => {
    const none = report(first, { lang: "fr" });
    expect(tableOf(none, TABLES.reportChanges)).toBeUndefined();
    expect(none.charts?.[0]?.series).toHaveLength(2);
    const sheet = report(first, { lang: "fr", history: [round(first, "2025")] });
    const changes = tableOf(sheet, TABLES.reportChanges) as TablePlan;
    expect(changes.rows.map((r) => r[0])).toEqual(first.dimensions.map((d) => d.id));
    expect(tableOf(sheet, TABLES.reportDimensions)?.columns.map((c) => c.key)).toContain("change");
    const chart = sheet.charts?.[0];
    expect(chart?.name).toBe(CHARTS.report);
    expect(chart?.series).toHaveLength(3);
    expect(chart?.series[2]?.valuesRef).toBe(`Rapport!$D$${changes.top + 1}:$D$${changes.top + changes.rows.length}`);
    expect(formulas(sheet).join("\n")).toContain(NAMES.overallChange);
  });

  it("draws its chart over its own dimension table, under the summary, within A–I", () => {
    const sheet = report(first, { lang: "en" });
    const dims = tableOf(sheet, TABLES.reportDimensions) as TablePlan;
    const chart = sheet.charts?.[0];
    expect(chart?.categories).toEqual(first.dimensions.map((d) => d.id));
    expect(chart?.categoriesRef).toBe(`Report!$A$${dims.top + 1}:$A$${dims.top + dims.rows.length}`);
    expect(chart?.type).toBe(first.dimensions.length >= 3 ? "radar" : "columns");
    expect(chart?.to.col).toBe(9);
    expect((chart?.to.row ?? 0) <= (sheet.print.breaks?.[0] ?? 0)).toBe(true);
  });

  it("makes rows tall enough for the longest statement it may show, cut at the limit with « … »", () => {
    const long = "mot ".repeat(60).trim();
    expect(shortStatement(long)).toHaveLength(REPORT_STATEMENT_MAX);
    expect(shortStatement(long).endsWith("…")).toBe(true);
    expect(shortStatement("Court")).toBe("Court");
    // Word by word: « En développement » needs two lines where it would fit one by its length.
    expect(linesOf("En développement", 17)).toBe(2);
    expect(linesOf("", 10)).toBe(1);
    const sheet = report(first, { lang: "fr" });
    const priorities = tableOf(sheet, TABLES.reportPriorities) as TablePlan;
    const longest = Math.max(...first.dimensions.flatMap((d) => d.criteria).map((c) => linesOf(shortStatement(textOf(c.text, "fr")), REPORT_WIDTHS[2] ?? 0)));
    expect(priorities.rowHeights?.every((h) => h === Math.min(409, longest * 15))).toBe(true);
  });
});
