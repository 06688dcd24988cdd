import path from "node:path";
import type { UpgradeSummary } from "../../host/host.outcomes.js";
import { upgradeRefusal } from "../../model/template.version.js";
import { saveWorkbook } from "../../xlsx/xlsx.io.js";
import { upgradeWorkbook } from "../../xlsx/xlsx.upgrade.js";
import { BadInput, EXIT, outputTarget, writeFileAtomic, type CliIo } from "../cli.io.js";
import type { CliMessageCode } from "../../model/messages/messages.cli.js";
import { langOf } from "../cli.lang.js";
import { cliIssue, cliText, fmt, printable, printWarnings, PRINTED_ISSUES, say } from "../cli.print.js";
import { upgradeText } from "../../model/messages/messages.upgrade.js";
import { parseRespondentList } from "../../model/respondent.names.js";
import { respondentsIssue, sayRespondents } from "../respondents.print.js";
import { resolveTemplate } from "../template.resolve.js";
import { openAssessment } from "../workbook.open.js";

/**
 * `qualigrid upgrade <file.xlsx> [--template <new>] [--respondents "A,B"] [-o out.xlsx] [--force]
 * [--json]`: applies a new version of the workbook's template without losing an answer (see
 * `upgradeWorkbook`), and/or sets its respondents (the same template re-rendered). Everything is
 * checked and built before anything is written; the file is replaced at once.
 */
export async function upgradeCommand(
  io: CliIo,
  file: string,
  opts: { template?: string; respondents?: string; output?: string; overwrite?: boolean; force?: boolean; json?: boolean },
): Promise<number> {
  if (opts.template === undefined && opts.respondents === undefined) throw new BadInput([respondentsIssue("cli.upgrade.needsTemplate", "--template")]);
  const respondents = opts.respondents === undefined ? undefined : parseRespondentList(opts.respondents, "--respondents");
  if (respondents && !respondents.ok) throw new BadInput(respondents.issues);
  const target = await outputTarget(file, opts.output, opts.overwrite);
  if (path.extname(target).toLowerCase() !== ".xlsx") {
    throw new BadInput([cliIssue("cli.output.notXlsx", target)]);
  }
  const { workbook, assessment } = await openAssessment(file, io);
  const from = assessment.template;
  // Without --template, the workbook's own template: only the respondents change.
  const { template, warnings } = opts.template === undefined ? { template: from, warnings: [] } : await resolveTemplate(opts.template);
  printWarnings(io, warnings);
  const refusal = opts.force || opts.template === undefined ? null : upgradeRefusal(from, template);
  if (refusal === "otherTemplate") {
    throw new BadInput([cliIssue("cli.upgrade.otherTemplate", opts.template ?? file, { id: template.id, file, from: from.id })]);
  }
  if (refusal === "notHigher") {
    throw new BadInput([cliIssue("cli.upgrade.notHigher", opts.template ?? file, { version: template.version, from: from.version })]);
  }
  const done = await upgradeWorkbook(workbook, assessment, template, respondents ? { respondents: respondents.value } : undefined);
  if (!done.ok) throw new BadInput(done.issues);
  const { workbook: upgraded, summary } = done.value;
  await writeFileAtomic(target, await saveWorkbook(upgraded, { carryFrom: workbook }), io);
  const names = respondents ? { respondents: respondents.value } : {};
  if (opts.json) io.out(JSON.stringify({ file: target, ...summary, ...names }, null, 2));
  else {
    // Only the respondents changed: the criteria, all kept, are not listed; what needs a look still is.
    const worthSaying = summary.review.length + summary.notesMoved.length + summary.formulasAsValues.length + (summary.chartsLeft?.length ?? 0) > 0;
    if (opts.template !== undefined || worthSaying) printSummary(io, target, summary);
    if (respondents) sayRespondents(io, "cli.upgrade.respondents", { file: target, list: respondents.value.join(", ") });
  }
  return EXIT.ok;
}

/**
 * The formulas of carried cells: those moved with their row, then those kept as values, one per line
 * with the old formula (the first `PRINTED_ISSUES`, then a count), so that the user can type them again.
 */
function printFormulas(io: CliIo, s: UpgradeSummary): void {
  const L = langOf(io);
  const text = (code: Parameters<typeof upgradeText>[0], params: Record<string, string | number>): string =>
    upgradeText(code, L, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? printable(v) : v])));
  if (s.formulasMoved.length > 0) {
    const shown = s.formulasMoved.slice(0, PRINTED_ISSUES).join(", ");
    const more = s.formulasMoved.length > PRINTED_ISSUES ? ", …" : "";
    io.out(text("upgrade.cli.formulasMoved", { count: s.formulasMoved.length, list: ` (${shown}${more})` }));
  }
  if (s.formulasAsValues.length === 0) return;
  io.out(text("upgrade.cli.formulasAsValues", { count: s.formulasAsValues.length, sheet: s.notesSheet ?? "" }));
  for (const f of s.formulasAsValues.slice(0, PRINTED_ISSUES)) io.out(text("upgrade.cli.formulaAsValue", { cell: f.cell, formula: f.formula }));
  if (s.formulasAsValues.length > PRINTED_ISSUES) io.out(text("upgrade.cli.formulasMore", { count: s.formulasAsValues.length - PRINTED_ISSUES, sheet: s.notesSheet ?? "" }));
}

