import { useEffect, useRef, useState } from "react";
import type { HostError, MergeOutcome, WorkbookHost } from "../../addin/host/host.types.js";
import type { InputIssue, Lang } from "../../addin/model/template.types.js";
import type { RespondentRecord } from "../../addin/workbook/workbook.types.js";
import { fileBytes } from "../host/file.bytes.js";
import { callHost } from "../host/host.context.js";
import { useHostRead } from "../host/host.read.js";
import { addRespondentThrough } from "./respondent.add.js";
import { takenRespondentNames } from "./respondent.choice.js";

/** A copy made for a respondent, ready to download. */
export interface CopyLink {
  respondent: string;
  file: string;
  /** An object URL of its bytes; revoked when the screen closes or new copies are made. */
  url: string;
}

/** What the last import did. */
export type ImportOutcome =
  | { kind: "done"; file: string; outcome: MergeOutcome }
  | { kind: "refused"; file: string; issues: InputIssue[] }
  /** An unstamped copy: whose answers they are must be said (« Importer sous le nom… »). */
  | { kind: "needsAs"; file: string; bytes: Uint8Array; issues: InputIssue[] };

/** State of the Respondents screen. */
export interface RespondentsState {
  phase: "loading" | "ready" | "failed";
  /** Whether the workbook was read once: what it holds stays shown while it is read again. */
  loaded: boolean;
  respondents: RespondentRecord[];
  consolidation: "mean" | "median";
  /** The workbook's language: the name its unnamed respondent gets (« Répondant 1 ») is in it. */
  lang: Lang;
  error: HostError | null;
  busy: "import" | "copies" | null;
  /** The name of the respondent added last, for the status line. */
  added: string | null;
  imported: ImportOutcome | null;
  copies: CopyLink[] | null;
  /** Problems that stopped the copies. */
  copiesRefused: InputIssue[] | null;
  refresh(): Promise<void>;
  add(name: string, path: string): Promise<InputIssue[]>;
  /** Merges a copy into the workbook (`as`: the respondent it goes to, for an unstamped copy). */
  importFile(file: File): Promise<void>;
  /** Imports the unstamped copy waiting for a name under `name`. */
  importAs(name: string): Promise<void>;
  makeCopies(): Promise<void>;
}

const NO_RESPONDENTS: RespondentRecord[] = [];

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The Respondents screen's state: the workbook's respondents (`QG_Respondents`), adding one,
 * importing a copy's answers (`importAnswers`, as `qualigrid merge`) and making the copies
 * (`makeCopies`, as `qualigrid copies`) as download links. `onChanged` is told when the workbook's
 * respondents or answers changed, so that the screens that keep it read it again.
 */
export function useRespondents(host: WorkbookHost, onChanged: () => void = () => {}): RespondentsState {
  const read = useHostRead(host, (wb) => ({ respondents: wb.respondents, lang: wb.lang, consolidation: wb.assessment.settings.consolidation }));
  const { phase, error, setError, refresh, live } = read;
  const loaded = read.value !== null;
  const respondents = read.value?.respondents ?? NO_RESPONDENTS;
  const lang = read.value?.lang ?? "fr";
  const consolidation = read.value?.consolidation ?? "mean";
  const [busy, setBusy] = useState<RespondentsState["busy"]>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportOutcome | null>(null);
  const [copies, setCopies] = useState<CopyLink[] | null>(null);
  const [copiesRefused, setCopiesRefused] = useState<InputIssue[] | null>(null);
  const urls = useRef<string[]>([]);

  useEffect(
    () => () => {
      for (const u of urls.current) URL.revokeObjectURL(u);
      urls.current = [];
    },
    [host],
  );

  const add = async (name: string, path: string): Promise<InputIssue[]> => {
    const adding = await addRespondentThrough(host, name, path, takenRespondentNames(respondents, lang), live, setError);
    if (!adding.added) return adding.issues;
    setAdded(name.trim());
    onChanged();
    await refresh();
    return [];
  };

  const merge = async (bytes: Uint8Array, file: string, as?: string): Promise<void> => {
    setBusy("import");
    const r = await callHost(() => (as === undefined ? host.importAnswers(bytes, file) : host.importAnswers(bytes, file, as)));
    if (!live.current) return;
    setBusy(null);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    if (r.value.ok) {
      setImported({ kind: "done", file, outcome: r.value.value });
      onChanged();
      await refresh();
      return;
    }
    const { issues } = r.value;
    const needsAs = as === undefined && issues.some((i) => i.code === "merge.needsAs");
    setImported(needsAs ? { kind: "needsAs", file, bytes, issues } : { kind: "refused", file, issues });
  };

  const importFile = async (file: File): Promise<void> => {
    let bytes: Uint8Array;
    try {
      bytes = await fileBytes(file);
    } catch (e) {
      setImported({ kind: "refused", file: file.name, issues: [{ path: file.name, message: e instanceof Error ? e.message : String(e), severity: "error" }] });
      return;
    }
    await merge(bytes, file.name);
  };

  const importAs = async (name: string): Promise<void> => {
    if (imported?.kind !== "needsAs") return;
    await merge(imported.bytes, imported.file, name.trim());
  };

  const makeCopies = async (): Promise<void> => {
    setBusy("copies");
    setCopiesRefused(null);
    const r = await callHost(() => host.makeCopies());
    if (!live.current) return;
    setBusy(null);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    if (!r.value.ok) {
      setCopiesRefused(r.value.issues);
      return;
    }
    for (const u of urls.current) URL.revokeObjectURL(u);
    const links = r.value.value.map((c) => ({
      respondent: c.respondent,
      file: c.file,
      url: URL.createObjectURL(new Blob([c.bytes as BlobPart], { type: XLSX_TYPE })),
    }));
    urls.current = links.map((l) => l.url);
    setCopies(links);
    // The workbook now records the copy ids.
    await refresh();
  };

  return { phase, loaded, respondents, consolidation, lang, error, busy, added, imported, copies, copiesRefused, refresh, add, importFile, importAs, makeCopies };
}
