import { columnsOf, FORMATS } from "./columns.js";
import { planRespondents } from "./grid.respondents.js";
import { HEADERS, TEXTS } from "./labels.js";
import { LISTS_HEADER_ROW } from "./lists.plan.js";
import { TABLES } from "./names.js";
import type { BlockCell, PlanOptions, TablePlan } from "./plan.types.js";

/** Column of `QG_Respondents` on the lists sheet: right of the settings, the scales' levels and the step statuses. */
export const RESPONDENTS_COL = 31;

/**
 * `QG_Respondents` on the lists sheet (contract of issue 16, §0): one row per named respondent, in
 * order, with the copy id and merge record that copies and merges fill in; none when the grid's
 * only respondent is unnamed (today's workbook).
 */
export function respondentsContent(options: PlanOptions): { table: TablePlan; cells: BlockCell[] } | null {
  const respondents = planRespondents(options);
  if (respondents.length === 0) return null;
  const { lang } = options;
  const columns = columnsOf(
    HEADERS.respondents,
    { name: { width: 24 }, copyId: { width: 38 }, mergedOn: { width: 12, numFmt: FORMATS.date }, mergedFrom: { width: 30 } },
    lang,
  );
  const rows = respondents.map((name) => [name, null, null, null]);
  return {
    table: { name: TABLES.respondents, top: LISTS_HEADER_ROW, left: RESPONDENTS_COL, columns, rows, style: "TableStyleLight9" },
    cells: [{ row: LISTS_HEADER_ROW - 1, col: RESPONDENTS_COL, value: TEXTS.listsRespondents[lang], style: "subtitle" }],
  };
}
