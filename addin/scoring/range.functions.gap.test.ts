/**
 * QG.GAP(score, target) — gapOfRange. design.md: gap = target − score (points, signed; positive =
 * shortfall). Ranges give an array of the same shape; a single target applies to every score.
 */
import { describe, expect, it } from "vitest";
import { gapOfRange } from "./range.functions.js";
import { DIV0, NA, column, propagatedOf, refusalOf, texts, valueOf } from "./range.functions.test-helpers.js";

describe("QG.GAP — happy path", () => {
  it("subtracts a single score from a single target: 80 − 62.5 = 17.5", () => {
    expect(valueOf(gapOfRange([[62.5]], [[80]]))).toEqual([[17.5]]);
  });

  it("keeps the sign: a score above its target gives a negative gap", () => {
    expect(valueOf(gapOfRange([[90]], [[75]]))).toEqual([[-15]]);
  });

  it("subtracts cell by cell for same-shape columns", () => {
    expect(valueOf(gapOfRange(column(62.5, 80, 0, 100), column(80, 75, 70, 100)))).toEqual(column(17.5, -5, 70, 0));
  });

  it("subtracts cell by cell for same-shape 2×2 ranges, keeping the shape", () => {
    expect(
      valueOf(
        gapOfRange(
          [
            [10, 20],
            [30, 40],
          ],
          [
            [50, 50],
            [25, 45],
          ],
        ),
      ),
    ).toEqual([
      [40, 30],
      [-5, 5],
    ]);
  });

  it("broadcasts a single target to every score of a column", () => {
    expect(valueOf(gapOfRange(column(60, 75, 90), [[75]]))).toEqual(column(15, 0, -15));
  });

  it("broadcasts a single target to every score of a row and of a 2×2 range", () => {
    expect(valueOf(gapOfRange([[60, 75, 90]], [[70]]))).toEqual([[10, -5, -20]]);
    expect(
      valueOf(
        gapOfRange(
          [
            [0, 100],
            [50, 25.5],
          ],
          [[50]],
        ),
      ),
    ).toEqual([
      [50, -50],
      [0, 24.5],
    ]);
  });

  it("computes decimal gaps to within rounding (70 − 66.666… = 3.333…)", () => {
    const score = (100 * 2) / 3;
    const gap = valueOf(gapOfRange([[score]], [[70]]))[0]?.[0];
    expect(gap).toBeCloseTo(70 - 200 / 3, 9);
  });
});

describe("QG.GAP — blanks", () => {
  it("leaves the gap blank where the score is blank (a dimension with nothing scored)", () => {
    expect(valueOf(gapOfRange(column(60, null, ""), column(80, 80, 80)))).toEqual(column(20, null, null));
  });

  it("leaves the gap blank where the target is blank", () => {
    expect(valueOf(gapOfRange(column(60, 70), column(null, 80)))).toEqual(column(null, 10));
  });

  it("leaves every gap blank under a blank single target", () => {
    expect(valueOf(gapOfRange(column(60, 70), [[null]]))).toEqual(column(null, null));
  });

  it("treats a score of 0 as a score, not a blank", () => {
    expect(valueOf(gapOfRange([[0]], [[80]]))).toEqual([[80]]);
  });
});

describe("QG.GAP — given wrong argument type", () => {
  it("refuses a text score, naming score (FR and EN)", () => {
    const r = gapOfRange(column(60, "élevé"), column(80, 80));
    expect(refusalOf(r)).toMatchObject({ id: "notANumberAt", params: { arg: "score", value: "élevé" } });
    const t = texts(r);
    expect(t.fr).toContain("score");
    expect(t.fr).toContain("élevé");
    expect(t.en).toContain("score");
  });

  // known bug: the message for a non-numeric cell of a score range does not say which row it is in
  // (notANumber carries no row), although issue 4 item 3 asks that messages name the argument and the row.
  // Input gapOfRange([[60],["élevé"]], [[80],[80]]): expected a text naming row 2 ("ligne 2" / "row 2");
  // actual « score doit être un nombre (valeur « élevé ») » / `score must be a number (got "élevé")`.
  it("names the row of a text score (FR and EN)", () => {
    const t = texts(gapOfRange(column(60, "élevé"), column(80, 80)));
    expect(t.fr).toContain("ligne 2");
    expect(t.en).toContain("row 2");
  });

  it("refuses a text target, naming target (cible in French)", () => {
    const r = gapOfRange(column(60), column("haut"));
    expect(refusalOf(r)).toMatchObject({ id: "notANumber", params: { arg: "target" } });
    const t = texts(r);
    expect(t.fr).toContain("cible");
    expect(t.fr).not.toContain("target");
    expect(t.en).toContain("target");
  });

  it("refuses a TRUE score", () => {
    expect(refusalOf(gapOfRange([[true]], [[80]]))).toMatchObject({ id: "notANumberAt", params: { arg: "score" } });
  });
});

describe("QG.GAP — given wrong sizes", () => {
  it("refuses a target column shorter than the score column, naming both with their shapes (FR and EN)", () => {
    const r = gapOfRange(column(60, 70, 80), column(75, 75));
    expect(refusalOf(r)).toMatchObject({ id: "sizeMismatch", params: { a: "score", b: "target" } });
    const t = texts(r);
    expect(t.fr).toContain("score (3×1)");
    expect(t.fr).toContain("cible (2×1)");
    expect(t.en).toContain("score (3×1)");
    expect(t.en).toContain("target (2×1)");
  });

  it("refuses a row of targets against a column of scores even with the same count", () => {
    const r = gapOfRange(column(60, 70, 80), [[75, 75, 75]]);
    expect(refusalOf(r)).toMatchObject({ id: "sizeMismatch" });
    expect(texts(r).en).toContain("target (1×3)");
  });

  it("refuses a 2×2 target against a 2×1 score", () => {
    expect(
      refusalOf(
        gapOfRange(column(1, 2), [
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toMatchObject({ id: "sizeMismatch" });
  });
});

describe("QG.GAP — errors propagation", () => {
  it("propagates an Excel error found in the scores", () => {
    expect(propagatedOf(gapOfRange(column(60, DIV0), column(80, 80)))).toEqual({ error: "#DIV/0!" });
  });

  it("propagates an Excel error found in the targets", () => {
    expect(propagatedOf(gapOfRange(column(60, 70), column(80, NA)))).toEqual({ error: "#N/A" });
  });

  it("propagates an Excel error given as the single target", () => {
    expect(propagatedOf(gapOfRange(column(60, 70), [[NA]]))).toEqual({ error: "#N/A" });
  });
});

describe("QG.GAP — empty input", () => {
  it("returns a blank, not 0, for a blank score and a blank target", () => {
    expect(valueOf(gapOfRange([[null]], [[null]]))).toEqual([[null]]);
  });

  it("returns an empty array for an empty score range under a single target", () => {
    expect(valueOf(gapOfRange([], [[80]]))).toEqual([]);
  });
});
