import { registerMessages } from "./message.catalog.js";
import { enPlural, frPlural } from "./message.format.js";
import type { MessageParams } from "./message.types.js";

/** "1 critère" / "2 critères": French takes the singular for 0 and 1, English for 1 only. */

/** A list after a count, `" (a, b)"`, or nothing: made by the command line, language-free. */
const list = (p: MessageParams): string => String(p.list);

/**
 * What the command line says: the lines each command prints, its own input problems, the prefixes
 * of error and warning lines, commander's usage errors. Numbers arrive formatted for the language.
 */
export const CLI_MESSAGES = registerMessages({
  // `path: message` stays as compilers write it, whatever the language, for editors and grep.
  "cli.issue.error": {
    fr: (p) => `erreur : ${p.path}: ${p.message}`,
    en: (p) => `error: ${p.path}: ${p.message}`,
  },
  "cli.issue.warning": {
    fr: (p) => `avertissement : ${p.path}: ${p.message}`,
    en: (p) => `warning: ${p.path}: ${p.message}`,
  },
  // The count of problems not listed: printed after the first ones, or made by a reader that stops listing.
  "cli.unexpected": {
    fr: (p) =>
      `qualigrid : erreur inattendue (un défaut de Qualigrid, pas de vos fichiers) : ${p.detail} ; signalez-le à l'équipe Qualigrid avec la commande lancée (QUALIGRID_DEBUG=1 affiche la trace)`,
    en: (p) =>
      `qualigrid: unexpected error (a defect of Qualigrid, not of your files): ${p.detail}; report it to the Qualigrid team with the command you ran (QUALIGRID_DEBUG=1 shows the stack trace)`,
  },
  "cli.interrupted": {
    fr: () => "qualigrid : interrompu (Ctrl+C) ; un fichier en cours d'écriture reste tel qu'il était.",
    en: () => "qualigrid: interrupted (Ctrl+C); a file being written is left as it was.",
  },

  // Files the user names.
  "cli.file.isFolder": { fr: () => "est un dossier, pas un fichier", en: () => "is a folder, not a file" },
  "cli.file.missing": { fr: () => "fichier introuvable", en: () => "no such file" },
  "cli.file.denied": { fr: () => "accès refusé", en: () => "permission denied" },
  "cli.file.unreadable": { fr: (p) => `illisible : ${p.detail}`, en: (p) => `cannot be read: ${p.detail}` },
  "cli.file.noFolder": {
    fr: () => "ne peut pas être écrit : son dossier n'existe pas",
    en: () => "cannot be written: its folder does not exist",
  },
  "cli.file.writeDenied": {
    fr: () => "ne peut pas être écrit : accès refusé",
    en: () => "cannot be written: permission denied",
  },
  "cli.file.unwritable": {
    fr: (p) => `ne peut pas être écrit : ${p.detail}`,
    en: (p) => `cannot be written: ${p.detail}`,
  },
  "cli.output.notXlsx": { fr: () => "le fichier à écrire doit être un .xlsx", en: () => "the output must be an .xlsx file" },
  "cli.output.exists": {
    fr: () => "existe déjà : choisissez un autre nom ou ajoutez --force pour le remplacer",
    en: () => "already exists; choose another name or add --force to replace it",
  },
  "cli.output.existsOverwrite": {
    fr: () => "existe déjà : choisissez un autre nom ou ajoutez --overwrite pour le remplacer",
    en: () => "already exists; choose another name or add --overwrite to replace it",
  },
  // In-place writes (writeFileAtomic).
  "cli.write.changed": {
    fr: () => "a été modifié par un autre programme pendant que Qualigrid travaillait : rien n'est écrit, recommencez",
    en: () => "was changed by another program while Qualigrid worked; nothing written, try again",
  },
  "cli.write.hardLinks": {
    fr: (p) =>
      `a ${p.count} autre${frPlural(p.count, "", "s")} lien${frPlural(p.count, "", "s")} physique${frPlural(p.count, "", "s")} : ${frPlural(p.count, "il garde", "ils gardent")} l'ancien contenu, seul ce nom reçoit le nouveau`,
    en: (p) =>
      `has ${p.count} other hard ${enPlural(p.count, "link", "links")}; ${enPlural(p.count, "it keeps", "they keep")} the old content, only this name gets the new one`,
  },
  "cli.write.staleTemp": {
    fr: (p) => `fichier temporaire laissé par une écriture interrompue de ${p.file} : vous pouvez le supprimer`,
    en: (p) => `temporary file left by an interrupted write of ${p.file}; you may delete it`,
  },
  "cli.write.unchanged": {
    fr: (p) => `${p.file} : rien à changer, le fichier est laissé tel quel.`,
    en: (p) => `${p.file}: nothing to change, the file is left as it was.`,
  },
  "cli.template.unknown": {
    fr: (p) => `modèle introuvable : ni un modèle intégré (${p.ids}) ni un fichier`,
    en: (p) => `no such template: not a built-in (${p.ids}) nor a file`,
  },
  "cli.template.renamed": {
    fr: (p) => `ce modèle intégré s'appelle maintenant ${p.id} : c'est lui qui est utilisé`,
    en: (p) => `this built-in template is now called ${p.id}; that is the one used`,
  },

  // templates, show
  "cli.templates.line": {
    fr: (p) => `${p.id}  ${p.version}  ${p.dimensions} dim. ${p.criteria} crit.  ${p.title}`,
    en: (p) => `${p.id}  ${p.version}  ${p.dimensions} dim. ${p.criteria} crit.  ${p.title}`,
  },
  "cli.show.scale": { fr: (p) => `Échelle : ${p.scale}`, en: (p) => `Scale: ${p.scale}` },
  "cli.show.scaleNa": { fr: (p) => `Échelle : ${p.scale}, S. O.`, en: (p) => `Scale: ${p.scale}, N/A` },
  "cli.show.otherScale": { fr: (p) => `Échelle « ${p.id} » : ${p.scale}`, en: (p) => `Scale "${p.id}": ${p.scale}` },
  "cli.show.otherScaleNa": { fr: (p) => `Échelle « ${p.id} » : ${p.scale}, S. O.`, en: (p) => `Scale "${p.id}": ${p.scale}, N/A` },
  "cli.show.question": { fr: () => "question à réponse libre", en: () => "free-text question" },
  "cli.show.onScale": { fr: (p) => `échelle « ${p.id} »`, en: (p) => `scale "${p.id}"` },
  "cli.show.required": { fr: () => "requis", en: () => "required" },
  "cli.show.steps": { fr: () => "Démarche (jours après la date d'évaluation) :", en: () => "Process (days after the assessment date):" },
  "cli.show.actions": { fr: () => "Plan d'action du modèle :", en: () => "The template's action plan:" },
  "cli.show.target": {
    fr: (p) => `Cible : ${p.target} ; niveau cible : ${p.level}`,
    en: (p) => `Target: ${p.target}; target level: ${p.level}`,
  },
  "cli.show.dimension": {
    fr: (p) => `${p.id}  ${p.title}  (poids ${p.weight})`,
    en: (p) => `${p.id}  ${p.title}  (weight ${p.weight})`,
  },
  "cli.show.dimensionTarget": {
    fr: (p) => `${p.id}  ${p.title}  (poids ${p.weight}, cible ${p.target})`,
    en: (p) => `${p.id}  ${p.title}  (weight ${p.weight}, target ${p.target})`,
  },

  // new, template-sheet
  "cli.new.done": {
    fr: (p) =>
      `Classeur créé : ${p.file} — ${p.title}, ${p.dimensions} ${frPlural(p.dimensions, "dimension", "dimensions")}, ${p.criteria} ${frPlural(p.criteria, "critère", "critères")}.`,
    en: (p) =>
      `Workbook written: ${p.file} — ${p.title}, ${p.dimensions} ${enPlural(p.dimensions, "dimension", "dimensions")}, ${p.criteria} ${enPlural(p.criteria, "criterion", "criteria")}.`,
  },
  "cli.templateSheet.noTemplate": {
    fr: () => "nommez un modèle pour préremplir la feuille, ou ajoutez --blank",
    en: () => "name a template to pre-fill the sheet, or add --blank",
  },
  "cli.templateSheet.done": {
    fr: (p) => `Classeur de saisie créé : ${p.file} — ${p.template}.`,
    en: (p) => `Authoring workbook written: ${p.file} — ${p.template}.`,
  },
  "cli.templateSheet.doneBlank": {
    fr: (p) => `Classeur de saisie créé : ${p.file} (vierge).`,
    en: (p) => `Authoring workbook written: ${p.file} (blank).`,
  },

  // fill
  "cli.fill.notInGrid": {
    fr: (p) => `le critère ${p.criterion} n'a pas de ligne dans la grille de ${p.file}`,
    en: (p) => `criterion ${p.criterion} has no row in the grid of ${p.file}`,
  },
  "cli.fill.done": {
    fr: (p) => `${p.count} ${frPlural(p.count, "critère rempli", "critères remplis")} dans ${p.file}.`,
    en: (p) => `${p.count} ${enPlural(p.count, "criterion", "criteria")} filled in ${p.file}.`,
  },

  // score
  "cli.score.dimension": { fr: () => "Dimension", en: () => "Dimension" },
  "cli.score.title": { fr: () => "Titre", en: () => "Title" },
  "cli.score.score": { fr: () => "Score", en: () => "Score" },
  "cli.score.target": { fr: () => "Cible", en: () => "Target" },
  "cli.score.gap": { fr: () => "Écart", en: () => "Gap" },
  "cli.score.completion": { fr: () => "Complétude", en: () => "Completion" },
  "cli.score.evidence": { fr: () => "Preuves", en: () => "Evidence" },
  "cli.score.overall": { fr: () => "Global", en: () => "Overall" },
  "cli.score.requiredNotMet": {
    fr: (p) =>
      Number(p.count) === 0
        ? "Tous les critères requis sont atteints."
        : `${p.count} ${frPlural(p.count, "critère requis non atteint", "critères requis non atteints")} (sans réponse ou sous la cible) : ${p.ids}.`,
    en: (p) =>
      Number(p.count) === 0
        ? "Every required criterion is met."
        : `${p.count} required ${enPlural(p.count, "criterion", "criteria")} not met (unanswered or below target): ${p.ids}.`,
  },
  "cli.score.footer": {
    fr: (p) =>
      `${p.answered} ${frPlural(p.answered, "critère évalué", "critères évalués")}, ${p.notApplicable} sans objet, sur ${p.total}.`,
    en: (p) =>
      `${p.answered} ${enPlural(p.answered, "criterion", "criteria")} scored, ${p.notApplicable} not applicable, out of ${p.total}.`,
  },

  // plan
  "cli.plan.protected": {
    fr: (p) => `la feuille « ${p.sheet} » du plan d'action est protégée : ôtez la protection, puis recommencez`,
    en: (p) => `the action plan's sheet "${p.sheet}" is protected: unprotect it and try again`,
  },
  "cli.plan.noActionPlan": {
    fr: (p) => `n'a pas de plan d'action (table ${p.table}) : créez un classeur avec \`qualigrid new\`, ou rétablissez la table`,
    en: (p) => `has no action plan (table ${p.table}): create a workbook with \`qualigrid new\`, or restore the table`,
  },
  "cli.plan.nothing": {
    fr: () => "Aucune action à ajouter : chaque critère sous sa cible a déjà une action.",
    en: () => "No action to add: every criterion below its target already has one.",
  },
  "cli.plan.toAdd": {
    fr: (p) => `${p.count} ${frPlural(p.count, "action", "actions")} à ajouter au plan d'action (rien n'est écrit) :`,
    en: (p) => `${p.count} ${enPlural(p.count, "action", "actions")} to add to the action plan (nothing written):`,
  },
  "cli.plan.added": {
    fr: (p) => `${p.count} ${frPlural(p.count, "action ajoutée", "actions ajoutées")} au plan d'action de ${p.file} :`,
    en: (p) => `${p.count} ${enPlural(p.count, "action", "actions")} added to the action plan of ${p.file}:`,
  },
  "cli.plan.line": {
    fr: (p) => `  ${p.criterion}  ${p.dimension}  écart ${p.gap}  priorité ${p.priority}`,
    en: (p) => `  ${p.criterion}  ${p.dimension}  gap ${p.gap}  priority ${p.priority}`,
  },

  // upgrade
  "cli.upgrade.otherTemplate": {
    fr: (p) => `est le modèle ${p.id}, mais ${p.file} contient ${p.from} : ajoutez --force pour l'appliquer quand même`,
    en: (p) => `is template ${p.id}, but ${p.file} holds ${p.from}; add --force to apply it anyway`,
  },
  "cli.upgrade.notHigher": {
    fr: (p) => `la version ${p.version} n'est pas plus récente que celle du classeur (${p.from}) : ajoutez --force pour l'appliquer quand même`,
    en: (p) => `version ${p.version} is not higher than the workbook's version ${p.from}; add --force to apply it anyway`,
  },
  "cli.upgrade.heading": {
    fr: (p) => `Mise à jour ${p.from} → ${p.to} : ${p.file}`,
    en: (p) => `Upgraded ${p.from} → ${p.to}: ${p.file}`,
  },
  "cli.upgrade.kept": { fr: (p) => `  inchangés : ${p.count}${list(p)}`, en: (p) => `  kept: ${p.count}${list(p)}` },
  "cli.upgrade.updated": { fr: (p) => `  modifiés : ${p.count}${list(p)}`, en: (p) => `  updated: ${p.count}${list(p)}` },
  "cli.upgrade.archived": { fr: (p) => `  archivés : ${p.count}${list(p)}`, en: (p) => `  archived: ${p.count}${list(p)}` },
  "cli.upgrade.archivedTo": {
    fr: (p) => `  archivés : ${p.count}${list(p)} → feuille ${p.sheet}`,
    en: (p) => `  archived: ${p.count}${list(p)} → sheet ${p.sheet}`,
  },
  "cli.upgrade.added": { fr: (p) => `  ajoutés : ${p.count}${list(p)}`, en: (p) => `  added: ${p.count}${list(p)}` },
  "cli.upgrade.columnsCopied": {
    fr: (p) => `  colonnes de la grille reportées : ${p.list}`,
    en: (p) => `  grid columns carried over: ${p.list}`,
  },
  "cli.upgrade.sheetsCopied": { fr: (p) => `  feuilles reportées : ${p.list}`, en: (p) => `  sheets carried over: ${p.list}` },
  "cli.upgrade.notesKept": {
    fr: (p) => `  notes hors des tables gardées en place : ${p.list}`,
    en: (p) => `  notes outside the tables kept in place: ${p.list}`,
  },
  "cli.upgrade.notesMoved": {
    fr: (p) => `  notes hors des tables dont la cellule est maintenant prise : ${p.list} → feuille ${p.sheet}`,
    en: (p) => `  notes outside the tables whose cell is now taken: ${p.list} → sheet ${p.sheet}`,
  },
  "cli.upgrade.scores": { fr: () => "  scores par dimension, avant → après :", en: () => "  dimension scores, before → after:" },
  "cli.upgrade.dimension": {
    fr: (p) => `    ${p.id}  ${p.before} → ${p.after}${p.why}`,
    en: (p) => `    ${p.id}  ${p.before} → ${p.after}${p.why}`,
  },
  "cli.upgrade.why": { fr: (p) => ` (${p.reasons})`, en: (p) => ` (${p.reasons})` },
  "cli.upgrade.whyArchived": { fr: (p) => `archivés : ${p.list}`, en: (p) => `archived: ${p.list}` },
  "cli.upgrade.whyAdded": { fr: (p) => `ajoutés, sans cotation : ${p.list}`, en: (p) => `added, unanswered: ${p.list}` },
  "cli.upgrade.whyUpdated": { fr: (p) => `modifiés : ${p.list}`, en: (p) => `updated: ${p.list}` },

  // check
  "cli.check.outputWithoutRepair": {
    fr: () => "-o/--output ne sert qu'avec --repair",
    en: () => "-o/--output is only used with --repair",
  },
  "cli.check.nothingToRestore": { fr: (p) => `${p.file} : aucune formule à rétablir.`, en: (p) => `${p.file}: no formula to restore.` },
  "cli.check.restored": { fr: (p) => `rétablie : ${p.where}: ${p.formula}`, en: (p) => `restored: ${p.where}: ${p.formula}` },
  "cli.check.restoredCount": {
    fr: (p) => `${p.count} ${frPlural(p.count, "formule rétablie", "formules rétablies")} dans ${p.file}.`,
    en: (p) => `${p.count} ${enPlural(p.count, "formula", "formulas")} restored in ${p.file}.`,
  },
  "cli.check.clean": { fr: (p) => `${p.file} : rien à signaler.`, en: (p) => `${p.file}: nothing to report.` },
  "cli.check.summary": {
    fr: (p) =>
      `${p.count} ${frPlural(p.count, "constat", "constats")}, dont ${p.errors} ${frPlural(p.errors, "erreur", "erreurs")}.`,
    en: (p) => `${p.count} ${enPlural(p.count, "finding", "findings")}, ${p.errors} ${enPlural(p.errors, "error", "errors")}.`,
  },

  // commander's usage errors, reworded
  "cli.usage.error": { fr: (p) => `erreur : ${p.message}`, en: (p) => `error: ${p.message}` },
  "cli.usage.unknownOption": { fr: (p) => `option inconnue « ${p.option} »`, en: (p) => `unknown option '${p.option}'` },
  "cli.usage.unknownCommand": { fr: (p) => `commande inconnue « ${p.command} »`, en: (p) => `unknown command '${p.command}'` },
  "cli.usage.missingArgument": {
    fr: (p) => `argument obligatoire manquant : « ${p.argument} »`,
    en: (p) => `missing required argument '${p.argument}'`,
  },
  "cli.usage.optionArgumentMissing": {
    fr: (p) => `il manque la valeur de l'option « ${p.option} »`,
    en: (p) => `option '${p.option}' argument missing`,
  },
  "cli.usage.requiredOption": {
    fr: (p) => `l'option obligatoire « ${p.option} » n'est pas donnée`,
    en: (p) => `required option '${p.option}' not specified`,
  },
  "cli.usage.invalidChoice": {
    fr: (p) => `la valeur « ${p.value} » de l'option « ${p.option} » n'est pas permise : choisissez parmi ${p.choices}`,
    en: (p) => `option '${p.option}' argument '${p.value}' is invalid. Allowed choices are ${p.choices}.`,
  },
  "cli.usage.excessArguments": {
    fr: (p) => `trop d'arguments : ${p.expected} ${frPlural(p.expected, "attendu", "attendus")}, ${p.received} ${frPlural(p.received, "reçu", "reçus")}`,
    en: (p) => `too many arguments: expected ${p.expected}, got ${p.received}`,
  },
  "cli.usage.didYouMean": { fr: (p) => `(Vouliez-vous dire ${p.suggestion} ?)`, en: (p) => `(Did you mean ${p.suggestion}?)` },
});

/** A code of the command line's messages. */
export type CliMessageCode = keyof typeof CLI_MESSAGES;
