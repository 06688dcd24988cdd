import { parseRangeAddress, rangeAddress } from "../../model/cell.address.js";
import { FakeOfficeError, type FakeRequestContextCore } from "./fake.context.js";
import { FakeProxy, type Resolver } from "./fake.proxy.js";
import { FakeRange, type RangeTarget } from "./fake.range.js";
import { boundsOf, type FakeChart, type FakeSheet } from "./fake.state.js";
import { FakeTableCollection } from "./fake.table.js";

/** A worksheet proxy. */
export class FakeWorksheet extends FakeProxy<FakeSheet> {
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly freezePanes: FakeFreezePanes;
  readonly protection: FakeProtection;
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: { add(range: string | FakeRange): void };
  readonly onSelectionChanged: { add(handler: (e: { address: string; worksheetId: string; type: string; source: string }) => unknown): FakeEventHandlerResult };

  constructor(ctx: FakeRequestContextCore, path: string, resolver: Resolver<FakeSheet>, derived: boolean, orNull = false) {
    super(ctx, path, resolver, derived, orNull);
    const sheet = (): FakeSheet | null => this.resolve();
    this.tables = new FakeTableCollection(ctx, `${path}.tables`, sheet);
    this.charts = new FakeChartCollection(this);
    this.freezePanes = new FakeFreezePanes(this);
    this.protection = new FakeProtection(ctx, `${path}.protection`, () => this.resolve(), derived || orNull);
    this.pageLayout = new FakePageLayout(this);
    this.horizontalPageBreaks = {
      add: (range: string | FakeRange) => {
        const address = typeof range === "string" ? range : null;
        this.command("horizontalPageBreaks.add", address, (s) => {
          const r = typeof range === "string" ? boundsOf(range) : range.target();
          if (!r) throw new FakeOfficeError("InvalidArgument", "horizontalPageBreaks.add: no range", "PageBreakCollection.add");
          s.rowBreaks.push(rangeAddress(r.top, r.left, r.top, r.left));
        });
      },
    };
    this.onSelectionChanged = {
      add: (handler) => {
        const result = new FakeEventHandlerResult(ctx);
        this.command("onSelectionChanged.add", null, (s) => {
          s.selectionHandlers.add(handler);
          result.detach = () => s.selectionHandlers.delete(handler);
        });
        return result;
      },
    };
  }

  /** Queues a command on the resolved sheet (for the sheet's parts). */
  on(name: string, args: unknown, apply: (s: FakeSheet) => void): void {
    this.command(name, args, apply);
  }

