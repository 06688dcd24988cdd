/**
 * The canonical text of a closed round (design.md "Rounds, comparison and report"), by the seal's
 * rules: fixed field and row order, trimmed NFC texts with LF, shortest numbers, YYYY-MM-DD days.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { figuresRowText, historyItemRows, historyRatingText, historyValueText, itemRowText, roundCanonicalText, roundPrint, ROW_CHECK_LENGTH, spreadsheetNumber } from "./history.canonical.js";
import { OVERALL_ROW, type RoundFigures, type RoundRecord } from "./history.types.js";

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
const US = "\u001f";
const RS = "\u001e";

const ROUND: Omit<RoundRecord, "fingerprint"> = {
  label: " 2026 ",
  date: new Date(Date.UTC(2026, 11, 4, 18)),
  templateId: "t",
  version: "1.0",
  respondents: ["Ana", ""],
  figures: [
    { dimension: "A", score: 200 / 3, target: 75, gap: 75 - 200 / 3, answered: 1, notApplicable: 0, total: 1, completion: 1, evidenceCoverage: null, requiredNotMet: 0, toDiscuss: 0, reviewedCoverage: null, evaluator: null },
    {
      dimension: OVERALL_ROW,
      score: 0.1 + 0.2,
      target: 75,
      gap: null,
      answered: 1,
      notApplicable: 0,
      total: 1,
      completion: 1,
      evidenceCoverage: 0.5,
      requiredNotMet: 0,
      toDiscuss: 0,
      reviewedCoverage: 0,
      evaluator: { score: null, gap: null, answered: 0, both: 0, withinTolerance: null, meanAbsDiff: null },
    },
  ],
  criteria: [{ criterion: "A1", dimension: "A", consolidated: 2.5, score: 50, evaluator: "na", agreedReason: "", evaluatorComment: "Cafe\u0301\r\n" }],
  answers: [
    { criterion: "A1", respondent: "Ana", rating: 3, comment: " ok " },
    { criterion: "a1", respondent: "", rating: null, answer: " Des rencontres\r\n", comment: "" },
  ],
};

describe("the canonical text of a round", () => {
  it("writes a figures row field by field, the evaluator's blank when there was none and 0 when it rated nothing", () => {
    expect(figuresRowText(ROUND, ROUND.figures[0] as RoundFigures)).toBe(["2026", "2026-12-04", "t", "1.0", "A", "66.6666666666667", "75", "8.33333333333333", "1", "0", "1", "1", "", "0", "0", "", "", "", "", "", "", ""].join(US));
    const overall = figuresRowText(ROUND, ROUND.figures[1] as RoundFigures).split(US);
    // At 15 significant digits, as a spreadsheet keeps it: 0.1 + 0.2 is 0.3.
    expect(overall.slice(4, 6)).toEqual([OVERALL_ROW, "0.3"]);
    expect(overall.slice(-6)).toEqual(["", "", "0", "0", "", ""]);
  });

  it("puts a criterion's own fields on its first row only, answers matched case-insensitively, words (or none) after the rating", () => {
    const rows = historyItemRows(ROUND);
    expect(rows.map((r) => [r.criterionId, r.criterion !== null, r.answer.respondent])).toEqual([
      ["A1", true, "Ana"],
      ["A1", false, ""],
    ]);
    expect(itemRowText(ROUND.label, rows[0] as (typeof rows)[number])).toBe(["2026", "A1", "Ana", "3", "", "ok", "A", "2.5", "50", "N/A", "", "Café"].join(US));
    expect(itemRowText(ROUND.label, rows[1] as (typeof rows)[number])).toBe(["2026", "A1", "", "", "Des rencontres", "", "", "", "", "", "", ""].join(US));
    expect([3, "na", null].map((r) => historyRatingText(r as 3))).toEqual(["3", "N/A", ""]);
  });

  it("joins the round's head, its figures rows and its item rows, and prints them", async () => {
    const text = roundCanonicalText(ROUND);
    expect(text.split(RS)).toHaveLength(1 + 2 + 2);
    expect(text.split(RS)[0]).toBe(["2026", "2026-12-04", "t", "1.0", "Ana", ""].join(US));
    const print = await roundPrint(ROUND, sha256);
    expect(print.fingerprint).toBe(sha256(text));
    expect(print.rowChecks.figures[1]).toBe(sha256(figuresRowText(ROUND, ROUND.figures[1] as RoundFigures)).slice(0, ROW_CHECK_LENGTH));
    expect(print.rowChecks.items).toHaveLength(2);
  });

  it("compares numbers at the 15 significant digits LibreOffice writes, rounding the shortest form half away from zero", () => {
    expect(spreadsheetNumber(44.44444444444445)).toBe(44.4444444444445);
    expect(spreadsheetNumber(-0.6666666666666572)).toBe(-0.666666666666657);
    expect(spreadsheetNumber(99.99999999999999)).toBe(100);
    expect(spreadsheetNumber(1.5e-20 / 3)).toBe(5e-21);
    expect([0, 12.5, 1 / 3].map(spreadsheetNumber)).toEqual([0, 12.5, 0.333333333333333]);
    expect(historyValueText(0.1 + 0.2)).toBe("0.3");
  });

  it("gives a criterion nobody answered a row of its own", () => {
    const rows = historyItemRows({ criteria: ROUND.criteria, answers: [] });
    expect(rows).toEqual([{ criterionId: "A1", criterion: ROUND.criteria[0], answer: { criterion: "A1", respondent: "", rating: null, answer: "", comment: "" } }]);
  });
});
