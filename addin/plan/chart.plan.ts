import { absoluteRange, cellAddress, parseCellAddress, quoteSheet } from "../model/cell.address.js";
import type { Lang } from "../model/template.types.js";
import { FORMATS } from "./columns.js";
import { CHARTS, TABLES } from "./names.js";
import type { ChartPlan, ChartSeriesPlan, PlanValue, SheetPlan, TablePlan } from "./plan.types.js";

// The plan's native charts (design.md "Rounds, comparison and report"): series point at a table's
// cells by address, so a chart follows the workbook's formulas in Excel, in LibreOffice and in
// files the command line writes. Both renderers draw a `ChartPlan` the same way.

/** The chart texts, French and English. */
export const CHART_LABELS = {
  scoresTitle: { fr: "Score et cible par dimension", en: "Score and target by dimension" },
  previousRound: { fr: "Cycle précédent", en: "Previous round" },
} as const satisfies Record<string, Record<Lang, string>>;

/** Series colours: the score in the dashboard's blue, the target in the action plan's orange, a past round in grey. */
export const CHART_COLORS = { score: "1F4E79", target: "C55A11", previous: "A5A5A5" } as const;

/** One series of `tableChart`: a column of the table by key; `name` set: that text instead of the column's header. */
export interface TableSeriesSpec {
  key: string;
  color: string;
  name?: string;
}

/** What `tableChart` draws: one table's columns by dimension (or any category column), on a sheet. */
export interface TableChartSpec {
  /** Stable chart name (`CHARTS.…`). */
  name: string;
  title: string;
  /** The sheet the table is on (its series are qualified with it). */
  sheet: string;
  table: TablePlan;
  /** The column whose values are the categories (`dimension`). */
  categoryKey: string;
  series: readonly TableSeriesSpec[];
  /** Radar or columns; by default a radar from three categories on (it needs three axes to draw a shape). */
  type?: ChartPlan["type"];
  from: ChartPlan["from"];
  to: ChartPlan["to"];
  min?: number;
  max?: number;
  format?: string;
}

/**
 * A chart of a plan table's columns, one series per `spec.series`, categories from
 * `spec.categoryKey`; null when the table has no row or lacks one of those columns. A series'
 * name is its header cell (it follows a renamed header) unless the spec gives a text: then its
 * `nameRef` is "" and renderers write the text.
 */
export function tableChart(spec: TableChartSpec): ChartPlan | null {
  const t = spec.table;
  if (t.rows.length === 0) return null;
  const at = (key: string): number => t.columns.findIndex((c) => c.key === key);
  const sheet = quoteSheet(spec.sheet);
  const first = t.top + 1;
  const last = t.top + t.rows.length;
  const column = (i: number): string => `${sheet}!${absoluteRange(first, t.left + i, last, t.left + i)}`;
  const dim = at(spec.categoryKey);
  if (dim < 0) return null;
  const series: ChartSeriesPlan[] = [];
  for (const s of spec.series) {
    const i = at(s.key);
    if (i < 0) return null;
    const header = t.columns[i]?.header ?? s.key;
    series.push({
      nameRef: s.name === undefined ? `${sheet}!${absoluteRange(t.top, t.left + i, t.top, t.left + i)}` : "",
      name: s.name ?? header,
      valuesRef: column(i),
      color: s.color,
    });
  }
  return {
    name: spec.name,
    type: spec.type ?? (t.rows.length >= 3 ? "radar" : "columns"),
    title: spec.title,
    categoriesRef: column(dim),
    categories: t.rows.map((r) => textOfValue(r[dim])),
    series,
    from: spec.from,
    to: spec.to,
    ...(spec.min === undefined ? {} : { min: spec.min }),
    ...(spec.max === undefined ? {} : { max: spec.max }),
    format: spec.format ?? FORMATS.score,
  };
}

/** First row of the dashboard chart: the overall block's title row is 4, the sheet's help line 2. */
const CHART_TOP = 3;
/** Columns the dashboard chart spans (D–L when nothing stands right of the overall block)… */
const CHART_WIDTH = 9;
/** …or fewer, down to this, so as to end within the print area (it prints one page wide). */
const CHART_MIN_WIDTH = 5;

