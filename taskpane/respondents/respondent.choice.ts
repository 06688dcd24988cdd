import { firstRespondentName } from "../../addin/model/messages/messages.cli.respondents.js";
import type { Lang } from "../../addin/model/template.types.js";
import { matchKey } from "../../addin/model/text.match.js";
import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";

/** Where the pane remembers, on this computer, who answers in a workbook (contract: `qualigrid.respondent.<workbook key>`). */
const STORAGE_PREFIX = "qualigrid.respondent.";

/**
 * What tells a workbook apart on this computer: its template, its organization and its first
 * respondent's copy id (a copy sent out carries its own). Office gives the pane no file name.
 */
export function workbookKey(wb: AssessmentWorkbook): string {
  return [wb.template.id, wb.assessment.organization ?? "", wb.respondents[0]?.copyId ?? ""].join("|");
}

/** Whether the pane must ask who answers: the workbook names its respondents (one unnamed respondent: never). */
export function asksRespondent(wb: AssessmentWorkbook): boolean {
  return wb.respondents.some((r) => r.name !== "");
}

/**
 * The names a new respondent may not take: the workbook's, or, for a grid whose one respondent is
 * unnamed, the name the hosts then give that respondent (« Répondant 1 »), who keeps its answers.
 */
export function takenRespondentNames(respondents: readonly { name: string }[], lang: Lang): string[] {
  const named = respondents.filter((r) => r.name !== "").map((r) => r.name);
  return named.length === 0 ? [firstRespondentName(lang)] : named;
}

/** The index of the respondent named `name` (case, accents and spaces ignored), or −1. */
export function respondentIndexOf(wb: AssessmentWorkbook, name: string): number {
  const key = matchKey(name);
  return wb.respondents.findIndex((r) => r.name !== "" && matchKey(r.name) === key);
}

/**
 * The respondent remembered for this workbook, as the workbook spells the name; null when none is
 * remembered, the name is no longer in the workbook, or the browser keeps nothing (private mode).
 */
export function rememberedRespondent(wb: AssessmentWorkbook): string | null {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(STORAGE_PREFIX + workbookKey(wb));
  } catch {
    return null;
  }
  if (stored === null) return null;
  return wb.respondents[respondentIndexOf(wb, stored)]?.name ?? null;
}

/** Remembers who answers in this workbook on this computer; a browser that keeps nothing is left alone. */
export function rememberRespondent(wb: AssessmentWorkbook, name: string): void {
  try {
    window.localStorage.setItem(STORAGE_PREFIX + workbookKey(wb), name);
  } catch {
    // Private browsing or storage refused: the question is asked again next time, nothing worse.
  }
}
