import type { AssessmentWorkbook, CellRef } from "./workbook.types.js";
import type { PlainValue } from "../model/table.plain.js";
import { splitCriterionIds } from "../model/criterion.ids.js";
import { answerOfCell, criteriaById } from "../model/answer.cell.js";
import { answerScale, isTextCriterion } from "../model/criterion.scale.js";
import { numberText } from "../model/messages/message.format.js";
import { describeScale, isNaToken } from "../model/scale.js";
import { scoreAssessment } from "../scoring/assessment.score.js";
import type { Criterion, Lang } from "../model/template.types.js";
import { ACTION_SOURCES, ACTION_STATUSES, YES_NO } from "../plan/labels.js";
import { CHECK_MESSAGES } from "../model/messages/messages.check.js";
import { overdueSteps } from "./steps.check.js";
import { respondentRowFindings } from "./grid.respondents.check.js";
import { unreviewedEvidence } from "./review.check.js";

type Params = Record<string, string>;

/** What kind of problem a finding is. */
export type FindingCode =
  | "ratingInvalid"
  | "evaluatorRatingInvalid"
  | "evidenceNotReviewed"
  | "unanswered"
  | "questionUnanswered"
  | "requiredNotApplicable"
  | "requiredUnanswered"
  | "requiredBelowTarget"
  | "criterionMissingFromGrid"
  | "criterionNotInTemplate"
  | "evidenceUnknownCriterion"
  | "evidenceNoCriterion"
  | "actionUnknownCriterion"
  | "actionArchivedCriterion"
  | "actionNoOwner"
  | "actionNoDueDate"
  | "templateActionsUndated"
  | "criterionDuplicated"
  | "actionOverdue"
  | "stepOverdue"
  | "evidenceExpired"
  | "confidentialLink"
  | "formulaAltered"
  | "formulaMissing"
  | "tableMissing"
  | "tableRenamed"
  | "settingsMissing"
  // The sealed review (seal.check.ts): an organization's entry changed after the seal, a receipt that disagrees.
  | "sealChanged"
  | "sealReceipt"
  // A closed round changed by hand (history.check.ts), worded in messages.history.ts.
  | "historyChanged";

/** One thing `check` found, with where it is and what to do. */
export interface Finding {
  code: FindingCode;
  severity: "error" | "warning";
  where: CellRef;
  message: string;
}

/** The findings whose texts are in the check section (the seal's have their own section, messages.seal.ts). */
type CheckFindingCode = Exclude<FindingCode, "sealChanged" | "sealReceipt" | "historyChanged">;

/** The text of a finding in `lang`, from the catalogue. */
function findingText(code: CheckFindingCode, params: Params, lang: Lang): string {
  return CHECK_MESSAGES[`check.${code}`][lang](params);
}

/** A finding with its message in `lang`; for checks written outside this file. */
export function findingOf(code: CheckFindingCode, severity: Finding["severity"], where: CellRef, params: Params, lang: Lang): Finding {
  return { code, severity, where, message: findingText(code, params, lang) };
}

/** What `checkAssessment` compares against: today's date and where the organization keeps its files. */
export interface CheckOptions {
  /**
   * Today (defaults to now); due dates before it are past, and so are expiry dates when the
   * workbook has no assessment date.
   */
  today?: Date;
  /**
   * Host names of the organization's own storage (`intranet.example.org`, `example.sharepoint.com`);
   * a confidential item linked anywhere else gets a reminder. With none given, every web link does.
   */
  orgDomains?: readonly string[];
  /**
   * Criteria an upgrade removed from the template (moved to an archive sheet), by lower-cased id,
   * with that sheet's name: an action naming one is told so, not called unknown.
   */
  archived?: ReadonlyMap<string, string>;
}

/**
 * Checks an assessment workbook: ratings outside the scale (each respondent's and the agreed
 * rating, with several respondents), unanswered criteria (on the consolidated rating), grid rows that
 * do not match the template or repeat a criterion, evidence naming unknown criteria, expired
 * evidence (as of the assessment date when the workbook has one, else today: the date the coverage
 * counts from), confidential evidence linked outside the organization's storage, actions without
 * owner or due date, overdue actions. Messages are in `lang`.
 */
