import { textOf } from "../../model/text.js";
import { scoreAssessment } from "../../scoring/assessment.score.js";
import type { AssessmentResult } from "../../scoring/scoring.types.js";
import { EXIT, type CliIo } from "../cli.io.js";
import { fmt, pct } from "../cli.print.js";
import { openAssessment } from "../workbook.open.js";

/** The `score --json` shape of design.md (overall also carries target, gap and coverage). */
export function scoreJson(templateId: string, version: string, result: AssessmentResult): unknown {
  return {
    template: { id: templateId, version },
    overall: {
      score: result.overall.score,
      completion: result.overall.completion,
      target: result.overall.target,
      gap: result.overall.gap,
      evidenceCoverage: result.overall.evidenceCoverage,
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
    })),
  };
}

/** `qualigrid score <file.xlsx> [--json]`: the scores the engine computes from the workbook's answers. */
export async function scoreCommand(io: CliIo, file: string, opts: { json?: boolean }): Promise<number> {
  const { assessment: wb } = await openAssessment(file, io);
  const { template } = wb;
  const result = scoreAssessment(wb.assessment);
  if (opts.json) {
    io.out(JSON.stringify(scoreJson(template.id, template.version, result), null, 2));
    return EXIT.ok;
  }
  const fr = wb.lang === "fr";
  const o = result.overall;
  io.out(`${textOf(template.title, wb.lang)} (${template.id} ${template.version})`);
  const head = fr
    ? ["Dimension", "Score", "Cible", "Écart", "Complétude", "Preuves"]
    : ["Dimension", "Score", "Target", "Gap", "Completion", "Evidence"];
  const rows = result.dimensions.map((d) => [d.id, fmt(d.score), fmt(d.target, 0), fmt(d.gap), pct(d.completion), pct(d.evidenceCoverage)]);
  rows.push([fr ? "Global" : "Overall", fmt(o.score), fmt(o.target, 0), fmt(o.gap), pct(o.completion), pct(o.evidenceCoverage)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  io.out(line(head));
  for (const r of rows) io.out(line(r));
  io.out(
    fr
      ? `${o.answered} critères évalués, ${o.notApplicable} sans objet, sur ${o.total}.`
      : `${o.answered} criteria scored, ${o.notApplicable} not applicable, out of ${o.total}.`,
  );
  return EXIT.ok;
}
