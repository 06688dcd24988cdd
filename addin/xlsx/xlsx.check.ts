import type ExcelJS from "exceljs";
import type { WorkbookCheck, WorkbookInspection } from "../host/host.outcomes.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import type { Lang, Result } from "../model/template.types.js";
import { checkAssessment } from "../workbook/workbook.check.js";
import { checkStructure } from "../workbook/formula.check.js";
import { historyFindings } from "../workbook/history.check.js";
import { sha256WebCrypto } from "../model/seal.digest.js";
import { contentView } from "./xlsx.formulas.js";
import { readQualigridWorkbook } from "./xlsx.read.js";
import { archivedCriteria } from "./xlsx.upgrade.js";

/**
 * Everything `check` finds in a loaded Qualigrid workbook, tables and formulas first (compared with
 * the plan of its template), then the answers (duplicates, overdue actions, expired or confidential
 * evidence). Shared by the command line and the task pane.
 */
export function inspectWorkbook(workbook: ExcelJS.Workbook, assessment: AssessmentWorkbook, lang: Lang, orgDomains: readonly string[] = []): WorkbookInspection {
  const structure = checkStructure(assessment.template, assessment.lang, contentView(workbook), lang);
  const findings = [...structure.findings, ...checkAssessment(assessment, lang, { orgDomains: [...orgDomains], archived: archivedCriteria(workbook) })];
  return { findings, repairs: structure.repairs };
}

/**
 * A check with the closed rounds' findings added (a history row changed by hand, `history.check.ts`):
 * SHA-256 is asynchronous in the pane, so it is added after the synchronous inspection, on every host.
 */
export async function withHistoryCheck(checked: Result<WorkbookCheck>, lang: Lang): Promise<Result<WorkbookCheck>> {
  if (!checked.ok) return checked;
  const history = await historyFindings(checked.value.assessment, lang, sha256WebCrypto);
  return history.length === 0 ? checked : { ...checked, value: { ...checked.value, findings: [...checked.value.findings, ...history] } };
}

/**
 * Reads a loaded workbook as a Qualigrid workbook and inspects it (`inspectWorkbook`); a workbook
 * that cannot be read is reported by the reader's issues, naming the sheet and cell (or table).
 */
export function checkQualigridWorkbook(workbook: ExcelJS.Workbook, file: string, lang: Lang, orgDomains: readonly string[] = []): Result<WorkbookCheck> {
  const read = readQualigridWorkbook(workbook, file);
  if (!read.ok) return read;
  return { ok: true, value: { ...inspectWorkbook(workbook, read.value, lang, orgDomains), assessment: read.value }, warnings: read.warnings };
}
