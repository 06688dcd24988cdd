import { cellAddress, columnLetter, parseRangeAddress, quoteSheet, rangeAddress } from "../model/cell.address.js";
import type { BlockCell, ColumnPlan, ConditionalFormatPlan, PlanValue, SheetPlan, TablePlan, WorkbookPlan } from "../plan/plan.types.js";
import { HELPER_HEADER_FONT, STYLE_FONTS } from "../plan/styles.js";
import { textEntry } from "../plan/text.entry.js";
import { writeBlockCell } from "./excel.block.js";
import { MAX_REQUEST_BYTES, RequestBudget } from "./excel.budget.js";
import type { ExcelFeatures } from "./excel.features.js";
import { addConditionalFormat, addValidation, markInput } from "./excel.format.js";
import { freezePanes, protectSheet } from "./excel.page.js";
import { ACTION_BYTES, jsonBytes, OBJECT_BYTES, utf8Length } from "./excel.size.js";
import { createTable, fillTable } from "./excel.table.js";
import { columnWidthPoints } from "./excel.units.js";
import { cellEntry, type CellEntry } from "./excel.values.js";
import { Writer } from "./excel.writer.js";

/** What bringing the open workbook from one plan to the next did. */
export interface ReshapeReport {
  /** `context.sync()` calls: two reads and the writes (more only when a request passes the size limit). */
  syncs: number;
  /** `Table[Header]` of each column inserted. */
  inserted: string[];
  /** `Table: old → new` of each header renamed. */
  renamed: string[];
  /** `Table[Header]` of each computed column whose cells were rewritten. */
  rewritten: string[];
  /** Tables created. */
  created: string[];
  /** What could not be brought to the new plan, in English. */
  warnings: string[];
}

/** Options of a reshape. */
export interface ReshapeOptions {
  features: ExcelFeatures;
  /**
   * The key a column of the new plan had in the old one when it changed (a one-respondent grid's
   * `rating` becomes `rating.1`); the same key when absent or undefined.
   */
  formerKey?: (key: string) => string | undefined;
  maxRequestBytes?: number;
  /** Tables whose rows carry the criterion id in this column key: rows are matched by it, not by position. */
  rowKeys?: Record<string, string>;
}

/** A table of the open workbook as the first read found it. */
interface LiveTable {
  proxy: Excel.Table;
  sheet: Excel.Worksheet;
  header: Excel.Range;
  range: Excel.Range;
  ids: Excel.Range | null;
}

