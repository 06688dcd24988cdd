import type ExcelJS from "exceljs";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import type { Lang } from "../model/template.types.js";
import { checkAssessment, type Finding } from "../workbook/workbook.check.js";
import { checkStructure, type FormulaRepair } from "../workbook/formula.check.js";
import { contentView } from "./xlsx.formulas.js";

/** What a check found in a workbook, and the formula cells a repair would rewrite. */
export interface WorkbookInspection {
  findings: Finding[];
  repairs: FormulaRepair[];
}

/**
 * Everything `check` finds in a loaded Qualigrid workbook, tables and formulas first (compared with
 * the plan of its template), then the answers (duplicates, overdue actions, expired or confidential
 * evidence). Shared by the command line and the task pane.
 */
export function inspectWorkbook(workbook: ExcelJS.Workbook, assessment: AssessmentWorkbook, lang: Lang, orgDomains: readonly string[] = []): WorkbookInspection {
  const structure = checkStructure(assessment.template, assessment.lang, contentView(workbook), lang);
  const findings = [...structure.findings, ...checkAssessment(assessment, lang, { orgDomains: [...orgDomains] })];
  return { findings, repairs: structure.repairs };
}
