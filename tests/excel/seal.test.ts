/**
 * « Sceller la revue » in Excel: the fingerprint is taken on the snapshot (the file reader's code,
 * WebCrypto) and the block written into the open workbook where the file writer put it, as text,
 * under the name QG_Seal; the same fingerprint as the command line's on the same bytes.
 */
import { describe, expect, it } from "vitest";
import type { OfficeDocumentFile } from "../../addin/excel/excel.file.js";
import { createExcelHost, type OfficeEnv } from "../../addin/excel/excel.host.js";
import { ExcelFake } from "../../addin/excel/fake/excel.fake.js";
import { loadSnapshotServices } from "../../addin/host/host.services.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import type { Template } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { sha256Hex } from "../../addin/cli/commands/seal.command.js";
import { workbookSealPrint } from "../../addin/workbook/seal.check.js";
import { loadQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToBuffer } from "../../addin/xlsx/xlsx.render.js";
import { fakeSheet } from "./excel.compare.js";

const TEMPLATE = builtinTemplates()[0] as Template;
const office = (): OfficeEnv => ({ isSetSupported: () => true, displayLanguage: "fr-CA" });

function documentOf(bytes: Uint8Array): OfficeDocumentFile {
  return {
    getFileAsync(_type: "compressed", _options: { sliceSize: number }, callback: Parameters<OfficeDocumentFile["getFileAsync"]>[2]) {
      callback({
        status: "succeeded",
        value: { sliceCount: 1, getSliceAsync: (_i, cb) => cb({ status: "succeeded", value: { data: Array.from(bytes) } }), closeAsync: () => undefined },
      });
    },
  };
}

describe("the Excel host seals the review", () => {
  it("writes QG_Seal into the open workbook as text and gives the command line's fingerprint", async () => {
    const plan = buildPlan(TEMPLATE, { lang: "fr", respondents: ["A", "B", "C"] });
    const bytes = await renderPlanToBuffer(plan);
    const fake = new ExcelFake();
    const host = createExcelHost({ runner: fake.runner(), office, document: () => documentOf(bytes), snapshotServices: loadSnapshotServices });
    expect((await host.generate(plan)).ok).toBe(true);
    const made = await host.seal("  Marie   Tremblay ", "revue.xlsx");
    if (!made.ok || !made.value.ok) throw new Error(JSON.stringify(made));
    const receipt = made.value.value;
    expect(receipt).toMatchObject({ reviewer: "Marie Tremblay", file: "revue.xlsx", algorithm: "SHA-256" });
    const opened = await loadQualigridWorkbook(bytes, "revue.xlsx");
    if (!opened.ok) throw new Error("unreadable");
    expect(receipt.fingerprint).toBe((await workbookSealPrint(opened.value.assessment, sha256Hex)).fingerprint);
    const name = fake.state.names.get("qg_seal");
    expect(name?.formula).toMatch(/^=.+!\$[A-Z]+\$1:\$[A-Z]+\$\d+$/);
    const m = /^=(?:'(.+)'|([^!]+))!\$([A-Z]+)\$1:/.exec(name?.formula ?? "");
    const sheet = fakeSheet(fake, (m?.[1] ?? m?.[2] ?? "").replace(/''/g, "'"));
    let col = 0;
    for (const ch of m?.[3] ?? "") col = col * 26 + ch.charCodeAt(0) - 64;
    const cell = (row: number, c: number) => sheet.peek(row, c);
    expect(cell(2, col + 1)?.stored).toMatchObject({ kind: "text", text: receipt.date });
    expect(cell(5, col + 2)?.stored).toMatchObject({ kind: "text", text: receipt.fingerprint });
  });
});
