import { absoluteRange, quoteSheet } from "../model/cell.address.js";
import { textOf } from "../model/text.js";
import type { Lang, Template } from "../model/template.types.js";
import { CHART_COLORS, CHART_LABELS, tableChart } from "./chart.plan.js";
import { FORMATS } from "./columns.js";
import { CHANGE_FORMAT } from "./dashboard.history.js";
import { dashboardContent } from "./dashboard.plan.js";
import { f, str } from "./formula.js";
import { gridFeatures } from "./grid.features.js";
import { hasReport } from "./grid.report.js";
import { ACTION_STATUSES, HEADERS, SHEET_NAMES, TEXTS } from "./labels.js";
import { CHARTS, NAMES, SETTING_NAMES, TABLES } from "./names.js";
import type { BlockCell, ChartPlan, PlanOptions, PlanValue, PrintPlan, SheetPlan, TablePlan } from "./plan.types.js";
import { reportText } from "./report.labels.js";
import { changesTable, dimensionsTable, evaluatorTable, prioritiesTable, REPORT_WIDTHS, requiredTable, scoresColumns, surveysTable } from "./report.tables.js";
import { hasReview } from "./review.option.js";

/** Where the summary's values stand (F, wide enough for a date): its labels in A spill over B to E. */
const VALUE_COL = 6;
/** Rows the summary's chart takes. */
const CHART_ROWS = 18;
/** The report's last column (I): the print area and the chart end there. */
const LAST_COL = 9;

/**
 * The « Rapport » / « Report » sheet (design.md "Rounds, comparison and report"), the report a board
 * reads, built from formulas over the workbook's tables and names so that it stays current:
 * 1. summary (organization, template, round, assessment date, overall figures, change since the
 *    previous and the first round when there are closed rounds) and the chart `QG_ReportChart`;
 * 2. results by dimension (`QG_ReportDimensions`); 3. the evaluator's scores and agreement
 *    (`QG_ReportEvaluator`, with the review); 4. required criteria not met (`QG_ReportRequired`)
 *    and the top 10 priorities (`QG_ReportPriorities`); 5. evidence coverage and the action plan's
 *    state; 6. surveys (`QG_ReportSurveys`); 7. change since the previous round (`QG_ReportChanges`).
 * Portrait, columns A–I fitted to one page wide (`REPORT_WIDTHS`), a page break after the summary,
 * after the dimensions and evaluation, and after the criteria; header and footer name the
 * organization, template, round, date and page. Null without the dashboard or with `report: false`.
 */
