import { OVERALL_ROW, type RoundRecord } from "../../model/history.types.js";
import { roundText, type RoundMessageCode } from "../../model/messages/messages.round.js";
import { issueOf } from "../../model/messages/message.catalog.js";
import type { MessageParams } from "../../model/messages/message.types.js";
import { saveWorkbook } from "../../xlsx/xlsx.io.js";
import { closeRound, dayText } from "../../xlsx/xlsx.round.js";
import { BadInput, EXIT, outputTarget, writeFileAtomic, type CliIo } from "../cli.io.js";
import { langOf } from "../cli.lang.js";
import { fmt, printable, printWarnings } from "../cli.print.js";
import { openAssessment } from "../workbook.open.js";
import { sha256Hex } from "./seal.command.js";

/** What `round close` takes. */
export interface RoundCloseCliOptions {
  label?: string;
  date?: string;
  keepRatings?: boolean;
  output?: string;
  overwrite?: boolean;
}

/** A rounds message in the language `io` speaks, its parameters made printable. */
function sayRound(io: CliIo, code: RoundMessageCode, params: MessageParams = {}): void {
  const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? printable(v) : v]));
  io.out(roundText(code, langOf(io), shown));
}

/**
 * `qualigrid round close <file.xlsx> [--label L] [--date YYYY-MM-DD] [--keep-ratings] [-o out.xlsx]`:
 * records the round in the workbook's history and starts the next one (see `closeRound`). The date
 * and label are checked, and the new workbook built, before anything is written; the file (in place
 * by default) is replaced at once, so a refusal or a failure leaves it as it was.
 */
export async function roundCloseCommand(io: CliIo, file: string, opts: RoundCloseCliOptions): Promise<number> {
  const date = opts.date === undefined ? undefined : dayOf(opts.date);
  const target = await outputTarget(file, opts.output, opts.overwrite);
  const { workbook, assessment } = await openAssessment(file, io);
  const closed = await closeRound(
    workbook,
    assessment,
    {
      ...(opts.label === undefined ? {} : { label: opts.label }),
      ...(date ? { date } : {}),
      keepRatings: opts.keepRatings === true,
    },
    sha256Hex,
    file,
  );
  if (!closed.ok) throw new BadInput(closed.issues);
  printWarnings(io, closed.warnings);
  const { round, carried, seal } = closed.value;
  await writeFileAtomic(target, await saveWorkbook(closed.value.workbook, { carryFrom: workbook }), io);
  const L = langOf(io);
  sayRound(io, "round.closed", {
    label: round.label,
    date: dayText(round.date),
    file: target,
  });
  const overall = round.figures.find((f) => f.dimension === OVERALL_ROW);
  const provisional = overall && overall.completion < assessment.assessment.settings.completionThreshold ? roundText("round.provisional", L) : "";
  sayRound(io, "round.overall", {
    score: fmt(overall?.score ?? null, L),
    provisional,
  });
  for (const f of round.figures)
    if (f.dimension !== OVERALL_ROW)
      sayRound(io, "round.dimension", {
        id: f.dimension,
        score: fmt(f.score, L),
      });
  if (opts.keepRatings) sayRound(io, "round.startKept", { count: carried });
  else sayRound(io, "round.startBlank");
  sayRound(io, "round.carried", {
    evidence: assessment.evidence?.length ?? 0,
    actions: assessment.actions?.length ?? 0,
  });
  if (seal)
    sayRound(io, "round.sealDropped", {
      date: seal.date,
      reviewer: seal.reviewer,
    });
  return EXIT.ok;
}

/** One closed round as `round list --json` gives it. */
export interface RoundListEntry {
  label: string;
  /** `YYYY-MM-DD`. */
  date: string;
  templateId: string;
  version: string;
  /** The overall score when the round closed (0–100), null when nothing was scored. */
  overall: number | null;
  /** Overall score − the previous round's (points); null for the first round or when either is null. */
  change: number | null;
}

/** The closed rounds of a workbook, oldest first, with the change of the overall score from one to the next. */
export function roundList(history: readonly RoundRecord[]): RoundListEntry[] {
  let previous: number | null = null;
  return history.map((r, i) => {
    const overall = r.figures.find((f) => f.dimension === OVERALL_ROW)?.score ?? null;
    const change = i === 0 || overall === null || previous === null ? null : overall - previous;
    previous = overall;
    return {
      label: r.label,
      date: dayText(r.date),
      templateId: r.templateId,
      version: r.version,
      overall,
      change,
    };
  });
}

/** `qualigrid round list <file.xlsx> [--json]`: the closed rounds with their date, template version, overall score and change. */
export async function roundListCommand(io: CliIo, file: string, opts: { json?: boolean }): Promise<number> {
  const { assessment } = await openAssessment(file, io);
  const rounds = roundList(assessment.history ?? []);
  if (opts.json) {
    io.out(JSON.stringify({ file, rounds }, null, 2));
    return EXIT.ok;
  }
  if (rounds.length === 0) {
    sayRound(io, "round.list.none", { file });
    return EXIT.ok;
  }
  const L = langOf(io);
  const head = (["round.list.label", "round.list.date", "round.list.version", "round.list.overall", "round.list.change"] as const).map((c) => roundText(c, L));
  const signed = (n: number | null): string => (n === null ? "—" : `${n > 0 ? "+" : ""}${fmt(n, L)}`);
  const rows = rounds.map((r) => [printable(r.label), r.date, printable(r.version), fmt(r.overall, L), signed(r.change)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  // Label, date and version align left, figures right, as `score` prints its table.
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i < 3 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  io.out(line(head));
  for (const r of rows) io.out(line(r));
  return EXIT.ok;
}

/** `--date` as a UTC day; anything but a real `YYYY-MM-DD` is bad input naming it. */
function dayOf(text: string): Date {
  const t = text.trim();
  const d = new Date(`${t}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== t) {
    throw new BadInput([issueOf("round.badDate", { value: text }, "--date")]);
  }
  return d;
}
