import { describe, expect, it } from "vitest";
import type { StepItem } from "../model/assessment.types.js";
import { parseTemplate } from "../model/template.parse.js";
import { richTemplateJson } from "../model/template.rich.test-helpers.js";
import type { Template } from "../model/template.types.js";
import { assessmentOf } from "./assessment.test-helpers.js";
import { stepsStanding } from "./steps.status.js";

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

function template(): Template {
  const r = parseTemplate(richTemplateJson());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function standing(date: string | null, steps: StepItem[] | null, today: string) {
  const a = { ...assessmentOf(template(), {}), assessmentDate: date ? day(date) : null, steps };
  return stepsStanding(a, day(today));
}

const row = (id: string, parts: Partial<StepItem> = {}): StepItem => ({ id, done: null, responsible: "", status: "", note: "", ...parts });

describe("stepsStanding", () => {
  it("plans each step at the assessment date plus its offset, and finds the next and the overdue steps", () => {
    // E1 at +30 (2026-01-31), E2 at +90 (2026-04-01), E3 at +150 (2026-05-31).
    const s = standing("2026-01-01", [row("E1"), row("E2"), row("E3")], "2026-04-15");
    expect(s?.steps.map((x) => [x.id, x.planned?.toISOString().slice(0, 10), x.overdue])).toEqual([
      ["E1", "2026-01-31", true],
      ["E2", "2026-04-01", true],
      ["E3", "2026-05-31", false],
    ]);
    expect(s?.next?.id).toBe("E1");
    expect(s?.overdue.map((x) => x.id)).toEqual(["E1", "E2"]);
    expect([s?.done, s?.total]).toEqual([0, 3]);
  });

  it("counts a step done by its status « Terminée » / Completed (any case) or by a date done; a done step is never overdue", () => {
    const s = standing("2026-01-01", [row("e1", { status: " terminée " }), row("E2", { done: day("2026-04-20"), responsible: "Lise" }), row("E3", { status: "En cours" })], "2026-07-01");
    expect(s?.steps.map((x) => [x.isDone, x.overdue])).toEqual([
      [true, false],
      [true, false],
      [false, true],
    ]);
    expect(s?.next?.id).toBe("E3");
    expect(s?.steps[1]?.responsible).toBe("Lise");
    expect(standing("2026-01-01", [row("E1", { status: "Completed" }), row("E2", { status: "Completed" }), row("E3", { status: "Completed" })], "2026-07-01")?.next).toBeNull();
  });

  it("is on time on the planned day itself", () => {
    expect(standing("2026-01-01", null, "2026-01-31")?.overdue).toEqual([]);
    expect(standing("2026-01-01", null, "2026-02-01")?.overdue.map((x) => x.id)).toEqual(["E1"]);
  });

  it("has no planned dates, and so nothing overdue, without an assessment date; steps without a row are blank", () => {
    const s = standing(null, null, "2030-01-01");
    expect(s?.steps.map((x) => [x.planned, x.isDone, x.overdue, x.status])).toEqual([
      [null, false, false, ""],
      [null, false, false, ""],
      [null, false, false, ""],
    ]);
    expect(s?.next?.id).toBe("E1");
  });

  it("is null for a template without steps", () => {
    const t = template();
    delete t.steps;
    expect(stepsStanding(assessmentOf(t, {}), day("2026-01-01"))).toBeNull();
  });
});
