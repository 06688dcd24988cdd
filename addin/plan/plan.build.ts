import { describeScale } from "../model/scale.js";
import { textOf } from "../model/text.js";
import type { Template } from "../model/template.types.js";
import { withScoresChart } from "./chart.plan.js";
import { dashboardContent } from "./dashboard.plan.js";
import { gridFeatures } from "./grid.features.js";
import { historySheet } from "./history.plan.js";
import { GRID_HEADER_ROW, gridTable } from "./grid.plan.js";
import { SHEET_NAMES, TEXTS } from "./labels.js";
import { LISTS_HEADER_ROW, listsSheetContent } from "./lists.plan.js";
import { withPrint } from "./print.plan.js";
import { withRowHeights } from "./row.heights.js";
import { discussHighlight, isMultiRespondent } from "./grid.respondents.js";
import { respondentsContent } from "./respondents.plan.js";
import { hasReview } from "./review.option.js";
import { stepsSheet } from "./steps.plan.js";
import { reportSheet } from "./report.plan.js";
import { surveysSheet } from "./surveys.plan.js";
import { visitSheet } from "./visit.plan.js";
import type { BlockCell, PlanOptions, SheetKey, SheetPlan, TablePlan, WorkbookPlan } from "./plan.types.js";
import { actionsTable, evidenceTable, REGISTER_HEADER_ROW } from "./register.plan.js";
import { TEMPLATE_HEADER_ROW, templateSheetContent } from "./template.plan.js";

/** Default options: French, every part, 20 empty rows in the registers. */
export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
  lang: "fr",
  parts: { evidence: true, actions: true, dashboard: true },
  blankRows: 20,
};

/**
 * Builds the plan of a Qualigrid workbook for a validated template: sheets in tab order, tables,
 * formulas, validations, formats and names. Pure data, rendered the same way by `addin/xlsx`
 * (files) and `addin/excel` (the open workbook).
 */
