/**
 * QG.SCORE, QG.DIMSCORE and QG.AGREEMENT with each row's scale bounds (the grid's « Min échelle » /
 * « Max échelle » when a template has several scales): against the engine on the rich template
 * (hand-computed answers, then seeded random assessments), hand-computed agreement across scales,
 * and the refusals.
 */
import { describe, expect, it } from "vitest";
import type { Assessment, CriterionAnswers } from "../model/assessment.types.js";
import { answerScale, isTextCriterion, scaleOfCriterion } from "../model/criterion.scale.js";
import { scaleBounds, type Rating } from "../model/scale.js";
import { parseTemplate } from "../model/template.parse.js";
import { richTemplateJson } from "../model/template.rich.test-helpers.js";
import type { Template } from "../model/template.types.js";
import { scoreAssessment } from "./assessment.score.js";
import { assessmentWith, criterionAnswers } from "./assessment.test-helpers.js";
import { agreementOfRanges, dimensionScoreOfColumns, dimensionScoreOfRange, scoreOfRange, type Cell } from "./range.functions.js";
import { DIV0, column, propagatedOf, refusalOf, texts, valueOf } from "./range.functions.test-helpers.js";

function rich(): Template {
  const r = parseTemplate(richTemplateJson());
  if (!r.ok) throw new Error("the rich template does not parse");
  return r.value;
}

/** The grid's columns for an assessment, one row per criterion in template order, as the workbook holds them. */
interface Columns {
  dimension: Cell[][];
  theme: Cell[][];
  rating: Cell[][];
  min: Cell[][];
  max: Cell[][];
  weight: Cell[][];
}

function ratingCell(r: Rating | undefined): Cell {
  if (r === undefined) return null;
  return r.kind === "na" ? "N/A" : r.kind === "level" ? r.value : null;
}

function columnsOf(t: Template, a: Assessment): Columns {
  const byId = new Map(a.criteria.map((c) => [c.criterion.toLowerCase(), c]));
  const out: Columns = { dimension: [], theme: [], rating: [], min: [], max: [], weight: [] };
  for (const d of t.dimensions) {
    for (const c of d.criteria) {
      const text = isTextCriterion(c);
      const b = scaleBounds(scaleOfCriterion(t, c));
      out.dimension.push([d.id]);
      out.theme.push([c.theme ?? null]);
      out.rating.push([ratingCell(byId.get(c.id.toLowerCase())?.answers[0]?.rating)]);
      // A text question's bounds are blank, as in the grid.
      out.min.push([text ? null : b.min]);
      out.max.push([text ? null : b.max]);
      out.weight.push([c.weight]);
    }
  }
  return out;
}

/** The rows of `cols` where `keep` holds, as one-column ranges. */
function rowsWhere(cols: Columns, keep: (i: number) => boolean): Columns {
  const pick = (g: Cell[][]): Cell[][] => g.filter((_, i) => keep(i));
  return { dimension: pick(cols.dimension), theme: pick(cols.theme), rating: pick(cols.rating), min: pick(cols.min), max: pick(cols.max), weight: pick(cols.weight) };
}

const level = (value: number): Rating => ({ kind: "level", value });

/** The answers of assessment.fields.test.ts: G1 = 2, G2 = 0, G3 = 5 (weight 2), G4 text, S1 = 4 (weight 3), S2 N/A, S3 blank, S4 = 1. */
function handAnswered(t: Template): Assessment {
  const rated = (id: string, r: Rating): CriterionAnswers => criterionAnswers(t, id, [r]);
  return assessmentWith(t, [rated("G1", level(2)), rated("G2", level(0)), rated("G3", level(5)), rated("S1", level(4)), rated("S2", { kind: "na" }), rated("S4", level(1))]);
}

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random assessment: each rating criterion a level of its scale, N/A where allowed, or blank; a
 * text question answered in words or not, sometimes with a stray number in its rating (never scored).
 */
function randomAssessment(t: Template, rand: () => number): Assessment {
  const criteria: CriterionAnswers[] = [];
  for (const d of t.dimensions) {
    for (const c of d.criteria) {
      const roll = rand();
      let r: Rating = { kind: "blank" };
      if (isTextCriterion(c)) {
        if (roll < 0.3) r = level(3);
        const a = criterionAnswers(t, c.id, [r]);
        (a.answers[0] as { text: string }).text = rand() < 0.5 ? "Des mots." : "";
        criteria.push(a);
        continue;
      }
      const levels = scaleOfCriterion(t, c).levels;
      if (roll < 0.7) r = level(levels[Math.floor(rand() * levels.length)]?.value ?? 0);
      else if (roll < 0.85 && answerScale(t, c).notApplicable) r = { kind: "na" };
      criteria.push(criterionAnswers(t, c.id, [r]));
    }
  }
  return assessmentWith(t, criteria);
}

