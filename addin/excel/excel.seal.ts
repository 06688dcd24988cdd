import { parseRangeAddress, absoluteRange, quoteSheet } from "../model/cell.address.js";
import { SEAL_NAME } from "../plan/seal.plan.js";
import { PROTECTION } from "./excel.page.js";
import { cellEntry } from "./excel.values.js";

/** A seal's block as the snapshot services made it (see `SealBlockWrite` in addin/xlsx). */
export interface LiveSealBlock {
  sheet: string;
  address: string;
  rows: string[][];
  cleared: string | null;
}

/**
 * Writes a seal's block into the open workbook, where and as the file writer placed it on the
 * snapshot: the previous seal's cells cleared, every value entered as text (`cellEntry`: Excel
 * would read « 2026-11-30 » as a date and some hashes as numbers), and `QG_Seal` named over it. The lists
 * sheet, protected without a password as Qualigrid protects it, is unprotected for the write and
 * protected again (one with a password stays so, and Excel refuses). Two syncs: one to learn
 * whether the name exists and the sheet is protected, one to write.
 */
export async function writeSealLive(context: Excel.RequestContext, block: LiveSealBlock): Promise<void> {
  const wb = context.workbook;
  const old = wb.names.getItemOrNullObject(SEAL_NAME);
  const sheet = wb.worksheets.getItem(block.sheet).load("protection/protected");
  await context.sync();
  const wasProtected = sheet.protection.protected;
  if (wasProtected) sheet.protection.unprotect();
  if (block.cleared) sheet.getRange(block.cleared).clear("Contents");
  const range = sheet.getRange(block.address);
  range.formulas = block.rows.map((r) => r.map((v) => cellEntry(v)));
  if (!old.isNullObject) old.delete();
  const r = parseRangeAddress(block.address);
  wb.names.add(SEAL_NAME, `=${quoteSheet(block.sheet)}!${absoluteRange(r.top, r.left, r.bottom, r.right)}`);
  if (wasProtected) sheet.protection.protect(PROTECTION);
  await context.sync();
}
