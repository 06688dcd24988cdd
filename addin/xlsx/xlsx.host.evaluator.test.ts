import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { HostResult } from "../host/host.types.js";
import { builtinTemplates } from "../model/builtin.js";
import { buildPlan } from "../plan/plan.build.js";
import { FileHost } from "./xlsx.host.js";
import { loadWorkbook } from "./xlsx.io.js";
import { findTables } from "./xlsx.tables.js";
import { isSheetProtected } from "./exceljs.internals.js";

function value<T>(r: HostResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.detail}`);
  return r.value;
}

const ENGAGEMENT = builtinTemplates().find((t) => t.id === "engagement-qualite");
if (!ENGAGEMENT) throw new Error("no engagement-qualite");
const FIRST = ENGAGEMENT.dimensions[0]?.criteria[0]?.id ?? "";

describe("FileHost: the evaluator's methods", () => {
  it("writes the evaluator's rating and review, adds a recommendation, and sets each protection mode", async () => {
    const host = new FileHost({ lang: "fr" });
    value(await host.generate(buildPlan(ENGAGEMENT, { lang: "fr", respondents: ["Direction", "CA"] })));
    value(await host.setAnswer(FIRST, { rating: { kind: "level", value: 3 }, comment: "ok" }, "Direction"));
    value(await host.setEvaluatorAnswer(FIRST, { rating: { kind: "level", value: 2 }, comment: "à documenter" }));
    const c = value(await host.criterionContext(FIRST));
    expect(c.respondents.map((r) => [r.name, r.rating, r.comment])).toEqual([["Direction", 3, "ok"], ["CA", null, ""]]);
    expect(c.consolidated).toBe(3);
    expect(c.evaluator).toEqual({ rating: 2, comment: "à documenter" });
    expect(c.evidence).toEqual([]);
    expect(await host.setEvidenceReview("E999", { status: "accepted", note: "", reviewer: "X" })).toMatchObject({ ok: false, error: { code: "unknownEvidence" } });
    value(await host.addRecommendation({ criterion: FIRST, text: "Documenter", due: null }));
    const read = value(await host.read());
    expect(read.actions?.filter((a) => a.source === "Évaluation externe").map((a) => [a.id, a.criterion, a.action])).toEqual([["R001", FIRST, "Documenter"]]);

    for (const [mode, grid, register] of [["evaluator", true, true], ["organization", true, false], ["none", false, false]] as const) {
      value(await host.setProtectionMode(mode));
      const loaded = await loadWorkbook(value(await host.snapshot()), "x.xlsx");
      if (!loaded.ok) throw new Error("unreadable");
      const tables = findTables(loaded.value);
      const g = tables.get("qg_grid");
      const e = tables.get("qg_evidence");
      if (!g || !e) throw new Error("no tables");
      expect([isSheetProtected(g.sheet), isSheetProtected(e.sheet)], mode).toEqual([grid, register]);
      const locked = (header: string): boolean => g.sheet.getCell(g.top + 1, g.left + g.headers.indexOf(header)).protection?.locked !== false;
      expect([locked("Cotation — Direction"), locked("Cotation évaluateur")], mode).toEqual(mode === "evaluator" ? [true, false] : mode === "organization" ? [false, true] : [false, false]);
    }
  });

  it("reads a workbook made before the review columns: evidence without review, and refuses a review", async () => {
    const host = new FileHost({ lang: "fr" });
    const bytes = new Uint8Array(readFileSync(new URL("../../tests/fixtures/pre-review/engagement-qualite.xlsx", import.meta.url)));
    expect(await host.openFile(bytes, "engagement-qualite.xlsx")).toEqual({ ok: true });
    const read = value(await host.read());
    const backed = (read.evidence ?? []).find((e) => e.criteria.trim() !== "" && e.id !== "");
    const criterion = backed?.criteria.split(/[,;]/)[0]?.trim() ?? read.grid[0]?.criterion ?? "";
    const c = value(await host.criterionContext(criterion));
    for (const e of c.evidence) expect(e.review).toBeNull();
    if (backed) expect(await host.setEvidenceReview(backed.id, { status: "accepted", note: "", reviewer: "X" })).toMatchObject({ ok: false, error: { code: "unknownEvidence" } });
  });
});
