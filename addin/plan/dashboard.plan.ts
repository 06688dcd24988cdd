import { textOf } from "../model/text.js";
import type { Template } from "../model/template.types.js";
import { columnLetter, rangeAddress } from "../model/cell.address.js";
import { columnsOf, FORMATS, headerOf, indexOf, type ColumnSpec } from "./columns.js";
import { f, str, thisRow, wholeColumn } from "./formula.js";
import { gridFeatures, type GridFeatures } from "./grid.features.js";
import { HEADERS, TEXTS, type ScoresKey, type ThemesKey } from "./labels.js";
import { NAMES, TABLES } from "./names.js";
import { COMPLETION_THRESHOLD_FORMULA } from "./settings.plan.js";
import { discussContent, respondentScoreColumns, respondentScoreFormulas, scoresDimensionCell } from "./discuss.plan.js";
import { isMultiRespondent } from "./grid.respondents.js";
import { hasReview } from "./review.option.js";
import { evaluatorOverallFigures, evaluatorScoreFormulas, evaluatorScoreHelperSpecs, evaluatorScoreSpecs } from "./dashboard.evaluator.js";
import { historyDashboardCells, historyScoreFormulas, historyScoreSpecs } from "./dashboard.history.js";
import { hasHistory } from "./history.plan.js";
import type { BlockCell, ConditionalFormatPlan, NamePlan, PlanOptions, PlanValue, TablePlan } from "./plan.types.js";

/** Row of the `QG_Scores` header, below the overall block; users' charts and references point at it. */
const SCORES_HEADER_ROW = 15;
const OVERALL_FIRST = 5;
/**
 * The evaluator's block sits right of the overall one, in rows it leaves free, so that `QG_Scores`
 * keeps its row: labels in E, overflowing into the empty cells up to H, figures in I.
 */
const EVALUATOR_LABEL_COL = 5;
const EVALUATOR_VALUE_COL = 9;

/** The rounds block's label column: right of the evaluator's block, or in its place without the review (`check` finds its cells by it). */
export function roundsLabelColumn(review: boolean): number {
  return review ? EVALUATOR_VALUE_COL + 2 : EVALUATOR_LABEL_COL;
}

/**
 * The dashboard: the overall result (named cells) and `QG_Scores`, one row per dimension with
 * score, target, gap, completion, coverage and maturity — all SUMIFS over the grid's helper
 * columns, so they recompute whenever a rating changes.
 */
