import type ExcelJS from "exceljs";
import type { HistoryRating, RoundCloseOptions, RoundRecord } from "../model/history.types.js";
import { issueOf } from "../model/messages/message.catalog.js";
import { confirmedBy, toConfirmText } from "../model/messages/messages.round.js";
import type { TextDigest } from "../model/seal.canonical.js";
import { naDisplayToken, type Rating } from "../model/scale.js";
import { matchKey } from "../model/text.match.js";
import type { InputIssue, Lang, Result } from "../model/template.types.js";
import { HEADERS } from "../plan/labels.js";
import { TABLES } from "../plan/names.js";
import type { SealRecord } from "../plan/seal.plan.js";
import { scoreAssessment } from "../scoring/assessment.score.js";
import { roundRecordOf } from "../scoring/round.record.js";
import type { AssessmentWorkbook, CellRef, GridRowRead } from "../workbook/workbook.types.js";
import { readQualigridWorkbook } from "./xlsx.read.js";
import { writeRespondentFields } from "./xlsx.respondents.record.js";
import { dropSeal, readWorkbookSeal } from "./xlsx.seal.js";
import { findQualigridTables } from "./xlsx.tables.js";
import { upgradeWorkbook } from "./xlsx.upgrade.js";

/** The longest round label taken: it goes into the report's page header, which Excel caps at 255 characters. */
export const ROUND_LABEL_MAX = 40;

/** What closing a round made: the next round's workbook, the round recorded, and what the new round starts with. */
export interface RoundClosed {
  workbook: ExcelJS.Workbook;
  round: RoundRecord;
  /** Ratings carried as « à confirmer » (`keepRatings`); 0 otherwise. */
  carried: number;
  /** The seal of the closed round, which the new round does not carry; null when it had none. */
  seal: SealRecord | null;
}

/**
 * Closes the round of a loaded Qualigrid workbook (design.md "Rounds, comparison and report"): the
 * round is recorded (`roundRecordOf` over `scoreAssessment`, the figures `score --json` prints) and
 * the workbook re-rendered with it added to its history (`upgradeWorkbook`, the one rewrite path:
 * evidence, actions, steps, settings, targets, user sheets and charts carried). On the new workbook
 * every respondent's rating, comment and words, the agreed rating and reason and the evaluator's
 * rating and comment are blank; with `keepRatings` each respondent's rating is their own previous
 * one (levels and N/A), named in « À confirmer ». A text question's words are blank too: the
 * history holds them (`QG_HistoryItems`' « Réponse »). The evidence review columns are blank, the seal
 * (the closed round's) is dropped, and `QG_Respondents` keeps the names without copy ids or merge
 * records (a new round gets new copies). Refused, naming what exists, when the label is taken
 * (case-insensitively) or the date is before the last round's. `old` is not modified.
 */
export async function closeRound(old: ExcelJS.Workbook, a: AssessmentWorkbook, options: RoundCloseOptions, digest: TextDigest, file = ""): Promise<Result<RoundClosed>> {
  const history = a.history ?? [];
  const date = utcDay(options.date ?? new Date());
  const label = roundLabel(options.label, date, history, file);
  if (!label.ok) return label;
  const last = history[history.length - 1];
  if (last && date.getTime() < utcDay(last.date).getTime()) {
    return refused(issueOf("round.dateBefore", { date: dayText(date), label: last.label, last: dayText(last.date) }, file === "" ? "--date" : `${file}: --date`));
  }
  const round = await roundRecordOf(a, scoreAssessment(a.assessment), label.value, date, digest);
  const made = await upgradeWorkbook(old, a, a.template, { history: [...history, round] });
  if (!made.ok) return made;
  const wb = made.value.workbook;
  const sealed = readWorkbookSeal(old);
  // The seal vouches for the closed round's entries, which the history now holds: the new round answers to none.
  dropSeal(wb);
  const read = readQualigridWorkbook(wb, file);
  if (!read.ok) throw new Error(`the next round's workbook cannot be read back: ${read.issues.map((i) => i.message).join("; ")}`);
  const next = read.value;
  const ws = wb.getWorksheet(next.gridSheet);
  if (!ws) throw new Error(`sheet ${next.gridSheet} vanished after the close`);
  const blank = (ref: CellRef | null | undefined): void => {
    const cell = ref ? wb.getWorksheet(ref.sheet)?.getCell(ref.address) : undefined;
    if (cell) cell.value = null;
  };
  const confirm = toConfirmColumn(wb);
  let carried = 0;
  for (const row of next.grid) {
    // Ratings, a text question's words and comments: the history holds them all, the new round starts blank.
    for (const c of row.respondents) [c.ratingCell, c.answerCell, c.commentCell].forEach(blank);
    [row.agreedCell, row.agreedReasonCell, row.evaluatorRatingCell, row.evaluatorCommentCell].forEach(blank);
    if (!options.keepRatings) continue;
    const names = keepRow(ws, next, row, round);
    carried += names.length;
    if (confirm && names.length > 0) ws.getCell(row.row, confirm).value = toConfirmText(names, next.lang);
  }
  for (const e of next.evidence ?? []) {
    const r = e.review;
    if (r) [r.statusCell, r.noteCell, r.dateCell, r.reviewerCell].forEach(blank);
  }
  // A new round gets new copies: the names stay, the copy ids and merge records of the closed round go.
  for (const r of next.respondents)
    if (r.name !== "")
      writeRespondentFields(wb, r.name, {
        copyId: "",
        mergedOn: null,
        mergedFrom: "",
      });
  return {
    ok: true,
    value: {
      workbook: wb,
      round,
      carried,
      seal: sealed.kind === "sealed" ? sealed.record : null,
    },
    warnings: [...unreadableEntries(a, file), ...made.warnings],
  };
}

