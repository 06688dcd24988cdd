import type { SettingKey } from "../settings.js";
import type { Lang } from "../template.types.js";
import { registerMessages } from "./message.catalog.js";
import type { MessageParams } from "./message.types.js";

/** Each setting as a sentence names it. */
const SETTING_WORDS: Record<SettingKey, Record<Lang, string>> = {
  organization: { fr: "organisme", en: "organization" },
  assessmentDate: { fr: "date de l'évaluation", en: "assessment date" },
  completionThreshold: { fr: "seuil de complétude", en: "completion threshold" },
  consolidation: { fr: "consolidation", en: "consolidation" },
  spreadThreshold: { fr: "seuil d'écart entre répondants", en: "spread threshold" },
  agreementTolerance: { fr: "tolérance d'accord", en: "agreement tolerance" },
  showOthers: { fr: "cotations des autres visibles", en: "respondents see each other's ratings" },
};

const word = (p: MessageParams, lang: Lang): string => SETTING_WORDS[p.key as SettingKey]?.[lang] ?? String(p.key);

/**
 * The workbook's settings (`QG_Settings`): reading them back, setting them from the command line
 * (`new --org --date`, `set`), and the provisional overall result they decide.
 */
export const SETTINGS_MESSAGES = registerMessages({
  "settings.unreadable": {
    fr: (p) => `le paramètre « ${word(p, "fr")} » (${p.name}) vaut « ${p.value} », qui n'est pas une valeur permise : sa valeur par défaut compte à la place`,
    en: (p) => `setting "${word(p, "en")}" (${p.name}) holds "${p.value}", which is not an allowed value: its default counts instead`,
  },
  "settings.unreadableDate": {
    fr: (p) => `la date de l'évaluation (${p.name}) vaut « ${p.value} », qui n'est pas une date : les expirations sont comptées à la date du jour`,
    en: (p) => `the assessment date (${p.name}) holds "${p.value}", which is not a date: expiry is counted as of today`,
  },
  "settings.unknownKey": {
    fr: (p) => `« ${p.key} » n'est pas un paramètre du classeur ; les paramètres sont : ${p.keys}`,
    en: (p) => `"${p.key}" is not a workbook setting; the settings are: ${p.keys}`,
  },
  "settings.badDate": {
    fr: (p) => `« ${p.value} » n'est pas une date aaaa-mm-jj (par exemple 2025-03-31)`,
    en: (p) => `"${p.value}" is not a date yyyy-mm-dd (for example 2025-03-31)`,
  },
  "settings.badThreshold": {
    fr: (p) => `« ${p.value} » : le seuil de complétude est une proportion de 0 à 1 (0,8) ou un pourcentage (80 %)`,
    en: (p) => `"${p.value}": the completion threshold is a share from 0 to 1 (0.8) or a percentage (80%)`,
  },
  "settings.badNumber": {
    fr: (p) => `« ${p.value} » : le paramètre « ${word(p, "fr")} » est un nombre de 0 à 100`,
    en: (p) => `"${p.value}": setting "${word(p, "en")}" is a number from 0 to 100`,
  },
  "settings.badChoice": {
    fr: (p) => `« ${p.value} » : le paramètre « ${word(p, "fr")} » vaut ${p.choices}`,
    en: (p) => `"${p.value}": setting "${word(p, "en")}" is ${p.choices}`,
  },
  "settings.required": {
    fr: (p) => `le paramètre « ${word(p, "fr")} » ne peut pas être vide`,
    en: (p) => `setting "${word(p, "en")}" cannot be blank`,
  },
  "settings.missing": {
    fr: (p) =>
      `ce classeur n'a pas de paramètres (${p.name}) : il a été créé avant eux ; ajoutez-les avec qualigrid upgrade ${p.file} --template ${p.template} --force`,
    en: (p) => `this workbook has no settings (${p.name}): it was made before them; add them with qualigrid upgrade ${p.file} --template ${p.template} --force`,
  },
  "settings.done": {
    fr: (p) => `Paramètre « ${word(p, "fr")} » : ${p.value} — ${p.file}.`,
    en: (p) => `Setting "${word(p, "en")}": ${p.value} — ${p.file}.`,
  },
  "settings.actionsDated": {
    fr: (p) => `${p.count} ${Number(p.count) > 1 ? "dates des actions du modèle suivent" : "date d'une action du modèle suit"} la nouvelle date d'évaluation (début et échéance non modifiés à la main).`,
    en: (p) => `${p.count} ${Number(p.count) > 1 ? "dates of the template's actions follow" : "date of a template action follows"} the new assessment date (start and due dates nobody changed).`,
  },
  "settings.blank": { fr: () => "(vide)", en: () => "(blank)" },
  "settings.provisional": { fr: () => "provisoire", en: () => "provisional" },
  "settings.provisionalNote": {
    fr: (p) => `Résultat provisoire : complétude de ${p.completion}, sous le seuil de ${p.threshold} ; pas de niveau de maturité.`,
    en: (p) => `Provisional result: completion ${p.completion} is below the threshold of ${p.threshold}; no maturity level.`,
  },

  "cli.help.set": {
    fr: (p) => `changer un paramètre du classeur (écrit en place, ou dans -o) ; paramètres : ${p.keys}`,
    en: (p) => `change a workbook setting (written in place, or to -o); settings: ${p.keys}`,
  },
  "cli.help.arg.settingKey": {
    fr: () => "le paramètre, en français ou en anglais (organisation, date, seuil…)",
    en: () => "the setting, in French or English (organization, date, threshold…)",
  },
  "cli.help.arg.settingValue": {
    fr: () => "sa valeur : texte, date aaaa-mm-jj, 0,8 ou 80 %, moyenne ou médiane, oui ou non ; \"\" vide l'organisme ou la date",
    en: () => "its value: text, a date yyyy-mm-dd, 0.8 or 80%, mean or median, yes or no; \"\" clears the organization or the date",
  },
  "cli.help.opt.org": { fr: () => "le nom de l'organisme évalué", en: () => "the name of the organization assessed" },
  "cli.help.opt.date": {
    fr: () => "la date de l'évaluation, aaaa-mm-jj (les preuves échues avant ne comptent pas)",
    en: () => "the assessment date, yyyy-mm-dd (evidence expired before it does not count)",
  },
});
