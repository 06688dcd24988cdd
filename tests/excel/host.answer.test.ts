import { describe, expect, it } from "vitest";
import { hostOn, richTemplate } from "./excel.host.fixtures.js";
import { type ExcelFake } from "../../addin/excel/fake/excel.fake.js";
import type { HEADERS } from "../../addin/plan/labels.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { WorkbookPlan } from "../../addin/plan/plan.types.js";
import { fakeSheet } from "./excel.compare.js";


/** The cell of `key`'s column on a criterion's row of the grid of `plan`. */
function gridCell(fake: ExcelFake, plan: WorkbookPlan, criterion: string, key: keyof typeof HEADERS.grid) {
  const grid = plan.sheets.find((s) => s.key === "grid");
  const table = grid?.tables[0];
  if (!grid || !table) throw new Error("no grid");
  const row = table.top + 1 + table.rows.findIndex((r) => r[table.columns.findIndex((c) => c.key === "criterion")] === criterion);
  const col = table.left + table.columns.findIndex((c) => c.key === key);
  return fakeSheet(fake, grid.name).peek(row, col) ?? { stored: { kind: "empty" as const }, format: {} };
}

describe("Excel host: a text question's words", () => {
  const plan = buildPlan(richTemplate(), { lang: "fr" });

  it("writes the words as text in the « Réponse » cell, never a formula, and leaves the rating cell blank", async () => {
    const { host, fake } = await hostOn(plan);
    expect(await host.setAnswer("G4", { rating: { kind: "blank" }, text: "=SOMME(A1)" })).toEqual({ ok: true, value: undefined });
    expect(await host.setAnswer("S3", { rating: { kind: "blank" }, text: "@horaires", comment: "+1" })).toEqual({ ok: true, value: undefined });
    expect(gridCell(fake, plan, "G4", "answer").stored).toMatchObject({ kind: "text", text: "=SOMME(A1)" });
    expect(gridCell(fake, plan, "G4", "rating").stored).toEqual({ kind: "empty" });
    expect(gridCell(fake, plan, "S3", "answer").stored).toMatchObject({ kind: "text", text: "@horaires" });
    expect(gridCell(fake, plan, "S3", "comment").stored).toMatchObject({ kind: "text", text: "+1" });
  });

  it("reads the words back as the answer, and N/A clears them", async () => {
    const { host, fake } = await hostOn(plan);
    await host.setAnswer("G4", { rating: { kind: "blank" }, text: "2024-05-01 revue" });
    const read = await host.read();
    const row = read.ok ? read.value.grid.find((r) => r.criterion === "G4") : undefined;
    expect(row?.answer).toBe("2024-05-01 revue");
    const answers = read.ok ? read.value.assessment.criteria.find((c) => c.criterion === "G4")?.answers[0] : undefined;
    expect(answers).toMatchObject({ rating: { kind: "blank" }, text: "2024-05-01 revue" });

    await host.setAnswer("G4", { rating: { kind: "na" }, text: "" });
    expect(gridCell(fake, plan, "G4", "rating").stored).toMatchObject({ kind: "text", text: "S. O." });
    expect(gridCell(fake, plan, "G4", "answer").stored).toEqual({ kind: "empty" });
  });

  it("leaves the words as they are when none are given (a rating, a comment alone)", async () => {
    const { host, fake } = await hostOn(plan);
    await host.setAnswer("G4", { rating: { kind: "blank" }, text: "Une revue" });
    await host.setAnswer("G4", { rating: { kind: "blank" }, comment: "note" });
    expect(gridCell(fake, plan, "G4", "answer").stored).toMatchObject({ kind: "text", text: "Une revue" });
    await host.setAnswer("G3", { rating: { kind: "level", value: 8 } });
    expect(gridCell(fake, plan, "G3", "rating").stored).toMatchObject({ kind: "number", value: 8 });
  });
});