/**
 * The references of the user's charts re-pointed to their table column's new rows, then those left
 * as they were on a sheet whose tables changed size, one per line (the first `PRINTED_ISSUES`, then a
 * count): all of them are on the notes sheet.
 */
function printCharts(io: CliIo, s: UpgradeSummary): void {
  const L = langOf(io);
  const text = (code: Parameters<typeof upgradeText>[0], params: Record<string, string | number>): string =>
    upgradeText(code, L, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? printable(v) : v])));
  const moved = s.chartsMoved ?? [];
  if (moved.length > 0) {
    const shown = moved.slice(0, PRINTED_ISSUES).map((m) => `${m.from} → ${m.to}`).join(", ");
    io.out(text("upgrade.cli.chartsMoved", { count: moved.length, list: ` (${shown}${moved.length > PRINTED_ISSUES ? ", …" : ""})` }));
  }
  const left = s.chartsLeft ?? [];
  if (left.length === 0) return;
  io.out(text("upgrade.cli.chartsLeft", { count: left.length, sheet: s.notesSheet ?? "" }));
  for (const c of left.slice(0, PRINTED_ISSUES)) io.out(text("upgrade.cli.chartLeft", { sheet: c.sheet, formula: c.formula }));
  if (left.length > PRINTED_ISSUES) io.out(text("upgrade.cli.chartsMore", { count: left.length - PRINTED_ISSUES, sheet: s.notesSheet ?? "" }));
}

/**
 * The criteria that took over others' answers, then the old answers left for review, one per line
 * (the first `PRINTED_ISSUES`, then a count): all of them are on the notes sheet.
 */
function printReview(io: CliIo, s: UpgradeSummary): void {
  const L = langOf(io);
  const text = (code: Parameters<typeof upgradeText>[0], params: Record<string, string | number>): string =>
    upgradeText(code, L, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? printable(v) : v])));
  if (s.replaced.length > 0) {
    const list = s.replaced.map((r) => `${r.id} ← ${r.from.join(" + ")}`).join(", ");
    io.out(text("upgrade.cli.replaced", { count: s.replaced.length, list: ` (${list})` }));
  }
  if (s.review.length === 0) return;
  const sheet = s.notesSheet ?? "";
  io.out(text("upgrade.cli.review", { count: s.review.length, sheet }));
  for (const r of s.review.slice(0, PRINTED_ISSUES)) {
    const label = r.label !== "" ? ` (${r.label})` : "";
    io.out(text("upgrade.cli.reviewItem", { criterion: r.criterion, from: r.from, column: r.column, value: String(r.value), label, reason: upgradeText(`upgrade.reason.${r.reason}`, L) }));
  }
  if (s.review.length > PRINTED_ISSUES) io.out(text("upgrade.cli.reviewMore", { count: s.review.length - PRINTED_ISSUES, sheet }));
}

/** The summary, in the language `io` speaks: what happened to each criterion, then each dimension's score. */
function printSummary(io: CliIo, target: string, s: UpgradeSummary): void {
  const L = langOf(io);
  const counted = (code: CliMessageCode, ids: string[], more: Record<string, string> = {}): void =>
    say(io, code, { count: ids.length, list: ids.length > 0 ? ` (${ids.join(", ")})` : "", ...more });
  say(io, "cli.upgrade.heading", { from: `${s.from.id} ${s.from.version}`, to: `${s.to.id} ${s.to.version}`, file: target });
  counted("cli.upgrade.kept", s.kept);
  counted("cli.upgrade.updated", s.updated);
  if (s.archiveSheet) counted("cli.upgrade.archivedTo", s.archived, { sheet: s.archiveSheet });
  else counted("cli.upgrade.archived", s.archived);
  counted("cli.upgrade.added", s.added);
  printReview(io, s);
  if (s.columnsCopied.length > 0) say(io, "cli.upgrade.columnsCopied", { list: s.columnsCopied.join(", ") });
  if (s.sheetsCopied.length > 0) say(io, "cli.upgrade.sheetsCopied", { list: s.sheetsCopied.join(", ") });
  if (s.notesKept.length > 0) say(io, "cli.upgrade.notesKept", { list: s.notesKept.join(", ") });
  if (s.notesMoved.length > 0) say(io, "cli.upgrade.notesMoved", { list: s.notesMoved.join(", "), sheet: s.notesSheet ?? "" });
  printFormulas(io, s);
  printCharts(io, s);
  if (s.dimensions.length === 0) return;
  say(io, "cli.upgrade.scores");
  const width = Math.max(...s.dimensions.map((d) => d.id.length));
  for (const d of s.dimensions) {
    const reasons = [
      ...(d.archived.length > 0 ? [cliText("cli.upgrade.whyArchived", L, { list: d.archived.join(", ") })] : []),
      ...(d.added.length > 0 ? [cliText("cli.upgrade.whyAdded", L, { list: d.added.join(", ") })] : []),
      ...(d.updated.length > 0 ? [cliText("cli.upgrade.whyUpdated", L, { list: d.updated.join(", ") })] : []),
    ];
    const why = reasons.length > 0 ? cliText("cli.upgrade.why", L, { reasons: reasons.join("; ") }) : "";
    say(io, "cli.upgrade.dimension", { id: d.id.padEnd(width), before: fmt(d.before, L), after: fmt(d.after, L), why });
  }
}
