import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import { OVERALL_ROW, type RoundRecord } from "../model/history.types.js";
import { handRound, roundFigures } from "../scoring/round.test-helpers.js";
import { absoluteRange, parseCellAddress, quoteSheet } from "../model/cell.address.js";
import type { Lang, Template } from "../model/template.types.js";
import { CHART_LABELS, renameChartSheets, scoresChart, splitRef, tableChart } from "./chart.plan.js";
import { HEADERS } from "./labels.js";
import { CHARTS, TABLES } from "./names.js";
import { buildPlan } from "./plan.build.js";
import type { SheetPlan, TablePlan } from "./plan.types.js";

const templates = builtinTemplates();

/** A closed round of `t` with every dimension scored 50 (enough for the plan: its figures). */
function roundOf(t: Template): RoundRecord {
  return handRound({
    label: "2025",
    date: new Date(Date.UTC(2025, 0, 15)),
    templateId: t.id,
    version: t.version,
    figures: [...t.dimensions.map((d) => d.id), OVERALL_ROW].map((d) => roundFigures(d, 50, 80)),
  });
}
const withDimensions = (n: number): Template => {
  const t = templates.find((x) => x.dimensions.length >= n) as Template;
  return { ...t, dimensions: t.dimensions.slice(0, n) };
};
const dashboardOf = (t: Template, lang: Lang = "fr", review?: boolean): SheetPlan =>
  buildPlan(t, { lang, ...(review === undefined ? {} : { review }) }).sheets.find((s) => s.key === "dashboard") as SheetPlan;
const scoresOf = (s: SheetPlan): TablePlan => s.tables.find((t) => t.name === TABLES.scores) as TablePlan;
/** The sheet-qualified data range of a table column, found by its key. */
const columnRef = (s: SheetPlan, key: string): string => {
  const t = scoresOf(s);
  const i = t.columns.findIndex((c) => c.key === key);
  return `${quoteSheet(s.name)}!${absoluteRange(t.top + 1, t.left + i, t.top + t.rows.length, t.left + i)}`;
};

