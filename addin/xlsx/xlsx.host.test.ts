import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { HostResult, WorkbookHost } from "../host/host.types.js";
import { builtinTemplates } from "../model/builtin.js";
import { naDisplayToken } from "../model/scale.js";
import type { Template } from "../model/template.types.js";
import { buildPlan } from "../plan/plan.build.js";
import { TABLES } from "../plan/names.js";
import { loadWorkbook } from "./xlsx.io.js";
import { readQualigridWorkbook } from "./xlsx.read.js";
import { findTables } from "./xlsx.tables.js";
import { FileHost } from "./xlsx.host.js";
import { renderAuthoringWorkbook } from "./xlsx.authoring.js";
import { fillAnswers, type AnswerEntry } from "./xlsx.fill.js";
import { checkSnapshot, templateFromSnapshot, upgradeSnapshot } from "./xlsx.snapshot.js";

const template = (id: string): Template => {
  const t = builtinTemplates().find((x) => x.id === id);
  if (!t) throw new Error(`no built-in template ${id}`);
  return t;
};

function value<T>(r: HostResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.detail}`);
  return r.value;
}

/** The bytes of a host's workbook, read back with the file reader as the CLI would. */
async function readBack(host: FileHost) {
  const bytes = value(await host.snapshot());
  const loaded = await loadWorkbook(bytes, "snapshot.xlsx");
  if (!loaded.ok) throw new Error(loaded.issues[0]?.message);
  const read = readQualigridWorkbook(loaded.value, "snapshot.xlsx");
  if (!read.ok) throw new Error(read.issues.map((i) => i.message).join("; "));
  return { wb: loaded.value, assessment: read.value };
}

describe("FileHost (the browser workbench's workbook host)", () => {
  it("happy path: generates a grid, records answers and actions, and its snapshot reads back the same", async () => {
    const host = new FileHost({ lang: "fr" });
    expect(value(await host.status())).toEqual({ hasGrid: false, template: null, clashes: [] });
    expect(host.current().hasContent).toBe(false);
    const plan = buildPlan(template("engagement-qualite"), { lang: "fr" });
    value(await host.generate(plan));
    expect(host.current()).toMatchObject({ fileName: "engagement-qualite.xlsx", hasContent: true });
    expect(value(await host.status())).toEqual({
      hasGrid: true,
      template: { id: "engagement-qualite", version: plan.template.version },
      clashes: expect.arrayContaining([{ kind: "grid", name: TABLES.grid }]),
    });

    const grid = value(await host.read()).grid;
    const [a, b, c] = grid.map((g) => g.criterion) as [string, string, string];
    value(await host.setAnswer(a, { rating: { kind: "level", value: 3 }, comment: "Procès-verbaux 2024" }));
    value(await host.setAnswer(b, { rating: { kind: "na" } }));
    value(await host.setAnswer(c, { rating: { kind: "level", value: 1 }, comment: "=1+1" }));
    const actions = [
      { criterion: a, dimension: grid[0]!.dimension, gap: 1 },
      { criterion: c, dimension: grid[2]!.dimension, gap: 3 },
    ];
    expect(value(await host.appendActions(actions))).toBe(2);

    const { assessment } = await readBack(host);
    const row = (id: string) => assessment.grid.find((g) => g.criterion === id);
    expect(row(a)).toMatchObject({ rating: 3, comment: "Procès-verbaux 2024" });
    expect(row(b)?.rating).toBe(naDisplayToken("fr"));
    // Text that looks like a formula stays text.
    expect(row(c)).toMatchObject({ rating: 1, comment: "=1+1" });
    // Engagement Qualité 2.0.0 pre-fills one action (« Modèle »); the plan from gaps leaves it alone.
    expect(assessment.actions?.[0]).toMatchObject({ criterion: "BPQ-05", source: "Modèle" });
    const added = (assessment.actions ?? []).filter((x) => x.criterion !== "" && x.source !== "Modèle");
    expect(added.map((x) => x.criterion)).toEqual([a, c]);
    expect(added.map((x) => x.id)).toEqual(["A-001", "A-002"]);
  });

  it("grows the action plan once its empty rows are used, with a table that still reads back", async () => {
    const host = new FileHost({ lang: "en" });
    value(await host.generate(buildPlan(template("engagement-qualite"), { lang: "en" })));
    const grid = value(await host.read()).grid;
    const start = findTables((await readBack(host)).wb).get(TABLES.actions.toLowerCase());
    const before = start ? start.bottom - start.top : 0;
    expect(before).toBeGreaterThan(0);
    const many = grid.slice(0, before + 3).map((g) => ({ criterion: g.criterion, dimension: g.dimension, gap: 1 }));
    expect(value(await host.appendActions(many))).toBe(many.length);
    const { wb, assessment } = await readBack(host);
    // After the template's own action (BPQ-05, pre-filled by Engagement Qualité 2.0.0).
    expect((assessment.actions ?? []).map((x) => x.criterion)).toEqual(["BPQ-05", ...many.map((m) => m.criterion)]);
    const table = findTables(wb).get(TABLES.actions.toLowerCase());
    expect(table && table.bottom - table.top).toBe(many.length + 1);
  });

  it("refuses to generate over a grid (gridExists), as in Excel", async () => {
    const host = new FileHost({ lang: "fr" });
    const plan = buildPlan(template("engagement-qualite"), { lang: "fr" });
    value(await host.generate(plan));
    const again = await host.generate(plan);
    expect(again.ok).toBe(false);
    expect(!again.ok && again.error.code).toBe("gridExists");
  });

  it("says what stops a generation before refusing it: a Qualigrid table or name without a grid", async () => {
    const own = new ExcelJS.Workbook();
    const ws = own.addWorksheet("Preuves");
    ws.addTable({ name: TABLES.evidence, ref: "A1", columns: [{ name: "Id" }], rows: [["E1"]] });
    const host = new FileHost({ lang: "fr" });
    expect(await host.openFile(new Uint8Array(await own.xlsx.writeBuffer()), "preuves.xlsx")).toEqual({ ok: true });
    expect(value(await host.status())).toEqual({ hasGrid: false, template: null, clashes: [{ kind: "table", name: TABLES.evidence }] });
    const refused = await host.generate(buildPlan(template("engagement-qualite"), { lang: "fr" }));
    expect(refused).toEqual({ ok: false, error: { code: "gridExists", detail: TABLES.evidence } });
  });

  it("adds the Qualigrid sheets to an opened workbook with sheets of its own, which it keeps", async () => {
    const own = new ExcelJS.Workbook();
    own.addWorksheet("Budget").getCell("A1").value = "Loyer";
    const bytes = new Uint8Array(await own.xlsx.writeBuffer());
    const host = new FileHost({ lang: "fr" });
    expect(await host.openFile(bytes, "budget.xlsx")).toEqual({ ok: true });
    expect(host.current()).toMatchObject({ fileName: "budget.xlsx", hasContent: true });
    const before = await host.read();
    expect(!before.ok && before.error.code).toBe("noGrid");
    value(await host.generate(buildPlan(template("engagement-qualite"), { lang: "fr" })));
    const { wb, assessment } = await readBack(host);
    expect(wb.getWorksheet("Budget")?.getCell("A1").value).toBe("Loyer");
    expect(assessment.template.id).toBe("engagement-qualite");
    // The opened file keeps its name for the download.
    expect(host.current().fileName).toBe("budget.xlsx");
  });

  it.each([
    { what: "a text file", bytes: new TextEncoder().encode("criterion,rating\n"), message: /is not an \.xlsx workbook/ },
    { what: "a truncated zip", bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]), message: /truncated or corrupt/ },
  ])("refuses $what with the guard's message naming the file, keeping the current workbook", async ({ bytes, message }) => {
    const host = new FileHost({ lang: "fr" });
    value(await host.generate(buildPlan(template("engagement-qualite"), { lang: "fr" })));
    const opened = await host.openFile(bytes, "budget.xlsx");
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.issue.path).toBe("budget.xlsx");
    expect(opened.issue.message).toMatch(message);
    expect(value(await host.status()).hasGrid).toBe(true);
    expect(host.current().fileName).toBe("engagement-qualite.xlsx");
  });

  it("answers noActiveCell to insertFormula, and openWorkbook replaces the workbook", async () => {
    const host = new FileHost({ lang: "fr" });
    const asHost: WorkbookHost = host;
    const r = await asHost.insertFormula("=QG.SCORE(A1:A3,1,4)");
    expect(!r.ok && r.error.code).toBe("noActiveCell");
    const other = new FileHost({ lang: "fr" });
    value(await other.generate(buildPlan(template("rqiiac-conditions"), { lang: "fr" })));
    const bytes = value(await other.snapshot());
    const states: (string | null)[] = [];
    host.subscribe((s) => states.push(s.fileName));
    expect(value(await host.openWorkbook(bytes, "rqiiac-v2.xlsx"))).toBe("replaced");
    expect(states).toEqual(["rqiiac-v2.xlsx", "rqiiac-v2.xlsx"]);
    // Made by the pane and not saved anywhere yet: the workbench offers it for download.
    expect(host.current()).toMatchObject({ origin: "pane", modified: true, hasContent: true });
    expect(value(await host.status()).template?.id).toBe("rqiiac-conditions");
  });

  it("writes formulas into the given cells and nothing else", async () => {
    const host = new FileHost({ lang: "fr" });
    value(await host.generate(buildPlan(template("engagement-qualite"), { lang: "fr" })));
    const a = value(await host.read());
    const sheet = a.gridSheet;
    expect(value(await host.writeFormulas([{ sheet, address: "Z1", formula: "=1+2" }]))).toBe(1);
    const { wb } = await readBack(host);
    expect(wb.getWorksheet(sheet)?.getCell("Z1").formula).toBe("1+2");
    const bad = await host.writeFormulas([{ sheet: "Nope", address: "A1", formula: "=1" }]);
    expect(bad.ok).toBe(false);
  });

  it("knows whether the workbook changed since it was opened, started or downloaded", async () => {
    const host = new FileHost({ lang: "fr" });
    expect(host.current().modified).toBe(false);
    value(await host.generate(buildPlan(template("engagement-qualite"), { lang: "fr" })));
    expect(host.current().modified).toBe(true);
    const { fileName } = await host.download();
    expect(fileName).toBe("engagement-qualite.xlsx");
    expect(host.current().modified).toBe(false);
    const first = value(await host.read()).grid[0]!.criterion;
    value(await host.setAnswer(first, { rating: { kind: "level", value: 2 } }));
    expect(host.current().modified).toBe(true);
    await host.newWorkbook();
    expect(host.current()).toMatchObject({ fileName: null, hasContent: false, modified: false });
  });

  it("says noGrid when reading or answering on a workbook without a grid", async () => {
    const host = new FileHost({ lang: "fr" });
    const r = await host.read();
    expect(!r.ok && r.error.code).toBe("noGrid");
    const s = await host.setAnswer("X", { rating: { kind: "blank" } });
    expect(!s.ok && s.error.code).toBe("noGrid");
  });
});

describe("FileHost's check, template reading and upgrade, on the workbook in memory", () => {
  /** A host on a generated grid with a few answers. */
  async function answered(lang: "fr" | "en" = "fr"): Promise<FileHost> {
    const host = new FileHost({ lang });
    value(await host.generate(buildPlan(template("engagement-qualite"), { lang })));
    const [a, b] = value(await host.read()).grid;
    value(await host.setAnswer(a!.criterion, { rating: { kind: "level", value: 2 }, comment: "vu" }));
    value(await host.setAnswer(b!.criterion, { rating: { kind: "na" } }));
    return host;
  }

  it("checks as `check` does on the workbook's bytes, on a grid made here and on a file opened", async () => {
    const host = await answered();
    const checked = value(await host.check({ lang: "fr", orgDomains: ["exemple.org"], file: "ce classeur" }));
    expect(checked.ok && checked.value.findings.length).toBeGreaterThan(0);
    expect(checked).toEqual(await checkSnapshot(value(await host.snapshot()), "ce classeur", "fr", ["exemple.org"]));

    // A formula typed over in a file the user opens: the repair the bytes' check finds.
    const wb = (await readBack(host)).wb;
    const grid = findTables(wb).get(TABLES.grid.toLowerCase());
    const cell = grid && [...Array(grid.right - grid.left + 1).keys()].map((i) => grid.sheet.getCell(grid.top + 1, grid.left + i)).find((c) => c.formula);
    if (!cell) throw new Error("no grid formula");
    cell.value = 0;
    expect(await host.openFile(new Uint8Array(await wb.xlsx.writeBuffer()), "altered.xlsx")).toEqual({ ok: true });
    const again = value(await host.check({ lang: "en", orgDomains: [], file: "this workbook" }));
    expect(again.ok && again.value.repairs.map((r) => `${r.where.sheet}!${r.where.address}`)).toEqual([`${cell.worksheet.name}!${cell.address}`]);
    expect(again).toEqual(await checkSnapshot(value(await host.snapshot()), "this workbook", "en", []));
  });

  it("says why a workbook without a grid cannot be checked, naming the grid table", async () => {
    const r = value(await new FileHost({ lang: "fr" }).check({ lang: "fr", orgDomains: [], file: "ce classeur" }));
    expect(!r.ok && r.issues.map((i) => `${i.path} ${i.message}`).join("\n")).toContain(TABLES.grid);
  });

  it("reads the template of a grid and of authoring tables, as from the workbook's bytes", async () => {
    const host = await answered();
    const own = value(await host.templateFromWorkbook("ce classeur"));
    expect(own.ok && [own.value.origin, own.value.template.id]).toEqual(["qualigrid", "engagement-qualite"]);
    const authored = template("rqiiac-conditions");
    expect(await host.openFile(await renderAuthoringWorkbook(authored, "fr"), "modele.xlsx")).toEqual({ ok: true });
    const read = value(await host.templateFromWorkbook("ce classeur"));
    expect(read.ok && read.value.origin).toBe("authoring");
    expect(read).toEqual(await templateFromSnapshot(value(await host.snapshot()), "ce classeur"));
  });

  it("makes a template's grid in place of the workbook, as openWorkbook does", async () => {
    const host = new FileHost({ lang: "fr" });
    expect(await host.openFile(await renderAuthoringWorkbook(template("rqiiac-conditions"), "fr"), "modele.xlsx")).toEqual({ ok: true });
    const generation = host.current().generation;
    expect(value(await host.openGridWorkbook(template("rqiiac-conditions"), "en", "rqiiac-conditions.xlsx"))).toBe("replaced");
    expect(host.current()).toMatchObject({ fileName: "rqiiac-conditions.xlsx", origin: "pane", modified: true, hasContent: true, generation });
    const a = value(await host.read());
    expect([a.template.id, a.lang]).toEqual(["rqiiac-conditions", "en"]);
  });

  it("upgrades the workbook, keeping its answers, and works on the upgraded one as openWorkbook does", async () => {
    const host = await answered();
    const before = value(await host.snapshot());
    const kept = value(await host.read()).grid[0]!.criterion;
    const next = { ...structuredClone(template("engagement-qualite")), version: "9.0.0" };
    const r = value(await host.upgrade(next, { name: "engagement-qualite-9.0.0.xlsx", file: "ce classeur" }));
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
    expect(r.value.opened).toBe("replaced");
    const bytes = await upgradeSnapshot(before, "ce classeur", next);
    expect(r.value.summary).toEqual(bytes.ok && bytes.value.summary);
    expect(host.current()).toMatchObject({ fileName: "engagement-qualite-9.0.0.xlsx", origin: "pane", modified: true });
    const a = value(await host.read());
    expect(a.template.version).toBe("9.0.0");
    expect(a.grid.find((g) => g.criterion === kept)).toMatchObject({ rating: 2, comment: "vu" });
  });

  it("refuses to upgrade a workbook without a grid with the reader's issues, keeping it", async () => {
    const host = new FileHost({ lang: "fr" });
    const r = value(await host.upgrade(template("engagement-qualite"), { name: "x.xlsx", file: "ce classeur" }));
    expect(r.ok).toBe(false);
    expect(host.current().origin).toBe("new");
  });

  it("writes an answer where and as `fill` writes it", async () => {
    const host = new FileHost({ lang: "fr" });
    value(await host.generate(buildPlan(template("engagement-qualite"), { lang: "fr" })));
    const blank = value(await host.snapshot());
    const [a, b, c, d] = value(await host.read()).grid.map((g) => g.criterion) as [string, string, string, string];
    const lines: AnswerEntry[] = [
      { criterion: a, rating: { kind: "level", value: 3 }, comment: "Procès-verbaux" },
      { criterion: b.toLowerCase(), rating: { kind: "na" }, comment: null },
      { criterion: c, rating: { kind: "blank" }, comment: "=1+1" },
      { criterion: d, rating: { kind: "level", value: 1 }, comment: "" },
    ];
    for (const l of lines) value(await host.setAnswer(l.criterion, { rating: l.rating, ...(l.comment === null ? {} : { comment: l.comment }) }));
    const filled = await loadWorkbook(blank, "blank.xlsx");
    if (!filled.ok) throw new Error("unreadable");
    const read = readQualigridWorkbook(filled.value, "blank.xlsx");
    if (!read.ok) throw new Error("unreadable");
    expect(fillAnswers(filled.value, read.value, lines)).toBe(4);
    const { wb } = await readBack(host);
    const cells = (book: ExcelJS.Workbook) =>
      read.value.grid.flatMap((g) => [g.ratingCell, g.commentCell].flatMap((ref) => (ref ? [[ref.address, book.getWorksheet(ref.sheet)?.getCell(ref.address).value ?? null]] : [])));
    expect(cells(wb)).toEqual(cells(filled.value));
    expect(cells(wb)).toContainEqual([read.value.grid[1]!.ratingCell.address, naDisplayToken("fr")]);
  });
});
