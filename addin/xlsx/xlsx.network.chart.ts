import type ExcelJS from "exceljs";
import type { ChartPlan } from "../plan/plan.types.js";
import { writeWithDrawings } from "./xlsx.carry.js";

/** One series of a chart: its name's cell, its values' range, and the values as written (null: blank). */
export interface ChartSeries {
  nameRef: string;
  name: string;
  valuesRef: string;
  values: (number | null)[];
}

/** A clustered column chart over ranges of one sheet, and where on that sheet it stands. */
export interface ColumnChart {
  sheet: string;
  title: string;
  categoriesRef: string;
  categories: string[];
  series: ChartSeries[];
  /** Zero-based columns and rows of its top-left and bottom-right corners. */
  from: { col: number; row: number };
  to: { col: number; row: number };
  /** The value axis's number format, and its bounds when fixed. */
  format: string;
  min?: number;
  max?: number;
}

/** Five shades of one blue, light to dark then light again: min and max pale, the quartiles deeper, the median deepest. */
const COLOURS = ["BDD7EE", "6FA8DC", "1F4E79", "6FA8DC", "BDD7EE"];

/**
 * The bytes of `wb` as exceljs writes them, with `chart` on its sheet: a native chart (DrawingML,
 * `xlsx.charts.ts`, the writer of the plans' charts) whose series refer to the sheet's cells, with
 * their values cached for a reader that does not recalculate.
 */
export async function withColumnChart(wb: ExcelJS.Workbook, chart: ColumnChart): Promise<Uint8Array> {
  const plan: ChartPlan = {
    name: chart.title,
    type: "columns",
    title: chart.title,
    categoriesRef: chart.categoriesRef,
    categories: chart.categories,
    series: chart.series.map((s, i) => ({ nameRef: s.nameRef, name: s.name, valuesRef: s.valuesRef, color: COLOURS[i % COLOURS.length] ?? "1F4E79" })),
    // The plan's corners are 1-based cells, the bottom-right one included.
    from: { row: chart.from.row + 1, col: chart.from.col + 1 },
    to: { row: chart.to.row, col: chart.to.col },
    format: chart.format,
    ...(chart.min === undefined ? {} : { min: chart.min }),
    ...(chart.max === undefined ? {} : { max: chart.max }),
  };
  return writeWithDrawings(wb, wb, [{ sheet: chart.sheet, chart: plan, values: chart.series.map((s) => s.values) }]);
}
