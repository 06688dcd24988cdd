import type { AnswerLine } from "../model/answers.parse.js";
import { answerOfCell, criteriaById } from "../model/answer.cell.js";
import { answerScale } from "../model/criterion.scale.js";
import { issueOf } from "../model/messages/message.catalog.js";
import "../model/messages/messages.merge.js";
import { RESPONDENTS_MAX, respondentNameIssue } from "../model/respondent.names.js";
import { describeScale } from "../model/scale.js";
import { replacesTemplate } from "../model/template.version.js";
import type { InputIssue, Result } from "../model/template.types.js";
import { matchKey } from "../model/text.match.js";
import type { AssessmentWorkbook, GridRowRead } from "./workbook.types.js";

/** What merging one copy does (contract §6): to whom its answers go, and what did not match. */
export interface MergeOutcome {
  /** The master's respondent the copy's answers go to (as the master spells it when it has them). */
  respondent: string;
  /** Whether that respondent is new to the master (added by the merge). */
  added: boolean;
  /** The copy's stamp ("" for an unstamped copy). */
  copyId: string;
  /** Criteria the copy answers (a rating, words or a comment), written to the respondent's column. */
  filled: number;
  /** Master criteria the copy lacks: left blank. */
  missing: string[];
  /** Copy criteria the master lacks: skipped. */
  unknown: string[];
  /** The two template versions when they differ. */
  otherVersion: { copy: string; master: string } | null;
  warnings: InputIssue[];
}

/** One criterion's answer for the respondent's column; every master criterion has one (blank where the copy has none). */
export type MergeAnswer = Pick<AnswerLine, "criterion" | "rating"> & { comment: string; text: string | null };

/** A copy planned: what it does and the whole column it writes. */
export interface MergePlan {
  outcome: MergeOutcome;
  answers: MergeAnswer[];
}

/** Whether the copy's template is the master's (same id, or one `replaces` the other). */
function sameTemplate(master: AssessmentWorkbook, copy: AssessmentWorkbook): boolean {
  const m = master.template;
  const c = copy.template;
  return m.id.toLowerCase() === c.id.toLowerCase() || replacesTemplate(m, c.id) || replacesTemplate(c, m.id);
}

/** Whether the master's answers belong to nobody named: one unnamed respondent (a grid made without `--respondents`). */
export function masterUnnamed(master: AssessmentWorkbook): boolean {
  return master.respondents.length === 1 && (master.respondents[0]?.name ?? "") === "";
}

/** Whether an unnamed master's single column holds any answer (then merging would take it from nobody to someone). */
function unnamedHasAnswers(master: AssessmentWorkbook): boolean {
  return master.assessment.criteria.some((c) => c.answers.some((a) => a.rating.kind !== "blank" || a.comment !== "" || a.text !== ""));
}

/** Whom the copy's answers go to, or why it is refused. */
function targetOf(master: AssessmentWorkbook, copy: AssessmentWorkbook, copyFile: string, masterFile: string, as: string | undefined): Result<{ name: string; added: boolean; copyId: string }> {
  const refuse = (code: string, params: Record<string, string | number>): Result<never> => ({ ok: false, issues: [issueOf(code, params, copyFile)] });
  const stamp = copy.respondents[0] ?? { name: "", copyId: "", mergedOn: null, mergedFrom: "" };
  const copyId = stamp.copyId.trim();
  const asName = as?.trim();
  if (asName === undefined && copyId === "") return refuse("merge.needsAs", { hint: stamp.name });
  const wanted = asName ?? stamp.name.trim();
  const badName = respondentNameIssue(wanted, [], asName !== undefined ? "--as" : `${copyFile}: QG_Respondents`);
  if (badName) return { ok: false, issues: [badName] };
  const named = masterUnnamed(master) ? [] : master.respondents;
  const held = named.find((r) => matchKey(r.name) === matchKey(wanted));
  // A stamped copy never replaces the column of someone who was sent another copy.
  if (held && copyId !== "" && held.copyId.trim() !== "" && held.copyId.trim() !== copyId) {
    return refuse("merge.nameTaken", { name: held.name, file: masterFile, held: held.copyId.trim(), copyId });
  }
  return { ok: true, value: { name: held?.name ?? wanted, added: held === undefined, copyId }, warnings: [] };
}

/**
 * Plans merging one copy into the master (contract §6), writing nothing: refused when the copy is a
 * grid of another template, has several respondents, is unstamped without `as`, or is stamped for a
 * respondent who was sent another copy; its answers go, matched by criterion id (case-insensitive),
 * to the respondent it is stamped for (or `as`), and REPLACE that respondent's whole column, so that
 * merging twice or in another order gives the same workbook. Another template version is a warning.
 */
