/**
 * QG.COVERAGE(criteria, evidence_criteria, [evidence_status], [accepted_status]) — coverageOfRange:
 * the share of criteria with at least one linked evidence item (a cell may list several ids
 * separated by `,` or `;`), counting only items with the accepted status when one is given.
 */
import { describe, expect, it } from "vitest";
import { coverageOfRange } from "./range.functions.js";
import { DIV0, NA, column, propagatedOf, refusalOf, texts, valueOf } from "./range.functions.test-helpers.js";

const CRITERIA = column("C1", "C2", "C3", "C4", "C10");
// Evidence register: what each item links to, and its status.
const LINKS = column("C1; C2,C3", "C10", "c4");
const STATUS = column("Acceptée", "Refusée", "ACCEPTÉE");

describe("QG.COVERAGE — happy path", () => {
  it("counts a criterion covered by one item: 1 of 3", () => {
    expect(valueOf(coverageOfRange(column("C1", "C2", "C3"), column("C2")))).toBeCloseTo(1 / 3, 12);
  });

  it('reads several ids in one cell, separated by "," or ";" with spaces ("C1; C2,C3" covers C1, C2 and C3)', () => {
    expect(valueOf(coverageOfRange(column("C1", "C2", "C3", "C4"), column("C1; C2,C3")))).toBeCloseTo(3 / 4, 12);
  });

  it("does not let C1 match C10, nor C10 match C1", () => {
    expect(valueOf(coverageOfRange(column("C1", "C10"), column("C10")))).toBeCloseTo(1 / 2, 12);
    expect(valueOf(coverageOfRange(column("C1", "C10"), column("C1")))).toBeCloseTo(1 / 2, 12);
    expect(valueOf(coverageOfRange(column("C1", "C10", "C100"), column("C10; C100")))).toBeCloseTo(2 / 3, 12);
  });

  it("counts a criterion once however many items link to it", () => {
    expect(valueOf(coverageOfRange(column("C1", "C2"), column("C1", "C1", "C1;C1")))).toBeCloseTo(1 / 2, 12);
  });

  it("matches criterion ids regardless of case (c4 covers C4)", () => {
    expect(valueOf(coverageOfRange(column("C4", "C5"), column("c4")))).toBeCloseTo(1 / 2, 12);
  });

  it("counts every item when no status range is given: all 5 criteria covered", () => {
    expect(valueOf(coverageOfRange(CRITERIA, LINKS))).toBe(1);
  });

  it("counts only items with the accepted status, compared case-insensitively: C1, C2, C3, C4 but not C10 → 4/5", () => {
    expect(valueOf(coverageOfRange(CRITERIA, LINKS, STATUS, "acceptée"))).toBeCloseTo(4 / 5, 12);
  });

  it("counts only the items of another accepted status: refusée → C10 only → 1/5", () => {
    expect(valueOf(coverageOfRange(CRITERIA, LINKS, STATUS, "REFUSÉE"))).toBeCloseTo(1 / 5, 12);
  });

  it("counts nothing when no item has the accepted status", () => {
    expect(valueOf(coverageOfRange(CRITERIA, LINKS, STATUS, "Validée"))).toBe(0);
  });

  it("counts every item when the statuses are given but no accepted status (omitted or blank)", () => {
    expect(valueOf(coverageOfRange(CRITERIA, LINKS, STATUS))).toBe(1);
    expect(valueOf(coverageOfRange(CRITERIA, LINKS, STATUS, null))).toBe(1);
    expect(valueOf(coverageOfRange(CRITERIA, LINKS, STATUS, ""))).toBe(1);
  });

  it("leaves blank criteria cells out of the count: C1, blank, C2 with C2 linked → 1/2", () => {
    expect(valueOf(coverageOfRange(column("C1", null, "C2", ""), column("C2")))).toBeCloseTo(1 / 2, 12);
  });

  it("ignores blank evidence cells", () => {
    expect(valueOf(coverageOfRange(column("C1", "C2"), column(null, "", "C1")))).toBeCloseTo(1 / 2, 12);
  });

  it("gives 0 when criteria exist but the evidence register is empty", () => {
    expect(valueOf(coverageOfRange(column("C1", "C2"), []))).toBe(0);
  });
});

describe("QG.COVERAGE — given wrong argument type", () => {
  it("reads numeric criterion ids as their text (1 and 2 linked by \"1;2\"; 3 not linked) → 2/3", () => {
    expect(valueOf(coverageOfRange(column(1, 2, 3), column("1;2")))).toBeCloseTo(2 / 3, 12);
  });

  it("reads a numeric evidence link as its text (12 covers criterion 12)", () => {
    expect(valueOf(coverageOfRange(column(12, 1), column(12)))).toBeCloseTo(1 / 2, 12);
  });
});

describe("QG.COVERAGE — given wrong sizes", () => {
  it("refuses statuses of another size than the evidence links, naming both with their sizes (FR and EN)", () => {
    const r = coverageOfRange(CRITERIA, LINKS, column("Acceptée", "Refusée"), "Acceptée");
    expect(refusalOf(r)).toMatchObject({
      id: "sizeMismatch",
      params: { a: "evidence_criteria", b: "evidence_status", sizeA: 3, sizeB: 2 },
    });
    const t = texts(r);
    expect(t.fr).toContain("criteres_preuves (3)");
    expect(t.fr).toContain("statut_preuves (2)");
    expect(t.en).toContain("evidence_criteria (3)");
    expect(t.en).toContain("evidence_status (2)");
  });

  it("accepts criteria and evidence ranges of different sizes (they are different tables)", () => {
    expect(valueOf(coverageOfRange(column("C1", "C2", "C3", "C4"), column("C4")))).toBeCloseTo(1 / 4, 12);
  });
});

describe("QG.COVERAGE — errors propagation", () => {
  it("propagates an Excel error found in the criteria", () => {
    expect(propagatedOf(coverageOfRange(column("C1", NA), LINKS))).toEqual({ error: "#N/A" });
  });

  it("propagates an Excel error found in the evidence links", () => {
    expect(propagatedOf(coverageOfRange(CRITERIA, column("C1", DIV0, "C2")))).toEqual({ error: "#DIV/0!" });
  });

  it("propagates an Excel error found in the statuses", () => {
    expect(propagatedOf(coverageOfRange(CRITERIA, LINKS, column("Acceptée", NA, "Acceptée"), "Acceptée"))).toEqual({ error: "#N/A" });
  });

  it("propagates an Excel error given as the accepted status", () => {
    expect(propagatedOf(coverageOfRange(CRITERIA, LINKS, STATUS, DIV0))).toEqual({ error: "#DIV/0!" });
  });
});

describe("QG.COVERAGE — empty input", () => {
  it("returns an empty result (null), not 0, when there are no criteria", () => {
    expect(valueOf(coverageOfRange([], LINKS))).toBeNull();
  });

  it("returns null when every criteria cell is blank", () => {
    expect(valueOf(coverageOfRange(column(null, "", "  "), LINKS))).toBeNull();
  });
});
