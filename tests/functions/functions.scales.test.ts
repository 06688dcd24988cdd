/**
 * QG.SCORE, QG.DIMSCORE and QG.AGREEMENT given each row's scale bounds (a template with several
 * scales: the grid's « Min échelle » / « Max échelle »), called as Excel calls them: the engine's
 * numbers on the rich template, bounds as one-cell ranges as before, and the refusals.
 */
import "./customFunctions.shim.js";
import { describe, expect, it } from "vitest";
import type { CriterionAnswers } from "../../addin/model/assessment.types.js";
import { isTextCriterion, scaleOfCriterion } from "../../addin/model/criterion.scale.js";
import { scaleBounds, type Rating } from "../../addin/model/scale.js";
import { parseTemplate } from "../../addin/model/template.parse.js";
import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import { assessmentWith, criterionAnswers } from "../../addin/scoring/assessment.test-helpers.js";
import { agreement, dimscore, score } from "../../functions/functions.js";
import { inputError } from "./customFunctions.shim.js";
import { col, errorOf, messages } from "./functions.helpers.js";

describe("QG.SCORE and QG.DIMSCORE with each row's bounds, on the rich template", () => {
  const parsed = parseTemplate(richTemplateJson());
  if (!parsed.ok) throw new Error("the rich template does not parse");
  const t = parsed.value;
  const level = (value: number): Rating => ({ kind: "level", value });
  // G1 = 2 (1–4), G2 = 0 (0–1), G3 = 5 (0–10, weight 2), G4 text; S1 = 4 (weight 3), S2 N/A, S3 text, S4 = 1 (0–1).
  const given: Record<string, Rating> = { G1: level(2), G2: level(0), G3: level(5), S1: level(4), S2: { kind: "na" }, S4: level(1) };
  const answers: CriterionAnswers[] = Object.entries(given).map(([id, r]) => criterionAnswers(t, id, [r]));
  const result = scoreAssessment(assessmentWith(t, answers));
  const rows = t.dimensions.flatMap((d) => d.criteria.map((c) => ({ d, c })));
  const dims = rows.map(({ d }) => [d.id]);
  const ratings = rows.map(({ c }) => {
    const r = given[c.id];
    return [r === undefined ? null : r.kind === "na" ? "S. O." : r.kind === "level" ? r.value : null];
  });
  const bound = (k: "min" | "max"): unknown[][] => rows.map(({ c }) => [isTextCriterion(c) ? null : scaleBounds(scaleOfCriterion(t, c))[k]]);
  const weights = rows.map(({ c }) => [c.weight]);

  it("gives each dimension's engine score to 1e-9, by the quick path and by the full one", () => {
    for (const d of result.dimensions) {
      expect(Math.abs((dimscore(dims, ratings, d.id, bound("min"), bound("max"), weights) as number) - (d.score ?? NaN))).toBeLessThan(1e-9);
      // A data-type cell sends QG.DIMSCORE down the path that reads every cell.
      const typed = dims.map(([id]) => [{ type: "String", basicValue: id }]);
      expect(Math.abs((dimscore(typed, ratings, d.id, bound("min"), bound("max"), weights) as number) - (d.score ?? NaN))).toBeLessThan(1e-9);
    }
    expect(result.dimensions.map((d) => d.score)).toEqual([expect.closeTo(100 / 3, 9), 100]);
  });

  it("gives a dimension's score with QG.SCORE over its rows", () => {
    const serv = rows.flatMap(({ d }, i) => (d.id === "SERV" ? [i] : []));
    const pick = (g: unknown[][]): unknown[][] => serv.map((i) => g[i] ?? [null]);
    expect(score(pick(ratings), pick(bound("min")), pick(bound("max")), pick(weights))).toBe(100);
  });
});

describe("QG.SCORE with each row's bounds, as Excel passes them", () => {
  it("takes a one-cell range as one scale for every row, as before", () => {
    expect(score(col(1, 4), [[1]], [[4]])).toBe(50);
  });

  it("scores each rating on its row's scale and leaves out one outside its bounds", () => {
    // 2 on 1–4 → ⅓; 1 on 0–1 → 1; 12 on 0–10 → not rated.
    expect(score(col(2, 1, 12), col(1, 0, 0), col(4, 1, 10))).toBeCloseTo((100 * (1 / 3 + 1)) / 2, 12);
  });

  it("refuses bounds of another size than the ratings, in both languages", () => {
    expect(messages(() => score(col(1, 2, 3), col(1, 1), col(4, 4, 4)))).toEqual({
      fr: "echelle_min (2) et cotations (3) doivent avoir la même taille",
      en: "scale_min (2) and ratings (3) must have the same size",
    });
  });

  it("returns an Excel error found in the bounds", () => {
    expect(errorOf(() => score(col(1, 2), col(1, inputError("#N/A")), col(4, 4)))).toEqual({ code: "#N/A" });
  });
});

describe("QG.AGREEMENT with each row's bounds", () => {
  it("counts differences in default-scale levels: 1, 3 and 0.9 against a tolerance of 1 → ⅔", () => {
    expect(agreement(col(2, 0, 5), col(3, 1, 8), 1, col(1, 0, 0), col(4, 1, 10), 1, 4)).toBeCloseTo(2 / 3, 12);
  });

  it("asks for the default scale with per-row bounds", () => {
    expect(messages(() => agreement(col(2, 0), col(3, 1), 1, col(1, 0), col(4, 1)))).toEqual({
      fr: "echelle_defaut_min est requis quand echelle_min est donné",
      en: "default_min is needed when scale_min is given",
    });
  });
});