export function reportSheet(template: Template, options: PlanOptions): SheetPlan | null {
  if (!hasReport(options)) return null;
  const { lang } = options;
  const name = SHEET_NAMES.report[lang];
  const features = gridFeatures(template);
  // What the dashboard holds decides what the report shows: its columns and names, as planned.
  const dashboard = dashboardContent(template, options, SHEET_NAMES.dashboard[lang]);
  const scoresTable = dashboard.tables.find((t) => t.name === TABLES.scores) as TablePlan;
  const scores = scoresColumns(scoresTable.columns);
  const named = new Set(dashboard.names.map((n) => n.name));
  const history = options.history ?? [];
  const previous = history[history.length - 1];
  const first = history[0];
  const round = previous ? reportText("currentRoundAfter", lang, { label: previous.label }) : reportText("firstRound", lang);
  const dash = str(reportText("noValue", lang));

  const cells: BlockCell[] = [
    { row: 1, col: 1, value: reportText("title", lang), style: "title" },
    { row: 2, col: 1, value: `${textOf(template.title, lang)} — ${template.version}`, style: "note" },
    { row: 3, col: 1, value: reportText("help", lang), style: "note" },
  ];
  const tables: TablePlan[] = [];
  const breaks: number[] = [];
  let r = 5;
  const subtitle = (text: string): void => {
    cells.push({ row: r, col: 1, value: text, style: "subtitle" });
    r++;
  };
  const line = (label: string, value: PlanValue, numFmt?: string, style: BlockCell["style"] = "computed"): void => {
    cells.push({ row: r, col: 1, value: label, style: "label" });
    cells.push({ row: r, col: VALUE_COL, value, style, ...(numFmt ? { numFmt } : {}) });
    r++;
  };
  const orDash = (name: string): PlanValue => f(`IF(ISNUMBER(${name}),${name},${dash})`);
  const place = (t: TablePlan | null): TablePlan | null => {
    if (!t) return null;
    tables.push(t);
    r = t.top + t.rows.length + 1;
    return t;
  };

  // 1. Summary.
  subtitle(reportText("summary", lang));
  line(reportText("organization", lang), f(`IF(${SETTING_NAMES.organization}="",${dash},${SETTING_NAMES.organization})`));
  line(reportText("template", lang), `${template.id} ${template.version}`);
  line(reportText("round", lang), round);
  line(reportText("assessmentDate", lang), orDash(SETTING_NAMES.assessmentDate), FORMATS.date);
  const scoreRow = r;
  line(reportText("overallScore", lang), orDash(NAMES.overallScore), FORMATS.score, "figure");
  cells.push({ row: scoreRow, col: VALUE_COL + 1, value: f(NAMES.overallProvisional), style: "note" });
  line(reportText("target", lang), f(NAMES.overallTarget), FORMATS.score);
  line(reportText("gap", lang), orDash(NAMES.overallGap), FORMATS.score);
  line(reportText("maturity", lang), f(`IF(${NAMES.overallMaturity}="",${dash},${NAMES.overallMaturity})`));
  line(reportText("completion", lang), f(NAMES.overallCompletion), FORMATS.percent);
  if (features.required) line(reportText("requiredNotMet", lang), f(NAMES.requiredNotMet));
  if (named.has(NAMES.overallChange)) line(reportText("changePrevious", lang), orDash(NAMES.overallChange), CHANGE_FORMAT);
  if (named.has(NAMES.overallChangeFirst)) line(reportText("changeFirst", lang), orDash(NAMES.overallChangeFirst), CHANGE_FORMAT);
  const chartTop = r + 1;
  r = chartTop + CHART_ROWS;
  breaks.push(r - 1);

  // 2. Results by dimension, and 3. the external evaluation.
  r++;
  subtitle(reportText("dimensions", lang));
  const dimensions = place(dimensionsTable(template, options, scores, r)) as TablePlan;
  if (hasReview(options) && scores.has("evaluatorScore")) {
    r++;
    subtitle(reportText("evaluator", lang));
    cells.push({ row: r, col: 1, value: reportText("evaluatorNote", lang), style: "note" });
    r++;
    place(evaluatorTable(template, options, scores, r));
  }
  breaks.push(r - 1);

  // 4. Criteria to improve: required ones not met, then the top 10 priorities.
  r++;
  subtitle(reportText("criteria", lang));
  cells.push({ row: r, col: 1, value: reportText("required", lang), style: "label" });
  if (features.required) {
    cells.push({ row: r, col: VALUE_COL, value: f(NAMES.requiredNotMet), style: "figure" });
    r++;
    const required = place(requiredTable(template, options, r));
    if (required) {
      const shown = required.rows.length;
      cells.push({ row: r, col: 1, value: f(`IF(${NAMES.requiredNotMet}>${shown},${NAMES.requiredNotMet}-${shown}&${str(reportText("requiredMore", lang))},"")`), style: "note" });
      r++;
    }
  } else {
    cells.push({ row: r, col: VALUE_COL, value: reportText("noRequired", lang), style: "note" });
    r++;
  }
  r++;
  cells.push({ row: r, col: 1, value: reportText("priorities", lang), style: "label" });
  r++;
  cells.push({ row: r, col: 1, value: reportText("belowTarget", lang), style: "computed" });
  cells.push({ row: r, col: VALUE_COL, value: f(`COUNT(${TABLES.grid}[${HEADERS.grid.priorityKey[lang]}])`), style: "computed" });
  r++;
  place(prioritiesTable(template, options, r));
  breaks.push(r - 1);

  // 5. Evidence and the action plan.
  r++;
  subtitle(reportText("followUp", lang));
  if (options.parts.evidence) {
    line(reportText("coverage", lang), f(`IF(ISNUMBER(${NAMES.overallCoverage}),${NAMES.overallCoverage},${dash})`), FORMATS.percent);
    if (hasReview(options)) line(reportText("reviewedCoverage", lang), f(`IF(ISNUMBER(${NAMES.reviewedCoverage}),${NAMES.reviewedCoverage},${dash})`), FORMATS.percent);
  }
  if (options.parts.actions) for (const [label, formula] of actionCounts(lang)) line(label, f(formula));

  // 6. Surveys.
  if ((options.surveys ?? []).length > 0) {
    r++;
    subtitle(reportText("surveys", lang));
    place(surveysTable(options, r));
  }

  // 7. Change since the previous round.
  let changes: TablePlan | null = null;
  if (previous && first && scores.has("change")) {
    r++;
    subtitle(reportText("changes", lang));
    cells.push({ row: r, col: 1, value: reportText("changesNote", lang, { previous: previous.label, first: first.label }), style: "note" });
    r++;
    changes = place(changesTable(template, options, scores, r));
  }

  const chart = reportChart(name, dimensions, changes, lang, chartTop);
  return {
    key: "report",
    name,
    tabColor: "2F5597",
    widths: { ...REPORT_WIDTHS },
    cells,
    tables,
    freeze: { rows: 0, cols: 0 },
    protect: true,
    conditionalFormats: [],
    print: reportPrint(template, options, round, breaks),
    ...(chart ? { charts: [chart] } : {}),
  };
}

