import { LISTED_ISSUES } from "../../model/answers.parse.js";
import { issueOf } from "../../model/messages/message.catalog.js";
import { reviewCliText, type ReviewCliMessageCode } from "../../model/messages/messages.cli.review.js";
import "../../model/messages/messages.issues.js";
import type { AnswerLine } from "../../model/answers.parse.js";
import { parseEvaluatorRatingsCsv, parseEvidenceReviewCsv, parseRecommendationsCsv, type EvidenceReviewLine, type RecommendationLine } from "../../model/review.parse.js";
import type { InputIssue, Result } from "../../model/template.types.js";
import type { AssessmentWorkbook } from "../../workbook/workbook.types.js";
import { saveWorkbook } from "../../xlsx/xlsx.io.js";
import { appendRecommendations, fillEvaluator, fillEvidenceReviews } from "../../xlsx/xlsx.review.js";
import { BadInput, EXIT, outputTarget, readInputFile, writeFileAtomic, type CliIo } from "../cli.io.js";
import { langOf } from "../cli.lang.js";
import { cliIssue, printable, printWarnings, say } from "../cli.print.js";
import { decodeTextFile } from "../csv.decode.js";
import { openAssessment } from "../workbook.open.js";

/** The options of `qualigrid review`. */
export interface ReviewOptions {
  answers?: string;
  evidence?: string;
  recommendations?: string;
  by?: string;
  output?: string;
  overwrite?: boolean;
  json?: boolean;
}

/**
 * `qualigrid review <file.xlsx> [--answers review.csv] [--evidence evidence.csv]
 * [--recommendations reco.csv] [--by NAME] [-o out.xlsx] [--json]`: writes the external evaluator's
 * ratings and comments, evidence review and recommendations (design.md "The evaluator"). Every file
 * is read and checked before anything is written, every problem reported at once; the workbook is
 * replaced in one write, and not at all when no cell changes.
 */
export async function reviewCommand(io: CliIo, file: string, opts: ReviewOptions): Promise<number> {
  if (opts.answers === undefined && opts.evidence === undefined && opts.recommendations === undefined) {
    throw new BadInput([reviewIssue("cli.review.nothingGiven", "review")]);
  }
  const target = await outputTarget(file, opts.output, opts.overwrite);
  const { workbook, assessment } = await openAssessment(file, io);
  const issues: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  const take = <T>(r: Result<T> | null): T | null => {
    if (r === null) return null;
    if (!r.ok) {
      issues.push(...r.issues);
      return null;
    }
    warnings.push(...r.warnings);
    return r.value;
  };
  const ratings = opts.answers === undefined ? null : take(await readRatings(assessment, file, opts.answers));
  const evidence = opts.evidence === undefined ? null : take(await readEvidence(assessment, file, opts.evidence));
  const recommendations = opts.recommendations === undefined ? null : take(await readRecommendations(assessment, file, opts.recommendations));
  if (issues.length > 0) throw new BadInput(issues);
  printWarnings(io, warnings);

  let changed = 0;
  const rated = ratings ? fillEvaluator(workbook, assessment, ratings) : { filled: 0, cellsChanged: 0 };
  changed += rated.cellsChanged;
  const by = opts.by?.trim();
  const reviewed = evidence ? fillEvidenceReviews(workbook, assessment, evidence, by ? { reviewer: by } : {}) : { filled: 0, cellsChanged: 0 };
  changed += reviewed.cellsChanged;
  let added = 0;
  if (recommendations) {
    const appended = appendRecommendations(workbook, assessment, recommendations);
    if (!appended.ok) {
      const code = appended.code === "protected" ? "cli.review.protected" : "cli.review.noActionPlan";
      throw new BadInput([reviewIssue(code, file, { file, detail: appended.detail })]);
    }
    added = appended.added;
    changed += added;
  }
  const written = changed > 0;
  if (written) await writeFileAtomic(target, await saveWorkbook(workbook), io);
  if (opts.json) {
    io.out(JSON.stringify({ file: written ? target : null, ratings: rated.filled, evidence: reviewed.filled, recommendations: added, cellsChanged: changed - added }, null, 2));
    return EXIT.ok;
  }
  if (!written) {
    say(io, "cli.write.unchanged", { file });
    return EXIT.ok;
  }
  io.out(reviewCliText("cli.review.done", langOf(io), { file: printable(target), ratings: rated.filled, evidence: reviewed.filled, recommendations: added }));
  return EXIT.ok;
}

