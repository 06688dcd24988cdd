import type { Lang } from "../template.types.js";
import type { MessageParams } from "./message.types.js";
import { registerMessages } from "./message.catalog.js";

const NB = "\u00a0";
const q = (v: unknown): string => `«${NB}${String(v)}${NB}»`;

/** An entry as sentences name it: « critère C1 » / "criterion C1", « preuve E001 » / "evidence E001". */
const entry = (p: MessageParams, lang: Lang): string =>
  p.kind === "evidence" ? (lang === "fr" ? `preuve ${String(p.key)}` : `evidence ${String(p.key)}`) : lang === "fr" ? `critère ${String(p.key)}` : `criterion ${String(p.key)}`;

/** What a problem in a `QG_Seal` block is, by the `problem` parameter. */
const BLOCK_PROBLEMS: Record<string, Record<Lang, string>> = {
  tooShort: { fr: "le bloc est incomplet", en: "the block is incomplete" },
  noDate: { fr: "la date du sceau manque ou n'est pas aaaa-mm-jj", en: "the seal date is missing or not yyyy-mm-dd" },
  noFingerprint: { fr: "la ligne « * » (empreinte de l'ensemble) manque", en: "the « * » row (the whole's fingerprint) is missing" },
  badKind: { fr: "la nature n'est ni « Critère » ni « Preuve »", en: "the kind is neither Criterion nor Evidence" },
  badHash: { fr: "l'empreinte n'est pas un SHA-256 en hexadécimal", en: "the hash is not a hexadecimal SHA-256" },
};

/**
 * The sealed review (design.md "The evaluator"): `qualigrid seal`, the pane's « Sceller la revue »,
 * and what `check` (with or without `--seal RECEIPT`) says about a sealed workbook.
 */
