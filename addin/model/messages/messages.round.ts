import type { Lang } from "../template.types.js";
import type { MessageParams } from "./message.types.js";
import { registerMessages } from "./message.catalog.js";
import { matchKey } from "../text.match.js";

const NB = "\u00a0";
const q = (v: unknown): string => `«${NB}${String(v)}${NB}»`;
/** A value as typed on a command line: in straight quotes when it holds a space. */
const arg = (v: unknown): string => (/\s/u.test(String(v)) ? `"${String(v)}"` : String(v));

/**
 * Closing a round (design.md "Rounds, comparison and report"): `qualigrid round close` and
 * `round list`, the pane's « Clôturer le cycle », and why a close is refused.
 */
export const ROUND_MESSAGES = registerMessages({
  "round.labelEmpty": {
    fr: () => `le libellé du cycle est vide${NB}; donnez-en un avec --label (par exemple --label 2026)`,
    en: () => `the round's label is empty; give one with --label (for example --label 2026)`,
  },
  "round.labelTooLong": {
    fr: (p) => `le libellé du cycle a ${p.length} caractères${NB}; au plus ${p.limit}`,
    en: (p) => `the round's label has ${p.length} characters; at most ${p.limit}`,
  },
  "round.labelControl": {
    fr: () => `le libellé du cycle contient un caractère de contrôle (saut de ligne, tabulation…)`,
    en: () => `the round's label holds a control character (a line break, a tab…)`,
  },
  "round.labelTaken": {
    fr: (p) => `le cycle ${q(p.label)} est déjà clôturé dans ce classeur (cycles${NB}: ${p.labels})${NB}; donnez un autre libellé avec --label, par exemple --label ${arg(p.suggestion)}`,
    en: (p) => `the round "${p.label}" is already closed in this workbook (rounds: ${p.labels}); give another label with --label, for example --label ${arg(p.suggestion)}`,
  },
  "round.badDate": {
    fr: (p) => `${q(p.value)} n'est pas une date aaaa-mm-jj (par exemple 2026-12-04)`,
    en: (p) => `"${p.value}" is not a date yyyy-mm-dd (for example 2026-12-04)`,
  },
  "round.dateBefore": {
    fr: (p) => `la date de clôture ${p.date} précède celle du dernier cycle, ${q(p.label)}, clôturé le ${p.last}${NB}; donnez une date à partir du ${p.last} avec --date`,
    en: (p) => `the closing date ${p.date} is before that of the last round, "${p.label}", closed on ${p.last}; give a date from ${p.last} on with --date`,
  },
  "round.unreadable": {
    fr: (p) => `critère ${p.criterion}${NB}: ${q(p.value)} n'est pas une cotation lisible${NB}; le cycle clôturé la garde vide dans son historique (qualigrid check la signale)`,
    en: (p) => `criterion ${p.criterion}: "${p.value}" is not a readable rating; the closed round keeps it blank in its history (qualigrid check reports it)`,
  },
  "round.closed": {
    fr: (p) => `Cycle ${q(p.label)} clôturé le ${p.date} et consigné dans l'historique de ${p.file}${NB}:`,
    en: (p) => `Round "${p.label}" closed on ${p.date} and recorded in the history of ${p.file}:`,
  },
  "round.overall": {
    fr: (p) => `  Score global${NB}: ${p.score}${p.provisional}`,
    en: (p) => `  Overall score: ${p.score}${p.provisional}`,
  },
  "round.provisional": {
    fr: () => ` (provisoire)`,
    en: () => ` (provisional)`,
  },
  "round.dimension": {
    fr: (p) => `  ${p.id}${NB}: ${p.score}`,
    en: (p) => `  ${p.id}: ${p.score}`,
  },
  "round.startBlank": {
    fr: () =>
      `Le nouveau cycle commence avec les cotations, commentaires, cotations convenues et cotations de l'évaluateur vides${NB}; la grille montre à côté la cotation consolidée et les commentaires du cycle clôturé.`,
    en: () => `The new round starts with the ratings, comments, agreed ratings and evaluator's ratings blank; the grid shows beside them the closed round's consolidated rating and comments.`,
  },
  "round.startKept": {
    fr: (p) =>
      `Le nouveau cycle reprend la cotation précédente de chaque répondant (${p.count} cotations), marquée ${q("À confirmer")}${NB}; commentaires, cotations convenues et cotations de l'évaluateur sont vides.`,
    en: (p) => `The new round starts each respondent from their previous rating (${p.count} ratings), marked "To confirm"; comments, agreed ratings and the evaluator's ratings are blank.`,
  },
  "round.carried": {
    fr: (p) => `Preuves (${p.evidence}) et actions (${p.actions}) sont conservées${NB}; les statuts de revue des preuves sont remis à blanc.`,
    en: (p) => `Evidence (${p.evidence}) and actions (${p.actions}) are kept; the evidence review statuses are reset to blank.`,
  },
  "round.sealDropped": {
    fr: (p) => `Le sceau du ${p.date} (${p.reviewer}) appartient au cycle clôturé${NB}: il n'est pas repris dans le nouveau cycle.`,
    en: (p) => `The seal of ${p.date} (${p.reviewer}) belongs to the closed round: the new round does not carry it.`,
  },
  "round.toConfirm.yes": { fr: () => "Oui", en: () => "Yes" },
  "round.list.none": {
    fr: (p) => `${p.file}${NB}: aucun cycle clôturé pour l'instant (qualigrid round close ${p.file} pour en clôturer un).`,
    en: (p) => `${p.file}: no round closed yet (qualigrid round close ${p.file} closes one).`,
  },
  "round.list.label": { fr: () => "Cycle", en: () => "Round" },
  "round.list.date": { fr: () => "Date", en: () => "Date" },
  "round.list.version": {
    fr: () => "Version du modèle",
    en: () => "Template version",
  },
  "round.list.overall": { fr: () => "Score global", en: () => "Overall score" },
  "round.list.change": { fr: () => "Variation", en: () => "Change" },
  "round.help.command": {
    fr: () => "Cycles d'amélioration (clôturer le cycle, lister les cycles clôturés)",
    en: () => "Improvement rounds (close the round, list the closed rounds)",
  },
  "round.help.close": {
    fr: () => `Clôture le cycle en cours${NB}: ses chiffres et cotations vont dans l'historique, le nouveau cycle commence à blanc`,
    en: () => "Closes the current round: its figures and ratings go to the history, the new round starts blank",
  },
  "round.help.list": {
    fr: () => `Liste les cycles clôturés${NB}: date, version du modèle, score global et variation`,
    en: () => "Lists the closed rounds: date, template version, overall score and change",
  },
  "round.help.label": {
    fr: () => "libellé du cycle clôturé (par défaut l'année de la date)",
    en: () => "the closed round's label (by default the year of the date)",
  },
  "round.help.date": {
    fr: () => "date de clôture aaaa-mm-jj (par défaut aujourd'hui)",
    en: () => "closing date yyyy-mm-dd (today by default)",
  },
  "round.help.keepRatings": {
    fr: () => `chaque répondant repart de sa cotation précédente, marquée ${q("À confirmer")}`,
    en: () => "each respondent starts from their previous rating, marked “To confirm”",
  },
  "round.help.json": {
    fr: () => "les cycles en JSON",
    en: () => "the rounds as JSON",
  },
});

