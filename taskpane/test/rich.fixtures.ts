import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import { parseTemplate } from "../../addin/model/template.parse.js";
import type { PlainValue } from "../../addin/model/table.plain.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { withAssessment } from "../../addin/workbook/workbook.assessment.js";
import { MemoryHost, workbookFromPlan } from "../host/memory.host.js";

/** The template that uses every field of the second version (three scales, text, required, themes…). */
export function richTemplate(): Template {
  const r = parseTemplate(richTemplateJson());
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("; "));
  return r.value;
}

/** What a test puts in a grid row: its rating cell and, for a text question, its « Réponse » cell. */
export interface RichCells {
  rating?: PlainValue;
  answer?: PlainValue;
}

/** A memory host whose workbook holds the rich template's grid, with the cells given by criterion id. */
export function richHost(lang: Lang, cells: Record<string, RichCells> = {}): MemoryHost {
  const wb = workbookFromPlan(buildPlan(richTemplate(), { lang, parts: { evidence: true, actions: true, dashboard: true } }));
  for (const row of wb.grid) {
    const c = cells[row.criterion];
    if (c?.rating !== undefined) row.rating = c.rating;
    if (c?.answer !== undefined) row.answer = c.answer;
  }
  return new MemoryHost({ lang, workbook: withAssessment(wb) });
}
