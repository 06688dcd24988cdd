import { useCallback, useEffect, useRef, useState } from "react";
import type { HostError, WorkbookHost } from "../../addin/host/host.types.js";
import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";
import type { Template } from "../../addin/model/template.types.js";
import { assessmentTemplate, scoreAssessment } from "../../addin/scoring/assessment.score.js";
import type { AssessmentResult } from "../../addin/scoring/scoring.types.js";
import { callHost } from "../host/host.context.js";

/**
 * What the dashboard shows: the template with the workbook's targets, the engine's figures, and the
 * workbook's completion threshold (below it the overall result is provisional).
 */
export interface DashboardFigures {
  template: Template;
  result: AssessmentResult;
  completionThreshold: number;
}

/** The engine's figures for a workbook read back: the same numbers as the workbook's formulas. */
function dashboardFigures(wb: AssessmentWorkbook): DashboardFigures {
  return { template: assessmentTemplate(wb.assessment), result: scoreAssessment(wb.assessment), completionThreshold: wb.assessment.settings.completionThreshold };
}

/** State of the Dashboard screen. */
export interface DashboardState {
  phase: "loading" | "ready" | "failed";
  figures: DashboardFigures | null;
  error: HostError | null;
  refresh(): Promise<void>;
}

/** Reads the workbook when the dashboard opens and on `refresh()`, and scores it with the engine. */
export function useDashboard(host: WorkbookHost): DashboardState {
  const [phase, setPhase] = useState<DashboardState["phase"]>("loading");
  const [figures, setFigures] = useState<DashboardFigures | null>(null);
  const [error, setError] = useState<HostError | null>(null);
  const live = useRef(true);
  const refresh = useCallback(async () => {
    setPhase("loading");
    const r = await callHost(() => host.read());
    if (!live.current) return;
    if (r.ok) {
      setFigures(dashboardFigures(r.value));
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
  return { phase, figures, error, refresh };
}
