import { describe, expect, it } from "vitest";
import { hostOn, office, richTemplate } from "./excel.host.fixtures.js";
import { createExcelHost } from "../../addin/excel/excel.host.js";
import { ExcelFake, type FakeCell, type FakeRequest } from "../../addin/excel/fake/excel.fake.js";
import type { WorkbookHost } from "../../addin/host/host.types.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { TABLES } from "../../addin/plan/names.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { TablePlan, WorkbookPlan } from "../../addin/plan/plan.types.js";
import { fakeSheet, snapshotOfFake, type Snapshot } from "./excel.compare.js";
import { loadSnapshotServices } from "../../addin/host/host.services.js";
import type { OfficeDocumentFile } from "../../addin/excel/excel.file.js";
import { FileHost } from "../../addin/xlsx/xlsx.host.js";
import { readSnapshot } from "../../addin/xlsx/xlsx.snapshot.js";


function gridOf(plan: WorkbookPlan): { sheet: string; table: TablePlan } {
  const s = plan.sheets.find((x) => x.key === "grid");
  const table = s?.tables.find((t) => t.name === TABLES.grid);
  if (!s || !table) throw new Error("no grid");
  return { sheet: s.name, table };
}

/** The live grid's input cells of the respondents' columns (« Cotation — A », « Commentaire », …) as cell objects. */
function inputCells(fake: ExcelFake): Map<FakeCell, string> {
  const t = fake.state.table(TABLES.grid);
  if (!t) throw new Error("no grid");
  const headers = fake.state.headers(t);
  const out = new Map<FakeCell, string>();
  headers.forEach((h, i) => {
    if (!/^(Cotation|Commentaire|Réponse|Rating|Comment|Answer)( — |$)/.test(h)) return;
    for (let r = t.top + 1; r <= t.bottom; r++) out.set(t.sheet.cell(r, t.left + i), `${h} row ${r}`);
  });
  return out;
}

/** What the snapshot says of the parts a reshape brings to the new plan (everything but print and heights). */
function shapeOf(s: Snapshot): Record<string, string> {
  const flat: Record<string, string> = {};
  const parts = { cells: s.cells, names: s.names, numberFormats: s.numberFormats, filled: s.filled, fonts: s.fonts, validations: s.validations } as Record<string, Record<string, string>>;
  for (const [part, m] of Object.entries(parts)) for (const [k, v] of Object.entries(m)) flat[`${part} ${k}`] = v;
  for (const k of s.unlocked) flat[`unlocked ${k}`] = "yes";
  for (const [k, v] of Object.entries(s.widths)) flat[`width ${k}`] = String(v);
  for (const [k, v] of Object.entries(s.freeze)) flat[`freeze ${k}`] = v;
  for (const k of s.protectedSheets) flat[`protected ${k}`] = "yes";
  for (const t of s.tables) flat[`table ${t.split(" ")[0] ?? ""}`] = t;
  s.conditionalFormats.forEach((c, i) => (flat[`conditionalFormat ${i}`] = c));
  return flat;
}

/** The differences between two flattened snapshots, a few at most (a readable failure). */
function differences(a: Record<string, string>, b: Record<string, string>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => a[k] !== b[k]).map((k) => `${k}: ${String(a[k]).slice(0, 90)} ≠ ${String(b[k]).slice(0, 90)}`).slice(0, 25);
}

function clearTouched(fake: ExcelFake): void {
  for (const s of fake.state.sheets) s.touched.clear();
}

function touchedAmong(fake: ExcelFake, cells: Map<FakeCell, string>): string[] {
  const hit: string[] = [];
  for (const s of fake.state.sheets) for (const c of s.touched) if (cells.has(c)) hit.push(cells.get(c) as string);
  return hit;
}

const NAMES = ["Direction", "CA", "Équipe", "Bénévoles", "Comité", "Usagers", "Partenaires"];