/** The codes of this section. */
export type RoundMessageCode = keyof typeof ROUND_MESSAGES;

/** A message of the rounds section in `lang`. */
export function roundText(code: RoundMessageCode, lang: Lang, params: MessageParams = {}): string {
  return ROUND_MESSAGES[code][lang](params);
}

/** What separates the names in « À confirmer » (French typography: no space before « ; »). */
const CONFIRM_SEPARATOR = "; ";

/**
 * The text of a grid row's « À confirmer » after a close with `keepRatings`: the names of the
 * respondents whose rating was carried, in order, « Oui » / "Yes" for the unnamed respondent of a
 * one-respondent grid (""); null when nobody's was.
 */
export function toConfirmText(names: readonly string[], lang: Lang): string | null {
  if (names.length === 0) return null;
  return names.map((n) => (n === "" ? roundText("round.toConfirm.yes", lang) : n)).join(CONFIRM_SEPARATOR);
}

/**
 * « À confirmer » once `respondent` has rated the criterion again: their name taken out of the
 * « ; »-separated list (matched as people type names), « Oui » / "Yes" taken out for the unnamed
 * respondent (""); null when nobody is left. Every host clears it the same way.
 */
export function confirmedBy(text: string, respondent: string): string | null {
  const yes = new Set((["fr", "en"] as const).map((l) => matchKey(roundText("round.toConfirm.yes", l))));
  const gone = (part: string): boolean => (respondent === "" ? yes.has(matchKey(part)) : matchKey(part) === matchKey(respondent));
  const left = text
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p !== "" && !gone(p));
  return left.length === 0 ? null : left.join(CONFIRM_SEPARATOR);
}
