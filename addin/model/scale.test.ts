import { describe, expect, it } from "vitest";
import { isNaToken, parseRatingCell, parseRatingText, type Rating } from "./scale.js";
import type { Scale } from "./template.types.js";

const LEVELS: Scale["levels"] = [
  { value: 1, label: { fr: "Non atteint", en: "Not met" } },
  { value: 2, label: { fr: "Partiellement atteint", en: "Partially met" } },
  { value: 3, label: { fr: "Atteint", en: "Met" } },
  { value: 4, label: { fr: "Dépassé", en: "Exceeded" } },
];
const WITH_NA: Scale = { levels: LEVELS, notApplicable: true };
const WITHOUT_NA: Scale = { levels: LEVELS, notApplicable: false };

/** A scale whose labels are plain strings and whose values are not 1, 2, 3… */
const ODD_SCALE: Scale = {
  levels: [
    { value: -1, label: "Recul" },
    { value: 0, label: "Stable" },
    { value: 2.5, label: "Progrès" },
  ],
  notApplicable: true,
};

const level = (value: number): Rating => ({ kind: "level", value });
const NA: Rating = { kind: "na" };
const BLANK: Rating = { kind: "blank" };

/** Every spelling of the N/A tokens in design.md this suite expects to be accepted. */
const NA_SPELLINGS = [
  "NA",
  "na",
  "N/A",
  "n/a",
  "N.A.",
  "n. a.",
  "N / A",
  "SO",
  "so",
  "S.O.",
  "s. o.",
  "S. O.",
  "S/O",
  "s/o",
  "S / O",
  "NC",
  "nc",
  "N.C.",
  "non applicable",
  "Non applicable",
  "NON APPLICABLE",
  "sans objet",
  "Sans objet",
  "SANS OBJET",
  "sans  objet",
  "not applicable",
  "Not Applicable",
  "NOT APPLICABLE",
  "non concerné",
  "Non concerné",
  "NON CONCERNÉ",
];

describe("isNaToken", () => {
  it.each(NA_SPELLINGS)("accepts %j", (text) => {
    expect(isNaToken(text)).toBe(true);
  });

  // What a formula cannot see through (it removes only spaces and dots) is not a token in a cell.
  it.each(["", " ", "N", "A", "N-A", "S-O", "NAN", "non", "sans", "not", "applicable", "objet", "oui", "0", "S/O/", "N/A/A", "non applicables", "sans-objet"])(
    "rejects %j",
    (text) => {
      expect(isNaToken(text)).toBe(false);
    },
  );
});

