import type { Lang } from "../model/template.types.js";
import { FORMATS, headerOf, type ColumnSpec } from "./columns.js";
import { f, thisRow, wholeColumn } from "./formula.js";
import { HEADERS, TEXTS, type GridKey, type ScoresKey } from "./labels.js";
import { NAMES, TABLES } from "./names.js";
import type { ColumnPlan, PlanValue } from "./plan.types.js";

/**
 * `QG_Scores`' evaluator columns (design.md "The evaluator"): the reviewed coverage, the
 * evaluator's score, gap, counts and agreement (after the self-assessment's figures, before the
 * helpers, so that they print with them).
 */
export function evaluatorScoreSpecs(withEvidence: boolean): Partial<Record<ScoresKey, ColumnSpec>> {
  return {
    ...(withEvidence ? { reviewedCoverage: { width: 13, numFmt: FORMATS.percent } } : {}),
    evaluatorScore: { width: 11, numFmt: FORMATS.score },
    evaluatorGap: { width: 11, numFmt: FORMATS.score },
    evaluatorAnswered: { width: 11 },
    evaluatorBoth: { width: 11 },
    evaluatorWithin: { width: 12, numFmt: FORMATS.percent },
    evaluatorMeanDiff: { width: 12, numFmt: "0.00" },
  };
}

/** The helpers the evaluator's overall figures sum, at the end of `QG_Scores`. */
export function evaluatorScoreHelperSpecs(withEvidence: boolean): Partial<Record<ScoresKey, ColumnSpec>> {
  return {
    evaluatorCountedWeight: { width: 11, style: "helper" },
    evaluatorWeightedScore: { width: 11, style: "helper", numFmt: FORMATS.score },
    evaluatorWithinCount: { width: 11, style: "helper" },
    evaluatorDiffSum: { width: 11, style: "helper", numFmt: "0.00" },
    ...(withEvidence ? { reviewedCovered: { width: 11, style: "helper" } } : {}),
  };
}

/**
 * The formulas of those columns, one per dimension row: SUMIFS over the grid's evaluator helpers
 * by dimension, as the self-assessment's score; the share within tolerance and the mean absolute
 * difference over the criteria both rated, blank when there are none.
 */
export function evaluatorScoreFormulas(columns: readonly ColumnPlan[], withEvidence: boolean, lang: Lang): Partial<Record<ScoresKey, PlanValue>> {
  const row = (k: ScoresKey): string => thisRow(TABLES.scores, headerOf(columns, k));
  const grid = (k: GridKey): string => wholeColumn(TABLES.grid, HEADERS.grid[k][lang]);
  const sumGrid = (k: GridKey): string => `SUMIFS(${grid(k)},${grid("dimension")},${row("dimension")})`;
  const both = row("evaluatorBoth");
  return {
    evaluatorScore: f(`IF(${sumGrid("evaluatorCountedWeight")}=0,"",100*${sumGrid("evaluatorPoints")}/${sumGrid("evaluatorCountedWeight")})`),
    evaluatorGap: f(`IF(ISNUMBER(${row("evaluatorScore")}),${row("target")}-${row("evaluatorScore")},"")`),
    evaluatorAnswered: f(sumGrid("evaluatorScored")),
    // The criteria both rated: those with a difference, a number only then.
    evaluatorBoth: f(`COUNTIFS(${grid("dimension")},${row("dimension")},${grid("evaluatorDifference")},">=0")`),
    evaluatorWithin: f(`IF(${both}=0,"",${row("evaluatorWithinCount")}/${both})`),
    evaluatorMeanDiff: f(`IF(${both}=0,"",${row("evaluatorDiffSum")}/${both})`),
    evaluatorCountedWeight: f(`IF(ISNUMBER(${row("evaluatorScore")}),${row("weight")},0)`),
    evaluatorWeightedScore: f(`IF(ISNUMBER(${row("evaluatorScore")}),${row("weight")}*${row("evaluatorScore")},0)`),
    evaluatorWithinCount: f(sumGrid("evaluatorWithin")),
    evaluatorDiffSum: f(sumGrid("evaluatorDifference")),
    ...(withEvidence
      ? {
          reviewedCovered: f(sumGrid("reviewedCovered")),
          reviewedCoverage: f(`IF(${row("applicable")}=0,"",${row("reviewedCovered")}/${row("applicable")})`),
        }
      : {}),
  };
}

/** One figure of the dashboard's evaluator block: its label, formula, format and workbook name. */
export interface EvaluatorFigure {
  label: string;
  value: PlanValue;
  numFmt: string | undefined;
  name: string;
}

/**
 * The evaluator's overall figures, each a named cell: the score weighted by dimension as the
 * overall score, its gap to the overall target, the counts and the agreement over every criterion,
 * and the reviewed coverage.
 */
export function evaluatorOverallFigures(col: (k: ScoresKey) => string, withEvidence: boolean, lang: Lang): EvaluatorFigure[] {
  const sum = (k: ScoresKey): string => `SUM(${col(k)})`;
  const both = NAMES.evaluatorBoth;
  const figures: EvaluatorFigure[] = [
    {
      label: TEXTS.evaluatorScore[lang],
      value: f(`IF(${sum("evaluatorCountedWeight")}=0,"",${sum("evaluatorWeightedScore")}/${sum("evaluatorCountedWeight")})`),
      numFmt: FORMATS.score,
      name: NAMES.evaluatorScore,
    },
    {
      label: TEXTS.evaluatorGap[lang],
      value: f(`IF(ISNUMBER(${NAMES.evaluatorScore}),${NAMES.overallTarget}-${NAMES.evaluatorScore},"")`),
      numFmt: FORMATS.score,
      name: NAMES.evaluatorGap,
    },
    { label: TEXTS.evaluatorAnswered[lang], value: f(sum("evaluatorAnswered")), numFmt: undefined, name: NAMES.evaluatorAnswered },
    { label: TEXTS.evaluatorBoth[lang], value: f(sum("evaluatorBoth")), numFmt: undefined, name: both },
    { label: TEXTS.evaluatorWithin[lang], value: f(`IF(${both}=0,"",${sum("evaluatorWithinCount")}/${both})`), numFmt: FORMATS.percent, name: NAMES.agreement },
    { label: TEXTS.evaluatorMeanDiff[lang], value: f(`IF(${both}=0,"",${sum("evaluatorDiffSum")}/${both})`), numFmt: "0.00", name: NAMES.meanAbsDiff },
  ];
  if (withEvidence) {
    figures.push({
      label: TEXTS.reviewedCoverage[lang],
      value: f(`IF(${sum("applicable")}=0,"",${sum("reviewedCovered")}/${sum("applicable")})`),
      numFmt: FORMATS.percent,
      name: NAMES.reviewedCoverage,
    });
  }
  return figures;
}
