import { cellAddress, rangeAddress } from "../../model/cell.address.js";
import { FakeOfficeError, type FakeRequestContextCore } from "./fake.context.js";
import { formulaText, shownValue, storedOf } from "./fake.entry.js";
import { FakeProxy, type Resolver } from "./fake.proxy.js";
import type { FakeFormat, FakeSheet, FakeWorkbookState } from "./fake.state.js";

/** Where a range proxy points when its request runs. */
export interface RangeTarget {
  sheet: FakeSheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const STRUCTURED = /([A-Za-z_\\][A-Za-z0-9_.]*)\[/g;

/** A range: values and formulas in 2-D arrays, number formats, formats, validation, conditional formats. */
export class FakeRange extends FakeProxy<RangeTarget> {
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormats;

  constructor(ctx: FakeRequestContextCore, path: string, resolver: Resolver<RangeTarget>, derived: boolean, orNull = false) {
    super(ctx, path, resolver, derived, orNull);
    this.format = new FakeRangeFormat(this);
    this.dataValidation = new FakeDataValidation(this);
    this.conditionalFormats = new FakeConditionalFormats(this);
  }

  private get state(): FakeWorkbookState {
    return this.ctx.state;
  }

  /** `Sheet!A1:B2` of a resolved range. */
  static addressOf(state: FakeWorkbookState, r: RangeTarget): string {
    return state.address(r.sheet, r.top, r.left, r.bottom, r.right);
  }

  /** A row of this range (0-based), as `Range.getRow`. */
  getRow(index: number): FakeRange {
    return this.sub(`getRow(${index})`, (r) => ({ ...r, top: r.top + index, bottom: r.top + index }));
  }

  /** This range grown or shrunk from its top-left corner, as `Range.getResizedRange`. */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.sub(`getResizedRange(${deltaRows},${deltaColumns})`, (r) => ({ ...r, bottom: r.bottom + deltaRows, right: r.right + deltaColumns }));
  }

  private sub(part: string, bounds: (r: RangeTarget) => RangeTarget): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.${part}`, () => {
      const r = this.resolve();
      return r ? bounds(r) : null;
    }, true);
  }

  /** Runs `f` on the target now (inside a running command). */
  target(): RangeTarget | null {
    return this.resolve();
  }

  /** Queues a command on the resolved range (exposed to the format objects). */
  on(name: string, args: unknown, apply: (r: RangeTarget) => void): void {
    this.command(name, args, apply);
  }

  set values(v: unknown[][]) {
    this.command("values", v, (r) => this.enter(r, v));
  }
  get values(): unknown[][] {
    return this.loaded("values");
  }
  set formulas(v: unknown[][]) {
    this.command("formulas", v, (r) => this.enter(r, v));
  }
  get formulas(): unknown[][] {
    return this.loaded("formulas");
  }
  set numberFormat(v: unknown[][]) {
    this.command("numberFormat", v, (r) => {
      this.checkShape(r, v);
      v.forEach((row, i) => row.forEach((f, j) => {
        if (f !== null && f !== undefined) r.sheet.cell(r.top + i, r.left + j).format.numberFormat = String(f);
      }));
    });
  }
  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat");
  }
  get address(): string {
    return this.loaded("address");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }

  /** `Range.clear(applyTo)`: "Formats" resets the cells' formats, "Contents" empties them, "All" both. */
  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.command("clear", applyTo, (r) => {
      for (let i = r.top; i <= r.bottom; i++)
        for (let j = r.left; j <= r.right; j++) {
          const c = r.sheet.cell(i, j);
          if (applyTo !== "Contents") c.format = {};
          if (applyTo !== "Formats") c.stored = { kind: "empty" };
        }
    });
  }

  select(): void {
    this.command("select", null, (r) => {
      this.state.selection = { sheet: r.sheet.name, address: rangeAddress(r.top, r.left, r.bottom, r.right) };
    });
  }

  protected read(prop: string, r: RangeTarget): unknown {
    const grid = (f: (row: number, col: number) => unknown): unknown[][] =>
      Array.from({ length: r.bottom - r.top + 1 }, (_, i) => Array.from({ length: r.right - r.left + 1 }, (_, j) => f(r.top + i, r.left + j)));
    switch (prop) {
      case "values":
        return grid((row, col) => {
          const c = r.sheet.peek(row, col);
          return c ? shownValue(c.stored) : "";
        });
      case "formulas":
        return grid((row, col) => {
          const c = r.sheet.peek(row, col);
          return c ? formulaText(c.stored) : "";
        });
      case "numberFormat":
        return grid((row, col) => r.sheet.peek(row, col)?.format.numberFormat ?? "General");
      case "address":
        return FakeRange.addressOf(this.state, r);
      case "rowCount":
        return r.bottom - r.top + 1;
      case "columnCount":
        return r.right - r.left + 1;
      case "rowIndex":
        return r.top - 1;
      case "columnIndex":
        return r.left - 1;
      default:
        throw new Error(`the fake Range has no property ${prop}`);
    }
  }

  private checkShape(r: RangeTarget, v: unknown[][]): void {
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeOfficeError("InvalidArgument", `${cellAddress(r.top, r.left)}: the array is not ${rows}×${cols}`, "Range.values");
    }
  }

  /** Stores entries as Excel would, refusing locked cells of a protected sheet and unknown tables in formulas. */
  private enter(r: RangeTarget, v: unknown[][]): void {
    this.checkShape(r, v);
    if (r.sheet.protection.protected) {
      for (let i = r.top; i <= r.bottom; i++)
        for (let j = r.left; j <= r.right; j++) {
          if (r.sheet.peek(i, j)?.format.locked !== false) {
            throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.", "Range.values");
          }
        }
    }
    v.forEach((row, i) =>
      row.forEach((raw, j) => {
        const stored = storedOf(raw);
        if (stored === null) return;
        if (stored.kind === "formula") {
          for (const m of stored.formula.matchAll(STRUCTURED)) {
            const name = m[1] ?? "";
            if (/^[A-Z]{1,3}\d*$/.test(name)) continue;
            if (!this.state.table(name)) throw new FakeOfficeError("InvalidArgument", `${stored.formula}: there is no table ${name}`, "Range.formulas");
          }
        }
        r.sheet.cell(r.top + i, r.left + j).stored = stored;
      }),
    );
  }
}

/** `range.format`: widths, heights, wrap, alignment, font, fill, protection. */
export class FakeRangeFormat {
  readonly font: FakeFont;
  readonly fill: { color: string; clear(): void };
  readonly protection: { locked: boolean };

  constructor(private readonly range: FakeRange) {
    this.font = new FakeFont(range);
    const cells = (name: string, value: unknown, apply: (f: FakeFormat) => void): void =>
      range.on(name, value, (r) => {
        for (const p of r.sheet.positions(rangeAddress(r.top, r.left, r.bottom, r.right))) apply(r.sheet.cell(p.row, p.col).format);
      });
    this.fill = {
      set color(c: string) {
        cells("format.fill.color", c, (f) => (f.fill = c));
      },
      get color(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "format.fill.color");
      },
      clear(): void {
        cells("format.fill.clear", null, (f) => delete f.fill);
      },
    };
    this.protection = {
      set locked(l: boolean) {
        cells("format.protection.locked", l, (f) => (f.locked = l));
      },
      get locked(): boolean {
        throw new FakeOfficeError("PropertyNotLoaded", "format.protection.locked");
      },
    };
  }

  private each(name: string, value: unknown, apply: (f: FakeFormat) => void): void {
    this.range.on(name, value, (r) => {
      for (const p of r.sheet.positions(rangeAddress(r.top, r.left, r.bottom, r.right))) apply(r.sheet.cell(p.row, p.col).format);
    });
  }

  set columnWidth(points: number) {
    this.range.on("format.columnWidth", points, (r) => {
      for (let c = r.left; c <= r.right; c++) r.sheet.columnWidths.set(c, points);
    });
  }
  set rowHeight(points: number) {
    this.range.on("format.rowHeight", points, (r) => {
      for (let i = r.top; i <= r.bottom; i++) r.sheet.rowHeights.set(i, points);
    });
  }
  set wrapText(w: boolean) {
    this.each("format.wrapText", w, (f) => (f.wrapText = w));
  }
  set verticalAlignment(a: string) {
    this.each("format.verticalAlignment", a, (f) => (f.verticalAlignment = a));
  }
}

class FakeFont {
  constructor(private readonly range: FakeRange) {}
  set(props: Record<string, unknown>): void {
    this.range.on("format.font.set", props, (r) => {
      for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) {
        const f = r.sheet.cell(i, j).format;
        f.font = { ...f.font, ...props };
      }
    });
  }
}

/** `range.dataValidation`: rule, error alert and blanks, recorded per range address. */
class FakeDataValidation {
  constructor(private readonly range: FakeRange) {}
  private record(name: "rule" | "errorAlert" | "ignoreBlanks", value: unknown): void {
    this.range.on(`dataValidation.${name}`, value, (r) => {
      const address = rangeAddress(r.top, r.left, r.bottom, r.right);
      if (name === "rule") {
        const source = (value as { list?: { source?: unknown } }).list?.source;
        if (typeof source === "string" && source.startsWith("=")) {
          const ref = source.slice(1);
          if (/^[A-Za-z_\\][\w.]*$/.test(ref) && !this.range.ctx.state.names.has(ref.toLowerCase())) {
            throw new FakeOfficeError("InvalidArgument", `the list source ${source} names nothing`, "DataValidation.rule");
          }
        }
      }
      let rec = r.sheet.validations.find((v) => v.address === address);
      if (!rec) {
        rec = { address, value: {} };
        r.sheet.validations.push(rec);
      }
      (rec.value as Record<string, unknown>)[name] = value;
    });
  }
  set rule(v: unknown) {
    this.record("rule", v);
  }
  set errorAlert(v: unknown) {
    this.record("errorAlert", v);
  }
  set ignoreBlanks(v: boolean) {
    this.record("ignoreBlanks", v);
  }
  clear(): void {
    this.range.on("dataValidation.clear", null, (r) => {
      const address = rangeAddress(r.top, r.left, r.bottom, r.right);
      const at = r.sheet.validations.findIndex((v) => v.address === address);
      if (at >= 0) r.sheet.validations.splice(at, 1);
    });
  }
}

/** `range.conditionalFormats`: `add(type)` and the colour scale / data bar properties set on it. */
class FakeConditionalFormats {
  constructor(private readonly range: FakeRange) {}
  add(type: string): {
    colorScale: { criteria: unknown };
    dataBar: Record<string, unknown> & { positiveFormat: Record<string, unknown> };
    custom: { rule: { formula: unknown }; format: { fill: { color: unknown } } };
  } {
    const props: Record<string, unknown> = {};
    this.range.on("conditionalFormats.add", type, (r) => {
      r.sheet.conditionalFormats.push({ address: rangeAddress(r.top, r.left, r.bottom, r.right), value: { type, props } });
    });
    const set = (key: string, value: unknown): void => this.range.on(`conditionalFormat.${key}`, value, () => void (props[key] = value));
    const positiveFormat = {
      set fillColor(c: unknown) {
        set("positiveFormat.fillColor", c);
      },
      set gradientFill(g: unknown) {
        set("positiveFormat.gradientFill", g);
      },
    };
    return {
      colorScale: {
        set criteria(c: unknown) {
          set("colorScale.criteria", c);
        },
        get criteria(): unknown {
          throw new FakeOfficeError("PropertyNotLoaded", "criteria");
        },
      },
      dataBar: {
        set lowerBoundRule(v: unknown) {
          set("dataBar.lowerBoundRule", v);
        },
        set upperBoundRule(v: unknown) {
          set("dataBar.upperBoundRule", v);
        },
        positiveFormat,
      },
      custom: {
        rule: {
          set formula(v: unknown) {
            set("custom.rule.formula", v);
          },
        },
        format: {
          fill: {
            set color(v: unknown) {
              set("custom.format.fill.color", v);
            },
          },
        },
      },
    };
  }
}
