import type { Lang } from "../model/template.types.js";

/** Why a range function refuses its arguments; one catalogue, in French and English. */
export type RangeMessageId =
  | "sizeMismatch"
  | "scaleBounds"
  | "notANumber"
  | "notANumberAt"
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

const MESSAGES: Record<RangeMessageId, Record<Lang, (p: Record<string, string | number>) => string>> = {
  sizeMismatch: {
    fr: (p) => `${p.a} (${p.sizeA}) et ${p.b} (${p.sizeB}) doivent avoir la même taille`,
    en: (p) => `${p.a} (${p.sizeA}) and ${p.b} (${p.sizeB}) must have the same size`,
  },
  scaleBounds: {
    fr: (p) => `echelle_min (${p.min}) doit être inférieur à echelle_max (${p.max})`,
    en: (p) => `scale_min (${p.min}) must be below scale_max (${p.max})`,
  },
  notANumber: {
    fr: (p) => `${p.arg} doit être un nombre (valeur « ${p.value} »)`,
    en: (p) => `${p.arg} must be a number (got "${p.value}")`,
  },
  notANumberAt: {
    fr: (p) => `${p.arg}, ligne ${p.row} : « ${p.value} » doit être un nombre`,
    en: (p) => `${p.arg}, row ${p.row}: "${p.value}" must be a number`,
  },
  outsideScale: {
    fr: (p) => `${p.arg}, ligne ${p.row} : la cotation ${p.value} est hors de l'échelle (${p.min} à ${p.max})`,
    en: (p) => `${p.arg}, row ${p.row}: rating ${p.value} is outside the scale (${p.min} to ${p.max})`,
  },
  notARating: {
    fr: (p) => `${p.arg}, ligne ${p.row} : « ${p.value} » n'est ni une cotation ni « sans objet »`,
    en: (p) => `${p.arg}, row ${p.row}: "${p.value}" is neither a rating nor N/A`,
  },
  badWeight: {
    fr: (p) => `${p.arg}, ligne ${p.row} : le poids « ${p.value} » doit être un nombre positif ou nul`,
    en: (p) => `${p.arg}, row ${p.row}: weight "${p.value}" must be a number ≥ 0`,
  },
  badTolerance: {
    fr: (p) => `la tolérance « ${p.value} » doit être un nombre positif ou nul`,
    en: (p) => `tolerance "${p.value}" must be a number ≥ 0`,
  },
  badMethod: {
    fr: (p) => `méthode « ${p.value} » inconnue : utilisez "mean" (moyenne) ou "median" (médiane)`,
    en: (p) => `unknown method "${p.value}": use "mean" or "median"`,
  },
  thresholdsLabels: {
    fr: (p) => `seuils (${p.sizeA}) et libelles (${p.sizeB}) doivent avoir la même taille`,
    en: (p) => `thresholds (${p.sizeA}) and labels (${p.sizeB}) must have the same size`,
  },
  badThreshold: {
    fr: (p) => `seuils, ligne ${p.row} : « ${p.value} » doit être un nombre`,
    en: (p) => `thresholds, row ${p.row}: "${p.value}" must be a number`,
  },
};

/** Argument names as the functions' help shows them, by language. */
export const ARGUMENT_NAMES: Record<string, Record<Lang, string>> = {
  ratings: { fr: "cotations", en: "ratings" },
  weights: { fr: "poids", en: "weights" },
  dimensions: { fr: "dimensions", en: "dimensions" },
  dimension: { fr: "dimension", en: "dimension" },
  scale_min: { fr: "echelle_min", en: "scale_min" },
  scale_max: { fr: "echelle_max", en: "scale_max" },
  score: { fr: "score", en: "score" },
  target: { fr: "cible", en: "target" },
  thresholds: { fr: "seuils", en: "thresholds" },
  labels: { fr: "libelles", en: "labels" },
  criteria: { fr: "criteres", en: "criteria" },
  evidence_criteria: { fr: "criteres_preuves", en: "evidence_criteria" },
  evidence_status: { fr: "statut_preuves", en: "evidence_status" },
  ratings_a: { fr: "cotations_a", en: "ratings_a" },
  ratings_b: { fr: "cotations_b", en: "ratings_b" },
  ratings_matrix: { fr: "matrice_cotations", en: "ratings_matrix" },
};

/** A message in `lang`, argument names included. */
export function rangeMessageText(m: RangeMessage, lang: Lang): string {
  const params: Record<string, string | number> = { ...m.params };
  for (const k of ["arg", "a", "b"]) {
    const v = params[k];
    if (typeof v === "string" && ARGUMENT_NAMES[v]) params[k] = ARGUMENT_NAMES[v][lang];
  }
  return MESSAGES[m.id][lang](params);
}
