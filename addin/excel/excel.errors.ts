import type { HostError, HostErrorCode } from "../host/host.types.js";

/** The parts of an `OfficeExtension.Error` Qualigrid reads (the class itself exists only inside Office). */
export interface OfficeErrorLike {
  code: string;
  message: string;
  debugInfo?: { errorLocation?: string; message?: string };
}

/** Whether a thrown value is an Office.js error (it has a string `code`). */
export function isOfficeError(e: unknown): e is OfficeErrorLike {
  return typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string" && typeof (e as { message?: unknown }).message === "string";
}

/**
 * Error codes of the application-specific APIs ("Error handling with the application-specific
 * JavaScript APIs", learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling):
 * an API missing from this Excel, a request or response over Excel on the web's 5 MB, a range over
 * the cell limit.
 */
const UNSUPPORTED = new Set(["ApiNotFound", "ApiNotAvailable", "NotImplemented", "UnsupportedOperation"]);
const TOO_LARGE = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit", "OperationCellsExceedLimit"]);
/** What Excel answers when a write meets a protected sheet or locked cell. */
const REFUSED = new Set(["AccessDenied", "InvalidOperation"]);

/** What the caller knows about the failed action, to tell a protected sheet or a missing table from other refusals. */
export interface ErrorHint {
  /** The sheet written to was protected when the action started. */
  sheetProtected?: boolean;
  /** The table the action needed, reported when Excel says an item was not found. */
  table?: string;
}

/**
 * Turns anything an Office.js call threw into a `HostError`: a protected sheet (`AccessDenied` or
 * `InvalidOperation` on a sheet known to be protected, or a message that says so), a missing
 * table (`ItemNotFound` while the action needed one), an API this Excel lacks, a request too
 * large, and otherwise `unknown` with Excel's code and message, so nothing is lost.
 */
export function hostErrorOf(e: unknown, hint: ErrorHint = {}): HostError {
  const error = (code: HostErrorCode, detail: string): HostError => ({ code, detail });
  if (!isOfficeError(e)) {
    const message = e instanceof Error ? e.message : String(e);
    // Outside Office (or in an Office too old for the Excel API) the `Excel` global is missing.
    if (/\bExcel is not defined\b|\bOffice is not defined\b/.test(message)) return error("apiUnsupported", message);
    return error("unknown", message);
  }
  const detail = `${e.code}: ${e.message}`;
  if (UNSUPPORTED.has(e.code)) return error("apiUnsupported", detail);
  if (TOO_LARGE.has(e.code)) return error("tooLarge", detail);
  if (REFUSED.has(e.code) && (hint.sheetProtected || /protect/i.test(e.message))) return error("protected", detail);
  if (e.code === "ItemNotFound" && hint.table) return error("tableMissing", hint.table);
  return error("unknown", detail);
}
