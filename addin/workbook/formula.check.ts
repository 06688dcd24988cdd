import type { CellRef } from "./workbook.types.js";
import type { PlainValue } from "../model/table.plain.js";
import type { Lang, Template } from "../model/template.types.js";
import { cellAddress } from "../model/cell.address.js";
import { WORKBOOK_MESSAGES } from "../model/messages/messages.workbook.js";
import { findingOf, type Finding } from "./workbook.check.js";
import { isFormula } from "../plan/formula.js";
import { HEADERS, SHEET_NAMES } from "../plan/labels.js";
import { NAMES, SETTING_NAMES, TABLES } from "../plan/names.js";
import { SETTINGS_COL } from "../plan/settings.plan.js";
import { SETTING_KEYS } from "../model/settings.js";
import { plainText } from "../model/table.plain.js";
import { buildPlan } from "../plan/plan.build.js";
import { gridHasReportLayout } from "../plan/grid.report.js";
import { surveysInTables } from "./surveys.read.js";
import { historyInTables } from "./history.read.js";
import type { BlockCell, PlanParts, SheetPlan, TablePlan } from "../plan/plan.types.js";

/** What a cell holds as far as formulas go: a formula (without or with its `=`), or a plain value. */
export type CellContent = PlainValue | { formula: string };

/** A table of the workbook with what its cells hold (formulas kept as formulas). */
export interface ContentTable {
  name: string;
  sheet: string;
  top: number;
  left: number;
  headers: string[];
  /** One entry per data row, one entry per column. */
  rows: CellContent[][];
}

/** A workbook as the formula check sees it; both readers (files, the open workbook) can produce it. */
export interface ContentView {
  /** Tables by lower-cased name. */
  tables: ReadonlyMap<string, ContentTable>;
  /** Names of the worksheets. */
  sheets: ReadonlySet<string>;
  /** What a cell holds; `undefined` when the sheet does not exist. */
  cell(sheet: string, row: number, col: number): CellContent | undefined;
}

/** A formula cell to rewrite with the plan's formula. */
export interface FormulaRepair {
  where: CellRef;
  row: number;
  col: number;
  /** The plan's formula, starting with `=`. */
  formula: string;
}

/** What the structure check found: findings, and the formula cells a repair would rewrite. */
export interface StructureCheck {
  findings: Finding[];
  repairs: FormulaRepair[];
  parts: PlanParts;
}

/** Optional parts: their table and what is lost without it (a catalogue code). */
const PART_TABLES: Record<keyof PlanParts, { table: string; consequence: keyof typeof WORKBOOK_MESSAGES }> = {
  evidence: { table: TABLES.evidence, consequence: "workbook.lost.evidence" },
  actions: { table: TABLES.actions, consequence: "workbook.lost.actions" },
  dashboard: { table: TABLES.scores, consequence: "workbook.lost.dashboard" },
};

/** A catalogue text of this check's (what is lost, how a cell is named) in `lang`. */
function wording(code: keyof typeof WORKBOOK_MESSAGES, params: Record<string, string | number>, lang: Lang): string {
  return WORKBOOK_MESSAGES[code][lang](params);
}

/**
 * Normalizes a formula for comparison: no leading `=`, no whitespace and upper case outside string
 * literals (function, table and column names are case-insensitive), no `_xlfn.` prefixes.
 */
