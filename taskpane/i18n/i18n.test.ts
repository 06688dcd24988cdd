import { describe, expect, it } from "vitest";
import { CATALOGUES, fillText, translatorFor } from "./i18n.js";

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();

describe("text catalogue", () => {
  const fr = CATALOGUES.fr;
  const en = CATALOGUES.en;

  it("has every key in French and in English, and no other", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it("has a non-empty text in both languages for each key, with the same placeholders", () => {
    const wrong = (Object.keys(fr) as (keyof typeof fr)[]).filter(
      (key) => fr[key].trim() === "" || en[key].trim() === "" || placeholders(fr[key]).join() !== placeholders(en[key]).join(),
    );
    expect(wrong).toEqual([]);
  });

  it("gives every plural both forms", () => {
    for (const key of Object.keys(fr).filter((k) => /\.(one|other)$/.test(k))) {
      const base = key.replace(/\.(one|other)$/, "");
      expect(Object.keys(fr)).toContain(`${base}.one`);
      expect(Object.keys(fr)).toContain(`${base}.other`);
    }
  });

  it("uses the glossary's words", () => {
    expect(fr["tab.dashboard"]).toBe("Tableau de bord");
    expect(fr["generate.part.evidence"]).toBe("Registre des preuves");
    expect(fr["generate.part.grid"]).toMatch(/^Grille d'autoévaluation/);
    expect(fr["assess.na.label"]).toBe("Sans objet");
    expect(fr["assess.na.token"]).toBe("S. O.");
    expect(fr["dashboard.coverage"]).toBe("Couverture des preuves");
    expect(en["dashboard.coverage"]).toBe("Evidence coverage");
    expect(en["generate.part.grid"]).toMatch(/^Self-assessment grid/);
  });
});

describe("translator", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(fillText("{a} et {b}", { a: 1 })).toBe("1 et {b}");
  });

  it("picks plural forms by language: French 0 and 1 are singular, English 0 is plural", () => {
    expect(translatorFor("fr").plural("actions.added", 0)).toBe("0 action ajoutée au plan d'action.");
    expect(translatorFor("fr").plural("actions.added", 3)).toBe("3 actions ajoutées au plan d'action.");
    expect(translatorFor("en").plural("actions.added", 0)).toBe("0 actions added to the action plan.");
    expect(translatorFor("en").plural("actions.added", 1)).toBe("1 action added to the action plan.");
  });

  it("formats numbers the way each language writes them", () => {
    expect(translatorFor("fr").number(62.5)).toBe("62,5");
    expect(translatorFor("en").number(62.5)).toBe("62.5");
    expect(translatorFor("fr").percent(0.5).replace(/\s/g, " ")).toBe("50 %");
    expect(translatorFor("en").percent(0.5)).toBe("50%");
  });
});
