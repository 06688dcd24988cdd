import type ExcelJS from "exceljs";
import { absoluteRange, cellAddress, parseRangeAddress, quoteSheet, rangeAddress } from "../model/cell.address.js";
import type { WorkbookCheck } from "../host/host.outcomes.js";
import { sha256WebCrypto } from "../model/seal.digest.js";
import { issueOf } from "../model/messages/message.catalog.js";
import "../model/messages/messages.seal.js";
import type { TextDigest } from "../model/seal.canonical.js";
import type { PlainValue } from "../model/table.plain.js";
import type { InputIssue, Lang, Result } from "../model/template.types.js";
import { NAMES } from "../plan/names.js";
import { readSealBlock, SEAL_NAME, SEAL_WIDTH, sealBlock, type SealRecord } from "../plan/seal.plan.js";
import { sealFindings, sealReceiptOf, sealStatus, workbookSealPrint, type SealReceipt, type SealStatus } from "../workbook/seal.check.js";
import type { AssessmentWorkbook, CellRef } from "../workbook/workbook.types.js";
import { plainValue } from "./xlsx.cells.js";

/** A seal's block as written: its sheet, its range (`X1:AA9`), its rows, and the range of the previous seal cleared first. */
export interface SealBlockWrite {
  sheet: string;
  address: string;
  rows: string[][];
  cleared: string | null;
}

/** Where a workbook's seal is, or would go: its block's sheet and range. */
interface SealPlace {
  sheet: ExcelJS.Worksheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A workbook's recorded seal: none, the seal with its first cell, or why its block cannot be read. */
export type WorkbookSeal = { kind: "none" } | { kind: "sealed"; record: SealRecord; cell: CellRef } | { kind: "unreadable"; issue: InputIssue };

/** The seal recorded in a loaded workbook (`QG_Seal`, design.md "The evaluator"). */
export function readWorkbookSeal(wb: ExcelJS.Workbook): WorkbookSeal {
  const place = sealPlace(wb);
  if (!place) return { kind: "none" };
  const cell = { sheet: place.sheet.name, address: cellAddress(place.top, place.left) };
  const rows = [];
  for (let r = place.top; r <= place.bottom; r++) {
    const row = [];
    for (let c = place.left; c <= place.right; c++) row.push(plainValue(place.sheet.getCell(r, c)));
    rows.push(row);
  }
  const read = readSealBlock(rows);
  if (!read.ok) {
    const where = `${place.sheet.name}!${cellAddress(place.top + read.problem.row - 1, place.left)}`;
    return { kind: "unreadable", issue: issueOf("seal.blockUnreadable", { name: SEAL_NAME, row: read.problem.row, problem: read.problem.problem }, where) };
  }
  return { kind: "sealed", record: read.value, cell };
}

/**
 * The seal of a workbook now: its recorded seal compared with the organization's entries as they
 * are; null when the workbook is not sealed.
 */
export async function workbookSealStatus(wb: ExcelJS.Workbook, assessment: AssessmentWorkbook, digest: TextDigest): Promise<{ status: SealStatus; cell: CellRef } | null> {
  const seal = readWorkbookSeal(wb);
  if (seal.kind !== "sealed") return null;
  return { status: sealStatus(seal.record, await workbookSealPrint(assessment, digest)), cell: seal.cell };
}

/**
 * Seals a loaded workbook: prints the organization's entries with `digest` and writes `QG_Seal` on
 * the lists sheet (replacing a previous seal in place). Nothing is written when the workbook has no
 * lists sheet. Returns the record written.
 */
export async function sealWorkbook(
  wb: ExcelJS.Workbook,
  assessment: AssessmentWorkbook,
  seal: { date: string; reviewer: string },
  digest: TextDigest,
): Promise<{ ok: true; record: SealRecord; block: SealBlockWrite } | { ok: false; issue: InputIssue }> {
  const print = await workbookSealPrint(assessment, digest);
  const record: SealRecord = { ...seal, fingerprint: print.fingerprint, entries: print.entries };
  const block = writeSealRows(wb, sealBlock(record, assessment.lang));
  if (!block) return { ok: false, issue: issueOf("seal.noListsSheet", { name: NAMES.levelValues }, SEAL_NAME) };
  return { ok: true, record, block };
}

/**
 * Writes `rows` as the `QG_Seal` block: in place of the previous seal, else on the lists sheet,
 * right of everything it holds, one blank column apart. Null when the workbook has no lists sheet.
 */
function writeSealRows(wb: ExcelJS.Workbook, rows: readonly (readonly PlainValue[])[]): SealBlockWrite | null {
  const old = sealPlace(wb);
  const sheet = old?.sheet ?? listsSheet(wb);
  if (!sheet) return null;
  if (old) clearBlock(old);
  const left = old?.left ?? usedRight(sheet) + 2;
  const top = old?.top ?? 1;
  rows.forEach((values, i) => values.forEach((v, c) => (sheet.getCell(top + i, left + c).value = v === "" ? null : v)));
  const bold = { bold: true };
  sheet.getCell(top, left).font = bold;
  for (let c = 0; c < SEAL_WIDTH; c++) sheet.getCell(top + 3, left + c).font = bold;
  sheet.getColumn(left + 2).width = 66;
  removeSealName(wb);
  wb.definedNames.add(`${quoteSheet(sheet.name)}!${absoluteRange(top, left, top + rows.length - 1, left + SEAL_WIDTH - 1)}`, SEAL_NAME);
  const cleared = old ? rangeAddress(old.top, old.left, old.bottom, old.right) : null;
  const text = rows.map((r) => r.map((v) => (v === null ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v))));
  return { sheet: sheet.name, address: rangeAddress(top, left, top + rows.length - 1, left + SEAL_WIDTH - 1), rows: text, cleared };
}