describe("QG.SCORE and QG.DIMSCORE with each row's bounds agree with the engine (rich template)", () => {
  const t = rich();

  function expectAgreement(a: Assessment): void {
    const result = scoreAssessment(a);
    const cols = columnsOf(t, a);
    for (const d of result.dimensions) {
      const full = valueOf(dimensionScoreOfRange(cols.dimension, cols.rating, d.id, cols.min, cols.max, cols.weight));
      const quick = dimensionScoreOfColumns(cols.dimension, cols.rating, d.id, cols.min, cols.max, cols.weight);
      const mine = rowsWhere(cols, (i) => cols.dimension[i]?.[0] === d.id);
      const alone = valueOf(scoreOfRange(mine.rating, mine.min, mine.max, mine.weight));
      for (const got of [full, quick, alone]) {
        if (d.score === null) expect(got, d.id).toBeNull();
        else expect(Math.abs((got as number) - d.score), d.id).toBeLessThan(1e-9);
      }
      for (const th of d.themes) {
        const rows = rowsWhere(cols, (i) => cols.dimension[i]?.[0] === d.id && cols.theme[i]?.[0] === th.id);
        const got = valueOf(scoreOfRange(rows.rating, rows.min, rows.max, rows.weight));
        if (th.score === null) expect(got, `${d.id}/${th.id}`).toBeNull();
        else expect(Math.abs((got as number) - th.score), `${d.id}/${th.id}`).toBeLessThan(1e-9);
      }
    }
  }

  it("gives the hand-computed dimension scores: GOUV 33.33 (1–4, 0–1 and 0–10 rows), SERV 100", () => {
    const cols = columnsOf(t, handAnswered(t));
    // GOUV: (1 × 1/3 + 1 × 0 + 2 × 0.5) / 4; SERV: (3 × 1 + 1 × 1) / 4, S2 N/A and the text rows left out.
    expect(valueOf(dimensionScoreOfRange(cols.dimension, cols.rating, "GOUV", cols.min, cols.max, cols.weight))).toBeCloseTo(100 / 3, 12);
    expect(dimensionScoreOfColumns(cols.dimension, cols.rating, "gouv", cols.min, cols.max, cols.weight)).toBeCloseTo(100 / 3, 12);
    expect(valueOf(dimensionScoreOfRange(cols.dimension, cols.rating, "SERV", cols.min, cols.max, cols.weight))).toBe(100);
    expectAgreement(handAnswered(t));
  });

  it("agrees on 200 seeded random assessments, to 1e-9, themes included", () => {
    const rand = seeded(20260715);
    for (let k = 0; k < 200; k++) expectAgreement(randomAssessment(t, rand));
  });
});

describe("each row's bounds", () => {
  it("score each rating on its own row's scale: 2 on 1–4, 1 on 0–1, 5 on 0–10 → (⅓ + 1 + ½)/3", () => {
    expect(valueOf(scoreOfRange(column(2, 1, 5), column(1, 0, 0), column(4, 1, 10)))).toBeCloseTo((100 * (1 / 3 + 1 + 0.5)) / 3, 12);
  });

  it("leave out a rating that is not a number inside its row's bounds, as the grid's « Évalué » does", () => {
    // 7 on 1–4, 2 on 0–1, "oui" and TRUE: not rated; only 4 on 1–4 counts.
    expect(valueOf(scoreOfRange(column(7, 2, "oui", true, 4), column(1, 0, 1, 1, 1), column(4, 1, 4, 4, 4)))).toBe(100);
    expect(valueOf(scoreOfRange(column(7, "N/A"), column(1, 1), column(4, 4)))).toBeNull();
  });

  it("leave out every row whose bounds are blank (a free-text question), whatever its rating", () => {
    expect(valueOf(scoreOfRange(column(1, 4, "Des mots"), column(1, null, ""), column(4, null, " ")))).toBe(0);
  });

  it("may mix one bound for every row with one per row: min 0 everywhere, max 1 or 10", () => {
    expect(valueOf(scoreOfRange(column(1, 5), 0, column(1, 10)))).toBeCloseTo(75, 12);
    expect(valueOf(scoreOfRange(column(1, 5), [[0]], column(1, 10)))).toBeCloseTo(75, 12);
  });

  it("keep one scale for every row as it was: a one-cell range is a single bound, and a value outside it is refused", () => {
    expect(valueOf(scoreOfRange(column(1, 4), [[1]], [[4]]))).toBe(50);
    expect(texts(scoreOfRange(column(9), [[1]], [[4]])).en).toBe("ratings, row 1: rating 9 is outside the scale (1 to 4)");
  });

  it("weigh rows as QG.SCORE always did", () => {
    // 4 on 1–4 weighted 3, 0 on 0–1 weighted 1: 100 × 3/4.
    expect(valueOf(scoreOfRange(column(4, 0), column(1, 0), column(4, 1), column(3, 1)))).toBe(75);
  });

  it("take the quick path of QG.DIMSCORE only where the full one gives the same answer", () => {
    const dims = column("A", "A", "B");
    expect(dimensionScoreOfColumns(dims, column(4, 9, 1), "A", column(1, 1, 1), column(4, 4, 4))).toBe(100);
    expect(valueOf(dimensionScoreOfRange(dims, column(4, 9, 1), "A", column(1, 1, 1), column(4, 4, 4)))).toBe(100);
    // A bad bound on another dimension's row is still refused, by the full path.
    expect(dimensionScoreOfColumns(dims, column(4, 1, 1), "A", column(1, 1, 4), column(4, 4, 1))).toBeUndefined();
    expect(refusalOf(dimensionScoreOfRange(dims, column(4, 1, 1), "A", column(1, 1, 4), column(4, 4, 1))).id).toBe("scaleBoundsAt");
  });
});

