import { isTextCriterion } from "../model/criterion.scale.js";
import { naDisplayToken } from "../model/scale.js";
import { textOf } from "../model/text.js";
import type { Criterion, Lang, Template } from "../model/template.types.js";
import { maturityBands } from "../scoring/maturity.js";
import { FORMATS, headerOf } from "./columns.js";
import { CHANGE_FORMAT } from "./dashboard.history.js";
import { f, str, thisRow, wholeColumn } from "./formula.js";
import { isMultiRespondent } from "./grid.respondents.js";
import { HEADERS, type GridKey } from "./labels.js";
import { NAMES, TABLES } from "./names.js";
import type { ColumnPlan, PlanOptions, PlanValue, TablePlan } from "./plan.types.js";
import { REPORT_HEADERS, reportText, type ReportKey } from "./report.labels.js";

/**
 * The report's tables (design.md "Rounds, comparison and report"), each a block of formulas over the
 * workbook's own tables and names, so the report follows every rating. Columns sit on the report
 * sheet's columns A–I (`REPORT_WIDTHS`): a key column, a wide text column, then figures.
 */

/**
 * The report sheet's column widths (characters), A–I: 114 in all, so that headers, ids and figures
 * show whole; printed portrait one page wide, at about 83 %.
 */
export const REPORT_WIDTHS: Readonly<Record<number, number>> = { 1: 10, 2: 27, 3: 10, 4: 10, 5: 8, 6: 17, 7: 11, 8: 11, 9: 10 };

/** The most required criteria not met the report lists; the grid's filter shows the rest. */
export const REPORT_REQUIRED_MAX = 25;
/** How many priorities the report lists. */
export const REPORT_PRIORITIES = 10;
/**
 * The most characters of a statement the lists show (then « … »): any criterion may land on any
 * row, so every row is as tall as the longest statement it may show, and ten rows fit a page.
 */
export const REPORT_STATEMENT_MAX = 70;


const LINE = 15;
const MAX_HEIGHT = 409;

/**
 * Lines a text takes wrapped in a column `width` characters wide, word by word as Excel and
 * LibreOffice wrap it (a word longer than a line is cut), counting wide (0.9 of a width unit a
 * letter, what a wide fallback font takes): a row too tall wastes a line, one too short hides one.
 */
export function linesOf(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 0.9));
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    let used = 0;
    lines++;
    for (const word of para.split(/\s+/).filter((w) => w !== "")) {
      let w = word.length;
      if (used > 0 && used + 1 + w <= perLine) {
        used += 1 + w;
        continue;
      }
      if (used > 0) lines++;
      while (w > perLine) {
        w -= perLine;
        lines++;
      }
      used = w;
    }
  }
  return Math.max(1, lines);
}

/** What a report table column is: its key, its number format, whether it wraps. */
interface ReportColumn {
  key: ReportKey;
  numFmt?: string;
  wrap?: boolean;
}

/** The plan columns of a report table from column A on, each as wide as its sheet column. */
function columnsOf(specs: readonly ReportColumn[], lang: Lang): ColumnPlan[] {
  return specs.map((s, i) => {
    const c: ColumnPlan = { key: s.key, header: REPORT_HEADERS[s.key][lang], width: REPORT_WIDTHS[i + 1] ?? 8, input: false, style: "computed" };
    if (s.numFmt) c.numFmt = s.numFmt;
    if (s.wrap) c.wrap = true;
    return c;
  });
}

/** A table with heights: its header's, and `lines` lines for every data row. */
function table(name: string, top: number, columns: ColumnPlan[], rows: PlanValue[][], lines: number, style = "TableStyleLight9"): TablePlan {
  const headerLines = Math.max(1, ...columns.map((c) => linesOf(c.header, c.width)));
  return {
    name,
    top,
    left: 1,
    columns,
    rows,
    style,
    headerHeight: Math.min(MAX_HEIGHT, headerLines * LINE),
    rowHeights: rows.map(() => Math.min(MAX_HEIGHT, Math.max(1, lines) * LINE)),
  };
}

/** `IFERROR(IF(v="","",v),"")`: a blank source cell shows blank rather than 0, a failed lookup nothing. */
function shown(v: string): PlanValue {
  return f(`IFERROR(IF(${v}="","",${v}),"")`);
}

/** What the report tables read of the dashboard: `QG_Scores`' columns by key. */
export interface ScoresColumns {
  has: (key: string) => boolean;
  column: (key: string) => string;
}

/** `QG_Scores`' columns, from the dashboard plan's table. */
export function scoresColumns(columns: readonly ColumnPlan[]): ScoresColumns {
  return {
    has: (key) => columns.some((c) => c.key === key),
    column: (key) => wholeColumn(TABLES.scores, headerOf(columns, key)),
  };
}