export function planMerge(master: AssessmentWorkbook, copy: AssessmentWorkbook, copyFile: string, as?: string, masterFile = "the workbook"): Result<MergePlan> {
  if (!sameTemplate(master, copy)) {
    return { ok: false, issues: [issueOf("merge.otherTemplate", { copy: copy.template.id, master: master.template.id, file: masterFile }, copyFile)] };
  }
  if (copy.respondents.length > 1) {
    const names = copy.respondents.map((r) => r.name).join(", ");
    return { ok: false, issues: [issueOf("merge.severalRespondents", { count: copy.respondents.length, names }, copyFile)] };
  }
  if (masterUnnamed(master) && unnamedHasAnswers(master)) {
    return { ok: false, issues: [issueOf("merge.masterUnnamed", { file: masterFile }, masterFile)] };
  }
  const target = targetOf(master, copy, copyFile, masterFile, as);
  if (!target.ok) return target;
  const warnings: InputIssue[] = [];
  // A successor template (`replaces`) is named with its id: its version alone would mean nothing.
  const sameId = copy.template.id.toLowerCase() === master.template.id.toLowerCase();
  const named = (t: AssessmentWorkbook["template"]): string => (sameId ? t.version : `${t.id} ${t.version}`);
  const otherVersion = copy.template.version !== master.template.version || !sameId ? { copy: named(copy.template), master: named(master.template) } : null;
  if (otherVersion) warnings.push(issueOf("merge.otherVersion", otherVersion, copyFile, "warning"));
  const copyRows = new Map<string, GridRowRead>();
  for (const r of copy.grid) if (r.criterion !== "" && !copyRows.has(r.criterion.toLowerCase())) copyRows.set(r.criterion.toLowerCase(), r);
  const byId = criteriaById(master.template);
  const masterIds = new Set(master.grid.filter((r) => r.criterion !== "").map((r) => r.criterion.toLowerCase()));
  const answers: MergeAnswer[] = [];
  const missing: string[] = [];
  const issues: InputIssue[] = [];
  let filled = 0;
  for (const row of master.grid) {
    if (row.criterion === "") continue;
    const from = copyRows.get(row.criterion.toLowerCase());
    if (!from) {
      missing.push(row.criterion);
      answers.push({ criterion: row.criterion, rating: { kind: "blank" }, comment: "", text: "" });
      continue;
    }
    const criterion = byId.get(row.criterion.toLowerCase()) ?? {};
    // Read on the MASTER's scale: a copy of another version may hold a level the master's scale lacks.
    const read = answerOfCell(from.rating, master.template, criterion, from.answer);
    if (read.rating.kind === "invalid") {
      const scale = describeScale(answerScale(master.template, criterion), master.lang);
      issues.push(issueOf("merge.ratingUnreadable", { value: read.rating.raw, criterion: row.criterion, file: masterFile, scale }, `${copyFile}: ${from.ratingCell.sheet}!${from.ratingCell.address}`));
      continue;
    }
    const comment = from.comment.trim() === "" ? "" : from.comment;
    if (read.rating.kind !== "blank" || read.text !== "" || comment !== "") filled++;
    answers.push({ criterion: row.criterion, rating: read.rating, comment, text: read.text });
  }
  if (issues.length > 0) return { ok: false, issues };
  const unknown = copy.grid.filter((r) => r.criterion !== "" && !masterIds.has(r.criterion.toLowerCase())).map((r) => r.criterion);
  const outcome: MergeOutcome = { respondent: target.value.name, added: target.value.added, copyId: target.value.copyId, filled, missing, unknown, otherVersion, warnings };
  return { ok: true, value: { outcome, answers }, warnings };
}

/** One copy to merge: what was read of it, its file, and `--as`. */
export interface MergeCopy {
  copy: AssessmentWorkbook;
  file: string;
  as?: string;
}

/**
 * Plans several copies at once: every one must be accepted, no two may go to the same respondent,
 * and the respondents added must keep the master within `RESPONDENTS_MAX`; else nothing is planned.
 * Also gives the master's respondent list after the merge (the new ones at the end, in copy order).
 */
export function planMerges(master: AssessmentWorkbook, copies: readonly MergeCopy[], masterFile = "the workbook"): Result<{ plans: MergePlan[]; respondents: string[] }> {
  const issues: InputIssue[] = [];
  const plans: MergePlan[] = [];
  const seen = new Map<string, string>();
  for (const c of copies) {
    const planned = planMerge(master, c.copy, c.file, c.as, masterFile);
    if (!planned.ok) {
      issues.push(...planned.issues);
      continue;
    }
    const key = matchKey(planned.value.outcome.respondent);
    const first = seen.get(key);
    if (first !== undefined) issues.push(issueOf("merge.twoCopies", { name: planned.value.outcome.respondent, first, second: c.file }, c.file));
    else seen.set(key, c.file);
    plans.push(planned.value);
  }
  if (issues.length > 0) return { ok: false, issues };
  const kept = masterUnnamed(master) ? [] : master.respondents.map((r) => r.name);
  const respondents = [...kept, ...plans.filter((p) => p.outcome.added).map((p) => p.outcome.respondent)];
  if (respondents.length > RESPONDENTS_MAX) {
    return { ok: false, issues: [issueOf("merge.tooMany", { count: respondents.length, max: RESPONDENTS_MAX }, masterFile)] };
  }
  return { ok: true, value: { plans, respondents }, warnings: plans.flatMap((p) => p.outcome.warnings) };
}
