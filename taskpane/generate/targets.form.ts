import type { Template } from "../../addin/model/template.types.js";

/** The targets as typed: the default (overall) target and one field per dimension (blank = default). */
export interface TargetsForm {
  defaultTarget: string;
  dimensions: Record<string, string>;
}

/** Why a target field is refused. */
export type TargetProblem = "required" | "invalid";

/** The targets checked: the problems by field, and the values for `buildPlan` when there are none. */
export interface TargetsCheck {
  ok: boolean;
  defaultProblem: TargetProblem | null;
  dimensionProblems: Record<string, TargetProblem>;
  overallTarget: number;
  /** Every dimension's target, blank fields resolved to the default target. */
  targets: Record<string, number>;
}

/** The form filled from a template: its default target, and the dimension targets it sets. */
export function targetsFormOf(template: Template): TargetsForm {
  const dimensions: Record<string, string> = {};
  for (const d of template.dimensions) dimensions[d.id] = d.target === undefined ? "" : String(d.target);
  return { defaultTarget: String(template.target), dimensions };
}

/** A typed target: a number from 0 to 100 (`,` or `.` as decimal mark), blank as null, or a problem. */
export function parseTarget(text: string): number | null | "invalid" {
  const s = text.trim().replace(/\s/g, "");
  if (s === "") return null;
  if (!/^\d+([.,]\d+)?$/.test(s)) return "invalid";
  const n = Number(s.replace(",", "."));
  return n >= 0 && n <= 100 ? n : "invalid";
}

/** Checks every field; the default target is required, a dimension's may be blank. */
export function checkTargets(template: Template, form: TargetsForm): TargetsCheck {
  const parsedDefault = parseTarget(form.defaultTarget);
  const defaultProblem: TargetProblem | null = parsedDefault === null ? "required" : parsedDefault === "invalid" ? "invalid" : null;
  const overallTarget = typeof parsedDefault === "number" ? parsedDefault : template.target;
  const dimensionProblems: Record<string, TargetProblem> = {};
  const targets: Record<string, number> = {};
  for (const d of template.dimensions) {
    const v = parseTarget(form.dimensions[d.id] ?? "");
    if (v === "invalid") dimensionProblems[d.id] = "invalid";
    else targets[d.id] = v ?? overallTarget;
  }
  return { ok: defaultProblem === null && Object.keys(dimensionProblems).length === 0, defaultProblem, dimensionProblems, overallTarget, targets };
}
