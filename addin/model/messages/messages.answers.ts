import type { Lang } from "../template.types.js";
import type { MessageParams } from "./message.types.js";
import { registerMessages } from "./message.catalog.js";

/**
 * The scale in the message's language (`1 = Non atteint, 2 = …`). Both texts read both parameters,
 * so that French and English use the same ones.
 */
function scaleIn(p: MessageParams, lang: Lang): string | number | undefined {
  const { scaleFr, scaleEn } = p;
  return lang === "fr" ? scaleFr : scaleEn;
}

/** The columns of an answers CSV, by the `column` parameter's key. */
const ROLES: Record<string, Record<Lang, string>> = {
  criterion: { fr: "critère", en: "criterion" },
  rating: { fr: "cotation", en: "rating" },
  comment: { fr: "commentaire", en: "comment" },
};
const role = (p: MessageParams, lang: Lang): string => ROLES[String(p.role)]?.[lang] ?? String(p.role);

/**
 * What reading an answers CSV finds wrong (`qualigrid fill --answers`), each issue's path naming the
 * file and line (`reponses.csv:7`): its bytes (encoding), its header, then each line.
 */
export const ANSWERS_MESSAGES = registerMessages({
  "answers.badBytes": {
    fr: (p) =>
      `ce fichier n'est pas du texte ${p.encoding} valide : un octet de cette ligne n'existe pas dans cet encodage (rien n'a été lu ; enregistrez-le en « CSV UTF-8 » ou indiquez son encodage avec --encoding)`,
    en: (p) =>
      `this file is not valid ${p.encoding} text: a byte on this line does not exist in that encoding (nothing was read; save it as "CSV UTF-8" or give its encoding with --encoding)`,
  },
  "answers.mixedEncodings": {
    fr: (p) =>
      `ce fichier mêle deux encodages : cette ligne n'est pas de l'UTF-8 valide alors que la ligne ${p.utf8Line} en est (rien n'a été lu ; réenregistrez-le en « CSV UTF-8 », ou indiquez son encodage avec --encoding)`,
    en: (p) =>
      `this file mixes two encodings: this line is not valid UTF-8 while line ${p.utf8Line} is (nothing was read; save it again as "CSV UTF-8", or give its encoding with --encoding)`,
  },
  "answers.nulCharacter": {
    fr: () =>
      `cette ligne contient un caractère nul : ce n'est pas un fichier texte, ou c'est de l'UTF-16 sans marque d'ordre des octets (indiquez alors --encoding utf-16le)`,
    en: () => `this line holds a NUL character: this is not a text file, or it is UTF-16 without a byte order mark (then give --encoding utf-16le)`,
  },
  "answers.bomMismatch": {
    fr: (p) => `le fichier commence par la marque d'un fichier ${p.bom}, mais --encoding ${p.encoding} a été indiqué : retirez --encoding ou corrigez-le`,
    en: (p) => `the file starts with the byte order mark of ${p.bom}, but --encoding ${p.encoding} was given: leave --encoding out or correct it`,
  },
  "answers.encodingHelp": {
    fr: () => "encodage du fichier de réponses : utf-8, utf-16le, utf-16be ou windows-1252 (détecté s'il est omis)",
    en: () => "encoding of the answers file: utf-8, utf-16le, utf-16be or windows-1252 (detected when left out)",
  },
  "answers.encodingUnknown": {
    fr: (p) => `encodage « ${p.encoding} » inconnu : indiquez utf-8, utf-16le, utf-16be ou windows-1252`,
    en: (p) => `unknown encoding "${p.encoding}": give utf-8, utf-16le, utf-16be or windows-1252`,
  },
  "answers.workbookNotCsv": {
    fr: () => `ce fichier est un classeur (ou une archive zip), pas un CSV : dans Excel, « Enregistrer sous » « CSV UTF-8 (délimité par des virgules) »`,
    en: () => `this file is a workbook (or a zip archive), not a CSV: in Excel, "Save As" "CSV UTF-8 (Comma delimited)"`,
  },
  "answers.empty": {
    fr: () => `le fichier est vide ; il doit commencer par l'en-tête critère;cotation;commentaire (ou criterion,rating,comment)`,
    en: () => `the file is empty; expected the header criterion,rating,comment (or critère;cotation;commentaire)`,
  },
  "answers.headerUnknown": {
    fr: (p) =>
      `la colonne ${p.column} de l'en-tête, « ${p.name} », n'est pas reconnue : l'en-tête doit être critère;cotation;commentaire ou criterion,rating,comment (le commentaire peut manquer)`,
    en: (p) =>
      `column ${p.column} of the header, "${p.name}", is not one Qualigrid knows: the header must be criterion,rating,comment or critère;cotation;commentaire (comment may be left out)`,
  },
  "answers.headerMissing": {
    fr: (p) => `l'en-tête n'a pas de colonne « ${role(p, "fr")} » : l'en-tête doit être critère;cotation;commentaire ou criterion,rating,comment (le commentaire peut manquer)`,
    en: (p) => `the header has no "${role(p, "en")}" column: the header must be criterion,rating,comment or critère;cotation;commentaire (comment may be left out)`,
  },
  "answers.headerTwice": {
    fr: (p) => `les colonnes ${p.first} et ${p.column} de l'en-tête sont toutes deux une colonne « ${role(p, "fr")} » : gardez-en une`,
    en: (p) => `columns ${p.first} and ${p.column} of the header are both a "${role(p, "en")}" column: keep one`,
  },
  "answers.unnamedColumn": {
    fr: (p) => `la colonne ${p.column} n'a pas de nom dans l'en-tête mais cette ligne y met « ${p.value} » : nommez-la ou videz-la`,
    en: (p) => `column ${p.column} has no name in the header but this line puts "${p.value}" in it: name it or empty it`,
  },
  "answers.unclosedQuote": {
    fr: () => `un guillemet " ouvert sur cette ligne n'est jamais fermé`,
    en: () => `a quote " opened on this line is never closed`,
  },
  "answers.malformed": {
    fr: (p) => `CSV mal formé : ${p.detail}`,
    en: (p) => `malformed CSV: ${p.detail}`,
  },
  "answers.fieldCount": {
    fr: (p) =>
      `${p.expected} champs attendus, ${p.found} ${Number(p.found) > 1 ? "trouvés" : "trouvé"} (mettez entre guillemets un commentaire qui contient ${p.separator === "\t" ? "une tabulation" : `« ${p.separator} »`})`,
    en: (p) => `expected ${p.expected} fields, found ${p.found} (quote a comment that holds a ${p.separator === "\t" ? "tab" : `"${p.separator}"`})`,
  },
  "answers.criterionEmpty": {
    fr: () => `le critère est vide`,
    en: () => `the criterion is empty`,
  },
  "answers.criterionUnknown": {
    fr: (p) => `critère « ${p.id} » inconnu (absent du modèle ${p.template})`,
    en: (p) => `unknown criterion "${p.id}" (not in template ${p.template})`,
  },
  "answers.criterionTwice": {
    fr: (p) => `le critère ${p.id} est donné deux fois (d'abord à la ligne ${p.first})`,
    en: (p) => `criterion ${p.id} is given twice (first on line ${p.first})`,
  },
  "answers.ratingNotALevel": {
    fr: (p) => `cotation « ${p.value} » de ${p.id} : ce n'est ni un niveau de l'échelle (${scaleIn(p, "fr")}) ni « sans objet » (S. O., S/O, N/A…)`,
    en: (p) => `rating "${p.value}" of ${p.id}: not a level of the scale (${scaleIn(p, "en")}) nor an N/A token (N/A, S/O, NA…)`,
  },
  "answers.ratingOutsideScale": {
    fr: (p) => `cotation « ${p.value} » de ${p.id} : hors de l'échelle (${scaleIn(p, "fr")})`,
    en: (p) => `rating "${p.value}" of ${p.id}: outside the scale (${scaleIn(p, "en")})`,
  },
  "answers.ratingNaNotAllowed": {
    fr: (p) => `cotation « ${p.value} » de ${p.id} : ce modèle ne permet pas « sans objet » (choisissez ${scaleIn(p, "fr")})`,
    en: (p) => `rating "${p.value}" of ${p.id}: this template does not allow N/A (choose ${scaleIn(p, "en")})`,
  },
  "answers.ratingNaRequired": {
    fr: (p) => `cotation « ${p.value} » de ${p.id} : ce critère est requis, il ne peut pas être « sans objet »${p.scaleFr ? ` (choisissez ${scaleIn(p, "fr")})` : ""}`,
    en: (p) => `rating "${p.value}" of ${p.id}: this criterion is required, it cannot be N/A${p.scaleEn ? ` (choose ${scaleIn(p, "en")})` : ""}`,
  },
  "answers.ratingAmbiguous": {
    fr: (p) => `cotation « ${p.value} » de ${p.id} ambiguë : elle désigne plusieurs niveaux (${p.levels}) ; donnez la valeur du niveau (${scaleIn(p, "fr")})`,
    en: (p) => `rating "${p.value}" of ${p.id} is ambiguous: it names several levels (${p.levels}); give the level's value (${scaleIn(p, "en")})`,
  },
});