/**
 * The action plan's state: actions done, in progress, not started (« À faire », or an action
 * written with no status yet) and overdue (the plan's own « En retard » column: due before today
 * and not closed by `QG_ClosedStatuses`).
 */
function actionCounts(lang: Lang): [string, string][] {
  const col = (k: keyof typeof HEADERS.actions): string => `${TABLES.actions}[${HEADERS.actions[k][lang]}]`;
  const status = (key: string): string => str(ACTION_STATUSES.find((s) => s.key === key)?.text[lang] ?? key);
  return [
    [reportText("actionsDone", lang), `COUNTIF(${col("status")},${status("done")})`],
    [reportText("actionsInProgress", lang), `COUNTIF(${col("status")},${status("inProgress")})`],
    [reportText("actionsNotStarted", lang), `COUNTIF(${col("status")},${status("todo")})+SUMPRODUCT((${col("action")}<>"")*(${col("status")}=""))`],
    [reportText("actionsOverdue", lang), `COUNTIF(${col("overdue")},${str(TEXTS.overdue[lang])})`],
  ];
}

/**
 * `QG_ReportChart`: score and target by dimension over the report's own dimension table and, with
 * closed rounds, the previous round's score from its change table; 0–100, under the summary.
 */
function reportChart(sheet: string, dimensions: TablePlan, changes: TablePlan | null, lang: Lang, top: number): ChartPlan | null {
  const chart = tableChart({
    name: CHARTS.report,
    title: reportText("chartTitle", lang),
    sheet,
    table: dimensions,
    categoryKey: "dimension",
    series: [
      { key: "score", color: CHART_COLORS.score },
      { key: "target", color: CHART_COLORS.target },
    ],
    from: { row: top, col: 1 },
    to: { row: top + CHART_ROWS - 1, col: LAST_COL },
    min: 0,
    max: 100,
  });
  if (!chart || !changes) return chart;
  const i = changes.columns.findIndex((c) => c.key === "previousScore");
  const values = `${quoteSheet(sheet)}!${absoluteRange(changes.top + 1, changes.left + i, changes.top + changes.rows.length, changes.left + i)}`;
  return { ...chart, series: [...chart.series, { nameRef: "", name: CHART_LABELS.previousRound[lang], valuesRef: values, color: CHART_COLORS.previous }] };
}

/** Excel's header/footer codes take `&` as a code: a literal one is doubled. */
function code(text: string): string {
  return text.replace(/&/g, "&&");
}

/** A text cut to `n` characters with « … », so that a header section does not run into the next. */
function cut(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, n - 1).trimEnd()}…`;
}

/**
 * The report prints portrait, columns A–I, the title row on every page, a new page after each
 * `breaks` row; header: organization (left) and round (right); footer: template and version (left),
 * date (centre), page of pages (right).
 */
function reportPrint(template: Template, options: PlanOptions, round: string, breaks: number[]): PrintPlan {
  const org = (options.settings?.organization ?? "").trim();
  const title = cut(`${textOf(template.title, options.lang)} — ${template.version}`, 70);
  return {
    orientation: "portrait",
    repeatRows: { from: 1, to: 1 },
    area: `A:${String.fromCharCode(64 + LAST_COL)}`,
    breaks,
    header: `${org ? `&L&9${code(cut(org, 50))}` : ""}&R&9${code(round)}`,
    footer: `&L&8${code(title)}&C&8&D&R&8&P / &N`,
  };
}
