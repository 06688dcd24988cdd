/**
 * The five built-in templates as shipped at version 1.0.0 (tests/fixtures/builtins-1.0.0/), before
 * the second version of the model: for upgrade tests, and for tests that need plain first-version
 * templates (one scale, no free-text question, no steps, no pre-filled actions).
 */
import engagementQualite from "../fixtures/builtins-1.0.0/engagement-qualite.json" with { type: "json" };
import hasDonnerLeCap from "../fixtures/builtins-1.0.0/has-donner-le-cap.json" with { type: "json" };
import partenariatUsagers from "../fixtures/builtins-1.0.0/partenariat-usagers.json" with { type: "json" };
import rqiiacConditions from "../fixtures/builtins-1.0.0/rqiiac-conditions.json" with { type: "json" };
import specifiqueEngagement from "../fixtures/builtins-1.0.0/specifique-engagement.json" with { type: "json" };
import { parseTemplate } from "../../addin/model/template.parse.js";
import type { Template } from "../../addin/model/template.types.js";

// Imported rather than read from disk, so that component tests (jsdom) load them too.
const SHIPPED: Record<string, unknown> = {
  "engagement-qualite": engagementQualite,
  "rqiiac-conditions": rqiiacConditions,
  "specifique-engagement": specifiqueEngagement,
  "has-donner-le-cap": hasDonnerLeCap,
  "partenariat-usagers": partenariatUsagers,
};

/** The ids of the 1.0.0 built-ins, in the order they were listed. */
export const SHIPPED_BUILTIN_IDS = ["engagement-qualite", "rqiiac-conditions", "specifique-engagement", "has-donner-le-cap", "partenariat-usagers"] as const;

/** A 1.0.0 built-in, parsed; throws if it does not parse (a broken fixture). */
export function shippedBuiltin(id: (typeof SHIPPED_BUILTIN_IDS)[number]): Template {
  const r = parseTemplate(SHIPPED[id]);
  if (!r.ok) throw new Error(`tests/fixtures/builtins-1.0.0/${id}.json: ${JSON.stringify(r.issues)}`);
  return r.value;
}
