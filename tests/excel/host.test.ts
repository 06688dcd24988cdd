import { OfficeMockObject } from "office-addin-mock";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createExcelHost, type OfficeEnv } from "../../addin/excel/excel.host.js";
import { ExcelFake, FakeOfficeError } from "../../addin/excel/fake/excel.fake.js";
import type { WorkbookHost } from "../../addin/host/host.types.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import type { Template } from "../../addin/model/template.types.js";
import { cellAddress } from "../../addin/model/cell.address.js";
import type { HEADERS } from "../../addin/plan/labels.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { WorkbookPlan } from "../../addin/plan/plan.types.js";
import { fakeSheet } from "./excel.compare.js";

const TEMPLATE = builtinTemplates()[0] as Template;
const office = (lang = "fr-CA", supported = (_: string, v?: string) => Number(v?.split(".")[1] ?? 0) <= 20): (() => OfficeEnv) => () => ({ isSetSupported: supported, displayLanguage: lang });

/** A host on a fake workbook, generated from `plan` unless `empty`. */
async function hostOn(plan: WorkbookPlan | null, fake = new ExcelFake()): Promise<{ host: WorkbookHost; fake: ExcelFake }> {
  const host = createExcelHost({ runner: fake.runner(), office: office() });
  if (plan) {
    const r = await host.generate(plan);
    expect(r).toEqual({ ok: true, value: undefined });
  }
  return { host, fake };
}

/** Counts the requests the host sends while `f` runs. */
async function requests<T>(fake: ExcelFake, f: () => Promise<T>): Promise<{ value: T; syncs: number }> {
  const before = fake.requests.length;
  const value = await f();
  return { value, syncs: fake.requests.length - before };
}

/** Where `key`'s column meets a criterion's row in the grid of `plan`. */
function gridPosition(plan: WorkbookPlan, criterion: string, key: keyof typeof HEADERS.grid): { sheet: string; row: number; col: number } {
  const grid = plan.sheets.find((s) => s.key === "grid");
  const table = grid?.tables[0];
  if (!grid || !table) throw new Error("no grid");
  const row = table.top + 1 + table.rows.findIndex((r) => r[table.columns.findIndex((c) => c.key === "criterion")] === criterion);
  const col = table.left + table.columns.findIndex((c) => c.key === key);
  return { sheet: grid.name, row, col };
}

/** The cell of `key`'s column on a criterion's row of the grid. */
function gridCell(fake: ExcelFake, plan: WorkbookPlan, criterion: string, key: keyof typeof HEADERS.grid) {
  const { sheet, row, col } = gridPosition(plan, criterion, key);
  return fakeSheet(fake, sheet).peek(row, col) ?? { stored: { kind: "empty" as const }, format: {} };
}

