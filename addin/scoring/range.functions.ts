import { splitCriterionIds } from "../model/criterion.ids.js";
import { serialOfDay } from "../model/date.serial.js";
import { isNaToken, naDisplayToken, type Rating } from "../model/scale.js";
import { consolidationOfText } from "../model/settings.js";
import { consolidatedRating, spreadOfRatings, type ConsolidationPolicy } from "./consensus.js";
import { isAcceptedStatus } from "./evidence.js";
import type { RangeMessage } from "./range.messages.js";
import { criterionScore, weightedMean } from "./score.core.js";

/** An Excel error found in an input (`#N/A`, `#DIV/0!`…); it propagates unchanged. */
export interface CellErrorValue {
  error: string;
}

/** A cell as a custom function receives it; blanks are null or "". */
export type Cell = number | string | boolean | null | CellErrorValue;

/** A range: rows of cells. */
export type Grid = readonly (readonly Cell[])[];

/** Why a range function gives no number: an error to propagate, or a #VALUE! with a message. */
export type RangeFailure = { kind: "propagate"; error: CellErrorValue } | { kind: "value"; message: RangeMessage };

/** The result of a range function. */
export type RangeResult<T> = { ok: true; value: T } | { ok: false; failure: RangeFailure };

class Refusal {
  constructor(readonly failure: RangeFailure) {}
}

const ok = <T>(value: T): RangeResult<T> => ({ ok: true, value });

/** Runs `body`; a Refusal thrown inside becomes the failed result (keeps the checks readable). */
function guarded<T>(body: () => T): RangeResult<T> {
  try {
    return ok(body());
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, failure: e.failure };
    throw e;
  }
}

function refuse(id: RangeMessage["id"], params: RangeMessage["params"]): never {
  throw new Refusal({ kind: "value", message: { id, params } });
}

function isError(c: Cell): c is CellErrorValue {
  return typeof c === "object" && c !== null && "error" in c;
}

function isBlank(c: Cell): boolean {
  return c === null || c === "" || (typeof c === "string" && c.trim() === "");
}

/** The cells of a range in reading order; the first Excel error found propagates. */
function flat(grid: Grid): Cell[] {
  // Index loops into an array of the final size: for…of (an iterator per row) and push made most
  // of the time of a call on 10,000 rows.
  let size = 0;
  for (let r = 0; r < grid.length; r++) size += (grid[r] as readonly Cell[]).length;
  const out = new Array<Cell>(size);
  let k = 0;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] as readonly Cell[];
    for (let j = 0; j < row.length; j++) {
      const c = row[j] as Cell;
      if (isError(c)) throw new Refusal({ kind: "propagate", error: c });
      out[k++] = c;
    }
  }
  return out;
}

function sameSize(a: Cell[], b: Cell[], nameA: string, nameB: string): void {
  if (a.length !== b.length) refuse("sizeMismatch", { a: nameA, b: nameB, sizeA: a.length, sizeB: b.length });
}

/** A number argument; `row` names the cell's row when the argument is a range. */
function number(c: Cell, arg: string, row?: number): number {
  if (isError(c)) throw new Refusal({ kind: "propagate", error: c });
  if (typeof c !== "number" || !Number.isFinite(c)) {
    if (row === undefined) refuse("notANumber", { arg, value: String(c ?? "") });
    refuse("notANumberAt", { arg, row, value: String(c ?? "") });
  }
  return c;
}

/** Rows of a 2-D range counted in reading order (1-based), as messages name them. */
function rowNumber(grid: Grid, i: number, j: number): number {
  let n = 0;
  for (let r = 0; r < i; r++) n += grid[r]?.length ?? 0;
  return n + j + 1;
}

/** A scale's smallest and largest levels. */
interface Bounds {
  min: number;
  max: number;
}

/**
 * A scale bound argument: one cell for every row (a one-cell range is the same), or a range holding
 * one bound per rating — the grid's « Min échelle » / « Max échelle » when a template has several
 * scales.
 */
export type BoundArg = Cell | Grid;

