import donnerLeCap from "./donner-le-cap.json" with { type: "json" };
import engagementQualite from "./engagement-qualite.json" with { type: "json" };
import partenariatUsagers from "./partenariat-usagers.json" with { type: "json" };
import rqiiacConditions from "./rqiiac-conditions.json" with { type: "json" };
import specifiqueEngagement from "./specifique-engagement.json" with { type: "json" };

/** The built-in templates' JSON, by id, in the order they are listed. */
export const BUILTIN_TEMPLATES: Readonly<Record<string, unknown>> = {
  "engagement-qualite": engagementQualite,
  "rqiiac-conditions": rqiiacConditions,
  "specifique-engagement": specifiqueEngagement,
  "donner-le-cap": donnerLeCap,
  "partenariat-usagers": partenariatUsagers,
};
