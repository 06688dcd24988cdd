import { FUNCTION_MESSAGES } from "../model/messages/messages.functions.js";
import type { Lang } from "../model/template.types.js";

/** Why a range function refuses its arguments; the texts are the catalogue's `functions.<id>`. */
export type RangeMessageId =
  | "sizeMismatch"
  | "scaleBounds"
  | "scaleBoundsAt"
  | "missingArgument"
  | "boundMissing"
  | "notANumber"
  | "notANumberAt"
  | "notADate"
  | "notADateAt"
  | "outsideScale"
  | "notARating"
  | "badWeight"
  | "badTolerance"
  | "badMethod"
  | "thresholdsLabels"
  | "badThreshold";

/** A message with the values it names (argument names, row numbers, the value found). */
export interface RangeMessage {
  id: RangeMessageId;
  params: Record<string, string | number>;
}

/** Argument names as the functions' help shows them, by language. */
export const ARGUMENT_NAMES: Record<string, Record<Lang, string>> = {
  ratings: { fr: "cotations", en: "ratings" },
  weights: { fr: "poids", en: "weights" },
  dimensions: { fr: "dimensions", en: "dimensions" },
  dimension: { fr: "dimension", en: "dimension" },
  scale_min: { fr: "echelle_min", en: "scale_min" },
  scale_max: { fr: "echelle_max", en: "scale_max" },
  default_min: { fr: "echelle_defaut_min", en: "default_min" },
  default_max: { fr: "echelle_defaut_max", en: "default_max" },
  score: { fr: "score", en: "score" },
  target: { fr: "cible", en: "target" },
  thresholds: { fr: "seuils", en: "thresholds" },
  labels: { fr: "libelles", en: "labels" },
  criteria: { fr: "criteres", en: "criteria" },
  evidence_criteria: { fr: "criteres_preuves", en: "evidence_criteria" },
  evidence_status: { fr: "statut_preuves", en: "evidence_status" },
  evidence_expiry: { fr: "expiration_preuves", en: "evidence_expiry" },
  reference_date: { fr: "date_reference", en: "reference_date" },
  ratings_a: { fr: "cotations_a", en: "ratings_a" },
  ratings_b: { fr: "cotations_b", en: "ratings_b" },
  ratings_matrix: { fr: "matrice_cotations", en: "ratings_matrix" },
  agreed: { fr: "cotations_convenues", en: "agreed" },
  levels: { fr: "niveaux", en: "levels" },
};

/** A message in `lang`, argument names included. */
export function rangeMessageText(m: RangeMessage, lang: Lang): string {
  const params: Record<string, string | number> = { ...m.params };
  for (const k of ["arg", "a", "b", "other"]) {
    const v = params[k];
    if (typeof v === "string" && ARGUMENT_NAMES[v]) params[k] = ARGUMENT_NAMES[v][lang];
  }
  return FUNCTION_MESSAGES[`functions.${m.id}`][lang](params);
}
