/**
 * QG.COVERAGE(criteria, evidence_criteria, [evidence_status], [accepted_status], [evidence_expiry],
 * [reference_date]) — coverageOfRange: the share of criteria with at least one linked evidence item
 * (a cell may list several ids separated by `,` or `;`), counting only items with the accepted
 * status when one is given and, given expiry dates, only items not expired as of the reference
 * date (today when omitted).
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

// Excel's day serials: 45747 = 2025-03-31, the assessment date of these tests.
const REF = 45747;
const TODAY = new Date(Date.UTC(2025, 2, 31, 15, 30));
// Every item is accepted and names its own criterion; only the expiry dates differ.
const C5 = column("C1", "C2", "C3", "C4", "C5");
const OWN = column("C1", "C2", "C3", "C4", "C5");
const ACCEPTED5 = column("Acceptée", "Acceptée", "Acceptée", "Acceptée", "Acceptée");
// C1 expired long ago, C2 the day before, C3 on the very day, C4 the day after, C5 without a date.
const EXPIRY = column(REF - 400, REF - 1, REF, REF + 1, null);

describe("QG.COVERAGE — expired evidence (evidence_expiry, reference_date)", () => {
  it("leaves out items expired before the reference date, counts those expiring on it or after and those without a date: 3/5", () => {
    expect(valueOf(coverageOfRange(C5, OWN, ACCEPTED5, "Acceptée", EXPIRY, REF))).toBeCloseTo(3 / 5, 12);
  });

  it("compares days: a time of day in the expiry or the reference date is dropped, as the workbook's INT", () => {
    const withTimes = column(REF - 400, REF - 0.25, REF + 0.75, REF + 1.5, "");
    expect(valueOf(coverageOfRange(C5, OWN, ACCEPTED5, "Acceptée", withTimes, REF + 0.9))).toBeCloseTo(3 / 5, 12);
  });

  it("reads blank expiry cells (null, \"\", spaces) as no expiry", () => {
    expect(valueOf(coverageOfRange(C5, OWN, ACCEPTED5, "Acceptée", column(null, "", "  ", null, ""), REF))).toBe(1);
  });

  it("covers a criterion by another item that has not expired", () => {
    const links = column("C1", "C1", "C2");
    expect(valueOf(coverageOfRange(column("C1", "C2"), links, undefined, undefined, column(REF - 1, REF + 10, REF - 5), REF))).toBeCloseTo(1 / 2, 12);
  });

  it("applies the expiry to accepted items only: a refused item stays out whatever its date", () => {
    const status = column("Acceptée", "Refusée", "Acceptée", "Refusée", "Acceptée");
    expect(valueOf(coverageOfRange(C5, OWN, status, "Acceptée", EXPIRY, REF))).toBeCloseTo(2 / 5, 12);
  });

  it("counts expiry without statuses (every item counts unless expired)", () => {
    expect(valueOf(coverageOfRange(C5, OWN, undefined, undefined, EXPIRY, REF))).toBeCloseTo(3 / 5, 12);
  });

  it("takes today (a UTC day) as the reference date when it is omitted or blank", () => {
    for (const reference of [undefined, null, ""]) {
      expect(valueOf(coverageOfRange(C5, OWN, ACCEPTED5, "Acceptée", EXPIRY, reference, { today: TODAY }))).toBeCloseTo(3 / 5, 12);
    }
    // A year later, everything dated has expired: only C5 (no date) counts.
    const later = new Date(Date.UTC(2026, 2, 31));
    expect(valueOf(coverageOfRange(C5, OWN, ACCEPTED5, "Acceptée", EXPIRY, undefined, { today: later }))).toBeCloseTo(1 / 5, 12);
  });

  it("takes the local calendar day when no today is given", () => {
    const now = new Date();
    const todaySerial = Math.round((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(1899, 11, 30)) / 86_400_000);
    const expiry = column(todaySerial - 1, todaySerial, todaySerial + 1);
    expect(valueOf(coverageOfRange(column("C1", "C2", "C3"), column("C1", "C2", "C3"), undefined, undefined, expiry))).toBeCloseTo(2 / 3, 12);
  });

  it("ignores the reference date when no expiry dates are given: as before, 5/5", () => {
    expect(valueOf(coverageOfRange(C5, OWN, ACCEPTED5, "Acceptée", undefined, REF + 1000))).toBe(1);
  });

  it("reads a 2-D expiry range in reading order, as the links", () => {
    const links = [["C1", "C2"], ["C3", "C4"]];
    const expiry = [[REF - 1, REF], [null, REF - 30]];
    expect(valueOf(coverageOfRange(column("C1", "C2", "C3", "C4"), links, undefined, undefined, expiry, REF))).toBeCloseTo(2 / 4, 12);
  });
});

describe("QG.COVERAGE — expiry: wrong sizes and wrong values", () => {
  it("refuses expiry dates of another size than the evidence links, naming both with their sizes (FR and EN)", () => {
    const r = coverageOfRange(C5, OWN, ACCEPTED5, "Acceptée", column(REF, REF), REF);
    expect(refusalOf(r)).toMatchObject({ id: "sizeMismatch", params: { a: "evidence_criteria", b: "evidence_expiry", sizeA: 5, sizeB: 2 } });
    expect(texts(r)).toEqual({
      fr: "criteres_preuves (5) et expiration_preuves (2) doivent avoir la même taille",
      en: "evidence_criteria (5) and evidence_expiry (2) must have the same size",
    });
  });

  it("refuses an expiry cell that is not a date, naming its row and value: text that looks like a date, a word, a boolean", () => {
    const r = coverageOfRange(C5, OWN, ACCEPTED5, "Acceptée", column(REF, null, "2025-03-31", REF, null), REF);
    expect(refusalOf(r)).toEqual({ id: "notADateAt", params: { arg: "evidence_expiry", row: 3, value: "2025-03-31" } });
    expect(texts(r)).toEqual({
      fr: "expiration_preuves, ligne 3 : « 2025-03-31 » n'est pas une date ; entrez une date d'Excel ou laissez la cellule vide",
      en: 'evidence_expiry, row 3: "2025-03-31" is not a date; enter an Excel date or leave the cell blank',
    });
    expect(refusalOf(coverageOfRange(C5, OWN, undefined, undefined, column(null, "jamais", null, null, null), REF)).params).toMatchObject({ row: 2, value: "jamais" });
    expect(refusalOf(coverageOfRange(C5, OWN, undefined, undefined, column(true, null, null, null, null), REF)).params).toMatchObject({ row: 1, value: "true" });
  });

  it("refuses a number no date has (0, negative, after 9999-12-31), even on an item that would not count", () => {
    const status = column("Refusée", "Acceptée", "Acceptée", "Acceptée", "Acceptée");
    for (const bad of [0, -3, 2958466]) {
      expect(refusalOf(coverageOfRange(C5, OWN, status, "Acceptée", column(bad, null, null, null, null), REF))).toEqual({
        id: "notADateAt",
        params: { arg: "evidence_expiry", row: 1, value: String(bad) },
      });
    }
  });

  it("refuses a reference date that is not a date (text, 0), naming it (FR and EN)", () => {
    const r = coverageOfRange(C5, OWN, ACCEPTED5, "Acceptée", EXPIRY, "31/03/2025");
    expect(refusalOf(r)).toEqual({ id: "notADate", params: { arg: "reference_date", value: "31/03/2025" } });
    expect(texts(r)).toEqual({
      fr: "date_reference doit être une date (valeur « 31/03/2025 ») : une date d'Excel, pas un texte",
      en: 'reference_date must be a date (got "31/03/2025"): an Excel date, not text',
    });
    expect(refusalOf(coverageOfRange(C5, OWN, ACCEPTED5, "Acceptée", EXPIRY, 0)).id).toBe("notADate");
  });

  it("propagates an Excel error found in the expiry dates or given as the reference date", () => {
    expect(propagatedOf(coverageOfRange(C5, OWN, ACCEPTED5, "Acceptée", column(REF, NA, null, null, null), REF))).toEqual({ error: "#N/A" });
    expect(propagatedOf(coverageOfRange(C5, OWN, ACCEPTED5, "Acceptée", EXPIRY, DIV0))).toEqual({ error: "#DIV/0!" });
  });
});
