import type ExcelJS from "exceljs";
import { surveyIssue, SURVEY_LIMITS, type SurveyLimits } from "../model/survey.csv.js";
import { tallySurvey, type SkippedColumn } from "../model/survey.tally.js";
import type { SurveyImportOptions, SurveyRecord } from "../model/survey.types.js";
import type { InputIssue, Result } from "../model/template.types.js";
import { messageText } from "../model/messages/message.catalog.js";
import "../model/messages/messages.survey.js";
import { HEADERS, EVIDENCE_TYPES, SHEET_NAMES } from "../plan/labels.js";
import { TABLES } from "../plan/names.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import { readSurveyFile } from "./xlsx.survey.read.js";
import { findTables } from "./xlsx.tables.js";
import { upgradeWorkbook } from "./xlsx.upgrade.js";

/** A survey's name is written in cells and titles: kept short. */
export const SURVEY_NAME_MAX = 100;

/** A survey imported into a workbook: the new workbook (to save with `carryFrom: old`), the survey, the evidence rows added, the columns left out. */
export interface SurveyImported {
  workbook: ExcelJS.Workbook;
  survey: SurveyRecord;
  evidenceRows: number;
  skipped: SkippedColumn[];
}

/**
 * Imports a survey export (`surveyBytes`, a Forms .xlsx or a CSV named `source`) into a Qualigrid
 * workbook (design.md "Rounds, comparison and report"): the name is checked unique (case set
 * aside), the criteria known, the file read and tallied (`tallySurvey`: no name, e-mail or free
 * text copied unless `withComments`, and never a name or e-mail column), then the workbook is
 * re-rendered with the survey added (`upgradeWorkbook`, the one rewrite path) and, with `criteria`,
 * one evidence register row written for them: type « Sondage », title « Sondage « NAME » — N
 * réponses », the import day as the document's date, its status left for the organization to set.
 * Every problem is returned before anything is made; `old` is not changed.
 */
