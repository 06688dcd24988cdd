import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Answer, HostError, HostResult, WorkbookHost } from "../../addin/host/host.types.js";
import type { AssessmentWorkbook, EvidenceRowRead } from "../../addin/workbook/workbook.types.js";
import type { Rating } from "../../addin/model/scale.js";
import type { PlainValue } from "../../addin/model/table.plain.js";
import { callHost } from "../host/host.context.js";
import { isTextCriterion } from "../../addin/model/criterion.scale.js";
import type { InputIssue } from "../../addin/model/template.types.js";
import { addRespondentThrough } from "../respondents/respondent.add.js";
import { asksRespondent, rememberedRespondent, takenRespondentNames, rememberRespondent, respondentIndexOf } from "../respondents/respondent.choice.js";
import {
  answerOf,
  cellsOfRespondent,
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
  /** The other respondents' answers, when the workbook lets respondents see them (`showOthers`); else empty. */
  others: OtherAnswer[];
}

/** Another respondent's answer to the criterion on show. */
export interface OtherAnswer {
  name: string;
  rating: Rating;
  text: string;
  comment: string;
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
  /** The workbook's respondents' names, in order ("" for the one unnamed respondent of today's grids). */
  respondents: string[];
  /** Who answers here: a name of `respondents`, "" in a grid whose one respondent is unnamed, null until chosen. */
  respondent: string | null;
  /** Chooses who answers here (remembered for this workbook on this computer); only their columns are written. */
  chooseRespondent(name: string): void;
  /** Asks again who answers here. */
  changeRespondent(): void;
  /**
   * Adds a respondent to the workbook and answers as them; the name's problems when it is refused
   * (empty, too long, taken…), else none.
   */
  addRespondent(name: string, path: string): Promise<InputIssue[]>;
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
  const [respondent, setRespondent] = useState<string | null>(null);
  const respondentRef = useRef<string | null>(null);

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
    // Who answers: nobody to ask in an unnamed grid; else the one chosen before, else the one remembered
    // here, else the only one (a copy sent to one person).
    const held = respondentRef.current;
    const only = r.value.respondents.length === 1 ? (r.value.respondents[0]?.name ?? null) : null;
    const who = !asksRespondent(r.value) ? "" : held && respondentIndexOf(r.value, held) >= 0 ? held : (rememberedRespondent(r.value) ?? only);
    respondentRef.current = who;
    setRespondent(who);
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

  /** Respondent k's index and the name `setAnswer` is given (none for an unnamed grid's one respondent). */
  const who = (wb: AssessmentWorkbook): { k: number; name: string | undefined } => {
    const name = respondentRef.current;
    if (!name) return { k: 0, name: undefined };
    return { k: Math.max(0, respondentIndexOf(wb, name)), name };
  };

  const current = useMemo((): CurrentCriterion | null => {
    if (!workbook || !currentId) return null;
    const place = criterionPlace(workbook.template, currentId);
    if (!place) return null;
    const id = place.criterion.id;
    const k = respondent ? Math.max(0, respondentIndexOf(workbook, respondent)) : 0;
    const answer = answerOf(workbook, id, k);
    const others = workbook.assessment.settings.showOthers
      ? workbook.respondents.flatMap((r, i): OtherAnswer[] => {
          if (i === k) return [];
          const a = answerOf(workbook, id, i);
          return [{ name: r.name, rating: a.rating, text: a.text, comment: commentOf(workbook, id, i) }];
        })
      : [];
    return { ...place, rating: answer.rating, text: answer.text, comment: commentOf(workbook, id, k), evidence: evidenceFor(workbook, id), others };
  }, [workbook, currentId, respondent]);

  const step = (s: 1 | -1): string | null => (workbook && currentId ? criterionAfter(workbook.template, currentId, s) : null);
  const previousId = step(-1);
  const nextId = step(1);

  /** Writes into respondent `name`'s columns; no name: the grid's first or only respondent's (as today). */
  const write = (id: string, answer: Answer, name: string | undefined): Promise<HostResult<void>> =>
    name === undefined ? host.setAnswer(id, answer) : host.setAnswer(id, answer, name);

  /** Queues a write after the previous ones, so ratings land in the grid in the order given. */
  const enqueue = (write: () => Promise<void>): void => {
    writes.current = writes.current.then(write);
  };

  /** The rating and « Réponse » cells of a grid row as they are, to put back after a failed write. */
  const cellsOf = (wb: AssessmentWorkbook, id: string, k: number): { rating: PlainValue; answer?: PlainValue } => {
    const row = wb.grid.find((r) => r.criterion.toLowerCase() === id.toLowerCase());
    const cells = row && cellsOfRespondent(row, k);
    return { rating: cells?.rating ?? null, ...(cells?.answerCell ? { answer: cells.answer ?? null } : {}) };
  };

