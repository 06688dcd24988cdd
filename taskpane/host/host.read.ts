import { useCallback, useEffect, useRef, useState } from "react";
import type { HostError, WorkbookHost } from "../../addin/host/host.types.js";
import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";
import { callHost } from "./host.context.js";

/** A screen's reading of the workbook: what `derive` made of it, and where the reading stands. */
export interface HostRead<T> {
  phase: "loading" | "ready" | "failed";
  /** What `derive` made of the last workbook read; kept while it is read again or when reading fails. */
  value: T | null;
  error: HostError | null;
  /** Shows the error of another host call (a write) without touching `phase`. */
  setError(error: HostError | null): void;
  /** Reads the workbook again. */
  refresh(): Promise<void>;
  /** False once the screen is closed: an answer arriving later is then dropped. */
  live: { readonly current: boolean };
}

/**
 * Reads the workbook when the screen opens and on `refresh()`, keeping `derive(workbook)`; an
 * answer arriving after the screen closed is dropped. `derive` is the one of the latest render.
 */
export function useHostRead<T>(host: WorkbookHost, derive: (wb: AssessmentWorkbook) => T): HostRead<T> {
  const [phase, setPhase] = useState<HostRead<T>["phase"]>("loading");
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<HostError | null>(null);
  const live = useRef(true);
  const deriveRef = useRef(derive);
  deriveRef.current = derive;
  const refresh = useCallback(async () => {
    setPhase("loading");
    const r = await callHost(() => host.read());
    if (!live.current) return;
    if (r.ok) {
      const next = deriveRef.current(r.value);
      setValue(() => next);
      setError(null);
      setPhase("ready");
    } else {
      setError(r.error);
      setPhase("failed");
    }
  }, [host]);
  useEffect(() => {
    live.current = true;
    void refresh();
    return () => {
      live.current = false;
    };
  }, [refresh]);
  return { phase, value, error, setError, refresh, live };
}
