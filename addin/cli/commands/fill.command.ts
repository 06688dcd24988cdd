import { LISTED_ISSUES, parseAnswersCsv } from "../../model/answers.parse.js";
import { issueOf, messageText } from "../../model/messages/message.catalog.js";
import "../../model/messages/messages.issues.js";
import type { InputIssue, Lang } from "../../model/template.types.js";
import type ExcelJS from "exceljs";
import { firstRespondentName } from "../../model/messages/messages.cli.respondents.js";
import { respondentNameIssue } from "../../model/respondent.names.js";
import { matchKey } from "../../model/text.match.js";
import type { AssessmentWorkbook } from "../../workbook/workbook.types.js";
import { fillAnswersCounted, type AnswerEntry } from "../../xlsx/xlsx.fill.js";
import { readQualigridWorkbook } from "../../xlsx/xlsx.read.js";
import { fillAgreed, fillRespondent, respondentIndex, withRespondents } from "../../xlsx/xlsx.respondents.js";
import { namedRespondents } from "../../xlsx/xlsx.upgrade.respondents.js";
import { respondentsIssue, sayRespondents } from "../respondents.print.js";
import { saveWorkbook } from "../../xlsx/xlsx.io.js";
import { BadInput, EXIT, outputTarget, readInputFile, writeFileAtomic, type CliIo } from "../cli.io.js";
import { cliIssue, say } from "../cli.print.js";
import { decodeTextFile, encodingNamed, type TextEncoding } from "../csv.decode.js";
import { openAssessment } from "../workbook.open.js";

/**
 * `qualigrid fill <file.xlsx> --answers <answers.csv> [--respondent NAME | --agreed] [-o out.xlsx]`:
 * writes ratings and comments into the grid: into respondent NAME's columns (added first when new),
 * or as agreed ratings and their reasons (the CSV's comments). The CSV's encoding is detected unless
 * `--encoding` names it. Everything is checked before anything is written; the file is replaced at
 * once, and not at all when no cell changes.
 */
export async function fillCommand(
  io: CliIo,
  file: string,
  opts: { answers: string; output?: string; overwrite?: boolean; encoding?: string; respondent?: string; agreed?: boolean },
): Promise<number> {
  if (opts.respondent !== undefined && opts.agreed) throw new BadInput([respondentsIssue("cli.fill.respondentAndAgreed", "--agreed")]);
  const encoding = answersEncoding(opts.encoding);
  const target = await outputTarget(file, opts.output, opts.overwrite);
  const { workbook, assessment } = await openAssessment(file, io);
  const csv = decodeTextFile(await readInputFile(opts.answers), opts.answers, encoding);
  if (!csv.ok) throw new BadInput(csv.issues);
  const parsed = parseAnswersCsv(csv.value.text, opts.answers, assessment.template);
  if (!parsed.ok) throw new BadInput(parsed.issues);
  const inGrid = new Set(assessment.grid.map((r) => r.criterion.toLowerCase()));
  const missing: InputIssue[] = [];
  let unlisted = 0;
  for (const l of parsed.value) {
    if (inGrid.has(l.criterion.toLowerCase())) continue;
    if (missing.length < LISTED_ISSUES) missing.push(cliIssue("cli.fill.notInGrid", `${opts.answers}:${l.line}`, { criterion: l.criterion, file }));
    else unlisted++;
  }
  if (unlisted > 0) missing.push(issueOf("issues.more", { count: unlisted }, opts.answers));
  if (missing.length > 0) throw new BadInput(missing);
  if (opts.agreed) return fillAgreedCommand(io, { file, target, workbook, assessment, lines: parsed.value });
  if (opts.respondent !== undefined) return fillRespondentCommand(io, { file, target, workbook, assessment, lines: parsed.value }, opts.respondent);
  if (assessment.respondents.length >= 2) {
    throw new BadInput([respondentsIssue("cli.fill.whichRespondent", file, { file, list: assessment.respondents.map((r) => r.name).join(", ") })]);
  }
  const { filled, cellsChanged } = fillAnswersCounted(workbook, assessment, parsed.value);
  if (cellsChanged === 0) {
    say(io, "cli.write.unchanged", { file });
    return EXIT.ok;
  }
  await writeFileAtomic(target, await saveWorkbook(workbook), io);
  say(io, "cli.fill.done", { count: filled, file: target });
  return EXIT.ok;
}