export function dashboardContent(
  template: Template,
  options: PlanOptions,
  sheet: string,
): { tables: TablePlan[]; cells: BlockCell[]; names: NamePlan[]; conditionalFormats: ConditionalFormatPlan[] } {
  const { lang } = options;
  const withEvidence = options.parts.evidence;
  const specs: Partial<Record<ScoresKey, ColumnSpec>> = {
    dimension: { width: 12 },
    title: { width: 34, wrap: true },
    weight: { width: 8 },
    score: { width: 9, numFmt: FORMATS.score },
    target: {
      width: 9,
      input: true,
      numFmt: FORMATS.score,
      validation: { type: "decimal", min: 0, max: 100, message: TEXTS.invalidTarget[lang] },
    },
    gap: { width: 9, numFmt: FORMATS.score },
    // With closed rounds: the previous round's score and the changes since it and since the first.
    ...historyScoreSpecs(options),
    completion: { width: 12, numFmt: FORMATS.percent },
  };
  if (withEvidence) specs.coverage = { width: 13, numFmt: FORMATS.percent };
  specs.maturity = { width: 18, wrap: true };
  specs.answered = { width: 9 };
  specs.notApplicable = { width: 9 };
  specs.total = { width: 9 };
  const review = hasReview(options);
  if (review) Object.assign(specs, evaluatorScoreSpecs(withEvidence));
  specs.countedWeight = { width: 9, style: "helper" };
  specs.weightedScore = { width: 10, style: "helper", numFmt: FORMATS.score };
  if (withEvidence) {
    specs.applicable = { width: 11, style: "helper" };
    specs.covered = { width: 9, style: "helper" };
  }
  const features = gridFeatures(template);
  if (features.required) specs.requiredNotMet = { width: 11 };
  if (review) Object.assign(specs, evaluatorScoreHelperSpecs(withEvidence));
  // Several respondents: each one's score and the count to discuss follow the usual columns.
  const multi = isMultiRespondent(options);
  const columns = [...columnsOf(HEADERS.scores, specs, lang), ...(multi ? respondentScoreColumns(options) : [])];
  const S = TABLES.scores;
  const row = (k: ScoresKey): string => thisRow(S, headerOf(columns, k));
  const col = (k: ScoresKey): string => wholeColumn(S, headerOf(columns, k));
  const grid = (k: keyof typeof HEADERS.grid): string => wholeColumn(TABLES.grid, HEADERS.grid[k][lang]);
  const sumGrid = (k: keyof typeof HEADERS.grid): string => `SUMIFS(${grid(k)},${grid("dimension")},${row("dimension")})`;

  const formulas: Partial<Record<ScoresKey, PlanValue>> = {
    score: f(`IF(${sumGrid("countedWeight")}=0,"",100*${sumGrid("points")}/${sumGrid("countedWeight")})`),
    gap: f(`IF(ISNUMBER(${row("score")}),${row("target")}-${row("score")},"")`),
    completion: f(`IF(${row("total")}=0,0,(${row("answered")}+${row("notApplicable")})/${row("total")})`),
    maturity: f(`IF(ISNUMBER(${row("score")}),IFERROR(LOOKUP(${row("score")},${NAMES.maturityMin},${NAMES.maturityLabels}),""),"")`),
    // With text questions, answered counts those answered in words too (the grid's « Répondu »).
    answered: f(sumGrid(features.text ? "answered" : "scored")),
    notApplicable: f(sumGrid("notApplicable")),
    total: f(`COUNTIF(${grid("dimension")},${row("dimension")})`),
    countedWeight: f(`IF(ISNUMBER(${row("score")}),${row("weight")},0)`),
    weightedScore: f(`IF(ISNUMBER(${row("score")}),${row("weight")}*${row("score")},0)`),
  };
  if (withEvidence) {
    formulas.coverage = f(`IF(${row("applicable")}=0,"",${row("covered")}/${row("applicable")})`);
    // Text questions have no evidence coverage: applicable counts rating criteria only.
    formulas.applicable = features.text
      ? f(`COUNTIFS(${grid("dimension")},${row("dimension")},${grid("isText")},0)-SUMIFS(${grid("notApplicable")},${grid("dimension")},${row("dimension")},${grid("isText")},0)`)
      : f(`${row("total")}-${row("notApplicable")}`);
    formulas.covered = f(sumGrid("covered"));
  }
  if (features.required) formulas.requiredNotMet = f(sumGrid("requiredNotMet"));
  if (review) Object.assign(formulas, evaluatorScoreFormulas(columns, withEvidence, lang));
  if (hasHistory(options)) Object.assign(formulas, historyScoreFormulas(columns, lang));
  const more: Record<string, PlanValue> = multi ? respondentScoreFormulas(options, scoresDimensionCell(columns)) : {};
  const rows = template.dimensions.map((d) => {
    const fixed: Partial<Record<ScoresKey, PlanValue>> = {
      dimension: d.id,
      title: textOf(d.title, lang),
      weight: d.weight,
      target: options.targets?.[d.id] ?? d.target ?? template.target,
    };
    return columns.map((c) => (c.key in fixed ? (fixed[c.key as ScoresKey] ?? null) : (formulas[c.key as ScoresKey] ?? more[c.key] ?? null)));
  });
  const table: TablePlan = { name: S, top: SCORES_HEADER_ROW, left: 1, columns, rows, style: "TableStyleMedium2" };

  const cells: BlockCell[] = [{ row: OVERALL_FIRST - 1, col: 1, value: TEXTS.overall[lang], style: "subtitle" }];
  const names: NamePlan[] = [];
  let r = OVERALL_FIRST;
  const figure = (label: string, value: PlanValue, numFmt: string | undefined, name?: string, input = false): void => {
    cells.push({ row: r, col: 1, value: label, style: "label" });
    const cell: BlockCell = { row: r, col: 2, value, style: input ? "input" : "figure", input };
    if (numFmt) cell.numFmt = numFmt;
    if (input) cell.validation = { type: "decimal", min: 0, max: 100, message: TEXTS.invalidTarget[lang] };
    cells.push(cell);
    if (name) names.push({ name, sheet, ref: `$B$${r}` });
    r++;
  };
  const sum = (k: ScoresKey): string => `SUM(${col(k)})`;
  // Beside the overall score: « provisoire » while completion is below the workbook's threshold.
  cells.push({ row: r, col: 3, value: f(`IF(${NAMES.overallCompletion}<${COMPLETION_THRESHOLD_FORMULA},${str(TEXTS.provisional[lang])},"")`), style: "figure" });
  names.push({ name: NAMES.overallProvisional, sheet, ref: `$C$${r}` });
  figure(
    TEXTS.overallScore[lang],
    f(`IF(${sum("countedWeight")}=0,"",${sum("weightedScore")}/${sum("countedWeight")})`),
    FORMATS.score,
    NAMES.overallScore,
  );
  figure(TEXTS.overallTarget[lang], options.overallTarget ?? template.target, FORMATS.score, NAMES.overallTarget, true);
  figure(
    TEXTS.overallGap[lang],
    f(`IF(ISNUMBER(${NAMES.overallScore}),${NAMES.overallTarget}-${NAMES.overallScore},"")`),
    FORMATS.score,
    NAMES.overallGap,
  );
  figure(
    TEXTS.overallCompletion[lang],
    f(`IF(${sum("total")}=0,0,(${sum("answered")}+${sum("notApplicable")})/${sum("total")})`),
    FORMATS.percent,
    NAMES.overallCompletion,
  );
  if (withEvidence) {
    figure(
      TEXTS.overallCoverage[lang],
      f(`IF(${sum("applicable")}=0,"",${sum("covered")}/${sum("applicable")})`),
      FORMATS.percent,
      NAMES.overallCoverage,
    );
  }
  figure(
    TEXTS.overallMaturity[lang],
    // No maturity level for a provisional result.
    f(
      `IF(AND(ISNUMBER(${NAMES.overallScore}),${NAMES.overallCompletion}>=${COMPLETION_THRESHOLD_FORMULA}),IFERROR(LOOKUP(${NAMES.overallScore},${NAMES.maturityMin},${NAMES.maturityLabels}),""),"")`,
    ),
    undefined,
    NAMES.overallMaturity,
  );
  if (features.required) figure(TEXTS.overallRequiredNotMet[lang], f(sum("requiredNotMet")), undefined, NAMES.requiredNotMet);
  figure(TEXTS.overallScored[lang], f(sum("answered")), undefined);
  figure(TEXTS.overallNotApplicable[lang], f(sum("notApplicable")), undefined);
  figure(TEXTS.overallTotal[lang], f(sum("total")), undefined);

  // The external evaluation's overall figures (design.md "The evaluator"), beside the self-assessment's.
  if (review) {
    cells.push({ row: OVERALL_FIRST - 1, col: EVALUATOR_LABEL_COL, value: TEXTS.evaluatorTitle[lang], style: "subtitle" });
    evaluatorOverallFigures(col, withEvidence, lang).forEach((x, i) => {
      const at = OVERALL_FIRST + i;
      cells.push({ row: at, col: EVALUATOR_LABEL_COL, value: x.label, style: "label" });
      cells.push({ row: at, col: EVALUATOR_VALUE_COL, value: x.value, style: "figure", input: false, ...(x.numFmt ? { numFmt: x.numFmt } : {}) });
      names.push({ name: x.name, sheet, ref: `$${columnLetter(EVALUATOR_VALUE_COL)}$${at}` });
    });
  }

  // The rounds block (closed rounds only), right of the evaluator's, or in its place without the review.
  const rounds = historyDashboardCells(options, sheet, roundsLabelColumn(review));
  cells.push(...rounds.cells);
  names.push(...rounds.names);

  const first = table.top + 1;
  const lastRow = table.top + rows.length;
  const colRef = (k: ScoresKey): string => rangeAddress(first, indexOf(columns, k), lastRow, indexOf(columns, k));
  const conditionalFormats: ConditionalFormatPlan[] = [
    { type: "colorScale", ref: colRef("score"), colors: "redYellowGreen" },
    { type: "colorScale", ref: colRef("gap"), colors: "greenYellowRed" },
    { type: "dataBar", ref: colRef("completion"), color: "5B9BD5" },
  ];
  if (withEvidence) conditionalFormats.push({ type: "dataBar", ref: colRef("coverage"), color: "70AD47" });
  const tables = [table];
  if (features.themes) {
    const themes = themesTable(template, options, features, lastRow + 3);
    cells.push({ row: themes.top - 1, col: 1, value: TEXTS.themesTitle[lang], style: "subtitle" });
    tables.push(themes);
  }
  if (multi) {
    const last = tables[tables.length - 1] as TablePlan;
    const discuss = discussContent(template, options, sheet, last.top + last.rows.length + 2);
    tables.push(discuss.table);
    cells.push(...discuss.cells);
    names.push(...discuss.names);
  }
  return { tables, cells, names, conditionalFormats };
}