/**
 * Section 2, `QG_ReportDimensions`: per dimension its score, target, gap, maturity, completion,
 * evidence coverage and, with closed rounds, the change since the previous round — each INDEX of its
 * `QG_Scores` column at the row MATCH finds by the dimension's id.
 */
export function dimensionsTable(template: Template, options: PlanOptions, scores: ScoresColumns, top: number): TablePlan {
  const { lang } = options;
  const specs: ReportColumn[] = [
    { key: "dimension" },
    { key: "title", wrap: true },
    { key: "score", numFmt: FORMATS.score },
    { key: "target", numFmt: FORMATS.score },
    { key: "gap", numFmt: FORMATS.score },
    { key: "maturity", wrap: true },
    { key: "completion", numFmt: FORMATS.percent },
  ];
  if (scores.has("coverage")) specs.push({ key: "coverage", numFmt: FORMATS.percent });
  if (scores.has("change")) specs.push({ key: "change", numFmt: CHANGE_FORMAT });
  const columns = columnsOf(specs, lang);
  const T = TABLES.reportDimensions;
  const at = `MATCH(${thisRow(T, headerOf(columns, "dimension"))},${scores.column("dimension")},0)`;
  const from: Partial<Record<ReportKey, string>> = { score: "score", target: "target", gap: "gap", maturity: "maturity", completion: "completion", coverage: "coverage", change: "change" };
  const rows = template.dimensions.map((d) =>
    columns.map((c): PlanValue => {
      if (c.key === "dimension") return d.id;
      if (c.key === "title") return textOf(d.title, lang);
      return shown(`INDEX(${scores.column(from[c.key as ReportKey] as string)},${at})`);
    }),
  );
  const maturity = Math.max(1, ...maturityBands(template).map((b) => linesOf(textOf(b.label, lang), REPORT_WIDTHS[6] ?? 12)));
  const titles = Math.max(1, ...template.dimensions.map((d) => linesOf(textOf(d.title, lang), REPORT_WIDTHS[2] ?? 26)));
  const t = table(T, top, columns, rows, Math.max(maturity, titles), "TableStyleMedium2");
  // Each dimension's own title: heights by row.
  t.rowHeights = template.dimensions.map((d) => Math.min(MAX_HEIGHT, Math.max(maturity, linesOf(textOf(d.title, lang), REPORT_WIDTHS[2] ?? 26)) * LINE));
  return t;
}

/**
 * Section 3, `QG_ReportEvaluator` (with the review): per dimension the evaluator's score and gap,
 * the criteria both rated, the share within tolerance, the mean absolute difference and the
 * reviewed coverage, from `QG_Scores`; then the overall row, from the dashboard's named cells.
 */
export function evaluatorTable(template: Template, options: PlanOptions, scores: ScoresColumns, top: number): TablePlan {
  const { lang } = options;
  const specs: ReportColumn[] = [
    { key: "dimension" },
    { key: "title", wrap: true },
    { key: "evaluatorScore", numFmt: FORMATS.score },
    { key: "evaluatorGap", numFmt: FORMATS.score },
    { key: "evaluatorBoth" },
    { key: "evaluatorWithin", numFmt: FORMATS.percent },
    { key: "evaluatorMeanDiff", numFmt: "0.00" },
  ];
  if (scores.has("reviewedCoverage")) specs.push({ key: "reviewedCoverage", numFmt: FORMATS.percent });
  const columns = columnsOf(specs, lang);
  const T = TABLES.reportEvaluator;
  const at = `MATCH(${thisRow(T, headerOf(columns, "dimension"))},${scores.column("dimension")},0)`;
  const overall: Partial<Record<ReportKey, string>> = {
    evaluatorScore: NAMES.evaluatorScore,
    evaluatorGap: NAMES.evaluatorGap,
    evaluatorBoth: NAMES.evaluatorBoth,
    evaluatorWithin: NAMES.agreement,
    evaluatorMeanDiff: NAMES.meanAbsDiff,
    reviewedCoverage: NAMES.reviewedCoverage,
  };
  const rows = template.dimensions.map((d) =>
    columns.map((c): PlanValue => {
      if (c.key === "dimension") return d.id;
      if (c.key === "title") return textOf(d.title, lang);
      return shown(`INDEX(${scores.column(c.key)},${at})`);
    }),
  );
  rows.push(columns.map((c): PlanValue => (c.key === "dimension" ? reportText("overallRow", lang) : c.key === "title" ? null : shown(overall[c.key as ReportKey] as string))));
  const t = table(T, top, columns, rows, 1);
  t.rowHeights = [...template.dimensions.map((d) => Math.min(MAX_HEIGHT, linesOf(textOf(d.title, lang), REPORT_WIDTHS[2] ?? 26) * LINE)), LINE];
  return t;
}