/**
 * The scale of each rating. One scale for every row: a number outside it is refused, as it always
 * was. Each row's own (design.md "Template model, second version"): a rating that is not a number
 * inside its row's bounds is not rated, as the grid's « Évalué » counts it, and a row whose two
 * bounds are blank (a free-text question) has no scale and is never rated.
 */
type Scales = { kind: "single"; bounds: Bounds } | { kind: "perRow"; bounds: (Bounds | null)[] };

function scale(min: Cell, max: Cell, names: readonly [string, string] = ["scale_min", "scale_max"]): Bounds {
  const lo = number(min, names[0]);
  const hi = number(max, names[1]);
  if (!(lo < hi)) refuse("scaleBounds", { a: names[0], b: names[1], min: lo, max: hi });
  return { min: lo, max: hi };
}

/** A bound argument's cells: one for every row, or one per row; errors propagate. */
function boundCells(arg: BoundArg): Cell[] {
  return Array.isArray(arg) ? flat(arg as Grid) : [arg as Cell];
}

/**
 * The scales of the ratings from the two bound arguments (see `Scales`), given the ratings' count.
 * One scale for every row is checked at once, before the ratings are read, as it always was.
 */
function scalesOf(scaleMin: BoundArg, scaleMax: BoundArg): (size: number, ratingsArg: string) => Scales {
  const lows = boundCells(scaleMin);
  const highs = boundCells(scaleMax);
  if (lows.length === 1 && highs.length === 1) {
    const single: Scales = { kind: "single", bounds: scale(lows[0] ?? null, highs[0] ?? null) };
    return () => single;
  }
  return (size, ratingsArg) => perRowScales(lows, highs, size, ratingsArg);
}

function perRowScales(lows: Cell[], highs: Cell[], size: number, ratingsArg: string): Scales {
  if (lows.length !== 1 && lows.length !== size) refuse("sizeMismatch", { a: "scale_min", b: ratingsArg, sizeA: lows.length, sizeB: size });
  if (highs.length !== 1 && highs.length !== size) refuse("sizeMismatch", { a: "scale_max", b: ratingsArg, sizeA: highs.length, sizeB: size });
  const bounds = new Array<Bounds | null>(size);
  for (let i = 0; i < size; i++) {
    const lo = (lows.length === 1 ? lows[0] : lows[i]) ?? null;
    const hi = (highs.length === 1 ? highs[0] : highs[i]) ?? null;
    if (isBlank(lo) && isBlank(hi)) {
      bounds[i] = null;
      continue;
    }
    if (isBlank(lo)) refuse("boundMissing", { arg: "scale_min", other: "scale_max", row: i + 1 });
    if (isBlank(hi)) refuse("boundMissing", { arg: "scale_max", other: "scale_min", row: i + 1 });
    const min = number(lo, "scale_min", i + 1);
    const max = number(hi, "scale_max", i + 1);
    if (!(min < max)) refuse("scaleBoundsAt", { a: "scale_min", b: "scale_max", row: i + 1, min, max });
    bounds[i] = { min, max };
  }
  return { kind: "perRow", bounds };
}

/** Row i's rating read against its scale (see `Scales`). */
function ratingOnScale(c: Cell, i: number, arg: string, scales: Scales): Read {
  if (scales.kind === "single") return rating(c, i + 1, arg, scales.bounds);
  if (isBlank(c)) return { kind: "blank" };
  if (typeof c === "string" && isNaToken(c)) return { kind: "na" };
  const b = scales.bounds[i] ?? null;
  if (b === null || typeof c !== "number" || !Number.isFinite(c) || c < b.min || c > b.max) return { kind: "blank" };
  return { kind: "value", value: c };
}

/** Row i's scale: the one for every row, or its own (null: a row without scale). */
function boundsAt(scales: Scales, i: number): Bounds | null {
  return scales.kind === "single" ? scales.bounds : (scales.bounds[i] ?? null);
}

/** A rating cell understood: skipped (blank), not applicable, or a value inside the scale. */
type Read = { kind: "blank" } | { kind: "na" } | { kind: "value"; value: number };

