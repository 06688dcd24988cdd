import type { Lang } from "./template.types.js";

/**
 * The ordered answer sets a survey question is recognised by (design.md "Rounds, comparison and
 * report": the favourable share is the share of the two most favourable answers of such a set).
 * Each level lists the spellings it answers to; a level's first spelling is how it is shown when
 * the file never used it. Levels are most favourable first.
 */
export interface SurveyScale {
  /** Stable id, kept in the workbook's « Échelle » column through its label (`agreement5.fr`). */
  id: string;
  label: Record<Lang, string>;
  levels: readonly (readonly string[])[];
}

/** The id of a scale given by hand (`--scale "A,B,C"`). */
export const CUSTOM_SCALE_ID = "custom";

const fr = (id: string, label: string, en: string, levels: string[][]): SurveyScale => ({ id: `${id}.fr`, label: { fr: label, en }, levels });
const en = (id: string, label: string, frLabel: string, levels: string[][]): SurveyScale => ({ id: `${id}.en`, label: { fr: frLabel, en: label }, levels });

// Agreement, French and English: the neutral level is the five-point set's only difference.
const AGREE_FR = {
  top: ["Tout à fait d'accord", "Totalement d'accord", "Entièrement d'accord", "Fortement d'accord", "Très d'accord", "Complètement d'accord"],
  agree: ["Plutôt d'accord", "D'accord", "Assez d'accord", "En accord", "Un peu d'accord"],
  neutral: ["Ni d'accord ni en désaccord", "Ni en accord ni en désaccord", "Neutre", "Ni d'accord, ni en désaccord"],
  disagree: ["Plutôt en désaccord", "En désaccord", "Plutôt pas d'accord", "Pas d'accord", "Peu d'accord"],
  bottom: ["Pas du tout d'accord", "Tout à fait en désaccord", "Totalement en désaccord", "Fortement en désaccord", "Très en désaccord", "Complètement en désaccord"],
};
const AGREE_EN = {
  top: ["Strongly agree", "Completely agree", "Totally agree", "Fully agree"],
  agree: ["Agree", "Somewhat agree", "Mostly agree", "Tend to agree"],
  neutral: ["Neither agree nor disagree", "Neutral", "Neither agree or disagree"],
  disagree: ["Disagree", "Somewhat disagree", "Mostly disagree", "Tend to disagree"],
  bottom: ["Strongly disagree", "Completely disagree", "Totally disagree"],
};
const SATIS_FR = {
  top: ["Très satisfait", "Très satisfaite", "Très satisfait(e)", "Tout à fait satisfait", "Tout à fait satisfaite", "Entièrement satisfait"],
  agree: ["Satisfait", "Satisfaite", "Satisfait(e)", "Plutôt satisfait", "Plutôt satisfaite", "Assez satisfait", "Assez satisfaite"],
  neutral: ["Ni satisfait ni insatisfait", "Ni satisfaite ni insatisfaite", "Neutre"],
  disagree: ["Insatisfait", "Insatisfaite", "Insatisfait(e)", "Plutôt insatisfait", "Plutôt insatisfaite", "Peu satisfait", "Peu satisfaite"],
  bottom: ["Très insatisfait", "Très insatisfaite", "Très insatisfait(e)", "Pas du tout satisfait", "Pas du tout satisfaite", "Tout à fait insatisfait"],
};
const SATIS_EN = {
  top: ["Very satisfied", "Extremely satisfied", "Completely satisfied"],
  agree: ["Satisfied", "Somewhat satisfied", "Fairly satisfied", "Mostly satisfied"],
  neutral: ["Neither satisfied nor dissatisfied", "Neutral", "Neither satisfied or dissatisfied"],
  disagree: ["Dissatisfied", "Unsatisfied", "Somewhat dissatisfied", "Not very satisfied"],
  bottom: ["Very dissatisfied", "Very unsatisfied", "Extremely dissatisfied", "Not at all satisfied"],
};
const FREQ_FR = {
  always: ["Toujours", "Tout le temps"],
  often: ["Souvent", "La plupart du temps", "Très souvent", "Fréquemment"],
  sometimes: ["Parfois", "Quelquefois", "De temps en temps", "À l'occasion"],
  rarely: ["Rarement", "Peu souvent"],
  never: ["Jamais"],
};
const FREQ_EN = {
  always: ["Always", "All the time"],
  often: ["Often", "Usually", "Most of the time", "Very often", "Frequently"],
  sometimes: ["Sometimes", "Occasionally", "From time to time"],
  rarely: ["Rarely", "Seldom"],
  never: ["Never"],
};

/**
 * The recognised sets, in the order they are tried: a four-level set before the five-level set of
 * the same kind, so that a question whose answers fit both (no neutral answer given) is read on the
 * smaller one — the two most favourable levels are the same in both, except for quality, where
 * « Très bon » only exists in the five-level set and moves « Bon » out of the top two.
 */
