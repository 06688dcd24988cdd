import { criteriaById } from "./answer.cell.js";
import { parseAnswersCsv, type AnswerLine } from "./answers.parse.js";
import { isTextCriterion } from "./criterion.scale.js";
import { readCsvLines, type CsvColumns, type CsvLine } from "./csv.records.js";
import { EXCEL_LIMITS } from "./excel.limits.js";
import { issueOf } from "./messages/message.catalog.js";
import "./messages/messages.review.js";
import { reviewStatusOfText, type ReviewStatus } from "./review.status.js";
import { dayOfIsoText } from "./settings.js";
import type { InputIssue, Result, Template } from "./template.types.js";

/** One line of `evidence.csv`, understood: the evaluator's review of one evidence row. */
export interface EvidenceReviewLine {
  /** The evidence id as the register spells it. */
  evidence: string;
  /** The verdict; null for a blank status (not reviewed). */
  status: ReviewStatus | null;
  /** The reviewer's note, or null when the file has no note column (notes are then left as they are). */
  note: string | null;
  line: number;
}

/** One line of `reco.csv`: a recommendation of the evaluator for a criterion. */
export interface RecommendationLine {
  /** The criterion id as the template spells it. */
  criterion: string;
  recommendation: string;
  /** The due date (a UTC day), or null when blank. */
  due: Date | null;
  line: number;
}

/**
 * Reads the evaluator's ratings (`review.csv`: `criterion,rating,comment`) as an answers file is
 * read — same header names, ratings, messages and line numbers —, refusing a rating in words for a
 * question answered in words (the evaluator does not rate those; N/A and a comment are accepted).
 */
export function parseEvaluatorRatingsCsv(text: string, file: string, template: Template): Result<AnswerLine[]> {
  const read = parseAnswersCsv(text, file, template);
  if (!read.ok) return read;
  const byId = criteriaById(template);
  const issues: InputIssue[] = read.value.flatMap((l) =>
    isTextCriterion(byId.get(l.criterion.toLowerCase()) ?? {}) && l.rating.kind !== "na" && (l.text ?? "").trim() !== ""
      ? [issueOf("review.textQuestion", { file, line: l.line, id: l.criterion }, `${file}:${l.line}`)]
      : [],
  );
  if (issues.length > 0) return { ok: false, issues };
  // What an answers file reads as a text question's words is not the evaluator's: it is left out above.
  return { ok: true, value: read.value.map((l) => ({ ...l, text: null })), warnings: read.warnings };
}

const EVIDENCE_COLUMNS: CsvColumns<"evidence" | "status" | "note"> = {
  names: {
    evidence: ["evidence", "preuve", "code", "id", "evidenceid", "codepreuve", "codedelapreuve"],
    status: ["status", "statut", "reviewstatus", "statutdelarevue", "statutrevue"],
    note: ["note", "reviewnote", "notes", "avis", "avisevaluateur", "evaluatornote", "comment", "commentaire"],
  },
  required: ["evidence", "status"],
  expected: "evidence,status,note (preuve;statut;note)",
};

/**
 * Reads the evaluator's evidence review (`evidence.csv`: `evidence,status,note`, French or English
 * headers) against the register's ids (matched ignoring case): statuses Acceptée / À compléter /
 * Manquante or Accepted / To complete / Missing, case and accents ignored, blank = not reviewed.
 * Every problem is reported at once with `file:line`: unknown or repeated evidence, unknown status.
 */
export function parseEvidenceReviewCsv(text: string, file: string, evidenceIds: readonly string[]): Result<EvidenceReviewLine[]> {
  const ids = new Map<string, string>();
  for (const id of evidenceIds) if (id.trim() !== "" && !ids.has(id.trim().toLowerCase())) ids.set(id.trim().toLowerCase(), id.trim());
  const seen = new Map<string, number>();
  const out: EvidenceReviewLine[] = [];
  const read = readCsvLines(text, file, EVIDENCE_COLUMNS, (l) => {
    const raw = (l.value("evidence") ?? "").trim();
    if (raw === "") return l.report("review.evidenceEmpty");
    const id = ids.get(raw.toLowerCase());
    if (id === undefined) return l.report("review.evidenceUnknown", { id: raw });
    const first = seen.get(id.toLowerCase());
    if (first !== undefined) return l.report("review.evidenceTwice", { id, first });
    seen.set(id.toLowerCase(), l.line);
    const word = (l.value("status") ?? "").trim();
    const status = word === "" ? null : reviewStatusOfText(word);
    if (word !== "" && status === null) return l.report("review.statusUnknown", { id, value: word });
    const note = l.value("note");
    if (!fits(l, id, "note", note)) return;
    out.push({ evidence: id, status, note, line: l.line });
  });
  return read.ok ? { ok: true, value: out, warnings: [] } : read;
}

const RECOMMENDATION_COLUMNS: CsvColumns<"criterion" | "recommendation" | "due"> = {
  names: {
    criterion: ["critere", "criterion", "code", "id", "codecritere", "codeducritere", "criterionid", "criterioncode"],
    recommendation: ["recommendation", "recommandation", "recommendations", "recommandations"],
    due: ["due", "duedate", "echeance", "datedecheance", "deadline"],
  },
  required: ["criterion", "recommendation"],
  expected: "criterion,recommendation,due (critère;recommandation;échéance)",
};

/**
 * Reads the evaluator's recommendations (`reco.csv`: `criterion,recommendation,due`): a criterion
 * of the template (ids matched ignoring case; several recommendations may name one criterion), the
 * recommendation's text, and a due date as YYYY-MM-DD or blank.
 */
export function parseRecommendationsCsv(text: string, file: string, template: Template): Result<RecommendationLine[]> {
  const byId = criteriaById(template);
  const out: RecommendationLine[] = [];
  const read = readCsvLines(text, file, RECOMMENDATION_COLUMNS, (l) => {
    const raw = (l.value("criterion") ?? "").trim();
    if (raw === "") return l.report("answers.criterionEmpty");
    const criterion = byId.get(raw.toLowerCase());
    if (!criterion) return l.report("answers.criterionUnknown", { id: raw, template: template.id });
    const id = criterion.id;
    const recommendation = (l.value("recommendation") ?? "").trim();
    if (recommendation === "") return l.report("review.recommendationEmpty", { id });
    if (!fits(l, id, "recommendation", recommendation)) return;
    const dueText = (l.value("due") ?? "").trim();
    const due = dueText === "" ? null : dayOfIsoText(dueText);
    if (dueText !== "" && due === null) return l.report("review.dueNotADate", { id, value: dueText });
    out.push({ criterion: id, recommendation, due, line: l.line });
  });
  return read.ok ? { ok: true, value: out, warnings: [] } : read;
}

/** Whether a text fits in a cell; reported on its line when it does not. */
function fits<C extends string>(l: CsvLine<C>, id: string, role: string, text: string | null): boolean {
  if (text === null || text.length <= EXCEL_LIMITS.cellText) return true;
  l.report("review.textTooLong", { id, role, length: text.length, limit: EXCEL_LIMITS.cellText });
  return false;
}
