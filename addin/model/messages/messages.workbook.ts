import { registerMessages } from "./message.catalog.js";

/**
 * What the reader says of a workbook it cannot read as an assessment (tables deleted, renamed or
 * short of a column), and the words the formula check puts into `check`'s findings.
 */
export const WORKBOOK_MESSAGES = registerMessages({
  "workbook.authoringNotAssessment": {
    fr: (p) =>
      `est le classeur de saisie d'un modèle (tableaux QG_TemplateInfo et QG_TemplateItems), pas une grille d'autoévaluation : créez sa grille avec \`qualigrid new ${p.file} -o grille.xlsx\`, puis évaluez dans la grille`,
    en: (p) =>
      `is a template's authoring workbook (tables QG_TemplateInfo and QG_TemplateItems), not a self-assessment grid: make its grid with \`qualigrid new ${p.file} -o grid.xlsx\`, then rate in the grid`,
  },
  "workbook.tableRenamed": {
    fr: (p) =>
      `le tableau ${p.table} a été renommé « ${p.name} » ; il a été lu d'après ses en-têtes, mais les formules du classeur le désignent par ${p.table} : redonnez-lui le nom ${p.table} (\`qualigrid check\` indique où)`,
    en: (p) =>
      `table ${p.table} was renamed "${p.name}"; it was read by its headers, but the workbook's formulas refer to ${p.table}: name it ${p.table} again (\`qualigrid check\` says where)`,
  },
  "workbook.tablesMissing": {
    fr: (p) =>
      p.count === 1
        ? `le tableau Qualigrid ${p.tables} est introuvable, ni par son nom ni par ses en-têtes (supprimé ?) : restaurez-le depuis une copie du classeur, ou créez un nouveau classeur avec \`qualigrid new <modèle> -o fichier.xlsx\``
        : `les tableaux Qualigrid ${p.tables} sont introuvables, ni par leur nom ni par leurs en-têtes (supprimés ?) : restaurez-les depuis une copie du classeur, ou créez un nouveau classeur avec \`qualigrid new <modèle> -o fichier.xlsx\``,
    en: (p) =>
      `the Qualigrid ${p.count === 1 ? "table" : "tables"} ${p.tables} ${p.count === 1 ? "is" : "are"} missing, neither found by name nor by ${p.count === 1 ? "its headers" : "their headers"} (deleted?): restore ${p.count === 1 ? "it" : "them"} from a copy of the workbook, or create a new workbook with \`qualigrid new <template> -o file.xlsx\``,
  },
  "workbook.notQualigrid": {
    fr: (p) =>
      `n'est pas un classeur Qualigrid : ${p.count === 1 ? "le tableau" : "les tableaux"} ${p.tables} ${p.count === 1 ? "manque" : "manquent"} (créez-en un avec \`qualigrid new <modèle> -o fichier.xlsx\`)`,
    en: (p) => `not a Qualigrid workbook: the ${p.count === 1 ? "table" : "tables"} ${p.tables} ${p.count === 1 ? "is" : "are"} missing (create one with \`qualigrid new <template> -o file.xlsx\`)`,
  },
  "workbook.itemColumnsMissing": {
    fr: (p) => `il manque au tableau ${p.table} ${p.count === 1 ? "la colonne" : "les colonnes"} ${p.columns}`,
    en: (p) => `${p.table} lacks the ${p.count === 1 ? "column" : "columns"} ${p.columns}`,
  },
  "workbook.gridColumnMissing": {
    fr: (p) => `le tableau ${p.table} n'a pas de colonne « ${p.column} »`,
    en: (p) => `${p.table} has no column « ${p.column} »`,
  },
  "workbook.respondentColumnMissing": {
    fr: (p) =>
      `le tableau ${p.table} (feuille ${p.sheet}) n'a pas de colonne «\u00a0${p.column}\u00a0» pour le répondant «\u00a0${p.name}\u00a0» inscrit dans QG_Respondents\u00a0: rétablissez la colonne (annulez sa suppression, ou reprenez-la d'une copie du classeur)`,
    en: (p) =>
      `${p.table} (sheet ${p.sheet}) has no column “${p.column}” for respondent “${p.name}” listed in QG_Respondents: restore the column (undo its deletion, or take it from a copy of the workbook)`,
  },
  "workbook.evidenceColumnsMissing": {
    fr: (p) => `le tableau ${p.table} doit avoir ses colonnes « ${p.criteria} » et « ${p.status} »`,
    en: (p) => `${p.table} needs its « ${p.criteria} » and « ${p.status} » columns`,
  },
  // What is lost with an optional table deleted (`check.tableMissing`'s consequence).
  "workbook.lost.evidence": {
    fr: () => "les preuves ne sont plus comptées dans la grille ni lues par Qualigrid",
    en: () => "evidence is no longer counted in the grid nor read by Qualigrid",
  },
  "workbook.lost.actions": {
    fr: () => "le plan d'action n'est plus lu par Qualigrid",
    en: () => "the action plan is no longer read by Qualigrid",
  },
  "workbook.lost.dashboard": {
    fr: () => "le tableau de bord ne calcule plus les scores",
    en: () => "the dashboard no longer computes the scores",
  },
  // How the formula check names a cell in `check.formulaAltered` and `check.formulaMissing`.
  "workbook.formulaColumn": {
    fr: (p) => `« ${p.header} » (${p.at})`,
    en: (p) => `"${p.header}" (${p.at})`,
  },
  "workbook.formulaRow": {
    fr: (p) => `ligne ${p.row}`,
    en: (p) => `row ${p.row}`,
  },
  "workbook.formulaLabel": {
    fr: (p) => `« ${p.label} »`,
    en: (p) => `"${p.label}"`,
  },
});