export function buildPlan(template: Template, options: Partial<PlanOptions> = {}): WorkbookPlan {
  const opts: PlanOptions = { ...DEFAULT_PLAN_OPTIONS, ...options, parts: { ...DEFAULT_PLAN_OPTIONS.parts, ...options.parts } };
  const { lang } = opts;
  const name = (k: SheetKey): string => SHEET_NAMES[k][lang];
  const title = textOf(template.title, lang);
  const header = (subtitle: string, help: string): BlockCell[] => [
    { row: 1, col: 1, value: `${title} — ${subtitle}`, style: "title" },
    { row: 2, col: 1, value: help, style: "note" },
  ];
  const sheets: SheetPlan[] = [];
  // Every sheet prints one page wide with its header row repeated (`withPrint`).
  const names: WorkbookPlan["names"] = [];

  if (opts.parts.dashboard) {
    const d = dashboardContent(template, opts, name("dashboard"));
    names.push(...d.names);
    const dashboard = withPrint(
      {
        ...sheetOf("dashboard", name("dashboard"), "1F4E79", d.tables, [...header(TEXTS.dashboardSubtitle[lang], TEXTS.dashboardHelp[lang]), ...d.cells]),
        // The scores table sets the widths; the themes table below it shares its columns.
        widths: { ...widthsOf(d.tables.slice(0, 1)), 1: 24, 2: 34 },
        freeze: { rows: 0, cols: 0 },
        conditionalFormats: d.conditionalFormats,
      },
      (d.tables[0] as TablePlan).top,
    );
    // The chart of scores by dimension (`QG_ScoresChart`) stands above the table, beside the overall block.
    sheets.push(withScoresChart(dashboard, lang));
  }

  const grid = gridTable(template, opts);
  // With several scales, the line names the template's own and points at each row's « Échelle ».
  const features = gridFeatures(template);
  const multi = isMultiRespondent(opts);
  const otherScales = features.scales ? TEXTS.otherScales[lang] : "";
  const scaleHelp = `${TEXTS.scaleLine[lang]}${lang === "fr" ? " : " : ": "}${describeScale(template.scale, lang)}${otherScales}`;
  sheets.push(
    withPrint(
      {
        ...sheetOf("grid", name("grid"), "2E75B6", [grid], [
          // Questions answered in words and required criteria are said in the help line when there are some.
          ...header(
            TEXTS.gridSubtitle[lang],
            `${TEXTS.gridHelp[lang]}${features.text ? TEXTS.gridHelpQuestions[lang] : ""}${features.required ? TEXTS.gridHelpRequired[lang] : ""}${multi ? TEXTS.gridHelpRespondents[lang] : ""}`,
          ),
          { row: 3, col: 1, value: scaleHelp, style: "note" },
        ]),
        freeze: { rows: GRID_HEADER_ROW, cols: 2 },
        // Several respondents: the rows to discuss stand out.
        conditionalFormats: multi ? [discussHighlight(grid.columns, grid.top, grid.left, grid.rows.length)] : [],
      },
      GRID_HEADER_ROW,
    ),
  );

  if (opts.parts.evidence) {
    const t = evidenceTable(opts);
    sheets.push(
      withPrint(
        {
          ...sheetOf("evidence", name("evidence"), "548235", [t], header(TEXTS.evidenceSubtitle[lang], (hasReview(opts) ? TEXTS.evidenceHelp : TEXTS.evidenceHelpNoReview)[lang])),
          freeze: { rows: REGISTER_HEADER_ROW, cols: 1 },
          // Users add rows to the register: a protected sheet would stop its table from growing.
          protect: false,
        },
        REGISTER_HEADER_ROW,
      ),
    );
  }
  if (opts.parts.actions) {
    const t = actionsTable(opts, template);
    sheets.push(
      withPrint(
        {
          ...sheetOf("actions", name("actions"), "C55A11", [t], header(TEXTS.actionsSubtitle[lang], TEXTS.actionsHelp[lang])),
          freeze: { rows: REGISTER_HEADER_ROW, cols: 1 },
          protect: false,
        },
        REGISTER_HEADER_ROW,
      ),
    );
  }

  // The process (« Démarche »), only for a template with steps.
  const steps = stepsSheet(template, opts);
  if (steps) sheets.push(steps);

  // The report a board reads (« Rapport »), with the dashboard, unless `report` is false.
  const report = reportSheet(template, opts);
  if (report) sheets.push(report);

  // The evaluator's visit report (« Rapport de visite »), for the committee that decides: with the review.
  const visit = visitSheet(template, opts);
  if (visit) sheets.push(visit);

  // The imported surveys (« Sondages »), after the reports and before the history (contract's tab order).
  const surveys = surveysSheet(template, opts);
  if (surveys) sheets.push(surveys);

  // The closed rounds (« Historique »), only when the workbook has some: right before the template sheet.
  const history = historySheet(template, opts);
  if (history) sheets.push(history);

  const tpl = templateSheetContent(template, opts);
  sheets.push(withPrint({ ...sheetOf("template", name("template"), "7F7F7F", tpl.tables, tpl.cells), freeze: { rows: 4, cols: 0 } }, TEMPLATE_HEADER_ROW));

  const lists = listsSheetContent(template, opts, name("lists"));
  names.push(...lists.names);
  // Named respondents: `QG_Respondents` beside the settings.
  const respondents = respondentsContent(opts);
  const listsTables = respondents ? [respondents.table] : [];
  sheets.push(
    withPrint(
      {
        ...sheetOf("lists", name("lists"), "7F7F7F", listsTables, [...lists.cells, ...(respondents?.cells ?? [])]),
        widths: { ...lists.widths, ...widthsOf(listsTables) },
        freeze: { rows: 3, cols: 0 },
      },
      LISTS_HEADER_ROW,
    ),
  );

  return { lang, template, options: opts, sheets, names, activeSheet: "grid" };
}

function sheetOf(key: SheetKey, name: string, tabColor: string, tables: TablePlan[], cells: BlockCell[]): Omit<SheetPlan, "print"> {
  return {
    key,
    name,
    tabColor,
    widths: widthsOf(tables),
    cells,
    tables: tables.map(withRowHeights),
    freeze: { rows: 0, cols: 0 },
    protect: true,
    conditionalFormats: [],
  };
}

/** Column widths from the tables' columns. */
function widthsOf(tables: TablePlan[]): Record<number, number> {
  const widths: Record<number, number> = {};
  for (const t of tables) t.columns.forEach((c, i) => (widths[t.left + i] = c.width));
  return widths;
}
