import { Command, CommanderError, Option } from "commander";
import { pathToFileURL } from "node:url";
import type { Lang } from "../model/template.types.js";
import { GENERATOR } from "../plan/template.plan.js";
import { BadInput, EXIT, processIo, type CliIo } from "./cli.io.js";
import { printIssues } from "./cli.print.js";
import { checkCommand } from "./commands/check.command.js";
import { fillCommand } from "./commands/fill.command.js";
import { newCommand } from "./commands/new.command.js";
import { planCommand } from "./commands/plan.command.js";
import { scoreCommand } from "./commands/score.command.js";
import { showCommand } from "./commands/show.command.js";
import { templateSheetCommand } from "./commands/templateSheet.command.js";
import { templatesCommand } from "./commands/templates.command.js";
import { upgradeCommand } from "./commands/upgrade.command.js";

/** Exit code of an unexpected failure (a defect, not bad input). */
export const EXIT_INTERNAL = 3;

const langOption = (def?: Lang): Option => {
  const o = new Option("--lang <lang>", "language of the workbook or output: fr or en").choices(["fr", "en"]);
  return def ? o.default(def) : o;
};

/**
 * Runs the `qualigrid` command line with `argv` (without node and script) and returns the exit
 * code: 0 clean, 1 findings (check), 2 unusable input or usage, 3 unexpected failure.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command()
    .name("qualigrid")
    .description("Quality-framework self-assessment workbooks: grid, evidence register, action plan, dashboard.")
    .version(GENERATOR.replace(/^Qualigrid /, ""))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, "")), writeErr: (s) => io.err(s.replace(/\n$/, "")) })
    .showHelpAfterError();

  program
    .command("templates")
    .description("list the built-in templates")
    .option("--json", "print JSON")
    .addOption(langOption("fr"))
    .action((o: { json?: boolean; lang: Lang }) => {
      code = templatesCommand(io, o);
    });
  program
    .command("show")
    .description("show a template (built-in id, template .json or workbook .xlsx)")
    .argument("<template>")
    .option("--json", "print the template as JSON")
    .addOption(langOption("fr"))
    .action(async (t: string, o: { json?: boolean; lang: Lang }) => {
      code = await showCommand(io, t, o);
    });
  program
    .command("new")
    .description("write a new assessment workbook for a template")
    .argument("<template>")
    .requiredOption("-o, --output <file.xlsx>", "the workbook to write")
    .addOption(langOption("fr"))
    .option("--force", "replace the output file if it exists")
    .action(async (t: string, o: { output: string; lang: Lang; force?: boolean }) => {
      code = await newCommand(io, t, o);
    });
  program
    .command("template-sheet")
    .description("write an authoring workbook (QG_TemplateInfo, QG_TemplateItems, explanations), pre-filled from a template or blank")
    .argument("[template]")
    .requiredOption("-o, --output <authoring.xlsx>", "the workbook to write")
    .option("--blank", "write a blank authoring workbook (default scale and targets)")
    .addOption(langOption("fr"))
    .option("--force", "replace the output file if it exists")
    .action(async (t: string | undefined, o: { output: string; lang: Lang; blank?: boolean; force?: boolean }) => {
      code = await templateSheetCommand(io, t, o);
    });
  program
    .command("fill")
    .description("fill ratings and comments from a CSV (criterion,rating,comment)")
    .argument("<file.xlsx>")
    .requiredOption("--answers <answers.csv>", "the answers")
    .option("-o, --output <out.xlsx>", "write the filled workbook here instead of in place")
    .action(async (f: string, o: { answers: string; output?: string }) => {
      code = await fillCommand(io, f, o);
    });
  program
    .command("upgrade")
    .description("apply a new version of the workbook's template, keeping every answer, evidence and action (removed criteria go to an Archive sheet)")
    .argument("<file.xlsx>")
    .requiredOption("--template <new>", "the new template: built-in id, template .json or workbook .xlsx")
    .option("-o, --output <out.xlsx>", "write the upgraded workbook here instead of in place")
    .option("--force", "apply an older or equal version, or another template")
    .option("--json", "print the summary as JSON")
    .action(async (f: string, o: { template: string; output?: string; force?: boolean; json?: boolean }) => {
      code = await upgradeCommand(io, f, o);
    });
  program
    .command("score")
    .description("compute the scores of a workbook")
    .argument("<file.xlsx>")
    .option("--json", "print JSON")
    .action(async (f: string, o: { json?: boolean }) => {
      code = await scoreCommand(io, f, o);
    });
  program
    .command("plan")
    .description("add to the action plan one row per criterion below its target that no action names yet, highest priority first (as the task pane does)")
    .argument("<file.xlsx>")
    .option("-o, --output <out.xlsx>", "write the workbook here instead of in place")
    .option("--dry-run", "list the actions that would be added, write nothing")
    .option("--json", "print JSON")
    .action(async (f: string, o: { output?: string; dryRun?: boolean; json?: boolean }) => {
      code = await planCommand(io, f, o);
    });
  program
    .command("check")
    .description("report formulas altered or deleted, tables renamed or deleted, invalid ratings, unanswered or duplicated criteria, unknown evidence links, expired evidence, incomplete or overdue actions")
    .argument("<file.xlsx>")
    .option("--json", "print JSON")
    .addOption(langOption())
    .option("--org-domain <host...>", "host names of the organization's own storage (confidential evidence linked elsewhere gets a reminder)")
    .option("--repair", "rewrite the formula cells found altered or deleted (nothing else), then check again")
    .option("-o, --output <out.xlsx>", "with --repair: write the repaired workbook here instead of replacing the file")
    .action(async (f: string, o: { json?: boolean; lang?: Lang; orgDomain?: string[]; repair?: boolean; output?: string }) => {
      code = await checkCommand(io, f, o);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    if (e instanceof BadInput) {
      printIssues(io, e.issues);
      return EXIT.badInput;
    }
    io.err(`qualigrid: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT_INTERNAL;
  }
}

// Run when executed directly (`node dist/addin/cli/main.js …`); the bin script calls main() itself.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).then((c) => (process.exitCode = c));
}
