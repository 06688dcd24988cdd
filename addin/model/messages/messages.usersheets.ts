import { registerMessages } from "./message.catalog.js";

const NB = "\u00a0";
const q = (v: unknown): string => `«${NB}${String(v)}${NB}»`;

/**
 * A user's own sheet whose name a Qualigrid sheet takes (« Rapport », « Sondages », « Historique »…):
 * a rewrite (upgrade, round close, survey import) carries it whole under a free name, and says so.
 */
export const USER_SHEET_MESSAGES = registerMessages({
  "usersheet.renamed": {
    fr: (p) =>
      `la feuille ${q(p.sheet)} n'est pas celle de Qualigrid, qui prend ce nom${NB}: elle est reportée telle quelle sous le nom ${q(p.name)}`,
    en: (p) =>
      `the sheet "${p.sheet}" is not Qualigrid's, which takes that name: it is carried over as it was, named "${p.name}"`,
  },
});

/** A code of this section. */
export type UserSheetMessageCode = keyof typeof USER_SHEET_MESSAGES;
