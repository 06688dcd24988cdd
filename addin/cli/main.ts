import { Command, CommanderError, Option } from "commander";
import { pathToFileURL } from "node:url";
import type { HelpMessageCode } from "../model/messages/messages.help.js";
import type { Lang } from "../model/template.types.js";
import { GENERATOR } from "../plan/template.plan.js";
import { helpConfiguration, helpText, usageErrorText } from "./cli.help.js";
import { BadInput, EXIT, processIo, quietOnClosedStreams, removePendingTemps, type CliIo } from "./cli.io.js";
import { Cli, langInArgv, type LocaleEnv } from "./cli.lang.js";
import { cliText, printable, printIssues } from "./cli.print.js";
import { reportsText } from "./aggregate/aggregate.reports.js";
import { aggregateCommand, networkText, type AggregateOptions } from "./commands/aggregate.command.js";
import { checkCommand } from "./commands/check.command.js";
import { compareCommand } from "./commands/compare.command.js";
import { compareText } from "../model/messages/messages.compare.js";
import { copiesCommand } from "./commands/copies.command.js";
import { encodingHelp, fillCommand } from "./commands/fill.command.js";
import { mergeCommand } from "./commands/merge.command.js";
import { mergeText } from "../model/messages/messages.merge.js";
import { newCommand } from "./commands/new.command.js";
import { planCommand } from "./commands/plan.command.js";
import { reviewCommand, type ReviewOptions } from "./commands/review.command.js";
import { reviewCliText } from "../model/messages/messages.cli.review.js";
import { scoreCommand } from "./commands/score.command.js";
import { sealCommand, sealText } from "./commands/seal.command.js";
import { setCommand, settingKeysText, settingsText } from "./commands/set.command.js";
import { showCommand } from "./commands/show.command.js";
import { templateSheetCommand } from "./commands/templateSheet.command.js";
import { templatesCommand } from "./commands/templates.command.js";
import { upgradeCommand } from "./commands/upgrade.command.js";
import { surveyImportCommand, type SurveyCliOptions } from "./commands/survey.command.js";
import { surveyText } from "../model/messages/messages.survey.js";
import { reportCommand, type ReportOptions } from "./commands/report.command.js";
import { reportText } from "../model/messages/messages.report.js";
import { roundCloseCommand, roundListCommand, type RoundCloseCliOptions } from "./commands/round.command.js";
import { roundText } from "../model/messages/messages.round.js";

/** Exit code of an unexpected failure (a defect, not bad input). */
export const EXIT_INTERNAL = 3;

/**
 * Runs the `qualigrid` command line with `argv` (without node and script) and returns the exit
 * code: 0 clean, 1 findings (check), 2 unusable input or usage, 3 unexpected failure. It speaks
 * `--lang`, else the language of the workbook a command opens, else the system locale's (`env`).
 */
