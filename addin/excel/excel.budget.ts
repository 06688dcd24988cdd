/** The largest request Qualigrid sends: Excel on the web refuses requests over 5 MB. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** Something that can send the queued commands: an `Excel.RequestContext`. */
export interface Syncable {
  sync(): Promise<unknown>;
}

/** What a budget does around its requests. */
export interface BudgetHooks {
  /** Queues the commands that open every request (calculation suspended again); returns their bytes. */
  onStart?: () => number;
  /** Told after each request went through. */
  onSent?: (bytes: number) => void;
}

/**
 * Counts the estimated bytes of the commands queued on a request context and sends them
 * (`context.sync()`) only when the next write would take the request over its limit, so a whole
 * generation goes in one request unless it is larger than `limit`.
 */
export class RequestBudget {
  /** Estimated bytes of each request sent so far. */
  readonly sent: number[] = [];
  private used = 0;
  private open = false;

  constructor(
    private readonly context: Syncable,
    readonly limit: number,
    private readonly hooks: BudgetHooks = {},
  ) {}

  /** Bytes still free in the current request. */
  get remaining(): number {
    return this.limit - this.used;
  }

  /** Bytes queued in the current request. */
  get queued(): number {
    return this.used;
  }

  /** Makes room for a write of `bytes` (sending the queue first when it would not fit), then counts it. */
  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) await this.send();
    if (!this.open) {
      this.open = true;
      this.used += this.hooks.onStart?.() ?? 0;
    }
    this.used += bytes;
  }

  /** Sends what is queued. */
  async send(): Promise<void> {
    const bytes = this.used;
    this.used = 0;
    this.open = false;
    await this.context.sync();
    this.sent.push(bytes);
    this.hooks.onSent?.(bytes);
  }
}