describe("parseRatingText (CSV answers)", () => {
  it.each([
    ["1", 1],
    ["4", 4],
    [" 3 ", 3],
    ["2.0", 2],
    ["2,0", 2],
    ["+3", 3],
  ])("reads the level value %j", (raw, value) => {
    expect(parseRatingText(raw, WITH_NA)).toEqual(level(value));
  });

  it.each([
    ["Non atteint", 1],
    ["non atteint", 1],
    ["PARTIELLEMENT ATTEINT", 2],
    ["Atteint", 3],
    ["Dépassé", 4],
    ["dépassé", 4],
    ["DÉPASSÉ", 4],
    ["  Atteint  ", 3],
  ])("reads the French label %j", (raw, value) => {
    expect(parseRatingText(raw, WITH_NA)).toEqual(level(value));
  });

  it.each([
    ["Not met", 1],
    ["not met", 1],
    ["Partially met", 2],
    ["MET", 3],
    ["met", 3],
    ["exceeded", 4],
  ])("reads the English label %j", (raw, value) => {
    expect(parseRatingText(raw, WITH_NA)).toEqual(level(value));
  });

  it.each([
    ["-1", -1],
    ["0", 0],
    ["2.5", 2.5],
    ["2,5", 2.5],
    ["recul", -1],
    ["Progrès", 2.5],
  ])("reads %j on a scale with negative and fractional values", (raw, value) => {
    expect(parseRatingText(raw, ODD_SCALE)).toEqual(level(value));
  });

  it.each(NA_SPELLINGS)("reads the N/A token %j", (raw) => {
    expect(parseRatingText(raw, WITH_NA)).toEqual(NA);
  });

  it.each(["S/O", "s/o", "S / O", "s.o.", "N-A", "n.a", "non-applicable", "Non concerne", "NON CONCERNE", "sans-objet", "Sans objet."])(
    "reads %j as N/A, ignoring accents and punctuation as well",
    (raw) => {
      expect(parseRatingText(raw, WITH_NA)).toEqual(NA);
    },
  );

  it.each([
    ["depasse", 4],
    ["DEPASSE", 4],
    ["Dépassé.", 4],
    ["Atteint!", 3],
    ["non-atteint", 1],
    ["partiellement-atteint", 2],
    ["Not-met", 1],
  ])("reads the label %j ignoring accents and punctuation", (raw, value) => {
    expect(parseRatingText(raw, WITH_NA)).toEqual(level(value));
  });

  it("refuses a word two levels answer to, naming them, instead of guessing", () => {
    const clash: Scale = { levels: [{ value: 1, label: "Élevé" }, { value: 2, label: "Elevé-" }, { value: 3, label: "Bas" }], notApplicable: true };
    expect(parseRatingText("eleve", clash)).toMatchObject({ kind: "invalid", raw: "eleve", problem: "ambiguous", levels: [1, 2] });
    expect(parseRatingText("ÉLEVÉ", clash)).toEqual(level(1));
    expect(parseRatingText("bas", clash)).toEqual(level(3));
  });

  it("matches a label whose accents are decomposed (as macOS writes them)", () => {
    expect(parseRatingText("De\u0301passe\u0301", WITH_NA)).toEqual(level(4));
  });

  it.each([
    ["7", "outsideScale"],
    ["peut-être", "notALevel"],
  ])("says why %j is not a rating", (raw, problem) => {
    expect(parseRatingText(raw, WITH_NA)).toMatchObject({ kind: "invalid", problem });
  });

  it("says why N/A is refused where the scale has none", () => {
    expect(parseRatingText("S/O", WITHOUT_NA)).toMatchObject({ kind: "invalid", problem: "naNotAllowed" });
  });

  it.each(["", "   ", "\t"])("reads %j as blank", (raw) => {
    expect(parseRatingText(raw, WITH_NA)).toEqual(BLANK);
  });

  it.each(["0", "5", "2.5", "2,5", "-1", "10", "peut-être", "Atteints", "Largement atteint", "oui", "3 points", "1e0", "S/O/N", "N-A-A"])(
    "reads %j as invalid, keeping the raw text and a reason",
    (raw) => {
      const r = parseRatingText(raw, WITH_NA);
      expect(r.kind).toBe("invalid");
      if (r.kind !== "invalid") return;
      expect(r.raw).toBe(raw);
      expect(r.reason).not.toBe("");
    },
  );

  it.each(["NA", "n/a", "S. O.", "sans objet", "not applicable", "NC"])(
    "reads the N/A token %j as invalid when the scale disallows N/A",
    (raw) => {
      const r = parseRatingText(raw, WITHOUT_NA);
      expect(r.kind).toBe("invalid");
      if (r.kind === "invalid") expect(r.raw).toBe(raw);
    },
  );

  it("still reads levels and labels when the scale disallows N/A", () => {
    expect(parseRatingText("2", WITHOUT_NA)).toEqual(level(2));
    expect(parseRatingText("met", WITHOUT_NA)).toEqual(level(3));
    expect(parseRatingText("", WITHOUT_NA)).toEqual(BLANK);
  });
});

describe("parseRatingCell (workbook cells)", () => {
  it.each([
    [1, 1],
    [3, 3],
    [4, 4],
  ])("reads the number %j as a level", (value, expected) => {
    expect(parseRatingCell(value, WITH_NA)).toEqual(level(expected));
  });

  it.each([0, 5, 2.5, -1, Number.NaN])("reads the number %j, not a level value, as invalid", (value) => {
    expect(parseRatingCell(value, WITH_NA).kind).toBe("invalid");
  });

  it.each(["S. O.", "N/A", "na", "sans objet", "Not applicable", "NC"])("reads the text %j as N/A", (value) => {
    expect(parseRatingCell(value, WITH_NA)).toEqual(NA);
  });

  it.each(["3", "Atteint", "met", "Dépassé", "oui"])("does not read the text %j as a level", (value) => {
    const r = parseRatingCell(value, WITH_NA);
    expect(r.kind).toBe("invalid");
    if (r.kind === "invalid") expect(r.raw).toBe(value);
  });

  it.each(["S. O.", "N/A", "sans objet"])("reads %j as invalid when the scale disallows N/A", (value) => {
    expect(parseRatingCell(value, WITHOUT_NA).kind).toBe("invalid");
  });

  it.each([null, undefined, ""])("reads the empty cell %j as blank", (value) => {
    expect(parseRatingCell(value, WITH_NA)).toEqual(BLANK);
  });

  it.each([true, false, {}, new Date(2026, 0, 1)])("reads the non-rating %j as invalid", (value) => {
    expect(parseRatingCell(value, WITH_NA).kind).toBe("invalid");
  });

  it("reads fractional level values on a scale that has them", () => {
    expect(parseRatingCell(2.5, ODD_SCALE)).toEqual(level(2.5));
    expect(parseRatingCell(-1, ODD_SCALE)).toEqual(level(-1));
    expect(parseRatingCell(1, ODD_SCALE).kind).toBe("invalid");
  });
});
