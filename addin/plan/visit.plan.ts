import { columnLetter } from "../model/cell.address.js";
import { isTextCriterion } from "../model/criterion.scale.js";
import { textOf } from "../model/text.js";
import type { Lang, Template } from "../model/template.types.js";
import { FORMATS } from "./columns.js";
import { f, str, wholeColumn } from "./formula.js";
import { hasVisitReport } from "./grid.visit.js";
import { isMultiRespondent } from "./grid.respondents.js";
import { ACTION_SOURCES, HEADERS, SHEET_NAMES, VISIT_TEXTS, type ActionKey, type EvidenceKey, type GridKey, type ScoresKey } from "./labels.js";
import { NAMES, SETTING_NAMES, TABLES } from "./names.js";
import type { BlockCell, CellStyle, ColumnPlan, PlanOptions, PlanValue, SheetPlan, TablePlan } from "./plan.types.js";
import { linesOf } from "./row.heights.js";
import { SEAL_NAME } from "./seal.plan.js";

/** The most criteria the visit report lists as differing beyond the tolerance; a note counts the rest. */
export const VISIT_DISAGREEMENTS_MAX = 25;
/** The most recommendations it lists; a note counts the rest. */
export const VISIT_RECOMMENDATIONS_MAX = 25;

/**
 * The sheet's columns (characters), shared by its tables: ids, a wide text column, figures (C and D
 * wide enough for a date and « autoévaluation »), and a last column for comments and owners. 100 in
 * all, so that one page wide in portrait prints at nearly 100 %; headings wrap between words.
 */
const WIDTHS: Record<number, number> = { 1: 11, 2: 22, 3: 13, 4: 11, 5: 10, 6: 8, 7: 10, 8: 15 };
/** The column of a section's figures (D): their labels in A spill over B and C. */
const FIGURE_COL = 4;
/** The last printed column (H); the recommendations' helper is beyond it. */
const LAST_COL = 8;
/** Lines each listed criterion or recommendation gets: its texts are cut to fit them (« … »). */
const LIST_LINES = 2;
/** Points per line of 11-pt text. */
const LINE = 15;

/** What the sheet writes and where its sections end. */
interface Layout {
  cells: BlockCell[];
  tables: TablePlan[];
  /** The next free row. */
  row: number;
  /** Rows after which a page starts. */
  breaks: number[];
  /** Sections so far, for their numbers. */
  sections: number;
}

/** A column of one of the sheet's tables, at sheet column `col` (its width is the sheet's). */
interface VisitColumn {
  key: string;
  header: string;
  numFmt?: string;
  wrap?: boolean;
  style?: CellStyle;
}

/**
 * The « Rapport de visite » / "Visit report" sheet (design.md "Rounds, comparison and report"), for
 * the committee that decides, built from formulas over the workbook's tables and names so that it
 * stays current: (1) the evaluator's score, gap and agreement per dimension and overall beside the
 * self-assessment's score (`QG_VisitScores`, from `QG_Scores`' evaluator columns and the dashboard's
 * evaluator names); (2) the criteria where the evaluator and the consolidated rating differ beyond the
 * tolerance, up to `VISIT_DISAGREEMENTS_MAX` in template order (`QG_VisitDisagreements`, over the
 * grid's « Rang désaccord évaluateur », `grid.visit.ts`); (3) the evidence review's counts; (4) the
 * recommendations, the action plan's rows whose source is « Évaluation externe »
 * (`QG_VisitRecommendations`); (5) the seal's date, reviewer and fingerprint (`QG_Seal`, which only
 * a sealed workbook names: « Non scellé » otherwise). Printed portrait, one page wide, a page after
 * (1), the organization, template, round and date in the page header and footer.
 * Null without the review, the dashboard or the report (`hasVisitReport`).
 */
