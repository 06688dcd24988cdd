/**
 * QG_Seal in a file: written on the lists sheet right of everything, read back as recorded,
 * replaced in place by a second seal, and a block damaged by hand named at its row.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import { cellAddress, parseRangeAddress } from "../model/cell.address.js";
import type { Template } from "../model/template.types.js";
import { buildPlan } from "../plan/plan.build.js";
import { NAMES } from "../plan/names.js";
import { SEAL_NAME } from "../plan/seal.plan.js";
import { loadWorkbook, saveWorkbook } from "./xlsx.io.js";
import { loadQualigridWorkbook } from "./xlsx.read.js";
import { renderPlanToBuffer } from "./xlsx.render.js";
import { readWorkbookSeal, sealWorkbook, workbookSealStatus } from "./xlsx.seal.js";

const TEMPLATE = builtinTemplates()[0] as Template;
const sha256 = (t: string): string => createHash("sha256").update(t, "utf8").digest("hex");

async function opened() {
  const r = await loadQualigridWorkbook(await renderPlanToBuffer(buildPlan(TEMPLATE, { lang: "fr", respondents: ["A", "B"] })), "t.xlsx");
  if (!r.ok) throw new Error("unreadable");
  return r.value;
}

describe("QG_Seal in a file", () => {
  it("is absent from a new workbook, written right of the lists sheet's content, and read back as recorded", async () => {
    const { workbook, assessment } = await opened();
    expect(readWorkbookSeal(workbook).kind).toBe("none");
    const lists = workbook.definedNames.getRanges(NAMES.levelValues).ranges[0] ?? "";
    const sealed = await sealWorkbook(workbook, assessment, { date: "2026-11-30", reviewer: "M. T." }, sha256);
    if (!sealed.ok) throw new Error("not sealed");
    expect(lists.startsWith(`${sealed.block.sheet}!`) || lists.startsWith(`'${sealed.block.sheet}'!`)).toBe(true);
    // Saved and loaded again: what a later check reads.
    const again = await loadWorkbook(await saveWorkbook(workbook), "t.xlsx");
    if (!again.ok) throw new Error("unreadable");
    const read = readWorkbookSeal(again.value);
    if (read.kind !== "sealed") throw new Error(read.kind);
    expect(read.record).toEqual(sealed.record);
    const status = await workbookSealStatus(again.value, assessment, sha256);
    expect(status?.status.intact).toBe(true);
  });

  it("replaces a previous seal in place, under one name", async () => {
    const { workbook, assessment } = await opened();
    const first = await sealWorkbook(workbook, assessment, { date: "2026-11-30", reviewer: "A" }, sha256);
    const second = await sealWorkbook(workbook, assessment, { date: "2026-12-01", reviewer: "B" }, sha256);
    if (!first.ok || !second.ok) throw new Error("not sealed");
    expect(second.block.address).toBe(first.block.address);
    expect(second.block.cleared).toBe(first.block.address);
    expect(workbook.definedNames.getRanges(SEAL_NAME).ranges).toHaveLength(1);
    const read = readWorkbookSeal(workbook);
    expect(read.kind === "sealed" && read.record.reviewer).toBe("B");
  });

  it("names the row of a block damaged by hand", async () => {
    const { workbook, assessment } = await opened();
    const sealed = await sealWorkbook(workbook, assessment, { date: "2026-11-30", reviewer: "A" }, sha256);
    if (!sealed.ok) throw new Error("not sealed");
    const sheet = workbook.getWorksheet(sealed.block.sheet);
    if (!sheet) throw new Error("no sheet");
    const { top, left } = parseRangeAddress(sealed.block.address);
    // The date typed over with a word: the block's row 2 is named.
    sheet.getCell(top + 1, left + 1).value = "hier";
    const read = readWorkbookSeal(workbook);
    expect(read.kind).toBe("unreadable");
    if (read.kind === "unreadable") expect(read.issue.path).toBe(`${sealed.block.sheet}!${cellAddress(top + 1, left)}`);
    expect(read.kind === "unreadable" && read.issue.message).toContain("yyyy-mm-dd");
  });
});
