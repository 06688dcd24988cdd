import type { Lang } from "../template.types.js";
import { registerMessages } from "./message.catalog.js";
import type { MessageParams } from "./message.types.js";

const NB = "\u00a0";
const q = (s: unknown): string => `«${NB}${String(s)}${NB}»`;

/**
 * Copies sent to respondents and merged back (design.md "Respondents and consensus"): why a copy is
 * refused, what a merge did for each copy, the files `copies` made, and the two commands' help.
 */
export const MERGE_MESSAGES = registerMessages({
  "merge.otherTemplate": {
    fr: (p) => `ce classeur est une grille du modèle ${p.copy}, pas du modèle ${p.master} de ${p.file}${NB}: il n'est pas importé`,
    en: (p) => `this workbook is a grid of template ${p.copy}, not of template ${p.master} of ${p.file}: it is not merged`,
  },
  "merge.otherVersion": {
    fr: (p) => `copie faite avec la version ${p.copy} du modèle, le classeur est en version ${p.master}${NB}: les critères sont appariés par leur identifiant`,
    en: (p) => `copy made with version ${p.copy} of the template, the workbook is at version ${p.master}: criteria are matched by their id`,
  },
  "merge.severalRespondents": {
    fr: (p) => `ce classeur a ${p.count} répondants (${p.names})${NB}: seule une copie à un répondant s'importe`,
    en: (p) => `this workbook has ${p.count} respondents (${p.names}): only a one-respondent copy can be merged`,
  },
  "merge.needsAs": {
    fr: (p) => `ce classeur n'est pas une copie faite par qualigrid copies${NB}: dites à quel répondant vont ses réponses avec --as NOM${p.hint === "" ? "" : ` (par exemple --as "${p.hint}")`}`,
    en: (p) => `this workbook is not a copy made by qualigrid copies: say which respondent its answers go to with --as NAME${p.hint === "" ? "" : ` (for example --as "${p.hint}")`}`,
  },
  "merge.nameTaken": {
    fr: (p) =>
      `le répondant ${q(p.name)} de ${p.file} a reçu une autre copie (identifiant ${p.held}) que celle-ci (${p.copyId})${NB}: elle n'est pas importée, pour ne pas remplacer ses réponses; avec --as NOM, importez-la pour un autre répondant`,
    en: (p) =>
      `respondent "${p.name}" of ${p.file} was sent another copy (id ${p.held}) than this one (${p.copyId}): it is not merged, so that their answers are not replaced; with --as NAME, merge it for another respondent`,
  },
  "merge.twoCopies": {
    fr: (p) => `deux copies vont au répondant ${q(p.name)}${NB}: ${p.first} et ${p.second}; importez-en une seule`,
    en: (p) => `two copies go to respondent "${p.name}": ${p.first} and ${p.second}; merge only one of them`,
  },
  "merge.ratingUnreadable": {
    fr: (p) => `la cotation ${q(p.value)} du critère ${p.criterion} n'est pas un niveau de son échelle dans ${p.file} (${p.scale})${NB}: corrigez la copie, puis importez-la`,
    en: (p) => `rating "${p.value}" of criterion ${p.criterion} is not a level of its scale in ${p.file} (${p.scale}): correct the copy, then merge it`,
  },
  "merge.masterUnnamed": {
    fr: (p) =>
      `les réponses de ${p.file} n'appartiennent à aucun répondant nommé${NB}: nommez d'abord ses répondants (qualigrid upgrade ${p.file} --template MODÈLE --respondents "A,B"), puis importez les copies`,
    en: (p) =>
      `the answers in ${p.file} belong to no named respondent: name its respondents first (qualigrid upgrade ${p.file} --template TEMPLATE --respondents "A,B"), then merge the copies`,
  },
  "merge.tooMany": {
    fr: (p) => `importer ces copies porterait le classeur à ${p.count} répondants${NB}: ${p.max} au plus`,
    en: (p) => `merging these copies would give the workbook ${p.count} respondents: ${p.max} at most`,
  },
  "merge.cli.copy": {
    fr: (p) => `${p.file} → ${q(p.respondent)}${p.added === 1 ? " (répondant ajouté)" : ""}${NB}: ${p.filled} critère${Number(p.filled) > 1 ? "s" : ""} répondu${Number(p.filled) > 1 ? "s" : ""}`,
    en: (p) => `${p.file} → "${p.respondent}"${p.added === 1 ? " (respondent added)" : ""}: ${p.filled} criteri${Number(p.filled) === 1 ? "on" : "a"} answered`,
  },
  "merge.cli.version": {
    fr: (p) => `  version du modèle de la copie${NB}: ${p.copy} (classeur${NB}: ${p.master})`,
    en: (p) => `  template version of the copy: ${p.copy} (workbook: ${p.master})`,
  },
  "merge.cli.missing": {
    fr: (p) => `  absents de la copie, laissés vides${NB}: ${p.count} (${p.list})`,
    en: (p) => `  not in the copy, left blank: ${p.count} (${p.list})`,
  },
  "merge.cli.unknown": {
    fr: (p) => `  absents du classeur, ignorés${NB}: ${p.count} (${p.list})`,
    en: (p) => `  not in the workbook, skipped: ${p.count} (${p.list})`,
  },
  "merge.cli.done": {
    fr: (p) => `${p.count} copie${Number(p.count) > 1 ? "s importées" : " importée"} dans ${p.file}`,
    en: (p) => `${p.count} cop${Number(p.count) === 1 ? "y" : "ies"} merged into ${p.file}`,
  },
  "copies.noRespondents": {
    fr: (p) => `${p.file} n'a pas de répondants nommés${NB}: nommez-les d'abord (qualigrid upgrade ${p.file} --template MODÈLE --respondents "A,B")`,
    en: (p) => `${p.file} has no named respondents: name them first (qualigrid upgrade ${p.file} --template TEMPLATE --respondents "A,B")`,
  },
  "copies.exists": {
    fr: () => "existe déjà; choisissez un autre dossier ou ajoutez --overwrite pour le remplacer",
    en: () => "already exists; choose another folder or add --overwrite to replace it",
  },
  "copies.sameFile": {
    fr: (p) => `les répondants ${q(p.first)} et ${q(p.second)} donneraient le même nom de fichier`,
    en: (p) => `respondents "${p.first}" and "${p.second}" would give the same file name`,
  },
  "copies.cli.file": {
    fr: (p) => `  ${q(p.respondent)}${NB}: ${p.file}`,
    en: (p) => `  "${p.respondent}": ${p.file}`,
  },
  "copies.cli.done": {
    fr: (p) => `${p.count} copie${Number(p.count) > 1 ? "s" : ""} faite${Number(p.count) > 1 ? "s" : ""}; leurs identifiants sont inscrits dans ${p.file}${NB}:`,
    en: (p) => `${p.count} cop${Number(p.count) === 1 ? "y" : "ies"} made; their ids are recorded in ${p.file}:`,
  },
  "merge.help.command": {
    fr: () => "importe les réponses de copies remplies par les répondants, chacune dans la colonne de son répondant",
    en: () => "merges the answers of copies filled by the respondents, each into its respondent's column",
  },
  "merge.help.copies": { fr: () => "les copies (.xlsx) à importer", en: () => "the copies (.xlsx) to merge" },
  "merge.help.as": {
    fr: () => "le répondant à qui vont les réponses (requis pour une copie non faite par qualigrid copies)",
    en: () => "the respondent the answers go to (required for a copy not made by qualigrid copies)",
  },
  "merge.help.json": { fr: () => "écrire le bilan en JSON", en: () => "print the summary as JSON" },
  "copies.help.command": {
    fr: () => "fait une copie par répondant, à son nom, qui ne montre que sa colonne",
    en: () => "makes one copy per respondent, stamped with their name, showing only their column",
  },
  "copies.help.output": { fr: () => "le dossier où écrire les copies", en: () => "the folder to write the copies into" },
  "copies.help.overwrite": { fr: () => "remplacer les copies qui existent déjà", en: () => "replace copies that already exist" },
});

/** The codes of this section. */
export type MergeMessageCode = keyof typeof MERGE_MESSAGES;

/** A text of this section in `lang`. */
export function mergeText(code: MergeMessageCode, lang: Lang, params: MessageParams = {}): string {
  return MERGE_MESSAGES[code][lang](params);
}
