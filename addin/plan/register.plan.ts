import { columnsOf, FORMATS, headerOf, type ColumnSpec } from "./columns.js";
import { f, thisRow, wholeColumn } from "./formula.js";
import { HEADERS, TEXTS, type ActionKey, type EvidenceKey } from "./labels.js";
import { NAMES, TABLES } from "./names.js";
import type { PlanOptions, PlanValue, TablePlan } from "./plan.types.js";

/** Row of the evidence register's and the action plan's headers. */
export const REGISTER_HEADER_ROW = 4;

/** The evidence register: one row per piece of documentary evidence, `blankRows` empty rows to start. */
export function evidenceTable(options: PlanOptions): TablePlan {
  const { lang } = options;
  const list = (name: string) => ({ type: "list" as const, source: `=${name}`, message: TEXTS.invalidChoice[lang] });
  const date = { type: "date" as const, message: TEXTS.invalidDate[lang] };
  const specs: Record<EvidenceKey, ColumnSpec> = {
    id: { width: 9, input: true },
    criteria: { width: 16, input: true },
    title: { width: 36, input: true, wrap: true },
    type: { width: 15, input: true, validation: list(NAMES.evidenceTypes) },
    owner: { width: 18, input: true },
    documentDate: { width: 12, input: true, numFmt: FORMATS.date, validation: date },
    location: { width: 34, input: true, wrap: true },
    status: { width: 13, input: true, validation: list(NAMES.evidenceStatuses) },
    expiry: { width: 12, input: true, numFmt: FORMATS.date, validation: date },
    confidential: { width: 12, input: true, validation: list(NAMES.yesNo) },
    evaluatorNote: { width: 30, input: true, wrap: true },
    comment: { width: 30, input: true, wrap: true },
  };
  const columns = columnsOf(HEADERS.evidence, specs, lang);
  const rows = blank(options.blankRows, () => columns.map(() => null));
  return { name: TABLES.evidence, top: REGISTER_HEADER_ROW, left: 1, columns, rows, style: "TableStyleLight11" };
}

/**
 * The action plan: one row per action. Dimension and gap are looked up live from the grid by the
 * criterion's code, and the overdue flag compares the due date with today.
 */
export function actionsTable(options: PlanOptions): TablePlan {
  const { lang } = options;
  const list = (name: string) => ({ type: "list" as const, source: `=${name}`, message: TEXTS.invalidChoice[lang] });
  const date = { type: "date" as const, message: TEXTS.invalidDate[lang] };
  const specs: Record<ActionKey, ColumnSpec> = {
    id: { width: 9, input: true },
    criterion: { width: 11, input: true },
    dimension: { width: 12 },
    gap: { width: 8 },
    action: { width: 40, input: true, wrap: true },
    owner: { width: 18, input: true },
    start: { width: 12, input: true, numFmt: FORMATS.date, validation: date },
    due: { width: 12, input: true, numFmt: FORMATS.date, validation: date },
    status: { width: 13, input: true, validation: list(NAMES.actionStatuses) },
    indicator: { width: 30, input: true, wrap: true },
    indicatorTarget: { width: 16, input: true, wrap: true },
    progress: {
      width: 11,
      input: true,
      numFmt: FORMATS.percent,
      validation: { type: "decimal", min: 0, max: 1, message: TEXTS.invalidProgress[lang] },
    },
    comment: { width: 30, input: true, wrap: true },
    overdue: { width: 11 },
  };
  const columns = columnsOf(HEADERS.actions, specs, lang);
  const A = TABLES.actions;
  const row = (k: ActionKey): string => thisRow(A, headerOf(columns, k));
  const grid = (k: "dimension" | "criterion" | "gap"): string => wholeColumn(TABLES.grid, HEADERS.grid[k][lang]);
  const lookup = (k: "dimension" | "gap"): PlanValue =>
    f(`IF(${row("criterion")}="","",IFERROR(INDEX(${grid(k)},MATCH(${row("criterion")},${grid("criterion")},0)),"?"))`);
  const formulas: Partial<Record<ActionKey, PlanValue>> = {
    dimension: lookup("dimension"),
    gap: lookup("gap"),
    overdue: f(
      `IF(AND(ISNUMBER(${row("due")}),${row("due")}<TODAY(),SUMPRODUCT(--(${NAMES.closedStatuses}=${row("status")}))=0),"${TEXTS.overdue[lang]}","")`,
    ),
  };
  const rows = blank(options.blankRows, () => columns.map((c) => formulas[c.key as ActionKey] ?? null));
  return { name: A, top: REGISTER_HEADER_ROW, left: 1, columns, rows, style: "TableStyleLight13" };
}

/** `n` rows (at least one: a table cannot be empty). */
function blank(n: number, make: () => PlanValue[]): PlanValue[][] {
  return Array.from({ length: Math.max(1, n) }, make);
}
