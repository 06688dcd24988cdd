import ExcelJS from "exceljs";
import { templateToSheetRows, TEMPLATE_ITEM_ALL_COLUMNS, TEMPLATE_SHEET_FORMAT, type SheetCell } from "../model/template.sheet.js";
import { AUTHORING_COLUMNS, AUTHORING_PARTS, AUTHORING_TABLE_KEY, AUTHORING_TABLES, authoringPartRows } from "../model/template.authoring.js";
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
  ["replaces", "sheets.authoring.help.replaces"],
  ["scale", "sheets.authoring.help.itemScale"],
  ["type", "sheets.authoring.help.type"],
  ["required", "sheets.authoring.help.required"],
  ["theme", "sheets.authoring.help.theme"],
  ["replaces (items)", "sheets.authoring.help.itemReplaces"],
  ["levelMap", "sheets.authoring.help.levelMap"],
  [AUTHORING_TABLES.scales, "sheets.authoring.help.scales"],
  [AUTHORING_TABLES.themes, "sheets.authoring.help.themes"],
  [AUTHORING_TABLES.steps, "sheets.authoring.help.steps"],
  [AUTHORING_TABLES.actions, "sheets.authoring.help.actions"],
];

/** How the authoring form writes a criterion's type and required flag, in the workbook's language (both languages are read). */
const WORDS = { text: { fr: "texte", en: "text" }, rating: { fr: "cotation", en: "rating" }, yes: { fr: "Oui", en: "Yes" }, no: { fr: "Non", en: "No" } } as const;

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
  info.push(["replaces", null], ["workbook.lang", lang]);
  return info;
}

/**
 * A template's rows for the authoring form: its info rows but the template-wide parts written as
 * their own tables (the ids it replaces stay a key, offered even when blank), and its item rows
 * aligned to every column, types and required flags worded in `lang`.
 */
function templateRows(template: Template, lang: Lang): { info: [string, SheetCell][]; items: SheetCell[][] } {
  const rows = templateToSheetRows(template);
  const info = rows.info.filter(([k]) => !AUTHORING_TABLE_KEY.test(k));
  if (!info.some(([k]) => k === "replaces")) info.push(["replaces", null]);
  info.push(["workbook.lang", lang]);
  const written = rows.columns ?? TEMPLATE_ITEM_ALL_COLUMNS;
  const items = rows.items.map((r) =>
    TEMPLATE_ITEM_ALL_COLUMNS.map((name) => {
      const i = written.indexOf(name);
      const v = i < 0 ? null : (r[i] ?? null);
      if (name === "type" && v === "text") return WORDS.text[lang];
      if (name === "required" && v === true) return WORDS.yes[lang];
      return v;
    }),
  );
  return { info, items };
}

/**
 * An authoring workbook: the `QG_TemplateInfo` / `QG_TemplateItems` tables a generated workbook
 * carries (pre-filled from `template`, or blank with the default scale), dropdowns on the
 * TRUE/FALSE and numeric cells, a sheet for each of the second version's template-wide parts (other
 * scales, themes, process steps, planned actions; see `AUTHORING_TABLES`), and a sheet explaining
 * each key, column and table in French and English.
 */