  set name(n: string) {
    this.command("name", n, (s) => (s.name = n));
  }
  get name(): string {
    return this.loaded("name");
  }
  set tabColor(c: string) {
    this.command("tabColor", c, (s) => (s.tabColor = c));
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange(${address ?? ""})`, () => {
      const s = this.resolve();
      if (s === null) return null;
      const b = address ? boundsOf(address) : { top: 1, left: 1, bottom: 1_048_576, right: 16_384 };
      return { sheet: s, ...b };
    }, this.childrenDerived);
  }

  activate(): void {
    this.command("activate", null, (s) => (this.ctx.state.activeSheet = s.name));
  }

  protected read(prop: string, s: FakeSheet): unknown {
    if (prop === "name") return s.name;
    if (prop === "id") return s.id;
    throw new Error(`the fake Worksheet has no property ${prop}`);
  }

  protected override child(name: string): FakeProxy<unknown> {
    if (name === "protection") return this.protection as FakeProxy<unknown>;
    return super.child(name);
  }
}

/** What `onSelectionChanged.add` returns: `remove()` queues the removal on the context given. */
export class FakeEventHandlerResult {
  detach: () => void = () => undefined;
  constructor(readonly context: FakeRequestContextCore) {}
  remove(): void {
    this.context.enqueue({ name: "EventHandlerResult.remove", args: null, run: () => this.detach() });
  }
}

/** `worksheet.protection`: `protect(options)` and the loadable `protected`. */
export class FakeProtection extends FakeProxy<FakeSheet> {
  protect(options?: unknown, password?: string): void {
    this.command("protect", { options, password: password === undefined ? undefined : "***" }, (s) => {
      s.protection = { protected: true, options };
    });
  }
  unprotect(): void {
    this.command("unprotect", null, (s) => (s.protection = { protected: false }));
  }
  get protected(): boolean {
    return this.loaded("protected");
  }
  protected read(prop: string, s: FakeSheet): unknown {
    if (prop === "protected") return s.protection.protected;
    throw new Error(`the fake WorksheetProtection has no property ${prop}`);
  }
}

class FakeFreezePanes {
  constructor(private readonly ws: FakeWorksheet) {}
  freezeAt(range: string): void {
    const { bottom, right } = parseRangeAddress(range);
    this.ws.on("freezePanes.freezeAt", range, (s) => (s.freeze = { rows: bottom, cols: right }));
  }
  freezeRows(count = 1): void {
    this.ws.on("freezePanes.freezeRows", count, (s) => (s.freeze = { rows: count, cols: 0 }));
  }
  freezeColumns(count = 1): void {
    this.ws.on("freezePanes.freezeColumns", count, (s) => (s.freeze = { rows: 0, cols: count }));
  }
}

class FakePageLayout {
  /** `headersFooters.defaultForAllPages`: each section recorded in `pageLayout.headerFooter`. */
  readonly headersFooters: { defaultForAllPages: Record<string, string> };

  constructor(private readonly ws: FakeWorksheet) {
    for (const key of ["orientation", "zoom", "leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin", "centerHorizontally"]) {
      Object.defineProperty(this, key, {
        set: (v: unknown) => this.ws.on(`pageLayout.${key}`, v, (s) => void (s.pageLayout[key] = v)),
        enumerable: true,
      });
    }
    const sections: Record<string, string> = {};
    for (const key of ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"]) {
      Object.defineProperty(sections, key, {
        set: (v: string) =>
          this.ws.on(`pageLayout.headersFooters.defaultForAllPages.${key}`, v, (s) => {
            const hf = (s.pageLayout.headerFooter ?? {}) as Record<string, string>;
            s.pageLayout.headerFooter = { ...hf, [key]: v };
          }),
        enumerable: true,
      });
    }
    this.headersFooters = { defaultForAllPages: sections };
  }
  setPrintTitleRows(rows: string): void {
    this.ws.on("pageLayout.setPrintTitleRows", rows, (s) => void (s.pageLayout.printTitleRows = rows));
  }
  setPrintArea(area: string): void {
    this.ws.on("pageLayout.setPrintArea", area, (s) => void (s.pageLayout.printArea = area));
  }
}

/** `worksheet.charts`: `add(type, sourceData, seriesBy)`. */
class FakeChartCollection {
  constructor(private readonly ws: FakeWorksheet) {}
  add(type: string, source: FakeRange, seriesBy?: string): FakeChartProxy {
    let chart: FakeChart | null = null;
    this.ws.on("charts.add", { type, seriesBy }, (s) => {
      const r = source.target();
      if (!r) throw new FakeOfficeError("InvalidArgument", "charts.add: no source range", "ChartCollection.add");
      const address = rangeAddress(r.top, r.left, r.bottom, r.right);
      chart = { type, source: address, seriesBy, series: [{ name: "(header)", values: address }], axis: {} };
      s.charts.push(chart);
    });
    return new FakeChartProxy(this.ws, () => chart);
  }
}

/** A chart: name, title, legend, value axis bounds, series, position. */
export class FakeChartProxy {
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly axes: { valueAxis: { minimum: unknown; maximum: unknown } };
  readonly series: { add(name?: string): FakeSeries; getItemAt(i: number): FakeSeries };

  constructor(
    private readonly ws: FakeWorksheet,
    private readonly chart: () => FakeChart | null,
  ) {
    const set = (name: string, apply: (c: FakeChart) => void, v: unknown): void =>
      ws.on(`chart.${name}`, v, () => {
        const c = chart();
        if (!c) throw new FakeOfficeError("InvalidObjectPath", "no chart", "Chart");
        apply(c);
      });
    this.title = {
      set text(t: string) {
        set("title.text", (c) => (c.title = t), t);
      },
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "title.text");
      },
    };
    this.legend = {
      set position(p: string) {
        set("legend.position", (c) => (c.legend = p), p);
      },
      get position(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "legend.position");
      },
    };
    const axis = {
      set minimum(v: unknown) {
        set("axes.valueAxis.minimum", (c) => (c.axis.minimum = v), v);
      },
      get minimum(): unknown {
        throw new FakeOfficeError("PropertyNotLoaded", "minimum");
      },
      set maximum(v: unknown) {
        set("axes.valueAxis.maximum", (c) => (c.axis.maximum = v), v);
      },
      get maximum(): unknown {
        throw new FakeOfficeError("PropertyNotLoaded", "maximum");
      },
    };
    this.axes = { valueAxis: axis };
    this.series = {
      add: (name?: string) => {
        let index = -1;
        set("series.add", (c) => {
          c.series.push({ name: name ?? "" });
          index = c.series.length - 1;
        }, name ?? null);
        return new FakeSeries(ws, () => chart()?.series[index] ?? null);
      },
      getItemAt: (i: number) => new FakeSeries(ws, () => chart()?.series[i] ?? null),
    };
  }

  set name(n: string) {
    this.ws.on("chart.name", n, () => {
      const c = this.chart();
      if (c) c.name = n;
    });
  }

  setPosition(start: string, end?: string): void {
    this.ws.on("chart.setPosition", [start, end], () => {
      const c = this.chart();
      if (c) c.position = [start, end];
    });
  }
}

class FakeSeries {
  constructor(
    private readonly ws: FakeWorksheet,
    private readonly series: () => FakeChart["series"][number] | null,
  ) {}
  private set(name: string, range: FakeRange, apply: (s: FakeChart["series"][number], address: string) => void): void {
    this.ws.on(`series.${name}`, null, () => {
      const s = this.series();
      const r: RangeTarget | null = range.target();
      if (!s || !r) throw new FakeOfficeError("InvalidArgument", `series.${name}`, "ChartSeries");
      apply(s, rangeAddress(r.top, r.left, r.bottom, r.right));
    });
  }
  setValues(range: FakeRange): void {
    this.set("setValues", range, (s, a) => (s.values = a));
  }
  private record(name: string, v: unknown, apply: (s: FakeChart["series"][number]) => void): void {
    this.ws.on(`series.${name}`, v, () => {
      const s = this.series();
      if (!s) throw new FakeOfficeError("InvalidArgument", `series.${name}`, "ChartSeries");
      apply(s);
    });
  }
  set name(n: string) {
    this.record("name", n, (s) => (s.name = n));
  }
  set markerBackgroundColor(c: string) {
    this.record("markerBackgroundColor", c, (s) => (s.marker = c));
  }
  set markerForegroundColor(c: string) {
    this.record("markerForegroundColor", c, (s) => (s.marker = c));
  }
  /** `format.fill.setSolidColor` (columns) and `format.line.color` (a radar's lines). */
  get format(): { fill: { setSolidColor(c: string): void }; line: { color: string } } {
    const record = (name: string, v: string): void => this.record(name, v, (s) => (s.color = v));
    return {
      fill: { setSolidColor: (c: string) => record("format.fill.setSolidColor", c) },
      line: {
        set color(c: string) {
          record("format.line.color", c);
        },
        get color(): string {
          throw new FakeOfficeError("PropertyNotLoaded", "line.color");
        },
      },
    };
  }
  setXAxisValues(range: FakeRange): void {
    this.set("setXAxisValues", range, (s, a) => (s.categories = a));
  }
}
