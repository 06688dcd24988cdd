import fs from "node:fs/promises";
import { surveyText, type SurveyMessageCode } from "../../model/messages/messages.survey.js";
import type { MessageParams } from "../../model/messages/message.types.js";
import { SURVEY_LIMITS, surveyIssue } from "../../model/survey.csv.js";
import type { SurveyImportOptions } from "../../model/survey.types.js";
import { saveWorkbook } from "../../xlsx/xlsx.io.js";
import { importSurvey } from "../../xlsx/xlsx.survey.js";
import { BadInput, EXIT, outputTarget, readInputFile, writeFileAtomic, type CliIo } from "../cli.io.js";
import { langOf } from "../cli.lang.js";
import { pct, printable, printWarnings } from "../cli.print.js";
import { openAssessment } from "../workbook.open.js";

/** The options of `qualigrid survey import`. */
export interface SurveyCliOptions {
  name: string;
  withComments?: boolean;
  /** Criteria ids, « , »- or « ; »-separated. */
  criteria?: string;
  /** The ordered scale, most favourable first, « , »-separated. */
  scale?: string;
  /** YYYY-MM-DD. */
  date?: string;
  output?: string;
  overwrite?: boolean;
}

/**
 * `qualigrid survey import f.xlsx responses.(xlsx|csv) --name N [--with-comments] [--criteria C1,C2]
 * [--scale "A,B,C"] [--date D] [-o out.xlsx]` (design.md "Rounds, comparison and report"): tallies
 * the survey export into the workbook's « Sondages » sheet, in place by default, in one atomic
 * write, and prints per question the answers given and the favourable share. Every problem is
 * reported before anything is written; an oversize export is refused before it is read.
 */
export async function surveyImportCommand(io: CliIo, file: string, responses: string, opts: SurveyCliOptions): Promise<number> {
  const target = await outputTarget(file, opts.output, opts.overwrite);
  const options: SurveyImportOptions = { name: opts.name };
  if (opts.withComments) options.withComments = true;
  if (opts.criteria !== undefined) options.criteria = opts.criteria.split(/[,;]/);
  if (opts.scale !== undefined) options.scale = opts.scale.split(",");
  if (opts.date !== undefined) options.date = dayOf(opts.date);
  await refuseOversize(responses);
  const { workbook, assessment } = await openAssessment(file, io);
  const surveyBytes = await readInputFile(responses);
  const imported = await importSurvey(workbook, assessment, surveyBytes, responses, options);
  if (!imported.ok) throw new BadInput(imported.issues);
  printWarnings(io, imported.warnings);
  await writeFileAtomic(target, await saveWorkbook(imported.value.workbook, { carryFrom: workbook }), io);

  const lang = langOf(io);
  const say = (code: SurveyMessageCode, params: MessageParams): void => {
    const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? printable(v) : v]));
    io.out(surveyText(code, lang, shown));
  };
  const { survey, skipped, evidenceRows } = imported.value;
  say("cli.survey.imported", { name: survey.name, file: target, responses: survey.responses, questions: survey.questions.length });
  survey.questions.forEach((q, i) => {
    const params = { number: i + 1, question: q.question, responses: q.responses };
    if (q.scale !== null) say("cli.survey.question", { ...params, favourable: pct(q.favourable, lang) });
    else if (q.answers.length > 0) say("cli.survey.questionChoice", params);
    else say(opts.withComments && q.responses > 0 ? "cli.survey.questionTextKept" : "cli.survey.questionText", params);
  });
  if (skipped.length > 0) say("survey.skipped", { columns: skipped.map((s) => `${s.column} (${s.header})`).join(", ") });
  if (evidenceRows > 0) say("cli.survey.evidence", { criteria: survey.criteria.join(", ") });
  return EXIT.ok;
}

/** `--date YYYY-MM-DD` as a UTC day; anything else refused. */
function dayOf(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new BadInput([surveyIssue("cli.survey.badDate", "--date", { value: text })]);
  }
  return d;
}

/** A survey file larger than a survey may be is refused from its size, before its bytes are read. */
async function refuseOversize(file: string): Promise<void> {
  let size: number;
  try {
    size = (await fs.stat(file)).size;
  } catch {
    // Missing or unreadable: `readInputFile` says so.
    return;
  }
  if (size > SURVEY_LIMITS.csvBytes) {
    throw new BadInput([surveyIssue("survey.tooLarge", file, { size: Math.ceil(size / 1048576), max: Math.floor(SURVEY_LIMITS.csvBytes / 1048576) })]);
  }
}