function rating(c: Cell, row: number, arg: string, bounds?: Bounds): Read {
  if (isBlank(c)) return { kind: "blank" };
  if (typeof c === "string" && isNaToken(c)) return { kind: "na" };
  if (typeof c !== "number" || !Number.isFinite(c)) refuse("notARating", { arg, row, value: String(c) });
  if (bounds && (c < bounds.min || c > bounds.max)) refuse("outsideScale", { arg, row, value: c, min: bounds.min, max: bounds.max });
  return { kind: "value", value: c };
}

function weightsOf(weights: Grid | undefined, size: number, ratingsArg: string): number[] {
  if (weights === undefined) return Array<number>(size).fill(1);
  const w = flat(weights);
  if (w.length !== size) refuse("sizeMismatch", { a: "weights", b: ratingsArg, sizeA: w.length, sizeB: size });
  for (let i = 0; i < w.length; i++) {
    const c = w[i] ?? null;
    if (typeof c !== "number" || !Number.isFinite(c) || c < 0) refuse("badWeight", { arg: "weights", row: i + 1, value: String(c ?? "") });
  }
  // Every cell was just checked to be a number.
  return w as number[];
}

/**
 * A test of "equals `wanted` once upper-cased" that upper-cases each distinct text once: a range of
 * 10,000 rows holds a few dozen distinct dimension ids or statuses, and toLocaleUpperCase per row
 * was most of a call's time.
 */
function upperCaseEquals(wanted: string): (text: string) => boolean {
  const seen = new Map<string, boolean>();
  return (text) => {
    let same = seen.get(text);
    if (same === undefined) {
      same = text.toLocaleUpperCase() === wanted;
      seen.set(text, same);
    }
    return same;
  };
}

/** The score of the rows `rows` (indices into `cells`), each on its own scale. */
function score(cells: Cell[], weights: number[], scales: Scales, rows: readonly number[]): number | null {
  const pairs: [number, number][] = [];
  for (const i of rows) {
    const r = ratingOnScale(cells[i] ?? null, i, "ratings", scales);
    const b = boundsAt(scales, i);
    if (r.kind === "value" && b !== null) pairs.push([weights[i] ?? 1, criterionScore(r.value, b.min, b.max)]);
  }
  const mean = weightedMean(pairs);
  return mean === null ? null : 100 * mean;
}

/**
 * QG.SCORE: the 0–100 score of a set of ratings (design.md's dimension score): blanks and N/A
 * skipped, each rating weighted and placed on its scale — one for every row, or each row's own
 * bounds (several scales; see `Scales`); null when nothing is scored.
 */
export function scoreOfRange(ratings: Grid, scaleMin: BoundArg, scaleMax: BoundArg, weights?: Grid): RangeResult<number | null> {
  return guarded(() => {
    const scalesFor = scalesOf(scaleMin, scaleMax);
    const cells = flat(ratings);
    const scales = scalesFor(cells.length, "ratings");
    return score(cells, weightsOf(weights, cells.length, "ratings"), scales, cells.map((_, i) => i));
  });
}

/** QG.DIMSCORE: the score of the rows whose dimension equals `dimension` (case-insensitive, as SUMIFS). */
export function dimensionScoreOfRange(
  dimensions: Grid,
  ratings: Grid,
  dimension: Cell,
  scaleMin: BoundArg,
  scaleMax: BoundArg,
  weights?: Grid,
): RangeResult<number | null> {
  return guarded(() => {
    const quick = dimensionScoreOfColumns(dimensions, ratings, dimension, scaleMin, scaleMax, weights);
    if (quick !== undefined) return quick;
    const scalesFor = scalesOf(scaleMin, scaleMax);
    const dims = flat(dimensions);
    const cells = flat(ratings);
    sameSize(dims, cells, "dimensions", "ratings");
    const scales = scalesFor(cells.length, "ratings");
    const w = weightsOf(weights, cells.length, "ratings");
    if (isError(dimension)) throw new Refusal({ kind: "propagate", error: dimension });
    const inDimension = upperCaseEquals(String(dimension ?? "").toLocaleUpperCase());
    const rows: number[] = [];
    for (let i = 0; i < dims.length; i++) if (inDimension(String(dims[i] ?? ""))) rows.push(i);
    return score(cells, w, scales, rows);
  });
}

