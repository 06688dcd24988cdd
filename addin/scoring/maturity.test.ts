import { describe, expect, it } from "vitest";
import type { MaturityBand, Template } from "../model/template.types.js";
import { maturityBands, maturityLabel } from "./maturity.js";

const BANDS: MaturityBand[] = [
  { min: 10, label: { fr: "Débutant", en: "Beginner" } },
  { min: 40, label: "Intermédiaire" },
  { min: 80, label: { fr: "Expert" } },
];

function template(maturity?: MaturityBand[]): Template {
  return {
    id: "t",
    version: "1.0.0",
    title: "T",
    source: "tests",
    scale: { levels: [{ value: 1, label: "Bas" }, { value: 2, label: "Haut" }], notApplicable: true },
    target: 75,
    targetLevel: 2,
    ...(maturity ? { maturity } : {}),
    dimensions: [{ id: "D1", title: "D1", weight: 1, criteria: [{ id: "C1", text: "C1", weight: 1 }] }],
  };
}

describe("maturityLabel", () => {
  it.each<[number | null, "fr" | "en", string | null]>([
    [null, "fr", null],
    [0, "fr", null],
    [9.99, "en", null],
    [10, "fr", "Débutant"],
    [10, "en", "Beginner"],
    [39.99, "en", "Beginner"],
    [40, "fr", "Intermédiaire"],
    [40, "en", "Intermédiaire"],
    [79.999, "fr", "Intermédiaire"],
    [80, "fr", "Expert"],
    [80, "en", "Expert"],
    [100, "en", "Expert"],
  ])("labels the score %j in %s as %j", (score, lang, label) => {
    expect(maturityLabel(score, BANDS, lang)).toBe(label);
  });

  it.each<[number, string, string]>([
    [0, "Émergent", "Emerging"],
    [24.9, "Émergent", "Emerging"],
    [25, "En développement", "Developing"],
    [50, "Établi", "Established"],
    [74.9, "Établi", "Established"],
    [75, "Avancé", "Advanced"],
    [100, "Avancé", "Advanced"],
  ])("labels %d with the default bands as %s / %s", (score, fr, en) => {
    const bands = maturityBands(template());
    expect(maturityLabel(score, bands, "fr")).toBe(fr);
    expect(maturityLabel(score, bands, "en")).toBe(en);
  });
});

describe("maturityBands", () => {
  it("uses the template's bands when it has some", () => {
    expect(maturityBands(template(BANDS))).toEqual(BANDS);
  });

  it.each([["absent", undefined], ["empty", []]])("falls back to default bands when the template's are %s", (_, maturity) => {
    expect(maturityBands(template(maturity)).length).toBeGreaterThan(0);
    expect(maturityBands(template(maturity))[0]?.min).toBe(0);
  });
});
