import path from "node:path";
import { builtinTemplate, builtinTemplates } from "../model/builtin.js";
import { parseTemplateText } from "../model/template.parse.js";
import type { InputIssue, Template } from "../model/template.types.js";
import { loadWorkbook } from "../xlsx/xlsx.io.js";
import { TABLES } from "../plan/names.js";
import { templateFromWorkbook } from "../plan/template-workbook.js";
import { plainWorkbook } from "../xlsx/xlsx.plain.js";
import { readQualigridWorkbook } from "../xlsx/xlsx.read.js";
import { BadInput, exists, readInputFile } from "./cli.io.js";

/**
 * Finds the template a user named: a built-in id, a template `.json`, or an `.xlsx` that carries
 * a template (a Qualigrid workbook, else the authoring tables, else a hand-made grid). Returns it with the warnings found while reading it.
 */
export async function resolveTemplate(arg: string): Promise<{ template: Template; warnings: InputIssue[] }> {
  const ext = path.extname(arg).toLowerCase();
  if (ext === ".json" || ext === ".xlsx" || (await exists(arg))) {
    const bytes = await readInputFile(arg);
    if (ext === ".xlsx") {
      const wb = await loadWorkbook(bytes, arg);
      if (!wb.ok) throw new BadInput(wb.issues);
      const read = readQualigridWorkbook(wb.value, arg);
      if (read.ok) return { template: read.value.template, warnings: read.warnings };
      // A Qualigrid workbook with a problem is reported as such; any other workbook may carry
      // a template written by hand (the authoring tables or ranges, or an advisor's grid).
      const plain = plainWorkbook(wb.value);
      if ([TABLES.templateInfo, TABLES.templateItems, TABLES.grid].every((n) => plain.tables.has(n.toLowerCase()))) throw new BadInput(read.issues);
      const authored = templateFromWorkbook(plain, arg);
      if (!authored.ok) throw new BadInput(authored.issues);
      return { template: authored.value, warnings: authored.warnings };
    }
    const parsed = parseTemplateText(bytes.toString("utf8"), arg);
    if (!parsed.ok) throw new BadInput(parsed.issues);
    return { template: parsed.value, warnings: parsed.warnings };
  }
  const builtin = builtinTemplate(arg);
  if (builtin) return { template: builtin, warnings: [] };
  const ids = builtinTemplates().map((t) => t.id).join(", ");
  throw new BadInput([{ path: arg, message: `no such template: not a built-in (${ids}) nor a file`, severity: "error" }]);
}