export async function main(argv: string[], out: CliIo = processIo, env: LocaleEnv = process.env): Promise<number> {
  const io = out instanceof Cli ? out : new Cli(out, langInArgv(argv), env);
  // --help is worded before any workbook is opened: in --lang, else the system's language.
  const h = (c: HelpMessageCode): string => helpText(c, io.lang);
  const langOption = (code: HelpMessageCode = "cli.help.opt.lang"): Option => new Option("--lang <lang>", h(code)).choices(["fr", "en"]);
  let code: number = EXIT.ok;
  const program = new Command()
    .name("qualigrid")
    .description(h("cli.help.program"))
    .version(GENERATOR.replace(/^Qualigrid /, ""), "-V, --version", h("cli.help.version"))
    .helpOption("-h, --help", h("cli.help.help"))
    .helpCommand("help [command]", h("cli.help.help"))
    .configureHelp(helpConfiguration(io.lang))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, "")),
      writeErr: (s) => io.err(s.replace(/\n$/, "")),
      outputError: (s, write) => write(usageErrorText(s, io.lang)),
    })
    .showHelpAfterError();

  program
    .command("templates")
    .description(h("cli.help.templates"))
    .option("--json", h("cli.help.opt.json"))
    .addOption(langOption())
    .action((o: { json?: boolean }) => {
      code = templatesCommand(io, o);
    });
  program
    .command("show")
    .description(h("cli.help.show"))
    .argument("<template>", h("cli.help.arg.template"))
    .option("--json", h("cli.help.opt.showJson"))
    .addOption(langOption())
    .action(async (t: string, o: { json?: boolean }) => {
      code = await showCommand(io, t, o);
    });
  program
    .command("new")
    .description(h("cli.help.new"))
    .argument("<template>", h("cli.help.arg.template"))
    .requiredOption("-o, --output <file.xlsx>", h("cli.help.opt.output"))
    .addOption(langOption("cli.help.opt.langWorkbook"))
    .option("--force", h("cli.help.opt.force"))
    .option("--overwrite", h("cli.help.opt.force"))
    .option("--org <name>", settingsText("cli.help.opt.org", io.lang))
    .option("--date <yyyy-mm-dd>", settingsText("cli.help.opt.date", io.lang))
    .option("--respondents <names>", h("cli.help.opt.respondents"))
    .action(async (t: string, o: { output: string; lang?: Lang; force?: boolean; overwrite?: boolean; org?: string; date?: string; respondents?: string }) => {
      code = await newCommand(io, t, { ...o, lang: o.lang ?? "fr", force: o.force || o.overwrite });
    });
  program
    .command("template-sheet")
    .description(h("cli.help.templateSheet"))
    .argument("[template]", h("cli.help.arg.template"))
    .requiredOption("-o, --output <authoring.xlsx>", h("cli.help.opt.output"))
    .option("--blank", h("cli.help.opt.blank"))
    .addOption(langOption("cli.help.opt.langWorkbook"))
    .option("--force", h("cli.help.opt.force"))
    .option("--overwrite", h("cli.help.opt.force"))
    .action(async (t: string | undefined, o: { output: string; lang?: Lang; blank?: boolean; force?: boolean; overwrite?: boolean }) => {
      code = await templateSheetCommand(io, t, { ...o, lang: o.lang ?? "fr", force: o.force || o.overwrite });
    });
  program
    .command("fill")
    .description(h("cli.help.fill"))
    .argument("<file.xlsx>", h("cli.help.arg.workbook"))
    .requiredOption("--answers <answers.csv>", h("cli.help.opt.answers"))
    .option("-o, --output <out.xlsx>", h("cli.help.opt.outputInstead"))
    .option("--overwrite", h("cli.help.opt.overwrite"))
    .option("--encoding <name>", encodingHelp(io.lang))
    .option("--respondent <name>", h("cli.help.opt.respondent"))
    .option("--agreed", h("cli.help.opt.agreed"))
    .addOption(langOption())
    .action(async (f: string, o: { answers: string; output?: string; overwrite?: boolean; encoding?: string; respondent?: string; agreed?: boolean }) => {
      code = await fillCommand(io, f, o);
    });
  // `survey import`: a survey export tallied into the « Sondages » sheet (design.md "Rounds, comparison and report").
  program
    .command("survey")
    .description(surveyText("cli.help.survey", io.lang))
    .command("import")
    .description(surveyText("cli.help.surveyImport", io.lang))
    .argument("<file.xlsx>", h("cli.help.arg.workbook"))
    .argument("<responses>", surveyText("cli.help.arg.surveyFile", io.lang))
    .requiredOption("--name <name>", surveyText("cli.help.opt.surveyName", io.lang))
    .option("--with-comments", surveyText("cli.help.opt.surveyComments", io.lang))
    .option("--criteria <ids>", surveyText("cli.help.opt.surveyCriteria", io.lang))
    .option("--scale <answers>", surveyText("cli.help.opt.surveyScale", io.lang))
    .option("--date <yyyy-mm-dd>", surveyText("cli.help.opt.surveyDate", io.lang))
    .option("-o, --output <out.xlsx>", h("cli.help.opt.outputInstead"))
    .option("--overwrite", h("cli.help.opt.overwrite"))
    .addOption(langOption())
    .action(async (f: string, responses: string, o: SurveyCliOptions) => {
      code = await surveyImportCommand(io, f, responses, o);
    });
  program
    .command("upgrade")
    .description(h("cli.help.upgrade"))
    .argument("<file.xlsx>", h("cli.help.arg.workbook"))
    .option("--template <new>", h("cli.help.opt.template"))
    .option("--respondents <names>", h("cli.help.opt.upgradeRespondents"))
    .option("-o, --output <out.xlsx>", h("cli.help.opt.outputInstead"))
    .option("--overwrite", h("cli.help.opt.overwrite"))
    .option("--force", h("cli.help.opt.upgradeForce"))
    .option("--json", h("cli.help.opt.upgradeJson"))
    .addOption(langOption())
    .action(async (f: string, o: { template?: string; respondents?: string; output?: string; overwrite?: boolean; force?: boolean; json?: boolean }) => {
      code = await upgradeCommand(io, f, o);
    });
  program
    .command("copies")
    .description(mergeText("copies.help.command", io.lang))
    .argument("<file.xlsx>", h("cli.help.arg.workbook"))
    .requiredOption("-o, --output <dir>", mergeText("copies.help.output", io.lang))
    .option("--overwrite", mergeText("copies.help.overwrite", io.lang))
    .option("--json", mergeText("merge.help.json", io.lang))
    .addOption(langOption())
    .action(async (f: string, o: { output: string; overwrite?: boolean; json?: boolean }) => {
      code = await copiesCommand(io, f, o);
    });
  program
    .command("merge")
    .description(mergeText("merge.help.command", io.lang))
    .argument("<file.xlsx>", h("cli.help.arg.workbook"))
    .argument("<copies...>", mergeText("merge.help.copies", io.lang))
    .option("--as <name>", mergeText("merge.help.as", io.lang))
    .option("-o, --output <out.xlsx>", h("cli.help.opt.outputInstead"))
    .option("--overwrite", h("cli.help.opt.overwrite"))
    .option("--json", mergeText("merge.help.json", io.lang))
    .addOption(langOption())
    .action(async (f: string, copies: string[], o: { as?: string; output?: string; overwrite?: boolean; json?: boolean }) => {
      code = await mergeCommand(io, f, copies, o);
    });
  program
    .command("review")
    .description(reviewCliText("cli.help.review", io.lang))
    .argument("<file.xlsx>", h("cli.help.arg.workbook"))
    .option("--answers <review.csv>", reviewCliText("cli.help.opt.reviewAnswers", io.lang))
    .option("--evidence <evidence.csv>", reviewCliText("cli.help.opt.reviewEvidence", io.lang))
    .option("--recommendations <reco.csv>", reviewCliText("cli.help.opt.reviewRecommendations", io.lang))
    .option("--by <name>", reviewCliText("cli.help.opt.reviewBy", io.lang))
    .option("-o, --output <out.xlsx>", h("cli.help.opt.outputInstead"))
    .option("--overwrite", h("cli.help.opt.overwrite"))
    .option("--json", reviewCliText("cli.help.opt.reviewJson", io.lang))
    .addOption(langOption())
    .action(async (f: string, o: ReviewOptions) => {
      code = await reviewCommand(io, f, o);
    });
  program
    .command("score")
    .description(h("cli.help.score"))
    .argument("<file.xlsx>", h("cli.help.arg.workbook"))
    .option("--json", h("cli.help.opt.json"))
    .addOption(langOption())
    .action(async (f: string, o: { json?: boolean }) => {
      code = await scoreCommand(io, f, o);
    });
  program
    .command("compare")
    .description(compareText("compare.help", io.lang))
    .argument("<a.xlsx>", compareText("compare.help.a", io.lang))
    .argument("[b.xlsx]", compareText("compare.help.b", io.lang))
    .option("--json", compareText("compare.help.json", io.lang))
    .addOption(langOption())
    .action(async (a: string, b: string | undefined, o: { json?: boolean }) => {
      code = await compareCommand(io, a, b, o);
    });
  program
    .command("set")
    .description(settingsText("cli.help.set", io.lang, { keys: settingKeysText() }))
    .argument("<file.xlsx>", h("cli.help.arg.workbook"))
    .argument("<key>", settingsText("cli.help.arg.settingKey", io.lang))
    .argument("<value>", settingsText("cli.help.arg.settingValue", io.lang))
    .option("-o, --output <out.xlsx>", h("cli.help.opt.outputInstead"))
    .option("--overwrite", h("cli.help.opt.overwrite"))
    .addOption(langOption())
    .action(async (f: string, k: string, v: string, o: { output?: string; overwrite?: boolean }) => {
      code = await setCommand(io, f, k, v, o);
    });
  program
    .command("plan")
    .description(h("cli.help.plan"))
    .argument("<file.xlsx>", h("cli.help.arg.workbook"))
    .option("-o, --output <out.xlsx>", h("cli.help.opt.outputInstead"))
    .option("--overwrite", h("cli.help.opt.overwrite"))
    .option("--dry-run", h("cli.help.opt.dryRun"))
    .option("--json", h("cli.help.opt.json"))
    .addOption(langOption())
    .action(async (f: string, o: { output?: string; overwrite?: boolean; dryRun?: boolean; json?: boolean }) => {
      code = await planCommand(io, f, o);
    });
  program
    .command("check")
    .description(h("cli.help.check"))
    .argument("<file.xlsx>", h("cli.help.arg.workbook"))
    .option("--json", h("cli.help.opt.json"))
    .addOption(langOption())
    .option("--org-domain <host...>", h("cli.help.opt.orgDomain"))
    .option("--repair", h("cli.help.opt.repair"))
    .option("-o, --output <out.xlsx>", h("cli.help.opt.repairOutput"))
    .option("--overwrite", h("cli.help.opt.overwrite"))
    .option("--seal <receipt.json>", sealText("cli.help.opt.checkSeal", io.lang))
    .action(async (f: string, o: { json?: boolean; orgDomain?: string[]; repair?: boolean; output?: string; overwrite?: boolean; seal?: string }) => {
      code = await checkCommand(io, f, o);
    });
  program
    .command("seal")
    .description(sealText("cli.help.seal", io.lang))
    .argument("<file.xlsx>", h("cli.help.arg.workbook"))
    .requiredOption("--by <name>", sealText("cli.help.opt.sealBy", io.lang))
    .option("--receipt <file.json>", sealText("cli.help.opt.sealReceipt", io.lang))
    .option("--date <yyyy-mm-dd>", sealText("cli.help.opt.sealDate", io.lang))
    .option("--force", sealText("cli.help.opt.sealForce", io.lang))
    .addOption(langOption())
    .action(async (f: string, o: { by: string; receipt?: string; date?: string; force?: boolean }) => {
      code = await sealCommand(io, f, o);
    });
  // `round close` and `round list`: the improvement cycle's rounds (design.md "Rounds, comparison and report").
  const round = program.command("round").description(roundText("round.help.command", io.lang));
  round
    .command("close")
    .description(roundText("round.help.close", io.lang))
    .argument("<file.xlsx>", h("cli.help.arg.workbook"))
    .option("--label <label>", roundText("round.help.label", io.lang))
    .option("--date <yyyy-mm-dd>", roundText("round.help.date", io.lang))
    .option("--keep-ratings", roundText("round.help.keepRatings", io.lang))
    .option("-o, --output <out.xlsx>", h("cli.help.opt.outputInstead"))
    .option("--overwrite", h("cli.help.opt.overwrite"))
    .addOption(langOption())
    .action(async (f: string, o: RoundCloseCliOptions) => {
      code = await roundCloseCommand(io, f, o);
    });
  round
    .command("list")
    .description(roundText("round.help.list", io.lang))
    .argument("<file.xlsx>", h("cli.help.arg.workbook"))
    .option("--json", roundText("round.help.json", io.lang))
    .addOption(langOption())
    .action(async (f: string, o: { json?: boolean }) => {
      code = await roundListCommand(io, f, o);
    });
  program
    .command("report")
    .description(reportText("report.help", io.lang))
    .argument("<file.xlsx>", h("cli.help.arg.workbook"))
    .requiredOption("-o, --output <rapport.pdf>", reportText("report.help.output", io.lang))
    .option("--visit", reportText("report.help.visit", io.lang))
    .addOption(new Option("--paper <paper>", reportText("report.help.paper", io.lang)).choices(["a4", "letter"]))
    .option("--overwrite", reportText("report.help.overwrite", io.lang))
    .addOption(langOption())
    .action(async (f: string, o: ReportOptions) => {
      code = await reportCommand(io, f, o);
    });
  program
    .command("aggregate")
    .description(networkText("network.help", io.lang))
    .argument("<files...>", networkText("network.help.files", io.lang))
    .requiredOption("-o, --output <reseau.xlsx>", networkText("network.help.output", io.lang))
    .option("--json", networkText("network.help.json", io.lang))
    .option("--key <key>", networkText("network.help.key", io.lang))
    .option("--names", networkText("network.help.names", io.lang))
    .option("--min-group <n>", networkText("network.help.minGroup", io.lang), "5")
    .option("--member-reports <dir>", reportsText("networkReports.help", io.lang))
    .addOption(langOption())
    .action(async (files: string[], o: AggregateOptions) => {
      code = await aggregateCommand(io, files, o);
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
    // A stack trace means nothing to a user and may carry paths and values: only on demand.
    io.err(cliText("cli.unexpected", io.lang, { detail: e instanceof Error ? e.message : String(e) }));
    if (env.QUALIGRID_DEBUG === "1" && e instanceof Error && e.stack) io.err(e.stack.split("\n").map(printable).join("\n"));
    return EXIT_INTERNAL;
  }
}

/**
 * Runs the command line as the `qualigrid` process: a reader that goes away (`| head`) ends no
 * command with a stack trace, and Ctrl-C prints one line in the language spoken and ends the process
 * by SIGINT, which a shell reports as 130 (a file being written is left as it was: see
 * `writeFileAtomic`). Sets `process.exitCode`.
 */
export async function runProcess(argv: string[]): Promise<void> {
  quietOnClosedStreams();
  const io = new Cli(processIo, langInArgv(argv), process.env);
  process.once("SIGINT", () => {
    // A temporary file being written goes first: the process ends at once after this line.
    removePendingTemps();
    io.err(cliText("cli.interrupted", io.lang));
    // Raised again with its default action: the process ends at once, killed by Ctrl-C as a shell
    // expects (it reports 130), even while a read (a named pipe, a slow network drive) holds one of
    // Node's I/O threads, which process.exit() would wait for forever.
    process.kill(process.pid, "SIGINT");
  });
  process.exitCode = await main(argv, io);
}

// Run when executed directly (`node dist/addin/cli/main.js …`); the bin script calls runProcess() itself.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  void runProcess(process.argv.slice(2));
}
