import path from "node:path";
import type { Lang } from "../../model/template.types.js";
import { renderAuthoringWorkbook } from "../../xlsx/xlsx.authoring.js";
import { BadInput, EXIT, exists, writeFileAtomic, type CliIo } from "../cli.io.js";
import { printWarnings } from "../cli.print.js";
import { resolveTemplate } from "../template.resolve.js";

/**
 * `qualigrid template-sheet [template] -o <authoring.xlsx> [--blank] [--lang fr|en] [--force]`:
 * an authoring workbook pre-filled from a template, or blank.
 */
export async function templateSheetCommand(io: CliIo, arg: string | undefined, opts: { output: string; lang: Lang; blank?: boolean; force?: boolean }): Promise<number> {
  if (path.extname(opts.output).toLowerCase() !== ".xlsx") {
    throw new BadInput([{ path: opts.output, message: "the output must be an .xlsx file", severity: "error" }]);
  }
  if (!opts.blank && arg === undefined) {
    throw new BadInput([{ path: "template-sheet", message: "name a template to pre-fill the sheet, or add --blank", severity: "error" }]);
  }
  if (!opts.force && (await exists(opts.output))) {
    throw new BadInput([{ path: opts.output, message: "already exists; choose another name or add --force to replace it", severity: "error" }]);
  }
  let template;
  if (!opts.blank && arg !== undefined) {
    const r = await resolveTemplate(arg);
    printWarnings(io, r.warnings);
    template = r.template;
  }
  await writeFileAtomic(opts.output, await renderAuthoringWorkbook(template, opts.lang));
  io.out(
    opts.lang === "fr"
      ? `Classeur de saisie créé : ${opts.output}${template ? ` — ${template.id} ${template.version}` : " (vierge)"}.`
      : `Authoring workbook written: ${opts.output}${template ? ` — ${template.id} ${template.version}` : " (blank)"}.`,
  );
  return EXIT.ok;
}
