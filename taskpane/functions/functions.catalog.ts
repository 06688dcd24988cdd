import type { Lang } from "../../addin/model/template.types.js";
import { formulaSyntax } from "./functions.formula.js";

type Both = Record<Lang, string>;

/** The namespace of Qualigrid's custom functions, the same in every language. */
const FUNCTION_NAMESPACE = "QG";

/** The QG functions by their invariant (English) name, in the order the page lists them. */
export const FUNCTION_IDS = ["SCORE", "DIMSCORE", "GAP", "LEVEL", "COMPLETION", "COVERAGE", "AGREEMENT", "SPREAD", "CONSENSUS"] as const;

/** A QG function, by its invariant name. */
export type FunctionId = (typeof FUNCTION_IDS)[number];

/** One argument of a function, as the function's help in Excel names it. */
export interface FunctionArgument {
  /** The English argument name (`scale_min`), also the key of `ARGUMENT_NAMES` in `addin/scoring`. */
  key: string;
  name: Both;
  description: Both;
  optional: boolean;
}

/** What the page says about one function. */
export interface FunctionEntry {
  id: FunctionId;
  /** The name after `QG.` in each language (Excel shows the French one in a French Excel). */
  name: Both;
  description: Both;
  arguments: FunctionArgument[];
  /** The function returns a column (a dynamic array) that spills below the cell. */
  spills: boolean;
}

const arg = (key: string, fr: string, en: string, description: Both, optional = false): FunctionArgument => ({
  key,
  name: { fr, en },
  description,
  optional,
});

const RATINGS = arg("ratings", "cotations", "ratings", {
  fr: "Les cotations, une par critère.",
  en: "The ratings, one per criterion.",
});
const SCALE_MIN = arg("scale_min", "echelle_min", "scale_min", {
  fr: "La plus petite valeur de l'échelle de cotation ; avec plusieurs échelles, celle de chaque ligne (la colonne « Min échelle »).",
  en: "The lowest value of the rating scale; with several scales, each row's (the \"Scale min\" column).",
});
const SCALE_MAX = arg("scale_max", "echelle_max", "scale_max", {
  fr: "La plus grande valeur de l'échelle de cotation ; avec plusieurs échelles, celle de chaque ligne (la colonne « Max échelle »).",
  en: "The highest value of the rating scale; with several scales, each row's (the \"Scale max\" column).",
});
const WEIGHTS = arg(
  "weights",
  "poids",
  "weights",
  { fr: "Le poids de chaque critère, de la même taille que cotations (1 par défaut).", en: "Each criterion's weight, the same size as ratings (1 by default)." },
  true,
);
const SCORE = arg("score", "score", "score", { fr: "Un score de 0 à 100, ou une plage de scores.", en: "A score from 0 to 100, or a range of scores." });
const MATRIX = arg("ratings_matrix", "matrice_cotations", "ratings_matrix", {
  fr: "Une ligne par critère, une colonne par répondant (les colonnes «\u00a0Niveau retenu\u00a0» de la grille).",
  en: "One row per criterion, one column per respondent (the grid's \"Level counted\" columns).",
});
const LEVELS = arg(
  "levels",
  "niveaux",
  "levels",
  {
    fr: "Les valeurs des niveaux de l'échelle (QG_LevelValues)\u00a0: un autre nombre est laissé de côté. Par défaut, tout nombre compte.",
    en: "The scale's level values (QG_LevelValues): any other number is left out. By default every number counts.",
  },
  true,
);

/**
 * The QG custom functions as the Functions page presents them: names, one-line descriptions and
 * arguments in French and English, the same words as the functions' own help in Excel.
 */
