import { useCallback, useState } from "react";
import type { HostError, OpenedAs, WorkbookHost } from "../../addin/host/host.types.js";
import type { SurveyRecord } from "../../addin/model/survey.types.js";
import type { InputIssue } from "../../addin/model/template.types.js";
import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";
import { fileBytes } from "../host/file.bytes.js";
import { fileNamePart } from "../host/file.name.js";
import { callHost, unknownError } from "../host/host.context.js";
import { useHostRead } from "../host/host.read.js";

/** What the « Sondages » screen knows of the workbook. */
export interface SurveysView {
  templateId: string;
  /** The grid's criteria, in template order, that a survey may be evidence for. */
  criteria: { id: string; dimension: string }[];
  surveys: SurveyRecord[];
}

/** A survey imported, and where the workbook holding it went. */
export interface SurveyImported {
  survey: SurveyRecord;
  evidenceRows: number;
  as: OpenedAs;
  name: string;
  warnings: InputIssue[];
}

/** Why the form cannot be sent yet. */
export type SurveyFormIssue = "noFile" | "nameEmpty" | "nameTaken";

/** State of the « Sondages » screen. */
export interface SurveysState {
  phase: "loading" | "ready" | "failed";
  view: SurveysView | null;
  error: HostError | null;
  refresh(): Promise<void>;
  file: File | null;
  chooseFile(file: File): void;
  name: string;
  setName(name: string): void;
  withComments: boolean;
  setWithComments(keep: boolean): void;
  criteria: string[];
  setCriteria(ids: string[]): void;
  /** The scale's answers as typed, most favourable first, comma-separated. */
  scale: string;
  setScale(scale: string): void;
  /** Shown once the user tried to import. */
  formIssues: SurveyFormIssue[];
  busy: boolean;
  run(): Promise<void>;
  done: SurveyImported | null;
  issues: InputIssue[] | null;
}

/** The answers of a scale typed by hand (« Excellent, Bon, Moyen »), blanks dropped; undefined when none. */
export function scaleOf(text: string): string[] | undefined {
  const answers = text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return answers.length > 0 ? answers : undefined;
}

/** A survey's default name: its file's name without the extension. */
export function surveyNameOf(file: string): string {
  return file.replace(/\.(xlsx|csv)$/i, "").trim();
}

/** What keeps the form from being sent: no file, no name, or the name of a survey already imported (case-insensitively). */
export function surveyFormIssues(file: File | null, name: string, surveys: readonly SurveyRecord[]): SurveyFormIssue[] {
  const wanted = name.trim().toLocaleLowerCase();
  return [
    ...(file ? [] : ["noFile" as const]),
    ...(wanted === "" ? ["nameEmpty" as const] : []),
    ...(wanted !== "" && surveys.some((s) => s.name.trim().toLocaleLowerCase() === wanted) ? ["nameTaken" as const] : []),
  ];
}

/** The workbook's file name once the survey is in: the template id and the survey's name made safe. */
export function surveyFileName(templateId: string, survey: string): string {
  return `${[fileNamePart(templateId), fileNamePart(survey)].filter((s) => s !== "").join("-") || "qualigrid"}.xlsx`;
}

function surveysView(wb: AssessmentWorkbook): SurveysView {
  return {
    templateId: wb.template.id,
    criteria: wb.template.dimensions.flatMap((d) => d.criteria.map((c) => ({ id: c.id, dimension: d.id }))),
    surveys: wb.surveys ?? [],
  };
}

/**
 * Lists the workbook's surveys and imports a survey export (`host.importSurvey`, the same code as
 * `qualigrid survey import`): the open workbook is never changed, the workbook with the survey opens
 * (Excel: a new window; the workbench: in its place, and `onReplaced` is called).
 */
export function useSurveys(host: WorkbookHost, thisWorkbook: string, onReplaced: () => void = () => undefined): SurveysState {
  const read = useHostRead(host, surveysView);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [withComments, setWithComments] = useState(false);
  const [criteria, setCriteria] = useState<string[]>([]);
  const [scale, setScale] = useState("");
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<SurveyImported | null>(null);
  const [issues, setIssues] = useState<InputIssue[] | null>(null);
  const surveys = read.value?.surveys ?? [];
  const formIssues = tried ? surveyFormIssues(file, name, surveys) : [];
  const { setError, refresh, live } = read;

  const run = useCallback(async () => {
    const view = read.value;
    if (!view || busy) return;
    setTried(true);
    if (!file || surveyFormIssues(file, name, view.surveys).length > 0) return;
    setBusy(true);
    setError(null);
    setIssues(null);
    setDone(null);
    try {
      const bytes = await fileBytes(file);
      const wanted = scaleOf(scale);
      const options = {
        name: name.trim(),
        withComments,
        ...(criteria.length > 0 ? { criteria } : {}),
        ...(wanted ? { scale: wanted } : {}),
      };
      const target = surveyFileName(view.templateId, name.trim());
      const r = await callHost(() => host.importSurvey(bytes, file.name, options, { name: target, file: thisWorkbook }));
      if (!live.current) return;
      if (!r.ok) return setError(r.error);
      if (!r.value.ok) return setIssues(r.value.issues);
      const made = r.value.value;
      setDone({ survey: made.survey, evidenceRows: made.evidenceRows, as: made.opened, name: target, warnings: r.value.warnings });
      setTried(false);
      setFile(null);
      setName("");
      if (made.opened === "replaced") {
        onReplaced();
        await refresh();
      }
    } catch (e) {
      setError(unknownError(e));
    } finally {
      if (live.current) setBusy(false);
    }
  }, [host, read.value, busy, file, name, withComments, criteria, scale, thisWorkbook, onReplaced, setError, refresh, live]);

  return {
    phase: read.phase,
    view: read.value,
    error: read.error,
    refresh,
    file,
    chooseFile: (f) => {
      setFile(f);
      // The file's name is proposed until the user types one.
      if (name.trim() === "") setName(surveyNameOf(f.name));
    },
    name,
    setName,
    withComments,
    setWithComments,
    criteria,
    setCriteria,
    scale,
    setScale,
    formIssues,
    busy,
    run,
    done,
    issues,
  };
}
