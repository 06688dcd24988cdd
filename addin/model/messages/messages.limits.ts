import type { Lang } from "../template.types.js";
import { registerMessages } from "./message.catalog.js";

/** A count as `lang` writes it, digits grouped (`32 767`, `32,767`); a text as it is. */
function count(v: string | number | undefined, lang: Lang): string {
  const n = typeof v === "number" ? v : Number.NaN;
  return Number.isFinite(n) ? n.toLocaleString(lang === "fr" ? "fr-CA" : "en-CA") : String(v);
}

/**
 * What a spreadsheet cannot hold (Excel's documented limits) and what Qualigrid will not read or
 * write for that reason: numbers that are not finite, texts longer than a cell, a template file too
 * large to read, and the parts of a workbook plan over Excel's limits (`planLimits`).
 */
export const LIMITS_MESSAGES = registerMessages({
  "limits.notFinite": {
    fr: () => "n'est pas un nombre fini : trop grand pour être écrit dans un tableur",
    en: () => "is not a finite number: too large to be written in a spreadsheet",
  },
  "limits.textTooLong": {
    fr: (p) => `texte de ${count(p.length, "fr")} caractères : une cellule d'Excel en contient au plus ${count(p.limit, "fr")}`,
    en: (p) => `text of ${count(p.length, "en")} characters: an Excel cell holds at most ${count(p.limit, "en")}`,
  },
  "limits.commentTooLong": {
    fr: (p) =>
      `le commentaire du critère « ${p.id} » a ${count(p.length, "fr")} caractères : une cellule d'Excel en contient au plus ${count(p.limit, "fr")} (rien n'a été écrit ; raccourcissez-le)`,
    en: (p) =>
      `the comment on criterion "${p.id}" has ${count(p.length, "en")} characters: an Excel cell holds at most ${count(p.limit, "en")} (nothing was written; shorten it)`,
  },
  "limits.templateFileTooBig": {
    fr: (p) => `fichier de modèle trop gros (${count(p.size, "fr")} octets) : un modèle fait au plus ${count(p.limit, "fr")} octets ; il n'a pas été lu`,
    en: (p) => `template file too large (${count(p.size, "en")} bytes): a template is at most ${count(p.limit, "en")} bytes; it was not read`,
  },
  "limits.organizationTooLong": {
    fr: (p) => `le nom de l'organisation a ${count(p.length, "fr")} caractères : une cellule d'Excel en contient au plus ${count(p.limit, "fr")}`,
    en: (p) => `the organization's name has ${count(p.length, "en")} characters: an Excel cell holds at most ${count(p.limit, "en")}`,
  },

  // A workbook plan over Excel's limits: Qualigrid writes nothing rather than a file Excel would repair.
  "limits.plan.cellText": {
    fr: (p) => `cette cellule recevrait un texte de ${count(p.length, "fr")} caractères ; Excel en permet au plus ${count(p.limit, "fr")} (rien n'a été écrit)`,
    en: (p) => `this cell would get a text of ${count(p.length, "en")} characters; Excel allows at most ${count(p.limit, "en")} (nothing was written)`,
  },
  "limits.plan.formula": {
    fr: (p) => `cette cellule recevrait une formule de ${count(p.length, "fr")} caractères ; Excel en permet au plus ${count(p.limit, "fr")} (rien n'a été écrit)`,
    en: (p) => `this cell would get a formula of ${count(p.length, "en")} characters; Excel allows at most ${count(p.limit, "en")} (nothing was written)`,
  },
  "limits.plan.sheetName": {
    fr: (p) =>
      `nom de feuille « ${p.name} » refusé par Excel : au plus ${p.limit} caractères, pas vide, sans apostrophe au début ni à la fin et sans aucun de ces caractères : [ ] : * ? / \\ (rien n'a été écrit)`,
    en: (p) =>
      `sheet name "${p.name}" refused by Excel: at most ${p.limit} characters, not empty, no apostrophe at either end and none of these characters: [ ] : * ? / \\ (nothing was written)`,
  },
  "limits.plan.name": {
    fr: (p) =>
      `nom « ${p.name} » refusé par Excel : un nom de tableau ou un nom défini commence par une lettre ou « _ », a au plus ${p.limit} caractères, sans espace, et ne doit pas ressembler à une référence de cellule (rien n'a été écrit)`,
    en: (p) =>
      `name "${p.name}" refused by Excel: a table or defined name starts with a letter or "_", has at most ${p.limit} characters, no spaces, and must not look like a cell reference (nothing was written)`,
  },
  "limits.plan.cells": {
    fr: (p) => `le classeur aurait environ ${count(p.cells, "fr")} cellules ; Qualigrid en lit au plus ${count(p.limit, "fr")} : divisez le modèle en plusieurs (rien n'a été écrit)`,
    en: (p) => `the workbook would have about ${count(p.cells, "en")} cells; Qualigrid reads at most ${count(p.limit, "en")}: split the template (nothing was written)`,
  },
  "limits.plan.rows": {
    fr: (p) => `le classeur irait jusqu'à la ligne ${count(p.row, "fr")} ; une feuille d'Excel a au plus ${count(p.limit, "fr")} lignes (rien n'a été écrit)`,
    en: (p) => `the workbook would reach row ${count(p.row, "en")}; an Excel sheet has at most ${count(p.limit, "en")} rows (nothing was written)`,
  },
  "limits.plan.columns": {
    fr: (p) => `le classeur irait jusqu'à la colonne ${count(p.column, "fr")} ; une feuille d'Excel a au plus ${count(p.limit, "fr")} colonnes (rien n'a été écrit)`,
    en: (p) => `the workbook would reach column ${count(p.column, "en")}; an Excel sheet has at most ${count(p.limit, "en")} columns (nothing was written)`,
  },
});