/** What `fill` has read and checked, and where it writes. */
interface FillJob {
  file: string;
  target: string;
  workbook: ExcelJS.Workbook;
  assessment: AssessmentWorkbook;
  lines: readonly AnswerEntry[];
}

/** `fill --agreed`: the CSV's ratings as agreed ratings, its comments as their reasons. */
async function fillAgreedCommand(io: CliIo, job: FillJob): Promise<number> {
  const { file, target, workbook, assessment } = job;
  if (!assessment.grid.some((r) => r.agreedCell)) throw new BadInput([respondentsIssue("cli.fill.noAgreed", file, { file })]);
  const { filled, cellsChanged } = fillAgreed(workbook, assessment, job.lines);
  if (cellsChanged === 0) {
    say(io, "cli.write.unchanged", { file });
    return EXIT.ok;
  }
  await writeFileAtomic(target, await saveWorkbook(workbook), io);
  sayRespondents(io, "cli.fill.agreedDone", { count: filled, file: target });
  return EXIT.ok;
}

/**
 * `fill --respondent NAME`: that respondent's columns. A name new to the workbook is added first
 * (the workbook re-rendered with one more respondent); the answers of a grid whose single
 * respondent is unnamed become « Répondant 1 »'s, NAME the second.
 */
async function fillRespondentCommand(io: CliIo, job: FillJob, name: string): Promise<number> {
  const { file, target, workbook } = job;
  let assessment = job.assessment;
  let wb = workbook;
  let firstNamed: string | null = null;
  const known = respondentIndex(assessment, name) >= 0;
  if (!known) {
    const taken = assessment.respondents.map((r) => r.name).filter((n) => n !== "");
    const issue = respondentNameIssue(name, taken, "--respondent");
    if (issue) throw new BadInput([issue]);
    let names = namedRespondents(assessment);
    if (!names) {
      const first = firstRespondentName(assessment.lang);
      names = matchKey(first) === matchKey(name) ? [] : [first];
      if (names.length > 0) firstNamed = first;
    }
    const added = await withRespondents(workbook, assessment, [...names, name.trim()]);
    if (!added.ok) throw new BadInput(added.issues);
    const read = readQualigridWorkbook(added.value, file);
    if (!read.ok) throw new Error(`the workbook with respondent ${name} cannot be read back: ${read.issues.map((i) => i.message).join("; ")}`);
    wb = added.value;
    assessment = read.value;
  }
  const { filled, cellsChanged } = fillRespondent(wb, assessment, name.trim(), job.lines);
  if (known && cellsChanged === 0) {
    say(io, "cli.write.unchanged", { file });
    return EXIT.ok;
  }
  // A re-rendered workbook takes the charts and pictures of the file it was made from.
  await writeFileAtomic(target, await saveWorkbook(wb, { carryFrom: workbook }), io);
  if (!known) sayRespondents(io, "cli.fill.respondentAdded", { name: name.trim(), file: target });
  if (firstNamed) sayRespondents(io, "cli.fill.firstNamed", { name: firstNamed });
  const shown = assessment.respondents[respondentIndex(assessment, name)]?.name ?? name.trim();
  sayRespondents(io, "cli.fill.respondentDone", { count: filled, name: shown, file: target });
  return EXIT.ok;
}

/** The encoding `--encoding` names (undefined when left out: detected); an unknown name is bad input. */
function answersEncoding(name: string | undefined): TextEncoding | undefined {
  if (name === undefined) return undefined;
  const encoding = encodingNamed(name);
  if (encoding === undefined) throw new BadInput([issueOf("answers.encodingUnknown", { encoding: name }, "--encoding")]);
  return encoding;
}

/** The help text of `fill --encoding`. */
export function encodingHelp(lang: Lang): string {
  return messageText("answers.encodingHelp", {}, lang) ?? "";
}
