import { useCallback, useState } from "react";
import type { HostError, OpenedAs, WorkbookHost } from "../../addin/host/host.types.js";
import type { RoundRecord } from "../../addin/model/history.types.js";
import type { InputIssue } from "../../addin/model/template.types.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";
import { callHost, unknownError } from "../host/host.context.js";
import { useHostRead } from "../host/host.read.js";
import { parseDay, roundFileName, roundLabelIssue, roundLines, todayText, type RoundLine } from "./rounds.lines.js";

/** What the « Cycles » screen knows of the workbook. */
export interface RoundsView {
  templateId: string;
  rounds: RoundLine[];
  history: RoundRecord[];
  /** The current round's overall score, as the dashboard computes it. */
  current: number | null;
}

/** The closed round and where the next round's workbook went. */
export interface RoundClosed {
  round: RoundRecord;
  as: OpenedAs;
  name: string;
  warnings: InputIssue[];
}

/** State of the « Cycles » screen. */
export interface RoundsState {
  phase: "loading" | "ready" | "failed";
  view: RoundsView | null;
  error: HostError | null;
  refresh(): Promise<void>;
  /** The closed round's label: the closing day's year until the user types one. */
  label: string;
  setLabel(label: string): void;
  /** `YYYY-MM-DD`, as the date field holds it. */
  date: string;
  setDate(date: string): void;
  keepRatings: boolean;
  setKeepRatings(keep: boolean): void;
  /** Why the label cannot be used yet (shown once the user asked to close). */
  labelIssue: "empty" | "taken" | null;
  dateValid: boolean;
  /** The confirmation is shown: what closing does, then « Confirmer » or « Annuler ». */
  confirming: boolean;
  ask(): void;
  cancel(): void;
  closing: boolean;
  run(): Promise<void>;
  done: RoundClosed | null;
  issues: InputIssue[] | null;
}

function roundsView(wb: AssessmentWorkbook): RoundsView {
  const history = wb.history ?? [];
  return { templateId: wb.template.id, rounds: roundLines(history), history, current: scoreAssessment(wb.assessment).overall.score };
}

/**
 * Lists the closed rounds and closes the current one (`host.closeRound`, the same code as
 * `qualigrid round close`) after a confirmation. The open workbook is never changed: the next
 * round's workbook opens (Excel: a new window; the workbench: in its place, and `onReplaced` is
 * called). `fileBase(id, label)` names the new workbook in the pane's language.
 */
export function useRounds(host: WorkbookHost, thisWorkbook: string, fileBase: (id: string, label: string) => string, onReplaced: () => void = () => undefined): RoundsState {
  const read = useHostRead(host, roundsView);
  const [label, setLabelState] = useState(() => todayText().slice(0, 4));
  const [date, setDateState] = useState(() => todayText());
  const [labelTyped, setLabelTyped] = useState(false);
  const [keepRatings, setKeepRatings] = useState(false);
  const [asked, setAsked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [closing, setClosing] = useState(false);
  const [done, setDone] = useState<RoundClosed | null>(null);
  const [issues, setIssues] = useState<InputIssue[] | null>(null);
  const history = read.value?.history ?? [];
  const labelIssue = asked ? roundLabelIssue(label, history) : null;
  const day = parseDay(date);
  const { setError, refresh, live } = read;

  const run = useCallback(async () => {
    const view = read.value;
    if (!view || closing || day === null || roundLabelIssue(label, view.history) !== null) return;
    setClosing(true);
    setConfirming(false);
    setError(null);
    setIssues(null);
    setDone(null);
    try {
      const name = roundFileName(fileBase(view.templateId, label.trim()));
      const r = await callHost(() => host.closeRound({ label: label.trim(), date: day, keepRatings }, { name, file: thisWorkbook }));
      if (!live.current) return;
      if (!r.ok) return setError(r.error);
      if (!r.value.ok) return setIssues(r.value.issues);
      setDone({ round: r.value.value.round, as: r.value.value.opened, name, warnings: r.value.warnings });
      setAsked(false);
      if (r.value.value.opened === "replaced") {
        onReplaced();
        await refresh();
      }
    } catch (e) {
      setError(unknownError(e));
    } finally {
      if (live.current) setClosing(false);
    }
  }, [host, read.value, closing, day, label, keepRatings, thisWorkbook, fileBase, onReplaced, setError, refresh, live]);

  return {
    phase: read.phase,
    view: read.value,
    error: read.error,
    refresh,
    label,
    setLabel: (l) => {
      setLabelState(l);
      setLabelTyped(true);
      setConfirming(false);
    },
    date,
    setDate: (d) => {
      setDateState(d);
      // The label is the closing day's year until the user types one.
      const typed = parseDay(d);
      if (typed && !labelTyped) setLabelState(String(typed.getUTCFullYear()));
      setConfirming(false);
    },
    keepRatings,
    setKeepRatings: (k) => {
      setKeepRatings(k);
      setConfirming(false);
    },
    labelIssue,
    dateValid: day !== null,
    confirming,
    ask: () => {
      setAsked(true);
      setDone(null);
      setConfirming(roundLabelIssue(label, history) === null && day !== null);
    },
    cancel: () => setConfirming(false),
    closing,
    run,
    done,
    issues,
  };
}
