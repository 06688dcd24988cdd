import { textOf } from "../model/text.js";
import type { Lang, MaturityBand, Template } from "../model/template.types.js";

/** The maturity bands used when a template defines none. */
const DEFAULT_MATURITY: readonly MaturityBand[] = [
  { min: 0, label: { fr: "Émergent", en: "Emerging" } },
  { min: 25, label: { fr: "En développement", en: "Developing" } },
  { min: 50, label: { fr: "Établi", en: "Established" } },
  { min: 75, label: { fr: "Avancé", en: "Advanced" } },
];

/** A template's maturity bands, or the default ones. */
export function maturityBands(template: Template): readonly MaturityBand[] {
  return template.maturity && template.maturity.length > 0 ? template.maturity : DEFAULT_MATURITY;
}

/**
 * The label of the highest band whose `min` is not above `score` (as Excel's LOOKUP finds it);
 * null when there is no score or it is below every band.
 */
export function maturityLabel(score: number | null, bands: readonly MaturityBand[], lang: Lang): string | null {
  if (score === null) return null;
  let found: MaturityBand | undefined;
  for (const b of bands) if (b.min <= score) found = b;
  return found ? textOf(found.label, lang) : null;
}
