import { scaleBounds } from "./scale.js";
import type { Criterion, Dimension, Scale, Template } from "./template.types.js";

/** The id under which the template's own `scale` is known beside `scales` (the grid's « Échelle » column). */
export const DEFAULT_SCALE_ID = "";

/** Whether a criterion is answered in words rather than rated (design.md, `type: "text"`). */
export function isTextCriterion(c: Pick<Criterion, "type">): boolean {
  return c.type === "text";
}

/** The scale a criterion is rated on: the one it names, else the template's. */
export function scaleOfCriterion(template: Pick<Template, "scale" | "scales">, c: Pick<Criterion, "scale">): Scale {
  return (c.scale !== undefined ? template.scales?.[c.scale] : undefined) ?? template.scale;
}

/** Every scale of a template by id, the template's own first under `DEFAULT_SCALE_ID`. */
export function scalesOf(template: Pick<Template, "scale" | "scales">): [string, Scale][] {
  return [[DEFAULT_SCALE_ID, template.scale], ...Object.entries(template.scales ?? {})];
}

/**
 * A criterion's target level (design.md "Template model, second version"): its own; else its
 * scale's; else the template's carried proportionally onto its scale and rounded up to the next
 * level. Null for a text criterion, which has no level.
 */
export function criterionTargetLevel(template: Pick<Template, "scale" | "scales" | "targetLevel">, c: Pick<Criterion, "scale" | "targetLevel" | "type">): number | null {
  if (isTextCriterion(c)) return null;
  if (c.targetLevel !== undefined) return c.targetLevel;
  const scale = scaleOfCriterion(template, c);
  if (scale === template.scale) return template.targetLevel;
  if (scale.targetLevel !== undefined) return scale.targetLevel;
  const base = scaleBounds(template.scale);
  const own = scaleBounds(scale);
  const carried = own.min + ((template.targetLevel - base.min) / (base.max - base.min)) * (own.max - own.min);
  // « Rounded up to the next level »; 1e-9 keeps 2.0000000001 from floating point on level 2.
  const above = scale.levels.map((l) => l.value).filter((v) => v >= carried - 1e-9);
  return above.length > 0 ? Math.min(...above) : own.max;
}

/**
 * What one level of a criterion's scale is worth in default-scale units: (max₀ − min₀)/(max − min).
 * Gaps, priorities and the agreement tolerance are compared across scales in these units; it is 1
 * on the default scale, so single-scale templates keep every number.
 */
export function gapUnit(template: Pick<Template, "scale" | "scales">, c: Pick<Criterion, "scale">): number {
  const scale = scaleOfCriterion(template, c);
  if (scale === template.scale) return 1;
  const base = scaleBounds(template.scale);
  const own = scaleBounds(scale);
  return (base.max - base.min) / (own.max - own.min);
}

/** The title of a criterion's theme, or undefined when it names none (or one its dimension lacks). */
export function themeOf(d: Pick<Dimension, "themes">, c: Pick<Criterion, "theme">): NonNullable<Dimension["themes"]>[number] | undefined {
  if (c.theme === undefined) return undefined;
  const key = c.theme.toLowerCase();
  return d.themes?.find((t) => t.id.toLowerCase() === key);
}

/**
 * The scale an answer to a criterion is read against: its own scale, without « sans objet » for a
 * required criterion (N/A is refused for it). A text question has no levels; it borrows the
 * template's scale only to know whether N/A may be said.
 */
export function answerScale(template: Pick<Template, "scale" | "scales">, c: Pick<Criterion, "scale" | "required" | "type">): Scale {
  const scale = isTextCriterion(c) ? template.scale : scaleOfCriterion(template, c);
  return c.required === true && scale.notApplicable ? { ...scale, notApplicable: false } : scale;
}