/**
 * `QG_Themes`: one row per dimension theme with its score (the dimension rule over the theme's
 * criteria, design.md "Template model, second version"), answered and total — SUMIFS over the
 * grid by dimension and theme.
 */
function themesTable(template: Template, options: PlanOptions, features: GridFeatures, top: number): TablePlan {
  const { lang } = options;
  const specs: Partial<Record<ThemesKey, ColumnSpec>> = {
    dimension: { width: 12 },
    theme: { width: 12 },
    title: { width: 34, wrap: true },
    score: { width: 9, numFmt: FORMATS.score },
    answered: { width: 9 },
    total: { width: 9 },
    countedWeight: { width: 9, style: "helper" },
  };
  const columns = columnsOf(HEADERS.themes, specs, lang);
  const row = (k: ThemesKey): string => thisRow(TABLES.themes, headerOf(columns, k));
  const grid = (k: keyof typeof HEADERS.grid): string => wholeColumn(TABLES.grid, HEADERS.grid[k][lang]);
  const of = `${grid("dimension")},${row("dimension")},${grid("theme")},${row("theme")}`;
  const formulas: Partial<Record<ThemesKey, PlanValue>> = {
    score: f(`IF(${row("countedWeight")}=0,"",100*SUMIFS(${grid("points")},${of})/${row("countedWeight")})`),
    answered: f(`SUMIFS(${grid(features.text ? "answered" : "scored")},${of})`),
    total: f(`COUNTIFS(${of})`),
    countedWeight: f(`SUMIFS(${grid("countedWeight")},${of})`),
  };
  const rows = template.dimensions.flatMap((d) =>
    (d.themes ?? []).map((t) => {
      const fixed: Partial<Record<ThemesKey, PlanValue>> = { dimension: d.id, theme: t.id, title: textOf(t.title, lang) };
      return columns.map((c) => (c.key in fixed ? (fixed[c.key as ThemesKey] ?? null) : (formulas[c.key as ThemesKey] ?? null)));
    }),
  );
  return { name: TABLES.themes, top, left: 1, columns, rows, style: "TableStyleLight9" };
}
