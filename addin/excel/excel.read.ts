import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import type { PlainValue } from "../model/table.plain.js";
import type { Result } from "../model/template.types.js";
import { parseRangeAddress, rangeAddress } from "../model/cell.address.js";
import { READ_NAMES, READ_TABLES, readAssessment } from "../workbook/workbook.read.js";
import { TABLES } from "../plan/names.js";
import { dateFromSerial, isDateFormat } from "../model/date.serial.js";
import type { PlainTable } from "../model/table.plain.js";
import { isOfficeError } from "./excel.errors.js";

/** Tables and named cells read from the open workbook, and what reading them took. */
export interface ExcelTablesRead {
  tables: Map<string, PlainTable>;
  names: Map<string, PlainValue>;
  workbook: string;
  syncs: number;
}

/** Tables whose dates matter (due dates, document dates): their number formats are read too. */
const DATED = new Set<string>([TABLES.evidence, TABLES.actions].map((n) => n.toLowerCase()));

/** Cells per request when a workbook is read in pieces: 20,000 cells of ~100 bytes stay far from 5 MB. */
const READ_CELLS_PER_REQUEST = 20_000;

/** An Office.js cell value as the engine reads it: blank as null, a date-formatted number as a date. */
function plainOf(value: unknown, format?: unknown): PlainValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return typeof format === "string" && isDateFormat(format) ? dateFromSerial(value) : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** A table read as a block of values (header row first) at `address` (`Sheet!A4:V48`). */
export function plainTableOf(name: string, sheet: string, address: string, values: readonly (readonly unknown[])[], formats?: readonly (readonly unknown[])[]): PlainTable {
  const { top, left } = parseRangeAddress(address);
  const [head = [], ...body] = values;
  return {
    name,
    sheet,
    top,
    left,
    headers: head.map((h) => (h === null || h === undefined ? "" : String(h).trim())),
    rows: body.map((r, i) => r.map((v, j) => plainOf(v, formats?.[i + 1]?.[j]))),
  };
}

/**
 * Reads the named tables and named cells of the open workbook in ONE request: every table is
 * asked for with `getItemOrNullObject`, so a table the workbook does not have (a part not
 * generated) comes back as a null object instead of failing the batch, and its range with it.
 * Should this Excel refuse that request (a null object it will not follow, or a response over
 * Excel on the web's 5 MB for a very large workbook), the workbook is read again in pieces
 * (`readInPieces`).
 */
export async function readExcelTables(context: Excel.RequestContext, tableNames: readonly string[] = READ_TABLES, nameNames: readonly string[] = READ_NAMES): Promise<ExcelTablesRead> {
  try {
    return await readInOneRequest(context, tableNames, nameNames);
  } catch (e) {
    if (!isOfficeError(e)) throw e;
    const again = await readInPieces(context, tableNames, nameNames);
    return { ...again, syncs: again.syncs + 1 };
  }
}

async function readInOneRequest(context: Excel.RequestContext, tableNames: readonly string[], nameNames: readonly string[]): Promise<ExcelTablesRead> {
  const wb = context.workbook;
  wb.load("name");
  const tables = tableNames.map((n) => {
    const table = wb.tables.getItemOrNullObject(n).load("name");
    const sheet = table.worksheet.load("name");
    const range = table.getRange().load(DATED.has(n.toLowerCase()) ? "address,values,numberFormat" : "address,values");
    return { n, table, sheet, range };
  });
  const names = nameNames.map((n) => {
    const item = wb.names.getItemOrNullObject(n);
    return { n, item, range: item.getRangeOrNullObject().load("values,numberFormat") };
  });
  await context.sync();
  const out: ExcelTablesRead = { tables: new Map(), names: new Map(), workbook: wb.name || "workbook", syncs: 1 };
  for (const { n, table, sheet, range } of tables) {
    if (table.isNullObject || range.isNullObject) continue;
    out.tables.set(n.toLowerCase(), plainTableOf(table.name, sheet.name, range.address, range.values, DATED.has(n.toLowerCase()) ? range.numberFormat : undefined));
  }
  // A name the workbook lacks is left out, so that the reader can tell it from an empty cell.
  for (const { n, item, range } of names) {
    if (!item.isNullObject && !range.isNullObject) out.names.set(n.toLowerCase(), plainOf(range.values[0]?.[0], range.numberFormat[0]?.[0]));
  }
  return out;
}