/** A range as Excel passes it to a custom function, before the edge reads its cells: anything. */
type RawRange = readonly (readonly unknown[])[];

function isPlainCell(c: unknown): c is number | string | boolean | null {
  return c === null || typeof c === "number" || typeof c === "string" || typeof c === "boolean";
}

/**
 * A bound argument as the quick path takes it: one number for every row (a number or a one-cell
 * range holding one), or a column of `n` rows; undefined for anything else.
 */
function quickBound(arg: unknown, n: number): number | RawRange | undefined {
  if (typeof arg === "number") return arg;
  if (!Array.isArray(arg)) return undefined;
  if (arg.length === 1) {
    const row = arg[0] as unknown;
    return Array.isArray(row) && row.length === 1 && typeof row[0] === "number" ? (row[0] as number) : undefined;
  }
  return arg.length === n ? (arg as RawRange) : undefined;
}

/** Row i's bound from a quick bound: the number, the row's plain cell, or undefined (not a plain cell of a column). */
function quickBoundAt(bound: number | RawRange, i: number): number | string | boolean | null | undefined {
  if (typeof bound === "number") return bound;
  const row = bound[i] as readonly unknown[];
  const c = row.length === 1 ? row[0] : undefined;
  return isPlainCell(c) ? c : undefined;
}

/**
 * QG.DIMSCORE's usual case in one pass and without copies, safe on ranges exactly as Excel passes
 * them: one-column ranges of the same height holding numbers, texts, booleans and blanks only; a
 * valid scale (one for every row, or each row's own bounds) and weights; with one scale, every
 * rating of the dimension blank, N/A or on the scale. Anything else (an error or data-type object,
 * another shape, a value to refuse) gives undefined: then dimensionScoreOfRange checks everything
 * and says what is wrong. Where it answers, the answer is dimensionScoreOfRange's — the same
 * weighted mean of the same pairs in the same order. (On 10,000 rows, reading and copying the
 * ranges cell by cell took longer than the scoring.)
 */
export function dimensionScoreOfColumns(
  dimensions: RawRange,
  ratings: RawRange,
  dimension: unknown,
  scaleMin: unknown,
  scaleMax: unknown,
  weights?: RawRange | null,
): number | null | undefined {
  const w = weights ?? undefined;
  if (!Array.isArray(dimensions) || !Array.isArray(ratings) || (w !== undefined && !Array.isArray(w))) return undefined;
  const n = dimensions.length;
  const lows = quickBound(scaleMin, n);
  const highs = quickBound(scaleMax, n);
  if (lows === undefined || highs === undefined) return undefined;
  const single = typeof lows === "number" && typeof highs === "number";
  if (single && (!Number.isFinite(lows) || !Number.isFinite(highs) || !(lows < highs))) return undefined;
  if (ratings.length !== n || (w !== undefined && w.length !== n) || !isPlainCell(dimension)) return undefined;
  const inDimension = upperCaseEquals(String(dimension ?? "").toLocaleUpperCase());
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const dRow = dimensions[i] as readonly unknown[];
    const rRow = ratings[i] as readonly unknown[];
    if (dRow.length !== 1 || rRow.length !== 1) return undefined;
    const d = dRow[0];
    const r = rRow[0];
    if (!isPlainCell(d) || !isPlainCell(r)) return undefined;
    let weight = 1;
    if (w !== undefined) {
      const wRow = w[i] as readonly unknown[];
      const c = wRow[0];
      if (wRow.length !== 1 || typeof c !== "number" || !Number.isFinite(c) || c < 0) return undefined;
      weight = c;
    }
    let min = lows as number;
    let max = highs as number;
    // Each row's own bounds, checked on every row as the full path does; both blank: no scale.
    let scaled = true;
    if (!single) {
      const lo = quickBoundAt(lows, i);
      const hi = quickBoundAt(highs, i);
      if (lo === undefined || hi === undefined) return undefined;
      if (isBlank(lo) && isBlank(hi)) scaled = false;
      else if (typeof lo !== "number" || typeof hi !== "number" || !Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) return undefined;
      else {
        min = lo;
        max = hi;
      }
    }
    if (!inDimension(String(d ?? ""))) continue;
    if (single) {
      if (typeof r === "number") {
        if (!Number.isFinite(r) || r < min || r > max) return undefined;
        pairs.push([weight, criterionScore(r, min, max)]);
      } else if (!isBlank(r) && !(typeof r === "string" && isNaToken(r))) {
        return undefined;
      }
    } else if (scaled && typeof r === "number" && Number.isFinite(r) && r >= min && r <= max) {
      // Per row, anything else is not rated (the grid's « Évalué »).
      pairs.push([weight, criterionScore(r, min, max)]);
    }
  }
  const mean = weightedMean(pairs);
  return mean === null ? null : 100 * mean;
}

