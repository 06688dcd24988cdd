import { textOf } from "../../model/text.js";
import { scoreAssessment } from "../../scoring/assessment.score.js";
import type { AssessmentResult, ScoreFigures } from "../../scoring/scoring.types.js";
import { messageText } from "../../model/messages/message.catalog.js";
// `score`'s words about respondents: registered in the catalogue.
import "../../model/messages/messages.score.js";
import { EXIT, type CliIo } from "../cli.io.js";
import type { Lang } from "../../model/template.types.js";
import type { CliMessageCode } from "../../model/messages/messages.cli.js";
import { langOf } from "../cli.lang.js";
import { cliText, fmt, pct, printable, say } from "../cli.print.js";
import { openAssessment } from "../workbook.open.js";
import { stepsLines } from "../steps.print.js";
import { evaluatorLines } from "../evaluator.print.js";
import { settingsText } from "./set.command.js";

/**
 * The `score --json` shape of design.md (overall also carries target, gap and coverage). A
 * workbook that names its respondents also gets, at the top, their names and, per dimension and
 * overall, each one's own figures and the count of criteria « à discuter »; today's unnamed
 * one-respondent workbook prints what it printed before, plus, per dimension and overall, the
 * evaluator's figures (design.md "The evaluator") when the grid has the evaluator's columns.
 */
export function scoreJson(templateId: string, version: string, result: AssessmentResult): unknown {
  const named = result.overall.respondents.some((r) => r.name !== "");
  // Once the evaluator has rated or accepted something, the reviewed coverage too: a workbook not yet reviewed prints what it printed before.
  const reviewed = result.criteria.some((c) => c.evaluatorRating.kind === "level" || c.evaluatorRating.kind === "na") || (result.overall.reviewedCoverage ?? 0) > 0;
  const extra = (f: ScoreFigures) => ({
    ...(named ? { respondents: f.respondents.map((r) => ({ name: r.name, score: r.score, answered: r.answered })), toDiscuss: f.toDiscuss } : {}),
    ...evaluatorJson(f, reviewed),
  });
  return {
    template: { id: templateId, version },
    ...(named ? { respondents: result.overall.respondents.map((r) => r.name) } : {}),
    overall: {
      score: result.overall.score,
      completion: result.overall.completion,
      target: result.overall.target,
      gap: result.overall.gap,
      evidenceCoverage: result.overall.evidenceCoverage,
      provisional: result.overall.provisional,
      requiredNotMet: result.overall.requiredNotMet,
      ...extra(result.overall),
    },
    dimensions: result.dimensions.map((d) => ({
      id: d.id,
      score: d.score,
      target: d.target,
      gap: d.gap,
      answered: d.answered,
      notApplicable: d.notApplicable,
      total: d.total,
      completion: d.completion,
      evidenceCoverage: d.evidenceCoverage,
      requiredNotMet: d.requiredNotMet,
      themes: d.themes.map((th) => ({ id: th.id, score: th.score, answered: th.answered, total: th.total })),
      ...extra(d),
    })),
  };
}

/**
 * The evaluator's figures of design.md, nulls inside where nothing is rated, and beside them, once
 * the review has started (`reviewed`), the reviewed coverage; nothing when the grid has no evaluator.
 */
function evaluatorJson(f: ScoreFigures, reviewed: boolean): { evaluator?: unknown; reviewedCoverage?: number | null } {
  const e = f.evaluator;
  if (e === null) return {};
  return {
    evaluator: { score: e.score, gap: e.gap, answered: e.answered, both: e.both, withinTolerance: e.withinTolerance, meanAbsDiff: e.meanAbsDiff },
    ...(reviewed ? { reviewedCoverage: f.reviewedCoverage } : {}),
  };
}

const HEADINGS: CliMessageCode[] = [
  "cli.score.dimension",
  "cli.score.title",
  "cli.score.score",
  "cli.score.target",
  "cli.score.gap",
  "cli.score.completion",
  "cli.score.evidence",
];

/**
 * `qualigrid score <file.xlsx> [--json]`: the scores the engine computes from the workbook's
 * answers; the table is in the language the command line speaks, each dimension by id and title.
 */