/** Where a column of the new plan goes in a live table. */
interface Placement {
  column: ColumnPlan;
  former: ColumnPlan | undefined;
  inserted: boolean;
  /** A computed column out of the new plan's order: deleted and inserted again where it goes. */
  moved?: boolean;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const norm = (h: unknown): string => String(h ?? "").trim().toLocaleLowerCase();
const tablesOf = (p: WorkbookPlan): TablePlan[] => p.sheets.flatMap((s) => s.tables);
const sheetOfTable = (p: WorkbookPlan, name: string): SheetPlan | undefined => p.sheets.find((s) => s.tables.some((t) => t.name === name));

/**
 * Brings the open workbook from the plan `from` (what it was made with) to the plan `to` without
 * rewriting what users typed: columns only in `to` are INSERTED into their tables (`columns.add`)
 * with their formulas and formats; headers that changed are renamed; computed columns whose
 * formulas changed are rewritten; input columns already there are never written (not a value,
 * not a format: in a workbook several people edit at once, another respondent's cells stay theirs).
 * Tables only in `to` are created, growing tables get their new rows, new names, block cells,
 * conditional formats, widths and frozen panes are set; a protected sheet is unprotected for the
 * change and protected again.
 *
 * Round trips are constant: one read of the tables involved, one of the grid's criterion ids, and
 * the writes in one request (split only past `maxRequestBytes`). Office.js errors propagate.
 */
export async function reshapeToPlan(context: Excel.RequestContext, from: WorkbookPlan, to: WorkbookPlan, opts: ReshapeOptions): Promise<ReshapeReport> {
  const report: ReshapeReport = { syncs: 0, inserted: [], renamed: [], rewritten: [], created: [], warnings: [] };
  const formerKey = opts.formerKey ?? ((k: string) => k);
  const rowKeys = opts.rowKeys ?? {};
  const fromTables = new Map(tablesOf(from).map((t) => [t.name, t]));
  const changed = tablesOf(to).filter((t) => {
    const f = fromTables.get(t.name);
    return !f || !same(f.columns, t.columns) || !same(f.rows, t.rows);
  });

  // 1. The tables involved (and one of each sheet, to know the sheets' names in this workbook).
  const live = new Map<string, LiveTable>();
  const wanted = new Set([...changed.map((t) => t.name), ...from.sheets.flatMap((s) => s.tables.slice(0, 1).map((t) => t.name))]);
  for (const name of wanted) {
    const proxy = context.workbook.tables.getItemOrNullObject(name);
    const sheet = proxy.worksheet.load("name, protection/protected");
    live.set(name, { proxy, sheet, header: proxy.getHeaderRowRange().load("values"), range: proxy.getRange().load("address"), ids: null });
  }
  const names = context.workbook.names.load("items/name");
  // Sheets without a table of the old plan (their names as planned) and whether they are protected.
  const bySheetName = new Map(to.sheets.map((s) => [s.key, context.workbook.worksheets.getItemOrNullObject(s.name).load("name, protection/protected")]));
  await context.sync();
  report.syncs++;
  for (const [name, t] of [...live]) if (t.proxy.isNullObject) live.delete(name);

  // 2. The criterion ids of tables whose rows are matched by them (the grid: users may sort it).
  for (const [name, key] of Object.entries(rowKeys)) {
    const t = live.get(name);
    const plan = fromTables.get(name);
    const at = plan?.columns.findIndex((c) => c.key === key) ?? -1;
    if (!t || !plan || at < 0) continue;
    const col = liveHeaders(t).findIndex((h) => norm(h) === norm(plan.columns[at]?.header));
    if (col < 0) continue;
    const { top, left, bottom } = parseRangeAddress(t.range.address);
    t.ids = t.sheet.getRange(rangeAddress(top + 1, left + col, Math.max(top + 1, bottom), left + col)).load("values");
  }
  if ([...live.values()].some((t) => t.ids !== null)) {
    await context.sync();
    report.syncs++;
  }

  // The sheets as this workbook names them (a name already taken when it was made got « (2) »).
  const sheetName = new Map<string, string>();
  for (const s of from.sheets) {
    const t = s.tables.map((x) => live.get(x.name)).find((x) => x !== undefined);
    sheetName.set(s.key, t ? t.sheet.name : s.name);
  }
  for (const s of to.sheets) if (!sheetName.has(s.key)) sheetName.set(s.key, s.name);
  const protectedSheets = new Set([...live.values()].filter((t) => t.sheet.protection.protected).map((t) => t.sheet.name));
  for (const [key, sheet] of bySheetName) {
    if (!sheet.isNullObject && sheet.name === sheetName.get(key) && sheet.protection.protected) protectedSheets.add(sheet.name);
  }

  // 3. Every write, in as few requests as the limit allows.
  const budget = new RequestBudget(context, opts.maxRequestBytes ?? MAX_REQUEST_BYTES, {
    onStart: () => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      return ACTION_BYTES + OBJECT_BYTES;
    },
  });
  const w = new Writer(context, budget, opts.features);
  const ws = (key: string): Excel.Worksheet => context.workbook.worksheets.getItem(sheetName.get(key) ?? key);
  const touchedSheets = new Set<string>();
  for (const s of to.sheets) {
    const f = from.sheets.find((x) => x.key === s.key);
    if (!f || !same(f, s)) touchedSheets.add(s.key);
  }
  for (const key of touchedSheets) {
    if (!protectedSheets.has(sheetName.get(key) ?? "")) continue;
    await w.cost(1, 2);
    ws(key).protection.unprotect();
  }