describe("createExcelHost", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("reports language and theme from Office", () => {
    const host = createExcelHost({ runner: new ExcelFake().runner(), office: () => ({ isSetSupported: () => true, displayLanguage: "en-GB", bodyBackgroundColor: "#1f1f1f" }) });
    expect(host.kind).toBe("excel");
    expect(host.displayLanguage()).toBe("en");
    expect(host.prefersDark()).toBe(true);
    expect(createExcelHost({ office: office("fr-FR") }).displayLanguage()).toBe("fr");
  });

  it("reads Office's common API from the global when no double is given", async () => {
    // Office.context needs no load/sync: the mock's Outlook mode gives plain properties.
    (globalThis as { Office?: unknown }).Office = new OfficeMockObject({
      host: "outlook",
      context: { displayLanguage: "fr-CA", officeTheme: { bodyBackgroundColor: "#ffffff" }, requirements: { isSetSupported: () => true } },
    });
    const host = createExcelHost();
    expect(host.displayLanguage()).toBe("fr");
    expect(host.prefersDark()).toBe(false);
    // No `Excel` global here: the Excel API is missing, which the pane must be told plainly.
    expect(await host.status()).toEqual({ ok: false, error: { code: "apiUnsupported", detail: expect.stringMatching(/Excel is not defined/) } });
  });

  describe("status", () => {
    it("finds no grid in an empty workbook", async () => {
      const { host } = await hostOn(null);
      expect(await host.status()).toEqual({ ok: true, value: { hasGrid: false, template: null, clashes: [] } });
    });

    it("finds the grid and its template after a generation", async () => {
      const { host } = await hostOn(buildPlan(TEMPLATE, { lang: "fr" }));
      expect(await host.status()).toEqual({
        ok: true,
        value: { hasGrid: true, template: { id: TEMPLATE.id, version: TEMPLATE.version }, clashes: expect.arrayContaining([{ kind: "grid", name: "QG_Grid" }]) },
      });
    });
  });

  describe("generate", () => {
    it("writes the workbook in at most 3 syncs, with progress", async () => {
      const { host, fake } = await hostOn(null);
      const progress: number[] = [];
      const { value, syncs } = await requests(fake, () => host.generate(buildPlan(TEMPLATE, { lang: "en" }), (p) => progress.push(p.fraction)));
      expect(value.ok).toBe(true);
      expect(syncs).toBeLessThanOrEqual(3);
      expect(progress[progress.length - 1]).toBe(1);
      expect(fake.state.activeSheet).toBe("Assessment");
    });

    it("refuses a workbook that already holds a grid, and writes nothing", async () => {
      const { host, fake } = await hostOn(buildPlan(TEMPLATE, { lang: "fr" }));
      const sheets = fake.state.sheets.length;
      const { value, syncs } = await requests(fake, () => host.generate(buildPlan(TEMPLATE, { lang: "fr" })));
      expect(value).toEqual({ ok: false, error: { code: "gridExists", detail: expect.stringContaining("QG_Grid") } });
      expect(syncs).toBe(1);
      expect(fake.state.sheets.length).toBe(sheets);
    });

    it("avoids sheet names the workbook already uses", async () => {
      const fake = new ExcelFake();
      fake.state.addSheet("Grille").cell(1, 1).stored = { kind: "text", text: "mes notes", quotePrefix: false };
      const { host } = await hostOn(buildPlan(TEMPLATE, { lang: "fr" }), fake);
      expect(fake.state.sheets.map((s) => s.name)).toContain("Grille (2)");
      expect(fake.state.table("QG_Grid")?.sheet.name).toBe("Grille (2)");
      expect(fakeSheet(fake, "Grille").peek(1, 1)?.stored).toEqual({ kind: "text", text: "mes notes", quotePrefix: false });
      const read = await host.read();
      expect(read.ok && read.value.gridSheet).toBe("Grille (2)");
    });

    it("refuses politely in an Excel without the requirement sets it needs", async () => {
      const fake = new ExcelFake();
      const host = createExcelHost({ runner: fake.runner(), office: office("fr-CA", (_, v) => v === "1.1") });
      expect(await host.generate(buildPlan(TEMPLATE, { lang: "fr" }))).toEqual({ ok: false, error: { code: "apiUnsupported", detail: "ExcelApi 1.7" } });
      expect(fake.requests).toEqual([]);
    });

    it.each([
      ["ApiNotFound", "apiUnsupported"],
      ["RequestPayloadSizeLimitExceeded", "tooLarge"],
      ["GeneralException", "unknown"],
    ])("turns Excel's %s into %s", async (code, expected) => {
      const fake = new ExcelFake();
      const runner = fake.runner();
      const host = createExcelHost({
        runner: {
          ...runner,
          run: (batch) =>
            runner.run((context) => {
              vi.spyOn(context, "sync").mockRejectedValue(new FakeOfficeError(code, "Excel says no."));
              return batch(context);
            }),
        },
        office: office(),
      });
      expect(await host.generate(buildPlan(TEMPLATE, { lang: "fr" }))).toEqual({ ok: false, error: { code: expected, detail: `${code}: Excel says no.` } });
    });
  });

  describe("read", () => {
    it("reads the workbook back", async () => {
      const plan = buildPlan(TEMPLATE, { lang: "en" });
      const { host } = await hostOn(plan);
      const r = await host.read();
      expect(r.ok && r.value.template).toEqual(TEMPLATE);
      expect(r.ok && r.value.lang).toBe("en");
      expect(r.ok && r.value.grid.length).toBe(TEMPLATE.dimensions.reduce((n, d) => n + d.criteria.length, 0));
    });

    it("says there is no grid in an empty workbook", async () => {
      const { host } = await hostOn(null);
      expect(await host.read()).toEqual({ ok: false, error: { code: "noGrid", detail: "QG_Grid" } });
    });

    it("names a Qualigrid table the user deleted", async () => {
      const { host, fake } = await hostOn(buildPlan(TEMPLATE, { lang: "fr" }));
      fake.state.tables.splice(fake.state.tables.findIndex((t) => t.name === "QG_TemplateItems"), 1);
      expect(await host.read()).toEqual({ ok: false, error: { code: "tableMissing", detail: "QG_TemplateItems" } });
    });
  });

  describe("setAnswer", () => {
    const plan = buildPlan(TEMPLATE, { lang: "fr" });
    const [c1, c2, c3] = TEMPLATE.dimensions.flatMap((d) => d.criteria.map((c) => c.id));

    it("writes a level as a number, N/A as the workbook's token, blank as empty, comments as text", async () => {
      const { host, fake } = await hostOn(plan);
      expect(await host.setAnswer(c1 as string, { rating: { kind: "level", value: 3 }, comment: "=1+1" })).toEqual({ ok: true, value: undefined });
      expect(await host.setAnswer(c2 as string, { rating: { kind: "na" }, comment: "@SUM(A1)" })).toEqual({ ok: true, value: undefined });
      expect(await host.setAnswer(c3 as string, { rating: { kind: "blank" } })).toEqual({ ok: true, value: undefined });
      expect(gridCell(fake, plan, c1 as string, "rating").stored).toEqual({ kind: "number", value: 3, fromText: false });
      expect(gridCell(fake, plan, c1 as string, "comment").stored).toMatchObject({ kind: "text", text: "=1+1" });
      expect(gridCell(fake, plan, c2 as string, "rating").stored).toMatchObject({ kind: "text", text: "S. O." });
      expect(gridCell(fake, plan, c2 as string, "comment").stored).toMatchObject({ kind: "text", text: "@SUM(A1)" });
      expect(gridCell(fake, plan, c3 as string, "rating").stored).toEqual({ kind: "empty" });
      // A comment left undefined is left as it is.
      expect(gridCell(fake, plan, c3 as string, "comment").stored).toEqual({ kind: "empty" });
    });

    it("writes N/A in the workbook's language", async () => {
      const en = buildPlan(TEMPLATE, { lang: "en" });
      const { host, fake } = await hostOn(en);
      await host.setAnswer(c1 as string, { rating: { kind: "na" } });
      expect(gridCell(fake, en, c1 as string, "rating").stored).toMatchObject({ kind: "text", text: "N/A" });
    });

    it("costs two round trips once the grid is known", async () => {
      const { host, fake } = await hostOn(plan);
      await host.read();
      const { syncs } = await requests(fake, () => host.setAnswer(c1 as string, { rating: { kind: "level", value: 2 } }));
      expect(syncs).toBe(2);
    });

    it("finds a grid the user moved since it was read", async () => {
      const { host, fake } = await hostOn(plan);
      await host.read();
      const grid = fake.state.table("QG_Grid");
      if (!grid) throw new Error("no grid");
      // The user sorted the grid: the first two rows swapped places.
      const sheet = grid.sheet;
      for (let c = grid.left; c <= grid.right; c++) {
        const a = sheet.cell(grid.top + 1, c);
        const b = sheet.cell(grid.top + 2, c);
        [a.stored, b.stored] = [b.stored, a.stored];
      }
      await host.setAnswer(c1 as string, { rating: { kind: "level", value: 4 } });
      expect(sheet.peek(grid.top + 2, grid.left + 4)?.stored).toMatchObject({ kind: "number", value: 4 });
    });

    it("says which criterion it does not know", async () => {
      const { host } = await hostOn(plan);
      expect(await host.setAnswer("NOPE", { rating: { kind: "blank" } })).toEqual({ ok: false, error: { code: "unknownCriterion", detail: "NOPE" } });
    });

    it("reports a protected sheet when the rating cell is locked", async () => {
      const { host, fake } = await hostOn(plan);
      gridCell(fake, plan, c1 as string, "rating").format.locked = true;
      const r = await host.setAnswer(c1 as string, { rating: { kind: "level", value: 1 } });
      expect(r.ok || r.error.code).toBe("protected");
    });

    it("says there is no grid when it was deleted", async () => {
      const { host, fake } = await hostOn(plan);
      fake.state.tables.splice(fake.state.tables.findIndex((t) => t.name === "QG_Grid"), 1);
      expect(await host.setAnswer(c1 as string, { rating: { kind: "blank" } })).toEqual({ ok: false, error: { code: "noGrid", detail: "QG_Grid" } });
    });
  });

  describe("selection", () => {
    const plan = buildPlan(TEMPLATE, { lang: "fr" });
    const ids = TEMPLATE.dimensions.flatMap((d) => d.criteria.map((c) => c.id));

    it("selects a criterion's rating cell", async () => {
      const { host, fake } = await hostOn(plan);
      expect(await host.selectCriterion(ids[4] as string)).toEqual({ ok: true, value: undefined });
      expect(fake.state.selection).toEqual({ sheet: "Grille", address: cellAddress(5 + 4, 5) });
      expect(fake.state.activeSheet).toBe("Grille");
    });

    it("follows the user's selection in the grid until unsubscribed", async () => {
      const { host, fake } = await hostOn(plan);
      const seen: string[] = [];
      const stop = host.onCriterionSelected((id) => seen.push(id));
      await vi.waitFor(() => expect(fakeSheet(fake, "Grille").selectionHandlers.size).toBe(1));
      await fake.select("Grille", "C7");
      await fake.select("Grille", "A2");
      await fake.select("Grille", "E9:G12");
      expect(seen).toEqual([ids[2], ids[4]]);
      stop();
      await vi.waitFor(() => expect(fakeSheet(fake, "Grille").selectionHandlers.size).toBe(0));
      await fake.select("Grille", "C8");
      expect(seen).toHaveLength(2);
    });
  });

  describe("appendActions", () => {
    const plan = buildPlan(TEMPLATE, { lang: "fr" });
    const actions = () => {
      const t = plan.sheets.find((s) => s.key === "actions")?.tables[0];
      if (!t) throw new Error("no actions table");
      return t;
    };

    it("fills the empty rows at the end of the plan first, with fresh ids, the criterion, and the computed columns' formulas", async () => {
      const { host, fake } = await hostOn(plan);
      const t = actions();
      const sheet = fakeSheet(fake, "Plan d'action");
      // A person typed an action in the second row: it and every row above stay as they are.
      sheet.cell(t.top + 2, t.left + t.columns.findIndex((c) => c.key === "action")).stored = { kind: "text", text: "Former le CA", quotePrefix: false };
      const typedRow = t.top + 2;
      const before = [...sheet.cells.entries()].filter(([a]) => Number(a.replace(/\D/g, "")) <= typedRow).map(([a, c]) => [a, JSON.stringify(c)]);
      const r = await host.appendActions([
        { criterion: "GOUV-1", dimension: "GOUV", gap: 2 },
        { criterion: "RH-3", dimension: "RH", gap: 1 },
      ]);
      expect(r).toEqual({ ok: true, value: 2 });
      // The table did not grow: its 20 empty rows had room.
      expect(fake.state.table("QG_Actions")?.bottom).toBe(t.top + t.rows.length);
      for (const [a, c] of before) expect(JSON.stringify(sheet.cells.get(a as string)), a).toBe(c);
      const row = typedRow + 1;
      const at = (key: string, r = row) => sheet.peek(r, t.left + t.columns.findIndex((c) => c.key === key))?.stored;
      expect(at("id")).toMatchObject({ kind: "text", text: "A-001" });
      expect(at("id", row + 1)).toMatchObject({ kind: "text", text: "A-002" });
      expect(at("criterion")).toMatchObject({ kind: "text", text: "GOUV-1" });
      for (const key of ["dimension", "gap", "overdue"]) {
        const formula = t.rows[0]?.[t.columns.findIndex((c) => c.key === key)] as { formula: string };
        expect(at(key), key).toEqual({ kind: "formula", formula: formula.formula, fromText: false });
      }
      expect(at("action")).toMatchObject({ kind: "empty" });
    });

    it("grows the table when the empty rows are used up", async () => {
      const small = buildPlan(TEMPLATE, { lang: "fr", blankRows: 1 });
      const { host, fake } = await hostOn(small);
      const t = small.sheets.find((s) => s.key === "actions")?.tables[0];
      if (!t) throw new Error("no actions table");
      const r = await host.appendActions([
        { criterion: "GOUV-1", dimension: "GOUV", gap: 2 },
        { criterion: "RH-3", dimension: "RH", gap: 1 },
        { criterion: "RH-4", dimension: "RH", gap: 1 },
      ]);
      expect(r).toEqual({ ok: true, value: 3 });
      // Below the template's own action (Engagement Qualité 2.0.0 pre-fills one).
      const pre = (TEMPLATE.actions ?? []).length;
      expect(fake.state.table("QG_Actions")?.bottom).toBe(t.top + pre + 3);
      const sheet = fakeSheet(fake, "Plan d'action");
      expect([1, 2, 3].map((i) => sheet.peek(t.top + pre + i, t.left)?.stored)).toMatchObject([{ text: "A-001" }, { text: "A-002" }, { text: "A-003" }]);
    });

    it("continues the numbering of the ids already there, below the last typed row", async () => {
      const { host, fake } = await hostOn(plan);
      const t = actions();
      fakeSheet(fake, "Plan d'action").cell(t.top + 3, t.left).stored = { kind: "text", text: "A-007", quotePrefix: false };
      await host.appendActions([{ criterion: "GOUV-1", dimension: "GOUV", gap: 2 }]);
      expect(fakeSheet(fake, "Plan d'action").peek(t.top + 4, t.left)?.stored).toMatchObject({ text: "A-008" });
    });

    it("reports a protected action plan without writing", async () => {
      const { host, fake } = await hostOn(plan);
      fakeSheet(fake, "Plan d'action").protection = { protected: true };
      expect(await host.appendActions([{ criterion: "GOUV-1", dimension: "GOUV", gap: 2 }])).toEqual({ ok: false, error: { code: "protected", detail: "Plan d'action" } });
      expect(fake.state.table("QG_Actions")?.bottom).toBe(actions().top + actions().rows.length);
    });

    it("names the action plan when it is missing", async () => {
      const { host } = await hostOn(buildPlan(TEMPLATE, { lang: "fr", parts: { evidence: true, actions: false, dashboard: true } }));
      expect(await host.appendActions([{ criterion: "GOUV-1", dimension: "GOUV", gap: 2 }])).toEqual({ ok: false, error: { code: "tableMissing", detail: "QG_Actions" } });
    });

    it("adds nothing for no actions, without a round trip", async () => {
      const { host, fake } = await hostOn(plan);
      const { value, syncs } = await requests(fake, () => host.appendActions([]));
      expect(value).toEqual({ ok: true, value: 0 });
      expect(syncs).toBe(0);
    });
  });

  describe("insertFormula", () => {
    const plan = buildPlan(TEMPLATE, { lang: "fr" });
    const formula = "=QG.SCORE(QG_Grid[Cotation],1,4)";

    it("writes the formula into the active cell in one round trip and says where", async () => {
      const { host, fake } = await hostOn(plan);
      fake.state.addSheet("Bilan");
      // The active cell of a selected range is its top-left cell.
      await fake.select("Bilan", "C3:D5");
      const { value, syncs } = await requests(fake, () => host.insertFormula(formula));
      expect(value).toEqual({ ok: true, value: "Bilan!C3" });
      expect(syncs).toBe(1);
      expect(fakeSheet(fake, "Bilan").peek(3, 3)?.stored).toEqual({ kind: "formula", formula, fromText: false });
      expect(fakeSheet(fake, "Bilan").peek(3, 4)).toBeUndefined();
    });

    it("quotes a sheet name that needs it in the address", async () => {
      const { host, fake } = await hostOn(plan);
      fake.state.addSheet("Suivi 2025");
      await fake.select("Suivi 2025", "B7");
      expect(await host.insertFormula(formula)).toEqual({ ok: true, value: "'Suivi 2025'!B7" });
    });

    it("writes into an unlocked cell of a protected sheet", async () => {
      const { host, fake } = await hostOn(plan);
      const at = gridPosition(plan, TEMPLATE.dimensions[0]?.criteria[0]?.id as string, "comment");
      await fake.select(at.sheet, cellAddress(at.row, at.col));
      expect(fakeSheet(fake, at.sheet).protection.protected).toBe(true);
      expect(await host.insertFormula(formula)).toEqual({ ok: true, value: `${at.sheet}!${cellAddress(at.row, at.col)}` });
      expect(fakeSheet(fake, at.sheet).peek(at.row, at.col)?.stored).toEqual({ kind: "formula", formula, fromText: false });
    });

    it("refuses a locked cell of a protected sheet, and writes nothing", async () => {
      const { host, fake } = await hostOn(plan);
      await fake.select("Grille", "A2");
      const before = JSON.stringify(fakeSheet(fake, "Grille").peek(2, 1));
      const r = await host.insertFormula(formula);
      expect(r).toEqual({ ok: false, error: { code: "protected", detail: expect.stringMatching(/^AccessDenied: /) } });
      expect(JSON.stringify(fakeSheet(fake, "Grille").peek(2, 1))).toBe(before);
    });

    it("recognizes a protected sheet whatever the language of Excel's message", async () => {
      const fake = new ExcelFake();
      const runner = fake.runner();
      const host = createExcelHost({
        runner: {
          ...runner,
          run: (batch) =>
            runner.run((context) => {
              const sync = context.sync.bind(context);
              // Excel words its refusal in Office's language: nothing in it says "protect".
              vi.spyOn(context, "sync").mockImplementationOnce(async () => {
                try {
                  await sync();
                } catch (e) {
                  throw new FakeOfficeError((e as FakeOfficeError).code, "Zugriff verweigert.");
                }
              });
              return batch(context);
            }),
        },
        office: office(),
      });
      fake.state.addSheet("Feuil1").protection = { protected: true };
      await fake.select("Feuil1", "A1");
      expect(await host.insertFormula(formula)).toEqual({ ok: false, error: { code: "protected", detail: "AccessDenied: Zugriff verweigert." } });
    });

    it("passes on any other refusal with Excel's words (a table the formula names is missing)", async () => {
      const { host, fake } = await hostOn(null);
      fake.state.addSheet("Feuil1");
      const r = await host.insertFormula(formula);
      expect(r).toEqual({ ok: false, error: { code: "unknown", detail: expect.stringMatching(/^InvalidArgument: .*QG_Grid/) } });
    });
  });
});

