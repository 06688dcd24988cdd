import path from "node:path";
import type { UpgradeSummary } from "../../host/host.outcomes.js";
import { upgradeRefusal } from "../../model/template.version.js";
import { saveWorkbook } from "../../xlsx/xlsx.io.js";
import { upgradeWorkbook } from "../../xlsx/xlsx.upgrade.js";
import { BadInput, EXIT, writeFileAtomic, type CliIo } from "../cli.io.js";
import { printWarnings } from "../cli.print.js";
import { resolveTemplate } from "../template.resolve.js";
import { openAssessment } from "../workbook.open.js";

/**
 * `qualigrid upgrade <file.xlsx> --template <new> [-o out.xlsx] [--force] [--json]`: applies a new
 * version of the workbook's template without losing an answer (see `upgradeWorkbook`). Everything is
 * checked and built before anything is written; the file is replaced at once.
 */
export async function upgradeCommand(
  io: CliIo,
  file: string,
  opts: { template: string; output?: string; force?: boolean; json?: boolean },
): Promise<number> {
  const target = opts.output ?? file;
  if (path.extname(target).toLowerCase() !== ".xlsx") {
    throw new BadInput([{ path: target, message: "the output must be an .xlsx file", severity: "error" }]);
  }
  const { workbook, assessment } = await openAssessment(file, io);
  const { template, warnings } = await resolveTemplate(opts.template);
  printWarnings(io, warnings);
  const from = assessment.template;
  const refusal = opts.force ? null : upgradeRefusal(from, template);
  if (refusal === "otherTemplate") {
    throw new BadInput([
      { path: opts.template, message: `is template ${template.id}, but ${file} holds ${from.id}; add --force to apply it anyway`, severity: "error" },
    ]);
  }
  if (refusal === "notHigher") {
    throw new BadInput([
      {
        path: opts.template,
        message: `version ${template.version} is not higher than the workbook's version ${from.version}; add --force to apply it anyway`,
        severity: "error",
      },
    ]);
  }
  const { workbook: upgraded, summary } = await upgradeWorkbook(workbook, assessment, template);
  await writeFileAtomic(target, await saveWorkbook(upgraded));
  if (opts.json) io.out(JSON.stringify({ file: target, ...summary }, null, 2));
  else printSummary(io, target, summary);
  return EXIT.ok;
}

function printSummary(io: CliIo, target: string, s: UpgradeSummary): void {
  const line = (label: string, ids: string[]): string => `  ${label}: ${ids.length}${ids.length > 0 ? ` (${ids.join(", ")})` : ""}`;
  io.out(`Upgraded ${s.from.id} ${s.from.version} → ${s.to.id} ${s.to.version}: ${target}`);
  io.out(line("kept", s.kept));
  io.out(line("updated", s.updated));
  io.out(line("archived", s.archived) + (s.archiveSheet ? ` → sheet ${s.archiveSheet}` : ""));
  io.out(line("added", s.added));
  if (s.columnsCopied.length > 0) io.out(`  grid columns carried over: ${s.columnsCopied.join(", ")}`);
  if (s.sheetsCopied.length > 0) io.out(`  sheets carried over: ${s.sheetsCopied.join(", ")}`);
  if (s.notesKept.length > 0) io.out(`  notes outside the tables kept in place: ${s.notesKept.join(", ")}`);
  if (s.notesMoved.length > 0) io.out(`  notes outside the tables whose cell is now taken: ${s.notesMoved.join(", ")} → sheet ${s.notesSheet ?? ""}`);
}
