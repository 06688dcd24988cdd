import path from "node:path";
import { mergeText, type MergeMessageCode } from "../../model/messages/messages.merge.js";
import type { MessageParams } from "../../model/messages/message.types.js";
import type { InputIssue } from "../../model/template.types.js";
import { planMerges, type MergeCopy } from "../../workbook/merge.answers.js";
import { saveWorkbook } from "../../xlsx/xlsx.io.js";
import { mergeIntoWorkbook } from "../../xlsx/xlsx.merge.js";
import { loadQualigridWorkbook } from "../../xlsx/xlsx.read.js";
import { BadInput, EXIT, outputTarget, readInputFile, writeFileAtomic, type CliIo } from "../cli.io.js";
import { langOf } from "../cli.lang.js";
import { printable, printWarnings, PRINTED_ISSUES, say } from "../cli.print.js";
import { openAssessment } from "../workbook.open.js";

/** A line of this command's summary, its parameters made printable. */
function tell(io: CliIo, code: MergeMessageCode, params: MessageParams = {}): void {
  const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? printable(v) : v]));
  io.out(mergeText(code, langOf(io), shown));
}

/** Ids listed in a summary line: the first `PRINTED_ISSUES`, then "…". */
function listed(ids: readonly string[]): string {
  return ids.slice(0, PRINTED_ISSUES).join(", ") + (ids.length > PRINTED_ISSUES ? ", …" : "");
}

/**
 * `qualigrid merge <file.xlsx> <copy.xlsx…> [--as NAME] [-o out.xlsx] [--json]`: brings each copy's
 * ratings, comments and words back to its respondent's column (contract §6). Every copy is read and
 * planned before anything is written; one refusal, or two copies for one respondent, and nothing is.
 * The file is replaced at once, and not at all when nothing changes (the same copy merged again).
 */
export async function mergeCommand(
  io: CliIo,
  file: string,
  copyFiles: readonly string[],
  opts: { as?: string; output?: string; overwrite?: boolean; json?: boolean },
): Promise<number> {
  const target = await outputTarget(file, opts.output, opts.overwrite);
  const { workbook, assessment } = await openAssessment(file, io);
  const copies: MergeCopy[] = [];
  const unread: InputIssue[] = [];
  for (const f of copyFiles) {
    try {
      const opened = await loadQualigridWorkbook(await readInputFile(f), f);
      if (!opened.ok) unread.push(...opened.issues);
      else copies.push({ copy: opened.value.assessment, file: f, ...(opts.as !== undefined ? { as: opts.as } : {}) });
    } catch (e) {
      if (!(e instanceof BadInput)) throw e;
      unread.push(...e.issues);
    }
  }
  if (unread.length > 0) throw new BadInput(unread);
  const planned = planMerges(assessment, copies, file);
  if (!planned.ok) throw new BadInput(planned.issues);
  if (!opts.json) printWarnings(io, planned.warnings);
  const merged = await mergeIntoWorkbook(workbook, assessment, planned.value, copyFiles, file);
  if (!merged.ok) throw new BadInput(merged.issues);
  const { workbook: out, rerendered, changed } = merged.value;
  if (changed || target !== file) {
    await writeFileAtomic(target, await saveWorkbook(out, rerendered ? { carryFrom: workbook } : {}), io);
  }
  const outcomes = planned.value.plans.map((p, i) => ({ file: copyFiles[i] ?? "", ...p.outcome }));
  if (opts.json) {
    const copiesJson = outcomes.map(({ warnings: _w, ...o }) => o);
    io.out(JSON.stringify({ file: target, changed, respondents: planned.value.respondents, copies: copiesJson }, null, 2));
    return EXIT.ok;
  }
  for (const o of outcomes) {
    tell(io, "merge.cli.copy", { file: path.basename(o.file), respondent: o.respondent, added: o.added ? 1 : 0, filled: o.filled });
    if (o.otherVersion) tell(io, "merge.cli.version", o.otherVersion);
    if (o.missing.length > 0) tell(io, "merge.cli.missing", { count: o.missing.length, list: listed(o.missing) });
    if (o.unknown.length > 0) tell(io, "merge.cli.unknown", { count: o.unknown.length, list: listed(o.unknown) });
  }
  if (!changed && target === file) say(io, "cli.write.unchanged", { file });
  else tell(io, "merge.cli.done", { count: outcomes.length, file: target });
  return EXIT.ok;
}
