import type { Template } from "./template.types.js";

/** The template with dimension targets (by id) and the default target replaced where given. */
export function withTargets(template: Template, targets: Record<string, number>, overall: number | null): Template {
  return {
    ...template,
    target: overall ?? template.target,
    dimensions: template.dimensions.map((d) => {
      const t = targets[d.id];
      return t === undefined ? d : { ...d, target: t };
    }),
  };
}