export async function importSurvey(
  old: ExcelJS.Workbook,
  a: AssessmentWorkbook,
  surveyBytes: Uint8Array,
  source: string,
  options: SurveyImportOptions,
  limits: SurveyLimits = SURVEY_LIMITS,
): Promise<Result<SurveyImported>> {
  const fail = (issues: InputIssue[]): Result<SurveyImported> => ({ ok: false, issues });
  const name = options.name.trim();
  if (name === "") return fail([surveyIssue("survey.nameEmpty", source)]);
  if (name.length > SURVEY_NAME_MAX) return fail([surveyIssue("survey.nameTooLong", source, { max: SURVEY_NAME_MAX })]);
  const taken = (a.surveys ?? []).find((s) => s.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (taken) return fail([surveyIssue("survey.nameTaken", source, { name: taken.name })]);
  const scale = (options.scale ?? []).map((s) => s.trim()).filter((s) => s !== "");
  if (options.scale && scale.length < 2) return fail([surveyIssue("survey.scaleTooShort", source)]);
  const criteria = criteriaOf(a, options.criteria ?? [], source);
  if (!criteria.ok) return criteria;
  if (criteria.value.length > 0 && a.evidence === null) return fail([surveyIssue("survey.noEvidenceRegister", source)]);

  // A sheet of the user's own named like the surveys' sheet is carried whole under a free name by the
  // re-render (`upgradeWorkbook`), with a warning: never lost, never a refusal.

  const table = await readSurveyFile(surveyBytes, source, limits);
  if (!table.ok) return table;
  const imported = options.date ?? new Date();
  const tally = tallySurvey(table.value, {
    name,
    imported: new Date(Date.UTC(imported.getUTCFullYear(), imported.getUTCMonth(), imported.getUTCDate())),
    withComments: options.withComments ?? false,
    lang: a.lang,
    ...(scale.length > 0 ? { scale } : {}),
    criteria: criteria.value,
  });
  if (tally.survey.questions.length === 0) {
    return fail([surveyIssue("survey.noQuestion", source, { columns: tally.skipped.map((s) => `${s.column} (${s.header})`).join(", ") })]);
  }

  const upgraded = await upgradeWorkbook(old, a, a.template, { surveys: [...(a.surveys ?? []), tally.survey] });
  if (!upgraded.ok) return upgraded;
  const wb = upgraded.value.workbook;
  let evidenceRows = 0;
  if (criteria.value.length > 0) {
    const written = writeEvidenceRow(wb, a, tally.survey);
    if (!written.ok) return written;
    evidenceRows = 1;
  }
  return { ok: true, value: { workbook: wb, survey: tally.survey, evidenceRows, skipped: tally.skipped }, warnings: upgraded.warnings };
}

/** The criteria ids as the template spells them; unknown ones refused with the list of valid ones. */
function criteriaOf(a: AssessmentWorkbook, given: readonly string[], source: string): Result<string[]> {
  const ids = a.template.dimensions.flatMap((d) => d.criteria.map((c) => c.id));
  const byKey = new Map(ids.map((id) => [id.toLowerCase(), id]));
  const out: string[] = [];
  const unknown: string[] = [];
  for (const raw of given.map((g) => g.trim()).filter((g) => g !== "")) {
    const id = byKey.get(raw.toLowerCase());
    if (id === undefined) unknown.push(raw);
    else if (!out.includes(id)) out.push(id);
  }
  if (unknown.length === 0) return { ok: true, value: out, warnings: [] };
  // A long template's list is cut: the message must stay readable.
  const valid = ids.length > 40 ? `${ids.slice(0, 40).join(", ")}, …` : ids.join(", ");
  return { ok: false, issues: [surveyIssue("survey.unknownCriteria", source, { count: unknown.length, ids: unknown.join(", "), valid })] };
}

/**
 * Writes the survey's evidence row in the first free row of the new workbook's register (a row
 * holding nothing but its id and formulas): criteria, title, type « Sondage », the document's date
 * and where it is (the « Sondages » sheet). The register keeps empty rows; one without any is
 * refused, saying to add one.
 */
function writeEvidenceRow(wb: ExcelJS.Workbook, a: AssessmentWorkbook, survey: SurveyRecord): Result<void> {
  const lang = a.lang;
  const table = findTables(wb).get(TABLES.evidence.toLowerCase());
  if (!table) return { ok: false, issues: [surveyIssue("survey.noEvidenceRegister", TABLES.evidence)] };
  const col = (key: keyof typeof HEADERS.evidence): number | undefined => {
    const i = table.headers.findIndex((h) => h.toLocaleLowerCase() === HEADERS.evidence[key][lang].toLocaleLowerCase());
    return i < 0 ? undefined : table.left + i;
  };
  // The organization's and the reviewer's columns: a row with any of them filled is evidence already.
  const entries = (["criteria", "title", "type", "owner", "documentDate", "location", "status", "expiry", "confidential", "evaluatorNote", "comment", "reviewStatus", "reviewDate", "reviewer"] as const)
    .map(col)
    .filter((c): c is number => c !== undefined);
  let free: number | undefined;
  for (let r = table.top + 1; r <= table.bottom && free === undefined; r++) {
    if (entries.every((c) => isBlank(table.sheet.getCell(r, c).value))) free = r;
  }
  if (free === undefined) return { ok: false, issues: [surveyIssue("survey.evidenceFull", `${table.sheet.name}!${TABLES.evidence}`)] };
  const put = (key: keyof typeof HEADERS.evidence, value: ExcelJS.CellValue): void => {
    const c = col(key);
    if (c !== undefined) table.sheet.getCell(free, c).value = value;
  };
  put("criteria", survey.criteria.join(", "));
  put("title", messageText("survey.evidenceTitle", { name: survey.name, count: survey.responses }, lang) ?? survey.name);
  put("type", EVIDENCE_TYPES.find((t) => t.en === "Survey")?.[lang] ?? null);
  put("documentDate", survey.imported);
  put("location", SHEET_NAMES.surveys[lang]);
  return { ok: true, value: undefined, warnings: [] };
}

function isBlank(v: ExcelJS.CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}
