import path from "node:path";
import { issueOf, issueText } from "../../model/messages/message.catalog.js";
import { NETWORK_MESSAGES, type NetworkMessageCode } from "../../model/messages/messages.network.js";
import type { MessageParams } from "../../model/messages/message.types.js";
import type { InputIssue, Lang } from "../../model/template.types.js";
import { aggregateNetwork, DEFAULT_MIN_GROUP } from "../../network/network.aggregate.js";
import { pickMembers } from "../../network/network.members.js";
import type { MemberScan, NetworkAggregate, SkippedInput } from "../../network/network.types.js";
import type { NetworkInput } from "../../xlsx/xlsx.network.book.js";
import { networkBookBytes } from "../../xlsx/xlsx.network.book.js";
import { reportsText, writeMemberReports } from "../aggregate/aggregate.reports.js";
import { INCOMPLETE } from "../../xlsx/xlsx.scan.js";
import { codeKey, keyFileOf, memberCode } from "../aggregate/aggregate.code.js";
import { inputFiles } from "../aggregate/aggregate.files.js";
import { inputLabels, issueWithLabel, withLabel } from "../aggregate/aggregate.labels.js";
import { CHANGING, type MemberRead } from "../aggregate/aggregate.member.js";
import { readMembers } from "../aggregate/aggregate.pool.js";
import { ProgressBar, type ProgressStream } from "../aggregate/aggregate.progress.js";
import { BadInput, EXIT, writeFileAtomic, type CliIo } from "../cli.io.js";
import { Cli, langOf } from "../cli.lang.js";
import { printable, printWarnings } from "../cli.print.js";

/** A message of the network section in `lang`, its parameters made printable. */
export function networkText(code: NetworkMessageCode, lang: Lang, params: MessageParams = {}): string {
  const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? printable(v) : v]));
  return NETWORK_MESSAGES[code][lang](shown);
}

/** `aggregate`'s options as commander gives them. */
export interface AggregateOptions {
  output: string;
  json?: boolean;
  key?: string;
  names?: boolean;
  minGroup?: string;
  memberReports?: string;
}

/**
 * `qualigrid aggregate <files or folders…> -o reseau.xlsx [--json] [--key K] [--names] [--min-group 5]`:
 * reads every workbook given (folders walked) on every core, leaves out with its reason each one that
 * cannot count (unreadable, foreign, another template, an older round of a member), and writes the
 * network's figures (design.md "Network aggregate") as a workbook, and as JSON on standard output
 * with `--json`. Members appear by code unless `--names`. Progress and the summary go to standard error.
 */