describe("Excel host: adding a respondent (Office.js fake)", () => {
  for (const [label, template, lang] of [
    ["rich template", richTemplate(), "fr"],
    ["first built-in", builtinTemplates()[0] as Template, "en"],
  ] as [string, Template, Lang][]) {
    it(`${label}: 2nd to 7th respondent insert columns only, touch no other respondent's cells, in bounded syncs, and equal a fresh render`, async () => {
      const { host, fake } = await hostOn(buildPlan(template, { lang, respondents: [NAMES[0] as string] }));
      const { table } = gridOf(buildPlan(template, { lang }));
      const ids = table.rows.map((r) => String(r[table.columns.findIndex((c) => c.key === "criterion")]));
      expect(await host.setAnswer(ids[0] as string, { rating: { kind: "level", value: 2 }, comment: "premier" })).toEqual({ ok: true, value: undefined });
      const syncs: number[] = [];
      for (let n = 2; n <= 7; n++) {
        const name = NAMES[n - 1] as string;
        const before = inputCells(fake);
        const values = new Map([...before.keys()].map((c) => [c, JSON.stringify(c.stored)]));
        clearTouched(fake);
        const start = fake.requests.length;
        const added = await host.addRespondent(name);
        expect(added).toMatchObject({ ok: true, value: { ok: true } });
        syncs.push(fake.requests.length - start);
        expect(touchedAmong(fake, before)).toEqual([]);
        for (const [c, v] of values) expect(JSON.stringify(c.stored)).toBe(v);
        // The new respondent answers in their own column only.
        const id = ids[n % ids.length] as string;
        const after = inputCells(fake);
        clearTouched(fake);
        expect(await host.setAnswer(id, { rating: { kind: "level", value: 1 }, comment: `${name} dit` }, name)).toEqual({ ok: true, value: undefined });
        expect(touchedAmong(fake, after).filter((w) => !w.includes(`— ${name} `))).toEqual([]);
        expect(touchedAmong(fake, after)).toHaveLength(2);
        const read = await host.read();
        expect(read.ok && read.value.respondents.map((r) => r.name)).toEqual(NAMES.slice(0, n));
      }
      // A constant: the read, the reshape's two reads and its writes, whatever the number of rows or columns.
      console.log(`${label}: syncs per added respondent ${syncs.join(", ")}`);
      expect(new Set(syncs).size).toBe(1);
      expect(syncs[0]).toBeLessThanOrEqual(5);

      // Headers, formulas, formats, validations, names: what the renderer makes for seven respondents.
      const fresh = await hostOn(buildPlan(template, { lang, respondents: NAMES }));
      const strip = (s: Snapshot): Snapshot => {
        // The answers typed above are the only content the fresh workbook lacks.
        const cells = Object.fromEntries(Object.entries(s.cells).filter(([, v]) => !/^(number:[12]|text:(premier|.* dit))$/.test(v)));
        return { ...s, cells };
      };
      expect(differences(shapeOf(strip(snapshotOfFake(fake))), shapeOf(strip(snapshotOfFake(fresh.fake))))).toEqual([]);
    });
  }

  it("a workbook without respondents: its answers become « Répondant 1 »'s, the grid gains the new one's columns", async () => {
    const template = builtinTemplates()[0] as Template;
    const { host, fake } = await hostOn(buildPlan(template, { lang: "fr" }));
    const { table } = gridOf(buildPlan(template, { lang: "fr" }));
    const id = String(table.rows[0]?.[table.columns.findIndex((c) => c.key === "criterion")]);
    await host.setAnswer(id, { rating: { kind: "level", value: 3 }, comment: "avant" });
    const before = inputCells(fake);
    clearTouched(fake);
    const added = await host.addRespondent("CA");
    if (!added.ok) {
      const failed = fake.requests.find((r) => r.error);
      throw new Error(`${added.error.detail} ${JSON.stringify(failed?.ops.filter((o) => !o.name.endsWith(".load")).map((o) => o.name).filter((n) => !/format|numberFormat|dataValidation|columns.add/.test(n)).slice(0, 40))}`);
    }
    expect(added).toMatchObject({ ok: true, value: { ok: true } });
    expect(touchedAmong(fake, before)).toEqual([]);
    const read = await host.read();
    if (!read.ok) throw new Error(read.error.detail);
    expect(read.value.respondents.map((r) => r.name)).toEqual(["Répondant 1", "CA"]);
    const answers = read.value.assessment.criteria.find((c) => c.criterion === id)?.answers;
    expect(answers?.[0]).toMatchObject({ rating: { kind: "level", value: 3 }, comment: "avant" });
    expect(answers?.[1]).toMatchObject({ rating: { kind: "blank" } });
    const fresh = await hostOn(buildPlan(template, { lang: "fr", respondents: ["Répondant 1", "CA"] }));
    const noAnswers = (s: Snapshot): Record<string, string> => shapeOf({ ...s, cells: Object.fromEntries(Object.entries(s.cells).filter(([, v]) => v !== "number:3" && v !== "text:avant")) });
    expect(differences(noAnswers(snapshotOfFake(fake)), noAnswers(snapshotOfFake(fresh.fake)))).toEqual([]);
  });

  it("refuses a name already taken or unfit, writing nothing", async () => {
    const { host, fake } = await hostOn(buildPlan(builtinTemplates()[0] as Template, { lang: "fr", respondents: ["Direction", "CA"] }));
    const start = fake.requests.length;
    const writes = (rs: FakeRequest[]): number => rs.flatMap((r) => r.ops).filter((o) => !o.name.endsWith(".load") && !o.name.includes("isNullObject")).length;
    for (const name of ["direction", "", "=A1", "Nom[1]"]) {
      const r = await host.addRespondent(name);
      expect(r.ok && !r.value.ok).toBe(true);
    }
    expect(writes(fake.requests.slice(start))).toBe(0);
  });

  it("setAgreed writes the agreed rating and its reason; refused on a one-respondent grid", async () => {
    const template = builtinTemplates()[0] as Template;
    const plan = buildPlan(template, { lang: "fr", respondents: ["Direction", "CA"] });
    const { host } = await hostOn(plan);
    const { table } = gridOf(plan);
    const id = String(table.rows[0]?.[table.columns.findIndex((c) => c.key === "criterion")]);
    expect(await host.setAgreed(id, { rating: { kind: "level", value: 2 }, reason: "consensus du 3 mai" })).toEqual({ ok: true, value: undefined });
    const read = await host.read();
    const row = read.ok ? read.value.grid.find((r) => r.criterion === id) : undefined;
    expect(row?.agreed).toBe(2);
    expect(row?.agreedReason).toBe("consensus du 3 mai");
    const single = await hostOn(buildPlan(template, { lang: "fr" }));
    expect((await single.host.setAgreed(id, { rating: { kind: "level", value: 2 } })).ok).toBe(false);
  });

  it("setAnswer for an unknown respondent fails and writes nothing", async () => {
    const plan = buildPlan(builtinTemplates()[0] as Template, { lang: "fr", respondents: ["Direction", "CA"] });
    const { host, fake } = await hostOn(plan);
    const { table } = gridOf(plan);
    const id = String(table.rows[0]?.[table.columns.findIndex((c) => c.key === "criterion")]);
    await host.read();
    clearTouched(fake);
    const r = await host.setAnswer(id, { rating: { kind: "level", value: 1 } }, "Inconnu");
    expect(r.ok).toBe(false);
    expect(fake.state.sheets.reduce((n, s) => n + s.touched.size, 0)).toBe(0);
    expect(fakeSheet(fake, gridOf(plan).sheet)).toBeDefined();
  });
});

