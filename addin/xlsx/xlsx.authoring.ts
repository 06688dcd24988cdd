import ExcelJS from "exceljs";
import { templateToSheetRows, TEMPLATE_ITEM_COLUMNS, TEMPLATE_SHEET_FORMAT, type SheetCell } from "../model/template.sheet.js";
import type { Lang, Template } from "../model/template.types.js";
import { TABLES } from "../plan/names.js";
import { GENERATOR, TEMPLATE_HEADER_ROW, TEMPLATE_ITEMS_LEFT } from "../plan/template.plan.js";
import { DEFAULT_SCALE, DEFAULT_TARGET, DEFAULT_TARGET_LEVEL } from "../model/template.workbook.js";
import { saveWorkbook } from "./xlsx.io.js";

/** Empty item rows a blank authoring workbook offers (and rows given dropdowns below a filled one). */
const AUTHORING_BLANK_ROWS = 20;

const SHEET = { fr: "Modèle", en: "Template" } as const;
const HELP_SHEET = { fr: "Explications", en: "Help" } as const;

/** What each key and column means, in French and English, for the explanations sheet. */
const AUTHORING_HELP: [string, string, string][] = [
  ["format", "Version du format de cette feuille (ne pas modifier).", "Version of this sheet's format (do not change)."],
  ["id", "Identifiant stable du modèle : lettres, chiffres, « . », « _ », « - », commençant par une lettre.", "Stable template id: letters, digits, '.', '_', '-', starting with a letter."],
  ["version", "Version sémantique (1.0.0). Une mise à jour exige une version plus élevée.", "Semantic version (1.0.0). An upgrade needs a higher version."],
  ["title[fr] / title[en]", "Titre du modèle, en français et en anglais (une seule langue suffit).", "Title of the template, in French and English (one language is enough)."],
  ["source[fr] / source[en]", "D'où vient le modèle : le document dont il est tiré.", "Where the template comes from: the document it is derived from."],
  ["target", "Cible par défaut d'une dimension, de 0 à 100.", "Default dimension target, 0 to 100."],
  ["targetLevel", "Niveau cible par défaut d'un critère : une valeur de l'échelle.", "Default criterion target level: one of the scale's values."],
  ["notApplicable", "TRUE si un critère peut être coté « sans objet », sinon FALSE.", "TRUE if a criterion may be rated not applicable, else FALSE."],
  ["scale[i].value / scale[i].label[fr|en]", "Les niveaux de l'échelle, du plus bas au plus haut (au moins deux).", "The scale's levels, lowest first (at least two)."],
  ["maturity[i].min / maturity[i].label[fr|en]", "Facultatif : paliers de maturité, par score minimal croissant.", "Optional: maturity bands, by ascending minimum score."],
  ["dimensionId", "Identifiant de la dimension ; les lignes d'une même dimension répètent le même identifiant.", "Dimension id; the rows of one dimension repeat the same id."],
  ["dimensionTitle[fr|en]", "Titre de la dimension (lu sur sa première ligne).", "Dimension title (read from its first row)."],
  ["dimensionWeight / dimensionTarget", "Poids (1 par défaut) et cible 0–100 de la dimension (facultatifs).", "Weight (default 1) and 0–100 target of the dimension (optional)."],
  ["criterionId", "Identifiant unique du critère (sans égard à la casse).", "Unique criterion id (case-insensitively)."],
  ["text[fr|en]", "Énoncé du critère.", "Statement of the criterion."],
  ["guidance[fr|en]", "Repères pour coter (facultatif).", "Guidance for rating (optional)."],
  ["weight", "Poids du critère dans sa dimension (1 par défaut).", "Weight of the criterion in its dimension (default 1)."],
  ["targetLevel (items)", "Niveau cible propre au critère (facultatif).", "The criterion's own target level (optional)."],
  ["evidence[fr|en]", "Preuves attendues (facultatif).", "Expected evidence (optional)."],
];

/** A template with nothing but the default scale and targets, as a blank authoring workbook starts. */
function blankInfo(lang: Lang): [string, SheetCell][] {
  const info: [string, SheetCell][] = [
    ["format", TEMPLATE_SHEET_FORMAT],
    ["id", null],
    ["version", "1.0.0"],
    ["title[fr]", null],
    ["title[en]", null],
    ["source[fr]", null],
    ["source[en]", null],
    ["target", DEFAULT_TARGET],
    ["targetLevel", DEFAULT_TARGET_LEVEL],
    ["notApplicable", DEFAULT_SCALE.notApplicable],
  ];
  DEFAULT_SCALE.levels.forEach((l, i) => info.push([`scale[${i}].value`, l.value], [`scale[${i}].label[fr]`, l.label.fr], [`scale[${i}].label[en]`, l.label.en]));
  info.push(["workbook.lang", lang]);
  return info;
}

