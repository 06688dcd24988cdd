import { columnLetter } from "../model/cell.address.js";
import type { Lang } from "../model/template.types.js";
import { headerOf, type ColumnSpec } from "./columns.js";
import { f, str, thisRow, wholeColumn } from "./formula.js";
import { hasHistory, overallRowLabel, planHistory } from "./history.plan.js";
import { HEADERS, TEXTS, type HistoryKey, type ScoresKey } from "./labels.js";
import { NAMES, TABLES } from "./names.js";
import type { BlockCell, ColumnPlan, NamePlan, PlanOptions, PlanValue } from "./plan.types.js";

/** A change in points, signed: « +4.2 », « −3.0 », « 0.0 ». */
export const CHANGE_FORMAT = "+0.0;-0.0;0.0";

/** Rows of the dashboard's rounds block: its title on the overall block's title row, its figures below. */
const ROUNDS_TITLE_ROW = 4;
/** Columns from a figure's label to its value (labels spill over the empty cells between, as the evaluator's). */
const VALUE_OFFSET = 4;

/**
 * `QG_Scores`' previous-round columns, right after the gap (design.md "Rounds, comparison and
 * report"): the last closed round's score, the change since it and the change since the first
 * round. None without history, so that a workbook that never closed a round keeps today's table.
 */
export function historyScoreSpecs(options: Pick<PlanOptions, "history">): Partial<Record<ScoresKey, ColumnSpec>> {
  if (!hasHistory(options)) return {};
  return {
    previousScore: { width: 10, numFmt: "0.0" },
    change: { width: 10, numFmt: CHANGE_FORMAT },
    changeFirst: { width: 12, numFmt: CHANGE_FORMAT },
  };
}

/** `QG_History[column]` in `lang`. */
function historyColumn(k: HistoryKey, lang: Lang): string {
  return wholeColumn(TABLES.history, HEADERS.history[k][lang]);
}

/**
 * A round's score for `dimension` (a formula text: a cell or a quoted label) in `QG_History`, the
 * round picked by `which` (`MAX`: the last one, `MIN`: the first one, by round number), or "" when
 * the round has no score for it. Rounds are looked up by number, never by label: a label is free
 * text, which SUMIFS would read as a pattern or a number.
 */
export function roundScoreFormula(which: "MAX" | "MIN", dimension: string, lang: Lang): string {
  const n = historyColumn("round", lang);
  const of = `${n},${which}(${n}),${historyColumn("dimension", lang)},${dimension}`;
  // COUNTIFS over « >=0 » counts a score that is there (a blank score is no number); then SUMIFS reads it.
  return `IF(COUNTIFS(${of},${historyColumn("score", lang)},">=0")=0,"",SUMIFS(${historyColumn("score", lang)},${of}))`;
}

/**
 * The formulas of those columns, one per dimension row: the previous and first rounds' scores by
 * SUMIFS over `QG_History` (blank when the round has none), and score − previous, score − first,
 * blank when either is blank.
 */
export function historyScoreFormulas(columns: readonly ColumnPlan[], lang: Lang): Partial<Record<ScoresKey, PlanValue>> {
  const row = (k: ScoresKey): string => thisRow(TABLES.scores, headerOf(columns, k));
  const first = roundScoreFormula("MIN", row("dimension"), lang);
  return {
    previousScore: f(roundScoreFormula("MAX", row("dimension"), lang)),
    change: f(`IF(AND(ISNUMBER(${row("score")}),ISNUMBER(${row("previousScore")})),${row("score")}-${row("previousScore")},"")`),
    // The first round's score has no column of its own: it is read where the change is taken.
    changeFirst: f(`IF(ISNUMBER(${row("score")}),IFERROR(${row("score")}-${first},""),"")`),
  };
}

/** Where `QG_PreviousRound` is on the dashboard (A1), its rounds block's labels in `labelCol`. */
export function previousRoundAddress(labelCol: number): string {
  return `${columnLetter(labelCol + VALUE_OFFSET)}${ROUNDS_TITLE_ROW + 1}`;
}

/**
 * The dashboard's rounds block, in cells the overall and evaluator blocks leave free (rows 4–9, so
 * `QG_Scores` keeps row 15): the previous and first rounds' labels (`QG_PreviousRound`,
 * `QG_FirstRound`) as values written with the plan (at each close: they witness the history, so
 * that `check` notices a last round, or `QG_History`, deleted by hand), the previous round's overall
 * score (`QG_OverallPrevious`) and the overall changes since the previous and the first round
 * (`QG_OverallChange`, `QG_OverallChangeFirst`), formulas over `QG_History`. Labels in column
 * `labelCol`, values four columns right.
 */
export function historyDashboardCells(options: Pick<PlanOptions, "history" | "lang">, sheet: string, labelCol: number): { cells: BlockCell[]; names: NamePlan[] } {
  if (!hasHistory(options)) return { cells: [], names: [] };
  const { lang } = options;
  const history = planHistory(options);
  const overall = str(overallRowLabel(lang));
  const figures: { label: string; value: PlanValue; numFmt?: string; name: string }[] = [
    { label: TEXTS.previousRound[lang], value: history[history.length - 1]?.label ?? null, name: NAMES.previousRound },
    { label: TEXTS.firstRound[lang], value: history[0]?.label ?? null, name: NAMES.firstRound },
    { label: TEXTS.overallPrevious[lang], value: f(roundScoreFormula("MAX", overall, lang)), numFmt: "0.0", name: NAMES.overallPrevious },
    {
      label: TEXTS.overallChange[lang],
      value: f(`IF(AND(ISNUMBER(${NAMES.overallScore}),ISNUMBER(${NAMES.overallPrevious})),${NAMES.overallScore}-${NAMES.overallPrevious},"")`),
      numFmt: CHANGE_FORMAT,
      name: NAMES.overallChange,
    },
    {
      label: TEXTS.overallChangeFirst[lang],
      value: f(`IF(ISNUMBER(${NAMES.overallScore}),IFERROR(${NAMES.overallScore}-${roundScoreFormula("MIN", overall, lang)},""),"")`),
      numFmt: CHANGE_FORMAT,
      name: NAMES.overallChangeFirst,
    },
  ];
  const valueCol = labelCol + VALUE_OFFSET;
  const cells: BlockCell[] = [{ row: ROUNDS_TITLE_ROW, col: labelCol, value: TEXTS.roundsTitle[lang], style: "subtitle" }];
  const names: NamePlan[] = [];
  figures.forEach((x, i) => {
    const at = ROUNDS_TITLE_ROW + 1 + i;
    cells.push({ row: at, col: labelCol, value: x.label, style: "label" });
    cells.push({ row: at, col: valueCol, value: x.value, style: "figure", ...(x.numFmt ? { numFmt: x.numFmt } : {}) });
    names.push({ name: x.name, sheet, ref: `$${columnLetter(valueCol)}$${at}` });
  });
  return { cells, names };
}
