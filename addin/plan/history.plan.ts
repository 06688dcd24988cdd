import { serialOfDay } from "../model/date.serial.js";
import { historyItemRows } from "../model/history.canonical.js";
import { OVERALL_ROW, type HistoryRating, type RoundFigures, type RoundRecord } from "../model/history.types.js";
import { naDisplayToken } from "../model/scale.js";
import { textOf } from "../model/text.js";
import type { Lang, Template } from "../model/template.types.js";
import { columnsOf, FORMATS, type ColumnSpec } from "./columns.js";
import { HEADERS, SHEET_NAMES, TEXTS, type HistoryItemsKey, type HistoryKey } from "./labels.js";
import { TABLES } from "./names.js";
import type { BlockCell, PlanOptions, PlanValue, SheetPlan, TablePlan } from "./plan.types.js";
import { withPrint } from "./print.plan.js";
import { withRowHeights } from "./row.heights.js";

/*
 * The columns, in order (keys of HEADERS.history / HEADERS.historyItems, labels.ts):
 * QG_History — round (« N° du cycle »: 1 for the oldest; the dashboard's formulas look rounds up by
 *   it, never by their free-text label), label, date (closing day, yyyy-mm-dd), templateId, version,
 *   dimension (an id, or « (ensemble) » / "(overall)"), score, target, gap, answered, notApplicable,
 *   total, completion, evidenceCoverage, requiredNotMet, toDiscuss, reviewedCoverage, the evaluator's
 *   score, gap, answered (blank only when the round had no evaluator), both, within, mean difference,
 *   then check (12 hex) and fingerprint (64 hex), both grey and out of the print area.
 * QG_HistoryItems — label, criterion, respondent (blank for the unnamed one), rating (a value, the
 *   N/A token, or blank), answer (a text question's words; always present, blank for a rating
 *   criterion, so that the layout does not depend on the template), comment, then on a criterion's first row only: dimension, consolidated (c),
 *   score (100 × s), evaluator (e), agreedReason, evaluatorComment; then check.
 */

/** Row of `QG_History`'s header; rows above hold the title and the help line. */
export const HISTORY_HEADER_ROW = 4;
/** Empty rows between `QG_History` and the title of `QG_HistoryItems` below it. */
const GAP_ROWS = 2;

/** The closed rounds of a plan, oldest first; empty when it has none. */
export function planHistory(options: Pick<PlanOptions, "history">): readonly RoundRecord[] {
  return options.history ?? [];
}

/** Whether a plan has closed rounds: the history sheet, the grid's previous-round columns, the dashboard's changes. */
export function hasHistory(options: Pick<PlanOptions, "history">): boolean {
  return planHistory(options).length > 0;
}

/** The dimension cell of a round's overall row in `lang`: « (ensemble) » / "(overall)". */
export function overallRowLabel(lang: Lang): string {
  return TEXTS.historyOverall[lang];
}

/** A history rating as a cell shows it: the level's value, the workbook's N/A token, or blank. */
export function historyRatingCell(r: HistoryRating, lang: Lang): PlanValue {
  return r === "na" ? naDisplayToken(lang) : r;
}

const FIGURE_SPECS: Record<HistoryKey, ColumnSpec> = {
  round: { width: 8 },
  label: { width: 12 },
  date: { width: 11, numFmt: FORMATS.date },
  templateId: { width: 14 },
  version: { width: 8 },
  dimension: { width: 12 },
  score: { width: 8, numFmt: FORMATS.score },
  target: { width: 8, numFmt: FORMATS.score },
  gap: { width: 8, numFmt: FORMATS.score },
  answered: { width: 8 },
  notApplicable: { width: 8 },
  total: { width: 8 },
  completion: { width: 10, numFmt: FORMATS.percent },
  evidenceCoverage: { width: 11, numFmt: FORMATS.percent },
  requiredNotMet: { width: 9 },
  toDiscuss: { width: 9 },
  reviewedCoverage: { width: 10, numFmt: FORMATS.percent },
  evaluatorScore: { width: 10, numFmt: FORMATS.score },
  evaluatorGap: { width: 10, numFmt: FORMATS.score },
  evaluatorAnswered: { width: 10 },
  evaluatorBoth: { width: 10 },
  evaluatorWithin: { width: 10, numFmt: FORMATS.percent },
  evaluatorMeanDiff: { width: 10, numFmt: "0.00" },
  // The checks are for `check`, not for a reader: grey, and left out of the print area.
  check: { width: 14, style: "helper" },
  fingerprint: { width: 20, style: "helper" },
};

const ITEM_SPECS: Record<HistoryItemsKey, ColumnSpec> = {
  label: { width: 12 },
  criterion: { width: 10 },
  respondent: { width: 16 },
  rating: { width: 10 },
  answer: { width: 36, wrap: true },
  comment: { width: 36, wrap: true },
  dimension: { width: 12 },
  consolidated: { width: 11, numFmt: "0.00" },
  score: { width: 9, numFmt: FORMATS.score },
  evaluator: { width: 11 },
  agreedReason: { width: 28, wrap: true },
  evaluatorComment: { width: 28, wrap: true },
  check: { width: 14, style: "helper" },
};

