/**
 * QG.COVERAGE(criteria, evidence_criteria, [evidence_status], [accepted_status]): the share of
 * criteria with at least one linked evidence item (several ids per cell, "," or ";"), counting only
 * the items of the accepted status when one is given.
 */
import "./customFunctions.shim.js";
import { describe, expect, it } from "vitest";
import { coverage } from "../../functions/functions.js";
import { inputError } from "./customFunctions.shim.js";
import { col, errorOf, messages } from "./functions.helpers.js";

const CRITERIA = col("C1", "C2", "C3", "C10");
const LINKS = col("C1; C2", "C10", "c3");
const STATUS = col("Acceptée", "Refusée", "ACCEPTÉE");

describe("QG.COVERAGE — happy path", () => {
  it("counts every linked criterion when no status is given (omitted arguments arrive as null): 4/4", () => {
    expect(coverage(CRITERIA, LINKS)).toBe(1);
    expect(coverage(CRITERIA, LINKS, null as unknown as unknown[][], null)).toBe(1);
  });

  it("counts only accepted items, compared ignoring case: C1, C2, C3 but not C10 → 3/4", () => {
    expect(coverage(CRITERIA, LINKS, STATUS, "acceptée")).toBe(0.75);
  });

  it("does not let C1 match C10", () => {
    expect(coverage(col("C1", "C10"), col("C10"))).toBe(0.5);
  });

  it("gives 0 when nothing is linked", () => {
    expect(coverage(CRITERIA, col("", "C99"))).toBe(0);
  });
});

describe("QG.COVERAGE — empty input", () => {
  it('gives "" when there is no criterion', () => {
    expect(coverage(col("", null), LINKS)).toBe("");
  });
});

describe("QG.COVERAGE — given wrong argument type", () => {
  it("reads numeric ids as text: 1 and 2 linked by \"1;2\", 3 not → ⅔", () => {
    expect(coverage(col(1, 2, 3), col("1;2"))).toBeCloseTo(2 / 3, 12);
  });
});

describe("QG.COVERAGE — wrong sizes", () => {
  it("refuses statuses of another size than the evidence links", () => {
    expect(messages(() => coverage(CRITERIA, LINKS, col("Acceptée"), "Acceptée"))).toEqual({
      fr: "criteres_preuves (3) et statut_preuves (1) doivent avoir la même taille",
      en: "evidence_criteria (3) and evidence_status (1) must have the same size",
    });
  });
});

describe("QG.COVERAGE — errors propagation", () => {
  it("returns an error found in the criteria, the links, the statuses or the accepted status", () => {
    expect(errorOf(() => coverage(col("C1", inputError("#N/A")), LINKS))).toEqual({ code: "#N/A" });
    expect(errorOf(() => coverage(CRITERIA, col(inputError("#DIV/0!"))))).toEqual({ code: "#DIV/0!" });
    expect(errorOf(() => coverage(CRITERIA, LINKS, col("a", inputError("#NULL!"), "b")))).toEqual({ code: "#NULL!" });
    expect(errorOf(() => coverage(CRITERIA, LINKS, STATUS, inputError("#N/A")))).toEqual({ code: "#N/A" });
  });
});
