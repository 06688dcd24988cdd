import { describe, expect, it } from "vitest";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { fixtureTemplate, gridHost } from "../test/fixtures.js";
import { MemoryHost } from "./memory.host.js";
import { workbookBytes } from "../test/workbook.bytes.js";

describe("MemoryHost (the task pane tests' fake host)", () => {
  it("generates the workbook of a plan: one grid row per criterion, registers, dashboard targets", async () => {
    const host = new MemoryHost();
    const progress: string[] = [];
    const plan = buildPlan(fixtureTemplate(), { lang: "en", parts: { evidence: false, actions: true, dashboard: true }, targets: { COMM: 50 } });
    expect(await host.generate(plan, (p) => progress.push(p.stage))).toEqual({ ok: true, value: undefined });
    expect(progress).toEqual(["prepare", "write", "format", "done"]);
    const r = await host.read();
    if (!r.ok) throw new Error("read failed");
    expect(r.value.grid.map((g) => g.criterion)).toEqual(["GOUV-01", "GOUV-02", "GOUV-03", "COMM-01", "COMM-02"]);
    expect(r.value.grid[0]?.ratingCell.sheet).toBe("Assessment");
    expect(r.value.evidence).toBeNull();
    expect(r.value.actions).toEqual([]);
    expect(r.value.targets).toEqual({ GOUV: 80, COMM: 50 });
    expect(r.value.acceptedStatus).toBe("Accepted");
  });

  it("refuses to generate over a grid, and reports noGrid before one exists", async () => {
    expect((await new MemoryHost().read()).ok).toBe(false);
    const host = gridHost();
    const r = await host.generate(buildPlan(fixtureTemplate()));
    expect(r).toEqual({ ok: false, error: { code: "gridExists", detail: "essai" } });
  });

  it("writes ratings as the grid holds them and refuses unknown criteria", async () => {
    const host = gridHost({ lang: "fr" });
    await host.setAnswer("gouv-01", { rating: { kind: "level", value: 3 }, comment: "ok" });
    await host.setAnswer("GOUV-02", { rating: { kind: "na" } });
    expect(host.workbook?.grid.slice(0, 2).map((g) => [g.rating, g.comment])).toEqual([
      [3, "ok"],
      ["S. O.", ""],
    ]);
    expect(await host.setAnswer("NOPE", { rating: { kind: "blank" } })).toEqual({ ok: false, error: { code: "unknownCriterion", detail: "NOPE" } });
  });

  it("fails the next call of a method when told to, then works again", async () => {
    const host = gridHost();
    host.fail("read", { code: "protected", detail: "Grille" });
    expect((await host.read()).ok).toBe(false);
    expect((await host.read()).ok).toBe(true);
  });

  it("echoes a selection made by the pane as a grid selection event, as Excel does", async () => {
    const host = gridHost();
    const seen: string[] = [];
    host.onCriterionSelected((id) => seen.push(id));
    await host.selectCriterion("comm-01");
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(["COMM-01"]);
    expect(host.selected).toBe("COMM-01");
  });

  it("appends action rows after the existing ones", async () => {
    const host = gridHost();
    expect(await host.appendActions([{ criterion: "GOUV-01", dimension: "GOUV", gap: 1 }])).toEqual({ ok: true, value: 1 });
    expect(host.workbook?.actions?.map((a) => a.criterion)).toEqual(["GOUV-01"]);
  });

  it("inserts a formula at its active cell, records it, and fails when told to", async () => {
    const host = gridHost();
    host.activeCell = "Bilan!C3";
    expect(await host.insertFormula("=QG.COMPLETION(QG_Grid[Cotation])")).toEqual({ ok: true, value: "Bilan!C3" });
    expect(host.formulas.get("Bilan!C3")).toBe("=QG.COMPLETION(QG_Grid[Cotation])");
    host.fail("insertFormula", { code: "protected", detail: "Bilan" });
    expect(await host.insertFormula("=1")).toEqual({ ok: false, error: { code: "protected", detail: "Bilan" } });
    expect(host.callsTo("insertFormula")).toEqual([["=QG.COMPLETION(QG_Grid[Cotation])"], ["=1"]]);
  });

  it("checks, reads the template of and upgrades its bytes with the file services, through snapshot and openWorkbook", async () => {
    const template = fixtureTemplate();
    const host = new MemoryHost({ lang: "en", bytes: await workbookBytes(template, "en") });
    const checked = await host.check({ lang: "en", orgDomains: [], file: "this workbook" });
    expect(checked.ok && checked.value.ok && checked.value.value.repairs).toEqual([]);
    const found = await host.templateFromWorkbook("this workbook");
    expect(found.ok && found.value.ok && found.value.value.origin).toBe("qualigrid");
    const upgraded = await host.upgrade({ ...template, version: "2.0.0" }, { name: "v2.xlsx", file: "this workbook" });
    expect(upgraded.ok && upgraded.value.ok && upgraded.value.value.opened).toBe("newWindow");
    expect(host.opened.map((o) => o.name)).toEqual(["v2.xlsx"]);
    expect(host.calls.map((c) => c.method)).toEqual(["check", "snapshot", "templateFromWorkbook", "snapshot", "upgrade", "snapshot", "openWorkbook"]);
    host.fail("check", { code: "protected", detail: "Grille" });
    expect(await host.check({ lang: "en", orgDomains: [], file: "this workbook" })).toEqual({ ok: false, error: { code: "protected", detail: "Grille" } });
  });
});
