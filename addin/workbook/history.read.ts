import { cellAddress } from "../model/cell.address.js";
import { dayOfCell } from "../model/date.serial.js";
import { figuresRowText, itemRowText } from "../model/history.canonical.js";
import { OVERALL_ROW, type HistoryRating, type RoundAnswer, type RoundCriterion, type RoundFigures, type RoundRecord } from "../model/history.types.js";
import { issueOf } from "../model/messages/message.catalog.js";
// The reader's words about history: registered in the catalogue.
import "../model/messages/messages.history.js";
import { isNaToken } from "../model/scale.js";
import { locateColumns, plainText, type PlainTable, type PlainTables, type PlainValue } from "../model/table.plain.js";
import type { InputIssue, Lang } from "../model/template.types.js";
import { HEADERS, TEXTS } from "../plan/labels.js";
import { TABLES } from "../plan/names.js";
import type { CellRef, HistoryRowsRead } from "./workbook.types.js";

/** The closed rounds a workbook holds, where their rows are, and what could not be read. */
export interface HistoryRead {
  /** Oldest first: by closing day, then round number, then order in `QG_History`. */
  history: RoundRecord[];
  /** Each round's first `QG_History` row, by lower-cased label. */
  cells: Record<string, CellRef>;
  /** Each round's rows, in `history` order. */
  rows: HistoryRowsRead[];
  /** Rows or values that could not be read (with sheet and cell): never fatal. */
  warnings: InputIssue[];
}

const EMPTY: HistoryRead = { history: [], cells: {}, rows: [], warnings: [] };

/** Whether a dimension cell is a round's overall row, in either language. */
function isOverallLabel(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === OVERALL_ROW || (["fr", "en"] as const).some((l: Lang) => TEXTS.historyOverall[l].toLowerCase() === t);
}

/** A round being read: its record's parts and its rows' places, in order of appearance. */
interface Draft {
  order: number;
  label: string;
  date: Date | null;
  number: number | null;
  templateId: string;
  version: string;
  fingerprint: string;
  figures: RoundFigures[];
  figureChecks: string[];
  criteria: RoundCriterion[];
  answers: RoundAnswer[];
  itemChecks: string[];
  place: HistoryRowsRead;
}

/**
 * Reads `QG_History` and `QG_HistoryItems` (headers in either language) into closed rounds: the
 * overall row's localized label becomes `OVERALL_ROW`, ratings go back to `HistoryRating` (a
 * number, the N/A token in any spelling → "na", blank → null), each row's check and the round's
 * fingerprint are kept as written so that `check` can compare them. A row without a round, a
 * value that is not a number where one belongs, or items of a round `QG_History` lacks are
 * reported as warnings naming the sheet and cell, never a failure. No `QG_History`: no rounds.
 */
