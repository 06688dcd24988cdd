import { parseAnswersCsv } from "../../model/answers.parse.js";
import type { InputIssue } from "../../model/template.types.js";
import { fillAnswers } from "../../xlsx/xlsx.fill.js";
import { saveWorkbook } from "../../xlsx/xlsx.io.js";
import { BadInput, EXIT, readInputFile, writeFileAtomic, type CliIo } from "../cli.io.js";
import { openAssessment } from "../workbook.open.js";

/**
 * `qualigrid fill <file.xlsx> --answers <answers.csv> [-o out.xlsx]`: writes ratings and comments
 * into the grid. Everything is checked before anything is written; the file is replaced at once.
 */
export async function fillCommand(io: CliIo, file: string, opts: { answers: string; output?: string }): Promise<number> {
  const { workbook, assessment } = await openAssessment(file, io);
  const csv = await readInputFile(opts.answers);
  const parsed = parseAnswersCsv(csv.toString("utf8"), opts.answers, assessment.template);
  if (!parsed.ok) throw new BadInput(parsed.issues);
  const inGrid = new Set(assessment.grid.map((r) => r.criterion.toLowerCase()));
  const missing: InputIssue[] = parsed.value
    .filter((l) => !inGrid.has(l.criterion.toLowerCase()))
    .map((l) => ({ path: `${opts.answers}:${l.line}`, message: `criterion ${l.criterion} has no row in the grid of ${file}`, severity: "error" }));
  if (missing.length > 0) throw new BadInput(missing);
  const changed = fillAnswers(workbook, assessment, parsed.value);
  const target = opts.output ?? file;
  await writeFileAtomic(target, await saveWorkbook(workbook));
  io.out(`${changed} criteria filled in ${target}.`);
  return EXIT.ok;
}
