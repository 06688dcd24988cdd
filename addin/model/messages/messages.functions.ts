import { registerMessages } from "./message.catalog.js";

/**
 * Why a custom function (`QG.SCORE`, `QG.DIMSCORE`…) refuses its arguments, by code
 * (`functions.<RangeMessageId>`). A section of its own so the functions' bundle takes only this one.
 */
export const FUNCTION_MESSAGES = registerMessages({
  "functions.sizeMismatch": {
    fr: (p) => `${p.a} (${p.sizeA}) et ${p.b} (${p.sizeB}) doivent avoir la même taille`,
    en: (p) => `${p.a} (${p.sizeA}) and ${p.b} (${p.sizeB}) must have the same size`,
  },
  "functions.scaleBounds": {
    fr: (p) => `${p.a ?? "echelle_min"} (${p.min}) doit être inférieur à ${p.b ?? "echelle_max"} (${p.max})`,
    en: (p) => `${p.a ?? "scale_min"} (${p.min}) must be below ${p.b ?? "scale_max"} (${p.max})`,
  },
  "functions.scaleBoundsAt": {
    fr: (p) => `ligne ${p.row} : ${p.a} (${p.min}) doit être inférieur à ${p.b} (${p.max}) ; laissez les deux vides pour une ligne sans échelle`,
    en: (p) => `row ${p.row}: ${p.a} (${p.min}) must be below ${p.b} (${p.max}); leave both blank for a row without a scale`,
  },
  "functions.boundMissing": {
    fr: (p) => `${p.arg}, ligne ${p.row} : vide alors que ${p.other} est donné ; donnez les deux bornes, ou aucune pour une ligne sans échelle`,
    en: (p) => `${p.arg}, row ${p.row}: blank while ${p.other} is given; give both bounds, or neither for a row without a scale`,
  },
  "functions.missingArgument": {
    fr: (p) => `${p.arg} est requis quand ${p.other} est donné`,
    en: (p) => `${p.arg} is needed when ${p.other} is given`,
  },
  "functions.notANumber": {
    fr: (p) => `${p.arg} doit être un nombre (valeur « ${p.value} »)`,
    en: (p) => `${p.arg} must be a number (got "${p.value}")`,
  },
  "functions.notANumberAt": {
    fr: (p) => `${p.arg}, ligne ${p.row} : « ${p.value} » doit être un nombre`,
    en: (p) => `${p.arg}, row ${p.row}: "${p.value}" must be a number`,
  },
  "functions.notADate": {
    fr: (p) => `${p.arg} doit être une date (valeur « ${p.value} ») : une date d'Excel, pas un texte`,
    en: (p) => `${p.arg} must be a date (got "${p.value}"): an Excel date, not text`,
  },
  "functions.notADateAt": {
    fr: (p) => `${p.arg}, ligne ${p.row} : « ${p.value} » n'est pas une date ; entrez une date d'Excel ou laissez la cellule vide`,
    en: (p) => `${p.arg}, row ${p.row}: "${p.value}" is not a date; enter an Excel date or leave the cell blank`,
  },
  "functions.outsideScale": {
    fr: (p) => `${p.arg}, ligne ${p.row} : la cotation ${p.value} est hors de l'échelle (${p.min} à ${p.max})`,
    en: (p) => `${p.arg}, row ${p.row}: rating ${p.value} is outside the scale (${p.min} to ${p.max})`,
  },
  "functions.notARating": {
    fr: (p) => `${p.arg}, ligne ${p.row} : « ${p.value} » n'est ni une cotation ni « sans objet »`,
    en: (p) => `${p.arg}, row ${p.row}: "${p.value}" is neither a rating nor N/A`,
  },
  "functions.badWeight": {
    fr: (p) => `${p.arg}, ligne ${p.row} : le poids « ${p.value} » doit être un nombre positif ou nul`,
    en: (p) => `${p.arg}, row ${p.row}: weight "${p.value}" must be a number ≥ 0`,
  },
  "functions.badTolerance": {
    fr: (p) => `la tolérance « ${p.value} » doit être un nombre positif ou nul`,
    en: (p) => `tolerance "${p.value}" must be a number ≥ 0`,
  },
  "functions.badMethod": {
    fr: (p) => `méthode « ${p.value} » inconnue : utilisez "mean" (moyenne) ou "median" (médiane)`,
    en: (p) => `unknown method "${p.value}": use "mean" or "median"`,
  },
  "functions.thresholdsLabels": {
    fr: (p) => `seuils (${p.sizeA}) et libelles (${p.sizeB}) doivent avoir la même taille`,
    en: (p) => `thresholds (${p.sizeA}) and labels (${p.sizeB}) must have the same size`,
  },
  "functions.badThreshold": {
    fr: (p) => `seuils, ligne ${p.row} : « ${p.value} » doit être un nombre`,
    en: (p) => `thresholds, row ${p.row}: "${p.value}" must be a number`,
  },
});