export function readHistory(tables: PlainTables, file: string): HistoryRead {
  const figuresT = tables.get(TABLES.history.toLowerCase());
  if (!figuresT) return EMPTY;
  const warnings: InputIssue[] = [];
  const warn = (t: PlainTable, row: number, col: number, code: string, params: Record<string, string | number>): void =>
    void warnings.push(issueOf(code, params, `${file}: ${t.sheet}!${cellAddress(row, t.left + col)}`, "warning"));
  const h = locateColumns(figuresT, HEADERS.history);
  for (const key of ["label", "dimension", "score"] as const) {
    if (h[key] === undefined) {
      warn(figuresT, figuresT.top, 0, "history.columnsMissing", { table: TABLES.history, column: HEADERS.history[key].fr });
      return { ...EMPTY, warnings };
    }
  }
  const drafts = new Map<string, Draft>();
  figuresT.rows.forEach((values, i) => {
    const row = figuresT.top + 1 + i;
    const at = (c: number | undefined): PlainValue => (c === undefined ? null : (values[c] ?? null));
    const text = (c: number | undefined): string => plainText(at(c)).trim();
    // A number where one belongs; anything else is reported and read as blank.
    const num = (key: keyof typeof HEADERS.history): number | null => {
      const c = h[key];
      const v = at(c);
      if (v === null || (typeof v === "string" && v.trim() === "")) return null;
      if (typeof v === "number" && Number.isFinite(v)) return v;
      warn(figuresT, row, c ?? 0, "history.valueUnreadable", { value: plainText(v), column: figuresT.headers[c ?? 0] ?? key, table: TABLES.history });
      return null;
    };
    const label = text(h.label);
    if (label === "") {
      if (values.some((v) => plainText(v ?? null).trim() !== "")) warn(figuresT, row, h.label ?? 0, "history.rowNoLabel", { table: TABLES.history });
      return;
    }
    const key = label.toLowerCase();
    const number = num("round");
    let d = drafts.get(key);
    if (!d) {
      d = {
        order: drafts.size,
        label,
        date: dayOfCell(at(h.date)),
        number,
        templateId: text(h.templateId),
        version: text(h.version),
        fingerprint: text(h.fingerprint),
        figures: [],
        figureChecks: [],
        criteria: [],
        answers: [],
        itemChecks: [],
        place: { label, figures: [], items: [] },
      };
      drafts.set(key, d);
    }
    const dimension = text(h.dimension);
    const evaluatorAnswered = num("evaluatorAnswered");
    d.figures.push({
      dimension: isOverallLabel(dimension) ? OVERALL_ROW : dimension,
      score: num("score"),
      target: num("target") ?? 0,
      gap: num("gap"),
      answered: num("answered") ?? 0,
      notApplicable: num("notApplicable") ?? 0,
      total: num("total") ?? 0,
      completion: num("completion") ?? 0,
      evidenceCoverage: num("evidenceCoverage"),
      requiredNotMet: num("requiredNotMet") ?? 0,
      toDiscuss: num("toDiscuss") ?? 0,
      reviewedCoverage: num("reviewedCoverage"),
      // The evaluator's answered count is blank only when the round had no evaluator.
      evaluator:
        evaluatorAnswered === null
          ? null
          : {
              score: num("evaluatorScore"),
              gap: num("evaluatorGap"),
              answered: evaluatorAnswered,
              both: num("evaluatorBoth") ?? 0,
              withinTolerance: num("evaluatorWithin"),
              meanAbsDiff: num("evaluatorMeanDiff"),
            },
    });
    const check = text(h.check);
    d.figureChecks.push(check);
    const figures = d.figures[d.figures.length - 1] as RoundFigures;
    d.place.figures.push({
      cell: { sheet: figuresT.sheet, address: cellAddress(row, figuresT.left) },
      number,
      fingerprint: text(h.fingerprint),
      check,
      // The round's own fields as written on this row: a label, day or template changed on one row shows.
      text: figuresRowText({ label, date: dayOfCell(at(h.date)) ?? new Date(0), templateId: text(h.templateId), version: text(h.version) }, figures),
    });
  });
  readItems(tables.get(TABLES.historyItems.toLowerCase()), drafts, warn);

  const ordered = [...drafts.values()].sort(
    (a, b) => (a.date?.getTime() ?? Infinity) - (b.date?.getTime() ?? Infinity) || (a.number ?? Infinity) - (b.number ?? Infinity) || a.order - b.order,
  );
  const cells: Record<string, CellRef> = {};
  for (const d of ordered) {
    const first = d.place.figures[0];
    if (first) cells[d.label.toLowerCase()] = first.cell;
  }
  const history = ordered.map((d): RoundRecord => {
    const respondents: string[] = [];
    for (const a of d.answers) if (!respondents.includes(a.respondent)) respondents.push(a.respondent);
    return {
      label: d.label,
      date: d.date ?? new Date(0),
      templateId: d.templateId,
      version: d.version,
      respondents,
      figures: d.figures,
      criteria: d.criteria,
      answers: d.answers,
      fingerprint: d.fingerprint,
      rowChecks: { figures: d.figureChecks, items: d.itemChecks },
    };
  });
  return { history, cells, rows: ordered.map((d) => d.place), warnings };
}