/** A grid column by key, for INDEX: the multi layout's consolidated rating stands for « Cotation ». */
function gridColumn(k: GridKey, lang: Lang): string {
  return wholeColumn(TABLES.grid, HEADERS.grid[k][lang]);
}

/** The criterion columns both lists show, then their figures: rank, statement, criterion, dimension, rating, target level. */
function criterionValues(options: PlanOptions, at: string, j: number, counted: string, extra: Partial<Record<ReportKey, PlanValue>>, columns: readonly ColumnPlan[]): PlanValue[] {
  const { lang } = options;
  const rating: GridKey = isMultiRespondent(options) ? "consolidated" : "rating";
  const pick = (k: GridKey): PlanValue => shown(`INDEX(${gridColumn(k, lang)},${at})`);
  // A level (a mean need not be one), S. O., or « — » when unanswered.
  const ratingShown = f(
    `IFERROR(IF(INDEX(${gridColumn("scored", lang)},${at})=1,INDEX(${gridColumn(rating, lang)},${at}),IF(INDEX(${gridColumn("notApplicable", lang)},${at})=1,${str(naDisplayToken(lang))},${str(reportText("noValue", lang))})),"")`,
  );
  const values: Partial<Record<ReportKey, PlanValue>> = {
    rank: f(`IF(${counted}>=${j},${j},"")`),
    text: statement(`INDEX(${gridColumn("text", lang)},${at})`),
    criterion: pick("criterion"),
    dimension: pick("dimension"),
    rating: ratingShown,
    targetLevel: pick("targetLevel"),
    ...extra,
  };
  return columns.map((c) => values[c.key as ReportKey] ?? null);
}

/** A statement as the lists show it: whole up to `REPORT_STATEMENT_MAX` characters, else cut with « … ». */
export function shortStatement(text: string): string {
  return text.length > REPORT_STATEMENT_MAX ? `${text.slice(0, REPORT_STATEMENT_MAX - 1)}…` : text;
}

/** The formula of `shortStatement` over a grid cell. */
function statement(v: string): PlanValue {
  return f(`IFERROR(IF(LEN(${v})>${REPORT_STATEMENT_MAX},LEFT(${v},${REPORT_STATEMENT_MAX - 1})&"…",${v}),"")`);
}

/** Lines the longest statement of `criteria`, as the lists show it, takes in the report's text column. */
function statementLines(criteria: readonly Criterion[], lang: Lang): number {
  return Math.max(1, ...criteria.map((c) => linesOf(shortStatement(textOf(c.text, lang)), REPORT_WIDTHS[2] ?? 26)));
}

/**
 * Section 4, `QG_ReportRequired` (a template with required criteria): row j shows the j-th required
 * criterion not met in grid order (SMALL over the grid's « Ligne requis non atteint »), up to
 * `REPORT_REQUIRED_MAX` rows; null when the template has no required rating criterion.
 */
export function requiredTable(template: Template, options: PlanOptions, top: number): TablePlan | null {
  const { lang } = options;
  const required = template.dimensions.flatMap((d) => d.criteria).filter((c) => c.required === true && !isTextCriterion(c));
  if (required.length === 0) return null;
  const columns = columnsOf([{ key: "rank" }, { key: "text", wrap: true }, { key: "criterion" }, { key: "rating" }, { key: "targetLevel" }, { key: "dimension" }], lang);
  const rows_ = gridColumn("requiredRow", lang);
  const count = Math.min(required.length, REPORT_REQUIRED_MAX);
  const rows: PlanValue[][] = [];
  for (let j = 1; j <= count; j++) rows.push(criterionValues(options, `MATCH(SMALL(${rows_},${j}),${rows_},0)`, j, `COUNT(${rows_})`, {}, columns));
  return table(TABLES.reportRequired, top, columns, rows, statementLines(required, lang));
}

/**
 * Section 4, `QG_ReportPriorities`: row j shows the criterion of the grid's j-th largest « Clé de
 * priorité » — the engine's order (`criteriaByPriority`: positive gap, priority highest first, ties in template
 * order) — with its rating, target level, gap and priority; `REPORT_PRIORITIES` rows at most.
 */