/** QG.GAP: target − score, cell by cell (a single target applies to every score); blanks stay blank. */
export function gapOfRange(scores: Grid, targets: Grid): RangeResult<(number | null)[][]> {
  return guarded(() => {
    const single = targets.length === 1 && targets[0]?.length === 1;
    if (!single && (targets.length !== scores.length || targets.some((r, i) => r.length !== scores[i]?.length))) {
      refuse("sizeMismatch", { a: "score", b: "target", sizeA: size(scores), sizeB: size(targets) });
    }
    return scores.map((row, i) =>
      row.map((s, j) => {
        const t = single ? targets[0]?.[0] ?? null : targets[i]?.[j] ?? null;
        if (isError(s)) throw new Refusal({ kind: "propagate", error: s });
        if (isError(t)) throw new Refusal({ kind: "propagate", error: t });
        if (isBlank(s) || isBlank(t)) return null;
        return number(t, "target", single ? undefined : rowNumber(targets, i, j)) - number(s, "score", rowNumber(scores, i, j));
      }),
    );
  });
}

/** QG.LEVEL: the label of the highest threshold not above each score; blank below every threshold. */
export function levelOfRange(scores: Grid, thresholds: Grid, labels: Grid): RangeResult<(string | null)[][]> {
  return guarded(() => {
    const th = flat(thresholds);
    const lb = flat(labels);
    if (th.length !== lb.length) refuse("thresholdsLabels", { sizeA: th.length, sizeB: lb.length });
    const bands = th.map((c, i) => {
      if (typeof c !== "number") refuse("badThreshold", { row: i + 1, value: String(c ?? "") });
      return { min: c, label: String(lb[i] ?? "") };
    });
    return scores.map((row, i) =>
      row.map((s, j) => {
        if (isError(s)) throw new Refusal({ kind: "propagate", error: s });
        if (isBlank(s)) return null;
        const v = number(s, "score", rowNumber(scores, i, j));
        let best: { min: number; label: string } | null = null;
        for (const b of bands) if (b.min <= v && (best === null || b.min >= best.min)) best = b;
        return best ? best.label : null;
      }),
    );
  });
}

/** QG.COMPLETION: rows answered (N/A included) over all rows; null for an empty range. */
export function completionOfRange(ratings: Grid): RangeResult<number | null> {
  return guarded(() => {
    const cells = flat(ratings);
    if (cells.length === 0) return null;
    const answered = cells.filter((c, i) => rating(c, i + 1, "ratings").kind !== "blank").length;
    return answered / cells.length;
  });
}

/** What QG.COVERAGE may be told beyond its arguments. */
export interface CoverageOptions {
  /**
   * Today, as a UTC day (its time of day is dropped): the reference date when none is given.
   * Default: the local calendar day, as the workbook's `TODAY()` (and the engine) take it.
   */
  today?: Date;
}

/**
 * QG.COVERAGE: the share of criteria with at least one linked evidence item (a cell may list
 * several ids separated by `,` or `;`), counting only items with `acceptedStatus` when given and,
 * when their expiry dates are given, only items not expired as of `referenceDate` (today when
 * omitted or blank): an item expiring before that day does not count, one expiring on it does —
 * as the engine and the workbook's formulas count it (design.md "Scoring").
 */