/** Reads `QG_HistoryItems` into the rounds' criteria and answers; a row of an unknown round is reported once per round. */
function readItems(
  t: PlainTable | undefined,
  drafts: Map<string, Draft>,
  warn: (t: PlainTable, row: number, col: number, code: string, params: Record<string, string | number>) => void,
): void {
  if (!t) return;
  const c = locateColumns(t, HEADERS.historyItems);
  if (c.label === undefined || c.criterion === undefined) {
    warn(t, t.top, 0, "history.columnsMissing", { table: TABLES.historyItems, column: HEADERS.historyItems[c.label === undefined ? "label" : "criterion"].fr });
    return;
  }
  const unknown = new Set<string>();
  t.rows.forEach((values, i) => {
    const row = t.top + 1 + i;
    const at = (k: number | undefined): PlainValue => (k === undefined ? null : (values[k] ?? null));
    const text = (k: number | undefined): string => plainText(at(k)).trim();
    const label = text(c.label);
    if (label === "") {
      if (values.some((v) => plainText(v ?? null).trim() !== "")) warn(t, row, c.label ?? 0, "history.rowNoLabel", { table: TABLES.historyItems });
      return;
    }
    const d = drafts.get(label.toLowerCase());
    if (!d) {
      if (!unknown.has(label.toLowerCase())) warn(t, row, c.label ?? 0, "history.itemsWithoutRound", { table: TABLES.historyItems, label, history: TABLES.history });
      unknown.add(label.toLowerCase());
      return;
    }
    const rating = (key: keyof typeof HEADERS.historyItems): HistoryRating => {
      const k = c[key];
      const v = at(k);
      const r = historyRatingOfCell(v);
      if (r === undefined) {
        warn(t, row, k ?? 0, "history.valueUnreadable", { value: plainText(v), column: t.headers[k ?? 0] ?? key, table: TABLES.historyItems });
        return null;
      }
      return r;
    };
    const criterion = text(c.criterion);
    // A criterion's own fields are on its first row, the one whose dimension is filled.
    const dimension = text(c.dimension);
    let own: RoundCriterion | null = null;
    if (dimension !== "") {
      const score = at(c.score);
      own = {
        criterion,
        dimension,
        consolidated: rating("consolidated"),
        score: typeof score === "number" && Number.isFinite(score) ? score : null,
        evaluator: rating("evaluator"),
        agreedReason: text(c.agreedReason),
        evaluatorComment: text(c.evaluatorComment),
      };
      d.criteria.push(own);
    }
    // A table written before the « Réponse » column existed reads as no words.
    const answer: RoundAnswer = { criterion, respondent: text(c.respondent), rating: rating("rating"), answer: plainText(at(c.answer)), comment: plainText(at(c.comment)) };
    d.answers.push(answer);
    const check = text(c.check);
    d.itemChecks.push(check);
    d.place.items.push({ cell: { sheet: t.sheet, address: cellAddress(row, t.left) }, check, text: itemRowText(label, { criterionId: criterion, criterion: own, answer }) });
  });
}

/** A history rating cell read back: a number, an N/A token (any spelling), blank; undefined when it is none of those. */
export function historyRatingOfCell(v: PlainValue): HistoryRating | undefined {
  if (v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v !== "string") return undefined;
  const s = v.trim();
  if (s === "") return null;
  if (isNaToken(s)) return "na";
  const n = Number(s.replace(",", "."));
  return /^-?\d+(?:[.,]\d+)?$/.test(s) && Number.isFinite(n) ? n : undefined;
}

/** A table whose cells may hold formulas (the formula check's view): read as values, a formula as blank. */
interface TableWithFormulas extends Omit<PlainTable, "rows"> {
  rows: (PlainValue | { formula: string })[][];
}

/**
 * The closed rounds of a workbook seen through the formula check's view (`checkStructure` builds
 * the plan it compares with from them): history tables hold values only, so a formula there reads
 * as blank. Warnings are the reader's business, not the structure check's: dropped here.
 */
export function historyInTables(tables: ReadonlyMap<string, TableWithFormulas>): RoundRecord[] {
  const plain = new Map<string, PlainTable>();
  for (const name of [TABLES.history, TABLES.historyItems]) {
    const t = tables.get(name.toLowerCase());
    if (t) plain.set(name.toLowerCase(), { ...t, rows: t.rows.map((r) => r.map((v): PlainValue => (typeof v === "object" && v !== null && !(v instanceof Date) ? null : v))) });
  }
  return readHistory(plain, "").history;
}
