import { zipSync } from "fflate";
import ExcelJS from "exceljs";
import type { Result } from "../model/template.types.js";
import { patchExcelJs } from "./exceljs.patch.js";
import { boundTables } from "./xlsx.extent.js";
import { guardWorkbookBytes, refusalOf, WORKBOOK_LIMITS } from "./xlsx.guard.js";
import { inflateWithinBudget } from "./xlsx.inflate.js";
import { isTableMapPart, missingTables } from "./xlsx.require.js";
import { keepDrawings, writeWithDrawings } from "./xlsx.carry.js";
import { rememberedCharts } from "./xlsx.charts.js";

patchExcelJs();

/**
 * Loads .xlsx bytes into an exceljs workbook. Something that is not a readable .xlsx (another
 * format, a truncated or corrupt zip, a password-protected file) or that exceeds the size limits
 * (`WORKBOOK_LIMITS`: a huge file, a zip bomb) is reported as a value naming the file. The sizes the
 * zip declares are checked first; then each part is inflated step by step, counting what it really
 * yields (`inflateWithinBudget`), and the tables are bounded by their sheets (`boundTables`), so that
 * exceljs only ever reads the parts that were counted, repackaged without compression. With
 * `requireTables` (readers of assessment workbooks: `ASSESSMENT_TABLES`), a workbook lacking one of
 * them is refused from its table parts alone, before a sheet is inflated (`missingTables`).
 */
export async function loadWorkbook(bytes: Uint8Array, file: string, options: { requireTables?: readonly string[] } = {}): Promise<Result<ExcelJS.Workbook>> {
  const fail = (...refusal: Parameters<typeof refusalOf>): Result<ExcelJS.Workbook> => ({ ok: false, issues: [refusalOf(...refusal)] });
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    // OLE2 compound files start D0 CF 11 E0: old .xls, or an .xlsx encrypted with a password.
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf) {
      return fail("legacyOrEncrypted", file);
    }
    return fail("notZip", file);
  }
  const refused = guardWorkbookBytes(bytes, file);
  if (refused) return { ok: false, issues: [refused] };
  if (options.requireTables) {
    const map = inflateWithinBudget(bytes, file, WORKBOOK_LIMITS, isTableMapPart);
    if (!map.ok) return { ok: false, issues: [map.issue] };
    const missing = missingTables(map.parts, file, options.requireTables);
    if (missing) return { ok: false, issues: [missing] };
  }
  const inflated = inflateWithinBudget(bytes, file, WORKBOOK_LIMITS);
  if (!inflated.ok) return { ok: false, issues: [inflated.issue] };
  const unbounded = boundTables(inflated.parts, file);
  if (unbounded) return { ok: false, issues: [unbounded] };
  const wb = new ExcelJS.Workbook();
  try {
    const counted = zipSync(keepDrawings(wb, inflated.parts), { level: 0 });
    await wb.xlsx.load(Buffer.from(counted.buffer, counted.byteOffset, counted.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    return fail("corrupt", file, { detail: e instanceof Error ? e.message : String(e) });
  }
  return { ok: true, value: wb, warnings: [] };
}

/**
 * Serializes a workbook to .xlsx bytes, asking Excel to recalculate everything when it opens. The
 * charts, pictures and shapes of the file `carryFrom` was loaded from (by default `wb` itself; an
 * upgrade passes the old workbook) are put back on the sheets of the same names (`carryDrawings`),
 * and the charts of the plan `wb` was rendered from are written, replacing carried ones of the same names.
 */
export async function saveWorkbook(wb: ExcelJS.Workbook, options: { carryFrom?: ExcelJS.Workbook } = {}): Promise<Uint8Array> {
  wb.calcProperties.fullCalcOnLoad = true;
  return writeWithDrawings(wb, options.carryFrom ?? wb, rememberedCharts(wb));
}
