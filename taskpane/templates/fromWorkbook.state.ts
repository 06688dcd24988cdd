import { useCallback, useState } from "react";
import type { HostError, OpenedAs, WorkbookHost } from "../../addin/host/host.types.js";
import type { InputIssue, Lang, Template } from "../../addin/model/template.types.js";
import type { TemplateOrigin } from "../../addin/host/host.outcomes.js";
import { callHost, unknownError } from "../host/host.context.js";
import { fileNamePart } from "../host/file.name.js";

/** The outcome of reading the open workbook's template. */
export type FromWorkbookOutcome =
  | { kind: "read"; template: Template; origin: TemplateOrigin; warnings: InputIssue[] }
  | { kind: "rejected"; issues: InputIssue[] }
  | { kind: "failed"; error: HostError };

/** State of « Depuis ce classeur / From this workbook ». */
export interface FromWorkbookState {
  phase: "idle" | "reading" | "creating";
  outcome: FromWorkbookOutcome | null;
  /** Where the grid made in a new workbook went, once made. */
  created: { as: OpenedAs; name: string } | null;
  createError: HostError | null;
  read(): Promise<void>;
  /** Makes the grid of the template read in a new workbook (when the authoring tables would clash with the grid's). */
  createInNewWorkbook(): Promise<void>;
}

/** A file name for a template's grid: its id, made safe for a file system. */
export function gridFileName(template: Template): string {
  const base = fileNamePart(template.id) || "qualigrid";
  return `${base}.xlsx`;
}

/**
 * Reads the template written in the open workbook's sheets (authoring tables, or a hand-made
 * advisor grid) without changing it, with the same checks as `qualigrid new advisor.xlsx`; a template
 * read is added to the template list and chosen (`adopt`). When the workbench replaces its workbook
 * with the grid made, `onReplaced` is called.
 */
export function useFromWorkbook(
  host: WorkbookHost,
  lang: Lang,
  thisWorkbook: string,
  adopt: (t: Template) => void,
  onReplaced: () => void = () => undefined,
): FromWorkbookState {
  const [phase, setPhase] = useState<FromWorkbookState["phase"]>("idle");
  const [outcome, setOutcome] = useState<FromWorkbookOutcome | null>(null);
  const [created, setCreated] = useState<FromWorkbookState["created"]>(null);
  const [createError, setCreateError] = useState<HostError | null>(null);

  const read = useCallback(async () => {
    setPhase("reading");
    setCreated(null);
    setCreateError(null);
    try {
      const read = await callHost(() => host.templateFromWorkbook(thisWorkbook));
      if (!read.ok) {
        setOutcome({ kind: "failed", error: read.error });
        return;
      }
      const found = read.value;
      if (!found.ok) {
        setOutcome({ kind: "rejected", issues: found.issues });
        return;
      }
      adopt(found.value.template);
      setOutcome({ kind: "read", template: found.value.template, origin: found.value.origin, warnings: found.warnings });
    } catch (e) {
      setOutcome({ kind: "failed", error: unknownError(e) });
    } finally {
      setPhase("idle");
    }
  }, [host, thisWorkbook, adopt]);

  const createInNewWorkbook = useCallback(async () => {
    if (outcome?.kind !== "read") return;
    setPhase("creating");
    setCreateError(null);
    try {
      const name = gridFileName(outcome.template);
      const opened = await callHost(() => host.openGridWorkbook(outcome.template, lang, name));
      if (opened.ok) {
        setCreated({ as: opened.value, name });
        if (opened.value === "replaced") onReplaced();
      } else setCreateError(opened.error);
    } catch (e) {
      setCreateError(unknownError(e));
    } finally {
      setPhase("idle");
    }
  }, [host, lang, outcome, onReplaced]);

  return { phase, outcome, created, createError, read, createInNewWorkbook };
}
