import { parseTemplate } from "../../model/template.parse.js";
import type { Template } from "../../model/template.types.js";
import { seededRandom as prng } from "./random.js";

const FR = ["L'organisme documente sa politique de gestion des risques", "La direction évalue chaque année la satisfaction des usagers", "Le comité qualité suit les incidents au moyen d'indicateurs", "Chaque intervenant applique les procédures d'accueil", "Le conseil révise les orientations stratégiques"];
const EN = ["The organization documents its risk management policy", "Management reviews service users' satisfaction every year", "The quality committee tracks incidents with indicators", "Every practitioner applies intake procedures", "The board revises its strategic directions"];
const TAIL_FR = ["et en rend compte au conseil d'administration.", "selon un calendrier défini et connu de tous.", "avec la participation des usagers et de leurs proches."];
const TAIL_EN = ["and reports on it to the board.", "on a schedule everyone knows.", "with service users and their loved ones taking part."];

/**
 * A bilingual template of `criteria` criteria spread over `dimensions` dimensions (ids `D01`,
 * `D01-C001`…), with guidance and expected evidence on most criteria: the large workbooks of the
 * tests and of the `excel-syncs` benchmark.
 */
export function syntheticTemplate(criteria: number, dimensions = 20): Template {
  const rand = prng(20240601 + criteria);
  const pick = (list: readonly string[]): string => list[Math.floor(rand() * list.length)] ?? "";
  const per = Math.ceil(criteria / dimensions);
  const dims = [];
  let made = 0;
  for (let d = 1; d <= dimensions && made < criteria; d++) {
    const did = `D${String(d).padStart(2, "0")}`;
    const list = [];
    for (let c = 1; c <= per && made < criteria; c++, made++) {
      const n = `${did}.${c}`;
      const crit: Record<string, unknown> = { id: `${did}-C${String(c).padStart(3, "0")}`, text: { fr: `${pick(FR)} ${pick(TAIL_FR)} (${n})`, en: `${pick(EN)} ${pick(TAIL_EN)} (${n})` }, weight: rand() < 0.2 ? 2 : 1 };
      if (rand() < 0.7) crit.guidance = { fr: `Repères : ${pick(FR)} ${pick(TAIL_FR)} ${pick(FR)}.`, en: `Guidance: ${pick(EN)} ${pick(TAIL_EN)} ${pick(EN)}.` };
      if (rand() < 0.8) crit.evidence = { fr: `Preuve : ${pick(FR)}.`, en: `Evidence: ${pick(EN)}.` };
      list.push(crit);
    }
    dims.push({ id: did, title: { fr: `Thème ${did}`, en: `Theme ${did}` }, weight: 1 + (d % 3), criteria: list });
  }
  const parsed = parseTemplate({
    id: `synthetic-${criteria}`,
    version: "1.0.0",
    title: { fr: "Référentiel synthétique", en: "Synthetic framework" },
    source: { fr: "Généré pour les tests.", en: "Generated for tests." },
    scale: {
      levels: [1, 2, 3, 4].map((v) => ({ value: v, label: { fr: `Niveau ${v}`, en: `Level ${v}` } })),
      notApplicable: true,
    },
    target: 66,
    targetLevel: 3,
    dimensions: dims,
  });
  if (!parsed.ok) throw new Error(`synthetic template rejected: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return parsed.value;
}