/**
 * The careful read: which tables and names exist (one request), where the tables are (one
 * request), then their cells in blocks of at most `READ_CELLS_PER_REQUEST` cells per request,
 * halved when Excel still finds a response too large.
 */
async function readInPieces(context: Excel.RequestContext, tableNames: readonly string[], nameNames: readonly string[]): Promise<ExcelTablesRead> {
  const wb = context.workbook;
  wb.load("name");
  const probes = tableNames.map((n) => ({ n, table: wb.tables.getItemOrNullObject(n).load("name") }));
  const nameProbes = nameNames.map((n) => ({ n, item: wb.names.getItemOrNullObject(n).load("name,type") }));
  await context.sync();
  let syncs = 1;

  const found = probes
    .filter((p) => !p.table.isNullObject)
    .map(({ n }) => {
      const table = wb.tables.getItem(n).load("name");
      const sheet = table.worksheet.load("name");
      return { n, table, sheet, range: table.getRange().load("address,rowCount,columnCount") };
    });
  const names = nameProbes
    .filter((p) => !p.item.isNullObject && p.item.type === "Range")
    .map(({ n }) => ({ n, range: wb.names.getItem(n).getRange().load("values,numberFormat") }));
  await context.sync();
  syncs++;

  const out: ExcelTablesRead = { tables: new Map(), names: new Map(), workbook: wb.name || "workbook", syncs };
  for (const { n, range } of names) out.names.set(n.toLowerCase(), plainOf(range.values[0]?.[0], range.numberFormat[0]?.[0]));

  // Every block to read: a table's rows from `from` to `to` (0 = its header row).
  interface Block { i: number; from: number; to: number }
  const blocks: Block[] = [];
  const parts = found.map((f) => ({ ...f, values: [] as unknown[][], formats: [] as unknown[][] }));
  let cells = READ_CELLS_PER_REQUEST;
  const plan = (): void => {
    blocks.length = 0;
    parts.forEach((p, i) => {
      const step = Math.max(1, Math.floor(cells / Math.max(1, p.range.columnCount)));
      for (let from = p.values.length; from < p.range.rowCount; from += step) blocks.push({ i, from, to: Math.min(p.range.rowCount, from + step) - 1 });
    });
  };
  plan();
  while (blocks.length > 0) {
    // One request: as many blocks as fit in `cells`.
    const batch: { b: Block; range: Excel.Range }[] = [];
    let used = 0;
    for (const b of blocks) {
      const p = parts[b.i];
      if (!p) continue;
      const n = (b.to - b.from + 1) * p.range.columnCount;
      if (batch.length > 0 && used + n > cells) break;
      const { top, left, right } = parseRangeAddress(p.range.address);
      const range = p.sheet.getRange(rangeAddress(top + b.from, left, top + b.to, right));
      // The rule reads only literal arguments: both branches name their properties.
      // eslint-disable-next-line office-addins/no-empty-load
      range.load(DATED.has(p.n.toLowerCase()) ? "values,numberFormat" : "values");
      batch.push({ b, range });
      used += n;
    }
    try {
      // One sync per request, not per block: the loop exists to keep each response under Excel's payload limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      syncs++;
    } catch (e) {
      syncs++;
      if (isOfficeError(e) && e.code === "ResponsePayloadSizeLimitExceeded" && cells > 100) {
        cells = Math.floor(cells / 2);
        plan();
        continue;
      }
      throw e;
    }
    for (const { b, range } of batch) {
      const p = parts[b.i];
      if (!p) continue;
      p.values.push(...range.values);
      if (DATED.has(p.n.toLowerCase())) p.formats.push(...range.numberFormat);
    }
    plan();
  }
  for (const p of parts) {
    out.tables.set(p.n.toLowerCase(), plainTableOf(p.table.name, p.sheet.name, p.range.address, p.values, DATED.has(p.n.toLowerCase()) ? p.formats : undefined));
  }
  out.syncs = syncs;
  return out;
}

/** Reads the open workbook into the engine's `AssessmentWorkbook`, as `readQualigridWorkbook` reads a file. */
export async function readAssessmentFromExcel(context: Excel.RequestContext): Promise<{ result: Result<AssessmentWorkbook>; read: ExcelTablesRead }> {
  const read = await readExcelTables(context);
  return { result: readAssessment(read.tables, read.names, read.workbook), read };
}