/** A `QG_History` row's values by key. */
function figuresValues(round: RoundRecord, n: number, f: RoundFigures, check: string | undefined, lang: Lang): Record<HistoryKey, PlanValue> {
  const e = f.evaluator;
  return {
    round: n,
    label: round.label,
    date: serialOfDay(round.date),
    templateId: round.templateId,
    version: round.version,
    dimension: f.dimension === OVERALL_ROW ? overallRowLabel(lang) : f.dimension,
    score: f.score,
    target: f.target,
    gap: f.gap,
    answered: f.answered,
    notApplicable: f.notApplicable,
    total: f.total,
    completion: f.completion,
    evidenceCoverage: f.evidenceCoverage,
    requiredNotMet: f.requiredNotMet,
    toDiscuss: f.toDiscuss,
    reviewedCoverage: f.reviewedCoverage,
    evaluatorScore: e?.score ?? null,
    evaluatorGap: e?.gap ?? null,
    evaluatorAnswered: e ? e.answered : null,
    evaluatorBoth: e ? e.both : null,
    evaluatorWithin: e?.withinTolerance ?? null,
    evaluatorMeanDiff: e?.meanAbsDiff ?? null,
    check: check ?? null,
    fingerprint: round.fingerprint || null,
  };
}

/**
 * `QG_History`: per closed round (oldest first, numbered from 1, the number the dashboard's
 * formulas look rounds up by) one row per dimension in the round's order, then its overall row
 * (« (ensemble) »); every figure of `score --json` as a value, the row's check and the round's
 * fingerprint. Null without history.
 */
export function historyTable(options: PlanOptions): TablePlan | null {
  const history = planHistory(options);
  if (history.length === 0) return null;
  const { lang } = options;
  const columns = columnsOf(HEADERS.history, FIGURE_SPECS, lang);
  const rows = history.flatMap((round, i) =>
    round.figures.map((f, k) => {
      const values = figuresValues(round, i + 1, f, round.rowChecks?.figures[k], lang);
      return columns.map((c) => values[c.key as HistoryKey]);
    }),
  );
  return { name: TABLES.history, top: HISTORY_HEADER_ROW, left: 1, columns, rows, style: "TableStyleLight15" };
}

/**
 * `QG_HistoryItems`: per closed round, criterion and respondent the rating (the workbook's N/A
 * token for N/A), a text question's words and the comment; on a criterion's first row its consolidated rating, score,
 * evaluator's rating, agreed reason and evaluator's comment (`historyItemRows`), and each row's check.
 */
export function historyItemsTable(options: PlanOptions, top: number): TablePlan | null {
  const history = planHistory(options);
  if (history.length === 0) return null;
  const { lang } = options;
  const columns = columnsOf(HEADERS.historyItems, ITEM_SPECS, lang);
  const rows = history.flatMap((round) =>
    historyItemRows(round).map((row, k) => {
      const c = row.criterion;
      const values: Record<HistoryItemsKey, PlanValue> = {
        label: round.label,
        criterion: row.criterionId,
        respondent: row.answer.respondent || null,
        rating: historyRatingCell(row.answer.rating, lang),
        answer: row.answer.answer || null,
        comment: row.answer.comment || null,
        dimension: c?.dimension ?? null,
        consolidated: c ? historyRatingCell(c.consolidated, lang) : null,
        score: c?.score ?? null,
        evaluator: c ? historyRatingCell(c.evaluator, lang) : null,
        agreedReason: c?.agreedReason || null,
        evaluatorComment: c?.evaluatorComment || null,
        check: round.rowChecks?.items[k] ?? null,
      };
      return columns.map((col) => values[col.key as HistoryItemsKey]);
    }),
  );
  return { name: TABLES.historyItems, top, left: 1, columns, rows, style: "TableStyleLight15" };
}

/** Where `QG_HistoryItems` starts below `QG_History` (its title is on the row above its header). */
export function historyItemsTop(figureRows: number): number {
  return HISTORY_HEADER_ROW + figureRows + GAP_ROWS + 2;
}

/**
 * The « Historique » / "History" sheet (design.md "Rounds, comparison and report"): `QG_History`
 * above `QG_HistoryItems`, values only, protected (a closed round is not edited), printed like the
 * others; null when the plan has no closed round.
 */
export function historySheet(template: Template, options: PlanOptions): SheetPlan | null {
  const figures = historyTable(options);
  if (!figures) return null;
  const itemsTop = historyItemsTop(figures.rows.length);
  const items = historyItemsTable(options, itemsTop);
  if (!items) return null;
  const { lang } = options;
  const widths: Record<number, number> = {};
  // The two tables share the sheet's columns: each column as wide as the wider of them needs.
  for (const t of [figures, items]) t.columns.forEach((c, i) => (widths[t.left + i] = Math.max(widths[t.left + i] ?? 0, c.width)));
  const cells: BlockCell[] = [
    { row: 1, col: 1, value: `${textOf(template.title, lang)} — ${TEXTS.historySubtitle[lang]}`, style: "title" },
    { row: 2, col: 1, value: TEXTS.historyHelp[lang], style: "note" },
    { row: itemsTop - 1, col: 1, value: TEXTS.historyItemsTitle[lang], style: "subtitle" },
  ];
  return withPrint(
    {
      key: "history",
      name: SHEET_NAMES.history[lang],
      tabColor: "595959",
      widths,
      cells,
      tables: [withRowHeights(figures), withRowHeights(items)],
      freeze: { rows: HISTORY_HEADER_ROW, cols: 2 },
      protect: true,
      conditionalFormats: [],
    },
    HISTORY_HEADER_ROW,
  );
}