/**
 * The dashboard's chart `QG_ScoresChart`: score and target by dimension from `QG_Scores`, and the
 * previous round's score when the table has that column (a workbook with closed rounds); 0–100.
 * It stands from row 3 to just above the table, right of the overall block (column D), or right
 * of whatever else the plan writes in those rows (the evaluator's figures, the rounds), so it
 * never covers a cell; nine columns wide, fewer when the sheet's print area (`print.area`) ends
 * sooner, so that it prints whole. Null without `QG_Scores` or without a dimension.
 */
export function scoresChart(sheet: Pick<SheetPlan, "name" | "tables" | "cells"> & { print?: Pick<SheetPlan["print"], "area"> }, lang: Lang): ChartPlan | null {
  const table = sheet.tables.find((t) => t.name === TABLES.scores);
  if (!table) return null;
  const bottom = Math.max(CHART_TOP + 1, table.top - 2);
  // The overall block's columns (A–C) are beside the chart's start column D whatever stands in them.
  let right = 3;
  for (const c of sheet.cells) if (c.row >= CHART_TOP && c.row <= bottom) right = Math.max(right, c.col);
  const left = right + 1;
  const printed = lastAreaColumn(sheet.print?.area);
  const width = printed === null ? CHART_WIDTH : Math.min(CHART_WIDTH, Math.max(CHART_MIN_WIDTH, printed - left + 1));
  const previous = table.columns.some((c) => c.key === "previousScore");
  return tableChart({
    name: CHARTS.scores,
    title: CHART_LABELS.scoresTitle[lang],
    sheet: sheet.name,
    table,
    categoryKey: "dimension",
    series: [
      { key: "score", color: CHART_COLORS.score },
      { key: "target", color: CHART_COLORS.target },
      ...(previous ? [{ key: "previousScore", color: CHART_COLORS.previous, name: CHART_LABELS.previousRound[lang] }] : []),
    ],
    from: { row: CHART_TOP, col: left },
    to: { row: bottom, col: left + width - 1 },
    min: 0,
    max: 100,
    // Whole points on the axis (0, 20… 100); the table keeps its decimal.
    format: "0",
  });
}

/** The last column of a print area (`A:V`, `A1:H120`), or null when it names none. */
function lastAreaColumn(area: string | undefined): number | null {
  const letters = /:\$?([A-Za-z]{1,3})\$?\d*$/.exec(area ?? "")?.[1];
  return letters === undefined ? null : parseCellAddress(`${letters}1`).col;
}

/** A sheet plan with its dashboard chart attached (`charts`), unchanged when there is none to draw. */
export function withScoresChart<S extends Pick<SheetPlan, "name" | "tables" | "cells" | "charts" | "print">>(sheet: S, lang: Lang): S {
  const chart = scoresChart(sheet, lang);
  return chart ? { ...sheet, charts: [...(sheet.charts ?? []).filter((c) => c.name !== chart.name), chart] } : sheet;
}

/**
 * A chart whose references name sheets by their plan names, re-qualified with the names they got
 * in the workbook (`renamed`: plan name → name written, as `withFreeSheetNames` avoids taken ones).
 */
export function renameChartSheets(chart: ChartPlan, renamed: ReadonlyMap<string, string>): ChartPlan {
  if (renamed.size === 0) return chart;
  const requalify = (ref: string): string => {
    for (const [from, to] of renamed) {
      const prefix = `${quoteSheet(from)}!`;
      if (ref.startsWith(prefix)) return `${quoteSheet(to)}!${ref.slice(prefix.length)}`;
    }
    return ref;
  };
  return {
    ...chart,
    categoriesRef: requalify(chart.categoriesRef),
    series: chart.series.map((s) => ({ ...s, nameRef: s.nameRef === "" ? "" : requalify(s.nameRef), valuesRef: requalify(s.valuesRef) })),
  };
}

/** A sheet-qualified reference split into its sheet name (unquoted) and its address (`$D$16:$D$22`). */
export function splitRef(ref: string): { sheet: string; address: string } {
  const bang = ref.lastIndexOf("!");
  const sheet = ref.slice(0, Math.max(0, bang));
  const unquoted = sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
  return { sheet: unquoted, address: ref.slice(bang + 1) };
}

/** The cell `cellAddress(row, col)` of a chart corner, for Excel's `setPosition`. */
export const cornerAddress = (p: { row: number; col: number }): string => cellAddress(p.row, p.col);

/** A plan value's text as a category label (a formula's category is unknown before calculation). */
function textOfValue(v: PlanValue | undefined): string {
  if (v === null || v === undefined || typeof v === "object") return "";
  return String(v);
}
