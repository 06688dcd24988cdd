import { promises as fs } from "node:fs";
import path from "node:path";
import { issueOf } from "../../model/messages/message.catalog.js";
import { mergeText } from "../../model/messages/messages.merge.js";
import type { InputIssue } from "../../model/template.types.js";
import { makeRespondentCopies } from "../../xlsx/xlsx.copies.js";
import { saveWorkbook } from "../../xlsx/xlsx.io.js";
import { BadInput, EXIT, exists, writeFileAtomic, type CliIo } from "../cli.io.js";
import { langOf } from "../cli.lang.js";
import { printable } from "../cli.print.js";
import { openAssessment } from "../workbook.open.js";

/**
 * `qualigrid copies <file.xlsx> -o <dir> [--overwrite] [--json]`: one copy per respondent, each showing
 * only that respondent's column and stamped with their name and a copy id (contract §6). Every copy
 * is made, and every file checked, before anything is written; the copies are written, then the
 * workbook, which records their ids (replaced at once; left alone when the ids were recorded already).
 */
export async function copiesCommand(io: CliIo, file: string, opts: { output: string; overwrite?: boolean; json?: boolean }): Promise<number> {
  const { workbook, assessment } = await openAssessment(file, io);
  const made = await makeRespondentCopies(workbook, assessment, file);
  if (!made.ok) throw new BadInput(made.issues);
  const targets = made.value.map((c) => ({ ...c, path: path.join(opts.output, c.file) }));
  if (!opts.overwrite) {
    const taken: InputIssue[] = [];
    for (const t of targets) if (await exists(t.path)) taken.push(issueOf("copies.exists", {}, t.path));
    if (taken.length > 0) throw new BadInput(taken);
  }
  const recorded = assessment.respondents.every((r, i) => r.copyId.trim() === made.value[i]?.copyId);
  const master = recorded ? null : await saveWorkbook(workbook);
  await fs.mkdir(opts.output, { recursive: true });
  for (const t of targets) await writeFileAtomic(t.path, t.bytes, io);
  if (master) await writeFileAtomic(file, master, io);
  if (opts.json) {
    io.out(JSON.stringify({ file, copies: targets.map((t) => ({ respondent: t.respondent, copyId: t.copyId, file: t.path })) }, null, 2));
    return EXIT.ok;
  }
  const L = langOf(io);
  io.out(mergeText("copies.cli.done", L, { count: targets.length, file: printable(file) }));
  for (const t of targets) io.out(mergeText("copies.cli.file", L, { respondent: printable(t.respondent), file: printable(t.path) }));
  return EXIT.ok;
}