  // Renames first (on the table as it is), then insertions: formulas written after name the new headers.
  const placements = new Map<string, { at: Placement[]; headers: string[]; top: number; left: number; bottom: number }>();
  const moved: string[] = [];
  for (const t of changed) {
    const l = live.get(t.name);
    const f = fromTables.get(t.name);
    if (!l || !f) continue;
    const { top, left, bottom } = parseRangeAddress(l.range.address);
    const headers = liveHeaders(l);
    const at: Placement[] = [];
    for (const c of t.columns) {
      const former = f.columns.find((x) => x.key === (formerKey(c.key) ?? c.key)) ?? f.columns.find((x) => x.key === c.key);
      let pos = former ? headers.findIndex((h) => norm(h) === norm(former.header)) : -1;
      if (pos < 0) pos = headers.findIndex((h) => norm(h) === norm(c.header));
      if (pos >= 0 && headers[pos] !== c.header) {
        const entry = [[textEntry(c.header)]];
        (await w.range(l.sheet, cellAddress(top, left + pos), 1, jsonBytes(entry))).values = entry;
        report.renamed.push(`${t.name}: ${headers[pos]} → ${c.header}`);
        headers[pos] = c.header;
      }
      at.push({ column: c, former: pos >= 0 ? (former ?? c) : undefined, inserted: pos < 0 });
    }
    // Columns are never moved with their cells (someone's answers would move under them): a computed
    // column out of the new order is deleted and made again where it goes; an input column stays.
    let last = -1;
    for (const a of at) {
      if (a.inserted) continue;
      const pos = headers.findIndex((h) => norm(h) === norm(a.column.header));
      if (pos > last) {
        last = pos;
        continue;
      }
      if (a.column.input || (a.former?.input ?? false)) {
        report.warnings.push(`${t.name}[${a.column.header}] left where it is`);
        continue;
      }
      await w.cost(1, 3, utf8Length(a.column.header) + 16);
      l.proxy.columns.getItem(headers[pos] as string).delete();
      headers.splice(pos, 1);
      if (pos <= last) last--;
      a.inserted = true;
      a.moved = true;
      moved.push(a.column.header);
    }
    placements.set(t.name, { at, headers, top, left, bottom });
  }
  for (const t of changed) {
    const p = placements.get(t.name);
    const l = live.get(t.name);
    if (!p || !l) continue;
    let prev = -1;
    for (const a of p.at) {
      if (!a.inserted) {
        prev = p.headers.findIndex((h) => norm(h) === norm(a.column.header));
        continue;
      }
      prev++;
      await w.cost(1, 2, utf8Length(a.column.header) + 16);
      l.proxy.columns.add(prev, undefined, a.column.header);
      p.headers.splice(prev, 0, a.column.header);
      if (!a.moved) report.inserted.push(`${t.name}[${a.column.header}]`);
    }
  }

  // New tables (over empty cells at the plan's place), new names.
  const created: { table: TablePlan; sheet: Excel.Worksheet }[] = [];
  for (const t of changed) {
    if (live.has(t.name)) continue;
    const s = sheetOfTable(to, t.name);
    if (!s) continue;
    const sheet = ws(s.key);
    await createTable(w, sheet, t);
    created.push({ table: t, sheet });
    report.created.push(t.name);
  }
  const have = new Set(names.items.map((n) => n.name.toLowerCase()));
  for (const n of to.names) {
    const old = from.names.find((x) => x.name === n.name);
    if (old && old.ref === n.ref && old.sheet === n.sheet) continue;
    if (have.has(n.name.toLowerCase())) {
      if (old) report.warnings.push(`${n.name} left as it was (${old.ref}; the new plan has ${n.ref})`);
      continue;
    }
    const s = to.sheets.find((x) => x.name === n.sheet);
    const ref = `=${quoteSheet(s ? (sheetName.get(s.key) ?? n.sheet) : n.sheet)}!${n.ref}`;
    await w.cost(1, 1, utf8Length(n.name) + utf8Length(ref));
    context.workbook.names.add(n.name, ref);
  }