export const SEAL_MESSAGES = registerMessages({
  "seal.done": {
    fr: (p) => `${p.file} scellé le ${p.date} par ${p.reviewer}${NB}: empreinte ${p.fingerprint}. Reçu${NB}: ${p.receipt} (à conserver à part du classeur).`,
    en: (p) => `${p.file} sealed on ${p.date} by ${p.reviewer}: fingerprint ${p.fingerprint}. Receipt: ${p.receipt} (keep it apart from the workbook).`,
  },
  "seal.replaced": {
    fr: (p) => `Le sceau précédent (du ${p.date} par ${p.reviewer}, empreinte ${p.fingerprint}) est remplacé.`,
    en: (p) => `The previous seal (of ${p.date} by ${p.reviewer}, fingerprint ${p.fingerprint}) is replaced.`,
  },
  "seal.exists": {
    fr: (p) => `le classeur est déjà scellé (le ${p.date} par ${p.reviewer}, empreinte ${p.fingerprint}); --force pour sceller à nouveau`,
    en: (p) => `the workbook is already sealed (on ${p.date} by ${p.reviewer}, fingerprint ${p.fingerprint}); --force to seal it again`,
  },
  "seal.receiptExists": {
    fr: (p) => `le reçu ${p.file} existe déjà; --force pour le remplacer`,
    en: (p) => `the receipt ${p.file} already exists; --force to replace it`,
  },
  "seal.byRequired": {
    fr: () => `le nom du réviseur est requis (--by NOM)`,
    en: () => `the reviewer's name is required (--by NAME)`,
  },
  "seal.byTooLong": {
    fr: (p) => `le nom du réviseur a ${p.length} caractères; au plus ${p.limit}`,
    en: (p) => `the reviewer's name has ${p.length} characters; at most ${p.limit}`,
  },
  "seal.badDate": {
    fr: (p) => `${q(p.value)} n'est pas une date aaaa-mm-jj (par exemple 2026-03-31)`,
    en: (p) => `"${p.value}" is not a date yyyy-mm-dd (for example 2026-03-31)`,
  },
  "seal.noListsSheet": {
    fr: (p) => `le classeur n'a pas de feuille de listes (${p.name})${NB}: le sceau ne peut y être écrit`,
    en: (p) => `the workbook has no lists sheet (${p.name}): the seal cannot be written`,
  },
  "seal.blockUnreadable": {
    fr: (p) => `${p.name}, ligne ${p.row} du bloc${NB}: ${BLOCK_PROBLEMS[String(p.problem)]?.fr ?? String(p.problem)}`,
    en: (p) => `${p.name}, row ${p.row} of the block: ${BLOCK_PROBLEMS[String(p.problem)]?.en ?? String(p.problem)}`,
  },
  "seal.receiptUnreadable": {
    fr: (p) => `ce n'est pas un reçu de sceau Qualigrid (un JSON avec une empreinte «${NB}fingerprint${NB}» SHA-256)${NB}: ${p.detail}`,
    en: (p) => `not a Qualigrid seal receipt (JSON with a SHA-256 "fingerprint"): ${p.detail}`,
  },
  "seal.fieldChanged": {
    fr: (p) => `${entry(p, "fr")}, ${p.field}${NB}: ${q(p.old)} → ${q(p.new)}, modifié après le sceau du ${p.date}`,
    en: (p) => `${entry(p, "en")}, ${p.field}: "${p.old}" → "${p.new}", changed after the seal of ${p.date}`,
  },
  "seal.entryChanged": {
    fr: (p) => `${entry(p, "fr")} modifié après le sceau du ${p.date}`,
    en: (p) => `${entry(p, "en")} changed after the seal of ${p.date}`,
  },
  "seal.entryAdded": {
    fr: (p) => `${entry(p, "fr")} ajouté après le sceau du ${p.date}`,
    en: (p) => `${entry(p, "en")} added after the seal of ${p.date}`,
  },
  "seal.entryRemoved": {
    fr: (p) => `${entry(p, "fr")} retiré après le sceau du ${p.date}`,
    en: (p) => `${entry(p, "en")} removed after the seal of ${p.date}`,
  },
  "seal.altered": {
    fr: (p) => `le sceau (${p.name}) a été modifié${NB}: son empreinte ${p.recorded} ne correspond plus aux entrées du classeur (${p.actual})`,
    en: (p) => `the seal (${p.name}) was altered: its fingerprint ${p.recorded} no longer matches the workbook's entries (${p.actual})`,
  },
  "seal.receiptMismatch": {
    fr: (p) => `l'empreinte du reçu ${p.receipt} (${p.expected}) diffère de celle du sceau du classeur (${p.recorded})${NB}: le sceau a été refait dans le fichier, ou le reçu est celui d'un autre classeur`,
    en: (p) => `the receipt ${p.receipt}'s fingerprint (${p.expected}) differs from the workbook's seal (${p.recorded}): the seal was redone inside the file, or the receipt is another workbook's`,
  },
  "seal.receiptNoSeal": {
    fr: (p) => `le classeur n'a pas de sceau (${p.name})${NB}: le reçu ${p.receipt} ne peut être vérifié`,
    en: (p) => `the workbook has no seal (${p.name}): the receipt ${p.receipt} cannot be verified`,
  },
  "seal.intact": {
    fr: (p) => `Sceau du ${p.date} par ${p.reviewer}${NB}: intact (empreinte ${p.fingerprint}).`,
    en: (p) => `Seal of ${p.date} by ${p.reviewer}: intact (fingerprint ${p.fingerprint}).`,
  },
  "seal.receiptMatches": {
    fr: (p) => `Reçu ${p.receipt}${NB}: même empreinte que le sceau du classeur.`,
    en: (p) => `Receipt ${p.receipt}: same fingerprint as the workbook's seal.`,
  },
  "seal.field.rating": { fr: (p) => `cotation de ${p.name}`, en: (p) => `rating of ${p.name}` },
  "seal.field.comment": { fr: (p) => `commentaire de ${p.name}`, en: (p) => `comment of ${p.name}` },
  "seal.field.agreed": { fr: () => "cotation convenue", en: () => "agreed rating" },
  "seal.field.agreedReason": { fr: () => "motif de la cotation convenue", en: () => "reason for the agreed rating" },
  "cli.help.seal": {
    fr: () => `sceller la revue de l'évaluateur${NB}: date, réviseur et empreinte SHA-256 des entrées de l'organisme dans le classeur (QG_Seal), et un reçu à conserver à part`,
    en: () => "seal the evaluator's review: date, reviewer and SHA-256 fingerprint of the organization's entries in the workbook (QG_Seal), and a receipt to keep apart",
  },
  "cli.help.opt.sealBy": { fr: () => "nom du réviseur (requis)", en: () => "the reviewer's name (required)" },
  "cli.help.opt.sealReceipt": {
    fr: () => "fichier du reçu (par défaut <classeur>.sceau.json à côté du classeur)",
    en: () => "the receipt file (default <workbook>.sceau.json beside the workbook)",
  },
  "cli.help.opt.sealDate": { fr: () => "date du sceau aaaa-mm-jj (par défaut aujourd'hui)", en: () => "the seal's date yyyy-mm-dd (default today)" },
  "cli.help.opt.sealForce": {
    fr: () => "sceller à nouveau un classeur déjà scellé (et remplacer le reçu)",
    en: () => "seal again a workbook already sealed (and replace the receipt)",
  },
  "cli.help.opt.checkSeal": {
    fr: () => "vérifier le sceau du classeur contre ce reçu (fichier JSON écrit par seal)",
    en: () => "verify the workbook's seal against this receipt (the JSON file seal wrote)",
  },
});
