import { BUILTIN_TEMPLATES } from "../../templates/builtin.js";
import { parseTemplate } from "./template.parse.js";
import type { Template } from "./template.types.js";

let cache: Template[] | undefined;

/**
 * The built-in templates, validated. A built-in that does not validate is a defect of this
 * package, so it throws (the test suite proves they all validate).
 */
export function builtinTemplates(): Template[] {
  if (!cache) {
    cache = Object.entries(BUILTIN_TEMPLATES).map(([id, json]) => {
      const r = parseTemplate(json);
      if (!r.ok) throw new Error(`built-in template ${id} is invalid: ${r.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
      return r.value;
    });
  }
  return cache;
}

/** A built-in template by id (case-insensitive), or undefined. */
export function builtinTemplate(id: string): Template | undefined {
  return builtinTemplates().find((t) => t.id.toLowerCase() === id.toLowerCase());
}

/**
 * The built-in template that took over a former id through its `replaces` (case-insensitive),
 * such as `donner-le-cap` for `has-donner-le-cap`, or undefined.
 */
export function builtinTemplateReplacing(oldId: string): Template | undefined {
  const key = oldId.toLowerCase();
  return builtinTemplates().find((t) => t.replaces?.some((r) => r.toLowerCase() === key));
}
