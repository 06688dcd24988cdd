import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";
import { withAssessment } from "../../addin/workbook/workbook.assessment.js";
import { parseTemplate } from "../../addin/model/template.parse.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { PlanParts } from "../../addin/plan/plan.types.js";
import { MemoryHost, workbookFromPlan, type MemoryHostOptions } from "../host/memory.host.js";

/** A small bilingual template: two dimensions, five criteria, a 1–4 scale with N/A. */
export const FIXTURE_JSON = {
  id: "essai",
  version: "1.2.0",
  title: { fr: "Grille d'essai", en: "Test grid" },
  source: { fr: "Faite pour les tests", en: "Made for tests" },
  description: { fr: "Deux dimensions, cinq critères.", en: "Two dimensions, five criteria." },
  scale: {
    levels: [
      { value: 1, label: { fr: "Non atteint", en: "Not met" }, description: { fr: "La pratique est absente.", en: "The practice is absent." } },
      { value: 2, label: { fr: "Partiellement atteint", en: "Partly met" } },
      { value: 3, label: { fr: "Largement atteint", en: "Largely met" } },
      { value: 4, label: { fr: "Atteint", en: "Met" } },
    ],
    notApplicable: true,
  },
  target: 75,
  targetLevel: 3,
  dimensions: [
    {
      id: "GOUV",
      title: { fr: "Gouvernance", en: "Governance" },
      weight: 2,
      target: 80,
      criteria: [
        {
          id: "GOUV-01",
          text: { fr: "Le conseil adopte un code d'éthique.", en: "The board adopts a code of ethics." },
          guidance: { fr: "Code adopté et diffusé.", en: "Code adopted and shared." },
          evidence: { fr: "Procès-verbal du conseil", en: "Board minutes" },
          weight: 2,
        },
        { id: "GOUV-02", text: { fr: "Les rôles sont écrits.", en: "Roles are written down." } },
        { id: "GOUV-03", text: { fr: "Les conflits d'intérêts sont déclarés.", en: "Conflicts of interest are declared." }, targetLevel: 4 },
      ],
    },
    {
      id: "COMM",
      title: { fr: "Communication", en: "Communication" },
      criteria: [
        { id: "COMM-01", text: { fr: "Le site web est à jour.", en: "The website is up to date." } },
        { id: "COMM-02", text: { fr: "Les membres reçoivent un bulletin.", en: "Members receive a newsletter." } },
      ],
    },
  ],
};

/** The fixture template, validated by the engine. */
export function fixtureTemplate(): Template {
  const r = parseTemplate(structuredClone(FIXTURE_JSON));
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("; "));
  return r.value;
}

/** The workbook a generation of the fixture leaves, in `lang`. */
export function fixtureWorkbook(lang: Lang = "fr", parts?: Partial<PlanParts>): AssessmentWorkbook {
  return workbookFromPlan(buildPlan(fixtureTemplate(), { lang, parts: { evidence: true, actions: true, dashboard: true, ...parts } }));
}

/** A memory host whose workbook holds the fixture's grid, with ratings given as grid cell values. */
export function gridHost(
  options: Omit<MemoryHostOptions, "workbook"> & { ratings?: Record<string, string | number>; parts?: Partial<PlanParts> } = {},
): MemoryHost {
  const wb = fixtureWorkbook(options.lang ?? "fr", options.parts);
  for (const row of wb.grid) {
    const v = options.ratings?.[row.criterion];
    if (v === undefined) continue;
    row.rating = v;
    const first = row.respondents[0];
    if (first) first.rating = v;
  }
  return new MemoryHost({ ...options, workbook: withAssessment(wb) });
}
