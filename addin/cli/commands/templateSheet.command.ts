import path from "node:path";
import type { Lang } from "../../model/template.types.js";
import { renderAuthoringWorkbook } from "../../xlsx/xlsx.authoring.js";
import { BadInput, EXIT, exists, writeFileAtomic, type CliIo } from "../cli.io.js";
import { Cli } from "../cli.lang.js";
import { cliIssue, printWarnings, say } from "../cli.print.js";
import { resolveTemplate } from "../template.resolve.js";

/**
 * `qualigrid template-sheet [template] -o <authoring.xlsx> [--blank] [--lang fr|en] [--force]`:
 * an authoring workbook in `opts.lang`, pre-filled from a template, or blank.
 */
export async function templateSheetCommand(io: CliIo, arg: string | undefined, opts: { output: string; lang: Lang; blank?: boolean; force?: boolean }): Promise<number> {
  // It speaks the language of the workbook it writes, as the others speak the one they open.
  if (io instanceof Cli) io.workbookOpened(opts.lang);
  if (path.extname(opts.output).toLowerCase() !== ".xlsx") {
    throw new BadInput([cliIssue("cli.output.notXlsx", opts.output)]);
  }
  if (!opts.blank && arg === undefined) {
    throw new BadInput([cliIssue("cli.templateSheet.noTemplate", "template-sheet")]);
  }
  if (!opts.force && (await exists(opts.output))) {
    throw new BadInput([cliIssue("cli.output.exists", opts.output)]);
  }
  let template;
  if (!opts.blank && arg !== undefined) {
    const r = await resolveTemplate(arg);
    printWarnings(io, r.warnings);
    template = r.template;
  }
  await writeFileAtomic(opts.output, await renderAuthoringWorkbook(template, opts.lang), io);
  if (template) say(io, "cli.templateSheet.done", { file: opts.output, template: `${template.id} ${template.version}` });
  else say(io, "cli.templateSheet.doneBlank", { file: opts.output });
  return EXIT.ok;
}