export const FUNCTIONS: readonly FunctionEntry[] = [
  {
    id: "SCORE",
    name: { fr: "SCORE", en: "SCORE" },
    description: {
      fr: "Le score de 0 à 100 d'un ensemble de cotations, chacune sur son échelle ; les cellules vides et les « sans objet » sont ignorées, comme, avec les bornes de chaque ligne, une cotation hors de ses bornes.",
      en: "The score from 0 to 100 of a set of ratings, each on its scale; blank cells and N/A are skipped, and so, given each row's bounds, is a rating outside them.",
    },
    arguments: [RATINGS, SCALE_MIN, SCALE_MAX, WEIGHTS],
    spills: false,
  },
  {
    id: "DIMSCORE",
    name: { fr: "SCOREDIM", en: "DIMSCORE" },
    description: {
      fr: "Le score de 0 à 100 des critères d'une seule dimension.",
      en: "The score from 0 to 100 of the criteria of one dimension.",
    },
    arguments: [
      arg("dimensions", "dimensions", "dimensions", {
        fr: "La dimension de chaque critère, de la même taille que cotations.",
        en: "Each criterion's dimension, the same size as ratings.",
      }),
      RATINGS,
      arg("dimension", "dimension", "dimension", { fr: "Le code de la dimension à calculer.", en: "The code of the dimension to score." }),
      SCALE_MIN,
      SCALE_MAX,
      WEIGHTS,
    ],
    spills: false,
  },
  {
    id: "GAP",
    name: { fr: "ECART", en: "GAP" },
    description: {
      fr: "L'écart à la cible, cible − score ; avec des plages, un tableau de même forme.",
      en: "The gap to target, target − score; given ranges, an array of the same shape.",
    },
    arguments: [SCORE, arg("target", "cible", "target", { fr: "La cible, ou une plage de cibles de même forme.", en: "The target, or a range of targets of the same shape." })],
    spills: false,
  },
  {
    id: "LEVEL",
    name: { fr: "NIVEAU", en: "LEVEL" },
    description: {
      fr: "Le libellé du plus haut seuil qui ne dépasse pas le score (le niveau de maturité, par exemple).",
      en: "The label of the highest threshold not above the score (the maturity level, for example).",
    },
    arguments: [
      SCORE,
      arg("thresholds", "seuils", "thresholds", { fr: "Les seuils, en ordre croissant.", en: "The thresholds, in ascending order." }),
      arg("labels", "libelles", "labels", { fr: "Le libellé de chaque seuil, de la même taille que seuils.", en: "Each threshold's label, the same size as thresholds." }),
    ],
    spills: false,
  },
  {
    id: "COMPLETION",
    name: { fr: "COMPLETUDE", en: "COMPLETION" },
    description: {
      fr: "La part des critères cotés, « sans objet » compris, sur l'ensemble des lignes.",
      en: "The share of criteria answered, N/A included, over all rows.",
    },
    arguments: [RATINGS],
    spills: false,
  },
  {
    id: "COVERAGE",
    name: { fr: "COUVERTURE", en: "COVERAGE" },
    description: {
      fr: "La part des critères qui ont au moins une preuve liée, en ne comptant que le statut accepté s'il est donné et les preuves non expirées si les dates d'expiration sont données.",
      en: "The share of criteria with at least one linked evidence item, counting only the accepted status when one is given and items not expired when expiry dates are given.",
    },
    arguments: [
      arg("criteria", "criteres", "criteria", { fr: "Les codes des critères.", en: "The criterion codes." }),
      arg("evidence_criteria", "criteres_preuves", "evidence_criteria", {
        fr: "Les critères que nomme chaque preuve (plusieurs codes séparés par , ou ;).",
        en: "The criteria each evidence item names (several codes separated by , or ;).",
      }),
      arg("evidence_status", "statut_preuves", "evidence_status", { fr: "Le statut de chaque preuve.", en: "Each evidence item's status." }, true),
      arg("accepted_status", "statut_accepte", "accepted_status", { fr: "Le seul statut qui compte.", en: "The only status that counts." }, true),
      arg(
        "evidence_expiry",
        "expiration_preuves",
        "evidence_expiry",
        {
          fr: "La date d'expiration de chaque preuve (vide = sans expiration) ; une preuve expirée avant la date de référence ne compte pas.",
          en: "Each evidence item's expiry date (blank = none); an item expired before the reference date does not count.",
        },
        true,
      ),
      arg(
        "reference_date",
        "date_reference",
        "reference_date",
        { fr: "La date de référence des expirations (aujourd'hui par défaut), par exemple QG_ReferenceDate.", en: "The reference date for expiry (today by default), e.g. QG_ReferenceDate." },
        true,
      ),
    ],
    spills: false,
  },
  {
    id: "AGREEMENT",
    name: { fr: "ACCORD", en: "AGREEMENT" },
    description: {
      fr: "La part des lignes, cotées et applicables des deux côtés, où les deux cotations diffèrent d'au plus la tolérance : l'autoévaluation contre l'évaluateur.",
      en: "The share of rows, answered and applicable on both sides, where the two ratings differ by at most the tolerance: self against evaluator.",
    },
    arguments: [
      arg("ratings_a", "cotations_a", "ratings_a", { fr: "Les premières cotations (l'autoévaluation).", en: "The first ratings (the self-assessment)." }),
      arg("ratings_b", "cotations_b", "ratings_b", { fr: "Les secondes cotations (l'évaluateur), de la même taille.", en: "The second ratings (the evaluator's), the same size." }),
      arg(
        "tolerance",
        "tolerance",
        "tolerance",
        { fr: "L'écart toléré, en niveaux de l'échelle par défaut (0 par défaut).", en: "The difference allowed, in levels of the default scale (0 by default)." },
        true,
      ),
      arg(
        "scale_min",
        "echelle_min",
        "scale_min",
        { fr: "Avec plusieurs échelles, la plus petite valeur de l'échelle de chaque ligne (la colonne « Min échelle »).", en: "With several scales, the lowest value of each row's scale (the \"Scale min\" column)." },
        true,
      ),
      arg(
        "scale_max",
        "echelle_max",
        "scale_max",
        { fr: "Avec plusieurs échelles, la plus grande valeur de l'échelle de chaque ligne (la colonne « Max échelle »).", en: "With several scales, the highest value of each row's scale (the \"Scale max\" column)." },
        true,
      ),
      arg(
        "default_min",
        "echelle_defaut_min",
        "default_min",
        { fr: "La plus petite valeur de l'échelle par défaut (QG_ScaleMin), requise avec les bornes de chaque ligne.", en: "The lowest value of the default scale (QG_ScaleMin), needed with each row's bounds." },
        true,
      ),
      arg(
        "default_max",
        "echelle_defaut_max",
        "default_max",
        { fr: "La plus grande valeur de l'échelle par défaut (QG_ScaleMax), requise avec les bornes de chaque ligne.", en: "The highest value of the default scale (QG_ScaleMax), needed with each row's bounds." },
        true,
      ),
    ],
    spills: false,
  },
  {
    id: "SPREAD",
    name: { fr: "DISPERSION", en: "SPREAD" },
    description: {
      fr: "Pour chaque ligne, l'étendue (max − min) des niveaux donnés par plusieurs répondants («\u00a0sans objet\u00a0» et texte laissés de côté).",
      en: "For each row, the spread (max − min) of the levels several respondents gave (N/A and text left out).",
    },
    arguments: [MATRIX, LEVELS],
    spills: true,
  },
  {
    id: "CONSENSUS",
    name: { fr: "CONSENSUS", en: "CONSENSUS" },
    description: {
      fr: "Pour chaque ligne, la cotation consolidée de plusieurs répondants\u00a0: la cotation convenue, sinon la moyenne ou la médiane de leurs niveaux, sinon «\u00a0sans objet\u00a0» si l'un d'eux l'a dit.",
      en: "For each row, the consolidated rating of several respondents: the agreed rating, else the mean or median of their levels, else N/A when one of them said so.",
    },
    arguments: [
      MATRIX,
      arg("method", "methode", "method", { fr: "« moyenne » (par défaut) ou « médiane » (QG_Consolidation).", en: "\"mean\" (the default) or \"median\" (QG_Consolidation)." }, true),
      arg(
        "agreed",
        "cotations_convenues",
        "agreed",
        {
          fr: "La cotation convenue de chaque ligne (la colonne «\u00a0Cotation convenue\u00a0»)\u00a0: un niveau ou «\u00a0sans objet\u00a0» l'emporte\u00a0; vide, les cotations des répondants comptent.",
          en: "Each row's agreed rating (the \"Agreed rating\" column): a level or N/A wins; blank, the respondents' ratings count.",
        },
        true,
      ),
      LEVELS,
    ],
    spills: true,
  },
];

/** The catalogue entry of a function. */
function functionEntry(id: FunctionId): FunctionEntry {
  const entry = FUNCTIONS.find((f) => f.id === id);
  if (!entry) throw new Error(`no QG function ${id}`);
  return entry;
}

/** `QG.SCOREDIM`: the full name of a function as Excel shows it in `lang`. */
export function functionName(id: FunctionId, lang: Lang): string {
  return `${FUNCTION_NAMESPACE}.${functionEntry(id).name[lang]}`;
}

/**
 * `QG.SCORE(cotations; echelle_min; echelle_max; [poids])`: the function's syntax as Excel's help
 * writes it in `lang`, with that language's argument separator.
 */
export function functionSyntax(id: FunctionId, lang: Lang): string {
  const args = functionEntry(id).arguments.map((a) => (a.optional ? `[${a.name[lang]}]` : a.name[lang]));
  return `${functionName(id, lang)}(${args.join(`${formulaSyntax(lang).argumentSeparator} `)})`;
}
