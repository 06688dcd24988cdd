/**
 * A template that uses every field of the model's second version (design.md "Template model,
 * second version"): three scales (the default 1–4, a yes/no 0–1 and a frequency 0–10 with its own
 * target), free-text questions, required criteria, themes, process steps, pre-filled actions, and
 * ids it replaces. Returned as JSON, rebuilt on each call so tests may mutate it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function richTemplateJson(): Record<string, any> {
  return {
    id: "conseil-riche",
    version: "2.0.0",
    title: { fr: "Grille d'une conseillère", en: "An advisor's grid" },
    source: "Écrit pour les tests",
    replaces: ["conseil-ancien"],
    scale: {
      levels: [
        { value: 1, label: { fr: "Non atteint", en: "Not met" } },
        { value: 2, label: { fr: "Partiellement atteint", en: "Partially met" } },
        { value: 3, label: { fr: "Atteint", en: "Met" } },
        { value: 4, label: { fr: "Dépassé", en: "Exceeded" } },
      ],
      notApplicable: true,
    },
    scales: {
      oui: {
        levels: [
          { value: 0, label: { fr: "Non", en: "No" } },
          { value: 1, label: { fr: "Oui", en: "Yes" } },
        ],
        notApplicable: false,
      },
      frequence: {
        levels: [
          { value: 0, label: { fr: "Jamais", en: "Never" } },
          { value: 5, label: { fr: "Parfois", en: "Sometimes" } },
          { value: 8, label: { fr: "Souvent", en: "Often" } },
          { value: 10, label: { fr: "Toujours", en: "Always" } },
        ],
        notApplicable: true,
        targetLevel: 8,
      },
    },
    target: 70,
    targetLevel: 3,
    dimensions: [
      {
        id: "GOUV",
        title: { fr: "Gouvernance", en: "Governance" },
        weight: 2,
        themes: [
          { id: "CA", title: { fr: "Conseil d'administration", en: "Board" } },
          { id: "ETH", title: { fr: "Éthique", en: "Ethics" } },
        ],
        criteria: [
          { id: "G1", text: "Le conseil se réunit au moins quatre fois par année.", theme: "CA", required: true, replaces: ["G-01"] },
          { id: "G2", text: "Un code d'éthique est adopté.", scale: "oui", theme: "ETH", required: true },
          { id: "G3", text: "Les membres déclarent leurs conflits d'intérêts.", scale: "frequence", theme: "ETH", weight: 2, levelMap: { "1": 0, "2": 5, "3": 8, "4": 10 } },
          { id: "G4", text: "Quelles questions le conseil se pose-t-il sur sa propre efficacité ?", type: "text", theme: "CA" },
        ],
      },
      {
        id: "SERV",
        title: { fr: "Services", en: "Services" },
        criteria: [
          { id: "S1", text: "Les personnes sont consultées sur les services.", weight: 3, targetLevel: 4 },
          { id: "S2", text: "Les plaintes reçoivent une réponse écrite.", scale: "frequence" },
          { id: "S3", text: "Quels obstacles freinent la participation ?", type: "text", required: true },
          { id: "S4", text: "Un sondage de satisfaction est fait chaque année.", scale: "oui" },
        ],
      },
    ],
    steps: [
      { id: "E1", title: "Sondages", deliverable: "Résultats des sondages", dueOffsetDays: 30 },
      { id: "E2", title: { fr: "Autoévaluation", en: "Self-assessment" }, description: "Avec la preuve documentaire.", dueOffsetDays: 90 },
      { id: "E3", title: "Visite de l'évaluateur externe", dueOffsetDays: 150 },
    ],
    actions: [
      {
        id: "M1",
        text: "Adopter un calendrier des réunions du conseil",
        owner: { fr: "Présidence", en: "Chair" },
        startOffsetDays: 0,
        dueOffsetDays: 60,
        indicator: "Calendrier adopté",
        indicatorTarget: "Oui",
        criterion: "G1",
      },
      { id: "M2", text: "Faire le sondage annuel", deliverable: "Rapport du sondage", dueOffsetDays: 120, criterion: "S4" },
    ],
  };
}
