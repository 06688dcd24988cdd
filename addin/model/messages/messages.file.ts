import { registerMessages } from "./message.catalog.js";
import type { MessageParams } from "./message.types.js";

/** A size or ratio as French writes it: a decimal comma. */
const fr = (v: MessageParams[string] | undefined): string => String(v).replace(".", ",");

/**
 * Why a workbook file is refused before it is opened (`file.<WorkbookRefusal>`, xlsx.guard.ts and
 * xlsx.io.ts): each text follows the file's name (`budget.xlsx is not an .xlsx workbook…`).
 */
export const FILE_MESSAGES = registerMessages({
  "file.fileTooLarge": {
    fr: (p) => `pèse ${fr(p.size)} Mo ; Qualigrid ouvre les classeurs jusqu'à ${fr(p.limit)} Mo`,
    en: (p) => `is ${p.size} MB; Qualigrid opens workbooks up to ${p.limit} MB`,
  },
  "file.corrupt": {
    fr: (p) => `ne peut pas être lu comme un classeur .xlsx (${p.detail}) : il est peut-être tronqué ou endommagé`,
    en: (p) => `cannot be read as an .xlsx workbook (${p.detail}); it may be truncated or corrupt`,
  },
  "file.tooManyParts": {
    fr: (p) => `contient ${p.parts} parties ; un classeur .xlsx que Qualigrid ouvre en a au plus ${p.limit}`,
    en: (p) => `holds ${p.parts} parts; an .xlsx workbook Qualigrid opens has at most ${p.limit}`,
  },
  "file.zipBomb": {
    fr: (p) => `la partie ${p.part} se décompresse à ${p.ratio} fois sa taille : refusé par prudence (bombe de décompression possible)`,
    en: (p) => `part ${p.part} unpacks ${p.ratio} times its packed size: refused as a possible zip bomb`,
  },
  "file.sizeMismatch": {
    fr: (p) => `la partie ${p.part} se décompresse au-delà des ${p.declared} octets que l'archive annonce : refusé par prudence (bombe de décompression possible)`,
    en: (p) => `part ${p.part} unpacks beyond the ${p.declared} bytes the zip declares: refused as a possible zip bomb`,
  },
  "file.badTableRef": {
    fr: (p) => `la partie ${p.part} donne à son tableau la plage « ${p.ref} », qui n'est pas une plage de cellules (A1:XFD1048576 au plus) : le classeur est endommagé`,
    en: (p) => `part ${p.part} gives its table the range "${p.ref}", which is not a range of cells (A1:XFD1048576 at most): the workbook is corrupt`,
  },
  "file.unpackedTooLarge": {
    fr: (p) => `se décompresse en ${fr(p.size)} Mo ; Qualigrid ouvre les classeurs jusqu'à ${fr(p.limit)} Mo décompressés`,
    en: (p) => `unpacks to ${p.size} MB; Qualigrid opens workbooks up to ${p.limit} MB unpacked`,
  },
  "file.zipNotXlsx": {
    fr: () => "est une archive zip, mais pas un classeur .xlsx",
    en: () => "is a zip file but not an .xlsx workbook",
  },
  "file.notZip": {
    fr: () => "n'est pas un classeur .xlsx (ce n'est pas une archive zip)",
    en: () => "is not an .xlsx workbook (it is not a zip file)",
  },
  "file.legacyOrEncrypted": {
    fr: () => "est un ancien fichier .xls ou un classeur protégé par mot de passe : enregistrez-le en .xlsx sans mot de passe, puis réessayez",
    en: () => "is a legacy .xls file or a password-protected workbook; save it as an unprotected .xlsx and try again",
  },
  "file.unopenable": {
    fr: () => "ne peut pas être ouvert",
    en: () => "cannot be opened",
  },
});
