import { actionsFromGaps } from "../../actions/actions.fromGaps.js";
import { appendActions } from "../../xlsx/xlsx.actions.js";
import { saveWorkbook } from "../../xlsx/xlsx.io.js";
import { BadInput, EXIT, writeFileAtomic, type CliIo } from "../cli.io.js";
import { fmt } from "../cli.print.js";
import { openAssessment } from "../workbook.open.js";

/**
 * `qualigrid plan <file.xlsx> [-o out.xlsx] [--dry-run] [--json]`: adds to the action plan one row
 * per criterion below its target that no action names yet, highest priority first — the rows the
 * task pane's « Ajouter au plan d'action » adds. Nothing is written when nothing is to be added,
 * with `--dry-run`, or when the plan cannot take the rows.
 */
export async function planCommand(io: CliIo, file: string, opts: { output?: string; dryRun?: boolean; json?: boolean }): Promise<number> {
  const { workbook, assessment } = await openAssessment(file, io);
  const fr = assessment.lang === "fr";
  const candidates = actionsFromGaps(assessment);
  const target = opts.output ?? file;
  let added = 0;
  if (candidates.length > 0 && !opts.dryRun) {
    const appended = appendActions(workbook, candidates);
    if (!appended.ok) {
      const message =
        appended.code === "protected"
          ? fr
            ? `la feuille « ${appended.detail} » du plan d'action est protégée : ôtez la protection, puis recommencez`
            : `the action plan's sheet "${appended.detail}" is protected: unprotect it and try again`
          : fr
            ? `n'a pas de plan d'action (table ${appended.detail}) : créez un classeur avec \`qualigrid new\`, ou rétablissez la table`
            : `has no action plan (table ${appended.detail}): create a workbook with \`qualigrid new\`, or restore the table`;
      throw new BadInput([{ path: file, message, severity: "error" }]);
    }
    added = appended.added;
    await writeFileAtomic(target, await saveWorkbook(workbook));
  }
  if (opts.json) {
    const actions = candidates.map((c) => ({ criterion: c.criterion, dimension: c.dimension, gap: c.gap, priority: c.priority }));
    io.out(JSON.stringify({ file: opts.dryRun ? null : target, added, actions }, null, 2));
    return EXIT.ok;
  }
  if (candidates.length === 0) {
    io.out(fr ? "Aucune action à ajouter : chaque critère sous sa cible a déjà une action." : "No action to add: every criterion below its target already has one.");
    return EXIT.ok;
  }
  const n = candidates.length;
  io.out(
    opts.dryRun
      ? fr
        ? `${n} action${n > 1 ? "s" : ""} à ajouter au plan d'action (rien n'est écrit) :`
        : `${n} action${n > 1 ? "s" : ""} to add to the action plan (nothing written):`
      : fr
        ? `${n} action${n > 1 ? "s" : ""} ajoutée${n > 1 ? "s" : ""} au plan d'action de ${target} :`
        : `${n} action${n > 1 ? "s" : ""} added to the action plan of ${target}:`,
  );
  const width = Math.max(...candidates.map((c) => c.criterion.length));
  for (const c of candidates) {
    io.out(`  ${c.criterion.padEnd(width)}  ${c.dimension}  ${fr ? "écart" : "gap"} ${fmt(c.gap)}  ${fr ? "priorité" : "priority"} ${fmt(c.priority)}`);
  }
  return EXIT.ok;
}
