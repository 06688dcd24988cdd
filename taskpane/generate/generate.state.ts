import { useCallback, useEffect, useRef, useState } from "react";
import type { GenerateProgress, HostError, WorkbookHost } from "../../addin/host/host.types.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { parseSettingText, type WorkbookSettings } from "../../addin/model/settings.js";
import type { PlanOptions, PlanParts } from "../../addin/plan/plan.types.js";
import { callHost, unknownError } from "../host/host.context.js";
import type { WorkbookStatusState } from "../host/workbook.status.js";
import { checkTargets, targetsFormOf, type TargetsCheck, type TargetsForm } from "./targets.form.js";
import { loadScreens } from "../screens.load.js";

/**
 * The workbook settings the Generate screen sets, from what was typed: the organization (blank:
 * none) and the assessment date (`aaaa-mm-jj`, blank: none); null when the date is not a real day.
 */
export function settingsOfForm(organization: string, assessmentDate: string): Partial<WorkbookSettings> | null {
  const out: Partial<WorkbookSettings> = {};
  if (organization.trim() !== "") out.organization = organization.trim();
  if (assessmentDate.trim() !== "") {
    const d = parseSettingText("assessmentDate", assessmentDate);
    if (!d.ok) return null;
    out.assessmentDate = d.value;
  }
  return out;
}

/** State of the Generate screen. */
export interface GenerateState {
  lang: Lang;
  setLang(lang: Lang): void;
  parts: PlanParts;
  setPart(part: keyof PlanParts, on: boolean): void;
  form: TargetsForm;
  setDefaultTarget(text: string): void;
  setDimensionTarget(dimensionId: string, text: string): void;
  /** The targets checked; null without a template. */
  targets: TargetsCheck | null;
  /** Whether an attempt to generate was refused for the targets' problems. */
  refusedForTargets: boolean;
  /** The organization assessed, as typed (blank: none). */
  organization: string;
  setOrganization(text: string): void;
  /** The assessment date as typed, `aaaa-mm-jj` (blank: none, expiry counted as of today). */
  assessmentDate: string;
  setAssessmentDate(text: string): void;
  /** Whether the date typed is not a real `aaaa-mm-jj` day. */
  dateInvalid: boolean;
  /** Whether an attempt to generate was refused for the date. */
  refusedForSettings: boolean;
  running: boolean;
  progress: GenerateProgress | null;
  error: HostError | null;
  dismissError(): void;
  done: boolean;
  /** Checks the workbook, then generates; never when something there stops the plan (`status.clashes`). */
  generate(): Promise<void>;
}

/**
 * Options, targets and the run of a generation for `template`: `host.status()` first (a workbook
 * that holds a grid, or any Qualigrid table or name, is refused), then `buildPlan` and `host.generate` with its progress.
 */
export function useGenerate(
  host: WorkbookHost,
  template: Template | null,
  workbook: WorkbookStatusState,
  onGenerated: () => void,
  initialLang: Lang,
): GenerateState {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [parts, setParts] = useState<PlanParts>({ evidence: true, actions: true, dashboard: true });
  const [form, setForm] = useState<TargetsForm>(() => (template ? targetsFormOf(template) : { defaultTarget: "", dimensions: {} }));
  const [formOf, setFormOf] = useState<Template | null>(template);
  const [refusedForTargets, setRefusedForTargets] = useState(false);
  const [organization, setOrganization] = useState("");
  const [assessmentDate, setAssessmentDate] = useState("");
  const [refusedForSettings, setRefusedForSettings] = useState(false);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<GenerateProgress | null>(null);
  const [error, setError] = useState<HostError | null>(null);
  const [done, setDone] = useState(false);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  // A newly chosen template brings its own targets (state adjusted while rendering, as React advises).
  if (formOf !== template) {
    setFormOf(template);
    setForm(template ? targetsFormOf(template) : { defaultTarget: "", dimensions: {} });
    setRefusedForTargets(false);
    setDone(false);
  }
  const targets = template ? checkTargets(template, form) : null;
  const settings = settingsOfForm(organization, assessmentDate);

  const generate = useCallback(async () => {
    if (!template || !targets || running) return;
    setDone(false);
    setError(null);
    setRefusedForTargets(parts.dashboard && !targets.ok);
    setRefusedForSettings(settings === null);
    if ((parts.dashboard && !targets.ok) || settings === null) return;
    setRunning(true);
    setProgress(null);
    try {
      const status = await workbook.check();
      if (!live.current || !status || status.clashes.length > 0) return;
      const options: Partial<PlanOptions> = { lang, parts };
      if (parts.dashboard) {
        options.targets = targets.targets;
        options.overallTarget = targets.overallTarget;
      }
      if (Object.keys(settings).length > 0) options.settings = settings;
      let result;
      try {
        // The plan builder travels with the secondary screens' chunk, already loaded: only the
        // Generate screen calls this. It keeps addin/plan out of the pane's first load.
        const { buildPlan } = await loadScreens();
        const plan = buildPlan(template, options);
        setProgress({ fraction: 0, stage: "prepare" });
        result = await callHost(() => host.generate(plan, (p) => live.current && setProgress(p)));
      } catch (e) {
        result = { ok: false as const, error: unknownError(e) };
      }
      if (!live.current) return;
      if (result.ok) {
        setDone(true);
        onGenerated();
      } else {
        setError(result.error);
        if (result.error.code === "gridExists") void workbook.check();
      }
    } finally {
      if (live.current) {
        setRunning(false);
        setProgress(null);
      }
    }
  }, [template, running, parts, targets, settings, workbook, lang, host, onGenerated]);

  return {
    lang,
    setLang,
    parts,
    setPart: (part, on) => setParts((p) => ({ ...p, [part]: on })),
    form,
    setDefaultTarget: (text) => setForm((f) => ({ ...f, defaultTarget: text })),
    setDimensionTarget: (id, text) => setForm((f) => ({ ...f, dimensions: { ...f.dimensions, [id]: text } })),
    targets,
    refusedForTargets,
    organization,
    setOrganization,
    assessmentDate,
    setAssessmentDate,
    dateInvalid: settings === null,
    refusedForSettings: refusedForSettings && settings === null,
    running,
    progress,
    error,
    dismissError: () => setError(null),
    done,
    generate,
  };
}