/** An Office document whose file is `bytes`, in one slice. */
function documentOf(bytes: Uint8Array): OfficeDocumentFile {
  return {
    getFileAsync(_type, _options, callback) {
      callback({
        status: "succeeded",
        value: { sliceCount: 1, getSliceAsync: (_i, cb) => cb({ status: "succeeded", value: { data: Array.from(bytes) } }), closeAsync: () => undefined },
      });
    },
  };
}

/** A one-respondent copy for `name` made in the file host, with answers; stamped when `stamp`. */
async function copyFor(template: Template, name: string, answers: [string, number, string][]): Promise<Uint8Array> {
  const host = new FileHost({ lang: "fr" });
  expect((await host.generate(buildPlan(template, { lang: "fr", respondents: [name] }))).ok).toBe(true);
  for (const [id, level, comment] of answers) expect((await host.setAnswer(id, { rating: { kind: "level", value: level }, comment })).ok).toBe(true);
  const bytes = await host.snapshot();
  if (!bytes.ok) throw new Error(bytes.error.detail);
  return bytes.value;
}

describe("Excel host: answers imported from a copy, copies made", () => {
  const template = builtinTemplates()[0] as Template;
  const plan = buildPlan(template, { lang: "fr", respondents: ["Direction", "CA"] });
  const { table } = gridOf(plan);
  const ids = table.rows.map((r) => String(r[table.columns.findIndex((c) => c.key === "criterion")]));

  async function excelOn(bytes?: Uint8Array): Promise<{ host: WorkbookHost; fake: ExcelFake }> {
    const fake = new ExcelFake();
    const host = createExcelHost({ runner: fake.runner(), office, snapshotServices: loadSnapshotServices, ...(bytes ? { document: () => documentOf(bytes) } : {}) });
    expect(await host.generate(plan)).toEqual({ ok: true, value: undefined });
    return { host, fake };
  }

  it("brings a copy's answers into its respondent's column only, replaces them when merged again, records the merge", async () => {
    const { host, fake } = await excelOn();
    await host.setAnswer(ids[0] as string, { rating: { kind: "level", value: 4 }, comment: "direction" }, "Direction");
    const copy = await copyFor(template, "CA", [[ids[0] as string, 1, "ca un"], [ids[1] as string, 2, "ca deux"]]);
    const direction = new Map([...inputCells(fake)].filter(([, w]) => w.includes("— Direction ")));
    clearTouched(fake);
    const merged = await host.importAnswers(copy, "C:\\envois\\copie CA.xlsx", "CA");
    if (!merged.ok) throw new Error(merged.error.detail);
    expect(merged.value).toMatchObject({ ok: true, value: { respondent: "CA", added: false, filled: 2 } });
    expect(touchedAmong(fake, direction)).toEqual([]);
    const again = await host.importAnswers(copy, "copie CA.xlsx", "CA");
    expect(again.ok && again.value.ok).toBe(true);
    const read = await host.read();
    if (!read.ok) throw new Error(read.error.detail);
    const answers = (id: string) => read.value.assessment.criteria.find((c) => c.criterion === id)?.answers;
    expect(answers(ids[0] as string)?.map((a) => a.rating)).toEqual([{ kind: "level", value: 4 }, { kind: "level", value: 1 }]);
    expect(answers(ids[1] as string)?.[1]).toMatchObject({ rating: { kind: "level", value: 2 }, comment: "ca deux" });
    expect(read.value.respondents[1]).toMatchObject({ name: "CA", mergedFrom: "copie CA.xlsx" });
    expect(read.value.respondents[1]?.mergedOn).toBeInstanceOf(Date);
  });

  it("adds the respondent of a copy the workbook does not have, and refuses an unstamped copy without a name", async () => {
    const { host } = await excelOn();
    const copy = await copyFor(template, "Équipe", [[ids[2] as string, 3, "équipe"]]);
    const refused = await host.importAnswers(copy, "copie.xlsx");
    expect(refused.ok && !refused.value.ok).toBe(true);
    const merged = await host.importAnswers(copy, "copie.xlsx", "Équipe");
    expect(merged.ok && merged.value.ok && merged.value.value).toMatchObject({ respondent: "Équipe", added: true });
    const read = await host.read();
    if (!read.ok) throw new Error(read.error.detail);
    expect(read.value.respondents.map((r) => r.name)).toEqual(["Direction", "CA", "Équipe"]);
    expect(read.value.assessment.criteria.find((c) => c.criterion === ids[2])?.answers[2]).toMatchObject({ rating: { kind: "level", value: 3 }, comment: "équipe" });
  });

  it("makes one stamped copy per respondent from the document's bytes and records their ids in the open workbook", async () => {
    const master = new FileHost({ lang: "fr" });
    await master.generate(plan);
    const bytes = await master.snapshot();
    if (!bytes.ok) throw new Error(bytes.error.detail);
    const { host } = await excelOn(bytes.value);
    const made = await host.makeCopies();
    if (!made.ok || !made.value.ok) throw new Error(JSON.stringify(made));
    expect(made.value.value.map((c) => [c.respondent, c.file])).toEqual([
      ["Direction", "Classeur - Direction.xlsx"],
      ["CA", "Classeur - CA.xlsx"],
    ]);
    const copies = await Promise.all(made.value.value.map((c) => readSnapshot(c.bytes, c.file)));
    const stamps = copies.map((c) => (c.ok ? c.value.respondents : []));
    expect(stamps.map((r) => r.map((x) => x.name))).toEqual([["Direction"], ["CA"]]);
    const read = await host.read();
    if (!read.ok) throw new Error(read.error.detail);
    expect(read.value.respondents.map((r) => r.copyId)).toEqual(stamps.map((r) => r[0]?.copyId));
    expect(read.value.respondents.every((r) => /^[0-9a-f-]{36}$/.test(r.copyId))).toBe(true);
  });
});