export async function renderAuthoringWorkbook(template: Template | undefined, lang: Lang): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = GENERATOR;
  const ws = wb.addWorksheet(SHEET_NAMES.template[lang]);
  const rows = template ? templateRows(template, lang) : { info: blankInfo(lang), items: Array.from({ length: AUTHORING_BLANK_ROWS }, () => TEMPLATE_ITEM_ALL_COLUMNS.map(() => null)) };
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
    columns: TEMPLATE_ITEM_ALL_COLUMNS.map((name) => ({ name, filterButton: true })),
    rows: rows.items.length > 0 ? rows.items : [TEMPLATE_ITEM_ALL_COLUMNS.map(() => null)],
  });
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 40;
  TEMPLATE_ITEM_ALL_COLUMNS.forEach((name, i) => {
    ws.getColumn(TEMPLATE_ITEMS_LEFT + i).width = /^(text|guidance|evidence|dimensionDescription)\[/.test(name) ? 40 : name.includes("Title") ? 24 : 14;
  });

  // Dropdowns: TRUE/FALSE for notApplicable, numbers ≥ 0 for weights and targets.
  const infoRow = (key: string): number => TEMPLATE_HEADER_ROW + 1 + rows.info.findIndex(([k]) => k === key);
  ws.getCell(infoRow("notApplicable"), 2).dataValidation = { type: "list", allowBlank: false, formulae: ['"TRUE,FALSE"'], showErrorMessage: true };
  ws.getCell(infoRow("target"), 2).dataValidation = { type: "decimal", operator: "between", allowBlank: false, formulae: [0, 100], showErrorMessage: true };
  const scaleValues = (template?.scale.levels ?? DEFAULT_SCALE.levels).map((l) => l.value).join(",");
  ws.getCell(infoRow("targetLevel"), 2).dataValidation = { type: "list", allowBlank: false, formulae: [`"${scaleValues}"`], showErrorMessage: true };
  const last = TEMPLATE_HEADER_ROW + Math.max(rows.items.length, 1) + AUTHORING_BLANK_ROWS;
  const colOf = (name: (typeof TEMPLATE_ITEM_ALL_COLUMNS)[number]): number => TEMPLATE_ITEMS_LEFT + TEMPLATE_ITEM_ALL_COLUMNS.indexOf(name);
  const list = (...words: string[]): ExcelJS.DataValidation => ({ type: "list", allowBlank: true, formulae: [`"${words.join(",")}"`], showErrorMessage: false });
  for (let r = TEMPLATE_HEADER_ROW + 1; r <= last; r++) {
    for (const name of ["dimensionWeight", "weight"] as const) {
      ws.getCell(r, colOf(name)).dataValidation = { type: "decimal", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0], showErrorMessage: true };
    }
    ws.getCell(r, colOf("dimensionTarget")).dataValidation = { type: "decimal", operator: "between", allowBlank: true, formulae: [0, 100], showErrorMessage: true };
    ws.getCell(r, colOf("targetLevel")).dataValidation = { type: "list", allowBlank: true, formulae: [`"${scaleValues}"`], showErrorMessage: false };
    // Offered in the workbook's language; the other language's words (and x) are read too, hence no error alert.
    ws.getCell(r, colOf("type")).dataValidation = list(WORDS.rating[lang], WORDS.text[lang]);
    ws.getCell(r, colOf("required")).dataValidation = list(WORDS.yes[lang], WORDS.no[lang]);
  }
  ws.views = [{ state: "frozen", ySplit: TEMPLATE_HEADER_ROW }];

  const parts = template ? authoringPartRows(template) : undefined;
  for (const part of AUTHORING_PARTS) {
    const sheet = wb.addWorksheet(sheetText(`sheets.authoring.part.${part}.name`, lang));
    sheet.getCell(1, 1).value = sheetText(`sheets.authoring.part.${part}.name`, lang);
    sheet.getCell(1, 1).font = { bold: true, size: 14 };
    sheet.getCell(2, 1).value = sheetText(`sheets.authoring.part.${part}.howTo`, lang);
    sheet.getCell(2, 1).font = { italic: true };
    const columns = AUTHORING_COLUMNS[part];
    const data = parts?.[part] ?? [];
    sheet.addTable({
      name: AUTHORING_TABLES[part],
      ref: sheet.getCell(TEMPLATE_HEADER_ROW, 1).address,
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleLight1", showRowStripes: true },
      columns: columns.map((name) => ({ name, filterButton: true })),
      rows: data.length > 0 ? data : Array.from({ length: template ? 1 : AUTHORING_BLANK_ROWS }, () => columns.map(() => null)),
    });
    columns.forEach((name, i) => (sheet.getColumn(i + 1).width = /\[(fr|en)\]$/.test(name) && !name.startsWith("label") ? 32 : 16));
    sheet.views = [{ state: "frozen", ySplit: TEMPLATE_HEADER_ROW }];
    if (part === "scales") {
      const na = columns.indexOf("notApplicable") + 1;
      for (let r = TEMPLATE_HEADER_ROW + 1; r <= TEMPLATE_HEADER_ROW + Math.max(data.length, 1) + AUTHORING_BLANK_ROWS; r++) {
        sheet.getCell(r, na).dataValidation = { type: "list", allowBlank: true, formulae: ['"TRUE,FALSE"'], showErrorMessage: true };
      }
    }
  }

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