export function visitSheet(template: Template, options: PlanOptions): SheetPlan | null {
  if (!hasVisitReport(options)) return null;
  const { lang } = options;
  const L = (k: keyof typeof VISIT_TEXTS): string => VISIT_TEXTS[k][lang];
  const date = SETTING_NAMES.assessmentDate;
  const layout: Layout = {
    cells: [
      { row: 1, col: 1, value: L("subtitle"), style: "title" },
      { row: 2, col: 1, value: textOf(template.title, lang), style: "note" },
      { row: 3, col: 1, value: L("help"), style: "note" },
      { row: 4, col: 1, value: L("help2"), style: "note" },
      { row: 5, col: 1, value: L("organization"), style: "label" },
      { row: 5, col: 3, value: f(`IF(${SETTING_NAMES.organization}="","",${SETTING_NAMES.organization})`), style: "computed" },
      { row: 6, col: 1, value: L("assessmentDate"), style: "label" },
      // As text (yyyy-mm-dd whatever the locale's date format): it reads whole, spilling to the right.
      { row: 6, col: 3, value: f(`IF(ISNUMBER(${date}),YEAR(${date})&"-"&TEXT(MONTH(${date}),"00")&"-"&TEXT(DAY(${date}),"00"),"")`), style: "computed" },
    ],
    tables: [],
    row: 8,
    breaks: [],
    sections: 0,
  };
  scoresSection(layout, template, lang);
  disagreementsSection(layout, template, options);
  if (options.parts.evidence) reviewSection(layout, lang);
  if (options.parts.actions) recommendationsSection(layout, lang);
  sealSection(layout, lang);
  const last = layout.row - 1;
  const { header, footer } = visitHeaderFooter(template, options);
  return {
    key: "visit",
    name: SHEET_NAMES.visit[lang],
    tabColor: "1F4E79",
    widths: { ...WIDTHS, [LAST_COL + 1]: 8 },
    cells: layout.cells,
    tables: layout.tables,
    freeze: { rows: 0, cols: 0 },
    protect: true,
    conditionalFormats: [],
    print: {
      orientation: "portrait",
      // The title row on every page: each section has its own headings.
      repeatRows: { from: 1, to: 1 },
      // Whole columns, as every sheet's: Excel prints no row past the last one used.
      area: `A:${columnLetter(LAST_COL)}`,
      breaks: layout.breaks.filter((b) => b < last),
      header,
      footer,
    },
  };
}

/** A section's numbered title on the next row. */
function title(layout: Layout, text: string): void {
  layout.sections++;
  layout.cells.push({ row: layout.row, col: 1, value: `${layout.sections}. ${text}`, style: "subtitle" });
  layout.row++;
}

/** A label in A (spilling over B and C) and its figure in D, on the next row; returns the row. */
function figure(layout: Layout, label: string, value: PlanValue, numFmt?: string): number {
  const r = layout.row++;
  layout.cells.push({ row: r, col: 1, value: label, style: "label" }, { row: r, col: FIGURE_COL, value, style: "figure", ...(numFmt ? { numFmt } : {}) });
  return r;
}

/** The absolute address of the figure on row `r`. */
function figureAt(r: number): string {
  return `$${columnLetter(FIGURE_COL)}$${r}`;
}

/**
 * Places a table at the next row, from column A: its headers' height from their words, each data
 * row's from `heights` (lines); the next row is then the one right below it. Returns it.
 */
function place(layout: Layout, name: string, columns: readonly VisitColumn[], rows: PlanValue[][], heights: readonly number[]): TablePlan {
  const plans: ColumnPlan[] = columns.map((c, i) => ({
    key: c.key,
    header: c.header,
    width: WIDTHS[i + 1] ?? 8,
    input: false,
    style: c.style ?? "computed",
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
    ...(c.wrap ? { wrap: true } : {}),
  }));
  const headerLines = Math.max(1, ...plans.filter((c) => c.style !== "helper").map((c) => linesOf(c.header, c.width)));
  const table: TablePlan = {
    name,
    top: layout.row,
    left: 1,
    columns: plans,
    rows,
    style: "TableStyleLight9",
    headerHeight: headerLines * LINE,
    rowHeights: heights.map((n) => Math.max(1, n) * LINE),
  };
  layout.tables.push(table);
  layout.row += rows.length + 1;
  return table;
}

/** A value that shows blank rather than 0 when it is blank, and nothing when it is an error (past the last row listed). */
function blankSafe(expr: string): PlanValue {
  return f(`IFERROR(IF(${expr}="","",${expr}),"")`);
}

/**
 * `expr`'s text cut to what `LIST_LINES` lines of a column `width` wide hold, with « … » (a
 * third kept in reserve: wrapping breaks between words, fonts differ), blank when blank or an error.
 */
function cut(expr: string, width: number): PlanValue {
  const max = Math.max(8, Math.floor(LIST_LINES * Math.floor(width * 1.15) * 0.7));
  return f(`IFERROR(IF(${expr}="","",IF(LEN(${expr})>${max},LEFT(${expr},${max - 1})&"…",${expr})),"")`);
}

/**
 * (1) `QG_VisitScores`: per dimension, in template order, the self-assessment's score and the
 * evaluator's score, gap, criteria both rated, share within the tolerance and mean absolute
 * difference, each looked up in `QG_Scores` by dimension id; then the overall row from the
 * dashboard's names; the tolerance below.
 */
