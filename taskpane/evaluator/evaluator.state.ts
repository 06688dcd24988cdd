import { useCallback, useEffect, useRef, useState } from "react";
import type { CriterionContext, EvidenceReviewInput, HostError, HostResult, ProtectionMode, WorkbookHost } from "../../addin/host/host.types.js";
import type { Rating } from "../../addin/model/scale.js";
import type { Criterion, Template } from "../../addin/model/template.types.js";
import { criterionPlace } from "../assess/assessment.nav.js";
import { callHost } from "../host/host.context.js";

/** What the evaluator mode last saved, for its status line. */
export type EvaluatorSaved =
  | { kind: "rating"; id: string }
  | { kind: "review"; id: string }
  | { kind: "recommendation"; id: string }
  | { kind: "protection"; mode: ProtectionMode };

/** State of the evaluator mode: the criteria in grid order, the one on show and its whole context. */
export interface EvaluatorState {
  phase: "loading" | "ready" | "failed";
  error: HostError | null;
  template: Template | null;
  /** The grid's criteria, in grid order, that the template knows. */
  criteria: Criterion[];
  index: number;
  /** The context of `criteria[index]`, read afresh each time it is shown. */
  context: CriterionContext | null;
  saved: EvaluatorSaved | null;
  /** The reviewer last typed: offered again for the next evidence row. */
  reviewer: string;
  /** Shows the criterion at `index` (clamped), reading its context. */
  show(index: number): Promise<void>;
  refresh(): Promise<void>;
  saveRating(rating: Rating, comment: string): Promise<boolean>;
  saveReview(evidenceId: string, review: EvidenceReviewInput): Promise<boolean>;
  addRecommendation(text: string, due: Date | null): Promise<boolean>;
  setProtection(mode: ProtectionMode): Promise<boolean>;
}

/**
 * Reads the workbook once for its criteria, then each criterion's context when it is shown and
 * after each save. The evaluator's writes go through the host's evaluator methods only: nothing
 * here can write the organization's ratings, comments or evidence descriptions.
 */
export function useEvaluator(host: WorkbookHost): EvaluatorState {
  const [phase, setPhase] = useState<EvaluatorState["phase"]>("loading");
  const [error, setError] = useState<HostError | null>(null);
  const [template, setTemplate] = useState<Template | null>(null);
  const [criteria, setCriteria] = useState<Criterion[]>([]);
  const [index, setIndex] = useState(0);
  const [context, setContext] = useState<CriterionContext | null>(null);
  const [saved, setSaved] = useState<EvaluatorSaved | null>(null);
  const [reviewer, setReviewer] = useState("");
  const live = useRef(true);
  const listRef = useRef<Criterion[]>([]);
  const indexRef = useRef(0);

  const loadContext = useCallback(
    async (at: number): Promise<void> => {
      const c = listRef.current[at];
      if (!c) {
        setContext(null);
        return;
      }
      const r = await callHost(() => host.criterionContext(c.id));
      if (!live.current || indexRef.current !== at) return;
      if (r.ok) {
        setContext(r.value);
        setError(null);
      } else setError(r.error);
    },
    [host],
  );

  const refresh = useCallback(async () => {
    setPhase("loading");
    const r = await callHost(() => host.read());
    if (!live.current) return;
    if (!r.ok) {
      setError(r.error);
      setPhase("failed");
      return;
    }
    const t = r.value.template;
    const list = r.value.grid.flatMap((g) => {
      const c = criterionPlace(t, g.criterion)?.criterion;
      return c ? [c] : [];
    });
    listRef.current = list;
    setTemplate(t);
    setCriteria(list);
    const at = Math.min(indexRef.current, Math.max(0, list.length - 1));
    indexRef.current = at;
    setIndex(at);
    await loadContext(at);
    if (live.current) setPhase("ready");
  }, [host, loadContext]);

  useEffect(() => {
    live.current = true;
    void refresh();
    return () => {
      live.current = false;
    };
  }, [refresh]);

  const show = async (at: number): Promise<void> => {
    const next = Math.max(0, Math.min(at, listRef.current.length - 1));
    indexRef.current = next;
    setIndex(next);
    setSaved(null);
    await loadContext(next);
  };

  /** Runs a write; on success notes it and reads the criterion's context again. */
  const write = async (run: () => Promise<HostResult<unknown>>, done: EvaluatorSaved): Promise<boolean> => {
    const r = await callHost(run);
    if (!live.current) return false;
    if (!r.ok) {
      setError(r.error);
      return false;
    }
    setError(null);
    setSaved(done);
    await loadContext(indexRef.current);
    return true;
  };
  const current = (): string => listRef.current[indexRef.current]?.id ?? "";

  return {
    phase,
    error,
    template,
    criteria,
    index,
    context,
    saved,
    reviewer,
    show,
    refresh,
    saveRating: (rating, comment) => write(() => host.setEvaluatorAnswer(current(), { rating, comment }), { kind: "rating", id: current() }),
    saveReview: (evidenceId, review) => {
      setReviewer(review.reviewer);
      return write(() => host.setEvidenceReview(evidenceId, review), { kind: "review", id: evidenceId });
    },
    addRecommendation: (text, due) => write(() => host.addRecommendation({ criterion: current(), text, due }), { kind: "recommendation", id: current() }),
    setProtection: (mode) => write(() => host.setProtectionMode(mode), { kind: "protection", mode }),
  };
}
