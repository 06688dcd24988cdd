// Surveys as the tests of the « Sondages » sheet write and read them.
import type { SurveyRecord } from "../model/survey.types.js";

/** Two surveys: one with a Likert, a choice and a free-text question and comments; one whose columns were all left out. */
export const SURVEYS: SurveyRecord[] = [
  {
    name: "Satisfaction 2026",
    imported: new Date(Date.UTC(2026, 3, 1)),
    responses: 40,
    questions: [
      {
        question: "Je me sens bien accueilli",
        responses: 35,
        answers: [
          { answer: "Tout à fait d'accord", count: 10 },
          { answer: "Plutôt d'accord", count: 5 },
          { answer: "Plutôt en désaccord", count: 15 },
          { answer: "Pas du tout d'accord", count: 5 },
        ],
        scale: "agreement4.fr",
        favourable: 15 / 35,
      },
      { question: "Service utilisé", responses: 40, answers: [{ answer: "Accueil", count: 30 }, { answer: "Repas", count: 10 }], scale: null, favourable: null },
      { question: "Vos commentaires", responses: 12, answers: [], scale: null, favourable: null },
    ],
    comments: [{ question: "Vos commentaires", text: "Merci!" }],
    criteria: ["1.1", "1.2"],
  },
  { name: "Vide", imported: new Date(Date.UTC(2026, 4, 2)), responses: 3, questions: [], comments: [], criteria: [] },
];
