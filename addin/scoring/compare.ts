import type { Assessment } from "../model/assessment.types.js";
import { OVERALL_ROW, type RoundRecord } from "../model/history.types.js";
import type { AssessmentResult } from "./scoring.types.js";

/**
 * Comparing two states of an assessment (design.md "Rounds, comparison and report"): two workbooks,
 * or a closed round and the current state, or two closed rounds. Pure: the command line reads the
 * workbooks and words the outcome.
 */

/** A score 0–100, or null when nothing counted. */
type Score = number | null;

/** One state to compare: what it is (template, round) and its scores. */
export interface CompareSide {
  template: { id: string; version: string };
  /** The closed round's label; null for a workbook's current state. */
  round: string | null;
  /** The overall score (the overall row of a round). */
  overall: Score;
  /** Per dimension, in template order. */
  dimensions: { id: string; score: Score }[];
  /** Per criterion, in template order: 100 × s from the consolidated rating, null when not scored. */
  criteria: { id: string; score: Score }[];
}

/** A dimension's or criterion's scores on both sides and the change b − a (null when either is null). */
export interface CompareRow {
  id: string;
  a: Score;
  b: Score;
  change: Score;
}

/** The comparison, in the shape `compare --json` prints (design.md), plus the overall row for the text output. */
export interface CompareResult {
  a: { template: { id: string; version: string }; round: string | null };
  b: { template: { id: string; version: string }; round: string | null };
  /** Every dimension of either side, b's order first; a side without it has null. */
  dimensions: CompareRow[];
  /** The criteria both sides have, matched by id case-insensitively, in b's order (b's spelling of the id). */
  criteria: CompareRow[];
  /** Criteria only b has (ids as b writes them). */
  added: string[];
  /** Criteria only a has (ids as a writes them). */
  removed: string[];
  /** Overall scores and their change; not part of the JSON of design.md. */
  overall: CompareRow;
}

/** The change b − a, in points; null when either side has no score. */
export function scoreChange(a: Score, b: Score): Score {
  return a === null || b === null ? null : b - a;
}

/** Whether two sides use the same template (ids compared case-insensitively); versions may differ. */
export function sameTemplate(a: CompareSide, b: CompareSide): boolean {
  return a.template.id.toLowerCase() === b.template.id.toLowerCase();
}

/**
 * Compares `a` with `b` (change = b − a, positive = better in b). Dimensions and criteria are
 * matched by id case-insensitively; a criterion on one side only is added or removed. Callers
 * refuse two different templates first (`sameTemplate`): ids of another template mean nothing here.
 */
export function compareResults(a: CompareSide, b: CompareSide): CompareResult {
  const key = (id: string): string => id.toLowerCase();
  const row = (id: string, x: Score, y: Score): CompareRow => ({ id, a: x, b: y, change: scoreChange(x, y) });

  const dimsA = new Map(a.dimensions.map((d) => [key(d.id), d]));
  const dimsB = new Set(b.dimensions.map((d) => key(d.id)));
  const dimensions = [
    ...b.dimensions.map((d) => row(d.id, dimsA.get(key(d.id))?.score ?? null, d.score)),
    ...a.dimensions.filter((d) => !dimsB.has(key(d.id))).map((d) => row(d.id, d.score, null)),
  ];

  const critA = new Map(a.criteria.map((c) => [key(c.id), c]));
  const critB = new Set(b.criteria.map((c) => key(c.id)));
  const criteria: CompareRow[] = [];
  const added: string[] = [];
  for (const c of b.criteria) {
    const before = critA.get(key(c.id));
    if (before) criteria.push(row(c.id, before.score, c.score));
    else added.push(c.id);
  }
  const removed = a.criteria.filter((c) => !critB.has(key(c.id))).map((c) => c.id);

  return {
    a: { template: { ...a.template }, round: a.round },
    b: { template: { ...b.template }, round: b.round },
    dimensions,
    criteria,
    added,
    removed,
    overall: row(OVERALL_ROW, a.overall, b.overall),
  };
}

/** The JSON of `compare --json` (design.md): the result without the overall row. */
export function compareJson(r: CompareResult): Omit<CompareResult, "overall"> {
  return { a: r.a, b: r.b, dimensions: r.dimensions, criteria: r.criteria, added: r.added, removed: r.removed };
}

/** A workbook's current state as a side: the engine's scores of its assessment. */
export function sideOfResult(template: { id: string; version: string }, result: AssessmentResult): CompareSide {
  return {
    template: { id: template.id, version: template.version },
    round: null,
    overall: result.overall.score,
    dimensions: result.dimensions.map((d) => ({ id: d.id, score: d.score })),
    // s is 0–1; history and compare speak in points like the dimensions.
    criteria: result.criteria.map((c) => ({ id: c.id, score: c.score === null ? null : 100 * c.score })),
  };
}

/** A closed round as a side: the figures and criterion scores it recorded when it closed. */
export function sideOfRound(round: RoundRecord): CompareSide {
  return {
    template: { id: round.templateId, version: round.version },
    round: round.label,
    overall: round.figures.find((f) => f.dimension === OVERALL_ROW)?.score ?? null,
    dimensions: round.figures.filter((f) => f.dimension !== OVERALL_ROW).map((f) => ({ id: f.dimension, score: f.score })),
    criteria: round.criteria.map((c) => ({ id: c.criterion, score: c.score })),
  };
}

/**
 * Whether anyone has rated anything in the current state: a respondent's rating (a level, N/A or
 * even unreadable input), a text answer or an agreed rating. A round just closed has none.
 */
export function hasAnyRating(assessment: Assessment): boolean {
  return assessment.criteria.some((c) => c.agreed !== null || c.answers.some((x) => x.rating.kind !== "blank" || x.text.trim() !== ""));
}

/** What one workbook compares (`compare f.xlsx`), or why it cannot. */
export type OneWorkbookSides = { ok: true; a: CompareSide; b: CompareSide } | { ok: false; problem: "noRound" | "oneRoundNoRating" };

/**
 * The two sides of one workbook (contract of issue 18): the last closed round against the current
 * state; when the current state has no rating at all (a round just closed), the last two closed
 * rounds. `history` is oldest first.
 */
export function oneWorkbookSides(history: readonly RoundRecord[], current: CompareSide, rated: boolean): OneWorkbookSides {
  const last = history[history.length - 1];
  if (!last) return { ok: false, problem: "noRound" };
  if (rated) return { ok: true, a: sideOfRound(last), b: current };
  const before = history[history.length - 2];
  if (!before) return { ok: false, problem: "oneRoundNoRating" };
  return { ok: true, a: sideOfRound(before), b: sideOfRound(last) };
}