export async function aggregateCommand(io: CliIo, inputs: readonly string[], opts: AggregateOptions, progress: ProgressStream = process.stderr): Promise<number> {
  let lang = langOf(io);
  const started = Date.now();
  const minGroup = opts.minGroup === undefined ? DEFAULT_MIN_GROUP : Number(opts.minGroup);
  if (!Number.isInteger(minGroup) || minGroup < 1) throw new BadInput([issueOf("network.badMinGroup", { value: opts.minGroup ?? "" }, "--min-group")]);
  const keyFile = keyFileOf(opts.output);
  const key = opts.names ? { ok: true as const, key: "", created: false } : await codeKey(opts.key, keyFile);
  if (!key.ok) throw new BadInput([issueOf("network.badKeyFile", { file: keyFile }, keyFile)]);

  const walked = await inputFiles(inputs);
  const bar = new ProgressBar(progress, walked.files.length);
  let done = 0;
  const reads = await readMembers(walked.files, () => bar.update(++done, networkText("network.progress", lang, { done, total: walked.files.length })));
  bar.end();

  const scans = reads.flatMap((read) => (read.ok ? [read.scan] : []));
  // As a command that opens one workbook speaks its language: the members' (most of them), unless `--lang` says.
  const membersLang = mostCommon(scans.flatMap((s) => (s.lang ? [s.lang] : [])));
  if (io instanceof Cli && (membersLang === "fr" || membersLang === "en")) {
    io.workbookOpened(membersLang);
    lang = langOf(io);
  }
  // Reasons are worded once the language is known.
  const skipped: SkippedInput[] = walked.skipped.map((s) => ({ file: s.file, reason: networkText(s.reason, lang) }));
  // Each warning with the input it is about (named on the console by its label only).
  const warnings: { file: string | null; issue: InputIssue }[] = [];
  for (const read of reads) {
    if (read.ok) warnings.push(...read.warnings.map((issue) => ({ file: read.scan.file, issue })));
    else skipped.push({ file: read.file, reason: reasonOf(read, lang) });
  }
  const allFiles = [...walked.files, ...walked.skipped.map((s) => s.file)];
  const templateId = mostCommon(scans.map((s) => s.templateId));
  const network: MemberScan[] = [];
  for (const s of scans) {
    if (s.templateId !== templateId) skipped.push({ file: s.file, reason: networkText("network.otherTemplate", lang, { id: s.templateId, network: templateId ?? "" }) });
    else network.push(s);
  }
  if (network.length === 0) {
    printSkipped(io, skipped, lang, inputLabels(allFiles, new Map(), opts.names === true, lang));
    throw new BadInput([issueOf("network.noMembers", {}, inputs.join(", "))]);
  }
  for (const s of network) {
    if (s.organization !== "") continue;
    // A workbook without an organization name is coded from its file name (design.md), said once per file.
    s.organization = path.basename(s.file, path.extname(s.file));
    warnings.push({ file: s.file, issue: issueOf("network.noOrganization", {}, s.file, "warning") });
  }
  const picked = pickMembers(network, (s) => (opts.names ? s.organization : memberCode(key.key, s.organization, s.templateId)));
  for (const s of picked.skipped) skipped.push({ file: s.file, reason: networkText("network.olderRound", lang) });
  const aggregate = aggregateNetwork(picked.members, skipped, minGroup);
  if (aggregate.template.versions.length > 1) {
    warnings.push({ file: null, issue: issueOf("network.otherVersions", { id: aggregate.template.id, versions: aggregate.template.versions.join(", ") }, opts.output, "warning") });
  }

  // Inputs appear by their label, never by their file (unless --names): a file is often named after its organization.
  const labels = inputLabels(allFiles, new Map(picked.members.map((m) => [m.scan.file, m.code])), opts.names === true, lang);
  const labelOf = (file: string): string => labels.get(file) ?? file;
  const memberFiles = new Set(picked.members.map((m) => m.scan.file));
  const listed: NetworkInput[] = [
    ...[...memberFiles].map((file) => ({ file, status: "member" as const, reason: "" })),
    ...skipped.map((s) => ({ file: s.file, status: "skipped" as const, reason: s.reason })),
  ]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((i) => ({ ...i, file: labelOf(i.file), reason: withLabel(i.reason, i.file, labelOf(i.file)) }));
  await writeFileAtomic(opts.output, await networkBookBytes(aggregate, listed, lang), io);
  const reports = opts.memberReports === undefined ? null : await writeMemberReports(opts.memberReports, aggregate, picked.members, lang, io);
  if (opts.json) io.out(JSON.stringify(aggregateJson(aggregate), null, 2));

  printWarnings(
    io,
    warnings.map((w) => (w.file === null ? w.issue : issueWithLabel(w.issue, w.file, labelOf(w.file)))),
  );
  printSkipped(io, skipped, lang, labels);
  if (key.created) io.err(networkText("network.keyCreated", lang, { file: keyFile }));
  io.err(networkText("network.written", lang, { file: opts.output }));
  if (reports !== null) io.err(reportsText("networkReports.written", lang, { count: reports, dir: opts.memberReports ?? "" }));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.err(networkText("network.summary", lang, { read: scans.length, members: picked.members.length, skipped: skipped.length, seconds }));
  return EXIT.ok;
}

/** The `aggregate --json` shape of design.md (with the minimum group and the criteria most often below target). */
export function aggregateJson(a: NetworkAggregate): unknown {
  const stats = ({ n, mean, median, q1, q3, min, max, suppressed }: NetworkAggregate["overall"]["completion"]) => ({ n, mean, median, q1, q3, min, max, suppressed });
  return {
    template: a.template,
    members: a.members,
    skipped: a.skipped,
    minGroup: a.minGroup,
    overall: { ...stats(a.overall), completion: stats(a.overall.completion), coverage: stats(a.overall.coverage) },
    dimensions: a.dimensions.map((d) => ({ id: d.id, ...stats(d), completion: stats(d.completion), coverage: stats(d.coverage) })),
    criteria: a.criteria,
    mostBelowTarget: a.mostBelowTarget,
  };
}

/** Why a file was left out, in `lang`: a zip cut short or a file changing as « still being written ». */
function reasonOf(read: Extract<MemberRead, { ok: false }>, lang: Lang): string {
  const detail = read.issue.params?.detail;
  if (read.issue.code === "file.corrupt" && (detail === INCOMPLETE || detail === CHANGING)) return networkText("network.incomplete", lang);
  if (read.issue.code === "file.unopenable") return networkText("network.unreadable", lang, { detail: String(detail ?? "") });
  return printable(issueText(read.issue, lang));
}

/** The skipped inputs, each by its label (`inputLabels`), with its reason. */
function printSkipped(io: CliIo, skipped: readonly SkippedInput[], lang: Lang, labels: ReadonlyMap<string, string>): void {
  for (const s of skipped) {
    const label = labels.get(s.file) ?? s.file;
    io.err(networkText("network.skippedLine", lang, { file: label, reason: withLabel(s.reason, s.file, label) }));
  }
}

/** The value found most often (the first of those found as often); undefined for none. */
function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = v;
  return best;
}
