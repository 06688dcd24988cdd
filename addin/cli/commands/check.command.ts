import { checkAssessment } from "../../plan/assessment.check.js";
import type { Lang } from "../../model/template.types.js";
import { EXIT, type CliIo } from "../cli.io.js";
import { openAssessment } from "../workbook.open.js";

/**
 * `qualigrid check <file.xlsx> [--json]`: what is wrong or missing in an assessment workbook.
 * Exit 0 when clean, 1 when something was found.
 */
export async function checkCommand(io: CliIo, file: string, opts: { json?: boolean; lang?: Lang; orgDomain?: string[] }): Promise<number> {
  const { assessment } = await openAssessment(file);
  const lang = opts.lang ?? assessment.lang;
  const findings = checkAssessment(assessment, lang, { orgDomains: opts.orgDomain ?? [] });
  if (opts.json) {
    io.out(JSON.stringify({ file, findings: findings.map((f) => ({ ...f, where: `${f.where.sheet}!${f.where.address}` })) }, null, 2));
  } else if (findings.length === 0) {
    io.out(lang === "fr" ? `${file} : rien à signaler.` : `${file}: nothing to report.`);
  } else {
    for (const f of findings) io.out(`${f.severity === "error" ? (lang === "fr" ? "erreur" : "error") : lang === "fr" ? "attention" : "warning"}: ${f.where.sheet}!${f.where.address}: ${f.message}`);
    const errors = findings.filter((f) => f.severity === "error").length;
    io.out(
      lang === "fr"
        ? `${findings.length} constat(s), dont ${errors} erreur(s).`
        : `${findings.length} finding(s), ${errors} error(s).`,
    );
  }
  return findings.length === 0 ? EXIT.ok : EXIT.findings;
}
