import path from "node:path";
import { textOf } from "../../model/text.js";
import type { Lang } from "../../model/template.types.js";
import { buildPlan } from "../../plan/plan.build.js";
import { planLimits } from "../../plan/plan.limits.js";
import { renderPlanToBuffer } from "../../xlsx/xlsx.render.js";
import { BadInput, EXIT, exists, writeFileAtomic, type CliIo } from "../cli.io.js";
import { Cli, langOf } from "../cli.lang.js";
import { cliIssue, printWarnings, say } from "../cli.print.js";
import { parseRespondentList } from "../../model/respondent.names.js";
import { sayRespondents } from "../respondents.print.js";
import { resolveTemplate } from "../template.resolve.js";
import { settingsOfOptions } from "./set.command.js";

/**
 * `qualigrid new <template> -o <file.xlsx> [--lang fr|en] [--org NAME] [--date YYYY-MM-DD]
 * [--respondents "A,B,C"] [--force]`: a new assessment workbook in `opts.lang`, its organization and
 * assessment date set, with one rating and comment column per respondent when they are named; what it
 * says is in the language `io` speaks.
 */
export async function newCommand(
  io: CliIo,
  arg: string,
  opts: { output: string; lang: Lang; force?: boolean; org?: string; date?: string; respondents?: string },
): Promise<number> {
  // It speaks the language of the workbook it writes (French unless `--lang en`), as the others speak the one they open.
  if (io instanceof Cli) io.workbookOpened(opts.lang);
  const settings = settingsOfOptions(opts);
  const respondents = opts.respondents === undefined ? undefined : parseRespondentList(opts.respondents, "--respondents");
  if (respondents && !respondents.ok) throw new BadInput(respondents.issues);
  if (path.extname(opts.output).toLowerCase() !== ".xlsx") {
    throw new BadInput([cliIssue("cli.output.notXlsx", opts.output)]);
  }
  if (!opts.force && (await exists(opts.output))) {
    throw new BadInput([cliIssue("cli.output.exists", opts.output)]);
  }
  const { template, warnings } = await resolveTemplate(arg);
  printWarnings(io, warnings);
  const plan = buildPlan(template, { lang: opts.lang, settings, ...(respondents ? { respondents: respondents.value } : {}) });
  // Nothing Excel would repair, nor that Qualigrid would refuse to read back, is written.
  const overLimits = planLimits(plan);
  if (overLimits.length > 0) throw new BadInput(overLimits);
  await writeFileAtomic(opts.output, await renderPlanToBuffer(plan), io);
  const count = template.dimensions.reduce((n, d) => n + d.criteria.length, 0);
  const dimensions = template.dimensions.length;
  say(io, "cli.new.done", { file: opts.output, title: textOf(template.title, langOf(io)), dimensions, criteria: count });
  if (respondents) sayRespondents(io, "cli.new.respondents", { list: respondents.value.join(", ") });
  return EXIT.ok;
}
