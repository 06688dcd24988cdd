import { FakeOfficeError, type FakeRequestContextCore } from "./fake.context.js";
import { storedOf } from "./fake.entry.js";
import { FakeProxy, type Resolver } from "./fake.proxy.js";
import { FakeRange, type RangeTarget } from "./fake.range.js";
import { boundsOf, type FakeSheet, type FakeTable } from "./fake.state.js";
import { FakeWorksheet } from "./fake.sheet.js";

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;

/** A table collection: the workbook's (items, getItem) or a sheet's (`add`). */
export class FakeTableCollection extends FakeProxy<FakeSheet | "workbook"> {
  private found: FakeTableProxy[] = [];

  constructor(ctx: FakeRequestContextCore, path: string, sheet: Resolver<FakeSheet> | null) {
    super(ctx, path, sheet ?? (() => "workbook"), false);
  }

  add(address: string, hasHeaders: boolean): FakeTableProxy {
    let made: FakeTable | null = null;
    this.command("add", { address, hasHeaders }, (scope) => {
      if (scope === "workbook") throw new Error("the fake adds tables through worksheet.tables");
      const b = boundsOf(address);
      for (const t of this.ctx.state.tables) {
        if (t.sheet === scope && !(b.bottom < t.top || b.top > t.bottom || b.right < t.left || b.left > t.right)) {
          throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.", "TableCollection.add");
        }
      }
      made = { name: `Table${this.ctx.state.tables.length + 1}`, sheet: scope, ...b };
      if (hasHeaders) for (let c = b.left; c <= b.right; c++) {
        const cell = scope.cell(b.top, c);
        if (cell.stored.kind === "empty") cell.stored = { kind: "text", text: `Column${c - b.left + 1}`, quotePrefix: false };
      }
      this.ctx.state.tables.push(made);
    });
    return new FakeTableProxy(this.ctx, `${this.path}.add(${address})`, () => made, false);
  }

