import { registerMessages } from "./message.catalog.js";
import type { MessageParams } from "./message.types.js";

/** A count with its thousands grouped as each language writes them (« 1 000 000 », "1,000,000"). */
const count = (v: MessageParams[string] | undefined, lang: "fr" | "en"): string =>
  typeof v === "number" ? v.toLocaleString(lang === "fr" ? "fr-CA" : "en-CA") : String(v);

/**
 * Why a workbook is refused from what its parts say, before exceljs loads them (`file.<refusal>`,
 * xlsx.budget.ts): each text follows the file's name, as `messages.file.ts`'s do.
 */
export const FILE_PART_MESSAGES = registerMessages({
  "file.badRef": {
    fr: (p) => `la partie ${p.part} donne à ${p.attribute} la valeur « ${p.ref} », qui n'est pas une plage de cellules (A1:XFD1048576 au plus) : le classeur est endommagé`,
    en: (p) => `part ${p.part} gives ${p.attribute} the value "${p.ref}", which is not a range of cells (A1:XFD1048576 at most): the workbook is corrupt`,
  },
  "file.tooManyCells": {
    fr: (p) =>
      `compte plus de ${count(p.limit, "fr")} lignes et cellules (dépassé à la partie ${p.part}) ; Qualigrid lit les classeurs jusqu'à ${count(p.limit, "fr")} lignes et cellules (un classeur de 10 000 critères en compte environ 420 000)`,
    en: (p) =>
      `holds more than ${count(p.limit, "en")} rows and cells (passed in part ${p.part}); Qualigrid reads workbooks of up to ${count(p.limit, "en")} rows and cells (a 10,000-criterion workbook has about 420,000)`,
  },
  "file.tooDeep": {
    fr: (p) => `la partie ${p.part} imbrique ses éléments sur plus de ${p.limit} niveaux (un classeur en a moins de 30) : refusé par prudence`,
    en: (p) => `part ${p.part} nests its elements more than ${p.limit} levels deep (a workbook has fewer than 30): refused as a precaution`,
  },
  "file.rangeTooLarge": {
    fr: (p) => `la partie ${p.part} étend ${p.attribute} « ${p.ref} » sur ${count(p.cells, "fr")} cellules ; Qualigrid lit les classeurs jusqu'à ${count(p.limit, "fr")} lignes et cellules`,
    en: (p) => `part ${p.part} spreads ${p.attribute} "${p.ref}" over ${count(p.cells, "en")} cells; Qualigrid reads workbooks of up to ${count(p.limit, "en")} rows and cells`,
  },
});
