import type { RoundRecord } from "../model/history.types.js";
import type { WorkbookSettings } from "../model/settings.js";
import type { SurveyRecord } from "../model/survey.types.js";
import type { Lang, Template } from "../model/template.types.js";

/** A formula, in Excel's invariant syntax (English names, comma separators), starting with `=`. */
export interface FormulaCell {
  formula: string;
}

/** A value a plan puts in a cell. Strings are always written as text, never evaluated. */
export type PlanValue = string | number | boolean | null | FormulaCell;

/** How a cell or column looks; renderers map each to fonts and fills. */
export type CellStyle = "title" | "subtitle" | "note" | "label" | "figure" | "input" | "computed" | "helper";

/** Data validation on a column's data cells or a block cell. */
export type ValidationRule =
  | { type: "list"; source: string; message: string }
  | { type: "decimal"; min: number; max: number; message: string }
  | { type: "date"; message: string };

/** A column of a table. */
export interface ColumnPlan {
  /** Stable key the code uses (`rating`), whatever the header's language. */
  key: string;
  /** The header, in the workbook's language; also the table column's name. */
  header: string;
  width: number;
  /** An input column: unlocked under sheet protection. */
  input: boolean;
  style: CellStyle;
  numFmt?: string;
  wrap?: boolean;
  validation?: ValidationRule;
}

/** A table: a header row and data rows, at a fixed place in its sheet. */
export interface TablePlan {
  /** Stable name (`QG_Grid`), whatever the language. */
  name: string;
  /** 1-based row of the header and column of the first column. */
  top: number;
  left: number;
  columns: ColumnPlan[];
  /** One entry per data row, one value per column. Never empty (a table needs a row). */
  rows: PlanValue[][];
  style: string;
  /** Height (points) of the header row and of each data row, set so wrapped text shows whole. */
  headerHeight?: number;
  rowHeights?: number[];
}

/** A cell outside tables: titles, labels, figures. */
export interface BlockCell {
  row: number;
  col: number;
  value: PlanValue;
  style: CellStyle;
  numFmt?: string;
  input?: boolean;
  wrap?: boolean;
  validation?: ValidationRule;
}

/** Conditional formatting on a range of a sheet. */
export type ConditionalFormatPlan =
  | { type: "colorScale"; ref: string; colors: "redYellowGreen" | "greenYellowRed" }
  | { type: "dataBar"; ref: string; color: string }
  /** Cells filled with `fill` (RRGGBB) where `formula` (no `=`, relative to the range's top-left cell) is true. */
  | { type: "expression"; ref: string; formula: string; fill: string };

/** Which sheet of the workbook a sheet plan is. */
export type SheetKey = "dashboard" | "grid" | "evidence" | "actions" | "steps" | "template" | "lists" | "history" | "surveys" | "report" | "visit";

/** One series of a chart: its name (a cell reference, or a text) and its values' range. */
export interface ChartSeriesPlan {
  /** A sheet-qualified cell holding the series' name (`'Tableau de bord'!$D$15`). */
  nameRef: string;
  /** The name as the plan knows it (cached for readers that do not recalculate). */
  name: string;
  /** A sheet-qualified range of the values (`'Tableau de bord'!$D$16:$D$22`). */
  valuesRef: string;
  /** Fill or line colour (RRGGBB). */
  color: string;
}

/**
 * A native chart on a sheet (design.md "Rounds, comparison and report"): its series point at the
 * workbook's cells, so it follows the formulas. Both renderers draw it (Excel: `charts.add`; files:
 * DrawingML parts added to the package, since exceljs cannot write one).
 */
export interface ChartPlan {
  /** Stable name (`QG_ScoresChart`); a renderer replaces a chart of the same name, never duplicates it. */
  name: string;
  /** Radar with markers, or clustered columns. */
  type: "radar" | "columns";
  title: string;
  /** A sheet-qualified range of the category labels (dimension ids). */
  categoriesRef: string;
  /** The categories as the plan knows them (cached). */
  categories: string[];
  series: ChartSeriesPlan[];
  /** Top-left and bottom-right cells (1-based row and column) the chart spans. */
  from: { row: number; col: number };
  to: { row: number; col: number };
  /** The value axis's bounds and number format. */
  min?: number;
  max?: number;
  format: string;
}