  // The cells of the columns inserted, of computed columns whose content changed, and new rows.
  for (const t of changed) {
    const p = placements.get(t.name);
    const l = live.get(t.name);
    const f = fromTables.get(t.name);
    if (!p || !l || !f) continue;
    const liveRows = p.bottom - p.top;
    const rowOf = rowMatcher(t, l, rowKeys[t.name], liveRows);
    for (const a of p.at) {
      const i = t.columns.indexOf(a.column);
      const fi = a.former ? f.columns.indexOf(a.former) : -1;
      // A formula naming a column deleted and made again is written again (Excel made it #REF!).
      const contentChanged = fi < 0 || !same(f.rows.map((r) => r[fi] ?? null), t.rows.map((r) => r[i] ?? null)) || namesMoved(t.rows.map((r) => r[i] ?? null), moved);
      const formatChanged = fi < 0 || !same(formatOf(a.former as ColumnPlan), formatOf(a.column));
      // An input column already there is someone's answers: never written, whatever the plan says.
      if (!a.inserted && (a.column.input || (a.former?.input ?? false) || (!contentChanged && !formatChanged))) continue;
      const col = p.left + p.headers.findIndex((h) => norm(h) === norm(a.column.header));
      const entries = Array.from({ length: liveRows }, (_, r) => [cellEntry(rowOf(r, i))]);
      if (liveRows > 0 && (a.inserted || contentChanged)) await w.writeRows(l.sheet, entries, (x, y) => rangeAddress(p.top + 1 + x, col, p.top + 1 + y, col));
      if (liveRows > 0) await formatColumn(w, l.sheet, a.column, rangeAddress(p.top + 1, col, p.bottom, col), liveRows, a.inserted);
      if (a.inserted) await formatHeader(w, l.sheet, a.column, cellAddress(p.top, col));
      if (!a.inserted) report.rewritten.push(`${t.name}[${a.column.header}]`);
    }
    // Rows the new plan has beyond the table's (a respondent's row of QG_Respondents).
    if (t.rows.length > liveRows && !rowKeys[t.name]) {
      const extra = t.rows.slice(liveRows).map((r) => p.at.map((a) => cellEntry(r[t.columns.indexOf(a.column)] ?? null)));
      await w.cost(1, 1, jsonBytes(extra));
      l.proxy.rows.add(undefined, extra);
    }
  }
  for (const c of created) await fillTable(w, c.sheet, c.table);

  // Block cells, conditional formats, widths, panes and protection of the sheets that changed.
  for (const key of touchedSheets) {
    const s = to.sheets.find((x) => x.key === key) as SheetPlan;
    const f = from.sheets.find((x) => x.key === key);
    const sheet = ws(key);
    const old = new Map((f?.cells ?? []).map((c) => [`${c.row}:${c.col}`, c]));
    const next = new Map(s.cells.map((c) => [`${c.row}:${c.col}`, c]));
    for (const c of s.cells) {
      const o = old.get(`${c.row}:${c.col}`);
      if (o && ((same(o, c) && !namesMoved([c.value], moved)) || o.input)) continue;
      await writeBlockCell(w, sheet, c);
    }
    for (const o of f?.cells ?? []) {
      if (next.has(`${o.row}:${o.col}`) || o.input) continue;
      await clearCell(w, sheet, o);
    }
    const olds = (f?.conditionalFormats ?? []).map(withoutRef);
    for (const cf of s.conditionalFormats) {
      const k = olds.findIndex((o) => same(o, withoutRef(cf)));
      if (k >= 0) olds.splice(k, 1);
      else await addConditionalFormat(w, sheet, cf);
    }
    if (!f || !same(f.widths, s.widths)) {
      for (const [col, width] of Object.entries(s.widths)) {
        const letter = columnLetter(Number(col));
        (await w.range(sheet, `${letter}:${letter}`, 2)).format.columnWidth = columnWidthPoints(width);
      }
    }
    if (!f || !same(f.freeze, s.freeze)) await freezePanes(w, sheet, s.freeze);
    if (protectedSheets.has(sheetName.get(key) ?? "")) await protectSheet(w, sheet);
  }
  await budget.send();
  report.syncs += budget.sent.length;
  report.warnings.push(...w.warnings);
  return report;
}

/** Whether any formula of `values` names one of the `headers` as a column (`[Level label]`). */
function namesMoved(values: readonly PlanValue[], headers: readonly string[]): boolean {
  if (headers.length === 0) return false;
  const names = headers.map((h) => `[${h.toLocaleLowerCase()}]`);
  return values.some((v) => typeof v === "object" && v !== null && names.some((n) => v.formula.toLocaleLowerCase().includes(n)));
}

