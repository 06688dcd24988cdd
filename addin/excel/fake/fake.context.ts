import { jsonBytes } from "../excel.size.js";
import type { FakeWorkbookState } from "./fake.state.js";

/** How the fake behaves where Excel's behaviour is not pinned down or depends on the platform. */
export interface FakeOptions {
  /**
   * A method or property used on an object derived from a null object (`getItemOrNullObject(…)
   * .getRange()`): "propagate" gives another null object, "throw" fails the request
   * (`InvalidObjectPath`). Readers must work either way.
   */
  nullObjects: "propagate" | "throw";
  /** Excel on the web refuses requests and responses over 5 MB. */
  maxRequestBytes: number;
  maxResponseBytes: number;
}

/** The defaults: Excel on the web's 5 MB limits, null objects propagated. */
export const FAKE_DEFAULTS: FakeOptions = { nullObjects: "propagate", maxRequestBytes: 5 * 1024 * 1024, maxResponseBytes: 5 * 1024 * 1024 };

/** An error as Office.js raises them: a code from Excel's list, a message, where it happened. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { errorLocation: string; message: string };
  constructor(
    readonly code: string,
    message: string,
    location = "",
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { errorLocation: location, message };
  }
}

/** One queued command: what it is (for the record) and what it does when the request runs. */
export interface FakeOp {
  name: string;
  args: unknown;
  /** A load: what it returns counts in the response. */
  load?: boolean;
  /** Bookkeeping Office.js does without a command of its own (the null-object probe). */
  silent?: boolean;
  run(): unknown;
}

/** One request sent by `sync()`: its commands and their size. */
export interface FakeRequest {
  ops: { name: string; args: unknown }[];
  /** Bytes of the commands' JSON (names and arguments), measured independently of the add-in's estimate. */
  bytes: number;
  responseBytes: number;
  error?: string;
}

/** The shared record of every request of every context of one fake workbook. */
export interface FakeLedger {
  requests: FakeRequest[];
}

/**
 * A request context of the fake: commands are queued as the add-in calls proxies, and run in
 * order when `sync()` is called, as Office.js batches them. A failing command fails the request;
 * the commands before it stay applied (Excel's requests are not transactions).
 */
export class FakeRequestContextCore {
  private queue: FakeOp[] = [];

  constructor(
    readonly state: FakeWorkbookState,
    readonly options: FakeOptions,
    readonly ledger: FakeLedger,
  ) {}

  enqueue(op: FakeOp): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const recorded = ops.filter((o) => !o.silent);
    const request: FakeRequest = {
      ops: recorded.map((o) => ({ name: o.name, args: o.args })),
      bytes: recorded.reduce((n, o) => n + jsonBytes({ n: o.name, a: o.args === undefined ? null : o.args }) + 24, 0),
      responseBytes: 0,
    };
    this.ledger.requests.push(request);
    await Promise.resolve();
    if (request.bytes > this.options.maxRequestBytes) {
      request.error = "RequestPayloadSizeLimitExceeded";
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    for (const op of ops) {
      try {
        const out = op.run();
        if (op.load) request.responseBytes += jsonBytes(out ?? null);
      } catch (e) {
        request.error = e instanceof FakeOfficeError ? e.code : String(e);
        throw e;
      }
    }
    if (request.responseBytes > this.options.maxResponseBytes) {
      request.error = "ResponsePayloadSizeLimitExceeded";
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
  }
}
