import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { HostError, WorkbookHost } from "../../addin/host/host.types.js";
import type { AssessmentWorkbook, EvidenceRowRead } from "../../addin/workbook/workbook.types.js";
import type { Rating } from "../../addin/model/scale.js";
import type { PlainValue } from "../../addin/model/table.plain.js";
import { callHost } from "../host/host.context.js";
import { isTextCriterion } from "../../addin/model/criterion.scale.js";
import {
  answerOf,
  commentOf,
  criterionAfter,
  criterionIds,
  criterionPlace,
  evidenceFor,
  ratingCellValue,
  ratingKey,
  ratingOf,
  textAnswerCells,
  withAnswer,
  type CriterionPlace,
} from "./assessment.nav.js";

/** The criterion on show, with what the grid holds for it. */
export interface CurrentCriterion extends CriterionPlace {
  rating: Rating;
  /** A text question's words ("" for a rating criterion). */
  text: string;
  comment: string;
  /** Items of the evidence register that name it; null without a register. */
  evidence: EvidenceRowRead[] | null;
}

/** The last thing saved, for the screen's status line. */
export type AssessmentNotice =
  | { kind: "rating"; criterionId: string; rating: Rating }
  | { kind: "comment"; criterionId: string }
  | { kind: "text"; criterionId: string };

/** State and actions of the Assess screen. */
export interface AssessmentState {
  phase: "idle" | "loading" | "ready" | "failed";
  workbook: AssessmentWorkbook | null;
  current: CurrentCriterion | null;
  hasPrevious: boolean;
  hasNext: boolean;
  error: HostError | null;
  notice: AssessmentNotice | null;
  /** Set when a comment could not be saved because the rating cell holds no valid rating. */
  commentRefused: boolean;
  /** Reads the workbook (again). */
  load(): Promise<void>;
  /** Reads the workbook unless it was read already. */
  ensureLoaded(): void;
  /** Shows a criterion and selects it in the grid. */
  show(criterionId: string): void;
  /** Shows a dimension's first criterion. */
  showDimension(dimensionId: string): void;
  previous(): void;
  next(): void;
  /**
   * Writes a rating for the criterion on show (skipped when it is already the grid's); for a text
   * question, N/A (which clears its words, as `qualigrid fill` does) or blank.
   */
  rate(rating: Rating): void;
  /** Writes a text question's words for `criterionId` (its answer is then no longer N/A). */
  saveText(criterionId: string, text: string): void;
  /** Writes a comment for `criterionId`, keeping its rating. */
  saveComment(criterionId: string, comment: string): void;
  dismissError(): void;
}

/** How long a selection the pane made is expected to come back from the grid as an event. */
const ECHO_MS = 2000;

/**
 * The Assess screen's state: the workbook read through the host, the criterion on show, ratings
 * and comments written with `setAnswer` (in order, one at a time), and the two-way link with the
 * grid's selection. A selection the pane makes comes back from Excel as a selection event; those
 * echoes are recognised and dropped, so the pane and the grid never chase each other.
 */
