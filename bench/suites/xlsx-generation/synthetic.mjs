// Synthetic, deterministic input of the xlsx-generation suite: a bilingual template of
// 1,000 criteria in 20 dimensions and 10,000 evidence-register rows. The same seed gives the
// same data in every process, so the plan path and the floor write exactly the same cells.

export const SIZES = { dimensions: 20, criteriaPerDimension: 50, evidenceRows: 10_000 };

/** mulberry32: a small seeded PRNG, so every run and both cases get identical data. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FR = {
  subjects: ["L'organisme", "Le conseil d'administration", "La direction", "L'équipe", "Chaque intervenant", "Le comité qualité", "Le responsable désigné", "Le personnel"],
  verbs: ["documente", "évalue chaque année", "met à jour", "communique", "révise", "applique", "suit au moyen d'indicateurs", "consigne"],
  objects: ["sa politique de gestion des risques", "les plaintes reçues et leur traitement", "le plan de formation continue", "les ententes avec ses partenaires", "la satisfaction des usagers", "les incidents et accidents", "la confidentialité des dossiers", "les orientations stratégiques", "les procédures d'accueil", "la tenue des registres"],
  tails: ["et en rend compte au conseil d'administration.", "selon un calendrier défini et connu de tous.", "avec la participation des usagers et de leurs proches.", "et les écarts observés donnent lieu à des actions correctives.", "dans le respect des exigences légales applicables.", "de façon accessible, en langage clair."],
};
const EN = {
  subjects: ["The organization", "The board", "Management", "The team", "Every practitioner", "The quality committee", "The designated lead", "Staff"],
  verbs: ["documents", "reviews every year", "keeps up to date", "communicates", "revises", "applies", "tracks with indicators", "records"],
  objects: ["its risk management policy", "complaints received and how they are handled", "the continuing education plan", "agreements with its partners", "service users' satisfaction", "incidents and accidents", "the confidentiality of records", "its strategic directions", "intake procedures", "the keeping of registers"],
  tails: ["and reports on it to the board.", "on a schedule everyone knows.", "with service users and their loved ones taking part.", "and gaps lead to corrective actions.", "in line with the applicable legal requirements.", "in an accessible way, in plain language."],
};
const THEMES = [
  ["Gouvernance", "Governance"], ["Éthique", "Ethics"], ["Gestion des risques", "Risk management"], ["Ressources humaines", "Human resources"],
  ["Partenariats", "Partnerships"], ["Services aux usagers", "User services"], ["Communication", "Communication"], ["Amélioration continue", "Continuous improvement"],
  ["Finances", "Finance"], ["Bénévolat", "Volunteering"], ["Sécurité", "Safety"], ["Information", "Information"],
  ["Accessibilité", "Accessibility"], ["Environnement", "Environment"], ["Formation", "Training"], ["Évaluation", "Evaluation"],
  ["Plaintes", "Complaints"], ["Confidentialité", "Confidentiality"], ["Accueil", "Intake"], ["Planification", "Planning"],
];

function sentence(rand, words, n) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  return `${pick(words.subjects)} ${pick(words.verbs)} ${pick(words.objects)} ${pick(words.tails)} (${n})`;
}

/** The template as template JSON (before `parseTemplate`): ids D01…D20, criteria D01-C01…D20-C50. */
export function makeTemplateJson() {
  const rand = prng(20240601);
  const dimensions = [];
  for (let d = 1; d <= SIZES.dimensions; d++) {
    const did = `D${String(d).padStart(2, "0")}`;
    const [fr, en] = THEMES[(d - 1) % THEMES.length];
    const criteria = [];
    for (let c = 1; c <= SIZES.criteriaPerDimension; c++) {
      const id = `${did}-C${String(c).padStart(2, "0")}`;
      const n = `${did}.${c}`;
      const crit = {
        id,
        text: { fr: sentence(rand, FR, n), en: sentence(rand, EN, n) },
        weight: rand() < 0.2 ? 2 : 1,
      };
      if (rand() < 0.7) crit.guidance = { fr: `Repères : ${sentence(rand, FR, n)} ${sentence(rand, FR, n)}`, en: `Guidance: ${sentence(rand, EN, n)} ${sentence(rand, EN, n)}` };
      if (rand() < 0.8) crit.evidence = { fr: `Preuve : ${sentence(rand, FR, n)}`, en: `Evidence: ${sentence(rand, EN, n)}` };
      if (rand() < 0.1) crit.targetLevel = 4;
      criteria.push(crit);
    }
    const dim = {
      id: did,
      title: { fr: `${fr} (${did})`, en: `${en} (${did})` },
      description: { fr: `Thématique ${did} : ${sentence(rand, FR, did)}`, en: `Dimension ${did}: ${sentence(rand, EN, did)}` },
      weight: 1 + (d % 3),
      criteria,
    };
    if (d % 4 === 0) dim.target = 75;
    dimensions.push(dim);
  }
  return {
    id: "bench-synthetic",
    version: "1.0.0",
    title: { fr: "Référentiel synthétique de mesure", en: "Synthetic benchmark framework" },
    source: { fr: "Généré par bench/suites/xlsx-generation/synthetic.mjs.", en: "Generated by bench/suites/xlsx-generation/synthetic.mjs." },
    scale: {
      levels: [
        { value: 1, label: { fr: "Non atteint", en: "Not met" }, description: { fr: "Pratique absente.", en: "Practice absent." } },
        { value: 2, label: { fr: "Partiellement atteint", en: "Partly met" }, description: { fr: "Pratique incomplète.", en: "Practice incomplete." } },
        { value: 3, label: { fr: "Largement atteint", en: "Largely met" }, description: { fr: "Pratique en place.", en: "Practice in place." } },
        { value: 4, label: { fr: "Pleinement atteint", en: "Fully met" }, description: { fr: "Pratique exemplaire.", en: "Exemplary practice." } },
      ],
      notApplicable: true,
    },
    target: 66,
    targetLevel: 3,
    maturity: [
      { min: 0, label: { fr: "Démarche à amorcer", en: "Getting started" } },
      { min: 33, label: { fr: "Démarche en développement", en: "Developing" } },
      { min: 66, label: { fr: "Démarche consolidée", en: "Established" } },
      { min: 90, label: { fr: "Démarche exemplaire", en: "Exemplary" } },
    ],
    dimensions,
  };
}