/**
 * The ratings the closed round could not read (a word that is no level, a value off the scale):
 * the history keeps them blank, as the scores counted them, so each is named, with its cell.
 */
function unreadableEntries(a: AssessmentWorkbook, file: string): InputIssue[] {
  const answers = new Map(a.assessment.criteria.map((c) => [c.criterion.toLowerCase(), c]));
  const out: InputIssue[] = [];
  const warn = (rating: Rating | undefined, cell: CellRef | null | undefined, criterion: string): void => {
    if (rating?.kind !== "invalid" || !cell) return;
    const where = `${cell.sheet}!${cell.address}`;
    out.push(issueOf("round.unreadable", { criterion, value: rating.raw }, file === "" ? where : `${file}: ${where}`, "warning"));
  };
  for (const row of a.grid) {
    const given = answers.get(row.criterion.toLowerCase());
    if (!given) continue;
    row.respondents.forEach((cells, k) => {
      warn(given.answers[k]?.rating, cells.ratingCell, row.criterion);
    });
    warn(given.agreed?.rating, row.agreedCell, row.criterion);
    warn(given.evaluator?.rating, row.evaluatorRatingCell, row.criterion);
  }
  return out;
}

/**
 * Writes into `row` each respondent's own rating of the closed round (a level as its number, N/A
 * as the workbook's token; a blank stays blank) and returns the names of those whose rating was
 * carried ("" for the unnamed respondent), in the workbook's order.
 */
function keepRow(ws: ExcelJS.Worksheet, a: AssessmentWorkbook, row: GridRowRead, round: RoundRecord): string[] {
  const names: string[] = [];
  const criterion = row.criterion.toLowerCase();
  row.respondents.forEach((cells, k) => {
    const name = a.respondents[k]?.name ?? "";
    const answer = round.answers.find((x) => x.criterion.toLowerCase() === criterion && matchKey(x.respondent) === matchKey(name));
    const value = ratingValue(answer?.rating ?? null, a.lang);
    if (value === null) return;
    ws.getCell(cells.ratingCell.address).value = value;
    names.push(name);
  });
  return names;
}

/** A history rating as a grid cell holds it: a level's number, N/A's token in `lang`, or null. */
function ratingValue(r: HistoryRating, lang: Lang): number | string | null {
  return r === null ? null : r === "na" ? naDisplayToken(lang) : r;
}

/** The round's label: given (spaces tidied, NFC) or the date's year; refused when empty, too long, or already a round's. */
function roundLabel(given: string | undefined, date: Date, history: readonly RoundRecord[], file: string): Result<string> {
  const path = file === "" ? "--label" : `${file}: --label`;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (given !== undefined && /[\u0000-\u001f\u007f-\u009f]/u.test(given)) return refused(issueOf("round.labelControl", {}, path));
  const label = (given ?? String(date.getUTCFullYear())).replace(/\s+/gu, " ").trim().normalize("NFC");
  if (label === "") return refused(issueOf("round.labelEmpty", {}, path));
  if (label.length > ROUND_LABEL_MAX) return refused(issueOf("round.labelTooLong", { length: label.length, limit: ROUND_LABEL_MAX }, path));
  const taken = new Set(history.map((r) => r.label.toLocaleLowerCase("fr")));
  if (!taken.has(label.toLocaleLowerCase("fr"))) return { ok: true, value: label, warnings: [] };
  let n = 2;
  while (taken.has(`${label}-${n}`.toLocaleLowerCase("fr"))) n++;
  return refused(
    issueOf(
      "round.labelTaken",
      {
        label,
        labels: history.map((r) => r.label).join(", "),
        suggestion: `${label}-${n}`,
      },
      path,
    ),
  );
}

function refused<T>(issue: InputIssue): Result<T> {
  return { ok: false, issues: [issue] };
}

/** The day of `d` at midnight UTC. */
function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** A UTC day as `YYYY-MM-DD`. */
export function dayText(d: Date): string {
  return utcDay(d).toISOString().slice(0, 10);
}

/** The sheet column of the grid's « À confirmer » (either language), or null when the grid has none (no history yet). */
export function toConfirmColumn(wb: ExcelJS.Workbook): number | null {
  const grid = findQualigridTables(wb).get(TABLES.grid.toLowerCase());
  if (!grid) return null;
  const wanted = new Set([HEADERS.grid.toConfirm.fr, HEADERS.grid.toConfirm.en].map((h) => h.toLowerCase()));
  const i = grid.headers.findIndex((h) => wanted.has(h.toLowerCase()));
  return i < 0 ? null : grid.left + i;
}

/**
 * Takes `respondent` out of a grid row's « À confirmer » `cell` (found with `toConfirmColumn`): they
 * rated the criterion again. Returns whether the cell changed.
 */
export function clearToConfirm(cell: ExcelJS.Cell, respondent: string): boolean {
  const held = typeof cell.value === "string" ? cell.value : "";
  if (held === "") return false;
  const left = confirmedBy(held, respondent);
  if (left === held) return false;
  cell.value = left;
  return true;
}
