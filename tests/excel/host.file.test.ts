import { describe, expect, it } from "vitest";
import { toBase64, type OfficeDocumentFile, type OfficeFileLike } from "../../addin/excel/excel.file.js";
import { createExcelHost, type OfficeEnv } from "../../addin/excel/excel.host.js";
import { ExcelFake } from "../../addin/excel/fake/excel.fake.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import type { Template } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { fakeSheet } from "./excel.compare.js";

const office = (): OfficeEnv => ({ isSetSupported: () => true, displayLanguage: "fr-CA" });

/** An Office document whose file is `bytes`, cut into slices of `slice` bytes; records what happened to it. */
function documentOf(bytes: Uint8Array, slice: number, failAt = -1): OfficeDocumentFile & { closed: number; asked: string[] } {
  const doc = {
    closed: 0,
    asked: [] as string[],
    getFileAsync(type: "compressed", _options: { sliceSize: number }, callback: Parameters<OfficeDocumentFile["getFileAsync"]>[2]) {
      doc.asked.push(type);
      const count = Math.ceil(bytes.length / slice);
      const file: OfficeFileLike = {
        sliceCount: count,
        getSliceAsync(i, cb) {
          if (i === failAt) cb({ status: "failed", value: { data: [] }, error: { message: "slice lost" } });
          // Office hands slices as plain arrays of byte values.
          else cb({ status: "succeeded", value: { data: Array.from(bytes.subarray(i * slice, (i + 1) * slice)) } });
        },
        closeAsync() {
          doc.closed++;
        },
      };
      callback({ status: "succeeded", value: file });
    },
  };
  return doc;
}

describe("the Excel host's copy of the workbook", () => {
  it("gives the document's bytes whole, slice after slice, and closes the file", async () => {
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7) % 256);
    const doc = documentOf(bytes, 4096);
    const host = createExcelHost({ runner: new ExcelFake().runner(), office, document: () => doc });
    const r = await host.snapshot();
    expect(r.ok && Array.from(r.value)).toEqual(Array.from(bytes));
    expect(doc.asked).toEqual(["compressed"]);
    expect(doc.closed).toBe(1);
  });

  it("reports a lost slice as a failure and still closes the file", async () => {
    const doc = documentOf(new Uint8Array(9000), 4096, 1);
    const host = createExcelHost({ runner: new ExcelFake().runner(), office, document: () => doc });
    const r = await host.snapshot();
    expect(r).toMatchObject({ ok: false, error: { code: "unknown" } });
    expect(!r.ok && r.error.detail).toContain("slice lost");
    expect(doc.closed).toBe(1);
  });

  it("says the API is missing when Office gives no document file", async () => {
    const host = createExcelHost({ runner: new ExcelFake().runner(), office, document: () => undefined });
    expect(await host.snapshot()).toMatchObject({ ok: false, error: { code: "apiUnsupported" } });
  });
});

describe("the Excel host's opening of a workbook made by the pane", () => {
  it("opens the bytes as a new workbook in base64", async () => {
    const seen: string[] = [];
    const host = createExcelHost({ runner: new ExcelFake().runner(), office, createWorkbook: () => async (b64) => void seen.push(b64) });
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => i % 251);
    expect(await host.openWorkbook(bytes, "x.xlsx")).toEqual({ ok: true, value: "newWindow" });
    expect(seen).toEqual([Buffer.from(bytes).toString("base64")]);
  });

  it("says the API is missing in an Excel without createWorkbook, and reports Excel's refusal", async () => {
    const none = createExcelHost({ runner: new ExcelFake().runner(), office, createWorkbook: () => undefined });
    expect(await none.openWorkbook(new Uint8Array(4), "x.xlsx")).toMatchObject({ ok: false, error: { code: "apiUnsupported" } });
    const refusing = createExcelHost({
      runner: new ExcelFake().runner(),
      office,
      createWorkbook: () => async () => {
        throw new Error("blocked by policy");
      },
    });
    expect(await refusing.openWorkbook(new Uint8Array(4), "x.xlsx")).toEqual({ ok: false, error: { code: "unknown", detail: "blocked by policy" } });
  });

  it("encodes base64 like Node does, across chunk boundaries", () => {
    const bytes = Uint8Array.from({ length: 0x8000 * 2 + 5 }, (_, i) => (i * 31) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });
});

describe("the Excel host's formula repair", () => {
  it("writes only the given cells, through the grid's protection, and protects the sheet again", async () => {
    const fake = new ExcelFake();
    const host = createExcelHost({ runner: fake.runner(), office });
    const plan = buildPlan(builtinTemplates()[0] as Template, { lang: "fr" });
    expect((await host.generate(plan)).ok).toBe(true);
    const grid = plan.sheets.find((s) => s.key === "grid");
    if (!grid) throw new Error("no grid");
    const sheet = fakeSheet(fake, grid.name);
    expect(sheet.protection.protected).toBe(true);
    const before = sheet.peek(5, 1)?.stored;
    const r = await host.writeFormulas([{ sheet: grid.name, address: "Z3", formula: "=1+1" }]);
    expect(r).toEqual({ ok: true, value: 1 });
    expect(sheet.peek(3, 26)?.stored).toMatchObject({ kind: "formula", formula: "=1+1" });
    expect(sheet.peek(5, 1)?.stored).toEqual(before);
    expect(sheet.protection.protected).toBe(true);
  });

  it("writes nothing and asks Excel nothing for an empty repair", async () => {
    const fake = new ExcelFake();
    const host = createExcelHost({ runner: fake.runner(), office });
    const before = fake.requests.length;
    expect(await host.writeFormulas([])).toEqual({ ok: true, value: 0 });
    expect(fake.requests.length).toBe(before);
  });
});

describe("the Excel host on a renamed grid", () => {
  it("says the grid was renamed, to what and where, rather than that there is no grid", async () => {
    const fake = new ExcelFake();
    const host = createExcelHost({ runner: fake.runner(), office });
    expect((await host.generate(buildPlan(builtinTemplates()[0] as Template, { lang: "fr" }))).ok).toBe(true);
    await fake.runner().run(async (context) => {
      context.workbook.tables.getItem("QG_Grid").name = "Grille2026";
      await context.sync();
    });
    expect(await host.read()).toEqual({ ok: false, error: { code: "tableRenamed", detail: "QG_Grid → Grille2026 (Grille)" } });
  });

  it("still says there is no grid in a workbook without one", async () => {
    const host = createExcelHost({ runner: new ExcelFake().runner(), office });
    expect(await host.read()).toMatchObject({ ok: false, error: { code: "noGrid" } });
  });
});