export async function scoreCommand(io: CliIo, file: string, opts: { json?: boolean }): Promise<number> {
  const { assessment: wb } = await openAssessment(file, io);
  const { template } = wb;
  const result = scoreAssessment(wb.assessment);
  if (opts.json) {
    io.out(JSON.stringify(scoreJson(template.id, template.version, result), null, 2));
    return EXIT.ok;
  }
  const L = langOf(io);
  const o = result.overall;
  const t = (code: CliMessageCode): string => cliText(code, L);
  const titles = new Map(template.dimensions.map((d) => [d.id, printable(textOf(d.title, wb.lang))]));
  io.out(`${printable(textOf(template.title, wb.lang))} (${template.id} ${template.version})`);
  const head = HEADINGS.map(t);
  const figures = (d: { score: number | null; target: number; gap: number | null; completion: number; evidenceCoverage: number | null }): string[] => [
    fmt(d.score, L),
    fmt(d.target, L, 0),
    fmt(d.gap, L),
    pct(d.completion, L),
    pct(d.evidenceCoverage, L),
  ];
  const themeTitles = new Map(template.dimensions.flatMap((d) => (d.themes ?? []).map((th) => [`${d.id}/${th.id}`, printable(textOf(th.title, wb.lang))] as const)));
  // A dimension's themes follow it, indented, with their score only.
  const rows = result.dimensions.flatMap((d) => [
    [d.id, titles.get(d.id) ?? "", ...figures(d)],
    ...d.themes.map((th) => [`  ${th.id}`, `  ${themeTitles.get(`${d.id}/${th.id}`) ?? ""}`, fmt(th.score, L), "", "", pct(th.total > 0 ? th.answered / th.total : 0, L), ""]),
  ]);
  // Below the workbook's completion threshold the overall result is provisional (design.md "Scoring").
  const overall = o.provisional ? `${t("cli.score.overall")} (${settingsText("settings.provisional", L)})` : t("cli.score.overall");
  rows.push([overall, "", ...figures(o)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  // Ids and titles align left, figures right.
  const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ").trimEnd();
  io.out(line(head));
  for (const r of rows) io.out(line(r));
  if (o.respondents.length > 1) for (const l of respondentLines(result, L)) io.out(l);
  if (o.respondents.length > 1) {
    const ids = result.criteria.filter((c) => c.toDiscuss).map((c) => c.id);
    io.out(words("score.toDiscuss", L, { count: ids.length, ids: ids.join(", ") }));
  }
  for (const l of evaluatorLines(result, wb.assessment.settings.agreementTolerance, L)) io.out(l);
  say(io, "cli.score.footer", { answered: o.answered, notApplicable: o.notApplicable, total: o.total });
  if (template.dimensions.some((d) => d.criteria.some((c) => c.required === true))) {
    const unmet = result.criteria.filter((c) => c.requiredNotMet).map((c) => c.id);
    say(io, "cli.score.requiredNotMet", { count: unmet.length, ids: unmet.join(", ") });
  }
  // The process steps (`QG_Steps`): where the organization stands, for a template that has them.
  for (const l of stepsLines(wb.assessment, L)) io.out(l);
  if (o.provisional) {
    io.out(settingsText("settings.provisionalNote", L, { completion: pct(o.completion, L), threshold: pct(wb.assessment.settings.completionThreshold, L) }));
  }
  return EXIT.ok;
}

/** A `score` text of the catalogue in `lang`. */
function words(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
  return messageText(code, params, lang) ?? code;
}

/**
 * With several respondents: under a heading, a table of each respondent's own score per dimension
 * and overall (a column per respondent, in their order), with each row's count « à discuter ».
 */
function respondentLines(result: AssessmentResult, L: Lang): string[] {
  const names = result.overall.respondents.map((r) => printable(r.name));
  const head = [cliText("cli.score.dimension", L), ...names, words("score.toDiscussHeading", L)];
  const row = (id: string, f: ScoreFigures): string[] => [id, ...f.respondents.map((r) => fmt(r.score, L)), String(f.toDiscuss)];
  const rows = [...result.dimensions.map((d) => row(d.id, d)), row(cliText("cli.score.overall", L), result.overall)];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  // The dimension aligns left, figures right, as in the table above.
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ").trimEnd();
  return [words("score.respondentsHeading", L), line(head), ...rows.map(line)];
}