export function prioritiesTable(template: Template, options: PlanOptions, top: number): TablePlan {
  const { lang } = options;
  const rated = template.dimensions.flatMap((d) => d.criteria).filter((c) => !isTextCriterion(c));
  const columns = columnsOf(
    [{ key: "rank" }, { key: "text", wrap: true }, { key: "criterion" }, { key: "rating" }, { key: "targetLevel" }, { key: "gap", numFmt: "0.00" }, { key: "priority", numFmt: "0.00" }],
    lang,
  );
  const keys = gridColumn("priorityKey", lang);
  const count = Math.max(1, Math.min(rated.length, REPORT_PRIORITIES));
  const rows: PlanValue[][] = [];
  for (let j = 1; j <= count; j++) {
    // Every key differs (grid.report.ts): the j-th largest is one row's.
    const at = `MATCH(LARGE(${keys},${j}),${keys},0)`;
    const extra = { gap: shown(`INDEX(${gridColumn("gap", lang)},${at})`), priority: shown(`INDEX(${gridColumn("priority", lang)},${at})`) };
    rows.push(criterionValues(options, at, j, `COUNT(${keys})`, extra, columns));
  }
  return table(TABLES.reportPriorities, top, columns, rows, statementLines(rated, lang));
}

/**
 * Section 6, `QG_ReportSurveys` (with imported surveys): per survey and question — « Survey — question »
 * in the wide column — its favourable share and responses, row i of `QG_Surveys` (one row per survey ×
 * question, as surveys.plan.ts writes it); the heights follow the texts the plan knows.
 */
export function surveysTable(options: PlanOptions, top: number): TablePlan | null {
  const surveys = options.surveys ?? [];
  if (surveys.length === 0) return null;
  const { lang } = options;
  const columns = columnsOf([{ key: "number" }, { key: "question", wrap: true }, { key: "favourable", numFmt: FORMATS.percent }, { key: "responses" }], lang);
  const source = (k: keyof typeof HEADERS.surveys, i: number): string => `INDEX(${wholeColumn(TABLES.surveys, HEADERS.surveys[k][lang])},${i})`;
  const rows: PlanValue[][] = [];
  const heights: number[] = [];
  let i = 0;
  for (const s of surveys) {
    const questions = s.questions.length > 0 ? s.questions.map((q) => q.question) : [""];
    for (const q of questions) {
      i++;
      const values: Partial<Record<ReportKey, PlanValue>> = {
        number: shown(source("number", i)),
        question: f(`IFERROR(${source("survey", i)}&IF(${source("question", i)}="",""," — "&${source("question", i)}),"")`),
        favourable: shown(source("favourable", i)),
        responses: shown(source("responses", i)),
      };
      rows.push(columns.map((c) => values[c.key as ReportKey] ?? null));
      heights.push(Math.min(MAX_HEIGHT, linesOf(q === "" ? s.name : `${s.name} — ${q}`, REPORT_WIDTHS[2] ?? 28) * LINE));
    }
  }
  const t = table(TABLES.reportSurveys, top, columns, rows, 1);
  t.rowHeights = heights;
  return t;
}

/**
 * Section 7, `QG_ReportChanges` (with closed rounds): per dimension today's score, the previous
 * round's, the change since it and since the first round, from `QG_Scores`. Null when the dashboard
 * has no such columns.
 */
export function changesTable(template: Template, options: PlanOptions, scores: ScoresColumns, top: number): TablePlan | null {
  if (!scores.has("previousScore") || !scores.has("change")) return null;
  const { lang } = options;
  const specs: ReportColumn[] = [
    { key: "dimension" },
    { key: "title", wrap: true },
    { key: "score", numFmt: FORMATS.score },
    { key: "previousScore", numFmt: FORMATS.score },
    { key: "change", numFmt: CHANGE_FORMAT },
  ];
  if (scores.has("changeFirst")) specs.push({ key: "changeFirst", numFmt: CHANGE_FORMAT });
  const columns = columnsOf(specs, lang);
  const T = TABLES.reportChanges;
  const at = `MATCH(${thisRow(T, headerOf(columns, "dimension"))},${scores.column("dimension")},0)`;
  const rows = template.dimensions.map((d) =>
    columns.map((c): PlanValue => {
      if (c.key === "dimension") return d.id;
      if (c.key === "title") return textOf(d.title, lang);
      return shown(`INDEX(${scores.column(c.key)},${at})`);
    }),
  );
  const t = table(T, top, columns, rows, 1);
  const changeFirst = columns.find((c) => c.key === "changeFirst");
  t.rowHeights = template.dimensions.map((d) => Math.min(MAX_HEIGHT, linesOf(textOf(d.title, lang), REPORT_WIDTHS[2] ?? 26) * LINE));
  if (changeFirst) t.headerHeight = Math.min(MAX_HEIGHT, linesOf(changeFirst.header, changeFirst.width) * LINE);
  return t;
}
