import type { Lang } from "../template.types.js";
import { messageText, registerMessages } from "./message.catalog.js";
import { enPlural, frPlural, numberText } from "./message.format.js";
import type { MessageParams } from "./message.types.js";

const num = numberText;

/**
 * A list of numbers given as `1, 2.5, 4` (the parameter's form), as `lang` writes it: French
 * separates with `;` since its decimals take the comma (`1 ; 2,5 ; 4`).
 */
function numbers(v: string | number | undefined, lang: Lang): string {
  const s = String(v);
  return lang === "fr" ? s.split(", ").map((x) => x.replace(".", ",")).join(" ; ") : s;
}

/** A word of `table` for the parameter's key in `lang`, else the parameter itself. */
function wordOf(table: Record<string, Record<Lang, string>>, v: string | number | undefined, lang: Lang): string {
  return table[String(v)]?.[lang] ?? String(v);
}

/** Why a JSON text does not parse, by jsonc-parser's error name (`printParseErrorCode`). */
const JSON_REASONS: Record<string, Record<Lang, string>> = {
  InvalidSymbol: { fr: "symbole invalide", en: "invalid symbol" },
  InvalidNumberFormat: { fr: "nombre mal écrit", en: "malformed number" },
  PropertyNameExpected: { fr: "nom de clé attendu", en: "property name expected" },
  ValueExpected: { fr: "valeur attendue", en: "value expected" },
  ColonExpected: { fr: "deux-points « : » attendu", en: 'colon ":" expected' },
  CommaExpected: { fr: "virgule attendue", en: "comma expected" },
  CloseBraceExpected: { fr: "accolade fermante « } » attendue", en: 'closing brace "}" expected' },
  CloseBracketExpected: { fr: "crochet fermant « ] » attendu", en: 'closing bracket "]" expected' },
  EndOfFileExpected: { fr: "fin du fichier attendue", en: "end of file expected" },
  InvalidCommentToken: { fr: "les commentaires ne sont pas permis en JSON", en: "comments are not allowed in JSON" },
  UnexpectedEndOfComment: { fr: "commentaire jamais fermé", en: "comment never closed" },
  UnexpectedEndOfString: { fr: "texte jamais fermé (guillemet manquant)", en: "text never closed (missing quote)" },
  UnexpectedEndOfNumber: { fr: "nombre incomplet", en: "incomplete number" },
  InvalidUnicode: { fr: "séquence Unicode invalide", en: "invalid Unicode escape" },
  InvalidEscapeCharacter: { fr: "caractère d'échappement invalide", en: "invalid escape character" },
  InvalidCharacter: { fr: "caractère non permis (une tabulation ou un saut de ligne dans un texte ?)", en: "character not allowed (a tab or a line break inside a text?)" },
};

/** What a JSON value must be, by JSON Schema type. */
const TYPES: Record<string, Record<Lang, string>> = {
  number: { fr: "un nombre", en: "a number" },
  string: { fr: "un texte", en: "a text" },
  boolean: { fr: "true ou false", en: "true or false" },
  array: { fr: "une liste [ … ]", en: "a list [ … ]" },
  object: { fr: "un objet { … }", en: "an object { … }" },
};

/** The text of the issue an authoring-cell issue wraps (`template.atPath`), in `lang`. */
function innerText(p: MessageParams, lang: Lang): string {
  return messageText(String(p.inner), p, lang) ?? String(p.innerMessage);
}

/**
 * What reading a template finds wrong: its JSON (syntax, shape, texts), its meaning (scale,
 * targets, ids, maturity levels, weights), and the grids and authoring sheets it may come from.
 * Paths name the JSON path (`dimensions[1].criteria[0].weight`) or the cell (`Grille!D7`).
 */
