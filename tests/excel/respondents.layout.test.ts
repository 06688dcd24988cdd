import { describe, expect, it } from "vitest";
import { hostOn } from "./excel.host.fixtures.js";
import { snapshotOfFake, type Snapshot } from "./excel.compare.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import {
  OVERALL_ROW,
  type RoundFigures,
  type RoundRecord,
} from "../../addin/model/history.types.js";
import type { Template } from "../../addin/model/template.types.js";
import { SURVEYS } from "../../addin/plan/surveys.test-helpers.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { PlanOptions } from "../../addin/plan/plan.types.js";

// Adding a respondent live (Office.js fake) to a workbook with closed rounds and imported surveys:
// the reshape compares the workbook's own plan with the next one, so both must carry what the
// workbook's layout depends on (`planOptionsOf`), or the sheets they shape come out of place.

const TEMPLATE = builtinTemplates()[0] as Template;

function figures(dimension: string, score: number | null): RoundFigures {
  return {
    dimension,
    score,
    target: 75,
    gap: null,
    answered: 1,
    notApplicable: 0,
    total: 2,
    completion: 0.5,
    evidenceCoverage: null,
    requiredNotMet: 0,
    toDiscuss: 0,
    reviewedCoverage: null,
    evaluator: null,
  };
}

/** A closed round of « Direction » alone: every criterion rated 2, words and a comment on the first. */
function round(): RoundRecord {
  const criteria = TEMPLATE.dimensions.flatMap((d) =>
    d.criteria.map((c) => ({ id: c.id, dimension: d.id })),
  );
  return {
    label: "2025",
    date: new Date(Date.UTC(2025, 11, 1)),
    templateId: TEMPLATE.id,
    version: TEMPLATE.version,
    respondents: ["Direction"],
    figures: [
      ...TEMPLATE.dimensions.map((d, i) => figures(d.id, 20 + 10 * i)),
      figures(OVERALL_ROW, 40),
    ],
    criteria: criteria.map((c) => ({
      criterion: c.id,
      dimension: c.dimension,
      consolidated: 2,
      score: 50,
      evaluator: null,
      agreedReason: "",
      evaluatorComment: "",
    })),
    answers: criteria.map((c, i) => ({
      criterion: c.id,
      respondent: "Direction",
      rating: 2,
      answer: "",
      comment: i === 0 ? "À revoir" : "",
    })),
    fingerprint: "f".repeat(64),
  };
}

/** What the snapshot says of the parts a reshape brings to the new plan (everything but print and heights). */
function shapeOf(s: Snapshot): Record<string, string> {
  const flat: Record<string, string> = {};
  const parts = {
    cells: s.cells,
    names: s.names,
    numberFormats: s.numberFormats,
    filled: s.filled,
    fonts: s.fonts,
    validations: s.validations,
  } as Record<string, Record<string, string>>;
  for (const [part, m] of Object.entries(parts))
    for (const [k, v] of Object.entries(m)) flat[`${part} ${k}`] = v;
  for (const k of s.unlocked) flat[`unlocked ${k}`] = "yes";
  for (const [k, v] of Object.entries(s.widths)) flat[`width ${k}`] = String(v);
  for (const k of s.protectedSheets) flat[`protected ${k}`] = "yes";
  for (const t of s.tables) flat[`table ${t.split(" ")[0] ?? ""}`] = t;
  return flat;
}

/** The differences between two flattened snapshots, a few at most (a readable failure). */
function differences(
  a: Record<string, string>,
  b: Record<string, string>,
): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys
    .filter((k) => a[k] !== b[k])
    .map(
      (k) =>
        `${k}: ${String(a[k]).slice(0, 90)} ≠ ${String(b[k]).slice(0, 90)}`,
    )
    .slice(0, 25);
}

describe("Excel host: adding a respondent to a workbook with history and surveys (Office.js fake)", () => {
  it("keeps the history, the surveys and their sheets: the workbook equals a fresh render with both respondents", async () => {
    const options: Partial<PlanOptions> = {
      lang: "fr",
      history: [round()],
      surveys: SURVEYS,
    };
    const { host, fake } = await hostOn(
      buildPlan(TEMPLATE, { ...options, respondents: ["Direction"] }),
    );
    const added = await host.addRespondent("CA");
    expect(added).toMatchObject({ ok: true, value: { ok: true } });
    const read = await host.read();
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.respondents.map((r) => r.name)).toEqual([
      "Direction",
      "CA",
    ]);
    expect(read.value.history?.map((r) => r.label)).toEqual(["2025"]);
    expect(read.value.surveys?.map((s) => s.name)).toEqual(
      SURVEYS.map((s) => s.name),
    );
    const fresh = await hostOn(
      buildPlan(TEMPLATE, { ...options, respondents: ["Direction", "CA"] }),
    );
    expect(
      differences(
        shapeOf(snapshotOfFake(fake)),
        shapeOf(snapshotOfFake(fresh.fake)),
      ),
    ).toEqual([]);
  });
});
