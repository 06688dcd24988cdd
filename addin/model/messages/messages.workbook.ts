import { registerMessages } from "./message.catalog.js";

/** What the reader says of a workbook it cannot read as an assessment. */
export const WORKBOOK_MESSAGES = registerMessages({
  "workbook.authoringNotAssessment": {
    fr: (p) =>
      `est le classeur de saisie d'un modèle (tableaux QG_TemplateInfo et QG_TemplateItems), pas une grille d'autoévaluation : créez sa grille avec \`qualigrid new ${p.file} -o grille.xlsx\`, puis évaluez dans la grille`,
    en: (p) =>
      `is a template's authoring workbook (tables QG_TemplateInfo and QG_TemplateItems), not a self-assessment grid: make its grid with \`qualigrid new ${p.file} -o grid.xlsx\`, then rate in the grid`,
  },
});
