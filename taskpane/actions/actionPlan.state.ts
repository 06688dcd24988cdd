import { useCallback, useEffect, useRef, useState } from "react";
import type { HostError, NewAction, WorkbookHost } from "../../addin/host/host.types.js";
import { callHost } from "../host/host.context.js";
import { actionsFromGaps, type ActionCandidate } from "../../addin/actions/actions.fromGaps.js";

/** State of the Action plan screen. */
export interface ActionPlanState {
  phase: "loading" | "ready" | "failed" | "adding";
  /** Whether the workbook has an action plan at all. */
  hasPlan: boolean;
  candidates: ActionCandidate[];
  error: HostError | null;
  /** How many rows the last `add()` appended (0: nothing was needed). */
  added: number | null;
  refresh(): Promise<void>;
  /** Reads the workbook afresh and appends one row per criterion that needs an action. */
  add(): Promise<void>;
}

/** The criteria that need an action, read from the workbook, and their addition to the action plan. */
export function useActionPlan(host: WorkbookHost): ActionPlanState {
  const [phase, setPhase] = useState<ActionPlanState["phase"]>("loading");
  const [hasPlan, setHasPlan] = useState(true);
  const [candidates, setCandidates] = useState<ActionCandidate[]>([]);
  const [error, setError] = useState<HostError | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const live = useRef(true);

  /** Reads the workbook; returns the candidates, or null when reading failed. */
  const read = useCallback(async (): Promise<ActionCandidate[] | null> => {
    const r = await callHost(() => host.read());
    if (!live.current) return null;
    if (!r.ok) {
      setError(r.error);
      setPhase("failed");
      return null;
    }
    const list = actionsFromGaps(r.value);
    setHasPlan(r.value.actions !== null);
    setCandidates(list);
    setError(null);
    setPhase("ready");
    return r.value.actions === null ? null : list;
  }, [host]);

  const refresh = useCallback(async () => {
    setPhase("loading");
    setAdded(null);
    await read();
  }, [read]);

  const add = useCallback(async () => {
    setPhase("adding");
    setAdded(null);
    // The user may have edited the grid or the plan since the list was shown: read again first.
    const list = await read();
    if (!list || !live.current) return;
    if (list.length === 0) {
      setAdded(0);
      return;
    }
    const rows: NewAction[] = list.map(({ criterion, dimension, gap }) => ({ criterion, dimension, gap }));
    setPhase("adding");
    const r = await callHost(() => host.appendActions(rows));
    if (!live.current) return;
    if (!r.ok) {
      setError(r.error);
      setPhase("ready");
      return;
    }
    await read();
    if (live.current) setAdded(r.value);
  }, [host, read]);

  useEffect(() => {
    live.current = true;
    void read();
    return () => {
      live.current = false;
    };
  }, [read]);

  return { phase, hasPlan, candidates, error, added, refresh, add };
}
