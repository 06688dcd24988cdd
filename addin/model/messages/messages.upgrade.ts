import type { Lang } from "../template.types.js";
import { registerMessages } from "./message.catalog.js";

/** How the block of formulas kept as values starts on the notes sheet; a notes sheet is recognised by it too. */
const FORMULAS_LEAD = {
  fr: "Formules tapées dans les cellules de saisie de",
  en: "Formulas typed in the input cells of",
} as const;

/**
 * What an upgrade says about the formulas a user typed in the cells it carries (ratings, comments,
 * evidence and action cells, added columns): moved with their row, or kept as their last value
 * (their references could not be re-pointed) and listed on the notes sheet with the old formula.
 */
export const UPGRADE_MESSAGES = registerMessages({
  "upgrade.formulas.lead": { fr: () => FORMULAS_LEAD.fr, en: () => FORMULAS_LEAD.en },
  "upgrade.formulas.title": {
    fr: (p) =>
      `${FORMULAS_LEAD.fr} ${p.template} ${p.from} que la mise à jour vers ${p.to} n'a pas pu déplacer avec leur ligne : chacune est gardée comme sa dernière valeur ; retapez-la au besoin.`,
    en: (p) =>
      `${FORMULAS_LEAD.en} ${p.template} ${p.from} that the upgrade to ${p.to} could not move with their row: each is kept as its last value; type it again if needed.`,
  },
  "upgrade.formulas.cell": { fr: () => "Cellule (nouvelle)", en: () => "Cell (new)" },
  "upgrade.formulas.formula": { fr: () => "Ancienne formule", en: () => "Former formula" },
  // `list` is " (a, b)" or nothing, made by the command line.
  "upgrade.cli.formulasMoved": {
    fr: (p) => `  formules déplacées avec leur ligne : ${p.count}${p.list}`,
    en: (p) => `  formulas moved with their row: ${p.count}${p.list}`,
  },
  "upgrade.cli.formulasAsValues": {
    fr: (p) => `  formules gardées comme valeurs (références impossibles à reporter ; à retaper) : ${p.count} → feuille ${p.sheet}`,
    en: (p) => `  formulas kept as values (references that could not be carried; to type again): ${p.count} → sheet ${p.sheet}`,
  },
  "upgrade.cli.formulaAsValue": {
    fr: (p) => `    ${p.cell} : ${p.formula}`,
    en: (p) => `    ${p.cell}: ${p.formula}`,
  },
  "upgrade.cli.formulasMore": {
    fr: (p) => `    … et ${p.count} autres, dans la feuille ${p.sheet}`,
    en: (p) => `    … and ${p.count} more, on sheet ${p.sheet}`,
  },
});

/** A text of this section in `lang`. */
export function upgradeText(code: keyof typeof UPGRADE_MESSAGES, lang: Lang, params: Record<string, string | number> = {}): string {
  return UPGRADE_MESSAGES[code][lang](params);
}
