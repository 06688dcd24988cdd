import { stat } from "node:fs/promises";
import path from "node:path";
import { builtinTemplate, builtinTemplateReplacing, builtinTemplates } from "../model/builtin.js";
import { TEMPLATE_LIMITS } from "../model/excel.limits.js";
import { issueOf } from "../model/messages/message.catalog.js";
import "../model/messages/messages.limits.js";
import { parseTemplateText } from "../model/template.parse.js";
import type { InputIssue, Template } from "../model/template.types.js";
import { loadWorkbook } from "../xlsx/xlsx.io.js";
import { templateFromXlsx } from "../xlsx/xlsx.template.js";
import { BadInput, exists, readInputFile } from "./cli.io.js";
import { cliIssue } from "./cli.print.js";

/**
 * Finds the template a user named: a built-in id (or a former id a built-in `replaces`, with a
 * warning naming the new one), a template `.json`, or an `.xlsx` that carries a template (a
 * Qualigrid workbook, else the authoring tables, else a hand-made grid). Returns it with the
 * warnings found while reading it.
 */
export async function resolveTemplate(arg: string): Promise<{ template: Template; warnings: InputIssue[] }> {
  const ext = path.extname(arg).toLowerCase();
  if (ext === ".json" || ext === ".xlsx" || (await exists(arg))) {
    if (ext !== ".xlsx") await refuseHugeTemplate(arg);
    const bytes = await readInputFile(arg);
    if (ext === ".xlsx") {
      const wb = await loadWorkbook(bytes, arg);
      if (!wb.ok) throw new BadInput(wb.issues);
      const found = templateFromXlsx(wb.value, arg);
      if (!found.ok) throw new BadInput(found.issues);
      return { template: found.value.template, warnings: found.warnings };
    }
    const parsed = parseTemplateText(bytes.toString("utf8"), arg);
    if (!parsed.ok) throw new BadInput(parsed.issues);
    return { template: parsed.value, warnings: parsed.warnings };
  }
  const builtin = builtinTemplate(arg);
  if (builtin) return { template: builtin, warnings: [] };
  const renamed = builtinTemplateReplacing(arg);
  if (renamed) return { template: renamed, warnings: [cliIssue("cli.template.renamed", arg, { id: renamed.id })] };
  const ids = builtinTemplates().map((t) => t.id).join(", ");
  throw new BadInput([cliIssue("cli.template.unknown", arg, { ids })]);
}

/**
 * Refuses a template JSON file over `TEMPLATE_LIMITS.fileBytes` (5 MB, some hundred times the
 * largest real template) from its size alone, before a byte is read: parsing one of 68 MB took
 * 21 s and 1.1 GB. A file that cannot be stat'ed is left to `readInputFile` to name.
 */
async function refuseHugeTemplate(file: string): Promise<void> {
  const size = await stat(file).then((s) => (s.isFile() ? s.size : 0), () => 0);
  if (size > TEMPLATE_LIMITS.fileBytes) {
    throw new BadInput([issueOf("limits.templateFileTooBig", { size, limit: TEMPLATE_LIMITS.fileBytes }, file)]);
  }
}
