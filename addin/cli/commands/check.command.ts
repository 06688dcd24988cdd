import type ExcelJS from "exceljs";
import type { Finding } from "../../workbook/workbook.check.js";
import type { FormulaRepair } from "../../workbook/formula.check.js";
import type { AssessmentWorkbook } from "../../workbook/workbook.types.js";
import type { Lang } from "../../model/template.types.js";
import { inspectWorkbook } from "../../xlsx/xlsx.check.js";
import { applyFormulaRepairs } from "../../xlsx/xlsx.formulas.js";
import { saveWorkbook } from "../../xlsx/xlsx.io.js";
import { readQualigridWorkbook } from "../../xlsx/xlsx.read.js";
import { BadInput, EXIT, outputTarget, writeFileAtomic, type CliIo } from "../cli.io.js";
import { langOf } from "../cli.lang.js";
import { cliIssue, firstIssues, moreText, say } from "../cli.print.js";
import { openAssessment } from "../workbook.open.js";
import { readSealReceipt, sealOfWorkbook } from "./seal.check.command.js";
import { historyFindings } from "../../workbook/history.check.js";
import { sha256WebCrypto } from "../../model/seal.digest.js";

interface CheckOpts {
  json?: boolean;
  orgDomain?: string[];
  repair?: boolean;
  output?: string;
  overwrite?: boolean;
  /** A seal receipt to verify the workbook's seal against. */
  seal?: string;
}

/** Everything `check` finds in a loaded workbook: tables and formulas first, then the answers. */
function inspect(workbook: ExcelJS.Workbook, assessment: AssessmentWorkbook, lang: Lang, opts: CheckOpts): { findings: Finding[]; repairs: FormulaRepair[] } {
  return inspectWorkbook(workbook, assessment, lang, opts.orgDomain ?? []);
}

/**
 * `qualigrid check <file.xlsx> [--json] [--repair [-o out.xlsx]]`: what is wrong or missing in an
 * assessment workbook. With `--repair`, the formula cells found altered or missing are rewritten
 * (nothing else), the file is replaced at once, and the result is checked again.
 * Exit 0 when clean (after the repair), 1 when something was found.
 */
export async function checkCommand(io: CliIo, file: string, opts: CheckOpts): Promise<number> {
  if (opts.output !== undefined && !opts.repair) {
    throw new BadInput([cliIssue("cli.check.outputWithoutRepair", opts.output)]);
  }
  const target = await outputTarget(file, opts.output, opts.overwrite);
  const receipt = opts.seal === undefined ? null : await readSealReceipt(opts.seal);
  // Quiet: a renamed table the reader warns about is one of check's findings.
  const { workbook, assessment } = await openAssessment(file, io, true);
  const lang = langOf(io);
  const first = inspect(workbook, assessment, lang, opts);
  const repairs = first.repairs;
  let findings = first.findings;
  let shownFile = file;
  let repaired: FormulaRepair[] = [];
  if (opts.repair && repairs.length > 0) {
    applyFormulaRepairs(workbook, repairs);
    const bytes = await saveWorkbook(workbook);
    // Checked again on the workbook just serialized (the repairs rewrite formula cells only, which
    // the bytes hold as the model does), without loading those bytes a second time.
    const reread = readQualigridWorkbook(workbook, target);
    if (!reread.ok) throw new BadInput(reread.issues);
    await writeFileAtomic(target, bytes, io);
    repaired = repairs;
    shownFile = target;
    ({ findings } = inspect(workbook, reread.value, lang, opts));
  }
  // A sealed workbook: the organization's entries changed since the seal, and the receipt when given.
  // Formula repairs touch no entry of the organization: the assessment first read is the one sealed.
  const seal = await sealOfWorkbook(workbook, assessment, lang, receipt);
  // Closed rounds: a history row changed by hand (the assessment first read holds the history; repairs touch none of it).
  findings = [...findings, ...seal.findings, ...(await historyFindings(assessment, lang, sha256WebCrypto))];
  const where = (r: { where: { sheet: string; address: string } }): string => `${r.where.sheet}!${r.where.address}`;
  if (opts.json) {
    const json: Record<string, unknown> = { file: shownFile };
    if (seal.json) json.seal = seal.json;
    if (opts.repair) json.repaired = repaired.map((r) => ({ where: where(r), formula: r.formula }));
    json.findings = findings.map((f) => ({ ...f, where: where(f) }));
    io.out(JSON.stringify(json, null, 2));
    return findings.length === 0 ? EXIT.ok : EXIT.findings;
  }
  if (opts.repair) {
    if (repaired.length === 0) say(io, "cli.check.nothingToRestore", { file });
    else {
      for (const r of repaired) say(io, "cli.check.restored", { where: where(r), formula: r.formula });
      say(io, "cli.check.restoredCount", { count: repaired.length, file: shownFile });
    }
  }
  for (const line of seal.lines) io.out(line);
  if (findings.length === 0) {
    say(io, "cli.check.clean", { file: shownFile });
  } else {
    // The first findings only (errors first), then their count: a hostile workbook cannot flood the terminal.
    const { shown, more } = firstIssues(findings);
    for (const f of shown) say(io, f.severity === "error" ? "cli.issue.error" : "cli.issue.warning", { path: where(f), message: f.message });
    if (more > 0) io.out(moreText(langOf(io), more));
    const errors = findings.filter((f) => f.severity === "error").length;
    say(io, "cli.check.summary", { count: findings.length, errors });
  }
  return findings.length === 0 ? EXIT.ok : EXIT.findings;
}
