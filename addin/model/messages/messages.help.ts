import { registerMessages } from "./message.catalog.js";

/**
 * The command line's `--help`: what the program, each command, argument and option is for, and
 * commander's own words (headings, its help and version options).
 */
export const HELP_MESSAGES = registerMessages({
  "cli.help.program": {
    fr: () => "Classeurs d'autoévaluation selon un référentiel qualité : grille, registre des preuves, plan d'action, tableau de bord.",
    en: () => "Quality-framework self-assessment workbooks: grid, evidence register, action plan, dashboard.",
  },
  "cli.help.usage": { fr: () => "Utilisation :", en: () => "Usage:" },
  "cli.help.options": { fr: () => "Options :", en: () => "Options:" },
  "cli.help.commands": { fr: () => "Commandes :", en: () => "Commands:" },
  "cli.help.arguments": { fr: () => "Arguments :", en: () => "Arguments:" },
  "cli.help.globalOptions": { fr: () => "Options générales :", en: () => "Global Options:" },
  "cli.help.help": { fr: () => "afficher l'aide de la commande", en: () => "display help for command" },
  "cli.help.version": { fr: () => "afficher le numéro de version", en: () => "output the version number" },
  "cli.help.choices": { fr: (p) => `choix : ${p.list}`, en: (p) => `choices: ${p.list}` },
  "cli.help.default": { fr: (p) => `par défaut : ${p.value}`, en: (p) => `default: ${p.value}` },

  "cli.help.templates": { fr: () => "lister les modèles intégrés", en: () => "list the built-in templates" },
  "cli.help.show": {
    fr: () => "montrer un modèle (code d'un modèle intégré, modèle .json ou classeur .xlsx)",
    en: () => "show a template (built-in id, template .json or workbook .xlsx)",
  },
  "cli.help.new": { fr: () => "créer un classeur d'autoévaluation pour un modèle", en: () => "write a new assessment workbook for a template" },
  "cli.help.templateSheet": {
    fr: () => "créer un classeur de saisie de modèle (QG_TemplateInfo, QG_TemplateItems, explications), prérempli d'un modèle ou vierge",
    en: () => "write an authoring workbook (QG_TemplateInfo, QG_TemplateItems, explanations), pre-filled from a template or blank",
  },
  "cli.help.fill": {
    fr: () => "remplir les cotations et commentaires à partir d'un CSV (critère, cotation, commentaire)",
    en: () => "fill ratings and comments from a CSV (criterion, rating, comment)",
  },
  "cli.help.upgrade": {
    fr: () =>
      "appliquer une nouvelle version du modèle du classeur, ou fixer ses répondants, en gardant chaque réponse, preuve et action (les critères retirés vont dans une feuille d'archive)",
    en: () =>
      "apply a new version of the workbook's template, or set its respondents, keeping every answer, evidence and action (removed criteria go to an Archive sheet)",
  },
  "cli.help.score": { fr: () => "calculer les scores d'un classeur", en: () => "compute the scores of a workbook" },
  "cli.help.plan": {
    fr: () =>
      "ajouter au plan d'action une ligne par critère sous sa cible qu'aucune action ne nomme encore, la plus prioritaire d'abord (comme le volet Office)",
    en: () =>
      "add to the action plan one row per criterion below its target that no action names yet, highest priority first (as the task pane does)",
  },
  "cli.help.check": {
    fr: () =>
      "signaler les formules modifiées ou effacées, les tables renommées ou supprimées, les cotations invalides, les critères sans réponse ou en double, les preuves liées à des critères inconnus, les preuves échues, les actions incomplètes ou en retard",
    en: () =>
      "report formulas altered or deleted, tables renamed or deleted, invalid ratings, unanswered or duplicated criteria, unknown evidence links, expired evidence, incomplete or overdue actions",
  },

  "cli.help.arg.template": {
    fr: () => "code d'un modèle intégré, modèle .json ou classeur .xlsx",
    en: () => "built-in id, template .json or workbook .xlsx",
  },
  "cli.help.arg.workbook": { fr: () => "le classeur d'autoévaluation", en: () => "the assessment workbook" },

  "cli.help.opt.json": { fr: () => "écrire du JSON", en: () => "print JSON" },
  "cli.help.opt.showJson": { fr: () => "écrire le modèle en JSON", en: () => "print the template as JSON" },
  "cli.help.opt.upgradeJson": { fr: () => "écrire le bilan en JSON", en: () => "print the summary as JSON" },
  "cli.help.opt.lang": {
    fr: () => "langue des messages : fr ou en (par défaut celle du classeur, sinon celle du système)",
    en: () => "language of the messages: fr or en (by default the workbook's, else the system's)",
  },
  "cli.help.opt.langWorkbook": {
    fr: () => "langue du classeur et des messages : fr ou en (classeur en français par défaut)",
    en: () => "language of the workbook and of the messages: fr or en (a French workbook by default)",
  },
  "cli.help.opt.output": { fr: () => "le classeur à écrire", en: () => "the workbook to write" },
  "cli.help.opt.outputInstead": {
    fr: () => "écrire le classeur ici plutôt que de remplacer le fichier",
    en: () => "write the workbook here instead of in place",
  },
  "cli.help.opt.force": { fr: () => "remplacer le fichier à écrire s'il existe", en: () => "replace the output file if it exists" },
  "cli.help.opt.overwrite": {
    fr: () => "remplacer le fichier donné à -o s'il existe (sans cette option, il est refusé)",
    en: () => "replace the file given to -o if it exists (refused without this option)",
  },
  "cli.help.opt.blank": {
    fr: () => "créer un classeur de saisie vierge (échelle et cibles par défaut)",
    en: () => "write a blank authoring workbook (default scale and targets)",
  },
  "cli.help.opt.answers": { fr: () => "les réponses (CSV)", en: () => "the answers (CSV)" },
  "cli.help.opt.template": {
    fr: () => "le nouveau modèle : code d'un modèle intégré, modèle .json ou classeur .xlsx",
    en: () => "the new template: built-in id, template .json or workbook .xlsx",
  },
  "cli.help.opt.respondents": {
    fr: () => "les répondants, séparés par des virgules (« Direction,CA,Équipe ») : une cotation et un commentaire chacun",
    en: () => 'the respondents, comma-separated ("Direction,Board,Staff"): a rating and a comment each',
  },
  "cli.help.opt.upgradeRespondents": {
    fr: () => "fixer les répondants (séparés par des virgules) : chacun garde ses réponses, celles d'un répondant sans nom vont au premier",
    en: () => "set the respondents (comma-separated): each keeps their answers, an unnamed respondent's go to the first",
  },
  "cli.help.opt.respondent": {
    fr: () => "remplir les colonnes de ce répondant (ajouté s'il est nouveau)",
    en: () => "fill this respondent's columns (added when new)",
  },
  "cli.help.opt.agreed": {
    fr: () => "inscrire les cotations convenues (le commentaire en est le motif)",
    en: () => "record the agreed ratings (the comment is the reason)",
  },
  "cli.help.opt.upgradeForce": {
    fr: () => "appliquer une version plus ancienne ou égale, ou un autre modèle",
    en: () => "apply an older or equal version, or another template",
  },
  "cli.help.opt.dryRun": {
    fr: () => "lister les actions qui seraient ajoutées, sans rien écrire",
    en: () => "list the actions that would be added, write nothing",
  },
  "cli.help.opt.orgDomain": {
    fr: () => "noms d'hôte du stockage de l'organisme (une preuve confidentielle liée ailleurs est signalée)",
    en: () => "host names of the organization's own storage (confidential evidence linked elsewhere gets a reminder)",
  },
  "cli.help.opt.repair": {
    fr: () => "réécrire les formules trouvées modifiées ou effacées (rien d'autre), puis vérifier de nouveau",
    en: () => "rewrite the formula cells found altered or deleted (nothing else), then check again",
  },
  "cli.help.opt.repairOutput": {
    fr: () => "avec --repair : écrire le classeur réparé ici plutôt que de remplacer le fichier",
    en: () => "with --repair: write the repaired workbook here instead of replacing the file",
  },
});

/** A code of the command line's help texts. */
export type HelpMessageCode = keyof typeof HELP_MESSAGES;
