import { createContext, useContext } from "react";
import type { HostError, HostResult, WorkbookHost } from "../../addin/host/host.types.js";

/** The workbook host of the task pane; components reach the workbook only through it (style.md, rule 7). */
export const HostContext = createContext<WorkbookHost | null>(null);

/** The task pane's workbook host. Throws when used outside `mountTaskPane` or a test's provider. */
export function useHost(): WorkbookHost {
  const host = useContext(HostContext);
  if (!host) throw new Error("useHost() needs a HostContext provider (mountTaskPane provides one)");
  return host;
}

/**
 * Runs a host action and turns a thrown exception (a broken contract, a lost connection to Excel)
 * into an `unknown` failure, so every failure reaches the user as a message.
 */
export async function callHost<T>(action: () => Promise<HostResult<T>>): Promise<HostResult<T>> {
  try {
    return await action();
  } catch (e) {
    return { ok: false, error: unknownError(e) };
  }
}

/** An `unknown` host error carrying what was thrown. */
export function unknownError(e: unknown): HostError {
  return { code: "unknown", detail: e instanceof Error ? e.message : String(e) };
}
