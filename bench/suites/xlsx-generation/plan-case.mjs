// The measured case: Qualigrid's own path, `buildPlan` → `renderPlanToBuffer` (the compiled
// dist/ code that `qualigrid new` runs), with the evidence register holding the synthetic rows.
import { buildPlan } from "../../../dist/addin/plan/plan.build.js";
import { renderPlanToBuffer, renderPlanToWorkbook } from "../../../dist/addin/xlsx/xlsx.render.js";

/**
 * Builds the plan (default options: French, every part, 20 blank rows in the action plan) and
 * puts the 10,000 synthetic rows in `QG_Evidence` in place of its blank rows, then renders to a
 * Buffer. With `split`, calls `renderPlanToWorkbook` and `writeBuffer` separately to time them
 * apart (the same steps `renderPlanToBuffer` takes).
 */
export async function generate(template, evidenceRows, { split = false, mark = () => {} } = {}) {
  const plan = buildPlan(template, { lang: "fr" });
  const evidence = plan.sheets.flatMap((s) => s.tables).find((t) => t.name === "QG_Evidence");
  if (!evidence || evidence.columns.length !== evidenceRows[0].length) {
    throw new Error("QG_Evidence is missing or its columns changed: update bench/suites/xlsx-generation (synthetic rows and floor)");
  }
  evidence.rows = evidenceRows;
  mark("buildPlan");
  if (!split) {
    const bytes = await renderPlanToBuffer(plan);
    mark("render+writeBuffer");
    return bytes;
  }
  const wb = await renderPlanToWorkbook(plan);
  mark("render");
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  mark("writeBuffer");
  return bytes;
}
