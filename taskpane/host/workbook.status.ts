import { useCallback, useEffect, useRef, useState } from "react";
import type { HostError, WorkbookHost, WorkbookStatus } from "../../addin/host/host.types.js";
import { callHost } from "./host.context.js";

/** What the task pane knows of the open workbook: whether it holds a grid, of which template. */
export interface WorkbookStatusState {
  status: WorkbookStatus | null;
  error: HostError | null;
  checking: boolean;
  /** Asks the host again; resolves with the fresh status (null on failure). */
  check(): Promise<WorkbookStatus | null>;
}

/** The workbook's status, asked once when the pane opens and again on `check()`. */
export function useWorkbookStatus(host: WorkbookHost): WorkbookStatusState {
  const [status, setStatus] = useState<WorkbookStatus | null>(null);
  const [error, setError] = useState<HostError | null>(null);
  const [checking, setChecking] = useState(true);
  const live = useRef(true);
  const check = useCallback(async () => {
    setChecking(true);
    const r = await callHost(() => host.status());
    if (!live.current) return null;
    setChecking(false);
    setStatus(r.ok ? r.value : null);
    setError(r.ok ? null : r.error);
    return r.ok ? r.value : null;
  }, [host]);
  useEffect(() => {
    live.current = true;
    void check();
    return () => {
      live.current = false;
    };
  }, [check]);
  return { status, error, checking, check };
}
