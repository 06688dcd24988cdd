import { FakeOfficeError, type FakeRequestContextCore } from "./fake.context.js";
import { FakeProxy } from "./fake.proxy.js";
import { FakeRange } from "./fake.range.js";
import { FakeWorksheet } from "./fake.sheet.js";
import { boundsOf, type FakeName, type FakeWorkbookState } from "./fake.state.js";
import { FakeTableCollection } from "./fake.table.js";

/** `context.workbook`. */
export class FakeWorkbook extends FakeProxy<FakeWorkbookState> {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: { suspendApiCalculationUntilNextSync(): void };

  constructor(ctx: FakeRequestContextCore) {
    super(ctx, "workbook", () => ctx.state, false);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, "workbook.tables", null);
    this.names = new FakeNamedItemCollection(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        ctx.enqueue({ name: "application.suspendApiCalculationUntilNextSync", args: null, run: () => void ctx.state.calculationSuspended++ }),
    };
  }

  get name(): string {
    return this.loaded("name");
  }

  /** The active cell (`FakeWorkbookState.activeCell`); `ItemNotFound` in a workbook without sheets. */
  getActiveCell(): FakeRange {
    return new FakeRange(this.ctx, "workbook.getActiveCell()", () => {
      const c = this.ctx.state.activeCell();
      if (!c) throw new FakeOfficeError("ItemNotFound", "The workbook has no active cell.", "Workbook.getActiveCell");
      return { sheet: c.sheet, top: c.row, left: c.col, bottom: c.row, right: c.col };
    }, false);
  }

  protected read(prop: string, s: FakeWorkbookState): unknown {
    if (prop === "name") return s.name;
    throw new Error(`the fake Workbook has no property ${prop}`);
  }
}

/** `workbook.worksheets`. */
export class FakeWorksheetCollection extends FakeProxy<FakeWorkbookState> {
  private found: FakeWorksheet[] = [];

  constructor(ctx: FakeRequestContextCore) {
    super(ctx, "worksheets", () => ctx.state, false);
  }

  add(name: string): FakeWorksheet {
    let made: ReturnType<FakeWorkbookState["addSheet"]> | null = null;
    this.command("add", name, (s) => {
      if (s.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`, "WorksheetCollection.add");
      if (name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new FakeOfficeError("InvalidArgument", `${name} is not a valid sheet name`, "WorksheetCollection.add");
      made = s.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, `worksheets.add(${name})`, () => made, false);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `worksheets.getItem(${name})`, () => {
      const s = this.ctx.state.sheet(name);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (${name})`, "WorksheetCollection.getItem");
      return s;
    }, false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `worksheets.getItemOrNullObject(${name})`, () => this.ctx.state.sheet(name), false, true);
  }

  /** The sheet of the active cell. */
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, "worksheets.getActiveWorksheet()", () => {
      const c = this.ctx.state.activeCell();
      if (!c) throw new FakeOfficeError("ItemNotFound", "The workbook has no active sheet.", "WorksheetCollection.getActiveWorksheet");
      return c.sheet;
    }, false);
  }

  get items(): FakeWorksheet[] {
    this.loaded("items");
    return this.found;
  }

  override capture(prop: string, s: FakeWorkbookState | null): unknown {
    if (!prop.startsWith("items") || !s) throw new Error(`the fake WorksheetCollection loads items only, not ${prop}`);
    this.found = s.sheets.map((sh) => new FakeWorksheet(this.ctx, `worksheet(${sh.name})`, () => sh, false));
    const sub = prop.slice("items/".length);
    const out = this.found.map((p, i) => (sub ? p.capture(sub, s.sheets[i] ?? null) : null));
    this.remember("items", true);
    return out;
  }

  protected read(): unknown {
    return null;
  }
}

/** `workbook.names`. */
export class FakeNamedItemCollection extends FakeProxy<FakeWorkbookState> {
  private found: FakeNamedItem[] = [];

  constructor(ctx: FakeRequestContextCore) {
    super(ctx, "names", () => ctx.state, false);
  }

  add(name: string, reference: string): FakeNamedItem {
    this.command("add", { name, reference }, (s) => {
      const key = name.toLowerCase();
      if (s.names.has(key) || s.table(name)) throw new FakeOfficeError("ItemAlreadyExists", `The name ${name} already exists.`, "NamedItemCollection.add");
      if (typeof reference !== "string" || !reference.startsWith("=")) throw new FakeOfficeError("InvalidArgument", `${name}: the fake takes references as "=Sheet!$A$1" formulas`, "NamedItemCollection.add");
      s.names.set(key, { name, formula: reference });
    });
    return this.getItem(name);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, `names.getItem(${name})`, () => {
      const n = this.ctx.state.names.get(name.toLowerCase());
      if (!n) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (${name})`, "NamedItemCollection.getItem");
      return n;
    }, false);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, `names.getItemOrNullObject(${name})`, () => this.ctx.state.names.get(name.toLowerCase()) ?? null, false, true);
  }

  get items(): FakeNamedItem[] {
    this.loaded("items");
    return this.found;
  }

  override capture(prop: string, s: FakeWorkbookState | null): unknown {
    if (!prop.startsWith("items") || !s) throw new Error(`the fake NamedItemCollection loads items only, not ${prop}`);
    const all = [...s.names.values()];
    this.found = all.map((n) => new FakeNamedItem(this.ctx, `name(${n.name})`, () => n, false));
    const sub = prop.slice("items/".length);
    const out = this.found.map((p, i) => (sub ? p.capture(sub, all[i] ?? null) : null));
    this.remember("items", true);
    return out;
  }

  protected read(): unknown {
    return null;
  }
}

/** A workbook name; its range when it refers to cells of a sheet. */
export class FakeNamedItem extends FakeProxy<FakeName> {
  get name(): string {
    return this.loaded("name");
  }
  get type(): string {
    return this.loaded("type");
  }

  private rangeOf(orNull: boolean): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange${orNull ? "OrNullObject" : ""}()`, () => {
      const n = this.resolve();
      if (!n) return null;
      const m = /^=(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(n.formula);
      const sheet = m ? this.ctx.state.sheet((m[1] ?? m[2] ?? "").replace(/''/g, "'")) : null;
      if (!m || !sheet) {
        if (orNull) return null;
        throw new FakeOfficeError("InvalidOperation", `${n.name} is not a range`, "NamedItem.getRange");
      }
      return { sheet, ...boundsOf(m[3] ?? "") };
    }, this.childrenDerived, orNull);
  }
  getRange(): FakeRange {
    return this.rangeOf(false);
  }
  getRangeOrNullObject(): FakeRange {
    return this.rangeOf(true);
  }
  /** `NamedItem.delete()`: the name goes (its cells stay). */
  delete(): void {
    this.command("delete", null, (n) => void this.ctx.state.names.delete(n.name.toLowerCase()));
  }

  protected read(prop: string, n: FakeName): unknown {
    if (prop === "name") return n.name;
    if (prop === "type") return /^=.+!\$?[A-Z]+\$?\d+/.test(n.formula) ? "Range" : "String";
    if (prop === "formula") return n.formula;
    throw new Error(`the fake NamedItem has no property ${prop}`);
  }
}
