import type { TemplateFound, UpgradeSummary, WorkbookCheck } from "../host/host.outcomes.js";
import type { Lang, Result, Template } from "../model/template.types.js";
import { buildPlan } from "../plan/plan.build.js";
import { planLimits } from "../plan/plan.limits.js";
import { checkQualigridWorkbook, withHistoryCheck } from "./xlsx.check.js";
import { sealForPane, withSealCheck, type SealBlockWrite } from "./xlsx.seal.js";
import type { SealReceipt } from "../workbook/seal.check.js";
import { loadWorkbook, saveWorkbook } from "./xlsx.io.js";
import { loadQualigridWorkbook } from "./xlsx.read.js";
import { ASSESSMENT_TABLES } from "./xlsx.require.js";
import { renderPlanToBuffer } from "./xlsx.render.js";
import { templateFromXlsx } from "./xlsx.template.js";
import { upgradeWorkbook } from "./xlsx.upgrade.js";
import { importSurvey } from "./xlsx.survey.js";
import { closeRound } from "./xlsx.round.js";
import { sha256WebCrypto } from "../model/seal.digest.js";
import { makeRespondentCopies, type RespondentCopy as SnapshotCopy } from "./xlsx.copies.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import type { RoundCloseOptions, RoundRecord } from "../model/history.types.js";
import type { SurveyImportOptions, SurveyRecord } from "../model/survey.types.js";

export type { SnapshotCopy };

// What the task pane does on a copy of the open workbook (`WorkbookHost.snapshot`), with the file
// reader: the same code as the command line's `check`, `show` and `upgrade`, in the browser.
// Hosts without exceljs of their own load this module on demand (`loadSnapshotServices` in
// addin/host), so exceljs is not in the bundle Excel loads at start.

/** `check` on a workbook's bytes: the findings and the formula cells a repair would rewrite. */
export async function checkSnapshot(
  bytes: Uint8Array,
  file: string,
  lang: Lang,
  orgDomains: readonly string[] = [],
): Promise<Result<WorkbookCheck>> {
  const loaded = await loadWorkbook(bytes, file, { requireTables: ASSESSMENT_TABLES });
  if (!loaded.ok) return loaded;
  return withSealCheck(loaded.value, await withHistoryCheck(checkQualigridWorkbook(loaded.value, file, lang, orgDomains), lang), lang);
}

/**
 * The seal of a workbook's bytes (« Sceller la revue » in Excel): the receipt, and the block to
 * write into the open workbook (sheet, range, rows, the previous seal's range to clear).
 */
export async function sealSnapshot(bytes: Uint8Array, file: string, by: string): Promise<Result<{ receipt: SealReceipt; block: SealBlockWrite }>> {
  const loaded = await loadQualigridWorkbook(bytes, file);
  if (!loaded.ok) return loaded;
  return sealForPane(loaded.value.workbook, loaded.value.assessment, by, file);
}

/** The template a workbook's bytes carry (see `templateFromXlsx`). */
export async function templateFromSnapshot(bytes: Uint8Array, file: string): Promise<Result<TemplateFound>> {
  const loaded = await loadWorkbook(bytes, file);
  if (!loaded.ok) return loaded;
  return templateFromXlsx(loaded.value, file);
}

/**
 * A new assessment workbook for `template` (all parts), as .xlsx bytes. A plan over Excel's limits
 * (`planLimits`; a template read by `parseTemplate` never makes one) throws, naming what is over,
 * rather than making a workbook Excel would repair.
 */
export async function gridWorkbookBytes(template: Template, lang: Lang): Promise<Uint8Array> {
  const plan = buildPlan(template, { lang });
  const over = planLimits(plan);
  if (over.length > 0) throw new Error(over.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return renderPlanToBuffer(plan);
}

/**
 * A Qualigrid workbook's bytes upgraded to `next` (see `upgradeWorkbook`): the new workbook's bytes
 * and what happened to each criterion. The bytes given are not changed. Whether the version may be
 * applied is the caller's decision (`upgradeRefusal`).
 */
export async function upgradeSnapshot(bytes: Uint8Array, file: string, next: Template): Promise<Result<{ bytes: Uint8Array; summary: UpgradeSummary }>> {
  const opened = await loadQualigridWorkbook(bytes, file);
  if (!opened.ok) return opened;
  const done = await upgradeWorkbook(opened.value.workbook, opened.value.assessment, next);
  if (!done.ok) return done;
  return { ok: true, value: { bytes: await saveWorkbook(done.value.workbook, { carryFrom: opened.value.workbook }), summary: done.value.summary }, warnings: [...opened.warnings, ...done.warnings] };
}

/** What a workbook's bytes hold (a copy to merge): read as `qualigrid merge` reads it, nothing changed. */
export async function readSnapshot(bytes: Uint8Array, file: string): Promise<Result<AssessmentWorkbook>> {
  const opened = await loadQualigridWorkbook(bytes, file);
  if (!opened.ok) return opened;
  return { ok: true, value: opened.value.assessment, warnings: opened.warnings };
}

/**
 * One copy per respondent of a workbook's bytes, as `qualigrid copies` makes them (see
 * `makeRespondentCopies`); `newId` gives the fresh copy ids. The bytes given are not changed: the
 * caller records the copy ids in the workbook they came from.
 */
export async function copiesOfSnapshot(bytes: Uint8Array, file: string, newId: () => string): Promise<Result<SnapshotCopy[]>> {
  const opened = await loadQualigridWorkbook(bytes, file);
  if (!opened.ok) return opened;
  return makeRespondentCopies(opened.value.workbook, opened.value.assessment, file, newId);
}

/**
 * A Qualigrid workbook's bytes with its round closed (`qualigrid round close`): the next round's
 * workbook and the round recorded. The bytes given are not changed.
 */
export async function closeRoundSnapshot(bytes: Uint8Array, file: string, options: RoundCloseOptions): Promise<Result<{ bytes: Uint8Array; round: RoundRecord }>> {
  const opened = await loadQualigridWorkbook(bytes, file);
  if (!opened.ok) return opened;
  // WebCrypto's SHA-256: the pane's bundle needs no Node module, and the hex is the command line's.
  const closed = await closeRound(opened.value.workbook, opened.value.assessment, options, sha256WebCrypto, file);
  if (!closed.ok) return closed;
  const out = await saveWorkbook(closed.value.workbook, { carryFrom: opened.value.workbook });
  return { ok: true, value: { bytes: out, round: closed.value.round }, warnings: [...opened.warnings, ...closed.warnings] };
}

/**
 * A Qualigrid workbook's bytes with a survey imported (`qualigrid survey import`): the new bytes,
 * the survey's figures and the evidence rows added. Neither input is changed.
 */
export async function importSurveySnapshot(
  bytes: Uint8Array,
  file: string,
  survey: Uint8Array,
  source: string,
  options: SurveyImportOptions,
): Promise<Result<{ bytes: Uint8Array; survey: SurveyRecord; evidenceRows: number }>> {
  const opened = await loadQualigridWorkbook(bytes, file);
  if (!opened.ok) return opened;
  const imported = await importSurvey(opened.value.workbook, opened.value.assessment, survey, source, options);
  if (!imported.ok) return imported;
  const out = await saveWorkbook(imported.value.workbook, { carryFrom: opened.value.workbook });
  const { survey: record, evidenceRows } = imported.value;
  return { ok: true, value: { bytes: out, survey: record, evidenceRows }, warnings: [...opened.warnings, ...imported.warnings] };
}