  getItem(name: string): FakeTableProxy {
    return new FakeTableProxy(this.ctx, `tables.getItem(${name})`, () => {
      const t = this.ctx.state.table(name);
      if (!t) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (${name})`, "TableCollection.getItem");
      return t;
    }, false);
  }

  getItemOrNullObject(name: string): FakeTableProxy {
    return new FakeTableProxy(this.ctx, `tables.getItemOrNullObject(${name})`, () => this.ctx.state.table(name), false, true);
  }

  get items(): FakeTableProxy[] {
    this.loaded("items");
    return this.found;
  }

  override capture(prop: string, scope: FakeSheet | "workbook" | null): unknown {
    if (!prop.startsWith("items")) throw new Error(`the fake TableCollection loads items only, not ${prop}`);
    const tables = this.ctx.state.tables.filter((t) => scope === "workbook" || t.sheet === scope);
    this.found = tables.map((t) => new FakeTableProxy(this.ctx, `table(${t.name})`, () => t, false));
    const sub = prop.slice("items/".length);
    const out = this.found.map((p, i) => (sub ? p.capture(sub, tables[i] ?? null) : null));
    this.remember("items", true);
    return out;
  }

  protected read(): unknown {
    return null;
  }
}

/** A table: name, style, its ranges, its sheet, `rows.add`. */
export class FakeTableProxy extends FakeProxy<FakeTable> {
  readonly worksheet: FakeWorksheet;
  readonly rows: { add(index?: number | null, values?: unknown[][]): void };
  readonly columns: { add(index?: number | null, values?: unknown[][] | null, name?: string): void; getItem(name: string): { delete(): void } };

  constructor(ctx: FakeRequestContextCore, path: string, resolver: Resolver<FakeTable>, derived: boolean, nullable = false) {
    super(ctx, path, resolver, derived, nullable);
    this.worksheet = new FakeWorksheet(ctx, `${path}.worksheet`, () => this.resolve()?.sheet ?? null, this.childrenDerived);
    this.rows = {
      add: (index, values) => this.command("rows.add", { index, values }, (t) => this.addRows(t, values ?? [])),
    };
    this.columns = {
      add: (index, values, name) => this.command("columns.add", { index, values, name }, (t) => this.addColumn(t, index ?? null, values ?? null, name)),
      getItem: (name) => ({ delete: () => this.command(`columns.getItem(${name}).delete`, null, (t) => this.deleteColumn(t, name)) }),
    };
  }

  set name(n: string) {
    this.command("name", n, (t) => {
      const state = this.ctx.state;
      if (!TABLE_NAME.test(n)) throw new FakeOfficeError("InvalidArgument", `${n} is not a valid table name`, "Table.name");
      const clash = state.tables.some((x) => x !== t && x.name.toLowerCase() === n.toLowerCase()) || state.names.has(n.toLowerCase());
      if (clash) throw new FakeOfficeError("ItemAlreadyExists", `${n} already exists`, "Table.name");
      t.name = n;
    });
  }
  get name(): string {
    return this.loaded("name");
  }
  set style(s: string) {
    this.command("style", s, (t) => (t.style = s));
  }

  private range(part: string, bounds: (t: FakeTable) => Omit<RangeTarget, "sheet">): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.${part}`, () => {
      const t = this.resolve();
      return t ? { sheet: t.sheet, ...bounds(t) } : null;
    }, this.childrenDerived);
  }
  getRange(): FakeRange {
    return this.range("getRange()", (t) => ({ top: t.top, left: t.left, bottom: t.bottom, right: t.right }));
  }
  getHeaderRowRange(): FakeRange {
    return this.range("getHeaderRowRange()", (t) => ({ top: t.top, left: t.left, bottom: t.top, right: t.right }));
  }
  getDataBodyRange(): FakeRange {
    return this.range("getDataBodyRange()", (t) => ({ top: t.top + 1, left: t.left, bottom: t.bottom, right: t.right }));
  }

  protected read(prop: string, t: FakeTable): unknown {
    if (prop === "name") return t.name;
    if (prop === "style") return t.style ?? "";
    throw new Error(`the fake Table has no property ${prop}`);
  }

  protected override child(name: string): FakeProxy<unknown> {
    if (name === "worksheet") return this.worksheet as FakeProxy<unknown>;
    return super.child(name);
  }

  /**
   * Inserts a column at `index` (0-based within the table; null: at the end), as Excel does: the
   * cells of the table's rows from there on shift right, with the tables and records lying within
   * those rows; the header gets `name` (or `ColumnN`). A protected sheet refuses.
   */
  private addColumn(t: FakeTable, index: number | null, values: unknown[][] | null, name: string | undefined): void {
    if (t.sheet.protection.protected) throw new FakeOfficeError("InvalidOperation", "The table is on a protected sheet.", "TableColumnCollection.add");
    if (values !== null) throw new Error("the fake adds columns by name only");
    const width = t.right - t.left + 1;
    if (index !== null && (index < 0 || index > width)) throw new FakeOfficeError("InvalidArgument", `columns.add: index ${index} outside 0–${width}`, "TableColumnCollection.add");
    const col = t.left + (index ?? width);
    const header = name ?? `Column${width + 1}`;
    if (this.ctx.state.headers(t).some((h) => h.toLowerCase() === header.toLowerCase())) {
      throw new FakeOfficeError("InvalidArgument", `columns.add: the table already has a column ${header}`, "TableColumnCollection.add");
    }
    for (const other of this.ctx.state.tables) {
      if (other === t || other.sheet !== t.sheet || other.right < col) continue;
      const inside = other.top >= t.top && other.bottom <= t.bottom;
      if (!inside && !(other.bottom < t.top || other.top > t.bottom)) {
        throw new FakeOfficeError("InvalidOperation", "This operation is not allowed because it tries to shift cells in a table on your worksheet.", "TableColumnCollection.add");
      }
      if (inside) {
        other.left++;
        other.right++;
      }
    }
    t.sheet.shiftRight(t.top, t.bottom, col, 1);
    t.right++;
    t.sheet.cell(t.top, col).stored = { kind: "text", text: header, quotePrefix: false };
    // The new column's cells take the formats of the column on its left, as Excel's insertion does.
    for (let r = t.top + 1; r <= t.bottom; r++) {
      const left = t.sheet.peek(r, col - 1);
      if (left && col > t.left) t.sheet.cell(r, col).format = { ...left.format };
    }
  }

  /** Deletes the column headed `name`, as Excel does: the cells right of it in the table's rows shift left. */
  private deleteColumn(t: FakeTable, name: string): void {
    if (t.sheet.protection.protected) throw new FakeOfficeError("InvalidOperation", "The table is on a protected sheet.", "TableColumn.delete");
    const at = this.ctx.state.headers(t).findIndex((h) => h.toLowerCase() === name.toLowerCase());
    if (at < 0) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (${name})`, "TableColumnCollection.getItem");
    const col = t.left + at;
    for (const other of this.ctx.state.tables) {
      if (other !== t && other.sheet === t.sheet && other.left > col && other.top >= t.top && other.bottom <= t.bottom) {
        other.left--;
        other.right--;
      }
    }
    t.sheet.shiftLeft(t.top, t.bottom, col);
    t.right--;
  }

  /**
   * Adds rows below the table, as Excel does: a `null` entry in a calculated column (the same
   * formula on every row) gets that formula, anything else is stored as given. A protected sheet
   * refuses (its table cannot grow).
   */
  private addRows(t: FakeTable, values: unknown[][]): void {
    if (t.sheet.protection.protected) throw new FakeOfficeError("InvalidOperation", "The table is on a protected sheet.", "TableRowCollection.add");
    const width = t.right - t.left + 1;
    const calculated: (string | null)[] = [];
    for (let c = t.left; c <= t.right; c++) {
      let formula: string | null = null;
      for (let r = t.top + 1; r <= t.bottom; r++) {
        const s = t.sheet.peek(r, c)?.stored;
        const f = s?.kind === "formula" ? s.formula : null;
        if (r === t.top + 1) formula = f;
        else if (f !== formula) formula = null;
      }
      calculated.push(formula);
    }
    for (const row of values) {
      if (row.length !== width) throw new FakeOfficeError("InvalidArgument", `rows.add: ${row.length} values for ${width} columns`, "TableRowCollection.add");
      t.bottom++;
      row.forEach((raw, i) => {
        const stored = raw === null ? (calculated[i] ? { kind: "formula" as const, formula: calculated[i] as string, fromText: false } : null) : storedOf(raw);
        const cell = t.sheet.cell(t.bottom, t.left + i);
        // The new row takes the formats of the row above, as a table row does.
        const above = t.sheet.peek(t.bottom - 1, t.left + i);
        if (above) cell.format = { ...above.format };
        if (stored) cell.stored = stored;
      });
    }
  }
}