/**
 * An authoring workbook: the `QG_TemplateInfo` / `QG_TemplateItems` tables a generated workbook
 * carries (pre-filled from `template`, or blank with the default scale), dropdowns on the
 * TRUE/FALSE and numeric cells, and a sheet explaining each key and column in French and English.
 */
export async function renderAuthoringWorkbook(template: Template | undefined, lang: Lang): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = GENERATOR;
  const ws = wb.addWorksheet(SHEET[lang]);
  const rows = template
    ? templateToSheetRows(template, [["workbook.lang", lang]])
    : { info: blankInfo(lang), items: Array.from({ length: AUTHORING_BLANK_ROWS }, () => TEMPLATE_ITEM_COLUMNS.map(() => null)) };
  ws.getCell(1, 1).value = template ? `${template.id} ${template.version}` : lang === "fr" ? "Nouveau modèle" : "New template";
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value =
    lang === "fr"
      ? `Remplissez les deux tableaux (voir la feuille « ${HELP_SHEET.fr} »), puis : qualigrid new ce-fichier.xlsx -o grille.xlsx`
      : `Fill in both tables (see the "${HELP_SHEET.en}" sheet), then: qualigrid new this-file.xlsx -o grid.xlsx`;
  ws.getCell(2, 1).font = { italic: true };
  ws.addTable({
    name: TABLES.templateInfo,
    ref: ws.getCell(TEMPLATE_HEADER_ROW, 1).address,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleLight1", showRowStripes: true },
    columns: [{ name: "key", filterButton: true }, { name: "value", filterButton: true }],
    rows: rows.info.map(([k, v]) => [k, v]),
  });
  ws.addTable({
    name: TABLES.templateItems,
    ref: ws.getCell(TEMPLATE_HEADER_ROW, TEMPLATE_ITEMS_LEFT).address,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleLight1", showRowStripes: true },
    columns: TEMPLATE_ITEM_COLUMNS.map((name) => ({ name, filterButton: true })),
    rows: rows.items.length > 0 ? rows.items : [TEMPLATE_ITEM_COLUMNS.map(() => null)],
  });
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 40;
  TEMPLATE_ITEM_COLUMNS.forEach((name, i) => {
    ws.getColumn(TEMPLATE_ITEMS_LEFT + i).width = /^(text|guidance|evidence|dimensionDescription)\[/.test(name) ? 40 : name.includes("Title") ? 24 : 14;
  });

  // Dropdowns: TRUE/FALSE for notApplicable, numbers ≥ 0 for weights and targets.
  const infoRow = (key: string): number => TEMPLATE_HEADER_ROW + 1 + rows.info.findIndex(([k]) => k === key);
  ws.getCell(infoRow("notApplicable"), 2).dataValidation = { type: "list", allowBlank: false, formulae: ['"TRUE,FALSE"'], showErrorMessage: true };
  ws.getCell(infoRow("target"), 2).dataValidation = { type: "decimal", operator: "between", allowBlank: false, formulae: [0, 100], showErrorMessage: true };
  const scaleValues = (template?.scale.levels ?? DEFAULT_SCALE.levels).map((l) => l.value).join(",");
  ws.getCell(infoRow("targetLevel"), 2).dataValidation = { type: "list", allowBlank: false, formulae: [`"${scaleValues}"`], showErrorMessage: true };
  const last = TEMPLATE_HEADER_ROW + Math.max(rows.items.length, 1) + AUTHORING_BLANK_ROWS;
  const colOf = (name: (typeof TEMPLATE_ITEM_COLUMNS)[number]): number => TEMPLATE_ITEMS_LEFT + TEMPLATE_ITEM_COLUMNS.indexOf(name);
  for (let r = TEMPLATE_HEADER_ROW + 1; r <= last; r++) {
    for (const name of ["dimensionWeight", "weight"] as const) {
      ws.getCell(r, colOf(name)).dataValidation = { type: "decimal", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0], showErrorMessage: true };
    }
    ws.getCell(r, colOf("dimensionTarget")).dataValidation = { type: "decimal", operator: "between", allowBlank: true, formulae: [0, 100], showErrorMessage: true };
    ws.getCell(r, colOf("targetLevel")).dataValidation = { type: "list", allowBlank: true, formulae: [`"${scaleValues}"`], showErrorMessage: true };
  }
  ws.views = [{ state: "frozen", ySplit: TEMPLATE_HEADER_ROW }];

  const help = wb.addWorksheet(HELP_SHEET[lang]);
  help.addRow([lang === "fr" ? "Clé ou colonne" : "Key or column", "Français", "English"]).font = { bold: true };
  for (const row of AUTHORING_HELP) help.addRow(row);
  help.getColumn(1).width = 40;
  help.getColumn(2).width = 70;
  help.getColumn(3).width = 70;
  help.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  help.getColumn(3).alignment = { wrapText: true, vertical: "top" };
  return saveWorkbook(wb);
}
