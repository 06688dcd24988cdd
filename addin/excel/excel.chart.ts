import { cornerAddress, splitRef } from "../plan/chart.plan.js";
import type { ChartPlan, SheetPlan } from "../plan/plan.types.js";
import { parseRangeAddress } from "../model/cell.address.js";
import { utf8Length } from "./excel.size.js";
import type { Writer } from "./excel.writer.js";

/** Excel's chart type for a plan chart: a radar with markers, or clustered columns (as the file renderer draws them). */
function chartType(chart: ChartPlan): "RadarMarkers" | "ColumnClustered" {
  return chart.type === "radar" ? "RadarMarkers" : "ColumnClustered";
}

/** The worksheet a sheet-qualified reference names: one just written by the generation, or any of the workbook's. */
export type SheetLookup = (name: string) => Excel.Worksheet;

/**
 * Draws each chart of a sheet plan (`SheetPlan.charts`: the dashboard's `QG_ScoresChart`, the
 * report's…) as a native chart whose series point at the plan's ranges, so it follows the
 * workbook's own formulas: its type, name, title, series (name, values, categories, colour), the
 * value axis's bounds and its place. Everything is queued in the generation's write request (no
 * sync of its own). Needs ExcelApi 1.7 (series and axis values), part of the core set.
 */
export async function addPlanCharts(w: Writer, sheet: Excel.Worksheet, plan: SheetPlan, sheetNamed: SheetLookup): Promise<void> {
  for (const chart of plan.charts ?? []) await addChart(w, sheet, chart, sheetNamed);
}

async function addChart(w: Writer, sheet: Excel.Worksheet, chart: ChartPlan, sheetNamed: SheetLookup): Promise<void> {
  const [first, ...others] = chart.series;
  if (!first) return;
  const range = (ref: string): Excel.Range => {
    const { sheet: name, address } = splitRef(ref);
    return sheetNamed(name).getRange(address.replace(/\$/g, ""));
  };
  const texts = utf8Length(chart.title) + utf8Length(chart.name) + chart.series.reduce((n, s) => n + utf8Length(s.name) + utf8Length(s.valuesRef) + utf8Length(s.nameRef), 0);
  await w.cost(12 + 7 * chart.series.length, 6 + 4 * chart.series.length, 200 + texts + utf8Length(chart.categoriesRef));
  // A first series whose name is the cell right above its values: the chart is made from both, and
  // Excel names the series from that cell (it follows a renamed header).
  const headed = headedRange(first.nameRef, first.valuesRef);
  const made = sheet.charts.add(chartType(chart), range(headed ?? first.valuesRef), "Columns");
  made.name = chart.name;
  const series = [made.series.getItemAt(0), ...others.map((s) => made.series.add(s.name))];
  if (!headed) (series[0] as Excel.ChartSeries).name = first.name;
  const categories = range(chart.categoriesRef);
  chart.series.forEach((s, i) => {
    const one = series[i] as Excel.ChartSeries;
    if (i > 0) one.setValues(range(s.valuesRef));
    one.setXAxisValues(categories);
    const color = `#${s.color}`;
    if (chart.type === "radar") {
      one.format.line.color = color;
      one.markerBackgroundColor = color;
      one.markerForegroundColor = color;
    } else {
      one.format.fill.setSolidColor(color);
    }
  });
  made.title.text = chart.title;
  made.legend.position = "Bottom";
  if (chart.min !== undefined) made.axes.valueAxis.minimum = chart.min;
  if (chart.max !== undefined) made.axes.valueAxis.maximum = chart.max;
  made.setPosition(cornerAddress(chart.from), cornerAddress(chart.to));
}

/** The range from the name's cell down to the values' last cell, when the name is the cell right above them on the same sheet. */
function headedRange(nameRef: string, valuesRef: string): string | null {
  if (nameRef === "") return null;
  const name = splitRef(nameRef);
  const values = splitRef(valuesRef);
  if (name.sheet !== values.sheet) return null;
  const n = parseRangeAddress(name.address.replace(/\$/g, ""));
  const v = parseRangeAddress(values.address.replace(/\$/g, ""));
  if (n.left !== v.left || n.right !== v.left || v.right !== v.left || n.bottom !== v.top - 1) return null;
  return `${nameRef.slice(0, nameRef.lastIndexOf("!") + 1)}${name.address}:${values.address.split(":").pop() ?? values.address}`;
}
