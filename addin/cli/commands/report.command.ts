import { statSync } from "node:fs";
import path from "node:path";
import "../../model/messages/messages.report.js";
import { issueOf } from "../../model/messages/message.catalog.js";
import type { MessageParams } from "../../model/messages/message.types.js";
import { reportText, type ReportMessageCode } from "../../model/messages/messages.report.js";
import type { InputIssue } from "../../model/template.types.js";
import type { AssessmentWorkbook } from "../../workbook/workbook.types.js";
import { BadInput, EXIT, exists, writeFileAtomic, type CliIo } from "../cli.io.js";
import { langOf } from "../cli.lang.js";
import { cliIssue, printable } from "../cli.print.js";
import { PAPERS, printableCopy, type Paper } from "../../xlsx/xlsx.report.copy.js";
import { pdfPageCount, printToPdf } from "../report/report.pdf.js";
import { findSoffice, LIBREOFFICE_INSTALL_COMMAND, SofficeFailed, SofficeMissing } from "../report/soffice.run.js";
import { openAssessment } from "../workbook.open.js";

/** Exit code of a program the command needs and the machine lacks (LibreOffice for the PDF). */
export const EXIT_MISSING_TOOL = EXIT.missingTool;

/** The options of `qualigrid report`. */
export interface ReportOptions {
  output: string;
  visit?: boolean;
  paper?: Paper;
  overwrite?: boolean;
}

/** An input problem of this command, worded by its catalogue section. */
const reportIssue = (code: ReportMessageCode, at: string, params: MessageParams = {}): InputIssue => issueOf(code, params, at);

/**
 * `qualigrid report <file.xlsx> -o rapport.pdf [--visit] [--paper a4|letter] [--overwrite]`: the
 * « Rapport » sheet (or « Rapport de visite ») printed to PDF by LibreOffice. The workbook is read,
 * never written: a copy re-rendered with the current layout (so a workbook made before the report
 * sheets gets them, and its formulas are today's) prints that one sheet only, on Letter (Québec's
 * and North America's paper) unless `--paper a4`; the PDF is then written at once (`-o`).
 * Without LibreOffice it says how to install it and exits with {@link EXIT_MISSING_TOOL}.
 */
export async function reportCommand(io: CliIo, file: string, opts: ReportOptions): Promise<number> {
  const target = opts.output;
  // Everything about the output is checked before LibreOffice's seconds are spent.
  if (path.extname(target).toLowerCase() !== ".pdf") throw new BadInput([reportIssue("report.output.notPdf", target)]);
  if (!isFolder(path.dirname(path.resolve(target)))) throw new BadInput([cliIssue("cli.file.noFolder", target)]);
  if (!opts.overwrite && (await exists(target))) throw new BadInput([cliIssue("cli.output.existsOverwrite", target)]);
  const { workbook, assessment } = await openAssessment(file, io);
  const lang = langOf(io);
  if (opts.visit && !hasEvaluatorReview(assessment)) throw new BadInput([reportIssue("report.noReview", file, { file })]);
  if (!findSoffice()) return missingLibreOffice(io);

  const paper: Paper = opts.paper ?? "letter";
  const copy = await printableCopy(workbook, assessment, opts.visit ? "visit" : "report", paper, file);
  if (!copy.ok) throw new BadInput(copy.issues);
  const xlsx = copy.value;

  let pdf: Buffer;
  try {
    pdf = await printToPdf(xlsx);
  } catch (e) {
    if (e instanceof SofficeMissing) return missingLibreOffice(io);
    if (!(e instanceof SofficeFailed)) throw e;
    const output = e.output === "" ? reportText("report.noOutput", lang) : printable(e.output.split("\n").slice(-5).join(" "));
    io.err(reportText("report.failed", lang, { reason: e.reason, detail: e.detail, output, visit: opts.visit ? 1 : 0 }));
    return EXIT_MISSING_TOOL;
  }
  await writeFileAtomic(target, pdf, io);
  io.out(reportText("report.done", lang, { file: printable(target), pages: pdfPageCount(pdf), paper: PAPERS[paper].name, visit: opts.visit ? 1 : 0 }));
  return EXIT.ok;
}

/** Says that LibreOffice is needed and how to install it (and what is wrong with `SOFFICE` when it is set). */
function missingLibreOffice(io: CliIo): number {
  const lang = langOf(io);
  const named = process.env.SOFFICE;
  if (named) io.err(reportText("report.sofficeNotExecutable", lang, { path: printable(named) }));
  io.err(reportText("report.noLibreOffice", lang, { command: LIBREOFFICE_INSTALL_COMMAND }));
  return EXIT_MISSING_TOOL;
}

/** Whether the evaluator has left anything to report: a rating in the grid or an evidence item reviewed. */
function hasEvaluatorReview(a: AssessmentWorkbook): boolean {
  const given = (v: unknown): boolean => v !== null && v !== undefined && String(v).trim() !== "";
  return a.grid.some((r) => given(r.evaluatorRating)) || (a.evidence ?? []).some((e) => given(e.review?.status));
}

/** Whether `dir` is an existing folder. */
function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
