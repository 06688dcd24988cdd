import { readFileSync, statSync } from "node:fs";
import type { MemberScan } from "../../network/network.types.js";
import type { InputIssue } from "../../model/template.types.js";
import { scoreAssessment } from "../../scoring/assessment.score.js";
import { scaleOfCriterion } from "../../model/criterion.scale.js";
import { refusalOf, WORKBOOK_LIMITS } from "../../xlsx/xlsx.guard.js";
import { scanAssessment } from "../../xlsx/xlsx.scan.js";

/** One input read: the member's figures, or the issue that left it out (worded later, in the language spoken). */
export type MemberRead = { ok: true; scan: MemberScan; warnings: InputIssue[] } | { ok: false; file: string; issue: InputIssue };

/** The detail of a file that changed while it was read (worded as « still being written » by the command). */
export const CHANGING = "the file changed while it was read: is it still being written?";

/**
 * Reads one workbook file for the aggregate (in a worker thread): its bytes, checked not to change
 * while read (a file still being written), then the assessment from the parts that hold it
 * (`scanAssessment`) scored by the engine. Never throws: a file that cannot be read is an issue.
 * Synchronous: a worker has nothing else to do meanwhile, and waiting on the I/O pool left it idle.
 */
export function readMember(file: string): MemberRead {
  let bytes: Buffer;
  try {
    const before = statSync(file);
    if (before.size > WORKBOOK_LIMITS.fileBytes) {
      return { ok: false, file, issue: refusalOf("fileTooLarge", file, { size: (before.size / 2 ** 20).toFixed(1), limit: WORKBOOK_LIMITS.fileBytes / 2 ** 20 }) };
    }
    bytes = readFileSync(file);
    const after = statSync(file);
    if (after.size !== bytes.length || after.mtimeMs !== before.mtimeMs) return { ok: false, file, issue: refusalOf("corrupt", file, { detail: CHANGING }) };
  } catch (e) {
    return { ok: false, file, issue: refusalOf("unopenable", file, { detail: e instanceof Error ? e.message : String(e) }) };
  }
  try {
    return memberOfBytes(bytes, file);
  } catch (e) {
    // A defect met on a hostile file must not stop the run: the file is left out, named.
    return { ok: false, file, issue: refusalOf("corrupt", file, { detail: e instanceof Error ? e.message : String(e) }) };
  }
}

/** The aggregate's figures of one workbook's bytes (`readMember` without the file system). */
export function memberOfBytes(bytes: Uint8Array, file: string): MemberRead {
  const read = scanAssessment(bytes, file);
  if (!read.ok) return { ok: false, file, issue: read.issues.find((i) => i.severity === "error") ?? (read.issues[0] as InputIssue) };
  const wb = read.value;
  const result = scoreAssessment(wb.assessment);
  const template = wb.template;
  const criterionOf = new Map(template.dimensions.flatMap((d) => d.criteria.map((c) => [c.id, c] as const)));
  const date = wb.settings?.assessmentDate ?? null;
  const scan: MemberScan = {
    file,
    templateId: template.id,
    version: template.version,
    organization: (wb.settings?.organization ?? "").trim(),
    lang: wb.lang,
    date: date ? date.toISOString().slice(0, 10) : null,
    overall: { score: result.overall.score, completion: result.overall.completion, coverage: result.overall.evidenceCoverage },
    dimensions: result.dimensions.map((d) => ({ id: d.id, score: d.score, completion: d.completion, coverage: d.evidenceCoverage })),
    criteria: result.criteria
      .filter((c) => c.type !== "text")
      .map((c) => {
        const criterion = criterionOf.get(c.id);
        const levels = (criterion ? scaleOfCriterion(template, criterion) : template.scale).levels.map((l) => l.value);
        const min = Math.min(...levels);
        const max = Math.max(...levels);
        // The consolidated rating from its score (s = (c − min)/(max − min)): the same whether c is a level or a mean of respondents' levels; rounded so that 3 is not read back as 2.9999999999999996.
        const rating = c.score === null ? null : Math.round((min + c.score * (max - min)) * 1e9) / 1e9;
        return { id: c.id, dimensionId: c.dimensionId, rating, targetLevel: c.targetLevel, levels };
      }),
  };
  return { ok: true, scan, warnings: read.warnings };
}