export const TEMPLATE_MESSAGES = registerMessages({
  // Syntax and shape (the JSON schema).
  "template.jsonSyntax": {
    fr: (p) => `ce n'est pas du JSON valide (${wordOf(JSON_REASONS, p.reason, "fr")})`,
    en: (p) => `not valid JSON (${wordOf(JSON_REASONS, p.reason, "en")})`,
  },
  "template.unknownKey": {
    fr: () => "clé inconnue (ignorée)",
    en: () => "unknown key (ignored)",
  },
  "template.required": {
    fr: () => "est obligatoire",
    en: () => "is required",
  },
  "template.minimum": {
    fr: (p) => `doit être ≥ ${num(p.limit, "fr")}`,
    en: (p) => `must be ≥ ${num(p.limit, "en")}`,
  },
  "template.maximum": {
    fr: (p) => `doit être ≤ ${num(p.limit, "fr")}`,
    en: (p) => `must be ≤ ${num(p.limit, "en")}`,
  },
  "template.minItems": {
    fr: (p) => `doit contenir au moins ${p.limit} ${frPlural(p.limit, "élément", "éléments")}`,
    en: (p) => `must have at least ${p.limit} ${enPlural(p.limit, "item", "items")}`,
  },
  "template.maxLength": {
    fr: (p) => `doit avoir au plus ${p.limit} caractères`,
    en: (p) => `must have at most ${p.limit} characters`,
  },
  "template.version": {
    fr: () => "doit être un numéro de version sémantique comme 1.0.0",
    en: () => "must be a semantic version such as 1.0.0",
  },
  "template.idPattern": {
    fr: () => "doit commencer par une lettre et ne contenir que des lettres, des chiffres, « . », « _ » et « - »",
    en: () => "must start with a letter and hold only letters, digits, '.', '_' and '-'",
  },
  "template.type": {
    fr: (p) => `doit être ${wordOf(TYPES, p.type, "fr")}`,
    en: (p) => `must be ${wordOf(TYPES, p.type, "en")}`,
  },
  "template.enum": {
    fr: (p) => `doit être l'une des valeurs suivantes : ${p.values}`,
    en: (p) => `must be one of: ${p.values}`,
  },
  "template.schema": {
    fr: (p) => `ne respecte pas le format des modèles (${p.keyword} : ${p.detail})`,
    en: (p) => `does not follow the template format (${p.keyword}: ${p.detail})`,
  },

  // Text fields: a text, or { "fr": …, "en": … }.
  "template.textEmpty": {
    fr: () => "ne doit pas être vide",
    en: () => "must not be empty",
  },
  "template.textShape": {
    fr: () => 'doit être un texte ou un objet { "fr": "…", "en": "…" }',
    en: () => 'must be a text or an object { "fr": "…", "en": "…" }',
  },
  "template.textUnknownLanguage": {
    fr: () => "langue inconnue (ignorée ; utilisez fr ou en)",
    en: () => "unknown language (ignored; use fr or en)",
  },
  "template.textNotText": {
    fr: () => "doit être un texte non vide",
    en: () => "must be a non-empty text",
  },
  "template.textNoLanguage": {
    fr: () => 'doit donner le texte en français ("fr") ou en anglais ("en")',
    en: () => 'must give the text in "fr" or "en"',
  },

  // Meaning: what JSON Schema cannot say.
  "template.levelValueTwice": {
    fr: (p) => `même valeur que ${p.scale ?? "scale"}.levels[${p.first}].value (${num(p.value, "fr")})`,
    en: (p) => `duplicates ${p.scale ?? "scale"}.levels[${p.first}].value (${num(p.value, "en")})`,
  },
  "template.levelLabelTwice": {
    fr: (p) => `« ${p.label} » est aussi le libellé de ${p.scale ?? "scale"}.levels[${p.first}]`,
    en: (p) => `"${p.label}" is also the label of ${p.scale ?? "scale"}.levels[${p.first}]`,
  },
  "template.levelLabelNumber": {
    fr: (p) => `« ${p.label} » ressemble à un nombre ; le libellé d'un niveau ne doit pas pouvoir être pris pour la valeur d'un niveau`,
    en: (p) => `"${p.label}" looks like a number; a label must not be mistaken for a level value`,
  },
  "template.levelLabelNa": {
    fr: (p) => `« ${p.label} » est une façon d'écrire « sans objet » ; le libellé d'un niveau ne doit pas pouvoir être pris pour « sans objet »`,
    en: (p) => `"${p.label}" is an N/A token; a level label must not be mistaken for « sans objet »`,
  },
  "template.levelsOrder": {
    fr: () => "les niveaux doivent être énumérés en ordre croissant de valeur",
    en: () => "levels must be listed in ascending order of value",
  },
  "template.scaleFlat": {
    fr: (p) => `la plus petite et la plus grande valeur de l'échelle de cotation sont égales (${num(p.min, "fr")}) ; elles doivent différer`,
    en: (p) => `the scale's smallest and largest values are equal (${num(p.min, "en")}); they must differ`,
  },
  "template.levelOutsideScale": {
    fr: (p) => `doit être dans l'échelle de cotation (${num(p.min, "fr")} à ${num(p.max, "fr")}) ; valeur donnée : ${num(p.level, "fr")}`,
    en: (p) => `must be inside the scale (${num(p.min, "en")}–${num(p.max, "en")}), got ${num(p.level, "en")}`,
  },
  "template.levelNotAValue": {
    fr: (p) => `doit être une des valeurs de l'échelle de cotation (${numbers(p.values, "fr")}) ; valeur donnée : ${num(p.level, "fr")}`,
    en: (p) => `must be one of the scale's values (${numbers(p.values, "en")}), got ${num(p.level, "en")}`,
  },
  "template.maturityOrder": {
    fr: () => "les niveaux de maturité doivent être énumérés en ordre strictement croissant de min",
    en: () => "bands must be listed in strictly ascending order of min",
  },
  "template.maturityGap": {
    fr: (p) => `les scores sous ${num(p.min, "fr")} n'ont aucun niveau de maturité ; faites commencer le premier niveau à 0`,
    en: (p) => `scores below ${num(p.min, "en")} get no maturity label; start the first band at 0`,
  },
  "template.dimensionIdTwice": {
    fr: (p) => `identifiant de dimension « ${p.id} » en double (aussi à ${p.first})`,
    en: (p) => `duplicate dimension id "${p.id}" (also at ${p.first})`,
  },
  "template.criterionIdTwice": {
    fr: (p) => `identifiant de critère « ${p.id} » en double (aussi à ${p.first})`,
    en: (p) => `duplicate criterion id "${p.id}" (also at ${p.first})`,
  },
  "template.weightsAllZero": {
    fr: () => "tous les critères ont un poids de 0 : cette dimension ne pourra jamais avoir de score",
    en: () => "every criterion has weight 0: this dimension can never be scored",
  },

  // The second version of the model (design.md "Template model, second version").
  "template.defaultScaleTargetLevel": {
    fr: () => "l'échelle par défaut prend la cible du modèle (targetLevel au premier niveau) ; targetLevel n'est permis que dans scales",
    en: () => "the default scale takes the template's target (top-level targetLevel); targetLevel is allowed only in scales",
  },
  "template.unknownScale": {
    fr: (p) => `échelle « ${p.scale} » inconnue ; échelles du modèle : ${p.known}`,
    en: (p) => `unknown scale "${p.scale}"; the template's scales: ${p.known}`,
  },
  "template.textCriterionHas": {
    fr: (p) => `une question à réponse libre (type « text ») n'est pas cotée : elle ne prend pas de ${p.key}`,
    en: (p) => `a free-text question (type "text") is not rated: it takes no ${p.key}`,
  },
  "template.unknownTheme": {
    fr: (p) => `sous-thème « ${p.theme} » inconnu dans cette dimension ; ses sous-thèmes : ${p.known}`,
    en: (p) => `unknown theme "${p.theme}" in this dimension; its themes: ${p.known}`,
  },
  "template.idTwice": {
    fr: (p) => `identifiant « ${p.id} » en double (aussi à ${p.first})`,
    en: (p) => `duplicate id "${p.id}" (also at ${p.first})`,
  },
  "template.replacesExisting": {
    fr: (p) => `« ${p.id} » est encore un critère de ce modèle (${p.at}) : un critère ne peut remplacer qu'un identifiant disparu`,
    en: (p) => `"${p.id}" is still a criterion of this template (${p.at}): a criterion can only replace an id that is gone`,
  },
  "template.replacedTwice": {
    fr: (p) => `« ${p.id} » est déjà remplacé par ${p.first} : ses réponses ne peuvent aller qu'à un seul critère`,
    en: (p) => `"${p.id}" is already replaced by ${p.first}: its answers can go to one criterion only`,
  },
  "template.replacesItself": {
    fr: () => "un modèle ne peut pas se remplacer lui-même",
    en: () => "a template cannot replace itself",
  },
  "template.levelMapKey": {
    fr: (p) => `« ${p.key} » n'est pas une valeur de niveau (un nombre, comme « 3 » ou « 2.5 »)`,
    en: (p) => `"${p.key}" is not a level value (a number, such as "3" or "2.5")`,
  },
  "template.unknownCriterion": {
    fr: (p) => `critère « ${p.id} » inconnu dans ce modèle`,
    en: (p) => `unknown criterion "${p.id}" in this template`,
  },

  // A template read from a workbook.
  "template.atPath": {
    // An authoring-sheet issue: the path names the cell, the text keeps the template's JSON path.
    fr: (p) => `${p.jsonPath}: ${innerText(p, "fr")}`,
    en: (p) => `${p.jsonPath}: ${innerText(p, "en")}`,
  },
  "template.noHeaderRow": {
    fr: (p) =>
      `ce n'est pas un classeur Qualigrid, et aucune feuille (${p.sheets}) n'a de ligne d'en-têtes reconnaissable dans ses ${p.rows} premières lignes : ` +
      "il faut une colonne de critère (Critère, Énoncé, Exigence, Question, Criterion, Statement…) et au moins une de ces colonnes : " +
      "dimension (Thématique, Axe, Domaine…), code (Code, N°, Référence…), poids (Poids, Pondération…), repères (Repères, Aide…), preuves (Preuves…), cible (Cible…)",
    en: (p) =>
      `not a Qualigrid workbook, and no sheet (${p.sheets}) has a recognizable header row in its first ${p.rows} rows: ` +
      "expected a criterion column (Critère, Énoncé, Exigence, Question, Criterion, Statement…) and at least one of " +
      "dimension (Thématique, Axe, Domaine…), code (Code, N°, Référence…), weight (Poids, Pondération…), guidance (Repères, Aide…), evidence (Preuves…), target (Cible…)",
  },
  "template.grid.textEmpty": {
    fr: () => "le texte du critère est vide",
    en: () => "criterion text is empty",
  },
  "template.grid.codeInvalid": {
    fr: (p) => `le code « ${p.code} » ne peut contenir que des lettres, des chiffres, « . », « _ », « - » et des espaces`,
    en: (p) => `code « ${p.code} » may only hold letters, digits, '.', '_', '-' and spaces`,
  },
  "template.grid.codeTwice": {
    fr: (p) => `code « ${p.code} » en double (déjà utilisé en ${p.first})`,
    en: (p) => `duplicate code « ${p.code} » (already used at ${p.first})`,
  },
  "template.grid.weightInvalid": {
    fr: (p) => `le poids « ${num(p.value, "fr")} » n'est pas un nombre ≥ 0`,
    en: (p) => `weight « ${num(p.value, "en")} » is not a number ≥ 0`,
  },
  "template.grid.targetInvalid": {
    fr: (p) => `le niveau cible « ${num(p.value, "fr")} » n'est pas une des valeurs de l'échelle de cotation (${numbers(p.values, "fr")})`,
    en: (p) => `target level « ${num(p.value, "en")} » is not one of the scale's values (${numbers(p.values, "en")})`,
  },
  "template.grid.noCriterion": {
    fr: () => "aucun critère sous la ligne d'en-têtes",
    en: () => "no criterion below the header row",
  },
  "template.grid.scaleInvalid": {
    fr: (p) => `l'échelle «\u00a0${p.value}\u00a0» doit donner au moins deux niveaux distincts, séparés par «\u00a0;\u00a0» (Non\u00a0; Oui), au besoin avec leur valeur (0\u00a0=\u00a0Non\u00a0; 1\u00a0=\u00a0Oui)`,
    en: (p) => `scale "${p.value}" must give at least two distinct levels separated by ";" (No; Yes), with their values if need be (0 = No; 1 = Yes)`,
  },
  "template.grid.typeInvalid": {
    fr: (p) => `le type «\u00a0${p.value}\u00a0» n'est ni «\u00a0cotation\u00a0» ni «\u00a0texte\u00a0» (rating, text)`,
    en: (p) => `type "${p.value}" is neither "rating" nor "text" (cotation, texte)`,
  },
  "template.grid.requiredInvalid": {
    fr: (p) => `«\u00a0${p.value}\u00a0» ne dit pas si le critère est requis\u00a0: écrivez Oui, Non, x ou laissez vide`,
    en: (p) => `"${p.value}" does not say whether the criterion is required: write Yes, No, x or leave it blank`,
  },
  "template.grid.levelMapInvalid": {
    fr: (p) => `la correspondance des niveaux «\u00a0${p.value}\u00a0» doit s'écrire ancien\u00a0=\u00a0nouveau, séparés par «\u00a0;\u00a0» (1\u00a0=\u00a00\u00a0; 2\u00a0=\u00a05)`,
    en: (p) => `level map "${p.value}" must read old = new, separated by ";" (1 = 0; 2 = 5)`,
  },
  "template.authoring.themeDimension": {
    fr: (p) => `dimension «\u00a0${p.dimension}\u00a0» inconnue\u00a0: un sous-thème appartient à une dimension du tableau des critères (${p.known})`,
    en: (p) => `unknown dimension "${p.dimension}": a theme belongs to a dimension of the criteria table (${p.known})`,
  },
});
