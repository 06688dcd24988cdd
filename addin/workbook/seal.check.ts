import { SEAL_MESSAGES } from "../model/messages/messages.seal.js";
import type { MessageParams } from "../model/messages/message.types.js";
import { sealChanges, sealEntries, sealPrint, type SealChange, type SealEvidenceExtra, type SealPrint, type TextDigest } from "../model/seal.canonical.js";
import type { Lang } from "../model/template.types.js";
import { HEADERS } from "../plan/labels.js";
import { SEAL_NAME, type SealRecord } from "../plan/seal.plan.js";
import type { Finding } from "./workbook.check.js";
import type { AssessmentWorkbook, CellRef, EvidenceRowRead, WorkbookLayout } from "./workbook.types.js";
import { dayOfCell } from "../model/date.serial.js";

/** The receipt `seal` writes apart from the workbook: enough to tell a seal redone inside the file. */
export interface SealReceipt {
  kind: "qualigrid-seal";
  algorithm: "SHA-256";
  fingerprint: string;
  date: string;
  reviewer: string;
  template: { id: string; version: string };
  /** The workbook's file name when sealed. */
  file: string;
}

/** The receipt of a seal just recorded in a workbook; `file` is the workbook's file name. */
export function sealReceiptOf(record: SealRecord, wb: AssessmentWorkbook, file: string): SealReceipt {
  return {
    kind: "qualigrid-seal",
    algorithm: "SHA-256",
    fingerprint: record.fingerprint,
    date: record.date,
    reviewer: record.reviewer,
    template: { id: wb.template.id, version: wb.template.version },
    file,
  };
}

/** What `check` says of a sealed workbook: the seal, the fingerprint now, and the organization's entries changed since. */
export interface SealStatus {
  record: SealRecord;
  /** The fingerprint of the workbook's entries now. */
  fingerprint: string;
  changes: SealChange[];
  /** Nothing of the organization changed and the recorded fingerprint is the one computed now. */
  intact: boolean;
}

/** The organization's entries of a workbook now, printed by `digest` (SHA-256): the same text in every host. */
export function workbookSealPrint(wb: AssessmentWorkbook, digest: TextDigest): Promise<SealPrint> {
  return sealPrint(sealEntries(wb.assessment, sealEvidenceExtras(wb)), digest);
}

/** The register's columns the assessment does not carry, row by row (a document date as a day when it is one). */
export function sealEvidenceExtras(wb: WorkbookLayout): SealEvidenceExtra[] {
  return (wb.evidence ?? []).map((e) => {
    const raw = e.documentDate ?? null;
    const day = dayOfCell(raw);
    return { type: e.type ?? null, owner: e.owner ?? null, documentDate: day ?? (raw instanceof Date ? raw : raw === null ? null : String(raw)), comment: e.comment ?? null };
  });
}

/** Compares a workbook's entries now (`now`) with its recorded seal. */
export function sealStatus(record: SealRecord, now: SealPrint): SealStatus {
  const changes = sealChanges(record.entries, now.entries);
  return { record, fingerprint: now.fingerprint, changes, intact: changes.length === 0 && now.fingerprint === record.fingerprint };
}

const text = (code: keyof typeof SEAL_MESSAGES, params: MessageParams, lang: Lang): string => SEAL_MESSAGES[code][lang](params);

/**
 * `check`'s findings on a sealed workbook: one per field of the organization changed after the seal
 * (at its cell, with old and new values), one per entry added or removed, and the seal itself
 * altered when no entry differs but the fingerprint does. None when intact. The evaluator's fields
 * are not in the canonical text, so they never count.
 */
export function sealFindings(status: SealStatus, wb: AssessmentWorkbook, sealCell: CellRef, lang: Lang): Finding[] {
  const date = status.record.date;
  const findings: Finding[] = [];
  const add = (where: CellRef, message: string): void => void findings.push({ code: "sealChanged", severity: "error", where, message });
  for (const c of status.changes) {
    const base = { kind: c.kind, key: c.key, date };
    if (c.change === "added") add(entryCell(wb, c) ?? sealCell, text("seal.entryAdded", base, lang));
    else if (c.change === "removed") add(sealCell, text("seal.entryRemoved", base, lang));
    else if (!c.fields || c.fields.length === 0) add(entryCell(wb, c) ?? sealCell, text("seal.entryChanged", base, lang));
    else for (const f of c.fields) add(fieldCell(wb, c, f.name) ?? entryCell(wb, c) ?? sealCell, text("seal.fieldChanged", { ...base, field: fieldLabel(wb, c.kind, f.name, lang), old: f.old, new: f.new }, lang));
  }
  if (findings.length === 0 && status.fingerprint !== status.record.fingerprint) {
    add(sealCell, text("seal.altered", { name: SEAL_NAME, recorded: status.record.fingerprint, actual: status.fingerprint }, lang));
  }
  return findings;
}