export function normalizeFormula(formula: string): string {
  const s = formula.trim().replace(/^=/, "");
  // Whole runs between string literals at once: a check of 10,000 rows normalizes some 100,000 formulas.
  // A literal runs to its closing quote (`""` inside one closes and reopens it) or to the end.
  let out = "";
  let from = 0;
  for (const m of s.matchAll(/"[^"]*(?:"|$)/g)) {
    out += s.slice(from, m.index).replace(/\s+/g, "").toUpperCase() + m[0];
    from = m.index + m[0].length;
  }
  out += s.slice(from).replace(/\s+/g, "").toUpperCase();
  return out.replace(/_XLFN\.|_XLWS\./g, "");
}

function isFormulaContent(v: CellContent | undefined): v is { formula: string } {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "formula" in v;
}

function shown(v: CellContent | undefined): string {
  if (isFormulaContent(v)) return v.formula.startsWith("=") ? v.formula : `=${v.formula}`;
  return plainText(v ?? null);
}

const norm = (s: string): string => s.trim().toLocaleLowerCase();

/**
 * Compares a workbook with the plan its template and language give: Qualigrid tables deleted or
 * renamed, and every cell where the plan has a formula (grid, dashboard, action plan, lists) whose
 * formula was changed, cleared or typed over. Grid and dashboard rows are matched by criterion and
 * dimension id, so a sorted grid is compared row for row. The plan is built with the workbook's
 * respondents (`QG_Respondents`), so a multi-respondent workbook is compared with its own layout,
 * and without the evaluator's review when its grid has no evaluator helper (`hasReviewLayout`), so a
 * workbook made before the review is compared with the layout it was made with. Messages are in `lang`.
 */
export function checkStructure(template: Template, workbookLang: Lang, view: ContentView, lang: Lang): StructureCheck {
  const respondents = respondentNamesOf(view);
  // The imported surveys give the « Sondages » sheet its tables (and the report its section).
  const surveys = surveysInTables(view.tables);
  // The closed rounds give the « Historique » sheet, the grid's previous-round columns and the dashboard's changes.
  const history = historyInTables(view.tables);
  // A workbook made before the « Rapport » sheet (no report helper in its grid) is compared with the layout it was made with.
  const grid = view.tables.get(TABLES.grid.toLowerCase());
  const report = !grid || gridHasReportLayout(grid.headers) ? {} : { report: false };
  const options = { ...(respondents.length > 0 ? { respondents } : {}), ...(hasReviewLayout(view) ? {} : { review: false }), ...report, ...(surveys.length > 0 ? { surveys } : {}), ...(history.length > 0 ? { history } : {}) };
  const full = buildPlan(template, { lang: workbookLang, blankRows: 1, ...options });
  const planTables = full.sheets.flatMap((s) => s.tables.map((t) => ({ sheet: s, table: t })));
  const planNames = new Set(planTables.map((p) => p.table.name.toLowerCase()));
  const findings: Finding[] = [];
  const broken = new Set<string>();

  // Tables: a table that lost its name is looked for at its place or by its headers.
  const present = (name: string): boolean => view.tables.has(name.toLowerCase());
  const renamedOf = (sheet: SheetPlan, t: TablePlan): ContentTable | undefined => {
    const others = [...view.tables.values()].filter((w) => !planNames.has(w.name.toLowerCase()));
    const wanted = t.columns.map((c) => norm(c.header));
    return (
      others.find((w) => w.sheet === sheet.name && w.top === t.top && w.left === t.left) ??
      others.find((w) => {
        const have = new Set(w.headers.map(norm));
        return wanted.every((h) => have.has(h));
      })
    );
  };
  const gridT = view.tables.get(TABLES.grid.toLowerCase());
  const gridHas = (header: string): boolean => !!gridT?.headers.some((h) => norm(h) === norm(header));
  const parts: PlanParts = { evidence: false, actions: false, dashboard: false };
  for (const key of Object.keys(PART_TABLES) as (keyof PlanParts)[]) {
    const { table } = PART_TABLES[key];
    const p = planTables.find((x) => x.table.name === table);
    if (!p) continue;
    parts[key] =
      present(table) ||
      view.sheets.has(SHEET_NAMES[key][workbookLang]) ||
      renamedOf(p.sheet, p.table) !== undefined ||
      (key === "evidence" && gridHas(HEADERS.grid.evidenceCount[workbookLang]));
  }
  // Most workbooks hold every part: the plan already built is theirs.
  const plan = parts.evidence && parts.actions && parts.dashboard ? full : buildPlan(template, { lang: workbookLang, parts, blankRows: 1, ...options });

  for (const s of plan.sheets) {
    for (const t of s.tables) {
      if (present(t.name)) continue;
      broken.add(t.name.toLowerCase());
      const renamed = renamedOf(s, t);
      if (renamed) {
        findings.push(findingOf("tableRenamed", "error", { sheet: renamed.sheet, address: cellAddress(renamed.top, renamed.left) }, { table: t.name, name: renamed.name, sheet: renamed.sheet }, lang));
      } else {
        const part = Object.values(PART_TABLES).find((x) => x.table === t.name);
        findings.push(
          findingOf(
            "tableMissing",
            "error",
            { sheet: s.name, address: cellAddress(t.top, t.left) },
            { table: t.name, sheet: s.name, consequence: part ? wording(part.consequence, {}, lang) : "" },
            lang,
          ),
        );
      }
    }
  }

  // A workbook made before the settings (`QG_Settings`) has none of their names: formulas that read
  // them would not compute there, so they are not proposed; one finding says how to add them.
  const lists = plan.sheets.find((s) => s.key === "lists");
  const settingsKey = lists?.cells.find((c) => c.col === SETTINGS_COL.key && c.value === SETTING_KEYS[0]);
  // A lists sheet renamed or gone tells nothing either way: the formulas are compared as usual.
  const withSettings = !lists || !settingsKey || !view.sheets.has(lists.name) || view.cell(lists.name, settingsKey.row, settingsKey.col) === settingsKey.value;
  if (!withSettings && lists && settingsKey) {
    findings.push(findingOf("settingsMissing", "warning", { sheet: lists.name, address: cellAddress(settingsKey.row, settingsKey.col) }, { name: NAMES.settings, template: template.id }, lang));
  }
  const settingNames = [NAMES.referenceDate, ...Object.values(SETTING_NAMES)].map((n) => n.toUpperCase());
  // Formulas that name a table gone or renamed cannot be restored as they were: the table finding says what to do.
  // The plan repeats a column's formula on every row: each one is normalized once.
  const planNormal = new Map<string, string | null>();
  const usableNormal = (formula: string): string | null => {
    let n = planNormal.get(formula);
    if (n !== undefined) return n;
    n = normalizeFormula(formula);
    if ((!withSettings && settingNames.some((name) => n?.includes(name))) || [...broken].some((t) => n?.includes(t.toUpperCase()))) n = null;
    planNormal.set(formula, n);
    return n;
  };
  const repairs: FormulaRepair[] = [];
  const compare: Compare = (sheet, row, col, formula, found, what) => {
    if (found === undefined) return;
    const wanted = usableNormal(formula);
    if (wanted === null) return;
    const where = { sheet, address: cellAddress(row, col) };
    if (isFormulaContent(found)) {
      if (normalizeFormula(found.formula) === wanted) return;
      findings.push(findingOf("formulaAltered", "error", where, { what: what(), found: shown(found) }, lang));
    } else {
      findings.push(findingOf("formulaMissing", "error", where, { what: what(), found: shown(found) }, lang));
    }
    repairs.push({ where, row, col, formula });
  };

  const keyed: Record<string, RowMatch> = {
    [TABLES.grid]: "criterion",
    [TABLES.scores]: "dimension",
    [TABLES.actions]: null,
    // Every row of the process table has the same formulas (the offset is a column of its own).
    [TABLES.steps]: null,
    // Row k of the criteria to discuss shows the k-th: its formulas differ from row to row.
    [TABLES.discuss]: "position",
  };
  for (const s of plan.sheets) {
    for (const t of s.tables) {
      if (!(t.name in keyed)) continue;
      const w = view.tables.get(t.name.toLowerCase());
      if (!w) continue;
      compareTable(t, w, keyed[t.name] ?? null, lang, compare);
    }
    if (s.key === "dashboard" || s.key === "lists") {
      for (const c of s.cells) {
        if (!isFormula(c.value)) continue;
        compare(s.name, c.row, c.col, c.value.formula, view.cell(s.name, c.row, c.col), () => labelOf(s, c, lang));
      }
    }
  }
  return { findings, repairs, parts };
}

/** Compares a plan's formula with what a cell holds; `what` names the cell, worded only for a finding. */
type Compare = (sheet: string, row: number, col: number, formula: string, found: CellContent | undefined, what: () => string) => void;

/**
 * How a workbook row finds its plan row: by the id in a column (`criterion`, `dimension`), by its
 * position (`position`), or every row like the plan's first (null).
 */
type RowMatch = "criterion" | "dimension" | "position" | null;

/**
 * Whether a workbook has the evaluator's review layout (design.md "The evaluator"). The one signal:
 * its grid's « Coté évaluateur » helper, which every workbook made since has, whatever its parts
 * (the register, where « Statut de la revue » would tell too, is optional). A workbook whose grid
 * is gone tells nothing and is compared with today's layout.
 */
export function hasReviewLayout(view: ContentView): boolean {
  const grid = view.tables.get(TABLES.grid.toLowerCase());
  return grid ? gridHasReviewLayout(grid.headers) : true;
}

/**
 * Whether a grid with these headers was made with the evaluator's review layout (its « Coté
 * évaluateur » helper): the `review` plan option that rebuilds the workbook's own layout, for
 * whatever re-plans an existing workbook (its check, adding a respondent, an upgrade's old plan).
 */
export function gridHasReviewLayout(headers: readonly string[]): boolean {
  const wanted = [HEADERS.grid.evaluatorScored.fr, HEADERS.grid.evaluatorScored.en].map(norm);
  return headers.some((h) => wanted.includes(norm(h)));
}

/** The names in the workbook's `QG_Respondents`, in order; none when it has no such table. */
function respondentNamesOf(view: ContentView): string[] {
  const t = view.tables.get(TABLES.respondents.toLowerCase());
  if (!t) return [];
  const col = t.headers.findIndex((h) => [HEADERS.respondents.name.fr, HEADERS.respondents.name.en].some((x) => norm(x) === norm(h)));
  if (col < 0) return [];
  return t.rows.map((r) => plainText(isFormulaContent(r[col]) ? null : ((r[col] as PlainValue | undefined) ?? null)).trim()).filter((n) => n !== "");
}

/** Compares the formula columns of a plan table with the workbook's table, row by row (by id or position when `key` says so). */
function compareTable(t: TablePlan, w: ContentTable, key: RowMatch, lang: Lang, compare: Compare): void {
  const wCol = (header: string): number => w.headers.findIndex((h) => norm(h) === norm(header));
  const keyPlan = key === null || key === "position" ? -1 : t.columns.findIndex((c) => c.key === key);
  const keyHere = keyPlan < 0 ? -1 : wCol(t.columns[keyPlan]?.header ?? "");
  if (key !== null && key !== "position" && keyHere < 0) return;
  const byId = new Map<string, (typeof t.rows)[number]>();
  if (keyPlan >= 0) for (const r of t.rows) byId.set(norm(plainText(r[keyPlan] as PlainValue)), r);
  const at = t.columns.map((c) => wCol(c.header));
  w.rows.forEach((values, i) => {
    const id = keyHere < 0 ? "" : plainText(values[keyHere] as PlainValue).trim();
    const planRow = key === null ? t.rows[0] : key === "position" ? t.rows[i] : byId.get(norm(id));
    if (!planRow) return;
    const row = w.top + 1 + i;
    t.columns.forEach((c, j) => {
      const v = planRow[j];
      const here = at[j] ?? -1;
      if (!isFormula(v) || here < 0) return;
      const what = (): string => wording("workbook.formulaColumn", { header: c.header, at: keyHere < 0 ? wording("workbook.formulaRow", { row }, lang) : id }, lang);
      compare(w.sheet, row, w.left + here, v.formula, values[here] ?? null, what);
    });
  });
}

/** What a block cell is, for messages: the label left of it, or its address. */
function labelOf(s: SheetPlan, c: BlockCell, lang: Lang): string {
  const label = s.cells.find((x) => x.row === c.row && x.col === c.col - 1 && typeof x.value === "string");
  return typeof label?.value === "string" ? wording("workbook.formulaLabel", { label: label.value }, lang) : cellAddress(c.row, c.col);
}
