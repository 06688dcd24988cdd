import type ExcelJS from "exceljs";
import type { TemplateFound, TemplateOrigin } from "../host/host.outcomes.js";
import type { Result } from "../model/template.types.js";
import { TABLES } from "../plan/names.js";
import { templateFromWorkbook } from "../model/template.workbook.js";
import { plainWorkbook } from "./xlsx.plain.js";
import { readQualigridWorkbook } from "./xlsx.read.js";

/**
 * The template a workbook carries: a Qualigrid workbook's own template, else the authoring tables,
 * else a hand-made advisor grid. A Qualigrid workbook with a problem is reported as such rather
 * than read as a hand-made grid. Problems name the sheet and cell.
 */
export function templateFromXlsx(wb: ExcelJS.Workbook, file: string): Result<TemplateFound> {
  const read = readQualigridWorkbook(wb, file);
  if (read.ok) return { ok: true, value: { template: read.value.template, origin: "qualigrid" }, warnings: read.warnings };
  const plain = plainWorkbook(wb);
  if ([TABLES.templateInfo, TABLES.templateItems, TABLES.grid].every((n) => plain.tables.has(n.toLowerCase()))) return read;
  const authored = templateFromWorkbook(plain, file);
  if (!authored.ok) return authored;
  const origin: TemplateOrigin = plain.tables.has(TABLES.templateInfo.toLowerCase()) || plain.tables.has(TABLES.templateItems.toLowerCase()) ? "authoring" : "sheet";
  return { ok: true, value: { template: authored.value, origin }, warnings: authored.warnings };
}
