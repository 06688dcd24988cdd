import { LISTED_ISSUES, parseAnswersCsv } from "../../model/answers.parse.js";
import { issueOf, messageText } from "../../model/messages/message.catalog.js";
import "../../model/messages/messages.issues.js";
import type { InputIssue, Lang } from "../../model/template.types.js";
import { fillAnswersCounted } from "../../xlsx/xlsx.fill.js";
import { saveWorkbook } from "../../xlsx/xlsx.io.js";
import { BadInput, EXIT, outputTarget, readInputFile, writeFileAtomic, type CliIo } from "../cli.io.js";
import { cliIssue, say } from "../cli.print.js";
import { decodeTextFile, encodingNamed, type TextEncoding } from "../csv.decode.js";
import { openAssessment } from "../workbook.open.js";

/**
 * `qualigrid fill <file.xlsx> --answers <answers.csv> [-o out.xlsx]`: writes ratings and comments
 * into the grid. The CSV's encoding is detected unless `--encoding` names it. Everything is checked
 * before anything is written; the file is replaced at once, and not at all when no cell changes.
 */
export async function fillCommand(
  io: CliIo,
  file: string,
  opts: { answers: string; output?: string; overwrite?: boolean; encoding?: string },
): Promise<number> {
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
  const { filled, cellsChanged } = fillAnswersCounted(workbook, assessment, parsed.value);
  if (cellsChanged === 0) {
    say(io, "cli.write.unchanged", { file });
    return EXIT.ok;
  }
  await writeFileAtomic(target, await saveWorkbook(workbook), io);
  say(io, "cli.fill.done", { count: filled, file: target });
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
