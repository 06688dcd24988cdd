import { columnsOf, FORMATS, headerOf, type ColumnSpec } from "./columns.js";
import { f, thisRow, wholeColumn } from "./formula.js";
import { serialOfDay } from "../model/date.serial.js";
import { textOf } from "../model/text.js";
import type { Lang, LocalizedText, Template, TemplateAction } from "../model/template.types.js";
import { ACTION_SOURCES, ACTION_STATUSES, HEADERS, TEXTS, type ActionKey, type EvidenceKey } from "./labels.js";
import { NAMES, TABLES } from "./names.js";
import type { ColumnPlan, PlanOptions, PlanValue, TablePlan } from "./plan.types.js";
import { hasReview } from "./review.option.js";
import { planSettings } from "./settings.plan.js";

/** Row of the evidence register's and the action plan's headers. */
export const REGISTER_HEADER_ROW = 4;

/**
 * The evidence register: one row per piece of documentary evidence, `blankRows` rows to start,
 * each with its stable id written (E001, E002…: `evidenceId`) and nothing else. The organization's
 * columns come first, then the evaluator's review (design.md "The evaluator"): status, note, date
 * and reviewer, so that each side's cells sit together. Without the review (`options.review` false),
 * the register of the versions before it.
 */
export function evidenceTable(options: PlanOptions): TablePlan {
  const { lang } = options;
  const list = (name: string) => ({ type: "list" as const, source: `=${name}`, message: TEXTS.invalidChoice[lang] });
  const date = { type: "date" as const, message: TEXTS.invalidDate[lang] };
  const specs: Partial<Record<EvidenceKey, ColumnSpec>> = {
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
  };
  if (!hasReview(options)) {
    // The register before the review: the evaluator's note before the comment, empty rows.
    Object.assign(specs, { evaluatorNote: { width: 30, input: true, wrap: true }, comment: { width: 30, input: true, wrap: true } });
    const columns = columnsOf(HEADERS.evidence, specs, lang);
    return { name: TABLES.evidence, top: REGISTER_HEADER_ROW, left: 1, columns, rows: blank(options.blankRows, () => columns.map(() => null)), style: "TableStyleLight11" };
  }
  Object.assign(specs, {
    comment: { width: 30, input: true, wrap: true },
    reviewStatus: { width: 15, input: true, validation: list(NAMES.reviewStatuses) },
    evaluatorNote: { width: 30, input: true, wrap: true },
    reviewDate: { width: 12, input: true, numFmt: FORMATS.date, validation: date },
    reviewer: { width: 18, input: true },
    counts: { width: 11, style: "helper" },
    reviewAccepted: { width: 11, style: "helper" },
  });
  const columns = columnsOf(HEADERS.evidence, specs, lang);
  const formulas = evidenceFormulas(columns);
  let n = 0;
  const rows = blank(options.blankRows, () => columns.map((c) => (c.key === "id" ? evidenceId(++n) : (formulas[c.key as EvidenceKey] ?? null))));
  return { name: TABLES.evidence, top: REGISTER_HEADER_ROW, left: 1, columns, rows, style: "TableStyleLight11" };
}

/**
 * Whether a row counts, computed on the row (design.md "The evaluator"): for coverage, the
 * organization's « Acceptée », not expired at the reference date, and not judged « À compléter »
 * or « Manquante » by the evaluator (not reviewed counts); for reviewed coverage, « Acceptée » by
 * the evaluator and not expired, whatever the organization's status.
 */
function evidenceFormulas(columns: readonly ColumnPlan[]): Partial<Record<EvidenceKey, PlanValue>> {
  const row = (k: EvidenceKey): string => thisRow(TABLES.evidence, headerOf(columns, k));
  // A blank expiry compares as "", a date on or after the reference date counts, as the grid always read it.
  const current = `OR(${row("expiry")}="",${row("expiry")}>=${NAMES.referenceDate})`;
  const review = row("reviewStatus");
  return {
    counts: f(`IF(AND(${row("status")}=${NAMES.acceptedStatus},${current},${review}<>${NAMES.reviewToComplete},${review}<>${NAMES.reviewMissing}),1,0)`),
    reviewAccepted: f(`IF(AND(${review}=${NAMES.reviewAccepted},${current}),1,0)`),
  };
}

/** The register's columns computed on each row, which a reader does not take for what a person typed. */
export const EVIDENCE_COMPUTED_KEYS = ["counts", "reviewAccepted"] as const satisfies readonly EvidenceKey[];

