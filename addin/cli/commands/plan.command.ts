import { actionsFromGaps } from "../../actions/actions.fromGaps.js";
import { appendActions } from "../../xlsx/xlsx.actions.js";
import { saveWorkbook } from "../../xlsx/xlsx.io.js";
import { BadInput, EXIT, outputTarget, writeFileAtomic, type CliIo } from "../cli.io.js";
import { langOf } from "../cli.lang.js";
import { cliIssue, fmt, say } from "../cli.print.js";
import { openAssessment } from "../workbook.open.js";

/**
 * `qualigrid plan <file.xlsx> [-o out.xlsx] [--dry-run] [--json]`: adds to the action plan one row
 * per criterion below its target that no action names yet, highest priority first — the rows the
 * task pane's « Ajouter au plan d'action » adds. Nothing is written when nothing is to be added,
 * with `--dry-run`, or when the plan cannot take the rows.
 */
export async function planCommand(
  io: CliIo,
  file: string,
  opts: { output?: string; overwrite?: boolean; dryRun?: boolean; json?: boolean },
): Promise<number> {
  const target = opts.dryRun ? file : await outputTarget(file, opts.output, opts.overwrite);
  const { workbook, assessment } = await openAssessment(file, io);
  const candidates = actionsFromGaps(assessment);
  let added = 0;
  if (candidates.length > 0 && !opts.dryRun) {
    const appended = appendActions(workbook, candidates);
    if (!appended.ok) {
      throw new BadInput([
        appended.code === "protected"
          ? cliIssue("cli.plan.protected", file, { sheet: appended.detail })
          : cliIssue("cli.plan.noActionPlan", file, { table: appended.detail }),
      ]);
    }
    added = appended.added;
    await writeFileAtomic(target, await saveWorkbook(workbook), io);
  }
  if (opts.json) {
    const actions = candidates.map((c) => ({ criterion: c.criterion, dimension: c.dimension, gap: c.gap, priority: c.priority }));
    io.out(JSON.stringify({ file: opts.dryRun ? null : target, added, actions }, null, 2));
    return EXIT.ok;
  }
  if (candidates.length === 0) {
    say(io, "cli.plan.nothing");
    return EXIT.ok;
  }
  const count = candidates.length;
  if (opts.dryRun) say(io, "cli.plan.toAdd", { count });
  else say(io, "cli.plan.added", { count, file: target });
  const L = langOf(io);
  const width = Math.max(...candidates.map((c) => c.criterion.length));
  for (const c of candidates) {
    say(io, "cli.plan.line", { criterion: c.criterion.padEnd(width), dimension: c.dimension, gap: fmt(c.gap, L), priority: fmt(c.priority, L) });
  }
  return EXIT.ok;
}