/** A problem of `review`'s own, worded by the catalogue. */
function reviewIssue(code: ReviewCliMessageCode, path: string, params: Record<string, string | number> = {}): InputIssue {
  return issueOf(code, params, path);
}

/** The text of a CSV file given to `review`, its encoding detected. */
async function csvText(csv: string): Promise<Result<string>> {
  const decoded = decodeTextFile(await readInputFile(csv), csv);
  return decoded.ok ? { ok: true, value: decoded.value.text, warnings: [] } : decoded;
}

/** `--answers`: the evaluator's ratings, for criteria of the grid that has the evaluator's column. */
async function readRatings(a: AssessmentWorkbook, file: string, csv: string): Promise<Result<AnswerLine[]>> {
  if (!a.grid.some((r) => r.evaluatorRatingCell !== null)) return { ok: false, issues: [reviewIssue("cli.review.noEvaluatorColumns", file, { file })] };
  const text = await csvText(csv);
  if (!text.ok) return text;
  const parsed = parseEvaluatorRatingsCsv(text.value, csv, a.template);
  if (!parsed.ok) return parsed;
  const inGrid = new Set(a.grid.map((r) => r.criterion.toLowerCase()));
  const missing: InputIssue[] = [];
  let unlisted = 0;
  for (const l of parsed.value) {
    if (inGrid.has(l.criterion.toLowerCase())) continue;
    if (missing.length < LISTED_ISSUES) missing.push(cliIssue("cli.fill.notInGrid", `${csv}:${l.line}`, { criterion: l.criterion, file }));
    else unlisted++;
  }
  if (unlisted > 0) missing.push(issueOf("issues.more", { count: unlisted }, csv));
  return missing.length > 0 ? { ok: false, issues: missing } : parsed;
}

/**
 * `--evidence`: the review of evidence rows by id. A register without review columns is refused with
 * what to do; rows without an id are never guessed at: an unknown id is told how to give them one.
 */
async function readEvidence(a: AssessmentWorkbook, file: string, csv: string): Promise<Result<EvidenceReviewLine[]>> {
  const rows = a.evidence ?? [];
  if (a.evidence === null || (rows.length > 0 && !rows.some((e) => e.review?.statusCell))) {
    return { ok: false, issues: [reviewIssue("cli.review.noReviewColumns", file, { file })] };
  }
  const text = await csvText(csv);
  if (!text.ok) return text;
  const parsed = parseEvidenceReviewCsv(text.value, csv, rows.map((e) => e.id));
  // Rows without an id cannot be named: said how to give them one, when the file names one it cannot find.
  const noId = rows.filter((e) => e.id === "");
  if (parsed.ok || noId.length === 0 || !parsed.issues.some((i) => i.code === "review.evidenceUnknown")) return parsed;
  const cells = noId.slice(0, 10).map((e) => `${e.criteriaCell.sheet}!${e.criteriaCell.address}`);
  if (noId.length > 10) cells.push("…");
  return { ok: false, issues: [...parsed.issues, reviewIssue("cli.review.evidenceWithoutId", file, { file, count: noId.length, cells: cells.join(", ") })] };
}

/** `--recommendations`: the evaluator's recommendations, for the workbook's action plan. */
async function readRecommendations(a: AssessmentWorkbook, file: string, csv: string): Promise<Result<RecommendationLine[]>> {
  const text = await csvText(csv);
  if (!text.ok) return text;
  const parsed = parseRecommendationsCsv(text.value, csv, a.template);
  if (parsed.ok && a.actions === null) return { ok: false, issues: [reviewIssue("cli.review.noActionPlan", file, { file, detail: "QG_Actions" })] };
  return parsed;
}