/** One worksheet. */
export interface SheetPlan {
  key: SheetKey;
  name: string;
  tabColor: string;
  /** Column widths (characters) by 1-based column number. */
  widths: Record<number, number>;
  cells: BlockCell[];
  tables: TablePlan[];
  /** Rows and columns kept in view. */
  freeze: { rows: number; cols: number };
  /** Locked cells protected (no password); input cells are unlocked. */
  protect: boolean;
  conditionalFormats: ConditionalFormatPlan[];
  /** Fitted to one page wide; `repeatRows` print on every page; `area` is whole columns (`A:V`) or a range (`A1:H120`). */
  print: PrintPlan;
  /** Native charts on the sheet; absent or empty for most sheets. */
  charts?: ChartPlan[];
}

/** How a sheet prints. */
export interface PrintPlan {
  orientation: "landscape" | "portrait";
  repeatRows: { from: number; to: number };
  area: string;
  /** Rows after which a new page starts (a section's last row); absent: none. */
  breaks?: number[];
  /**
   * Page header and footer, in Excel's header/footer codes (`&L…&C…&R…`, `&P` page, `&N` pages,
   * `&D` date); absent: none.
   */
  header?: string;
  footer?: string;
}

/** A workbook-level name: `QG_LevelValues` → `Listes!$A$2:$A$5`. */
export interface NamePlan {
  name: string;
  sheet: string;
  ref: string;
}

/** The parts a user may choose to generate; the grid and the template sheet are always there. */
export interface PlanParts {
  evidence: boolean;
  actions: boolean;
  dashboard: boolean;
}

/** Options of a generation. */
export interface PlanOptions {
  lang: Lang;
  parts: PlanParts;
  /** Dimension targets (0–100) replacing the template's, by dimension id. */
  targets?: Record<string, number>;
  /** The overall target (0–100) replacing the template's default target. */
  overallTarget?: number;
  /** Pre-formatted empty rows in the evidence register and the action plan. */
  blankRows: number;
  /** The workbook's settings (`QG_Settings`); those left out take design.md's defaults. */
  settings?: Partial<WorkbookSettings>;
  /**
   * Ids of the actions a workbook already holds (an upgrade's old plan, compared case-insensitively):
   * the template's actions with one of these ids are not written again.
   */
  presentActionIds?: readonly string[];
  /**
   * The respondents' names, in order. Absent or empty: one unnamed respondent (today's workbook);
   * one name: today's grid plus `QG_Respondents`; two or more: one rating and comment column each.
   */
  respondents?: readonly string[];
  /**
   * The evaluator's review (design.md "The evaluator"): the register's review columns and flags, the
   * grid's evaluator helpers, `QG_Scores`' evaluator columns, the dashboard's « Évaluation externe »
   * block and the lists they read. Absent or true in every new workbook; false is the layout of the
   * versions before it, which `check` compares such a workbook with.
   */
  review?: boolean;
  /**
   * The closed rounds, oldest first (design.md "Rounds, comparison and report"). Absent or empty:
   * no « Historique » sheet and today's layout; otherwise `QG_History` and `QG_HistoryItems` hold
   * them (values), the grid shows the previous round's rating and comments and « À confirmer »,
   * `QG_Scores` the change since the previous and the first round, the chart the previous round.
   */
  history?: readonly RoundRecord[];
  /** Imported surveys. Absent or empty: no « Sondages » sheet; otherwise `QG_Surveys`… and their report section. */
  surveys?: readonly SurveyRecord[];
  /**
   * The « Rapport » sheet (and « Rapport de visite » with the review). Absent or true in every new
   * workbook with a dashboard; false is the layout of the versions before it, which `check`
   * compares such a workbook with.
   */
  report?: boolean;
}

/** Everything a renderer needs to write a Qualigrid workbook; pure data. */
export interface WorkbookPlan {
  lang: Lang;
  template: Template;
  options: PlanOptions;
  /** In tab order. */
  sheets: SheetPlan[];
  names: NamePlan[];
  /** The sheet shown when the workbook opens. */
  activeSheet: SheetKey;
}
