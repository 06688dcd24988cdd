import { describe, expect, it } from "vitest";
import { answerKey, customScale, levelOf, scaleLabel, scaleNamed, scaleOf, SURVEY_SCALES } from "./survey.scales.js";

describe("survey scales: recognising an ordered answer set", () => {
  it("recognises the usual French and English sets, whatever the case, accents, spacing and apostrophe", () => {
    expect(scaleOf(["TOUT A FAIT D’ACCORD", "plutôt  d'accord", "Pas du tout d'accord"])?.id).toBe("agreement4.fr");
    expect(scaleOf(["Tout à fait d'accord", "Ni d'accord ni en désaccord"])?.id).toBe("agreement5.fr");
    expect(scaleOf(["Strongly agree", "agree", "Neutral"])?.id).toBe("agreement5.en");
    expect(scaleOf(["Très satisfaite", "Insatisfait(e)"])?.id).toBe("satisfaction4.fr");
    expect(scaleOf(["Very satisfied", "Dissatisfied"])?.id).toBe("satisfaction4.en");
    expect(scaleOf(["Toujours", "Parfois", "Jamais"])?.id).toBe("frequency5.fr");
    expect(scaleOf(["Never", "Often"])?.id).toBe("frequency4.en");
    expect(scaleOf(["Excellent", "Bonne", "Médiocre"])?.id).toBe("quality4.fr");
    expect(scaleOf(["Excellent", "Très bon", "Mauvais"])?.id).toBe("quality5.fr");
    expect(scaleOf(["Excellent", "Very good", "Poor"])?.id).toBe("quality5.en");
  });

  it("says a question is not on a scale when one answer belongs to no set, or when there is none", () => {
    expect(scaleOf(["Tout à fait d'accord", "Peut-être"])).toBeNull();
    expect(scaleOf(["Oui", "Non"])).toBeNull();
    expect(scaleOf([])).toBeNull();
    // Answers of two different sets are not one scale.
    expect(scaleOf(["Toujours", "Très satisfait"])).toBeNull();
  });

  it("orders every set most favourable first: the first two levels are the favourable ones", () => {
    for (const s of SURVEY_SCALES) expect(s.levels.length).toBeGreaterThanOrEqual(4);
    const agree = SURVEY_SCALES.find((s) => s.id === "agreement5.fr");
    expect(agree && levelOf(agree, "Tout à fait d'accord")).toBe(0);
    expect(agree && levelOf(agree, "Pas du tout d'accord")).toBe(4);
  });

  it("tries a scale given by hand before the recognised ones", () => {
    const given = customScale(["Excellent", "Bon", "Moyen", "Faible"]);
    expect(scaleOf(["Excellent", "Faible"], given)?.id).toBe("custom");
    expect(levelOf(given, "moyen")).toBe(2);
    expect(scaleOf(["Excellent", "Passable"], given)?.id).toBe("quality4.fr");
  });

  it("shows a scale by its label in either language and finds it back from the label", () => {
    for (const s of SURVEY_SCALES) {
      expect(scaleNamed(scaleLabel(s.id, "fr"))?.id).toBe(s.id);
      expect(scaleNamed(scaleLabel(s.id, "en"))?.id).toBe(s.id);
    }
    expect(scaleNamed(scaleLabel("custom", "fr"))?.id).toBe("custom");
    expect(scaleNamed("Choix")).toBeNull();
  });

  it("keys answers without case, accents, gendered endings or apostrophe forms", () => {
    expect(answerKey("  PLUTÔT   D’ACCORD ")).toBe(answerKey("plutot d'accord"));
    expect(answerKey("Satisfait(e)")).toBe(answerKey("satisfait"));
  });
});