function scoresSection(layout: Layout, template: Template, lang: Lang): void {
  const L = (k: keyof typeof VISIT_TEXTS): string => VISIT_TEXTS[k][lang];
  title(layout, L("scoresTitle"));
  const scores = (k: ScoresKey): string => wholeColumn(TABLES.scores, HEADERS.scores[k][lang]);
  const columns: VisitColumn[] = [
    { key: "dimension", header: L("dimension") },
    { key: "title", header: L("title"), wrap: true },
    { key: "selfScore", header: L("selfScore"), numFmt: FORMATS.score },
    { key: "evaluatorScore", header: L("evaluatorScore"), numFmt: FORMATS.score },
    { key: "evaluatorGap", header: L("evaluatorGap"), numFmt: FORMATS.score },
    { key: "both", header: L("both") },
    { key: "within", header: L("within"), numFmt: FORMATS.percent },
    { key: "meanDiff", header: L("meanDiff"), numFmt: "0.00" },
  ];
  const looked: ScoresKey[] = ["score", "evaluatorScore", "evaluatorGap", "evaluatorBoth", "evaluatorWithin", "evaluatorMeanDiff"];
  const top = layout.row;
  const rows: PlanValue[][] = template.dimensions.map((d, i) => {
    // The dimension id of this row, in column A.
    const id = `$A$${top + 1 + i}`;
    return [d.id, textOf(d.title, lang), ...looked.map((k) => blankSafe(`INDEX(${scores(k)},MATCH(${id},${scores("dimension")},0))`))];
  });
  rows.push([L("overall"), null, ...[NAMES.overallScore, NAMES.evaluatorScore, NAMES.evaluatorGap, NAMES.evaluatorBoth, NAMES.agreement, NAMES.meanAbsDiff].map((n) => f(n))]);
  // Lines counted a fifth narrower than the column: fonts other than Calibri (LibreOffice's fallback) run wider.
  const heights = [...template.dimensions.map((d) => linesOf(textOf(d.title, lang), 0.8 * (WIDTHS[2] ?? 22))), 1];
  place(layout, TABLES.visitScores, columns, rows, heights);
  const t = figure(layout, L("tolerance"), f(NAMES.toleranceUsed), "0.0#");
  layout.breaks.push(t);
  layout.row++;
}

/**
 * (2) The count of criteria beyond the tolerance (numbers in the grid's « Rang désaccord
 * évaluateur »), then `QG_VisitDisagreements`, whose row j shows the j-th of them (SMALL over those
 * rows, as `QG_Discuss`): id, statement, the consolidated rating (« Cotation » with one respondent),
 * the evaluator's, their difference in levels, the target level, the accepted evidence (the priority
 * without a register) and the evaluator's comment. A note says when there are none, or how many the
 * list leaves out.
 */
function disagreementsSection(layout: Layout, template: Template, options: PlanOptions): void {
  const { lang } = options;
  const L = (k: keyof typeof VISIT_TEXTS): string => VISIT_TEXTS[k][lang];
  const grid = (k: GridKey): string => wholeColumn(TABLES.grid, HEADERS.grid[k][lang]);
  const multi = isMultiRespondent(options);
  title(layout, L("disagreeTitle"));
  const helper = grid("disagreementRow");
  const countRow = figure(layout, L("disagreeCount"), f(`COUNT(${helper})`));
  const evidence = options.parts.evidence;
  const columns: (VisitColumn & { from: GridKey })[] = [
    { key: "criterion", header: L("criterion"), from: "criterion" },
    { key: "statement", header: L("statement"), from: "text", wrap: true },
    { key: "selfRating", header: L("selfRating"), from: multi ? "consolidated" : "rating", ...(multi ? { numFmt: "0.00" } : {}) },
    { key: "evaluatorRating", header: L("evaluatorRating"), from: "evaluatorRating" },
    { key: "difference", header: L("difference"), from: "evaluatorDifference", numFmt: "0.00" },
    { key: "targetLevel", header: L("targetLevel"), from: "targetLevel" },
    evidence ? { key: "acceptedEvidence", header: L("acceptedEvidence"), from: "acceptedEvidence" } : { key: "priority", header: L("priority"), from: "priority", numFmt: "0.00" },
    { key: "evaluatorComment", header: L("evaluatorComment"), from: "evaluatorComment", wrap: true },
  ];
  const rated = template.dimensions.flatMap((d) => d.criteria).filter((c) => !isTextCriterion(c)).length;
  const count = Math.max(1, Math.min(rated, VISIT_DISAGREEMENTS_MAX));
  const rows: PlanValue[][] = [];
  for (let j = 1; j <= count; j++) {
    const at = `MATCH(SMALL(${helper},${j}),${helper},0)`;
    rows.push(columns.map((c, i) => (c.wrap ? cut(`INDEX(${grid(c.from)},${at})`, WIDTHS[i + 1] ?? 8) : blankSafe(`INDEX(${grid(c.from)},${at})`))));
  }
  place(layout, TABLES.visitDisagreements, columns, rows, rows.map(() => LIST_LINES));
  const n = figureAt(countRow);
  layout.cells.push({
    row: layout.row++,
    col: 1,
    value: f(`IF(${n}=0,${str(L("disagreeNone"))},IF(${n}>${count},${n}-${count}&${str(L("disagreeMore"))},""))`),
    style: "note",
  });
  // No page break after it: its blank rows would leave a page nearly empty; the next sections follow.
  layout.row++;
}

