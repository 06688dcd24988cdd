import type { ExcelRunner } from "../excel.host.js";
import { FAKE_DEFAULTS, FakeRequestContextCore, type FakeLedger, type FakeOptions, type FakeRequest } from "./fake.context.js";
import { FakeWorkbookState } from "./fake.state.js";
import { FakeWorkbook } from "./fake.workbook.js";

export { FakeOfficeError, type FakeRequest, type FakeOptions } from "./fake.context.js";
export { FakeWorkbookState, FakeSheet, type FakeCell, type FakeTable, type FakeChart } from "./fake.state.js";
export { storedOf, shownValue, formulaText, type Stored } from "./fake.entry.js";

/** A request context of the fake, with the parts of `Excel.RequestContext` Qualigrid uses. */
export class FakeRequestContext extends FakeRequestContextCore {
  readonly workbook: FakeWorkbook;
  constructor(state: FakeWorkbookState, options: FakeOptions, ledger: FakeLedger) {
    super(state, options, ledger);
    this.workbook = new FakeWorkbook(this);
  }
}

/**
 * A recording fake of the part of Excel's object model Qualigrid uses (tables, ranges, formats,
 * validation, conditional formats, names, protection, freeze panes, page layout, charts, selection
 * events, the active cell), for tests and benchmarks without Excel. It keeps a workbook in memory,
 * runs the queued commands at each `sync()` as Office.js would, models how Excel stores typed
 * strings (`fake.entry.ts`), and records every request with its commands and size.
 *
 * What it does not do: calculate formulas (formula cells read back as ""), render anything, or
 * shift cells below a table that grows.
 */
export class ExcelFake {
  readonly state = new FakeWorkbookState();
  readonly ledger: FakeLedger = { requests: [] };
  readonly options: FakeOptions;

  constructor(options: Partial<FakeOptions> = {}) {
    this.options = { ...FAKE_DEFAULTS, ...options };
  }

  /** Every request sent so far, by every context. */
  get requests(): FakeRequest[] {
    return this.ledger.requests;
  }

  /** A new request context on the workbook (what `Excel.run` gives its batch). */
  context(): FakeRequestContext {
    return new FakeRequestContext(this.state, this.options, this.ledger);
  }

  /** The context typed as Office.js's, for code under test. */
  excelContext(): Excel.RequestContext {
    return this.context() as unknown as Excel.RequestContext;
  }

  /** `Excel.run` on this workbook: a fresh context per batch, as Office.js does. */
  runner(): ExcelRunner {
    return {
      run: (batch) => batch(this.excelContext()),
      runOn: (context, batch) => batch(context),
    };
  }

  /** Plays a user selecting `address` on a sheet (which becomes the active one): its `onSelectionChanged` handlers run. */
  async select(sheet: string, address: string): Promise<void> {
    const s = this.state.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    this.state.activeSheet = s.name;
    this.state.selection = { sheet: s.name, address };
    for (const h of [...s.selectionHandlers]) await h({ address, worksheetId: s.id, type: "WorksheetSelectionChanged", source: "Local" });
  }
}