export function coverageOfRange(
  criteria: Grid,
  evidenceCriteria: Grid,
  evidenceStatus?: Grid,
  acceptedStatus?: Cell,
  evidenceExpiry?: Grid,
  referenceDate?: Cell,
  options: CoverageOptions = {},
): RangeResult<number | null> {
  return guarded(() => {
    const ids = flat(criteria).filter((c) => !isBlank(c)).map((c) => String(c).trim());
    if (ids.length === 0) return null;
    const links = flat(evidenceCriteria);
    const statuses = evidenceStatus === undefined ? undefined : flat(evidenceStatus);
    if (statuses) sameSize(links, statuses, "evidence_criteria", "evidence_status");
    if (isError(acceptedStatus ?? null)) throw new Refusal({ kind: "propagate", error: acceptedStatus as CellErrorValue });
    const accepted = isBlank(acceptedStatus ?? null) ? undefined : String(acceptedStatus);
    const expiries = evidenceExpiry === undefined ? undefined : flat(evidenceExpiry);
    if (expiries) sameSize(links, expiries, "evidence_criteria", "evidence_expiry");
    const expiryDays = expiries?.map((c, i) => (isBlank(c) ? null : day(c, "evidence_expiry", i + 1)));
    const reference = referenceDay(referenceDate, options);
    // The ids the counted items name, in one set: a criterion is covered when some item names it
    // (evidenceNames compares ids ignoring case, so the set holds them in lower case). One pass
    // over the register instead of one per criterion.
    const isAccepted = accepted === undefined ? () => true : acceptedTest(accepted);
    const named = new Set<string>();
    for (let i = 0; i < links.length; i++) {
      if (!isAccepted(String(statuses?.[i] ?? ""))) continue;
      const expiry = expiryDays?.[i] ?? null;
      if (expiry !== null && expiry < reference) continue;
      for (const id of splitCriterionIds(String(links[i] ?? ""))) named.add(id.toLowerCase());
    }
    let covered = 0;
    for (const id of ids) if (named.has(id.toLowerCase())) covered++;
    return covered / ids.length;
  });
}

// Excel's day serials of 1900-01-01 and 9999-12-31, the dates a cell can hold.
const FIRST_SERIAL = 1;
const LAST_SERIAL = 2958465;

/**
 * A date argument as Excel passes it, a day serial, reduced to its day (a time of day dropped, as
 * the workbook's `INT`). Anything else is refused: text that looks like a date compares as
 * greater than every date in a formula, so no number could agree with the workbook's.
 */
function day(c: Cell, arg: string, row?: number): number {
  if (isError(c)) throw new Refusal({ kind: "propagate", error: c });
  if (typeof c !== "number" || !Number.isFinite(c) || c < FIRST_SERIAL || c >= LAST_SERIAL + 1) {
    if (row === undefined) refuse("notADate", { arg, value: String(c ?? "") });
    refuse("notADateAt", { arg, row, value: String(c ?? "") });
  }
  return Math.floor(c);
}

/** The reference date's day serial: the one given, else today (the workbook's `TODAY()`). */
function referenceDay(referenceDate: Cell | undefined, options: CoverageOptions): number {
  if (referenceDate !== undefined && !isBlank(referenceDate)) return day(referenceDate, "reference_date");
  const now = options.today;
  const today = now ? Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) : localToday();
  return serialOfDay(new Date(today));
}

function localToday(): number {
  const now = new Date();
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
}

/** isAcceptedStatus against one accepted status, computed once per distinct status text. */
function acceptedTest(accepted: string): (status: string) => boolean {
  const seen = new Map<string, boolean>();
  return (status) => {
    let yes = seen.get(status);
    if (yes === undefined) {
      yes = isAcceptedStatus(status, accepted);
      seen.set(status, yes);
    }
    return yes;
  };
}

/**
 * QG.AGREEMENT: among rows answered and applicable on both sides, the share whose ratings differ
 * by at most `tolerance` (self-assessment against the evaluator); null when no row qualifies.
 * Given the ratings' scales (`scaleMin`, `scaleMax`: one for every row, or each row's own bounds,
 * read as QG.SCORE reads them) and the template's default scale (`defaultMin`, `defaultMax`), a
 * difference is measured in default-scale levels, × (max₀ − min₀)/(max − min), as design.md
 * measures the tolerance across scales. Per-row bounds need the default scale; one scale for every
 * row without it is its own default (differences in its levels, as without scales).
 */
