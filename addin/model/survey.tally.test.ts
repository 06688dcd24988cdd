import { describe, expect, it } from "vitest";
import { isChoice, OTHER_ANSWERS, tallySurvey, type SurveyTable } from "./survey.tally.js";

const DAY = new Date(Date.UTC(2026, 3, 1));

/** A table from columns: each column its header then its answers, one per response. */
function tableOf(columns: Record<string, string[]>): SurveyTable {
  const headers = Object.keys(columns);
  const n = Math.max(...Object.values(columns).map((c) => c.length));
  return { headers, rows: Array.from({ length: n }, (_, i) => headers.map((h) => columns[h]?.[i] ?? "")) };
}

describe("tallySurvey: figures per question", () => {
  it("counts a Likert question on its scale, most favourable first, and its favourable share over the non-blank answers", () => {
    // 8 responses, 1 blank: 2 « Tout à fait », 2 « Plutôt d'accord » (one spelled otherwise), 1 neutral, 2 « Plutôt en désaccord ».
    // Favourable: 4 of 7.
    const answers = ["Tout à fait d'accord", "Plutôt d'accord", "", "Ni d'accord ni en désaccord", "Plutôt en désaccord", "tout a fait d'accord", "PLUTÔT D’ACCORD", "Plutôt en désaccord"];
    const { survey } = tallySurvey(tableOf({ "Je me sens bien accueilli": answers }), { name: "S", imported: DAY });
    const q = survey.questions[0];
    expect(survey.responses).toBe(8);
    expect(q?.responses).toBe(7);
    expect(q?.scale).toBe("agreement5.fr");
    expect(q?.favourable).toBeCloseTo(4 / 7, 12);
    // Each level shown as the file first spelled it; a level never given keeps the scale's spelling, count 0.
    expect(q?.answers).toEqual([
      { answer: "Tout à fait d'accord", count: 2 },
      { answer: "Plutôt d'accord", count: 2 },
      { answer: "Ni d'accord ni en désaccord", count: 1 },
      { answer: "Plutôt en désaccord", count: 2 },
      { answer: "Pas du tout d'accord", count: 0 },
    ]);
  });

  it("counts a multiple-choice question per choice, with no favourable share", () => {
    const answers = ["Téléphone;Courriel;", "Téléphone;", "En personne;Téléphone;", "Courriel;", "Téléphone;", "Courriel;Téléphone;"];
    const q = tallySurvey(tableOf({ Contact: answers }), { name: "S", imported: DAY }).survey.questions[0];
    expect(q?.responses).toBe(6);
    expect(q?.scale).toBeNull();
    expect(q?.favourable).toBeNull();
    expect(q?.answers).toEqual([
      { answer: "Téléphone", count: 5 },
      { answer: "Courriel", count: 3 },
      { answer: OTHER_ANSWERS.fr, count: 1 },
    ]);
  });

  it("never shows by its text an answer given by one respondent only (Forms' « Autre » typed in), but keeps it as a comment when asked", () => {
    const answers = ["Accueil", "Repas", "Accueil", "Mon fils Jérémie a été mal reçu", "Repas", "Accueil"];
    const table = tableOf({ "Service utilisé": answers });
    const t = tallySurvey(table, { name: "S", imported: DAY, lang: "en" });
    expect(t.survey.questions[0]?.answers).toEqual([
      { answer: "Accueil", count: 3 },
      { answer: "Repas", count: 2 },
      { answer: OTHER_ANSWERS.en, count: 1 },
    ]);
    expect(JSON.stringify(t.survey)).not.toContain("Jérémie");
    const kept = tallySurvey(table, { name: "S", imported: DAY, withComments: true }).survey.comments;
    expect(kept).toEqual([{ question: "Service utilisé", text: "Mon fils Jérémie a été mal reçu" }]);
  });

  it("shows a rating's answers by value, highest first, with no favourable share unless a scale is given", () => {
    const q = tallySurvey(tableOf({ Étoiles: ["4", "5", "3", "5", "4", "4", "3", "5"] }), { name: "S", imported: DAY }).survey.questions[0];
    expect(q?.answers).toEqual([
      { answer: "5", count: 3 },
      { answer: "4", count: 3 },
      { answer: "3", count: 2 },
    ]);
    expect(q?.favourable).toBeNull();
    const given = tallySurvey(tableOf({ Étoiles: ["4", "5", "3", "5"] }), { name: "S", imported: DAY, scale: ["5", "4", "3", "2", "1"] }).survey.questions[0];
    expect(given?.favourable).toBeCloseTo(3 / 4, 12);
  });

  it("keeps only the response count of a free-text question, and its texts only with comments", () => {
    const texts = ["Merci beaucoup", "Les repas sont froids", "", "Très bon accueil", "Parfait"];
    const table = tableOf({ Commentaires: texts });
    const without = tallySurvey(table, { name: "S", imported: DAY }).survey;
    expect(without.questions[0]).toEqual({ question: "Commentaires", responses: 4, answers: [], scale: null, favourable: null });
    expect(without.comments).toEqual([]);
    const withComments = tallySurvey(table, { name: "S", imported: DAY, withComments: true }).survey;
    expect(withComments.comments.map((c) => c.text)).toEqual(["Merci beaucoup", "Les repas sont froids", "Très bon accueil", "Parfait"]);
  });

  it("leaves out metadata and personal columns whole, and any column holding an e-mail address", () => {
    const table = tableOf({
      ID: ["1", "2"],
      "Heure de début": ["2026-03-01", "2026-03-02"],
      Nom: ["Gisèle", "Marc"],
      "Adresse de messagerie": ["g@exemple.ca", "m@exemple.ca"],
      "Pour vous joindre": ["g@exemple.ca", ""],
      Satisfaction: ["Très satisfait", "Satisfait"],
    });
    const t = tallySurvey(table, { name: "S", imported: DAY, withComments: true });
    expect(t.survey.questions.map((q) => q.question)).toEqual(["Satisfaction"]);
    expect(t.skipped.map((s) => [s.column, s.reason])).toEqual([
      ["A", "metadata"],
      ["B", "metadata"],
      ["C", "personal"],
      ["D", "personal"],
      ["E", "personal"],
    ]);
    expect(JSON.stringify(t.survey)).not.toMatch(/Gisèle|exemple\.ca/);
  });

  it("uses a scale given by hand for answers no recognised set holds", () => {
    const q = tallySurvey(tableOf({ Note: ["A", "B", "A", "C", "D"] }), { name: "S", imported: DAY, scale: ["A", "B", "C", "D"] }).survey.questions[0];
    expect(q?.scale).toBe("custom");
    expect(q?.favourable).toBeCloseTo(3 / 5, 12);
  });

  it("keeps the criteria and the import day given", () => {
    const s = tallySurvey(tableOf({ Q: ["Toujours"] }), { name: "Clientèle", imported: DAY, criteria: ["C1", "C3"] }).survey;
    expect(s).toMatchObject({ name: "Clientèle", imported: DAY, criteria: ["C1", "C3"] });
  });
});

describe("isChoice: chosen from a list or written", () => {
  it("takes few answers given by several respondents for choices", () => {
    expect(isChoice([{ answer: "Oui", count: 2 }, { answer: "Non", count: 1 }], 3)).toBe(true);
    expect(isChoice([{ answer: "Accueil", count: 10 }, { answer: "Repas", count: 5 }, { answer: "Soins", count: 1 }], 16)).toBe(true);
  });

  it("takes many distinct or lone answers for free text, so that no lone answer is copied", () => {
    // 40 « Non » and 10 different sentences: most distinct answers given once.
    const written = [{ answer: "Non", count: 40 }, ...Array.from({ length: 10 }, (_, i) => ({ answer: `Phrase ${i}`, count: 1 }))];
    expect(isChoice(written, 50)).toBe(false);
    expect(isChoice([{ answer: "a", count: 1 }, { answer: "b", count: 1 }, { answer: "c", count: 1 }], 3)).toBe(false);
    expect(isChoice([{ answer: "x".repeat(101), count: 5 }], 5)).toBe(false);
  });
});