export function checkAssessment(wb: AssessmentWorkbook, lang: Lang, options: CheckOptions = {}): Finding[] {
  const today = startOfDay(options.today ?? new Date());
  // The coverage's reference date (scoreAssessment): an item expiring on that day still counts.
  const assessmentDate = wb.assessment.assessmentDate;
  const reference = assessmentDate ?? (options.today ? today : localToday());
  const asOf = assessmentDate ? iso(assessmentDate) : "";
  const out: Finding[] = [];
  const add = (code: CheckFindingCode, severity: Finding["severity"], where: CellRef, p: Params): void =>
    void out.push({ code, severity, where, message: findingText(code, p, lang) });
  const known = new Map<string, string>();
  for (const d of wb.template.dimensions) for (const c of d.criteria) known.set(c.id.toLowerCase(), c.id);
  const byId = criteriaById(wb.template);
  const inGrid = new Set<string>();
  // What scoring makes of each criterion, for required criteria below their target.
  const scored = new Map(scoreAssessment(wb.assessment, { today }).criteria.map((c) => [c.id.toLowerCase(), c]));

  const names = wb.respondents.map((r) => r.name);
  const firstRow = new Map<string, CellRef>();
  for (const row of wb.grid) {
    if (row.criterion === "") continue;
    inGrid.add(row.criterion.toLowerCase());
    const here = { sheet: wb.gridSheet, address: `A${row.row}` };
    const first = firstRow.get(row.criterion.toLowerCase());
    if (first) add("criterionDuplicated", "error", here, { id: row.criterion, first: `${first.sheet}!${first.address}` });
    else firstRow.set(row.criterion.toLowerCase(), here);
    if (!known.has(row.criterion.toLowerCase())) add("criterionNotInTemplate", "error", { sheet: wb.gridSheet, address: `A${row.row}` }, { id: row.criterion });
    const criterion: Partial<Criterion> = byId.get(row.criterion.toLowerCase()) ?? {};
    const scale = describeScale(answerScale(wb.template, criterion), lang);
    const required = criterion.required === true;
    // N/A typed in a required criterion's cell: said so, rather than « not a level ».
    const naRefused = (value: unknown): boolean => required && typeof value === "string" && isNaToken(value.trim());
    const r = answerOfCell(row.rating, wb.template, criterion, row.answer);
    const result = scored.get(row.criterion.toLowerCase());
    if (row.respondents.length > 1) {
      // Several respondents: each one's column and the agreed rating, then the consolidated rating.
      for (const f of respondentRowFindings(row, names, wb.template, criterion, scale, result, wb.lang, lang)) add(f.code, f.severity, f.where, f.params);
    } else if (naRefused(row.rating)) add("requiredNotApplicable", "error", row.ratingCell, { id: row.criterion, value: String(row.rating) });
    else if (r.rating.kind === "invalid") add("ratingInvalid", "error", row.ratingCell, { id: row.criterion, value: r.rating.raw, scale });
    else if (r.rating.kind === "blank" && isTextCriterion(criterion)) {
      if (r.text === "") add(required ? "requiredUnanswered" : "questionUnanswered", "warning", row.ratingCell, { id: row.criterion });
    } else if (r.rating.kind === "blank") add(required ? "requiredUnanswered" : "unanswered", "warning", row.ratingCell, { id: row.criterion });
    else if (result?.requiredNotMet && r.rating.kind === "level" && result.rating.kind === "level" && result.targetLevel !== null) {
      add("requiredBelowTarget", "warning", row.ratingCell, { id: row.criterion, value: numberText(result.rating.value, lang), target: numberText(result.targetLevel, lang) });
    }
    const ev = answerOfCell(row.evaluatorRating, wb.template, criterion);
    const evaluatorCell = row.evaluatorRatingCell ?? row.ratingCell;
    if (naRefused(row.evaluatorRating)) add("requiredNotApplicable", "error", evaluatorCell, { id: row.criterion, value: String(row.evaluatorRating) });
    else if (ev.rating.kind === "invalid") add("evaluatorRatingInvalid", "error", evaluatorCell, { id: row.criterion, value: ev.rating.raw, scale });
  }
  for (const [key, id] of known) {
    if (!inGrid.has(key)) add("criterionMissingFromGrid", "error", { sheet: wb.gridSheet, address: "A1" }, { id });
  }

  for (const e of wb.evidence ?? []) {
    const label = e.id || e.title || `#${e.row}`;
    const ids = splitCriterionIds(e.criteria);
    if (ids.length === 0) add("evidenceNoCriterion", "warning", e.criteriaCell, { evidence: label });
    for (const id of ids) {
      if (!known.has(id.toLowerCase())) add("evidenceUnknownCriterion", "error", e.criteriaCell, { evidence: label, id });
    }
    const expiry = dateOf(e.expiry ?? null);
    if (expiry && expiry < reference) add("evidenceExpired", "warning", e.expiryCell ?? e.criteriaCell, { evidence: label, date: iso(expiry), asOf });
    const host = e.location ? linkHost(e.location) : null;
    if (host && isYes(e.confidential ?? "") && !ownStorage(host, options.orgDomains ?? [])) {
      add("confidentialLink", "warning", e.locationCell ?? e.criteriaCell, { evidence: label, host });
    }
  }
  const undated: NonNullable<AssessmentWorkbook["actions"]> = [];
  for (const a of wb.actions ?? []) {
    const label = a.id || a.action || `#${a.row}`;
    const key = a.criterion.toLowerCase();
    if (a.criterion !== "" && !known.has(key)) {
      const where = a.criterionCell ?? a.rowRef;
      const sheet = options.archived?.get(key);
      if (sheet !== undefined) add("actionArchivedCriterion", "warning", where, { action: label, id: a.criterion, sheet });
      else add("actionUnknownCriterion", "error", where, { action: label, id: a.criterion });
    }
    if (a.owner === "") add("actionNoOwner", "warning", a.ownerCell ?? a.rowRef, { action: label });
    const due = dateOf(a.due);
    // The template's own actions get their dates from the assessment date: one reminder to set it, not one per row.
    if (!due && assessmentDate === null && isTemplateSource(a.source)) undated.push(a);
    else if (!due) add("actionNoDueDate", "warning", a.dueCell ?? a.rowRef, { action: label });
    else if (due < today && !CLOSED.has(a.status.toLocaleLowerCase())) add("actionOverdue", "warning", a.dueCell ?? a.rowRef, { action: label, date: iso(due) });
  }
  const firstUndated = undated[0];
  if (firstUndated) add("templateActionsUndated", "warning", firstUndated.dueCell ?? firstUndated.rowRef, { count: String(undated.length) });
  const unreviewed = unreviewedEvidence(wb);
  if (unreviewed) add("evidenceNotReviewed", "warning", unreviewed.where, unreviewed.params);
  // Process steps (`QG_Steps`) planned before today and not completed.
  for (const s of overdueSteps(wb, lang, today)) add("stepOverdue", "warning", s.where, s.params);
  return out;
}