export function agreementOfRanges(
  a: Grid,
  b: Grid,
  tolerance: Cell = 0,
  scaleMin?: BoundArg,
  scaleMax?: BoundArg,
  defaultMin?: Cell,
  defaultMax?: Cell,
): RangeResult<number | null> {
  return guarded(() => {
    const scalesFor = agreementScales(scaleMin, scaleMax);
    const base = defaultScale(defaultMin, defaultMax, scaleMin !== undefined ? "scale_min" : undefined);
    const left = flat(a);
    const right = flat(b);
    sameSize(left, right, "ratings_a", "ratings_b");
    if (isError(tolerance)) throw new Refusal({ kind: "propagate", error: tolerance });
    const tol = isBlank(tolerance) ? 0 : typeof tolerance === "number" && tolerance >= 0 ? tolerance : refuse("badTolerance", { value: String(tolerance) });
    const scales = scalesFor?.(left.length, "ratings_a") ?? null;
    if (scales?.kind === "perRow" && base === null) refuse("missingArgument", { arg: "default_min", other: "scale_min" });
    let both = 0;
    let agree = 0;
    left.forEach((c, i) => {
      const x = scales ? ratingOnScale(c, i, "ratings_a", scales) : rating(c, i + 1, "ratings_a");
      const y = scales ? ratingOnScale(right[i] ?? null, i, "ratings_b", scales) : rating(right[i] ?? null, i + 1, "ratings_b");
      if (x.kind !== "value" || y.kind !== "value") return;
      both++;
      const own = scales ? boundsAt(scales, i) : null;
      const unit = own !== null && base !== null ? (base.max - base.min) / (own.max - own.min) : 1;
      // A hair of slack so 0.1-step scales compare as people expect (0.3 − 0.2 ≤ 0.1).
      if (Math.abs(x.value - y.value) * unit <= tol + 1e-12) agree++;
    });
    return both === 0 ? null : agree / both;
  });
}

/** QG.AGREEMENT's scales: none when both bounds are omitted; one given without the other is refused. */
function agreementScales(scaleMin: BoundArg | undefined, scaleMax: BoundArg | undefined): ((size: number, ratingsArg: string) => Scales) | null {
  if (scaleMin === undefined && scaleMax === undefined) return null;
  if (scaleMin === undefined) refuse("missingArgument", { arg: "scale_min", other: "scale_max" });
  if (scaleMax === undefined) refuse("missingArgument", { arg: "scale_max", other: "scale_min" });
  return scalesOf(scaleMin, scaleMax);
}

/** The default scale QG.AGREEMENT measures differences in; null when omitted. Useless without the ratings' scales. */
function defaultScale(min: Cell | undefined, max: Cell | undefined, scalesGiven: string | undefined): Bounds | null {
  if (min === undefined && max === undefined) return null;
  if (min === undefined) refuse("missingArgument", { arg: "default_min", other: "default_max" });
  if (max === undefined) refuse("missingArgument", { arg: "default_max", other: "default_min" });
  if (scalesGiven === undefined) refuse("missingArgument", { arg: "scale_min", other: "default_min" });
  return scale(min, max, ["default_min", "default_max"]);
}

/**
 * The levels a matrix cell may hold: any number (none given), or the numbers listed — the
 * workbook's QG_LevelValues — so that a number that is no level is left out as the grid's
 * « Niveau retenu » helpers leave it out. Blank cells of the list are skipped.
 */
function levelsOf(levels: Grid | undefined): ((value: number) => boolean) | null {
  if (levels === undefined) return null;
  const values = new Set<number>();
  flat(levels).forEach((c, i) => {
    if (!isBlank(c)) values.add(number(c, "levels", i + 1));
  });
  return (value) => values.has(value);
}

/**
 * A matrix or agreed cell as the engine's rating: a number (a listed level, when levels are given)
 * is a level; an N/A token is N/A; any other number or text — the « T » the grid's helpers hold for
 * a question answered in words, a word typed by hand — is unreadable, so it counts neither as a
 * level nor as N/A (the grid's helpers leave it out the same way); a blank is blank.
 */
