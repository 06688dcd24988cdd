import { calculatedColumnFormula } from "../plan/calculated.js";
import { ACTION_SOURCES, HEADERS, type ActionKey } from "../plan/labels.js";
import type { Lang } from "../model/template.types.js";
import type { PlanValue } from "../plan/plan.types.js";
import { locateColumns, plainText } from "../model/table.plain.js";
import { nextActionIds } from "./action.ids.js";
import type { NewAction } from "./actions.types.js";

/**
 * Where new actions go in an action plan: `fill` rows overwrite the empty rows at the end of the
 * table, from data row `fillFrom` (0-based) on; `append` rows make the table longer. Both renderers
 * write exactly these plan values, so the live workbook and a file get the same rows.
 */
export interface ActionPlacement {
  fillFrom: number;
  fill: PlanValue[][];
  append: PlanValue[][];
}

/**
 * The rows that add `actions` to an action plan, from the table's headers and its current data
 * rows as `formulas` (formulas as `=…` text, constants as values):
 * - a calculated column (the same formula on every existing row: dimension, gap, overdue) gets that
 *   formula, the very text Excel would fill in, so adding rows never blanks a computed column;
 * - the id continues the existing numbering (`A-004` after `A-003`), the criterion is written as
 *   text, and dimension and gap as values only where those columns are not calculated;
 * - the Source column, where the plan has one, says « Autoévaluation » / "Self-assessment" (or the
 *   action's own source) in the language of the table's headers; an action's own id, text and due
 *   date, when it has them, are written as given;
 * - every other input is left blank.
 * The empty rows at the end of the plan (the pre-formatted rows a new workbook starts with) are
 * filled first, so new actions never land below a stretch of empty rows; a row with anything typed
 * in it is never touched.
 */
export function placeActions(headers: readonly string[], existing: readonly (readonly unknown[])[], actions: readonly NewAction[]): ActionPlacement {
  const planRows: PlanValue[][] = existing.map((r) => r.map(planValueOf));
  const calculated = headers.map((_, i) => calculatedColumnFormula(planRows, i));
  const at = locateColumns({ headers: [...headers] }, HEADERS.actions);
  const idCol = at.id;
  const idOf = (r: PlanValue[]): string => {
    const v = idCol === undefined ? null : r[idCol];
    return v === undefined || typeof v === "object" ? "" : plainText(v);
  };
  const ids = nextActionIds(planRows.map(idOf), actions.filter((a) => a.id === undefined).length);
  const keyOf = new Map<number, ActionKey>(Object.entries(at).map(([k, i]) => [i as number, k as ActionKey]));
  const lang = langOfHeaders(headers);
  const sourceOf = (a: NewAction): string => ACTION_SOURCES.find((s) => s.key === (a.source ?? "selfAssessment"))?.text[lang] ?? "";
  let nextId = 0;
  const rows = actions.map((a) => {
    const id = a.id ?? ids[nextId++] ?? "";
    return headers.map((_, i): PlanValue => {
      const formula = calculated[i];
      if (formula) return { formula };
      switch (keyOf.get(i)) {
        case "id":
          return id;
        case "criterion":
          return a.criterion;
        case "dimension":
          return a.dimension;
        case "gap":
          return a.gap;
        case "source":
          return sourceOf(a);
        case "action":
          return a.action ?? null;
        case "due":
          return a.due ?? null;
        default:
          return null;
      }
    });
  });
  const blank = trailingBlankRows(planRows, calculated);
  const fill = Math.min(blank, rows.length);
  return { fillFrom: planRows.length - blank, fill: rows.slice(0, fill), append: rows.slice(fill) };
}

/**
 * The language of an action plan's headers: the one more of them are written in (« Source »,
 * « Action » and « Dimension » read the same in both); French on a tie, as workbooks default to it.
 */
function langOfHeaders(headers: readonly string[]): Lang {
  const have = new Set(headers.map((h) => h.trim().toLowerCase()));
  const count = (lang: Lang): number => Object.values(HEADERS.actions).filter((h) => h.fr !== h.en && have.has(h[lang].toLowerCase())).length;
  return count("en") > count("fr") ? "en" : "fr";
}

/** How many rows at the end hold nothing typed by a person; computed columns do not count as typed. */
function trailingBlankRows(planRows: readonly PlanValue[][], calculated: readonly (string | undefined)[]): number {
  let n = 0;
  for (let r = planRows.length - 1; r >= 0; r--) {
    const row = planRows[r] ?? [];
    const typed = row.some((v, i) => calculated[i] === undefined && v !== null && !(typeof v === "string" && v.trim() === "") && typeof v !== "object");
    if (typed) break;
    n++;
  }
  return n;
}

/** A cell of a `formulas` array as a plan value: `=…` text is a formula, anything else a value. */
function planValueOf(v: unknown): PlanValue {
  if (typeof v === "string") return v.startsWith("=") ? { formula: v } : v;
  return typeof v === "number" || typeof v === "boolean" ? v : null;
}