/** Statuses that close an action, in both languages (an action closed is never overdue). */
const CLOSED = new Set(
  ACTION_STATUSES.filter((s) => s.key === "done" || s.key === "dropped").flatMap((s) => [s.text.fr, s.text.en].map((t) => t.toLocaleLowerCase())),
);

function isYes(text: string): boolean {
  const t = text.trim().toLocaleLowerCase();
  return YES_NO.some((y, i) => i === 0 && (y.fr.toLocaleLowerCase() === t || y.en.toLocaleLowerCase() === t));
}

/**
 * A date from a cell: a Date (files), Excel's serial number (Office.js reads dates so: days since
 * 1899-12-30), or ISO text; null otherwise.
 */
function dateOf(v: PlainValue): Date | null {
  if (v instanceof Date) return startOfDay(v);
  if (typeof v === "number" && v > 0 && v < 2958466) return new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000);
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v.trim())) {
    const d = new Date(`${v.trim().slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/** Today's local calendar day as a UTC day, as the workbook's `TODAY()` and the coverage take it. */
function localToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

function startOfDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The host of a web link, or null for anything else (a path on the organization's drives). */
function linkHost(location: string): string | null {
  const m = /^\s*https?:\/\/([^/\s:?#]+)/i.exec(location);
  return m?.[1] ? m[1].toLowerCase() : null;
}

function ownStorage(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => {
    const dom = d.trim().toLowerCase().replace(/^\./, "");
    return dom !== "" && (host === dom || host.endsWith(`.${dom}`));
  });
}

/** Whether an action's source is « Modèle » / "Template": one of the template's own actions. */
function isTemplateSource(source: string | undefined): boolean {
  const key = (source ?? "").trim().toLowerCase();
  return ACTION_SOURCES.some((s) => s.key === "template" && (s.text.fr.toLowerCase() === key || s.text.en.toLowerCase() === key));
}
