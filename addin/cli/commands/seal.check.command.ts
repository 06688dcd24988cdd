import type ExcelJS from "exceljs";
import { issueOf } from "../../model/messages/message.catalog.js";
import type { Lang } from "../../model/template.types.js";
import { SEAL_NAME } from "../../plan/seal.plan.js";
import { parseSealReceipt, receiptFindings, sealFindings, type SealReceipt } from "../../workbook/seal.check.js";
import type { Finding } from "../../workbook/workbook.check.js";
import type { AssessmentWorkbook } from "../../workbook/workbook.types.js";
import { readWorkbookSeal, workbookSealStatus } from "../../xlsx/xlsx.seal.js";
import { BadInput, readInputFile } from "../cli.io.js";
import { sealText, sha256Hex } from "./seal.command.js";

/** A receipt file named by `check --seal`, read; one that is not a receipt stops `check` before anything else. */
export async function readSealReceipt(file: string): Promise<{ file: string; receipt: SealReceipt }> {
  const bytes = await readInputFile(file);
  const parsed = parseSealReceipt(new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, ""));
  if (!parsed.ok) throw new BadInput([issueOf("seal.receiptUnreadable", { detail: parsed.detail }, file)]);
  return { file, receipt: parsed.value };
}

/** What `check` adds for the seal: findings (changes, a receipt that disagrees), lines to print, and the `--json` part. */
export interface SealCheck {
  findings: Finding[];
  lines: string[];
  json: Record<string, unknown> | null;
}

/**
 * The seal part of `check`: nothing when the workbook is not sealed and no receipt is given; else
 * each organization entry changed since the seal (old and new values), or « intact », and with a
 * receipt whether the workbook's recorded fingerprint is the receipt's.
 */
export async function sealOfWorkbook(workbook: ExcelJS.Workbook, assessment: AssessmentWorkbook, lang: Lang, given: { file: string; receipt: SealReceipt } | null): Promise<SealCheck> {
  const recorded = readWorkbookSeal(workbook);
  if (recorded.kind === "unreadable") throw new BadInput([recorded.issue]);
  const fallback = { sheet: SEAL_NAME, address: "A1" };
  if (recorded.kind === "none") {
    if (!given) return { findings: [], lines: [], json: null };
    return { findings: receiptFindings(given.receipt, given.file, null, fallback, lang), lines: [], json: { sealed: false } };
  }
  const state = await workbookSealStatus(workbook, assessment, sha256Hex);
  if (!state) return { findings: [], lines: [], json: null };
  const { status, cell } = state;
  const findings = [...sealFindings(status, assessment, cell, lang), ...(given ? receiptFindings(given.receipt, given.file, status.record, cell, lang) : [])];
  const r = status.record;
  const lines: string[] = [];
  if (status.intact) lines.push(sealText("seal.intact", lang, { date: r.date, reviewer: r.reviewer, fingerprint: r.fingerprint }));
  const receiptOk = given ? given.receipt.fingerprint === r.fingerprint : null;
  if (given && receiptOk) lines.push(sealText("seal.receiptMatches", lang, { receipt: given.file }));
  return {
    findings,
    lines,
    json: {
      sealed: true,
      date: r.date,
      reviewer: r.reviewer,
      fingerprint: r.fingerprint,
      current: status.fingerprint,
      intact: status.intact,
      changes: status.changes,
      ...(given ? { receipt: { file: given.file, fingerprint: given.receipt.fingerprint, matches: receiptOk } } : {}),
    },
  };
}
