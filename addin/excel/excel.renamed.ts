import { findRenamedTables, type RenamedTable } from "../workbook/workbook.read.js";
import { TABLES } from "../plan/names.js";
import { plainTableOf } from "./excel.read.js";

/** The tables without which the task pane cannot work on a grid. */
const CORE = new Set<string>([TABLES.grid, TABLES.templateItems]);

/**
 * Qualigrid's grid or template table renamed by the user (`QG_Grid` now `Grille2026`), found by
 * its headers as the file reader finds it: every table's name, sheet and header row (two
 * requests, made only after a read found a core table missing).
 */
export async function renamedCoreTables(context: Excel.RequestContext): Promise<RenamedTable[]> {
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const parts = tables.items.map((t) => {
    const table = context.workbook.tables.getItem(t.name);
    return { name: t.name, sheet: table.worksheet.load("name"), head: table.getHeaderRowRange().load("address,values") };
  });
  if (parts.length === 0) return [];
  await context.sync();
  const plain = new Map(parts.map((p) => [p.name.toLowerCase(), plainTableOf(p.name, p.sheet.name, p.head.address, p.head.values)]));
  return findRenamedTables(plain).renamed.filter((r) => CORE.has(r.table));
}
