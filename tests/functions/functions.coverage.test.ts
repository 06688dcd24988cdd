/**
 * QG.COVERAGE(criteria, evidence_criteria, [evidence_status], [accepted_status], [evidence_expiry],
 * [reference_date]): the share of criteria with at least one linked evidence item (several ids per
 * cell, "," or ";"), counting only the items of the accepted status when one is given and, given
 * their expiry dates (Excel day serials), only items not expired before the reference date.
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

// Excel passes date cells as day serials: 45747 is 2025-03-31.
const REF = 45747;
const ACCEPTED4 = col("Acceptée", "Acceptée", "Acceptée", "Acceptée");
const OWN = col("C1", "C2", "C3", "C10");

describe("QG.COVERAGE — expired evidence", () => {
  it("leaves out items expired before the reference date; the day itself, later and blank count: 3/4", () => {
    expect(coverage(CRITERIA, OWN, ACCEPTED4, "Acceptée", col(REF - 1, REF, REF + 1, null), REF)).toBe(0.75);
    expect(coverage(CRITERIA, OWN, ACCEPTED4, "Acceptée", col(REF - 1, REF - 2, "", REF + 0.5), REF)).toBe(0.5);
  });

  it("gives the same result as before when the new arguments are omitted (Excel passes null)", () => {
    const none = null as unknown as unknown[][];
    expect(coverage(CRITERIA, OWN, ACCEPTED4, "Acceptée", none, null)).toBe(1);
    expect(coverage(CRITERIA, LINKS, STATUS, "acceptée", none, null)).toBe(0.75);
  });

  it("takes today when the reference date is omitted: dates far in the past expired, far in the future not", () => {
    expect(coverage(CRITERIA, OWN, ACCEPTED4, "Acceptée", col(1000, 2958000, null, 2958000))).toBe(0.75);
  });

  it("refuses expiry dates of another size than the evidence links", () => {
    expect(messages(() => coverage(CRITERIA, OWN, ACCEPTED4, "Acceptée", col(REF), REF))).toEqual({
      fr: "criteres_preuves (4) et expiration_preuves (1) doivent avoir la même taille",
      en: "evidence_criteria (4) and evidence_expiry (1) must have the same size",
    });
  });

  it("refuses an expiry cell that is not a date, naming its row, and a reference date that is not one", () => {
    expect(messages(() => coverage(CRITERIA, OWN, ACCEPTED4, "Acceptée", col(REF, "bientôt", null, null), REF))).toEqual({
      fr: "expiration_preuves, ligne 2 : « bientôt » n'est pas une date ; entrez une date d'Excel ou laissez la cellule vide",
      en: 'evidence_expiry, row 2: "bientôt" is not a date; enter an Excel date or leave the cell blank',
    });
    expect(messages(() => coverage(CRITERIA, OWN, ACCEPTED4, "Acceptée", col(REF, null, null, null), "2025-03-31"))).toEqual({
      fr: "date_reference doit être une date (valeur « 2025-03-31 ») : une date d'Excel, pas un texte",
      en: 'reference_date must be a date (got "2025-03-31"): an Excel date, not text',
    });
  });

  it("returns an error found in the expiry dates or the reference date", () => {
    expect(errorOf(() => coverage(CRITERIA, OWN, ACCEPTED4, "Acceptée", col(REF, inputError("#N/A"), null, null), REF))).toEqual({ code: "#N/A" });
    expect(errorOf(() => coverage(CRITERIA, OWN, ACCEPTED4, "Acceptée", col(REF, null, null, null), inputError("#DIV/0!")))).toEqual({ code: "#DIV/0!" });
  });
});