/** The range of a workbook's `QG_Seal` block (its sheet by name), or null when it has none. */
export function sealArea(wb: ExcelJS.Workbook): { sheet: string; top: number; left: number; bottom: number; right: number } | null {
  const p = sealPlace(wb);
  return p ? { sheet: p.sheet.name, top: p.top, left: p.left, bottom: p.bottom, right: p.right } : null;
}

/**
 * Carries the seal of `old` into `wb`, the same workbook re-rendered (`upgrade`, a respondent
 * added, `merge`): the record as sealed, so that `check` compares the entries now with those the
 * reviewer sealed and names what the re-rendering changed. A block that cannot be read goes on
 * cell for cell, for `check` to keep saying so. Nothing when `old` is not sealed or `wb` has no lists sheet.
 */
export function carrySeal(old: ExcelJS.Workbook, wb: ExcelJS.Workbook, lang: Lang): void {
  const seal = readWorkbookSeal(old);
  if (seal.kind === "none") return;
  if (seal.kind === "sealed") {
    writeSealRows(wb, sealBlock(seal.record, lang));
    return;
  }
  const p = sealPlace(old);
  if (!p) return;
  const rows = [];
  for (let r = p.top; r <= p.bottom; r++) {
    const row = [];
    for (let c = p.left; c <= Math.min(p.right, p.left + SEAL_WIDTH - 1); c++) row.push(plainValue(p.sheet.getCell(r, c)));
    rows.push(row);
  }
  writeSealRows(wb, rows);
}

/** Takes a workbook's seal away (block and name): a respondent's copy is not the sealed workbook. */
export function dropSeal(wb: ExcelJS.Workbook): void {
  const p = sealPlace(wb);
  if (p) clearBlock(p);
  removeSealName(wb);
}

/**
 * Seals a loaded workbook as the task pane does (today's date, WebCrypto's SHA-256) and gives the
 * receipt; `file` names the workbook. The block written is returned too, for Excel to write the same.
 */
export async function sealForPane(
  wb: ExcelJS.Workbook,
  assessment: AssessmentWorkbook,
  by: string,
  file: string,
  date: string = new Date().toISOString().slice(0, 10),
): Promise<Result<{ receipt: SealReceipt; block: SealBlockWrite }>> {
  const reviewer = by.replace(/\s+/g, " ").trim().normalize("NFC");
  if (reviewer === "") return { ok: false, issues: [issueOf("seal.byRequired", {}, file)] };
  const sealed = await sealWorkbook(wb, assessment, { date, reviewer }, sha256WebCrypto);
  if (!sealed.ok) return { ok: false, issues: [sealed.issue] };
  return { ok: true, value: { receipt: sealReceiptOf(sealed.record, assessment, file), block: sealed.block }, warnings: [] };
}

/**
 * A check with the seal added: when the workbook is sealed, its status and a finding per entry of
 * the organization changed since (WebCrypto's SHA-256: the task pane's and the workbench's check).
 */
export async function withSealCheck(wb: ExcelJS.Workbook, checked: Result<WorkbookCheck>, lang: Lang): Promise<Result<WorkbookCheck>> {
  if (!checked.ok) return checked;
  const seal = readWorkbookSeal(wb);
  if (seal.kind === "unreadable") return { ...checked, warnings: [...checked.warnings, { ...seal.issue, severity: "warning" }] };
  const state = await workbookSealStatus(wb, checked.value.assessment, sha256WebCrypto);
  if (!state) return { ...checked, value: { ...checked.value, seal: null } };
  const findings = [...checked.value.findings, ...sealFindings(state.status, checked.value.assessment, state.cell, lang)];
  return { ...checked, value: { ...checked.value, findings, seal: state.status } };
}

/**
 * Takes the name `QG_Seal` off every cell it covers. (exceljs's `removeAllNames` takes a cell, not a
 * name; a name left over would widen the block again when a shorter seal replaces it.)
 */
function removeSealName(wb: ExcelJS.Workbook): void {
  for (const ref of wb.definedNames.getRanges(SEAL_NAME).ranges) {
    const bang = ref.lastIndexOf("!");
    if (bang < 0) continue;
    const r = parseRangeAddress(ref.slice(bang + 1));
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) wb.definedNames.remove(`${ref.slice(0, bang)}!${absoluteRange(row, col, row, col)}`, SEAL_NAME);
    }
  }
}

/** The block `QG_Seal` names, or null. */
function sealPlace(wb: ExcelJS.Workbook): SealPlace | null {
  const ref = wb.definedNames.getRanges(SEAL_NAME).ranges[0];
  const m = ref ? /^'?(.*?)'?!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(ref) : null;
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const sheet = wb.getWorksheet(m[1].replace(/''/g, "'"));
  if (!sheet) return null;
  try {
    return { sheet, ...parseRangeAddress(m[2]) };
  } catch {
    return null;
  }
}

/** The lists sheet: where the scale's values are named. */
function listsSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | null {
  const ref = wb.definedNames.getRanges(NAMES.levelValues).ranges[0];
  const m = ref ? /^'?(.*?)'?!/.exec(ref) : null;
  return m?.[1] === undefined ? null : (wb.getWorksheet(m[1].replace(/''/g, "'")) ?? null);
}

/** The rightmost column holding anything on a sheet. */
function usedRight(sheet: ExcelJS.Worksheet): number {
  let right = 0;
  sheet.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => void (right = Math.max(right, Number(cell.col)))));
  return right;
}

function clearBlock(p: SealPlace): void {
  for (let r = p.top; r <= p.bottom; r++) for (let c = p.left; c <= p.right; c++) p.sheet.getCell(r, c).value = null;
}

