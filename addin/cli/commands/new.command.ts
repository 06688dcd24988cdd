import path from "node:path";
import { textOf } from "../../model/text.js";
import type { Lang } from "../../model/template.types.js";
import { buildPlan } from "../../plan/plan.build.js";
import { renderPlanToBuffer } from "../../xlsx/xlsx.render.js";
import { BadInput, EXIT, exists, writeFileAtomic, type CliIo } from "../cli.io.js";
import { printWarnings } from "../cli.print.js";
import { resolveTemplate } from "../template.resolve.js";

/** `qualigrid new <template> -o <file.xlsx> [--lang fr|en] [--force]`: a new assessment workbook. */
export async function newCommand(io: CliIo, arg: string, opts: { output: string; lang: Lang; force?: boolean }): Promise<number> {
  if (path.extname(opts.output).toLowerCase() !== ".xlsx") {
    throw new BadInput([{ path: opts.output, message: "the output must be an .xlsx file", severity: "error" }]);
  }
  if (!opts.force && (await exists(opts.output))) {
    throw new BadInput([{ path: opts.output, message: "already exists; choose another name or add --force to replace it", severity: "error" }]);
  }
  const { template, warnings } = await resolveTemplate(arg);
  printWarnings(io, warnings);
  const plan = buildPlan(template, { lang: opts.lang });
  await writeFileAtomic(opts.output, await renderPlanToBuffer(plan));
  const count = template.dimensions.reduce((n, d) => n + d.criteria.length, 0);
  io.out(
    opts.lang === "fr"
      ? `Classeur créé : ${opts.output} — ${textOf(template.title, "fr")}, ${template.dimensions.length} dimensions, ${count} critères.`
      : `Workbook written: ${opts.output} — ${textOf(template.title, "en")}, ${template.dimensions.length} dimensions, ${count} criteria.`,
  );
  return EXIT.ok;
}
