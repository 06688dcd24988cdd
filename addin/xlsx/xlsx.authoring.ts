import ExcelJS from "exceljs";
import { templateToSheetRows, TEMPLATE_ITEM_COLUMNS, TEMPLATE_SHEET_FORMAT, type SheetCell } from "../model/template.sheet.js";
import type { Lang, Template } from "../model/template.types.js";
import { sheetText, type SheetMessageCode } from "../model/messages/messages.sheets.js";
import { SHEET_NAMES } from "../plan/labels.js";
import { TABLES } from "../plan/names.js";
import { GENERATOR, TEMPLATE_HEADER_ROW, TEMPLATE_ITEMS_LEFT } from "../plan/template.plan.js";
import { DEFAULT_SCALE, DEFAULT_TARGET, DEFAULT_TARGET_LEVEL } from "../model/template.workbook.js";
import { saveWorkbook } from "./xlsx.io.js";

/** Empty item rows a blank authoring workbook offers (and rows given dropdowns below a filled one). */
const AUTHORING_BLANK_ROWS = 20;

/** The keys and columns the explanations sheet explains, with the catalogue's explanation of each. */
const AUTHORING_HELP: [string, SheetMessageCode][] = [
  ["format", "sheets.authoring.help.format"],
  ["id", "sheets.authoring.help.id"],
  ["version", "sheets.authoring.help.version"],
  ["title[fr] / title[en]", "sheets.authoring.help.title"],
  ["source[fr] / source[en]", "sheets.authoring.help.source"],
  ["target", "sheets.authoring.help.target"],
  ["targetLevel", "sheets.authoring.help.targetLevel"],
  ["notApplicable", "sheets.authoring.help.notApplicable"],
  ["scale[i].value / scale[i].label[fr|en]", "sheets.authoring.help.scale"],
  ["maturity[i].min / maturity[i].label[fr|en]", "sheets.authoring.help.maturity"],
  ["dimensionId", "sheets.authoring.help.dimensionId"],
  ["dimensionTitle[fr|en]", "sheets.authoring.help.dimensionTitle"],
  ["dimensionWeight / dimensionTarget", "sheets.authoring.help.dimensionWeight"],
  ["criterionId", "sheets.authoring.help.criterionId"],
  ["text[fr|en]", "sheets.authoring.help.text"],
  ["guidance[fr|en]", "sheets.authoring.help.guidance"],
  ["weight", "sheets.authoring.help.weight"],
  ["targetLevel (items)", "sheets.authoring.help.itemTargetLevel"],
  ["evidence[fr|en]", "sheets.authoring.help.evidence"],
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
  const ws = wb.addWorksheet(SHEET_NAMES.template[lang]);
  const rows = template
    ? templateToSheetRows(template, [["workbook.lang", lang]])
    : { info: blankInfo(lang), items: Array.from({ length: AUTHORING_BLANK_ROWS }, () => TEMPLATE_ITEM_COLUMNS.map(() => null)) };
  ws.getCell(1, 1).value = template ? `${template.id} ${template.version}` : sheetText("sheets.authoring.newTitle", lang);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const helpName = sheetText("sheets.authoring.helpName", lang);
  ws.getCell(2, 1).value = sheetText("sheets.authoring.howTo", lang, { help: helpName });
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

  const help = wb.addWorksheet(helpName);
  help.addRow([sheetText("sheets.authoring.keyHeader", lang), "Français", "English"]).font = { bold: true };
  for (const [key, code] of AUTHORING_HELP) help.addRow([key, sheetText(code, "fr"), sheetText(code, "en")]);
  help.getColumn(1).width = 40;
  help.getColumn(2).width = 70;
  help.getColumn(3).width = 70;
  help.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  help.getColumn(3).alignment = { wrapText: true, vertical: "top" };
  return saveWorkbook(wb);
}