export function useAssessment(host: WorkbookHost): AssessmentState {
  const [phase, setPhase] = useState<AssessmentState["phase"]>("idle");
  const [workbook, setWorkbook] = useState<AssessmentWorkbook | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [error, setError] = useState<HostError | null>(null);
  const [notice, setNotice] = useState<AssessmentNotice | null>(null);
  const [commentRefused, setCommentRefused] = useState(false);

  const wbRef = useRef<AssessmentWorkbook | null>(null);
  const currentRef = useRef<string | null>(null);
  const gridPick = useRef<string | null>(null);
  const echoes = useRef<{ id: string; at: number }[]>([]);
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const live = useRef(true);
  const started = useRef(false);

  const updateWorkbook = useCallback((update: (wb: AssessmentWorkbook) => AssessmentWorkbook) => {
    const next = wbRef.current ? update(wbRef.current) : null;
    wbRef.current = next;
    setWorkbook(next);
  }, []);

  const showId = useCallback(
    (id: string, fromGrid: boolean) => {
      currentRef.current = id;
      setCurrentId(id);
      setCommentRefused(false);
      if (fromGrid) return;
      echoes.current.push({ id: id.toLowerCase(), at: Date.now() });
      void callHost(() => host.selectCriterion(id)).then((r) => {
        if (!r.ok && live.current) setError(r.error);
      });
    },
    [host],
  );

  const load = useCallback(async () => {
    started.current = true;
    setPhase("loading");
    const r = await callHost(() => host.read());
    if (!live.current) return;
    if (!r.ok) {
      setError(r.error);
      setPhase("failed");
      return;
    }
    wbRef.current = r.value;
    setWorkbook(r.value);
    setError(null);
    setPhase("ready");
    const template = r.value.template;
    const keep = currentRef.current && criterionPlace(template, currentRef.current);
    const picked = gridPick.current && criterionPlace(template, gridPick.current);
    gridPick.current = null;
    if (keep) showId(keep.criterion.id, true);
    else if (picked) showId(picked.criterion.id, true);
    else {
      const first = criterionIds(template)[0];
      if (first) showId(first, false);
    }
  }, [host, showId]);

  const ensureLoaded = useCallback(() => {
    if (!started.current) void load();
  }, [load]);

  useEffect(() => {
    live.current = true;
    const unsubscribe = host.onCriterionSelected((id) => {
      const key = id.toLowerCase();
      const now = Date.now();
      echoes.current = echoes.current.filter((e) => now - e.at < ECHO_MS);
      const echo = echoes.current.findIndex((e) => e.id === key);
      if (echo >= 0) {
        echoes.current.splice(0, echo + 1);
        return;
      }
      if (currentRef.current?.toLowerCase() === key) return;
      const wb = wbRef.current;
      if (!wb) {
        gridPick.current = id;
        return;
      }
      const place = criterionPlace(wb.template, id);
      if (place) showId(place.criterion.id, true);
    });
    return () => {
      live.current = false;
      unsubscribe();
    };
  }, [host, showId]);

  const current = useMemo((): CurrentCriterion | null => {
    if (!workbook || !currentId) return null;
    const place = criterionPlace(workbook.template, currentId);
    if (!place) return null;
    const id = place.criterion.id;
    const answer = answerOf(workbook, id);
    return { ...place, rating: answer.rating, text: answer.text, comment: commentOf(workbook, id), evidence: evidenceFor(workbook, id) };
  }, [workbook, currentId]);

  const step = (s: 1 | -1): string | null => (workbook && currentId ? criterionAfter(workbook.template, currentId, s) : null);
  const previousId = step(-1);
  const nextId = step(1);

  /** Queues a write after the previous ones, so ratings land in the grid in the order given. */
  const enqueue = (write: () => Promise<void>): void => {
    writes.current = writes.current.then(write);
  };

  /** The rating and « Réponse » cells of a grid row as they are, to put back after a failed write. */
  const cellsOf = (wb: AssessmentWorkbook, id: string): { rating: PlainValue; answer?: PlainValue } => {
    const row = wb.grid.find((r) => r.criterion.toLowerCase() === id.toLowerCase());
    return { rating: row?.rating ?? null, ...(row?.answerCell ? { answer: row.answer ?? null } : {}) };
  };

  /** Writes a text question's answer (N/A, or words), the grid's cells changed at once and put back if the write fails. */
  const writeText = (id: string, rating: Rating, text: string, notice: AssessmentNotice): void => {
    const wb = wbRef.current;
    if (!wb) return;
    const before = cellsOf(wb, id);
    const key = `${ratingKey(rating)}:${text}`;
    const keyOf = (w: AssessmentWorkbook): string => {
      const a = answerOf(w, id);
      return `${ratingKey(a.rating)}:${a.text}`;
    };
    updateWorkbook((w) => withAnswer(w, id, textAnswerCells(w, id, rating, text)));
    enqueue(async () => {
      const r = await callHost(() => host.setAnswer(id, { rating, text }));
      if (!live.current) return;
      if (r.ok) {
        setNotice(notice);
        return;
      }
      setError(r.error);
      updateWorkbook((w) => (keyOf(w) === key ? withAnswer(w, id, before) : w));
    });
  };

  const rate = (rating: Rating): void => {
    const wb = wbRef.current;
    const id = currentRef.current;
    if (!wb || !id || rating.kind === "invalid") return;
    if (ratingKey(ratingOf(wb, id)) === ratingKey(rating)) return;
    const criterion = criterionPlace(wb.template, id)?.criterion;
    if (criterion && isTextCriterion(criterion)) {
      if (rating.kind === "level") return;
      writeText(id, rating, "", { kind: "text", criterionId: id });
      return;
    }
    const before = wb.grid.find((r) => r.criterion.toLowerCase() === id.toLowerCase())?.rating ?? null;
    const after = ratingCellValue(rating, wb.lang);
    updateWorkbook((w) => withAnswer(w, id, { rating: after }));
    enqueue(async () => {
      const r = await callHost(() => host.setAnswer(id, { rating }));
      if (!live.current) return;
      if (r.ok) {
        setNotice({ kind: "rating", criterionId: id, rating });
        return;
      }
      setError(r.error);
      // Put back what the grid still holds, unless a later rating replaced ours meanwhile.
      updateWorkbook((w) => (ratingKey(ratingOf(w, id)) === ratingKey(rating) ? withAnswer(w, id, { rating: before }) : w));
    });
  };

  const saveText = (criterionId: string, text: string): void => {
    const wb = wbRef.current;
    if (!wb) return;
    const criterion = criterionPlace(wb.template, criterionId)?.criterion;
    if (!criterion || !isTextCriterion(criterion)) return;
    const held = answerOf(wb, criterionId);
    if (held.rating.kind === "blank" && held.text === text) return;
    writeText(criterion.id, { kind: "blank" }, text, { kind: "text", criterionId: criterion.id });
  };

  const saveComment = (criterionId: string, comment: string): void => {
    const wb = wbRef.current;
    if (!wb || commentOf(wb, criterionId) === comment) return;
    const { rating, text } = answerOf(wb, criterionId);
    const textQuestion = criterionPlace(wb.template, criterionId)?.criterion;
    // A text question's words go with its comment, so that a grid keeping them in the rating cell keeps them.
    const words = textQuestion && isTextCriterion(textQuestion) ? { text } : {};
    if (rating.kind === "invalid") {
      if (currentRef.current === criterionId) setCommentRefused(true);
      return;
    }
    const before = commentOf(wb, criterionId);
    updateWorkbook((w) => withAnswer(w, criterionId, { comment }));
    enqueue(async () => {
      const r = await callHost(() => host.setAnswer(criterionId, { rating, comment, ...words }));
      if (!live.current) return;
      if (r.ok) {
        setNotice({ kind: "comment", criterionId });
        return;
      }
      setError(r.error);
      updateWorkbook((w) => (commentOf(w, criterionId) === comment ? withAnswer(w, criterionId, { comment: before }) : w));
    });
  };

  return {
    phase,
    workbook,
    current,
    hasPrevious: previousId !== null,
    hasNext: nextId !== null,
    error,
    notice,
    commentRefused,
    load,
    ensureLoaded,
    show: (id) => {
      const place = wbRef.current && criterionPlace(wbRef.current.template, id);
      if (place) showId(place.criterion.id, false);
    },
    showDimension: (dimensionId) => {
      const first = wbRef.current?.template.dimensions.find((d) => d.id === dimensionId)?.criteria[0];
      if (first) showId(first.id, false);
    },
    previous: () => {
      if (previousId) showId(previousId, false);
    },
    next: () => {
      if (nextId) showId(nextId, false);
    },
    rate,
    saveText,
    saveComment,
    dismissError: () => setError(null),
  };
}