describe("File host (workbench): respondents", () => {
  const template = builtinTemplates()[0] as Template;

  it("adds a respondent, answers in their column, records an agreed rating, merges a copy", async () => {
    const host = new FileHost({ lang: "fr" });
    await host.generate(buildPlan(template, { lang: "fr" }));
    const { table } = gridOf(buildPlan(template, { lang: "fr" }));
    const id = String(table.rows[0]?.[table.columns.findIndex((c) => c.key === "criterion")]);
    await host.setAnswer(id, { rating: { kind: "level", value: 2 } });
    expect(await host.addRespondent("CA")).toMatchObject({ ok: true, value: { ok: true } });
    expect(await host.setAnswer(id, { rating: { kind: "level", value: 4 }, comment: "ca" }, "CA")).toEqual({ ok: true, value: undefined });
    expect(await host.setAgreed(id, { rating: { kind: "level", value: 3 }, reason: "rencontre" })).toEqual({ ok: true, value: undefined });
    const copy = await copyFor(template, "Équipe", [[id, 1, "équipe"]]);
    const merged = await host.importAnswers(copy, "équipe.xlsx", "Équipe");
    expect(merged.ok && merged.value.ok && merged.value.value.added).toBe(true);
    const read = await host.read();
    if (!read.ok) throw new Error(read.error.detail);
    expect(read.value.respondents.map((r) => r.name)).toEqual(["Répondant 1", "CA", "Équipe"]);
    const c = read.value.assessment.criteria.find((x) => x.criterion === id);
    expect(c?.answers.map((a) => a.rating)).toEqual([{ kind: "level", value: 2 }, { kind: "level", value: 4 }, { kind: "level", value: 1 }]);
    expect(c?.agreed).toMatchObject({ rating: { kind: "level", value: 3 }, reason: "rencontre" });
    const copies = await host.makeCopies();
    expect(copies.ok && copies.value.ok && copies.value.value.map((x) => x.respondent)).toEqual(["Répondant 1", "CA", "Équipe"]);
  });
});
