import { isTextCriterion } from "../model/criterion.scale.js";
import type { Template } from "../model/template.types.js";
import { columnsOf, FORMATS, type ColumnSpec } from "./columns.js";
import { f, str, thisRow, wholeColumn } from "./formula.js";
import { planRespondents, respondentKey } from "./grid.respondents.js";
import { HEADERS, respondentHeader, TEXTS, type DiscussKey } from "./labels.js";
import { NAMES, TABLES } from "./names.js";
import type { BlockCell, ColumnPlan, NamePlan, PlanOptions, PlanValue, TablePlan } from "./plan.types.js";

/** The most criteria `QG_Discuss` lists; the grid's « À discuter » filter shows the rest. */
export const DISCUSS_ROWS_MAX = 25;

/** `QG_Scores`' columns for several respondents: each one's score, then the count of criteria to discuss. */
export function respondentScoreColumns(options: PlanOptions): ColumnPlan[] {
  const { lang } = options;
  const respondents = planRespondents(options);
  const scores: ColumnPlan[] = respondents.map((name, i) => ({
    key: respondentKey("score", i + 1),
    header: respondentHeader("score", name, lang),
    width: 10,
    input: false,
    style: "computed",
    numFmt: FORMATS.score,
  }));
  return [...scores, ...columnsOf(HEADERS.scores, { toDiscuss: { width: 10 } }, lang)];
}

/**
 * Their formulas, by key: a respondent's score is the dimension rule over their own levels
 * (100 × Σ points / Σ counted weight of the dimension's rows, "" when nothing counts); « À
 * discuter » counts the dimension's rows to discuss.
 */
export function respondentScoreFormulas(options: PlanOptions, dimensionCell: string): Record<string, PlanValue> {
  const { lang } = options;
  const G = TABLES.grid;
  const grid = (header: string): string => wholeColumn(G, header);
  const by = `${grid(HEADERS.grid.dimension[lang])},${dimensionCell}`;
  const out: Record<string, PlanValue> = {};
  planRespondents(options).forEach((name, i) => {
    const counted = `SUMIFS(${grid(respondentHeader("counted", name, lang))},${by})`;
    out[respondentKey("score", i + 1)] = f(`IF(${counted}=0,"",100*SUMIFS(${grid(respondentHeader("points", name, lang))},${by})/${counted})`);
  });
  out.toDiscuss = f(`COUNTIFS(${by},${grid(HEADERS.grid.toDiscuss[lang])},1)`);
  return out;
}

/** `thisRow` of the scores table, for `respondentScoreFormulas`' dimension cell. */
export function scoresDimensionCell(columns: readonly ColumnPlan[]): string {
  const c = columns.find((x) => x.key === "dimension");
  if (!c) throw new Error("no dimension column in QG_Scores");
  return thisRow(TABLES.scores, c.header);
}

/**
 * The dashboard's criteria to discuss, from row `top` down: the count (`QG_ToDiscuss`), then
 * `QG_Discuss`, whose row j shows the j-th row of the grid to discuss (SMALL over « Rang à
 * discuter »), or nothing; a note counts those the table leaves out.
 */
export function discussContent(template: Template, options: PlanOptions, sheet: string, top: number): { table: TablePlan; cells: BlockCell[]; names: NamePlan[] } {
  const { lang } = options;
  const respondents = planRespondents(options);
  const G = TABLES.grid;
  const grid = (header: string): string => wholeColumn(G, header);
  const rated = template.dimensions.flatMap((d) => d.criteria).filter((c) => !isTextCriterion(c)).length;
  const count = Math.max(1, Math.min(rated, DISCUSS_ROWS_MAX));
  const specs: Partial<Record<DiscussKey, ColumnSpec>> = {
    criterion: { width: 12 },
    text: { width: 48, wrap: true },
    spread: { width: 10, numFmt: "0.00" },
    consolidated: { width: 11, numFmt: "0.00" },
  };
  const columns: ColumnPlan[] = [
    ...columnsOf(HEADERS.discuss, specs, lang),
    ...respondents.map((name, i): ColumnPlan => ({ key: respondentKey("rating", i + 1), header: respondentHeader("rating", name, lang), width: 12, input: false, style: "computed" })),
  ];
  const gridHeader: Record<string, string> = {
    criterion: HEADERS.grid.criterion[lang],
    text: HEADERS.grid.text[lang],
    spread: HEADERS.grid.spread[lang],
    consolidated: HEADERS.grid.consolidated[lang],
  };
  respondents.forEach((name, i) => (gridHeader[respondentKey("rating", i + 1)] = respondentHeader("rating", name, lang)));
  const discussRow = grid(HEADERS.grid.discussRow[lang]);
  const rows: PlanValue[][] = [];
  for (let j = 1; j <= count; j++) {
    const at = `MATCH(SMALL(${discussRow},${j}),${discussRow},0)`;
    rows.push(
      columns.map((c) => {
        const v = `INDEX(${grid(gridHeader[c.key] as string)},${at})`;
        // A blank grid cell shows blank rather than 0; a row past the last one to discuss, nothing.
        return f(`IFERROR(IF(${v}="","",${v}),"")`);
      }),
    );
  }
  const first = top + 2;
  const total = `SUM(${grid(HEADERS.grid.toDiscuss[lang])})`;
  const cells: BlockCell[] = [
    { row: top, col: 1, value: TEXTS.discussTitle[lang], style: "subtitle" },
    { row: top + 1, col: 1, value: TEXTS.discussCount[lang], style: "label" },
    { row: top + 1, col: 2, value: f(total), style: "figure" },
    {
      row: first + count + 1,
      col: 1,
      value: f(`IF(${NAMES.toDiscuss}>${count},${NAMES.toDiscuss}-${count}&${str(TEXTS.discussMore[lang])},"")`),
      style: "note",
    },
  ];
  const names: NamePlan[] = [{ name: NAMES.toDiscuss, sheet, ref: `$B$${top + 1}` }];
  return { table: { name: TABLES.discuss, top: first, left: 1, columns, rows, style: "TableStyleLight9" }, cells, names };
}
