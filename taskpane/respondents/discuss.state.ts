import { useState } from "react";
import type { HostError, WorkbookHost } from "../../addin/host/host.types.js";
import type { RespondentAnswer } from "../../addin/model/assessment.types.js";
import type { Rating } from "../../addin/model/scale.js";
import type { Criterion, Template } from "../../addin/model/template.types.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";
import { criterionPlace } from "../assess/assessment.nav.js";
import { callHost } from "../host/host.context.js";
import { useHostRead } from "../host/host.read.js";

/** One respondent's answer to a criterion to discuss. */
export interface DiscussAnswer extends RespondentAnswer {
  name: string;
}

/** A criterion « à discuter », or one whose agreed rating is recorded, with what the meeting needs. */
export interface DiscussItem {
  criterion: Criterion;
  /** The engine's consolidated rating (the agreed one when recorded). */
  consolidated: Rating;
  /** Max − min of the levels given; null when none. */
  spread: number | null;
  toDiscuss: boolean;
  answers: DiscussAnswer[];
  /** The agreed rating and its reason when recorded, else null. */
  agreed: { rating: Rating; reason: string } | null;
}

/** What the « À discuter » screen shows. */
export interface DiscussFigures {
  template: Template;
  respondents: number;
  spreadThreshold: number;
  consolidation: "mean" | "median";
  /**
   * In grid order, the criteria to discuss and (`toDiscuss` false) those settled by an agreed
   * rating: saving one leaves it in place, so the keyboard focus stays where it was.
   */
  items: DiscussItem[];
}

/** The criteria to discuss and the settled ones of a workbook read back, from the engine's results. */
export function discussFigures(wb: AssessmentWorkbook): DiscussFigures {
  const a = wb.assessment;
  const result = scoreAssessment(a);
  const byId = new Map(a.criteria.map((c) => [c.criterion.toLowerCase(), c]));
  const items = [...result.criteria]
    .sort((p, q) => p.order - q.order)
    .flatMap((c): DiscussItem[] => {
      const given = byId.get(c.id.toLowerCase());
      const criterion = criterionPlace(a.template, c.id)?.criterion;
      const agreed = given?.agreed ?? null;
      if (!criterion || !given || (!c.toDiscuss && agreed === null)) return [];
      const answers = given.answers.map((x, i) => ({ ...x, name: a.respondents[i]?.name ?? "" }));
      return [{ criterion, consolidated: c.rating, spread: c.spread, toDiscuss: c.toDiscuss, answers, agreed }];
    });
  return {
    template: a.template,
    respondents: a.respondents.length,
    spreadThreshold: a.settings.spreadThreshold,
    consolidation: a.settings.consolidation,
    items,
  };
}

/** State of the « À discuter » screen. */
export interface DiscussState {
  phase: "loading" | "ready" | "failed";
  figures: DiscussFigures | null;
  error: HostError | null;
  /** The criterion whose agreed rating was saved last, for the status line. */
  saved: string | null;
  refresh(): Promise<void>;
  /** Records the agreed rating of `criterionId` (a blank rating clears it) and its reason, then reads the workbook again. */
  saveAgreed(criterionId: string, rating: Rating, reason: string): Promise<void>;
}

/** Reads the workbook when the screen opens, on `refresh()` and after each agreed rating saved. */
export function useDiscuss(host: WorkbookHost): DiscussState {
  const { phase, value: figures, error, setError, refresh, live } = useHostRead(host, discussFigures);
  const [saved, setSaved] = useState<string | null>(null);
  const saveAgreed = async (criterionId: string, rating: Rating, reason: string): Promise<void> => {
    const r = await callHost(() => host.setAgreed(criterionId, { rating, reason }));
    if (!live.current) return;
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setSaved(criterionId);
    await refresh();
  };
  return { phase, figures, error, saved, refresh, saveAgreed };
}
