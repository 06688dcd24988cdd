import { registerMessages } from "./message.catalog.js";

const NB = "\u00a0";
const q = (name: unknown): string => `«${NB}${String(name)}${NB}»`;

/** Why a respondent's name, or a list of them, is refused (design.md "Respondents and consensus"). */
export const RESPONDENT_MESSAGES = registerMessages({
  "respondents.empty": {
    fr: () => `le nom d'un répondant ne peut pas être vide`,
    en: () => `a respondent's name cannot be blank`,
  },
  "respondents.tooLong": {
    fr: (p) => `le nom de répondant ${q(p.name)} a ${p.length} caractères ; ${p.max} au plus`,
    en: (p) => `respondent name "${p.name}" has ${p.length} characters; at most ${p.max}`,
  },
  "respondents.control": {
    fr: (p) => `le nom de répondant ${q(p.name)} contient un caractère de contrôle (saut de ligne, tabulation…)`,
    en: (p) => `respondent name "${p.name}" holds a control character (line break, tab…)`,
  },
  "respondents.badChar": {
    fr: (p) => `le nom de répondant ${q(p.name)} contient ${q(p.char)}, qui ne peut pas figurer dans un en-tête de colonne ; évitez ${p.chars}`,
    en: (p) => `respondent name "${p.name}" holds "${p.char}", which a column header cannot hold; avoid ${p.chars}`,
  },
  "respondents.leadingSign": {
    fr: (p) => `le nom de répondant ${q(p.name)} commence par ${q(p.char)}, qu'Excel prendrait pour une formule`,
    en: (p) => `respondent name "${p.name}" starts with "${p.char}", which Excel would take for a formula`,
  },
  "respondents.duplicate": {
    fr: (p) => `le nom de répondant ${q(p.name)} est déjà pris par ${q(p.other)} (les majuscules, accents et espaces ne comptent pas)`,
    en: (p) => `respondent name "${p.name}" is already taken by "${p.other}" (case, accents and spaces do not count)`,
  },
  "respondents.tooMany": {
    fr: (p) => `${p.count} répondants${NB}: ${p.max} au plus par classeur`,
    en: (p) => `${p.count} respondents: at most ${p.max} per workbook`,
  },
  "respondents.emptyList": {
    fr: () => `aucun nom de répondant${NB}: donnez des noms séparés par des virgules, par exemple «${NB}Direction,CA,Équipe${NB}»`,
    en: () => `no respondent name: give names separated by commas, for example "Direction,Board,Staff"`,
  },
});
