// The measured case: Qualigrid's own path, `buildPlan` → `renderPlanToBuffer` (the compiled
// dist/ code that `qualigrid new` runs), with the evidence register holding the synthetic rows.
import { buildPlan } from "../../../dist/addin/plan/plan.build.js";
import { withRowHeights } from "../../../dist/addin/plan/row.heights.js";
import { renderPlanToBuffer, renderPlanToWorkbook } from "../../../dist/addin/xlsx/xlsx.render.js";
import { rememberedCharts } from "../../../dist/addin/xlsx/xlsx.charts.js";
import { carryDrawings } from "../../../dist/addin/xlsx/xlsx.carry.js";
import { withEvidenceFormulas } from "./synthetic.mjs";

/**
 * Builds the plan (French, every part, 20 blank rows in the action plan) and puts the 10,000
 * synthetic rows in `QG_Evidence` in place of its blank rows, then renders to a Buffer. The rows'
 * heights are computed again for the new rows, as `buildPlan` does for the rows it makes
 * (`withRowHeights`). With `split`, calls `renderPlanToWorkbook` and `writeBuffer` separately to time them
 * apart (the same steps `renderPlanToBuffer` takes).
 *
 * Without `full`, the workbook the floor writes too: no « Rapport » / « Rapport de visite » sheets
 * (`report: false`) and no native chart (the floor, hand-written exceljs, can write neither), so the
 * two are compared on the same cells. With `full`, what `qualigrid new` writes: the report sheets and
 * the dashboard's chart (DrawingML parts added to the package).
 */
export async function generate(template, evidenceRows, { split = false, full = false, mark = () => {} } = {}) {
  const plan = buildPlan(template, { lang: "fr", ...(full ? {} : { report: false }) });
  if (!full) for (const sheet of plan.sheets) delete sheet.charts;
  const sheet = plan.sheets.find((s) => s.key === "evidence");
  const at = sheet ? sheet.tables.findIndex((t) => t.name === "QG_Evidence") : -1;
  if (at < 0 || sheet.tables[at].columns.length !== evidenceRows[0].length) {
    throw new Error("QG_Evidence is missing or its columns changed: update bench/suites/xlsx-generation (synthetic rows and floor)");
  }
  // The register's computed columns take the plan's own formulas, the same on every row.
  const formulas = sheet.tables[at].rows[0].map((v) => (v !== null && typeof v === "object" ? v : null));
  sheet.tables[at] = withRowHeights({ ...sheet.tables[at], rows: withEvidenceFormulas(evidenceRows, formulas) });
  mark("buildPlan");
  if (!split) {
    const bytes = await renderPlanToBuffer(plan);
    mark("render+writeBuffer");
    return bytes;
  }
  const wb = await renderPlanToWorkbook(plan);
  mark("render");
  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  mark("writeBuffer");
  // The charts' parts added to the package, as renderPlanToBuffer does (nothing to add without charts).
  const charts = rememberedCharts(wb);
  if (charts.length === 0) return written;
  const bytes = carryDrawings(written, wb, charts);
  mark("charts");
  return bytes;
}