  /** Writes a text question's answer (N/A, or words), the grid's cells changed at once and put back if the write fails. */
  const writeText = (id: string, rating: Rating, text: string, notice: AssessmentNotice): void => {
    const wb = wbRef.current;
    if (!wb) return;
    const { k, name } = who(wb);
    const before = cellsOf(wb, id, k);
    const key = `${ratingKey(rating)}:${text}`;
    const keyOf = (w: AssessmentWorkbook): string => {
      const a = answerOf(w, id, k);
      return `${ratingKey(a.rating)}:${a.text}`;
    };
    updateWorkbook((w) => withAnswer(w, id, textAnswerCells(w, id, rating, text, k), k));
    enqueue(async () => {
      const r = await callHost(() => write(id, { rating, text }, name));
      if (!live.current) return;
      if (r.ok) {
        setNotice(notice);
        return;
      }
      setError(r.error);
      updateWorkbook((w) => (keyOf(w) === key ? withAnswer(w, id, before, k) : w));
    });
  };

  const rate = (rating: Rating): void => {
    const wb = wbRef.current;
    const id = currentRef.current;
    if (!wb || !id || rating.kind === "invalid") return;
    const { k, name } = who(wb);
    if (ratingKey(ratingOf(wb, id, k)) === ratingKey(rating)) return;
    const criterion = criterionPlace(wb.template, id)?.criterion;
    if (criterion && isTextCriterion(criterion)) {
      if (rating.kind === "level") return;
      writeText(id, rating, "", { kind: "text", criterionId: id });
      return;
    }
    const before = cellsOf(wb, id, k).rating;
    const after = ratingCellValue(rating, wb.lang);
    updateWorkbook((w) => withAnswer(w, id, { rating: after }, k));
    enqueue(async () => {
      const r = await callHost(() => write(id, { rating }, name));
      if (!live.current) return;
      if (r.ok) {
        setNotice({ kind: "rating", criterionId: id, rating });
        return;
      }
      setError(r.error);
      // Put back what the grid still holds, unless a later rating replaced ours meanwhile.
      updateWorkbook((w) => (ratingKey(ratingOf(w, id, k)) === ratingKey(rating) ? withAnswer(w, id, { rating: before }, k) : w));
    });
  };

  const saveText = (criterionId: string, text: string): void => {
    const wb = wbRef.current;
    if (!wb) return;
    const criterion = criterionPlace(wb.template, criterionId)?.criterion;
    if (!criterion || !isTextCriterion(criterion)) return;
    const held = answerOf(wb, criterionId, who(wb).k);
    if (held.rating.kind === "blank" && held.text === text) return;
    writeText(criterion.id, { kind: "blank" }, text, { kind: "text", criterionId: criterion.id });
  };

  const saveComment = (criterionId: string, comment: string): void => {
    const wb = wbRef.current;
    if (!wb) return;
    const { k, name } = who(wb);
    if (commentOf(wb, criterionId, k) === comment) return;
    const { rating, text } = answerOf(wb, criterionId, k);
    const textQuestion = criterionPlace(wb.template, criterionId)?.criterion;
    // A text question's words go with its comment, so that a grid keeping them in the rating cell keeps them.
    const words = textQuestion && isTextCriterion(textQuestion) ? { text } : {};
    if (rating.kind === "invalid") {
      if (currentRef.current === criterionId) setCommentRefused(true);
      return;
    }
    const before = commentOf(wb, criterionId, k);
    updateWorkbook((w) => withAnswer(w, criterionId, { comment }, k));
    enqueue(async () => {
      const r = await callHost(() => write(criterionId, { rating, comment, ...words }, name));
      if (!live.current) return;
      if (r.ok) {
        setNotice({ kind: "comment", criterionId });
        return;
      }
      setError(r.error);
      updateWorkbook((w) => (commentOf(w, criterionId, k) === comment ? withAnswer(w, criterionId, { comment: before }, k) : w));
    });
  };

  const chooseRespondent = (name: string): void => {
    const wb = wbRef.current;
    const found = wb ? wb.respondents[respondentIndexOf(wb, name)]?.name : undefined;
    if (!wb || found === undefined) return;
    respondentRef.current = found;
    setRespondent(found);
    rememberRespondent(wb, found);
  };

  const addRespondent = async (name: string, path: string): Promise<InputIssue[]> => {
    const wb = wbRef.current;
    if (!wb) return [];
    const adding = await addRespondentThrough(host, name, path, takenRespondentNames(wb.respondents, wb.lang), live, setError);
    if (!adding.added) return adding.issues;
    respondentRef.current = name.trim();
    await load();
    const after = wbRef.current;
    if (after && respondentIndexOf(after, name) >= 0) chooseRespondent(name);
    return [];
  };

  return {
    phase,
    workbook,
    current,
    respondents: workbook?.respondents.map((r) => r.name) ?? [],
    respondent,
    chooseRespondent,
    changeRespondent: () => {
      respondentRef.current = null;
      setRespondent(null);
    },
    addRespondent,
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
