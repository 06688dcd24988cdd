import { absoluteRange } from "../model/cell.address.js";
import { STEP_STATUSES } from "../model/step.status.js";
import { textOf } from "../model/text.js";
import type { Template } from "../model/template.types.js";
import { columnsOf, FORMATS, headerOf, type ColumnSpec } from "./columns.js";
import { f, thisRow } from "./formula.js";
import { HEADERS, SHEET_NAMES, TEXTS, type StepsKey } from "./labels.js";
import { NAMES, SETTING_NAMES, TABLES } from "./names.js";
import type { BlockCell, NamePlan, PlanOptions, PlanValue, SheetPlan, TablePlan } from "./plan.types.js";
import { withPrint } from "./print.plan.js";
import { withRowHeights } from "./row.heights.js";

/** Row of the process table's header. */
export const STEPS_HEADER_ROW = 4;

/** Column of the step statuses on the lists sheet, right of the scales' block. */
export const STEP_STATUS_COL = 29;

/**
 * The process table `QG_Steps` (design.md "Template model, second version"): one row per step of
 * the template, with its deliverable, the planned date (the workbook's assessment date plus the
 * step's offset, blank while either is blank, so it follows the date set later), the user's
 * entries (date done, responsible, status, note) and an overdue flag (planned date before today,
 * no date done, not « Terminée »). Null when the template has no steps.
 */
export function stepsTable(template: Template, options: PlanOptions): TablePlan | null {
  const steps = template.steps ?? [];
  if (steps.length === 0) return null;
  const { lang } = options;
  const specs: Record<StepsKey, ColumnSpec> = {
    id: { width: 10 },
    title: { width: 30, wrap: true },
    description: { width: 36, wrap: true },
    deliverable: { width: 28, wrap: true },
    offset: { width: 12 },
    planned: { width: 12, numFmt: FORMATS.date },
    done: { width: 13, input: true, numFmt: FORMATS.date, validation: { type: "date", message: TEXTS.invalidDate[lang] } },
    responsible: { width: 18, input: true },
    status: { width: 12, input: true, validation: { type: "list", source: `=${NAMES.stepStatuses}`, message: TEXTS.invalidChoice[lang] } },
    note: { width: 30, input: true, wrap: true },
    overdue: { width: 11 },
  };
  const columns = columnsOf(HEADERS.steps, specs, lang);
  const row = (k: StepsKey): string => thisRow(TABLES.steps, headerOf(columns, k));
  const date = SETTING_NAMES.assessmentDate;
  const planned = f(`IF(AND(ISNUMBER(${date}),ISNUMBER(${row("offset")})),INT(${date})+${row("offset")},"")`);
  // Nested so that a blank planned date ("") is never compared with a number. Against today, as the
  // action plan's flag: planned dates follow the assessment date, so comparing with it would flag nothing.
  const overdue = f(
    `IF(ISNUMBER(${row("planned")}),IF(AND(${row("planned")}<TODAY(),NOT(ISNUMBER(${row("done")})),${row("status")}<>${NAMES.stepDone}),"${TEXTS.overdue[lang]}",""),"")`,
  );
  const text = (t: Parameters<typeof textOf>[0]): string | null => textOf(t, lang) || null;
  const rows: PlanValue[][] = steps.map((s) => {
    const values: Record<StepsKey, PlanValue> = {
      id: s.id,
      title: textOf(s.title, lang),
      description: text(s.description),
      deliverable: text(s.deliverable),
      offset: s.dueOffsetDays ?? null,
      planned,
      done: null,
      responsible: null,
      status: null,
      note: null,
      overdue,
    };
    return columns.map((c) => values[c.key as StepsKey]);
  });
  return { name: TABLES.steps, top: STEPS_HEADER_ROW, left: 1, columns, rows, style: "TableStyleLight12" };
}

/** The « Démarche » / "Process" sheet, printed like the others; null when the template has no steps. */
export function stepsSheet(template: Template, options: PlanOptions): SheetPlan | null {
  const table = stepsTable(template, options);
  if (!table) return null;
  const { lang } = options;
  const widths: Record<number, number> = {};
  table.columns.forEach((c, i) => (widths[table.left + i] = c.width));
  const cells: BlockCell[] = [
    { row: 1, col: 1, value: `${textOf(template.title, lang)} — ${TEXTS.stepsSubtitle[lang]}`, style: "title" },
    { row: 2, col: 1, value: TEXTS.stepsHelp[lang], style: "note" },
  ];
  return withPrint(
    {
      key: "steps",
      name: SHEET_NAMES.steps[lang],
      tabColor: "7030A0",
      widths,
      cells,
      tables: [withRowHeights(table)],
      freeze: { rows: STEPS_HEADER_ROW, cols: 2 },
      protect: true,
      conditionalFormats: [],
    },
    STEPS_HEADER_ROW,
  );
}

/**
 * The step statuses on the lists sheet (`QG_StepStatuses`, the status drop-down) and the one that
 * closes a step (`QG_StepDone`); nothing when the template has no steps, so that other workbooks
 * keep their lists sheet as it was.
 */
export function stepListsContent(template: Template, options: PlanOptions, sheet: string, head: number): { cells: BlockCell[]; names: NamePlan[]; widths: Record<number, number> } {
  if ((template.steps ?? []).length === 0) return { cells: [], names: [], widths: {} };
  const { lang } = options;
  const first = head + 1;
  const col = STEP_STATUS_COL;
  const cells: BlockCell[] = [
    { row: head, col, value: TEXTS.listsStepStatus[lang], style: "label" },
    ...STEP_STATUSES.map((s, i): BlockCell => ({ row: first + i, col, value: s.text[lang], style: "computed" })),
  ];
  const done = first + STEP_STATUSES.findIndex((s) => s.key === "done");
  const names: NamePlan[] = [
    { name: NAMES.stepStatuses, sheet, ref: absoluteRange(first, col, first + STEP_STATUSES.length - 1, col) },
    { name: NAMES.stepDone, sheet, ref: absoluteRange(done, col, done, col) },
  ];
  return { cells, names, widths: { [col]: 16 } };
}
