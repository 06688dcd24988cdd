import type { Lang } from "../template.types.js";
import { registerMessages } from "./message.catalog.js";
import type { MessageParams } from "./message.types.js";
import { enPlural, frPlural } from "./message.format.js";

const NB = "\u00a0";

/**
 * A survey export read and imported (`qualigrid survey import`, « Importer un sondage »; design.md
 * "Rounds, comparison and report"): the file's problems (each issue's path names the file and its
 * line or cell), the import's refusals, and what the command line says and its help.
 */
export const SURVEY_MESSAGES = registerMessages({
  "survey.empty": {
    fr: () => `le fichier est vide${NB}: il faut une ligne d'en-tête (les questions) puis une ligne par réponse`,
    en: () => "the file is empty: it needs a header line (the questions), then one line per response",
  },
  "survey.noResponse": {
    fr: () => `le fichier n'a aucune réponse${NB}: seulement la ligne d'en-tête`,
    en: () => "the file has no response: only the header line",
  },
  "survey.noQuestion": {
    fr: (p) => `aucune question à importer${NB}: toutes les colonnes sont des métadonnées ou des données personnelles (${p.columns})`,
    en: (p) => `no question to import: every column is metadata or personal data (${p.columns})`,
  },
  "survey.tooLarge": {
    fr: (p) => `le fichier fait ${p.size}${NB}Mo, plus que les ${p.max}${NB}Mo qu'un sondage peut faire`,
    en: (p) => `the file is ${p.size} MB, more than the ${p.max} MB a survey may be`,
  },
  "survey.tooManyResponses": {
    fr: (p) => `plus de ${p.max} réponses${NB}: divisez le fichier`,
    en: (p) => `more than ${p.max} responses: split the file`,
  },
  "survey.tooManyColumns": {
    fr: (p) => `${p.found} colonnes, plus que les ${p.max} qu'un sondage peut avoir`,
    en: (p) => `${p.found} columns, more than the ${p.max} a survey may have`,
  },
  "survey.tooManyCells": {
    fr: (p) => `plus de ${p.max} cellules (réponses × colonnes)${NB}: divisez le fichier`,
    en: (p) => `more than ${p.max} cells (responses × columns): split the file`,
  },
  "survey.cellTooLong": {
    fr: (p) => `une réponse de plus de ${p.max} caractères, la limite d'une cellule Excel`,
    en: (p) => `an answer longer than ${p.max} characters, the limit of an Excel cell`,
  },
  "survey.extraFields": {
    fr: (p) => `${p.found} champs sur cette ligne, mais ${p.expected} colonnes à l'en-tête (séparateur «${NB}${p.separator}${NB}»)`,
    en: (p) => `${p.found} fields on this line, but ${p.expected} columns in the header (separator "${p.separator}")`,
  },
  "survey.noSheet": {
    fr: () => `le classeur n'a aucune feuille avec des réponses`,
    en: () => "the workbook has no sheet with responses",
  },
  "survey.nameEmpty": {
    fr: () => `donnez un nom au sondage (--name «${NB}Satisfaction 2026${NB}»)`,
    en: () => `give the survey a name (--name "Satisfaction 2026")`,
  },
  "survey.nameTooLong": {
    fr: (p) => `le nom du sondage a plus de ${p.max} caractères`,
    en: (p) => `the survey's name is longer than ${p.max} characters`,
  },
  "survey.nameTaken": {
    fr: (p) => `le classeur a déjà un sondage «${NB}${p.name}${NB}»${NB}: donnez-lui un autre nom`,
    en: (p) => `the workbook already has a survey "${p.name}": give it another name`,
  },
  "survey.unknownCriteria": {
    fr: (p) => `${p.count} ${frPlural(p.count, "critère inconnu", "critères inconnus")}${NB}: ${p.ids}; les critères du modèle sont ${p.valid}`,
    en: (p) => `${p.count} ${enPlural(p.count, "unknown criterion", "unknown criteria")}: ${p.ids}; the template's criteria are ${p.valid}`,
  },
  "survey.noEvidenceRegister": {
    fr: () => `le classeur n'a pas de registre des preuves (QG_Evidence)${NB}: le sondage ne peut pas y être lié à des critères`,
    en: () => "the workbook has no evidence register (QG_Evidence): the survey cannot be linked to criteria there",
  },
  "survey.evidenceFull": {
    fr: () => `le registre des preuves n'a plus de rangée vide pour y lier le sondage${NB}: ajoutez-en une au bas du tableau, puis recommencez`,
    en: () => "the evidence register has no empty row left to link the survey in: add one at the bottom of the table, then try again",
  },
  "survey.scaleTooShort": {
    fr: () => `l'échelle donnée doit avoir au moins deux réponses, séparées par des virgules, la plus favorable d'abord`,
    en: () => "the scale given needs at least two answers, separated by commas, the most favourable first",
  },
  "survey.evidenceTitle": {
    fr: (p) => `Sondage «${NB}${p.name}${NB}» — ${p.count} ${frPlural(p.count, "réponse", "réponses")}`,
    en: (p) => `Survey "${p.name}" — ${p.count} ${enPlural(p.count, "response", "responses")}`,
  },
  "survey.skipped": {
    fr: (p) => `Colonnes non copiées (métadonnées et données personnelles)${NB}: ${p.columns}`,
    en: (p) => `Columns not copied (metadata and personal data): ${p.columns}`,
  },
  "cli.survey.imported": {
    fr: (p) => `Sondage «${NB}${p.name}${NB}» importé dans ${p.file}${NB}: ${p.responses} ${frPlural(p.responses, "réponse", "réponses")}, ${p.questions} ${frPlural(p.questions, "question", "questions")}`,
    en: (p) => `Survey "${p.name}" imported into ${p.file}: ${p.responses} ${enPlural(p.responses, "response", "responses")}, ${p.questions} ${enPlural(p.questions, "question", "questions")}`,
  },
  "cli.survey.question": {
    fr: (p) => `  ${p.number}. ${p.question}${NB}: ${p.responses} ${frPlural(p.responses, "réponse", "réponses")}, part favorable ${p.favourable}`,
    en: (p) => `  ${p.number}. ${p.question}: ${p.responses} ${enPlural(p.responses, "answer", "answers")}, favourable share ${p.favourable}`,
  },
  "cli.survey.questionChoice": {
    fr: (p) => `  ${p.number}. ${p.question}${NB}: ${p.responses} ${frPlural(p.responses, "réponse", "réponses")} (choix, sans part favorable)`,
    en: (p) => `  ${p.number}. ${p.question}: ${p.responses} ${enPlural(p.responses, "answer", "answers")} (choice, no favourable share)`,
  },
  "cli.survey.questionText": {
    fr: (p) => `  ${p.number}. ${p.question}${NB}: ${p.responses} ${frPlural(p.responses, "réponse", "réponses")} (texte libre, non copié)`,
    en: (p) => `  ${p.number}. ${p.question}: ${p.responses} ${enPlural(p.responses, "answer", "answers")} (free text, not copied)`,
  },
  "cli.survey.questionTextKept": {
    fr: (p) => `  ${p.number}. ${p.question}${NB}: ${p.responses} ${frPlural(p.responses, "réponse", "réponses")} (texte libre, copié en commentaires)`,
    en: (p) => `  ${p.number}. ${p.question}: ${p.responses} ${enPlural(p.responses, "answer", "answers")} (free text, copied as comments)`,
  },
  "cli.survey.evidence": {
    fr: (p) => `Preuve ajoutée au registre pour ${p.criteria}`,
    en: (p) => `Evidence added to the register for ${p.criteria}`,
  },
  "cli.help.survey": {
    fr: () => `les sondages (Engagement Qualité, étape 1)${NB}: importer les réponses d'un sondage`,
    en: () => "surveys (Engagement Qualité, step 1): import a survey's responses",
  },
  "cli.help.surveyImport": {
    fr: () =>
      `importe un sondage exporté de Microsoft Forms (.xlsx) ou en CSV${NB}: par question, le nombre de réponses, leur répartition et la part favorable, dans la feuille «${NB}Sondages${NB}»; aucun nom, courriel ni texte libre n'est copié`,
    en: () =>
      `imports a survey exported from Microsoft Forms (.xlsx) or as CSV: per question, the number of answers, their distribution and the favourable share, in the "Surveys" sheet; no name, e-mail or free text is copied`,
  },
  "cli.help.arg.surveyFile": {
    fr: () => "l'export du sondage (.xlsx de Microsoft Forms, ou CSV séparé par des virgules ou des points-virgules)",
    en: () => "the survey's export (Microsoft Forms .xlsx, or CSV separated by commas or semicolons)",
  },
  "cli.help.opt.surveyName": {
    fr: () => `le nom du sondage, unique dans le classeur («${NB}Satisfaction 2026${NB}»)`,
    en: () => `the survey's name, unique in the workbook ("Satisfaction 2026")`,
  },
  "cli.help.opt.surveyComments": {
    fr: () => "copie aussi les réponses en texte libre (jamais les noms ni les courriels)",
    en: () => "also copies the free-text answers (never names or e-mails)",
  },
  "cli.help.opt.surveyCriteria": {
    fr: () => "lie le sondage à ces critères comme preuve (codes séparés par des virgules)",
    en: () => "links the survey to these criteria as evidence (ids separated by commas)",
  },
  "cli.help.opt.surveyScale": {
    fr: () => `l'échelle des réponses, la plus favorable d'abord («${NB}Excellent,Bon,Moyen,Faible${NB}»), quand elle n'est pas reconnue`,
    en: () => `the answers' scale, most favourable first ("Excellent,Good,Fair,Poor"), when it is not recognised`,
  },
  "cli.help.opt.surveyDate": {
    fr: () => "la date de l'import (AAAA-MM-JJ; aujourd'hui par défaut)",
    en: () => "the import's date (YYYY-MM-DD; today by default)",
  },
  "cli.survey.badDate": {
    fr: (p) => `--date ${p.value}${NB}: il faut une date AAAA-MM-JJ`,
    en: (p) => `--date ${p.value}: a date YYYY-MM-DD is needed`,
  },
});

/** Codes of the section above. */
export type SurveyMessageCode = keyof typeof SURVEY_MESSAGES;

/** A message of the section above in `lang`. */
export function surveyText(code: SurveyMessageCode, lang: Lang, params: MessageParams = {}): string {
  return SURVEY_MESSAGES[code][lang](params);
}