/** `check --seal RECEIPT`: an error when the workbook has no seal or its recorded fingerprint is not the receipt's. */
export function receiptFindings(receipt: SealReceipt, receiptFile: string, record: SealRecord | null, sealCell: CellRef, lang: Lang): Finding[] {
  if (!record) return [{ code: "sealReceipt", severity: "error", where: sealCell, message: text("seal.receiptNoSeal", { name: SEAL_NAME, receipt: receiptFile }, lang) }];
  if (record.fingerprint === receipt.fingerprint) return [];
  return [
    {
      code: "sealReceipt",
      severity: "error",
      where: sealCell,
      message: text("seal.receiptMismatch", { receipt: receiptFile, expected: receipt.fingerprint, recorded: record.fingerprint }, lang),
    },
  ];
}

/** A receipt file's text read back, or why it is not one (the detail for `seal.receiptUnreadable`). */
export function parseSealReceipt(json: string): { ok: true; value: SealReceipt } | { ok: false; detail: string } {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch (e) {
    return { ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
  if (typeof v !== "object" || v === null) return { ok: false, detail: "not an object" };
  const r = v as Record<string, unknown>;
  const fingerprint = typeof r.fingerprint === "string" ? r.fingerprint.trim().toLowerCase() : "";
  if (!/^[0-9a-f]{64}$/.test(fingerprint)) return { ok: false, detail: "fingerprint" };
  const str = (k: string): string => (typeof r[k] === "string" ? (r[k] as string) : "");
  const t = typeof r.template === "object" && r.template !== null ? (r.template as Record<string, unknown>) : {};
  return {
    ok: true,
    value: {
      kind: "qualigrid-seal",
      algorithm: "SHA-256",
      fingerprint,
      date: str("date"),
      reviewer: str("reviewer"),
      template: { id: typeof t.id === "string" ? t.id : "", version: typeof t.version === "string" ? t.version : "" },
      file: str("file"),
    },
  };
}

/** A field's name as sentences say it: the respondent's rating or comment by name, the register's header. */
function fieldLabel(wb: AssessmentWorkbook, kind: SealChange["kind"], name: string, lang: Lang): string {
  if (kind === "evidence") return (HEADERS.evidence[name as keyof typeof HEADERS.evidence]?.[lang] ?? name).toLowerCase();
  const m = /^(rating|comment)\.(\d+)$/.exec(name);
  if (m) {
    const k = Number(m[2]);
    const who = wb.respondents[k - 1]?.name || (lang === "fr" ? `répondant ${k}` : `respondent ${k}`);
    return text(m[1] === "rating" ? "seal.field.rating" : "seal.field.comment", { name: who }, lang);
  }
  if (name === "agreed") return text("seal.field.agreed", {}, lang);
  if (name === "agreedReason") return text("seal.field.agreedReason", {}, lang);
  return name;
}

/** The grid row or evidence row of an entry (its first cell the reader knows). */
function entryCell(wb: AssessmentWorkbook, c: SealChange): CellRef | null {
  if (c.kind === "criterion") return wb.grid.find((g) => g.criterion.toLowerCase() === c.key.toLowerCase())?.ratingCell ?? null;
  return evidenceRow(wb, c.key)?.criteriaCell ?? null;
}

/** The cell of one field of an entry, when the reader knows it. */
function fieldCell(wb: AssessmentWorkbook, c: SealChange, name: string): CellRef | null {
  if (c.kind === "criterion") {
    const g = wb.grid.find((r) => r.criterion.toLowerCase() === c.key.toLowerCase());
    if (!g) return null;
    const m = /^(rating|comment)\.(\d+)$/.exec(name);
    if (m) {
      const cells = g.respondents[Number(m[2]) - 1];
      return (m[1] === "rating" ? cells?.ratingCell : cells?.commentCell) ?? null;
    }
    if (name === "agreed") return g.agreedCell;
    if (name === "agreedReason") return g.agreedReasonCell;
    return null;
  }
  const e = evidenceRow(wb, c.key);
  if (!e) return null;
  if (name === "location") return e.locationCell ?? null;
  if (name === "expiry") return e.expiryCell ?? null;
  return e.criteriaCell;
}

/** The evidence row a seal key names: its id, or `id#n` (the n-th row) when it has none or shares it. */
function evidenceRow(wb: AssessmentWorkbook, key: string): EvidenceRowRead | null {
  const rows = wb.evidence ?? [];
  const place = /#(\d+)$/.exec(key);
  if (place) return rows[Number(place[1]) - 1] ?? null;
  return rows.find((e) => e.id.trim() === key) ?? null;
}
