import type { FontStyle } from "../plan/styles.js";
import type { RequestBudget } from "./excel.budget.js";
import type { ExcelFeatures } from "./excel.features.js";
import { ACTION_BYTES, jsonBytes, OBJECT_BYTES, utf8Length } from "./excel.size.js";
import type { CellEntry } from "./excel.values.js";

/**
 * What the live renderer writes with: the request context, the budget that decides when a
 * request is full, the features this Excel supports, and the warnings of parts left out.
 * Every write first reserves its estimated bytes, then queues its commands; nothing here syncs
 * except the budget, when a request would pass its limit.
 */
export class Writer {
  readonly warnings: string[] = [];
  /** Cells written so far, for progress. */
  cells = 0;

  constructor(
    readonly context: Excel.RequestContext,
    readonly budget: RequestBudget,
    readonly features: ExcelFeatures,
  ) {}

  /** Reserves `actions` commands on `objects` new proxies carrying `payload` bytes of arguments. */
  async cost(actions: number, objects: number, payload = 0): Promise<void> {
    await this.budget.reserve(actions * ACTION_BYTES + objects * OBJECT_BYTES + payload);
  }

  /** A range of `sheet` by A1 address, its address counted in the request. */
  async range(sheet: Excel.Worksheet, address: string, actions: number, payload = 0): Promise<Excel.Range> {
    await this.cost(actions, 1, utf8Length(address) + payload);
    return sheet.getRange(address);
  }

  /**
   * Writes `rows` (already entries) from `top`/`left` down, as few `formulas` 2-D arrays as the
   * request budget allows: rows are cut into blocks that fit in the current request, and the
   * request is sent when the next row would not fit. A single row larger than a request is
   * written alone.
   */
  async writeRows(sheet: Excel.Worksheet, rows: readonly CellEntry[][], addressOf: (firstIndex: number, lastIndex: number) => string): Promise<void> {
    const fixed = ACTION_BYTES + OBJECT_BYTES + 32;
    let start = 0;
    let bytes = fixed;
    const flush = async (end: number): Promise<void> => {
      await this.budget.reserve(bytes);
      sheet.getRange(addressOf(start, end - 1)).formulas = rows.slice(start, end);
      this.cells += (end - start) * (rows[start]?.length ?? 0);
      start = end;
      bytes = fixed;
    };
    for (let i = 0; i < rows.length; i++) {
      const rowBytes = jsonBytes(rows[i]) + 1;
      if (bytes + rowBytes > this.budget.remaining) {
        if (i > start) await flush(i);
        if (this.budget.queued > 0) await this.budget.send();
      }
      bytes += rowBytes;
    }
    if (rows.length > start) await flush(rows.length);
  }

  /** Sets the font properties a plan style defines (none for plain styles). */
  async font(range: Excel.Range, font: FontStyle): Promise<void> {
    const props: Excel.Interfaces.RangeFontUpdateData = {};
    if (font.bold !== undefined) props.bold = font.bold;
    if (font.italic !== undefined) props.italic = font.italic;
    if (font.size !== undefined) props.size = font.size;
    if (font.color !== undefined) props.color = `#${font.color}`;
    if (Object.keys(props).length === 0) return;
    await this.cost(1, 2, jsonBytes(props));
    range.format.font.set(props);
  }
}