/**
 * (3) The evidence review: the register's items (rows naming a criterion or a title: a row holding
 * only its E001 id is not evidence), those the evaluator marked « Acceptée », « À compléter »,
 * « Manquante » (the lists' words, compared as Excel compares text, case aside), the rest not
 * reviewed, and the reviewed coverage.
 */
function reviewSection(layout: Layout, lang: Lang): void {
  const L = (k: keyof typeof VISIT_TEXTS): string => VISIT_TEXTS[k][lang];
  const ev = (k: EvidenceKey): string => wholeColumn(TABLES.evidence, HEADERS.evidence[k][lang]);
  title(layout, L("reviewTitle"));
  const item = `((LEN(TRIM(${ev("criteria")}))+LEN(TRIM(${ev("title")})))>0)`;
  const verdict = (name: string): PlanValue => f(`SUMPRODUCT(${item}*(${ev("reviewStatus")}=${name}))`);
  const items = figure(layout, L("evidenceItems"), f(`SUMPRODUCT(--${item})`));
  figure(layout, L("reviewAccepted"), verdict(NAMES.reviewAccepted));
  figure(layout, L("reviewToComplete"), verdict(NAMES.reviewToComplete));
  figure(layout, L("reviewMissing"), verdict(NAMES.reviewMissing));
  figure(layout, L("notReviewed"), f(`${figureAt(items)}-SUM(${figureAt(items + 1)}:${figureAt(items + 3)})`));
  figure(layout, L("reviewedCoverage"), f(`IF(ISNUMBER(${NAMES.reviewedCoverage}),${NAMES.reviewedCoverage},"")`), FORMATS.percent);
  layout.row++;
}

/**
 * (4) `QG_VisitRecommendations`: the action plan's rows whose « Source » is « Évaluation externe »,
 * in the plan's order. Its last column (I, a helper beyond the print area) holds the j-th one's
 * position in the action plan: the first match, then the next match below the previous one (MATCH
 * over INDEX(…):INDEX(…)), blank once there is none; the row shows its id, text, due date,
 * criterion, status, overdue flag, progress and owner. A note says when there are none, or how many the
 * list leaves out.
 */
function recommendationsSection(layout: Layout, lang: Lang): void {
  const L = (k: keyof typeof VISIT_TEXTS): string => VISIT_TEXTS[k][lang];
  const actions = (k: ActionKey): string => wholeColumn(TABLES.actions, HEADERS.actions[k][lang]);
  const source = str(ACTION_SOURCES.find((s) => s.key === "externalEvaluation")?.text[lang] ?? "");
  title(layout, L("recoTitle"));
  layout.cells.push({ row: layout.row++, col: 1, value: L("recoNote"), style: "note" });
  const countRow = figure(layout, L("recoCount"), f(`COUNTIF(${actions("source")},${source})`));
  const columns: (VisitColumn & { from: ActionKey | null })[] = [
    { key: "id", header: L("id"), from: "id" },
    { key: "recommendation", header: L("recommendation"), from: "action", wrap: true },
    { key: "due", header: L("due"), from: "due", numFmt: FORMATS.date },
    { key: "criterion", header: L("criterion"), from: "criterion" },
    { key: "status", header: L("status"), from: "status", wrap: true },
    { key: "overdue", header: L("overdue"), from: "overdue", wrap: true },
    { key: "progress", header: L("progress"), from: "progress", numFmt: FORMATS.percent },
    { key: "owner", header: L("owner"), from: "owner", wrap: true },
    { key: "position", header: L("recoPosition"), from: null, style: "helper" },
  ];
  const src = actions("source");
  const top = layout.row;
  const I = columnLetter(columns.length);
  const rows: PlanValue[][] = [];
  for (let j = 1; j <= VISIT_RECOMMENDATIONS_MAX; j++) {
    const r = top + j;
    const prev = `$${I}$${r - 1}`;
    const here = `$${I}$${r}`;
    rows.push(
      columns.map((c, i) => {
        if (c.from === null) {
          return f(j === 1 ? `IFERROR(MATCH(${source},${src},0),"")` : `IFERROR(${prev}+MATCH(${source},INDEX(${src},${prev}+1):INDEX(${src},ROWS(${src})),0),"")`);
        }
        const v = `INDEX(${actions(c.from)},${here})`;
        return c.key === "recommendation" ? cut(v, WIDTHS[i + 1] ?? 8) : f(`IF(${here}="","",IF(${v}="","",${v}))`);
      }),
    );
  }
  place(layout, TABLES.visitRecommendations, columns, rows, rows.map(() => LIST_LINES));
  const n = figureAt(countRow);
  layout.cells.push({
    row: layout.row++,
    col: 1,
    value: f(`IF(${n}=0,${str(L("recoNone"))},IF(${n}>${VISIT_RECOMMENDATIONS_MAX},${n}-${VISIT_RECOMMENDATIONS_MAX}&${str(L("recoMore"))},""))`),
    style: "note",
  });
  layout.row++;
}

