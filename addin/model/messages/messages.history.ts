import type { Lang } from "../template.types.js";
import type { MessageParams } from "./message.types.js";
import { registerMessages } from "./message.catalog.js";

const NB = "\u00a0";
const q = (v: unknown): string => `«${NB}${String(v)}${NB}»`;

/**
 * The closed rounds as a workbook keeps them (design.md "Rounds, comparison and report"): what the
 * reader says of a `QG_History` or `QG_HistoryItems` it cannot read whole, and `check`'s findings on
 * a history changed by hand.
 */
export const HISTORY_MESSAGES = registerMessages({
  "history.columnsMissing": {
    fr: (p) => `le tableau ${p.table} n'a pas la colonne ${q(p.column)}${NB}: l'historique des cycles n'est pas lu`,
    en: (p) => `the table ${p.table} has no "${p.column}" column: the round history is not read`,
  },
  "history.rowNoLabel": {
    fr: (p) => `une ligne de ${p.table} n'a pas de cycle${NB}: elle est ignorée`,
    en: (p) => `a row of ${p.table} has no round: it is left out`,
  },
  "history.valueUnreadable": {
    fr: (p) => `${q(p.value)} n'est pas un nombre (colonne ${q(p.column)} de ${p.table})${NB}: lu comme vide`,
    en: (p) => `"${p.value}" is not a number (column "${p.column}" of ${p.table}): read as blank`,
  },
  "history.itemsWithoutRound": {
    fr: (p) => `${p.table} a des lignes du cycle ${q(p.label)}, absent de ${p.history}${NB}: elles sont ignorées`,
    en: (p) => `${p.table} has rows of the round "${p.label}", which ${p.history} lacks: they are left out`,
  },
  "history.rowChanged": {
    fr: (p) => `la ligne du cycle clôturé ${q(p.label)} (${p.table}) a été modifiée depuis la clôture (contrôle inscrit ${p.recorded}, contrôle des valeurs ${p.actual}); un cycle clôturé ne se modifie pas`,
    en: (p) => `the row of the closed round "${p.label}" (${p.table}) was changed since the close (check written ${p.recorded}, check of its values ${p.actual}); a closed round is not edited`,
  },
  "history.roundChanged": {
    fr: (p) => `le cycle clôturé ${q(p.label)} ne correspond plus à son empreinte (inscrite ${p.recorded}, calculée ${p.actual})${NB}: une ligne a été ajoutée, supprimée ou déplacée dans ${p.tables}`,
    en: (p) => `the closed round "${p.label}" no longer matches its fingerprint (written ${p.recorded}, computed ${p.actual}): a row was added, removed or moved in ${p.tables}`,
  },
  "history.roundNumber": {
    fr: (p) => `le cycle ${q(p.label)} porte le numéro ${p.number} dans ${p.table}, alors qu'il est le cycle n°${NB}${p.expected} par date${NB}: les variations du tableau de bord en dépendent`,
    en: (p) => `the round "${p.label}" is numbered ${p.number} in ${p.table}, yet it is round ${p.expected} by date: the dashboard's changes depend on it`,
  },
  "history.fingerprintMissing": {
    fr: (p) => `le cycle ${q(p.label)} n'a pas d'empreinte dans ${p.table}${NB}: il ne peut pas être vérifié`,
    en: (p) => `the round "${p.label}" has no fingerprint in ${p.table}: it cannot be verified`,
  },
  "history.lastRoundMissing": {
    fr: (p) => `le tableau de bord (${p.name}) donne ${q(p.named)} comme dernier cycle clôturé, mais le dernier cycle de ${p.table} est ${q(p.last)}${NB}: des lignes de l'historique ont été supprimées à la main`,
    en: (p) => `the dashboard (${p.name}) gives "${p.named}" as the last closed round, but the last round of ${p.table} is "${p.last}": rows of the history were deleted by hand`,
  },
  "history.historyMissing": {
    fr: (p) => `le tableau de bord (${p.name}) donne ${q(p.named)} comme dernier cycle clôturé, mais le classeur n'a plus de cycle dans ${p.table}${NB}: l'historique a été supprimé à la main`,
    en: (p) => `the dashboard (${p.name}) gives "${p.named}" as the last closed round, but the workbook has no round left in ${p.table}: the history was deleted by hand`,
  },
});

/** A history text of the catalogue in `lang`. */
export function historyText(code: keyof typeof HISTORY_MESSAGES, params: MessageParams, lang: Lang): string {
  return HISTORY_MESSAGES[code][lang](params);
}
