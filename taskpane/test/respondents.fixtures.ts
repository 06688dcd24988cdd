import type { Lang } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { withAssessment } from "../../addin/workbook/workbook.assessment.js";
import { MemoryHost, workbookFromPlan, type MemoryHostOptions } from "../host/memory.host.js";
import { fixtureTemplate } from "./fixtures.js";

/** The respondents of the multi-respondent fixture. */
export const RESPONDENTS = ["Direction", "CA", "Équipe"] as const;

/** Cell values per criterion: one per respondent, in order (`null` = blank), with comments. */
export type RespondentCells = Record<string, { ratings: (string | number | null)[]; comments?: string[]; agreed?: string | number; reason?: string }>;

/**
 * A memory host whose workbook holds the fixture's grid in the multi-respondent layout (the plan
 * built with `respondents`), with answers given as grid cell values and the settings given.
 */
export function respondentsHost(
  options: Omit<MemoryHostOptions, "workbook"> & { cells?: RespondentCells; respondents?: readonly string[]; showOthers?: boolean } = {},
): MemoryHost {
  const lang: Lang = options.lang ?? "fr";
  const plan = buildPlan(fixtureTemplate(), {
    lang,
    respondents: options.respondents ?? RESPONDENTS,
    parts: { evidence: true, actions: true, dashboard: true },
  });
  const wb = workbookFromPlan(plan);
  for (const row of wb.grid) {
    const c = options.cells?.[row.criterion];
    if (!c) continue;
    c.ratings.forEach((v, k) => {
      const cells = row.respondents[k];
      if (cells) cells.rating = v;
      if (k === 0) row.rating = v;
    });
    c.comments?.forEach((text, k) => {
      const cells = row.respondents[k];
      if (cells) cells.comment = text;
      if (k === 0) row.comment = text;
    });
    if (c.agreed !== undefined) row.agreed = c.agreed;
    if (c.reason !== undefined) row.agreedReason = c.reason;
  }
  if (options.showOthers && wb.settings) wb.settings = { ...wb.settings, showOthers: true };
  return new MemoryHost({ ...options, workbook: withAssessment(wb) });
}
