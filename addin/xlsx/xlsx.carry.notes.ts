import type ExcelJS from "exceljs";
import type { UpgradeSummary } from "../host/host.outcomes.js";
import type { Lang } from "../model/template.types.js";
import { upgradeText } from "../model/messages/messages.upgrade.js";
import { referenceSheets, sheetsResized } from "./xlsx.carry.charts.js";
import { chartReferences } from "./xlsx.carry.js";

/**
 * What an upgrade does to the user's charts (carried from `old` when `wb` is written): the references
 * re-pointed to their table column's new rows go in `summary.chartsMoved`; those left as they were
 * though the tables of a sheet they name moved or changed size go in `summary.chartsLeft` and on the
 * notes sheet (`notesSheet`), for the user to check.
 */
export function noteChartReferences(
  old: ExcelJS.Workbook,
  wb: ExcelJS.Workbook,
  summary: UpgradeSummary,
  notesSheet: () => ExcelJS.Worksheet,
  lang: Lang,
  versions: { template: string; from: string; to: string },
): void {
  const { references, tables } = chartReferences(old, wb);
  if (references.length === 0) return;
  const resized = sheetsResized(tables.from, tables.to);
  summary.chartsMoved = references.flatMap((r) => (r.to !== undefined && r.to !== r.from.trim() ? [{ sheet: r.sheet, from: r.from, to: r.to }] : []));
  summary.chartsLeft = references.flatMap((r) => (r.to === undefined && referenceSheets(r.from).some((s) => resized.has(s)) ? [{ sheet: r.sheet, formula: r.from }] : []));
  if (summary.chartsLeft.length === 0) return;
  const ws = notesSheet();
  const first = ws.actualRowCount === 0 ? 1 : ws.rowCount + 2;
  ws.getCell(first, 1).value = upgradeText("upgrade.charts.title", lang, versions);
  [upgradeText("upgrade.charts.sheet", lang), upgradeText("upgrade.charts.reference", lang)].forEach((h, j) => {
    ws.getCell(first + 2, j + 1).value = h;
    ws.getCell(first + 2, j + 1).font = { bold: true };
  });
  summary.chartsLeft.forEach((c, i) => {
    ws.getCell(first + 3 + i, 1).value = c.sheet;
    ws.getCell(first + 3 + i, 2).value = c.formula;
  });
  summary.notesSheet = ws.name;
}
