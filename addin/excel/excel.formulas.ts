import type { FormulaWrite } from "../host/host.types.js";
import { PROTECTION } from "./excel.page.js";

/**
 * Writes each formula into its cell and nothing else, in two round trips. A sheet protected
 * without a password (as Qualigrid protects the grid and the dashboard, against slips) is
 * unprotected for the write and protected again with Qualigrid's options; a sheet protected
 * with a password stays protected and Excel refuses the write.
 */
export async function writeFormulaCells(context: Excel.RequestContext, cells: readonly FormulaWrite[]): Promise<number> {
  const bySheet = new Map<string, FormulaWrite[]>();
  for (const c of cells) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  const sheets = [...bySheet].map(([name, writes]) => ({ sheet: context.workbook.worksheets.getItem(name).load("protection/protected"), writes }));
  await context.sync();
  for (const { sheet, writes } of sheets) {
    const wasProtected = sheet.protection.protected;
    if (wasProtected) sheet.protection.unprotect();
    for (const c of writes) sheet.getRange(c.address).formulas = [[c.formula]];
    if (wasProtected) sheet.protection.protect(PROTECTION);
  }
  await context.sync();
  return cells.length;
}