describe("each row's bounds — refusals", () => {
  it("refuse bounds of another size than the ratings, in the existing words", () => {
    expect(texts(scoreOfRange(column(1, 2, 3), column(1, 1), column(4, 4, 4)))).toEqual({
      fr: "echelle_min (2) et cotations (3) doivent avoir la même taille",
      en: "scale_min (2) and ratings (3) must have the same size",
    });
    expect(texts(dimensionScoreOfRange(column("A", "A"), column(1, 2), "A", column(1, 1), column(4, 4, 4))).en).toBe("scale_max (3) and ratings (2) must have the same size");
  });

  it("refuse a row with one bound only, or a bound that is not a number, naming the row", () => {
    expect(texts(scoreOfRange(column(1, 2), column(1, 1), column(4, null)))).toEqual({
      fr: "echelle_max, ligne 2 : vide alors que echelle_min est donné ; donnez les deux bornes, ou aucune pour une ligne sans échelle",
      en: "scale_max, row 2: blank while scale_min is given; give both bounds, or neither for a row without a scale",
    });
    expect(texts(scoreOfRange(column(1, 2), column("un", 1), column(4, 4))).en).toBe('scale_min, row 1: "un" must be a number');
  });

  it("refuse a row whose min is not below its max, naming the row", () => {
    expect(texts(scoreOfRange(column(1, 2), column(1, 4), column(4, 4)))).toEqual({
      fr: "ligne 2 : echelle_min (4) doit être inférieur à echelle_max (4) ; laissez les deux vides pour une ligne sans échelle",
      en: "row 2: scale_min (4) must be below scale_max (4); leave both blank for a row without a scale",
    });
  });

  it("propagate an Excel error found in the bounds", () => {
    expect(propagatedOf(scoreOfRange(column(1, 2), column(1, DIV0), column(4, 4)))).toEqual(DIV0);
  });
});

describe("QG.AGREEMENT across scales: differences in default-scale levels", () => {
  // Rows: 1–4 (2 vs 3: 1 level), 0–1 (0 vs 1: 3 default levels), 0–10 (5 vs 8: 3 × 0.3 = 0.9), a text row (skipped).
  const a = column(2, 0, 5, 3);
  const b = column(3, 1, 8, 3);
  const min = column(1, 0, 0, null);
  const max = column(4, 1, 10, null);

  it("counts rows within the tolerance once each difference is in levels of the default 1–4 scale", () => {
    expect(valueOf(agreementOfRanges(a, b, 1, min, max, 1, 4))).toBeCloseTo(2 / 3, 12);
    expect(valueOf(agreementOfRanges(a, b, 0.9, min, max, 1, 4))).toBeCloseTo(1 / 3, 12);
    expect(valueOf(agreementOfRanges(a, b, 3, min, max, 1, 4))).toBe(1);
    expect(valueOf(agreementOfRanges(a, b, 0, min, max, 1, 4))).toBe(0);
  });

  it("is unchanged without bounds, and with one scale for every row given as its own default", () => {
    expect(valueOf(agreementOfRanges(column(1, 2, 4), column(2, 2, 1), 1))).toBeCloseTo(2 / 3, 12);
    expect(valueOf(agreementOfRanges(column(1, 2, 4), column(2, 2, 1), 1, 1, 4))).toBeCloseTo(2 / 3, 12);
    expect(valueOf(agreementOfRanges(column(1, 2, 4), column(2, 2, 1), 1, 1, 4, 1, 4))).toBeCloseTo(2 / 3, 12);
  });

  it("leaves out ratings outside their row's bounds", () => {
    expect(valueOf(agreementOfRanges(column(2, 9), column(2, 1), 0, column(1, 1), column(4, 4), 1, 4))).toBe(1);
  });

  it("refuses per-row bounds without the default scale, and a bound given without its pair", () => {
    expect(texts(agreementOfRanges(a, b, 1, min, max))).toEqual({
      fr: "echelle_defaut_min est requis quand echelle_min est donné",
      en: "default_min is needed when scale_min is given",
    });
    expect(texts(agreementOfRanges(a, b, 1, min)).en).toBe("scale_max is needed when scale_min is given");
    expect(texts(agreementOfRanges(a, b, 1, undefined, undefined, 1, 4)).en).toBe("scale_min is needed when default_min is given");
    expect(texts(agreementOfRanges(a, b, 1, min, max, 1)).en).toBe("default_max is needed when default_min is given");
    expect(texts(agreementOfRanges(a, b, 1, min, max, 4, 1)).en).toBe("default_min (4) must be below default_max (1)");
  });
});