describe("the dashboard's chart QG_ScoresChart", () => {
  it.each(templates.map((t) => [t.id, t] as const))("%s: score and target by dimension from QG_Scores' cells, 0–100", (_id, t) => {
    const sheet = dashboardOf(t);
    const chart = sheet.charts?.find((c) => c.name === CHARTS.scores);
    expect(chart).toBeDefined();
    if (!chart) return;
    expect(chart.type).toBe(t.dimensions.length >= 3 ? "radar" : "columns");
    expect(chart.categoriesRef).toBe(columnRef(sheet, "dimension"));
    expect(chart.categories).toEqual(t.dimensions.map((d) => d.id));
    expect(chart.series.map((s) => s.valuesRef)).toEqual([columnRef(sheet, "score"), columnRef(sheet, "target")]);
    expect(chart.series.map((s) => s.name)).toEqual([HEADERS.scores.score.fr, HEADERS.scores.target.fr]);
    expect([chart.min, chart.max]).toEqual([0, 100]);
    // Between the title lines and the table, never over a cell the plan writes.
    const table = scoresOf(sheet);
    expect(chart.from.row).toBe(3);
    expect(chart.to.row).toBeLessThan(table.top);
    const covered = sheet.cells.filter((c) => c.row >= chart.from.row && c.row <= chart.to.row && c.col >= chart.from.col && c.col <= chart.to.col);
    expect(covered).toEqual([]);
    expect(chart.to.col).toBeLessThanOrEqual(parseCellAddress(`${sheet.print.area.split(":")[1] ?? ""}1`).col);
  });

  it("stands at D3 as it always did when nothing is right of the overall block; after the evaluator's figures with the review", () => {
    const t = withDimensions(3);
    expect(dashboardOf(t, "fr", false).charts?.[0]?.from).toEqual({ row: 3, col: 4 });
    const reviewed = dashboardOf(t, "fr", true);
    const rightmost = Math.max(...reviewed.cells.filter((c) => c.row >= 3 && c.row < scoresOf(reviewed).top - 1).map((c) => c.col));
    expect(rightmost).toBeGreaterThan(4);
    expect(reviewed.charts?.[0]?.from.col).toBe(rightmost + 1);
  });

  it("is a column chart below three dimensions (a radar needs three axes)", () => {
    expect(dashboardOf(withDimensions(2)).charts?.[0]?.type).toBe("columns");
    expect(dashboardOf(withDimensions(3)).charts?.[0]?.type).toBe("radar");
  });

  it("has the previous round as a third series when QG_Scores has its column, named in the workbook's language", () => {
    for (const lang of ["fr", "en"] as const) {
      const sheet = dashboardOf(withDimensions(4), lang);
      const t = scoresOf(sheet);
      const previous = { ...(t.columns.find((c) => c.key === "score") as TablePlan["columns"][number]), key: "previousScore", header: HEADERS.scores.previousScore[lang] };
      const table: TablePlan = { ...t, columns: [...t.columns, previous], rows: t.rows.map((r) => [...r, null]) };
      const chart = scoresChart({ ...sheet, tables: [table, ...sheet.tables.filter((x) => x !== t)] }, lang);
      expect(chart?.series).toHaveLength(3);
      const third = chart?.series[2];
      expect(third?.name).toBe(CHART_LABELS.previousRound[lang]);
      expect(third?.nameRef).toBe("");
      expect(splitRef(third?.valuesRef ?? "")).toEqual({ sheet: sheet.name, address: absoluteRange(t.top + 1, t.left + t.columns.length, t.top + t.rows.length, t.left + t.columns.length) });
    }
  });

  it("draws the previous round from QG_Scores' previous-score column in a workbook with closed rounds", () => {
    const t = withDimensions(4);
    const sheet = buildPlan(t, { lang: "en", history: [roundOf(t)] }).sheets.find((s) => s.key === "dashboard") as SheetPlan;
    const chart = sheet.charts?.find((c) => c.name === CHARTS.scores);
    expect(chart?.series.map((s) => s.valuesRef)).toEqual([columnRef(sheet, "score"), columnRef(sheet, "target"), columnRef(sheet, "previousScore")]);
    expect(chart?.series[2]?.name).toBe(CHART_LABELS.previousRound.en);
    // Beside the rounds block too: the chart covers no cell the plan writes, and prints whole.
    const covered = sheet.cells.filter((c) => chart && c.row >= chart.from.row && c.row <= chart.to.row && c.col >= chart.from.col && c.col <= chart.to.col);
    expect(covered).toEqual([]);
    const areaEnd = parseCellAddress(`${sheet.print.area.split(":")[1] ?? ""}1`).col;
    expect(chart?.to.col).toBeLessThanOrEqual(areaEnd);
  });

  it("is absent from a workbook without a dashboard", () => {
    const plan = buildPlan(withDimensions(3), { parts: { dashboard: false, evidence: true, actions: true } });
    expect(plan.sheets.flatMap((s) => s.charts ?? [])).toEqual([]);
  });
});

describe("charts of a table, for other sheets", () => {
  it("is null when a column is missing or the table is empty", () => {
    const sheet = dashboardOf(withDimensions(3));
    const table = scoresOf(sheet);
    const spec = { name: "X", title: "X", sheet: sheet.name, table, categoryKey: "dimension", from: { row: 1, col: 1 }, to: { row: 5, col: 5 } };
    expect(tableChart({ ...spec, series: [{ key: "nope", color: "000000" }] })).toBeNull();
    expect(tableChart({ ...spec, series: [{ key: "score", color: "000000" }], table: { ...table, rows: [] } })).toBeNull();
    expect(tableChart({ ...spec, series: [{ key: "score", color: "000000" }], type: "columns" })?.type).toBe("columns");
  });

  it("follows its sheet when the workbook already had one of that name (« (2) »)", () => {
    const chart = dashboardOf(withDimensions(3)).charts?.[0];
    if (!chart) throw new Error("no chart");
    const moved = renameChartSheets(chart, new Map([["Tableau de bord", "Tableau de bord (2)"]]));
    for (const ref of [moved.categoriesRef, ...moved.series.flatMap((s) => [s.nameRef, s.valuesRef])]) expect(splitRef(ref).sheet).toBe("Tableau de bord (2)");
    expect(splitRef("'Plan d''action'!$A$1")).toEqual({ sheet: "Plan d'action", address: "$A$1" });
  });
});