/**
 * (5) The seal (`QG_Seal`, design.md "The evaluator"): its date (block row 2), reviewer (row 3) and
 * fingerprint (row 5, third column, on two rows), each in C, spilling to the right. An unsealed workbook has no such name:
 * the error is caught and the date reads « Non scellé ».
 */
function sealSection(layout: Layout, lang: Lang): void {
  const L = (k: keyof typeof VISIT_TEXTS): string => VISIT_TEXTS[k][lang];
  title(layout, L("sealTitle"));
  const at = (row: number, col: number): string => `INDEX(${SEAL_NAME},${row},${col})&""`;
  // The fingerprint's 64 characters on two rows of 32: one row would run past the printed width.
  const fingerprint = (from: number): string => `IFERROR(MID(${at(5, 3)},${from},32),"")`;
  const rows: [keyof typeof VISIT_TEXTS | null, string][] = [
    ["sealDate", `IFERROR(${at(2, 2)},${str(L("notSealed"))})`],
    ["sealReviewer", `IFERROR(${at(3, 2)},"")`],
    ["sealFingerprint", fingerprint(1)],
    [null, fingerprint(33)],
  ];
  for (const [k, formula] of rows) {
    const r = layout.row++;
    if (k !== null) layout.cells.push({ row: r, col: 1, value: L(k), style: "label" });
    layout.cells.push({ row: r, col: 3, value: f(formula), style: "computed" });
  }
}

/** The longest header or footer Excel keeps (characters, codes included). */
const HEADER_MAX = 255;

/**
 * Text for a header or footer section in 8-point type: `&` doubled (Excel reads `&` as a code), cut
 * with « … » so that it takes at most `max` characters so written, and a space before a leading
 * digit (`&8` followed by `2026` would read as a font size of 82026).
 */
function small(text: string, max: number): string {
  const escaped = (s: string): string => s.replace(/&/g, "&&");
  let kept = text;
  while (escaped(kept).length > max) kept = kept.slice(0, Math.max(0, Math.min(kept.length - 1, max - 1)));
  const body = escaped(kept === text ? text : `${kept}…`);
  return `&8${/^\d/.test(body) ? " " : ""}${body}`;
}

/**
 * The printed page's header and footer (contract of issue 18), in small type: the template's title,
 * id and version left and the organization (from the settings) right; the round (« Cycle en cours
 * (après LABEL) » with closed rounds, « Premier cycle » without) left of the footer, the date
 * (`&D`) in the middle and « Page n / N » right. Each within Excel's 255 characters.
 */
export function visitHeaderFooter(template: Template, options: PlanOptions): { header: string; footer: string } {
  const { lang } = options;
  const org = options.settings?.organization ?? "";
  const last = options.history?.[options.history.length - 1];
  const round = last ? VISIT_TEXTS.roundAfter[lang].replace("{label}", last.label) : VISIT_TEXTS.firstRound[lang];
  const tpl = `${textOf(template.title, lang)} (${template.id} ${template.version})`;
  const header = `&L${small(tpl, 150)}&R${small(org, 80)}`;
  const footer = `&L${small(round, 120)}&C&8&D&R&8${VISIT_TEXTS.page[lang]}`;
  return { header: header.slice(0, HEADER_MAX), footer: footer.slice(0, HEADER_MAX) };
}