const OWNERS = ["A. Tremblay", "B. Gagnon", "C. Roy", "D. Côté", "E. Bouchard", "F. Gauthier", "G. Morin", "H. Lavoie", "I. Fortin", "J. Gagné", "K. Ouellet", "L. Pelletier"];
const DOCS = ["Procès-verbal", "Politique", "Procédure", "Rapport annuel", "Registre", "Formulaire", "Entente", "Sondage", "Plan", "Note de service"];

/**
 * The evidence register's rows, in the order of the `QG_Evidence` columns (fr):
 * Code, Critères, Titre du document, Type, Responsable, Date du document (a date serial),
 * Emplacement ou lien, Statut, Expiration (serial or blank), Confidentiel, Avis évaluateur, Commentaire.
 * Only plain values (text, numbers, blanks): the register has no formula column.
 * `choices` gives the French drop-down lists so the values are valid choices.
 */
export function makeEvidenceRows(template, choices) {
  const rand = prng(77);
  const ids = template.dimensions.flatMap((d) => d.criteria.map((c) => c.id));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const rows = new Array(SIZES.evidenceRows);
  for (let i = 0; i < SIZES.evidenceRows; i++) {
    const code = `P${String(i + 1).padStart(5, "0")}`;
    const nCrit = 1 + Math.floor(rand() * 3);
    const crit = [];
    for (let k = 0; k < nCrit; k++) crit.push(pick(ids));
    const date = 43831 + Math.floor(rand() * 1827); // 2020-01-01 … 2024-12-31 as Excel serials
    rows[i] = [
      code,
      crit.join(", "),
      `${pick(DOCS)} n° ${1 + Math.floor(rand() * 500)} — ${crit[0]}`,
      pick(choices.types),
      pick(OWNERS),
      date,
      `https://intranet.example.org/qualite/${crit[0]}/${code}.pdf`,
      pick(choices.statuses),
      i % 3 === 0 ? date + 1095 : null,
      pick(choices.yesNo),
      i % 4 === 0 ? `Vu lors de la visite ; conforme pour ${crit[0]}.` : null,
      i % 5 === 0 ? `À revoir avant ${2025 + (i % 3)}.` : null,
    ];
  }
  return rows;
}
