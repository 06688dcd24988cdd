import { describe, expect, it } from "vitest";
import type { Assessment } from "../model/assessment.types.js";
import type { Rating } from "../model/scale.js";
import type { Template } from "../model/template.types.js";
import { scoreAssessment } from "./assessment.score.js";
import { assessmentOf, assessmentWith, criterionAnswers } from "./assessment.test-helpers.js";

// Expiry and the provisional overall result (design.md "Scoring"), worked out by hand.

const T: Template = {
  id: "t",
  version: "1.0.0",
  title: "T",
  source: "tests",
  scale: { levels: [1, 2, 3, 4].map((value) => ({ value, label: `Niveau ${value}` })), notApplicable: true },
  target: 75,
  targetLevel: 3,
  dimensions: [
    { id: "D1", title: "D1", weight: 1, criteria: ["C1", "C2", "C3", "C4"].map((id) => ({ id, text: id, weight: 1 })) },
    { id: "D2", title: "D2", weight: 1, criteria: ["C5"].map((id) => ({ id, text: id, weight: 1 })) },
  ],
};

const lv = (value: number): Rating => ({ kind: "level", value });
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** An assessment whose register holds one accepted item per criterion C1–C4, expiring as given. */
function withExpiries(expiries: (string | null)[], date: string | null): Assessment {
  const a = assessmentOf(T, { C1: lv(3), C2: lv(3), C3: lv(3), C4: lv(3), C5: lv(3) }, expiries.map((_, i) => ({ criteria: [`C${i + 1}`], status: "Acceptée" })), "Acceptée");
  a.evidence?.forEach((e, i) => (e.expiry = expiries[i] ? day(expiries[i] as string) : null));
  a.assessmentDate = date ? day(date) : null;
  return a;
}

describe("evidence coverage and expiry", () => {
  it("does not count an accepted item that expired before the assessment date; one expiring that day still counts", () => {
    // C1 expired the day before, C2 expires that day, C3 later, C4 has no expiry date: 3 of 4 covered.
    const r = scoreAssessment(withExpiries(["2025-03-30", "2025-03-31", "2026-01-01", null], "2025-03-31"));
    expect(r.criteria.slice(0, 4).map((c) => [c.evidenceCount, c.acceptedEvidenceCount])).toEqual([
      [1, 0],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(r.dimensions[0]?.evidenceCoverage).toBe(3 / 4);
    expect(r.overall.evidenceCoverage).toBe(3 / 5);
  });

  it("takes today as the reference when the workbook has no assessment date", () => {
    const a = withExpiries(["2025-03-30", "2025-03-31", "2026-01-01", null], null);
    expect(scoreAssessment(a, { today: day("2025-03-31") }).dimensions[0]?.evidenceCoverage).toBe(3 / 4);
    expect(scoreAssessment(a, { today: day("2026-01-02") }).dimensions[0]?.evidenceCoverage).toBe(1 / 4);
    // A time of day in `today` is dropped: the reference is a day.
    expect(scoreAssessment(a, { today: new Date("2025-03-30T23:59:00Z") }).dimensions[0]?.evidenceCoverage).toBe(1);
  });

  it("prefers the assessment date to today", () => {
    const a = withExpiries(["2025-03-30", "2025-03-31", "2026-01-01", null], "2024-12-31");
    expect(scoreAssessment(a, { today: day("2030-01-01") }).dimensions[0]?.evidenceCoverage).toBe(1);
  });
});

describe("a provisional overall result", () => {
  const answered = (n: number): Assessment =>
    assessmentOf(T, Object.fromEntries(["C1", "C2", "C3", "C4", "C5"].slice(0, n).map((id) => [id, lv(4)])));

  it.each([
    [0, true],
    [3, true], // 60 %
    [4, false], // 80 %, the threshold itself: final
    [5, false],
  ])("with %i of 5 criteria answered, is provisional: %s (default threshold 80 %)", (n, provisional) => {
    expect(scoreAssessment(answered(n)).overall.provisional).toBe(provisional);
  });

  it("follows the workbook's threshold, N/A counting as answered", () => {
    const a = answered(2);
    a.settings.completionThreshold = 0.4;
    expect(scoreAssessment(a).overall.provisional).toBe(false);
    a.settings.completionThreshold = 0.5;
    expect(scoreAssessment(a).overall.provisional).toBe(true);
    const na = assessmentOf(T, { C1: lv(4), C2: { kind: "na" }, C3: { kind: "na" }, C4: { kind: "na" } });
    expect(scoreAssessment(na).overall.provisional).toBe(false);
    // A threshold of 0: never provisional, even with nothing answered.
    const none = answered(0);
    none.settings.completionThreshold = 0;
    expect(scoreAssessment(none).overall.provisional).toBe(false);
  });

  it("changes nothing else: the score is still computed", () => {
    const r = scoreAssessment(answered(1));
    expect(r.overall.provisional).toBe(true);
    expect(r.overall.score).toBe(100);
  });
});

describe("the consolidation setting", () => {
  it("takes the median when the workbook says so, and a policy given overrides it", () => {
    const a = assessmentWith(T, [criterionAnswers(T, "C1", [lv(4), lv(1), lv(4), lv(2)])]);
    expect(scoreAssessment(a).criteria[0]?.rating).toEqual(lv(11 / 4));
    a.settings.consolidation = "median";
    expect(scoreAssessment(a).criteria[0]?.rating).toEqual(lv(3));
    expect(scoreAssessment(a, { policy: { method: "mean" } }).criteria[0]?.rating).toEqual(lv(11 / 4));
  });
});
