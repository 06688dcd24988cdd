import { registerMessages } from "./message.catalog.js";
import type { MessageParams } from "./message.types.js";

const NB = "\u00a0";
const q = (s: unknown): string => `«${NB}${String(s)}${NB}»`;
/** A number as French writes it: a decimal comma. */
const fr = (v: MessageParams[string] | undefined): string => String(v).replace(".", ",");

/**
 * A network's aggregate (design.md "Network aggregate", `qualigrid aggregate`): why an input is
 * left out, the run's progress and summary, and the command's help.
 */
export const NETWORK_MESSAGES = registerMessages({
  "network.olderRound": {
    fr: () => "ancienne ronde ou copie (un classeur plus récent de la même organisation compte)",
    en: () => "older round or copy (a later workbook of the same organization counts)",
  },
  "network.otherTemplate": {
    fr: (p) => `grille d'un autre modèle (${p.id})${NB}: le réseau est celui du modèle ${p.network}`,
    en: (p) => `grid of another template (${p.id}): the network is that of template ${p.network}`,
  },
  "network.incomplete": {
    fr: () => `fichier incomplet${NB}: est-il encore en cours d'écriture${NB}?`,
    en: () => "incomplete file: is it still being written?",
  },
  "network.lockFile": {
    fr: () => `fichier de verrou d'Excel (~$)${NB}: le classeur est ouvert dans Excel`,
    en: () => "Excel lock file (~$): the workbook is open in Excel",
  },
  "network.notFound": {
    fr: () => "introuvable",
    en: () => "not found",
  },
  "network.unreadable": {
    fr: (p) => `ne peut pas être lu (${p.detail})`,
    en: (p) => `cannot be read (${p.detail})`,
  },
  "network.noOrganization": {
    fr: () => `le classeur ne donne pas le nom de l'organisation${NB}: son code est fait du nom du fichier`,
    en: () => "the workbook gives no organization name: its code is made from the file name",
  },
  "network.otherVersions": {
    fr: (p) => `versions du modèle ${p.id} agrégées ensemble, critères appariés par identifiant${NB}: ${p.versions}`,
    en: (p) => `versions of template ${p.id} aggregated together, criteria matched by id: ${p.versions}`,
  },
  "network.progress": {
    fr: (p) => `Lecture des classeurs${NB}: ${p.done}/${p.total}`,
    en: (p) => `Reading workbooks: ${p.done}/${p.total}`,
  },
  "network.summary": {
    fr: (p) => `${p.read} classeur(s) lu(s), ${p.members} membre(s), ${p.skipped} fichier(s) ignoré(s), en ${fr(p.seconds)}${NB}s.`,
    en: (p) => `${p.read} workbook(s) read, ${p.members} member(s), ${p.skipped} file(s) skipped, in ${p.seconds} s.`,
  },
  "network.skippedLine": {
    fr: (p) => `ignoré${NB}: ${p.file}${NB}: ${p.reason}`,
    en: (p) => `skipped: ${p.file}: ${p.reason}`,
  },
  "network.written": {
    fr: (p) => `Agrégat du réseau écrit dans ${p.file}.`,
    en: (p) => `Network aggregate written to ${p.file}.`,
  },
  "network.keyCreated": {
    fr: (p) => `Clé des codes créée dans ${p.file}${NB}: gardez-la (et gardez-la secrète) pour que les codes restent les mêmes d'une fois à l'autre.`,
    en: (p) => `Code key created in ${p.file}: keep it (and keep it secret) so that the codes stay the same from one run to the next.`,
  },
  "network.badKeyFile": {
    fr: (p) => `le fichier de clé ${q(p.file)} est vide ou illisible`,
    en: (p) => `key file "${p.file}" is empty or unreadable`,
  },
  "network.badMinGroup": {
    fr: (p) => `--min-group attend un nombre entier d'au moins 1, pas ${q(p.value)}`,
    en: (p) => `--min-group expects a whole number of at least 1, not "${p.value}"`,
  },
  "network.noMembers": {
    fr: () => `aucun classeur Qualigrid lisible parmi les fichiers donnés${NB}: rien n'est écrit`,
    en: () => "no readable Qualigrid workbook among the files given: nothing is written",
  },
  "network.help": {
    fr: () => `agrège les classeurs des membres d'un réseau (dossiers parcourus)${NB}: chiffres du réseau par dimension et par critère, membres codés`,
    en: () => "aggregates a network's member workbooks (folders walked): the network's figures per dimension and criterion, members coded",
  },
  "network.help.files": {
    fr: () => "classeurs .xlsx ou dossiers",
    en: () => ".xlsx workbooks or folders",
  },
  "network.help.output": {
    fr: () => "classeur de l'agrégat à écrire",
    en: () => "the aggregate workbook to write",
  },
  "network.help.json": {
    fr: () => `affiche aussi les chiffres en JSON (il nomme les fichiers ignorés${NB}: pour le coordonnateur seulement)`,
    en: () => "also print the figures as JSON (it names the skipped files: for the coordinator only)",
  },
  "network.help.key": {
    fr: () => "clé des codes des membres (sinon celle du fichier .key à côté du classeur écrit, créée au besoin)",
    en: () => "key of the members' codes (else the one in the .key file beside the output, made when missing)",
  },
  "network.help.names": {
    fr: () => "montre les organisations par leur nom plutôt que par un code",
    en: () => "show organizations by name instead of a code",
  },
  "network.help.minGroup": {
    fr: () => "plus petit groupe dont les chiffres sont montrés",
    en: () => "smallest group whose figures are shown",
  },
});

/** A code of the network section. */
export type NetworkMessageCode = keyof typeof NETWORK_MESSAGES;
