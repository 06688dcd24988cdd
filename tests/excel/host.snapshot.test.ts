import { describe, expect, it, vi } from "vitest";
import type { OfficeDocumentFile } from "../../addin/excel/excel.file.js";
import { createExcelHost, type OfficeEnv } from "../../addin/excel/excel.host.js";
import { ExcelFake } from "../../addin/excel/fake/excel.fake.js";
import { loadSnapshotServices } from "../../addin/host/host.services.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import type { Template } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { loadWorkbook, saveWorkbook } from "../../addin/xlsx/xlsx.io.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToBuffer } from "../../addin/xlsx/xlsx.render.js";
import { checkSnapshot } from "../../addin/xlsx/xlsx.snapshot.js";
import { findTables } from "../../addin/xlsx/xlsx.tables.js";

const TEMPLATE = builtinTemplates()[0] as Template;
const office = (): OfficeEnv => ({ isSetSupported: () => true, displayLanguage: "fr-CA" });

/** An Office document whose file is `bytes`, in one slice; counts how often its file was asked for. */
function documentOf(bytes: Uint8Array): OfficeDocumentFile & { asked: number } {
  const doc = {
    asked: 0,
    getFileAsync(_type: "compressed", _options: { sliceSize: number }, callback: Parameters<OfficeDocumentFile["getFileAsync"]>[2]) {
      doc.asked++;
      callback({
        status: "succeeded",
        value: { sliceCount: 1, getSliceAsync: (_i, cb) => cb({ status: "succeeded", value: { data: Array.from(bytes) } }), closeAsync: () => undefined },
      });
    },
  };
  return doc;
}

/** A generated workbook's bytes, with its first grid formula typed over (a repair to find). */
async function alteredWorkbook(): Promise<{ bytes: Uint8Array; altered: string }> {
  const loaded = await loadWorkbook(await renderPlanToBuffer(buildPlan(TEMPLATE, { lang: "fr" })), "t.xlsx");
  if (!loaded.ok) throw new Error("unreadable");
  const grid = findTables(loaded.value).get("qg_grid");
  if (!grid) throw new Error("no grid");
  let altered = "";
  for (let c = grid.left; c <= grid.right && !altered; c++) {
    const cell = grid.sheet.getCell(grid.top + 1, c);
    if (cell.formula) {
      altered = `${grid.sheet.name}!${cell.address}`;
      cell.value = 0;
    }
  }
  return { bytes: await saveWorkbook(loaded.value), altered };
}

/** An Excel host on a fake document of `bytes`, with a loader that records its calls and the workbooks Excel was asked to open. */
function hostOn(bytes: Uint8Array | null) {
  const doc = bytes ? documentOf(bytes) : undefined;
  const load = vi.fn(loadSnapshotServices);
  const created: Uint8Array[] = [];
  const host = createExcelHost({
    runner: new ExcelFake().runner(),
    office,
    document: () => doc,
    createWorkbook: () => async (b64) => void created.push(Uint8Array.from(Buffer.from(b64, "base64"))),
    snapshotServices: load,
  });
  return { host, doc, load, created };
}

describe("the Excel host's actions on a copy of the workbook", () => {
  it("loads no file services until an action needs them", async () => {
    const { host, load } = hostOn(new Uint8Array(4));
    await host.status();
    await host.read();
    expect(load).not.toHaveBeenCalled();
  });

  it("checks the document's bytes with the injected services: the findings and repairs of `checkSnapshot`", async () => {
    const { bytes, altered } = await alteredWorkbook();
    const { host, doc, load } = hostOn(bytes);
    const r = await host.check({ lang: "fr", orgDomains: ["exemple.org"], file: "ce classeur" });
    expect(doc?.asked).toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
    if (!r.ok || !r.value.ok) throw new Error("check failed");
    expect(r.value.value.repairs.map((x) => `${x.where.sheet}!${x.where.address}`)).toEqual([altered]);
    expect(r.value).toEqual(await checkSnapshot(bytes, "ce classeur", "fr", ["exemple.org"]));
  });

  it("reads the template of the document's bytes", async () => {
    const { bytes } = await alteredWorkbook();
    const { host, doc, load } = hostOn(bytes);
    const r = await host.templateFromWorkbook("ce classeur");
    expect(doc?.asked).toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
    expect(r.ok && r.value.ok && [r.value.value.origin, r.value.value.template.id]).toEqual(["qualigrid", TEMPLATE.id]);
  });

  it("upgrades a copy of the document and opens it as a new workbook, the open one untouched", async () => {
    const { bytes } = await alteredWorkbook();
    const { host, doc, load, created } = hostOn(bytes);
    const next = { ...structuredClone(TEMPLATE), version: "9.0.0" };
    const r = await host.upgrade(next, { name: "v9.xlsx", file: "ce classeur" });
    expect(doc?.asked).toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
    if (!r.ok || !r.value.ok) throw new Error("upgrade failed");
    expect(r.value.value.opened).toBe("newWindow");
    expect(r.value.value.summary.to).toEqual({ id: TEMPLATE.id, version: "9.0.0" });
    expect(created).toHaveLength(1);
    const opened = await loadWorkbook(created[0] ?? new Uint8Array(), "v9.xlsx");
    const read = opened.ok ? readQualigridWorkbook(opened.value, "v9.xlsx") : opened;
    expect(read.ok && read.value.template.version).toBe("9.0.0");
  });

  it("makes a template's grid in a new workbook without asking for the document", async () => {
    const { host, doc, load, created } = hostOn(new Uint8Array(4));
    expect(await host.openGridWorkbook(TEMPLATE, "en", "grid.xlsx")).toEqual({ ok: true, value: "newWindow" });
    expect(doc?.asked).toBe(0);
    expect(load).toHaveBeenCalledTimes(1);
    const opened = await loadWorkbook(created[0] ?? new Uint8Array(), "grid.xlsx");
    const read = opened.ok ? readQualigridWorkbook(opened.value, "grid.xlsx") : opened;
    expect(read.ok && [read.value.template.id, read.value.lang]).toEqual([TEMPLATE.id, "en"]);
  });

  it("gives the reader's issues of a workbook that is not a Qualigrid workbook as an inner failure", async () => {
    const { host } = hostOn(new Uint8Array([1, 2, 3, 4]));
    const r = await host.check({ lang: "en", orgDomains: [], file: "this workbook" });
    expect(r.ok && !r.value.ok && r.value.issues[0]?.path).toBe("this workbook");
  });

  it("reports a workbook Excel cannot give without loading the services", async () => {
    const { host, load } = hostOn(null);
    expect(await host.check({ lang: "fr", orgDomains: [], file: "ce classeur" })).toMatchObject({ ok: false, error: { code: "apiUnsupported" } });
    expect(await host.upgrade(TEMPLATE, { name: "x.xlsx", file: "ce classeur" })).toMatchObject({ ok: false, error: { code: "apiUnsupported" } });
    expect(load).not.toHaveBeenCalled();
  });

  it("turns services that cannot be loaded, or were never given, into an unknown failure", async () => {
    const failing = createExcelHost({ office, document: () => documentOf(new Uint8Array(4)), snapshotServices: () => Promise.reject(new Error("chunk lost")) });
    expect(await failing.templateFromWorkbook("ce classeur")).toEqual({ ok: false, error: { code: "unknown", detail: "chunk lost" } });
    const none = createExcelHost({ office, document: () => documentOf(new Uint8Array(4)) });
    expect(await none.check({ lang: "fr", orgDomains: [], file: "ce classeur" })).toMatchObject({ ok: false, error: { code: "unknown" } });
  });
});
