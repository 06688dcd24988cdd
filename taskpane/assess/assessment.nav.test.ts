import { describe, expect, it } from "vitest";
import { translatorFor } from "../i18n/i18n.js";
import { fixtureTemplate, fixtureWorkbook } from "../test/fixtures.js";
import { criterionAfter, criterionPlace, evidenceFor, ratingOf } from "./assessment.nav.js";
import { ratingOptions } from "./RatingScale.js";

describe("assessment navigation", () => {
  const template = fixtureTemplate();

  it("finds a criterion case-insensitively, with its place in its dimension", () => {
    const place = criterionPlace(template, "comm-02");
    expect([place?.dimension.id, place?.criterion.id, place?.index, place?.count]).toEqual(["COMM", "COMM-02", 1, 2]);
    expect(criterionPlace(template, "NOPE")).toBeNull();
  });

  it("steps across dimensions and stops at both ends", () => {
    expect(criterionAfter(template, "GOUV-03", 1)).toBe("COMM-01");
    expect(criterionAfter(template, "COMM-01", -1)).toBe("GOUV-03");
    expect(criterionAfter(template, "GOUV-01", -1)).toBeNull();
    expect(criterionAfter(template, "COMM-02", 1)).toBeNull();
  });

  it("reads ratings as the grid's formulas do", () => {
    const wb = fixtureWorkbook("fr");
    const [a, b, c] = wb.grid;
    if (a) a.rating = 3;
    if (b) b.rating = "s.o.";
    if (c) c.rating = 7;
    expect(ratingOf(wb, "GOUV-01")).toEqual({ kind: "level", value: 3 });
    expect(ratingOf(wb, "GOUV-02")).toEqual({ kind: "na" });
    expect(ratingOf(wb, "GOUV-03").kind).toBe("invalid");
    expect(ratingOf(wb, "COMM-01")).toEqual({ kind: "blank" });
  });

  it("links evidence by the ids its criteria cell names", () => {
    const wb = fixtureWorkbook("fr");
    wb.evidence = [{ id: "P1", criteria: "COMM-01;GOUV-01", title: "", status: "", row: 5, criteriaCell: { sheet: "Preuves", address: "B5" } }];
    expect(evidenceFor(wb, "gouv-01")?.map((e) => e.id)).toEqual(["P1"]);
    expect(evidenceFor(wb, "GOUV-02")).toEqual([]);
    expect(evidenceFor({ ...wb, evidence: null }, "GOUV-01")).toBeNull();
  });
});

describe("ratingOptions", () => {
  it("offers N/A last only when the scale allows it", () => {
    const scale = fixtureTemplate().scale;
    expect(ratingOptions(scale, translatorFor("fr")).map((o) => `${o.value} ${o.label}`)).toEqual([
      "1 Non atteint",
      "2 Partiellement atteint",
      "3 Largement atteint",
      "4 Atteint",
      "S. O. Sans objet",
    ]);
    expect(ratingOptions({ ...scale, notApplicable: false }, translatorFor("en")).map((o) => o.key)).toEqual(["level:1", "level:2", "level:3", "level:4"]);
  });
});
