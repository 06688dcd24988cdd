import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { builtinTemplate } from "../model/builtin.js";
import { serialOfDay } from "../model/date.serial.js";
import type { EvidenceReviewLine, RecommendationLine } from "../model/review.parse.js";
import { buildPlan } from "../plan/plan.build.js";
import { TABLES } from "../plan/names.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import { readQualigridWorkbook } from "./xlsx.read.js";
import { renderPlanToWorkbook } from "./xlsx.render.js";
import { appendRecommendations, fillEvaluator, fillEvidenceReviews } from "./xlsx.review.js";
import { findTables } from "./xlsx.tables.js";

function read(wb: ExcelJS.Workbook): AssessmentWorkbook {
  const r = readQualigridWorkbook(wb, "test.xlsx");
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
  return r.value;
}

/** A French engagement-qualite workbook with two evidence rows typed in (E001, E002). */
async function workbook(): Promise<{ wb: ExcelJS.Workbook; a: AssessmentWorkbook; ids: string[] }> {
  const t = builtinTemplate("engagement-qualite");
  if (!t) throw new Error("no built-in");
  const wb = await renderPlanToWorkbook(buildPlan(t, { lang: "fr" }));
  const ids = t.dimensions.flatMap((d) => d.criteria.map((c) => c.id));
  const ev = findTables(wb).get(TABLES.evidence.toLowerCase());
  if (!ev) throw new Error("no register");
  const col = (h: string): number => ev.left + ev.headers.indexOf(h);
  [0, 1].forEach((i) => {
    ev.sheet.getCell(ev.top + 1 + i, col("Critères")).value = ids[i] ?? "";
    ev.sheet.getCell(ev.top + 1 + i, col("Titre du document")).value = `Document ${i + 1}`;
    ev.sheet.getCell(ev.top + 1 + i, col("Statut")).value = "Acceptée";
  });
  return { wb, a: read(wb), ids };
}

const at = (wb: ExcelJS.Workbook, ref: { sheet: string; address: string } | null | undefined): ExcelJS.CellValue =>
  ref ? (wb.getWorksheet(ref.sheet)?.getCell(ref.address).value ?? null) : "no cell";

describe("fillEvaluator", () => {
  it("writes the evaluator's rating and comment, never the organization's cells, and nothing the second time", async () => {
    const { wb, a, ids } = await workbook();
    const [c1 = "", c2 = ""] = ids;
    const lines = [
      { criterion: c1, rating: { kind: "level", value: 3 } as const, comment: "Conforme" },
      { criterion: c2.toLowerCase(), rating: { kind: "na" } as const, comment: null },
    ];
    expect(fillEvaluator(wb, a, lines)).toEqual({ filled: 2, cellsChanged: 3 });
    const row1 = a.grid.find((r) => r.criterion === c1);
    expect(at(wb, row1?.evaluatorRatingCell)).toBe(3);
    expect(at(wb, row1?.evaluatorCommentCell)).toBe("Conforme");
    expect(at(wb, a.grid.find((r) => r.criterion === c2)?.evaluatorRatingCell)).toBe("S. O.");
    expect(at(wb, row1?.ratingCell)).toBeNull();
    expect(fillEvaluator(wb, read(wb), lines).cellsChanged).toBe(0);
  });
});

describe("fillEvidenceReviews", () => {
  it("writes status in the workbook's words, note, date and reviewer on changed rows only, and clears them when set back to not reviewed", async () => {
    const { wb, a } = await workbook();
    const day = new Date(Date.UTC(2026, 4, 12));
    const lines: EvidenceReviewLine[] = [
      { evidence: "e001", status: "toComplete", note: "Signature manquante", line: 2 },
      { evidence: "E002", status: "accepted", note: null, line: 3 },
    ];
    expect(fillEvidenceReviews(wb, a, lines, { reviewer: "M. Roy", date: day }).cellsChanged).toBe(7);
    const [e1, e2] = a.evidence ?? [];
    expect([at(wb, e1?.review?.statusCell), at(wb, e1?.review?.noteCell), at(wb, e1?.review?.dateCell), at(wb, e1?.review?.reviewerCell)]).toEqual([
      "À compléter",
      "Signature manquante",
      serialOfDay(day),
      "M. Roy",
    ]);
    expect(at(wb, e2?.review?.statusCell)).toBe("Acceptée");
    // The same review again, another day: nothing changes, the date stays.
    expect(fillEvidenceReviews(wb, read(wb), lines, { reviewer: "M. Roy" }).cellsChanged).toBe(0);
    fillEvidenceReviews(wb, read(wb), [{ evidence: "E002", status: null, note: null, line: 2 }], { reviewer: "M. Roy" });
    expect([at(wb, e2?.review?.statusCell), at(wb, e2?.review?.dateCell), at(wb, e2?.review?.reviewerCell)]).toEqual([null, null, null]);
  });
});

describe("appendRecommendations", () => {
  it("adds rows « Évaluation externe » with ids R001…, continues the numbering, never adds one twice nor edits another row", async () => {
    const { wb, a, ids } = await workbook();
    const [c1 = "", c2 = ""] = ids;
    const before = (a.actions ?? []).map((r) => [r.id, r.criterion, r.action, r.source]);
    const reco = (criterion: string, recommendation: string, due: Date | null = null): RecommendationLine => ({ criterion, recommendation, due, line: 2 });
    expect(appendRecommendations(wb, a, [reco(c1, "Réviser la politique", new Date(Date.UTC(2027, 0, 31)))])).toEqual({ ok: true, added: 1 });
    let after = read(wb);
    expect(after.actions?.slice(0, before.length).map((r) => [r.id, r.criterion, r.action, r.source])).toEqual(before);
    expect(appendRecommendations(wb, after, [reco(c1, " réviser  la politique "), reco(c2, "Former le CA")])).toEqual({ ok: true, added: 1 });
    after = read(wb);
    const recos = (after.actions ?? []).filter((r) => r.source === "Évaluation externe");
    expect(recos.map((r) => [r.id, r.criterion, r.action])).toEqual([
      ["R001", c1, "Réviser la politique"],
      ["R002", c2, "Former le CA"],
    ]);
    // A day number in the date-formatted cell, as the plan writes dates (a Date once the file is saved and read).
    expect(recos[0]?.due).toBe(serialOfDay(new Date(Date.UTC(2027, 0, 31))));
  });
});