function cellRating(c: Cell, isLevel: ((value: number) => boolean) | null): Rating {
  if (isBlank(c)) return { kind: "blank" };
  if (typeof c === "number" && Number.isFinite(c) && (isLevel === null || isLevel(c))) return { kind: "level", value: c };
  if (typeof c === "string" && isNaToken(c)) return { kind: "na" };
  return { kind: "invalid", raw: String(c), reason: "not a level nor an N/A token" };
}

/** The N/A tokens written in French (the others are English): « S. O. », « non concerné »… */
const FRENCH_NA = new Set(["SO", "S/O", "SANSOBJET", "NONCONCERNÉ", "NONCONCERNE", "NC"]);

/**
 * The N/A token QG.CONSENSUS returns for an N/A found as `text`: the workbook's own token in the
 * language of that text (« S. O. » for a French token, "N/A" otherwise), whatever its spelling, so a
 * typed « s.o. » gives what the drop-down and the grid's « Cotation consolidée » write.
 */
function naResult(text: string): string {
  return naDisplayToken(FRENCH_NA.has(text.toUpperCase().replace(/[ .]/g, "")) ? "fr" : "en");
}

/** The matrix's rows as the engine's ratings (its errors were checked before). */
function rowRatings(matrix: Grid, isLevel: ((value: number) => boolean) | null): Rating[][] {
  return matrix.map((row) => row.map((c) => cellRating(c, isLevel)));
}

/**
 * QG.SPREAD: per row, max − min of the levels given (`spreadOfRatings`): N/A, text and blanks left
 * out — and, given `levels`, numbers that are no level; blank for a row without levels.
 */
export function spreadOfRows(matrix: Grid, levels?: Grid): RangeResult<(number | null)[]> {
  return guarded(() => {
    flat(matrix);
    const isLevel = levelsOf(levels);
    return rowRatings(matrix, isLevel).map((answers) => spreadOfRatings(answers));
  });
}

/**
 * QG.CONSENSUS: per row, the consolidated rating c of design.md "Respondents and consensus"
 * (`consolidatedRating`): the row's agreed cell when it is not blank (a level; an N/A token gives
 * N/A; anything else gives a blank, the respondents' ratings not used); else the mean — or the
 * median, `method` naming it as the workbook's QG_Consolidation does — of the levels given; else
 * N/A when one said N/A; else blank. N/A comes back as the workbook's token (`naResult`). Text
 * in the matrix is left out, and, given `levels`, numbers that are no level.
 */
export function consensusOfRows(matrix: Grid, method?: Cell, agreed?: Grid, levels?: Grid): RangeResult<(number | string | null)[]> {
  return guarded(() => {
    flat(matrix);
    const policy = policyOf(method);
    const agreedCells = agreed === undefined ? undefined : flat(agreed);
    if (agreedCells && agreedCells.length !== matrix.length) {
      refuse("sizeMismatch", { a: "agreed", b: "ratings_matrix", sizeA: agreedCells.length, sizeB: matrix.length });
    }
    const isLevel = levelsOf(levels);
    const rows = rowRatings(matrix, isLevel);
    return rows.map((answers, i) => {
      const agreedCell = agreedCells?.[i] ?? null;
      const c = consolidatedRating(answers, cellRating(agreedCell, isLevel), policy);
      if (c.kind === "level") return c.value;
      if (c.kind !== "na") return null;
      const found = isBlank(agreedCell) ? matrix[i]?.find((x) => typeof x === "string" && isNaToken(x)) : agreedCell;
      return naResult(String(found ?? ""));
    });
  });
}

/** The consolidation `method` names: mean when blank, else a word QG_Consolidation may hold. */
function policyOf(method: Cell | undefined): ConsolidationPolicy {
  if (method === undefined || isBlank(method)) return { method: "mean" };
  if (isError(method)) throw new Refusal({ kind: "propagate", error: method });
  const m = typeof method === "string" ? consolidationOfText(method) : null;
  return m === null ? refuse("badMethod", { value: String(method) }) : { method: m };
}

function size(g: Grid): string {
  return `${g.length}×${g[0]?.length ?? 0}`;
}
