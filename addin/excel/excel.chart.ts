import { cellAddress, rangeAddress } from "../model/cell.address.js";
import { TABLES } from "../plan/names.js";
import type { SheetPlan } from "../plan/plan.types.js";
import type { Lang } from "../model/template.types.js";
import { utf8Length } from "./excel.size.js";
import type { Writer } from "./excel.writer.js";

const TITLE: Record<Lang, string> = { fr: "Score et cible par dimension", en: "Score and target by dimension" };

/** The chart type for `dimensions` dimensions: a radar needs three axes to draw a shape. */
function scoresChartType(dimensions: number): "RadarMarkers" | "BarClustered" {
  return dimensions >= 3 ? "RadarMarkers" : "BarClustered";
}

/**
 * A native chart of each dimension's score against its target, from `QG_Scores`, placed on the
 * dashboard between the overall block and the table: a radar when there are three dimensions or
 * more, clustered bars otherwise. The series point at the table's cells, so the chart follows the
 * workbook's own formulas. Needs ExcelApi 1.7 (series and axis values), part of the core set.
 */
export async function addScoresChart(w: Writer, sheet: Excel.Worksheet, plan: SheetPlan, lang: Lang): Promise<void> {
  const t = plan.tables.find((x) => x.name === TABLES.scores);
  if (!t) return;
  const at = (key: string): number => t.columns.findIndex((c) => c.key === key);
  const [dim, score, target] = [at("dimension"), at("score"), at("target")];
  if (dim < 0 || score < 0 || target < 0 || t.rows.length === 0) return;
  const first = t.top + 1;
  const last = t.top + t.rows.length;
  const column = (i: number, from = first): string => rangeAddress(from, t.left + i, last, t.left + i);
  const targetHeader = t.columns[target]?.header ?? "";
  await w.cost(14, 8, 200 + utf8Length(TITLE[lang]) + utf8Length(targetHeader));
  // The score column with its header: Excel names the first series from the header cell.
  const chart = sheet.charts.add(scoresChartType(t.rows.length), sheet.getRange(column(score, t.top)), "Columns");
  chart.name = "QG_ScoresChart";
  const targets = chart.series.add(targetHeader);
  targets.setValues(sheet.getRange(column(target)));
  const categories = sheet.getRange(column(dim));
  chart.series.getItemAt(0).setXAxisValues(categories);
  targets.setXAxisValues(categories);
  chart.title.text = TITLE[lang];
  chart.legend.position = "Bottom";
  chart.axes.valueAxis.minimum = 0;
  chart.axes.valueAxis.maximum = 100;
  // Columns D–L from row 3 to just above the table: beside the overall figures (A–B).
  chart.setPosition(cellAddress(3, 4), cellAddress(Math.max(4, t.top - 2), 12));
}
