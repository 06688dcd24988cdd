import { registerMessages } from "./message.catalog.js";

/** What `check` finds, by finding code (`check.<FindingCode>`): the problem, where, and what to do. */
export const CHECK_MESSAGES = registerMessages({
  "check.ratingInvalid": {
    fr: (p) => `cotation « ${p.value} » du critère ${p.id} invalide : choisissez ${p.scale} ou S. O.`,
    en: (p) => `rating "${p.value}" of criterion ${p.id} is not valid: choose ${p.scale} or N/A`,
  },
  "check.evidenceNotReviewed": {
    // `cells`: the review status cells of the rows not yet reviewed, listed (a few, then « … »).
    fr: (p) =>
      `la revue de l'évaluateur a commencé, mais ${p.count} ${Number(p.count) > 1 ? "preuves n'ont" : "preuve n'a"} pas encore de statut de revue (${p.cells})\u00a0: indiquez Acceptée, À compléter ou Manquante`,
    en: (p) => `the evaluator's review has started, but ${p.count} evidence ${Number(p.count) > 1 ? "rows have" : "row has"} no review status yet (${p.cells}): give Accepted, To complete or Missing`,
  },
  "check.evaluatorRatingInvalid": {
    fr: (p) => `cotation de l'évaluateur « ${p.value} » du critère ${p.id} invalide : choisissez ${p.scale} ou S. O.`,
    en: (p) => `evaluator rating "${p.value}" of criterion ${p.id} is not valid: choose ${p.scale} or N/A`,
  },
  "check.unanswered": {
    fr: (p) => `le critère ${p.id} n'a pas de cotation`,
    en: (p) => `criterion ${p.id} has no rating`,
  },
  "check.templateActionsUndated": {
    fr: (p) => `${p.count} ${Number(p.count) > 1 ? "actions du modèle n'ont" : "action du modèle n'a"} pas encore de dates : elles suivent la date d'évaluation, à fixer (qualigrid set FICHIER date AAAA-MM-JJ)`,
    en: (p) => `${p.count} of the template's ${Number(p.count) > 1 ? "actions have" : "action has"} no dates yet: they follow the assessment date, to be set (qualigrid set FILE date YYYY-MM-DD)`,
  },
  "check.questionUnanswered": {
    fr: (p) => `la question ${p.id} n'a pas de réponse`,
    en: (p) => `question ${p.id} has no answer`,
  },
  "check.requiredNotApplicable": {
    fr: (p) => `le critère ${p.id} est requis : il ne peut pas être « sans objet » (« ${p.value} »)`,
    en: (p) => `criterion ${p.id} is required: it cannot be N/A ("${p.value}")`,
  },
  "check.requiredUnanswered": {
    fr: (p) => `le critère requis ${p.id} n'a pas de réponse`,
    en: (p) => `required criterion ${p.id} has no answer`,
  },
  "check.requiredBelowTarget": {
    fr: (p) => `le critère requis ${p.id} est sous sa cible (${p.value} pour une cible de ${p.target})`,
    en: (p) => `required criterion ${p.id} is below its target (${p.value} against a target of ${p.target})`,
  },
  "check.criterionMissingFromGrid": {
    fr: (p) => `le critère ${p.id} du modèle n'a pas de ligne dans la grille : recréez la grille ou remettez la ligne`,
    en: (p) => `criterion ${p.id} of the template has no row in the grid: regenerate the grid or restore the row`,
  },
  "check.criterionNotInTemplate": {
    fr: (p) => `le code « ${p.id} » de la grille n'est pas un critère du modèle`,
    en: (p) => `code "${p.id}" in the grid is not a criterion of the template`,
  },
  "check.evidenceUnknownCriterion": {
    fr: (p) => `la preuve ${p.evidence} renvoie au critère inconnu « ${p.id} » : corrigez le code`,
    en: (p) => `evidence ${p.evidence} names an unknown criterion "${p.id}": correct the code`,
  },
  "check.evidenceNoCriterion": {
    fr: (p) => `la preuve ${p.evidence} ne renvoie à aucun critère : indiquez au moins un code de critère`,
    en: (p) => `evidence ${p.evidence} names no criterion: give at least one criterion code`,
  },
  "check.actionNoOwner": {
    fr: (p) => `l'action ${p.action} n'a pas de pilote`,
    en: (p) => `action ${p.action} has no owner`,
  },
  "check.actionNoDueDate": {
    fr: (p) => `l'action ${p.action} n'a pas d'échéance (une date)`,
    en: (p) => `action ${p.action} has no due date`,
  },
  "check.criterionDuplicated": {
    fr: (p) => `le critère ${p.id} a plusieurs lignes dans la grille (aussi ${p.first}) : supprimez le doublon, les scores le comptent deux fois`,
    en: (p) => `criterion ${p.id} has several rows in the grid (also ${p.first}): delete the duplicate, the scores count it twice`,
  },
  "check.actionOverdue": {
    fr: (p) => `l'action ${p.action} est en retard (échéance ${p.date}) : mettez à jour son statut ou son échéance`,
    en: (p) => `action ${p.action} is overdue (due ${p.date}): update its status or its due date`,
  },
  "check.stepOverdue": {
    fr: (p) => `l'étape ${p.id} («\u00a0${p.title}\u00a0») est en retard (date prévue ${p.date})\u00a0: inscrivez sa date de réalisation ou mettez son statut à jour`,
    en: (p) => `step ${p.id} ("${p.title}") is overdue (planned for ${p.date}): enter the date it was done or update its status`,
  },
  "check.evidenceExpired": {
    // `asOf`: the workbook's assessment date, which expiry is judged against; "" when there is none (today is).
    fr: (p) =>
      !p.asOf
        ? `la preuve ${p.evidence} est expirée depuis le ${p.date} : remplacez-la par un document à jour`
        : `la preuve ${p.evidence} est expirée depuis le ${p.date}, avant la date de l'évaluation (${p.asOf}) : elle ne compte pas dans la couverture des preuves ; remplacez-la par un document à jour`,
    en: (p) =>
      !p.asOf
        ? `evidence ${p.evidence} expired on ${p.date}: replace it with a current document`
        : `evidence ${p.evidence} expired on ${p.date}, before the assessment date (${p.asOf}): it does not count toward evidence coverage; replace it with a current document`,
  },
  "check.confidentialLink": {
    fr: (p) => `rappel : la preuve confidentielle ${p.evidence} pointe hors du stockage de l'organisme (${p.host}) : vérifiez qui peut l'ouvrir`,
    en: (p) => `reminder: confidential evidence ${p.evidence} links outside the organization's storage (${p.host}): check who can open it`,
  },
  "check.formulaAltered": {
    fr: (p) => `la formule de ${p.what} a été modifiée (« ${p.found} ») : lancez \`qualigrid check --repair\` pour rétablir celle du modèle`,
    en: (p) => `the formula of ${p.what} was changed ("${p.found}"): run \`qualigrid check --repair\` to restore the template's formula`,
  },
  "check.formulaMissing": {
    fr: (p) =>
      p.found === ""
        ? `la formule de ${p.what} a été effacée : lancez \`qualigrid check --repair\` pour la rétablir`
        : `la formule de ${p.what} a été remplacée par la valeur « ${p.found} » : lancez \`qualigrid check --repair\` pour la rétablir`,
    en: (p) =>
      p.found === ""
        ? `the formula of ${p.what} was cleared: run \`qualigrid check --repair\` to restore it`
        : `the formula of ${p.what} was replaced by the value "${p.found}": run \`qualigrid check --repair\` to restore it`,
  },
  "check.tableMissing": {
    fr: (p) => `le tableau ${p.table} (feuille ${p.sheet}) a été supprimé : ${p.consequence} ; restaurez-le depuis une copie du classeur ou recréez le classeur avec \`qualigrid new\``,
    en: (p) => `table ${p.table} (sheet ${p.sheet}) was deleted: ${p.consequence}; restore it from a copy of the workbook or regenerate the workbook with \`qualigrid new\``,
  },
  "check.settingsMissing": {
    fr: (p) =>
      `ce classeur a été créé avant les paramètres du classeur (${p.name}) : les preuves échues y comptent encore et le résultat global n'y est jamais provisoire ; ajoutez-les avec qualigrid upgrade <classeur> --template ${p.template} --force`,
    en: (p) =>
      `this workbook was made before the workbook settings (${p.name}): expired evidence still counts in it and its overall result is never provisional; add them with qualigrid upgrade <workbook> --template ${p.template} --force`,
  },
  "check.tableRenamed": {
    fr: (p) =>
      `le tableau ${p.table} de la feuille ${p.sheet} s'appelle maintenant « ${p.name} » : redonnez-lui le nom ${p.table} (Création de tableau > Nom du tableau), car les formules du classeur et Qualigrid le désignent par ce nom`,
    en: (p) =>
      `table ${p.table} on sheet ${p.sheet} is now named "${p.name}": name it ${p.table} again (Table Design > Table Name), because the workbook's formulas and Qualigrid refer to it by that name`,
  },
  "check.actionUnknownCriterion": {
    fr: (p) => `l'action ${p.action} renvoie au critère inconnu « ${p.id} » : corrigez le code`,
    en: (p) => `action ${p.action} names an unknown criterion "${p.id}": correct the code`,
  },
  "check.actionArchivedCriterion": {
    fr: (p) => `l'action ${p.action} renvoie au critère ${p.id}, retiré du modèle par une mise à jour (feuille ${p.sheet}) : rattachez-la à un critère actuel, ou fermez-la`,
    en: (p) => `action ${p.action} names criterion ${p.id}, removed from the template by an upgrade (sheet ${p.sheet}): link it to a current criterion, or close it`,
  },
});
