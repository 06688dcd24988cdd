import type { UpgradeReviewItem, UpgradeReviewReason } from "../host/host.outcomes.js";
import { answerScale, isTextCriterion, scaleOfCriterion } from "../model/criterion.scale.js";
import { isNaToken, naLabel } from "../model/scale.js";
import { textOf } from "../model/text.js";
import type { Criterion, Lang, Scale, Template } from "../model/template.types.js";

/** A cell's value once plain: what a mapped or merged answer is made of (a formula's last value). */
export type PlainCell = string | number | boolean | null;

/**
 * One old grid row whose answers go to a new criterion: its own criterion, or one the new
 * criterion `replaces`. `values` and `formulas` are keyed by the grid column's key (`rating`,
 * `comment`…); a formula's value is its last result.
 */
export interface AnswerSource {
  id: string;
  /** The old template's criterion; undefined for a row the old template did not have. */
  criterion: Criterion | undefined;
  values: Partial<Record<string, PlainCell>>;
  formulas: Partial<Record<string, string>>;
}

/** What goes into one input cell of the new row: a source's cell as it is (formula and all), or a value. */
export type CellCarry = { copy: number } | { value: string | number };

/** The new row's input cells, and the old answers that had no place in them. */
export interface RowCarry {
  cells: Partial<Record<string, CellCarry>>;
  review: UpgradeReviewItem[];
}

/** The two templates of an upgrade and what the new grid has, to carry a row's answers. */
export interface CarryContext {
  old: Pick<Template, "scale" | "scales">;
  next: Pick<Template, "scale" | "scales">;
  lang: Lang;
  /** The new grid's input columns, by key, that the old grid also has, with the old header. */
  columns: readonly { key: string; header: string }[];
}

const RATINGS = new Set(["rating", "evaluatorRating", "agreed"]);
const WORDS = new Set(["comment", "evaluatorComment", "answer", "agreedReason"]);

/** A column key without its respondent's index: `rating.2` → `rating` (the multi-respondent grid's keys). */
export function baseKey(key: string): string {
  return key.replace(/\.\d+$/, "");
}

/** Whether two scales have the same levels (values and labels): a rating means the same on both. */
export function sameLevels(a: Scale, b: Scale): boolean {
  return (
    a.levels.length === b.levels.length &&
    a.levels.every((l, i) => {
      const m = b.levels[i];
      return m !== undefined && m.value === l.value && JSON.stringify(l.label) === JSON.stringify(m.label);
    })
  );
}

/**
 * The answers of a new criterion from the old rows it takes over (`sources`, in the old template's
 * order; one for a kept or renumbered criterion, several for a merged one), per design.md's
 * "Template model, second version". A rating carries as it is while the scale is the same; across a
 * scale change it maps by the criterion's `levelMap`, else by value when it is a level of the new
 * scale, else it is left for review. N/A carries where the criterion still allows it. A criterion
 * turned into a question in words keeps its comments, its ratings go to review; words of a question
 * now rated go to review. Merged: the first non-blank answer is kept, any other that differs goes to
 * review; comments are joined, each prefixed by its old id. Nothing is dropped.
 */
export function carryAnswers(ctx: CarryContext, target: Criterion, sources: readonly AnswerSource[]): RowCarry {
  const out: RowCarry = { cells: {}, review: [] };
  const review = (s: AnswerSource, col: { key: string; header: string }, reason: UpgradeReviewReason, value: PlainCell): void => {
    out.review.push({ criterion: target.id, from: s.id, column: col.header, value: value ?? "", label: RATINGS.has(baseKey(col.key)) ? labelOf(ctx, s, value) : "", reason });
  };
  for (const col of ctx.columns) {
    const given = sources.map((s, i) => ({ s, i, v: s.values[col.key] ?? null })).filter((x) => !blank(x.v));
    if (given.length === 0) continue;
    const base = baseKey(col.key);
    if (base === "answer" && !isTextCriterion(target)) {
      for (const x of given) review(x.s, col, "notAQuestion", x.v);
      continue;
    }
    if (WORDS.has(base)) {
      if (sources.length === 1 && given[0]) out.cells[col.key] = { copy: given[0].i };
      else {
        out.cells[col.key] = { value: given.map((x) => `${x.s.id}${ctx.lang === "fr" ? "\u00a0:" : ":"} ${String(x.v)}`).join("\n") };
        for (const x of given) if (x.s.formulas[col.key] !== undefined) review(x.s, col, "formula", `=${x.s.formulas[col.key]}`);
      }
      continue;
    }
    // A rating, or an input column this code does not know: the first answer kept, the others reviewed when they differ.
    let kept: { i: number; carry: CellCarry; same: PlainCell } | null = null;
    for (const x of given) {
      const o: Outcome = RATINGS.has(base) ? ratingOutcome(ctx, x.s.criterion, target, x.v) : { copy: true };
      if ("reason" in o) {
        review(x.s, col, o.reason, x.v);
        continue;
      }
      const value = "value" in o ? o.value : x.v;
      const same = typeof value === "string" && isNaToken(value) ? "N/A" : value;
      if (!kept) {
        kept = { i: x.i, carry: "value" in o ? { value: o.value } : { copy: x.i }, same };
        if ("value" in o && x.s.formulas[col.key] !== undefined) review(x.s, col, "formula", `=${x.s.formulas[col.key]}`);
      } else if (same !== kept.same) review(x.s, col, "merged", x.v);
    }
    if (kept) out.cells[col.key] = kept.carry;
  }
  return out;
}

type Outcome = { copy: true } | { value: number } | { reason: UpgradeReviewReason };

/** Where one old rating goes on the new criterion. */
function ratingOutcome(ctx: CarryContext, was: Criterion | undefined, now: Criterion, v: PlainCell): Outcome {
  const naNow = answerScale(ctx.next, now).notApplicable;
  const naBefore = was ? answerScale(ctx.old, was).notApplicable : ctx.old.scale.notApplicable;
  if (typeof v === "string" && isNaToken(v)) {
    // N/A the old criterion refused too was no answer: it stays in its cell as it was.
    return naNow || !naBefore ? { copy: true } : { reason: "notApplicableRefused" };
  }
  const wasText = was !== undefined && isTextCriterion(was);
  if (isTextCriterion(now)) return wasText ? { copy: true } : { reason: "textQuestion" };
  if (wasText) return { reason: "notALevel" };
  const before = was ? scaleOfCriterion(ctx.old, was) : ctx.old.scale;
  const after = scaleOfCriterion(ctx.next, now);
  if (sameLevels(before, after)) return { copy: true };
  if (typeof v !== "number") return { reason: "notALevel" };
  const mapped = now.levelMap?.[String(v)];
  if (mapped !== undefined) return mapped === v ? { copy: true } : { value: mapped };
  return after.levels.some((l) => l.value === v) ? { copy: true } : { reason: "notALevel" };
}

/** The old level's label of a rating (« Sans objet » for N/A), "" when it is none. */
function labelOf(ctx: CarryContext, s: AnswerSource, v: PlainCell): string {
  if (typeof v === "string" && isNaToken(v)) return naLabel(ctx.lang);
  if (typeof v !== "number" || (s.criterion && isTextCriterion(s.criterion))) return "";
  const scale = s.criterion ? scaleOfCriterion(ctx.old, s.criterion) : ctx.old.scale;
  const level = scale.levels.find((l) => l.value === v);
  return level ? textOf(level.label, ctx.lang) : "";
}

function blank(v: PlainCell | undefined): boolean {
  return v === null || v === undefined || v === "";
}