export const SURVEY_SCALES: readonly SurveyScale[] = [
  fr("agreement4", "Accord (4 niveaux)", "Agreement (4 levels, French)", [AGREE_FR.top, AGREE_FR.agree, AGREE_FR.disagree, AGREE_FR.bottom]),
  fr("agreement5", "Accord (5 niveaux)", "Agreement (5 levels, French)", [AGREE_FR.top, AGREE_FR.agree, AGREE_FR.neutral, AGREE_FR.disagree, AGREE_FR.bottom]),
  en("agreement4", "Agreement (4 levels)", "Accord (4 niveaux, anglais)", [AGREE_EN.top, AGREE_EN.agree, AGREE_EN.disagree, AGREE_EN.bottom]),
  en("agreement5", "Agreement (5 levels)", "Accord (5 niveaux, anglais)", [AGREE_EN.top, AGREE_EN.agree, AGREE_EN.neutral, AGREE_EN.disagree, AGREE_EN.bottom]),
  fr("satisfaction4", "Satisfaction (4 niveaux)", "Satisfaction (4 levels, French)", [SATIS_FR.top, SATIS_FR.agree, SATIS_FR.disagree, SATIS_FR.bottom]),
  fr("satisfaction5", "Satisfaction (5 niveaux)", "Satisfaction (5 levels, French)", [SATIS_FR.top, SATIS_FR.agree, SATIS_FR.neutral, SATIS_FR.disagree, SATIS_FR.bottom]),
  en("satisfaction4", "Satisfaction (4 levels)", "Satisfaction (4 niveaux, anglais)", [SATIS_EN.top, SATIS_EN.agree, SATIS_EN.disagree, SATIS_EN.bottom]),
  en("satisfaction5", "Satisfaction (5 levels)", "Satisfaction (5 niveaux, anglais)", [SATIS_EN.top, SATIS_EN.agree, SATIS_EN.neutral, SATIS_EN.disagree, SATIS_EN.bottom]),
  fr("frequency4", "Fréquence (4 niveaux)", "Frequency (4 levels, French)", [FREQ_FR.always, FREQ_FR.often, FREQ_FR.rarely, FREQ_FR.never]),
  fr("frequency5", "Fréquence (5 niveaux)", "Frequency (5 levels, French)", [FREQ_FR.always, FREQ_FR.often, FREQ_FR.sometimes, FREQ_FR.rarely, FREQ_FR.never]),
  en("frequency4", "Frequency (4 levels)", "Fréquence (4 niveaux, anglais)", [FREQ_EN.always, FREQ_EN.often, FREQ_EN.rarely, FREQ_EN.never]),
  en("frequency5", "Frequency (5 levels)", "Fréquence (5 niveaux, anglais)", [FREQ_EN.always, FREQ_EN.often, FREQ_EN.sometimes, FREQ_EN.rarely, FREQ_EN.never]),
  fr("quality4", "Qualité (4 niveaux)", "Quality (4 levels, French)", [
    ["Excellent", "Excellente"],
    ["Bon", "Bonne"],
    ["Passable", "Moyen", "Moyenne", "Acceptable"],
    ["Médiocre", "Mauvais", "Mauvaise", "Faible"],
  ]),
  fr("quality5", "Qualité (5 niveaux)", "Quality (5 levels, French)", [
    ["Excellent", "Excellente"],
    ["Très bon", "Très bonne"],
    ["Bon", "Bonne"],
    ["Passable", "Moyen", "Moyenne", "Acceptable"],
    ["Médiocre", "Mauvais", "Mauvaise", "Faible"],
  ]),
  en("quality4", "Quality (4 levels)", "Qualité (4 niveaux, anglais)", [["Excellent"], ["Good"], ["Fair", "Average"], ["Poor", "Bad"]]),
  en("quality5", "Quality (5 levels)", "Qualité (5 niveaux, anglais)", [["Excellent"], ["Very good"], ["Good"], ["Fair", "Average"], ["Poor", "Bad"]]),
];

/**
 * The key an answer is matched by: case, accents, spacing and apostrophe forms (’ ' ʼ) set aside,
 * and a gendered ending written « (e) » too. Unlike `matchKey`, spaces are kept as one space, so
 * that « Pas du tout » stays apart from a word that happens to hold the same letters.
 */
export function answerKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("fr")
    .replace(/\(e\)|\(s\)/g, "")
    .replace(/[’ʼ`´‘]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .replace(/\s*'\s*/g, "'")
    .trim();
}

/** A scale given by hand (`--scale "Excellent,Bon,Moyen,Faible"`, most favourable first): one spelling per level. */
export function customScale(levels: readonly string[]): SurveyScale {
  return { id: CUSTOM_SCALE_ID, label: { fr: "Échelle donnée à l'import", en: "Scale given at import" }, levels: levels.map((l) => [l]) };
}

/** The level (0 = most favourable) an answer is on `scale`, or -1 when it is not one of its answers. */
export function levelOf(scale: SurveyScale, answer: string): number {
  const key = answerKey(answer);
  return scale.levels.findIndex((spellings) => spellings.some((s) => answerKey(s) === key));
}

/**
 * The scale a question's distinct non-blank answers all belong to: `given` first (the scale set by
 * hand), then the recognised sets in order; null when none holds them all (not a Likert question),
 * or when there is no answer.
 */
export function scaleOf(answers: readonly string[], given?: SurveyScale): SurveyScale | null {
  if (answers.length === 0) return null;
  const candidates = given ? [given, ...SURVEY_SCALES] : SURVEY_SCALES;
  return candidates.find((s) => answers.every((a) => levelOf(s, a) >= 0)) ?? null;
}

/** The scale of an id or of its label (FR or EN) as the workbook shows it, when it is one of the recognised sets or the custom one. */
export function scaleNamed(text: string): { id: string } | null {
  const key = answerKey(text);
  if (key === "") return null;
  const custom = customScale([]);
  for (const s of [...SURVEY_SCALES, custom]) {
    if (answerKey(s.id) === key || answerKey(s.label.fr) === key || answerKey(s.label.en) === key) return { id: s.id };
  }
  return null;
}

/** How the workbook's « Échelle » column shows a scale id, in `lang` (the id itself when unknown). */
export function scaleLabel(id: string, lang: Lang): string {
  if (id === CUSTOM_SCALE_ID) return customScale([]).label[lang];
  return SURVEY_SCALES.find((s) => s.id === id)?.label[lang] ?? id;
}