/** A live table's header texts. */
function liveHeaders(t: LiveTable): string[] {
  return (t.header.values[0] ?? []).map((h) => String(h ?? "").trim());
}

/** The look of a column (everything but its header, key and width). */
function formatOf(c: ColumnPlan | undefined): unknown {
  if (!c) return null;
  return { style: c.style, numFmt: c.numFmt ?? null, wrap: c.wrap ?? false, validation: c.validation ?? null, input: c.input };
}

/**
 * A conditional format without its range (nor, for a formula rule, its formula's references):
 * Excel moves a rule and adjusts its references when columns are inserted, so the moved rule is
 * the same rule.
 */
function withoutRef(cf: ConditionalFormatPlan): unknown {
  if (cf.type === "expression") return { type: cf.type, fill: cf.fill };
  return { ...cf, ref: null };
}

/**
 * The plan value for a live row of a table and a column of the plan: by criterion id for the grid
 * (a row the plan does not know takes the first row's formula, which refers to its own row only),
 * by position elsewhere.
 */
function rowMatcher(t: TablePlan, l: LiveTable, key: string | undefined, liveRows: number): (row: number, col: number) => PlanValue {
  const byPosition = (row: number, col: number): PlanValue => {
    const v = t.rows[row]?.[col] ?? null;
    if (row < t.rows.length) return v;
    const first = t.rows[0]?.[col] ?? null;
    return typeof first === "object" && first !== null ? first : null;
  };
  const idCol = key === undefined ? -1 : t.columns.findIndex((c) => c.key === key);
  if (idCol < 0 || !l.ids) return byPosition;
  const index = new Map<string, number>();
  t.rows.forEach((r, i) => {
    const id = norm(r[idCol]);
    if (!index.has(id)) index.set(id, i);
  });
  const ids = Array.from({ length: liveRows }, (_, r) => norm(l.ids?.values[r]?.[0]));
  return (row, col) => {
    const i = index.get(ids[row] ?? "");
    if (i !== undefined) return t.rows[i]?.[col] ?? null;
    const first = t.rows[0]?.[col] ?? null;
    return typeof first === "object" && first !== null ? first : null;
  };
}

/** An inserted column's header cell as `fillTable` makes it (Excel gives it its left neighbour's look). */
async function formatHeader(w: Writer, sheet: Excel.Worksheet, c: ColumnPlan, address: string): Promise<void> {
  const range = await w.range(sheet, address, 4);
  range.clear("Formats");
  range.format.wrapText = true;
  range.format.verticalAlignment = "Top";
  if (c.style === "helper") await w.font(range, HELPER_HEADER_FONT);
}

/**
 * A column's look on its data cells, as `fillTable` gives it: font, wrap, number format, input
 * tint or none (an inserted column's cells are first cleared of the look Excel copies from its
 * left neighbour), validation.
 */
async function formatColumn(w: Writer, sheet: Excel.Worksheet, c: ColumnPlan, address: string, rows: number, inserted: boolean): Promise<void> {
  const range = await w.range(sheet, address, 0);
  if (inserted) {
    await w.cost(1, 0, 16);
    range.clear("Formats");
  }
  await w.font(range, STYLE_FONTS[c.style]);
  await w.cost(2, 1);
  if (c.wrap) range.format.wrapText = true;
  range.format.verticalAlignment = "Top";
  if (c.numFmt) {
    const formats = Array.from({ length: rows }, () => [c.numFmt as string]);
    await w.cost(1, 0, jsonBytes(formats));
    range.numberFormat = formats;
  }
  if (c.input) await markInput(w, range);
  if (c.validation) await addValidation(w, range, c.validation);
  else if (inserted && w.features.dataValidation) {
    await w.cost(1, 1);
    range.dataValidation.clear();
  }
}

/** Empties a block cell the new plan no longer has. */
async function clearCell(w: Writer, sheet: Excel.Worksheet, c: BlockCell): Promise<void> {
  const entry: CellEntry[][] = [[""]];
  (await w.range(sheet, cellAddress(c.row, c.col), 1, jsonBytes(entry))).formulas = entry;
}