/**
 * The stable id of the register's `n`-th row (1-based) as the product writes it: « E » and three
 * digits at least (E001, E1000). `review --evidence` finds a row by it; a row a person adds takes
 * the next one, or any id of theirs (ids are compared as written, case set aside).
 */
export function evidenceId(n: number): string {
  return `E${String(n).padStart(3, "0")}`;
}

/**
 * The action plan: one row per action. Dimension and gap are looked up live from the grid by the
 * criterion's code, and the overdue flag compares the due date with today. The template's own
 * actions (`template.actions`) come first, marked « Modèle » in the Source column, then
 * `blankRows` empty rows; a « Livrable » column only when one of them has a deliverable.
 */
export function actionsTable(options: PlanOptions, template?: Template): TablePlan {
  const { lang } = options;
  const list = (name: string) => ({ type: "list" as const, source: `=${name}`, message: TEXTS.invalidChoice[lang] });
  const date = { type: "date" as const, message: TEXTS.invalidDate[lang] };
  const present = new Set((options.presentActionIds ?? []).map((id) => id.trim().toLowerCase()));
  const actions = (template?.actions ?? []).filter((a) => !present.has(a.id.toLowerCase()));
  const specs: Partial<Record<ActionKey, ColumnSpec>> = {
    id: { width: 9, input: true },
    criterion: { width: 11, input: true },
    dimension: { width: 12 },
    gap: { width: 8 },
    action: { width: 40, input: true, wrap: true },
    // Every template action counts, written or not: an upgrade keeps the column its old rows fill.
    ...((template?.actions ?? []).some((a) => a.deliverable !== undefined) ? { deliverable: { width: 30, input: true, wrap: true } } : {}),
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
    source: { width: 16, input: true, validation: list(NAMES.actionSources) },
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
  const day = planSettings(options).assessmentDate;
  const filled = actions.map((a) => {
    const values = templateActionValues(a, lang, day);
    return columns.map((c) => formulas[c.key as ActionKey] ?? values[c.key as ActionKey] ?? null);
  });
  // A table cannot be empty: without template rows, one blank row at least.
  const empty = Array.from({ length: filled.length > 0 ? Math.max(0, options.blankRows) : Math.max(1, options.blankRows) }, () =>
    columns.map((c) => formulas[c.key as ActionKey] ?? null),
  );
  const rows = [...filled, ...empty];
  return { name: A, top: REGISTER_HEADER_ROW, left: 1, columns, rows, style: "TableStyleLight13" };
}

/**
 * How many rows at the top of an action plan's table are the template's own actions (the rows
 * `actionsTable` writes before the blank ones): an upgrade places the old plan's rows below them.
 */
export function prefilledActionRows(table: TablePlan): number {
  const id = table.columns.findIndex((c) => c.key === "id");
  const n = table.rows.findIndex((r) => r[id] === null || r[id] === undefined);
  return n < 0 ? table.rows.length : n;
}

/**
 * The cells a template action fills. Its dates are the assessment date plus its offsets, as day
 * numbers computed now rather than formulas on `QG_AssessmentDate`: start and due are inputs
 * people reschedule (a formula there is typed over, and `upgrade` would take it for one of theirs),
 * and a file read without recalculation (`check`, `plan`, `score`) would see no due date at all.
 * Without an assessment date they stay blank.
 */
function templateActionValues(a: TemplateAction, lang: Lang, day: Date | null): Partial<Record<ActionKey, PlanValue>> {
  const text = (t: LocalizedText | undefined): string | null => (t === undefined ? null : textOf(t, lang) || null);
  const on = (offset: number | undefined): number | null => (day === null || offset === undefined ? null : serialOfDay(day) + offset);
  return {
    id: a.id,
    criterion: a.criterion ?? null,
    action: text(a.text),
    deliverable: text(a.deliverable),
    owner: text(a.owner),
    start: on(a.startOffsetDays),
    due: on(a.dueOffsetDays),
    status: ACTION_STATUSES.find((s) => s.key === "todo")?.text[lang] ?? null,
    indicator: text(a.indicator),
    indicatorTarget: text(a.indicatorTarget),
    source: ACTION_SOURCES.find((s) => s.key === "template")?.text[lang] ?? null,
  };
}

/** `n` rows (at least one: a table cannot be empty). */
function blank(n: number, make: () => PlanValue[]): PlanValue[][] {
  return Array.from({ length: Math.max(1, n) }, make);
}
