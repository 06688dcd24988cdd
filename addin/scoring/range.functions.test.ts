/**
 * The QG.* range functions as a whole: every kind of #VALUE! refusal they produce reads as a full
 * sentence in French and in English. Each function's own behaviour (happy path, wrong argument type,
 * wrong sizes, errors propagation, empty input) is tested in range.functions.<function>.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { RangeMessageId } from "./range.messages.js";
import {
  agreementOfRanges,
  consensusOfRows,
  dimensionScoreOfRange,
  gapOfRange,
  levelOfRange,
  scoreOfRange,
  type RangeResult,
} from "./range.functions.js";
import { column, refusalOf, texts } from "./range.functions.test-helpers.js";

/** One input per refusal kind, produced through the functions themselves. */
const REFUSALS: [RangeMessageId, () => RangeResult<unknown>][] = [
  ["sizeMismatch", () => scoreOfRange(column(1, 2), 1, 4, column(1))],
  ["scaleBounds", () => scoreOfRange(column(1, 2), 4, 1)],
  ["notANumber", () => scoreOfRange([[1]], "x", 4)],
  ["notANumberAt", () => gapOfRange([["haut"]], [[80]])],
  ["outsideScale", () => scoreOfRange(column(1, 7), 1, 4)],
  ["notARating", () => dimensionScoreOfRange(column("D", "D"), column(1, "oui"), "D", 1, 4)],
  ["badWeight", () => scoreOfRange(column(1, 2), 1, 4, column(1, "x"))],
  ["badTolerance", () => agreementOfRanges(column(1), column(1), -2)],
  ["badMethod", () => consensusOfRows([[1, 2]], "mode")],
  ["thresholdsLabels", () => levelOfRange([[50]], column(0, 50), column("Bas"))],
  ["badThreshold", () => levelOfRange([[50]], column(0, "x"), column("Bas", "Haut"))],
];

describe("QG.* refusals in French and English", () => {
  it("cover every message of the catalogue", () => {
    expect(new Set(REFUSALS.map(([id]) => id)).size).toBe(11);
  });

  it.each(REFUSALS)("%s is produced and reads as a complete sentence in both languages", (id, call) => {
    const r = call();
    expect(refusalOf(r).id).toBe(id);
    const t = texts(r);
    for (const text of [t.fr, t.en]) {
      expect(text.length).toBeGreaterThan(15);
      expect(text).not.toMatch(/undefined|null|NaN|\[object Object\]|\$\{/);
    }
    expect(t.fr).not.toBe(t.en);
  });

  it("name rows with « ligne » in French and “row” in English", () => {
    const t = texts(scoreOfRange(column(1, 7), 1, 4));
    expect(t.fr).toMatch(/\bligne 2\b/);
    expect(t.fr).not.toMatch(/\brow\b/);
    expect(t.en).toMatch(/\brow 2\b/);
    expect(t.en).not.toMatch(/\bligne\b/);
  });
});
