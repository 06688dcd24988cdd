import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { issueOf } from "../../model/messages/message.catalog.js";
import type { MessageParams } from "../../model/messages/message.types.js";
import { SEAL_MESSAGES } from "../../model/messages/messages.seal.js";
import type { Lang } from "../../model/template.types.js";
import { sealReceiptOf } from "../../workbook/seal.check.js";
import { saveWorkbook } from "../../xlsx/xlsx.io.js";
import { readWorkbookSeal, sealWorkbook } from "../../xlsx/xlsx.seal.js";
import { BadInput, EXIT, exists, writeFileAtomic, type CliIo } from "../cli.io.js";
import { langOf } from "../cli.lang.js";
import { openAssessment } from "../workbook.open.js";

/** The longest reviewer's name a seal takes. */
const REVIEWER_MAX = 255;

/** SHA-256 of a text's UTF-8 bytes, in lowercase hex: the seal's digest on the command line. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** A message of the seal section in `lang`. */
export function sealText(code: keyof typeof SEAL_MESSAGES, lang: Lang, params: MessageParams = {}): string {
  return SEAL_MESSAGES[code][lang](params);
}

/** Where the receipt goes by default: `<workbook>.sceau.json` beside the workbook. */
export function defaultReceiptPath(file: string): string {
  const dir = path.dirname(file);
  return path.join(dir, `${path.basename(file).replace(/\.xlsx$/i, "")}.sceau.json`);
}

interface SealOpts {
  by: string;
  receipt?: string;
  date?: string;
  force?: boolean;
}

/**
 * `qualigrid seal <file.xlsx> --by NAME [--receipt FILE] [--date YYYY-MM-DD] [--force]`: records in
 * the workbook (`QG_Seal`) the date, the reviewer, the SHA-256 fingerprint of the organization's
 * entries and each entry's hash, and writes the receipt (fingerprint, date, reviewer, template, file
 * name) to keep apart. A workbook already sealed, or a receipt already there, is refused unless
 * `--force` (which says the old fingerprint). Everything is checked before anything is written; the
 * receipt is written first and removed again if the workbook cannot be.
 */
export async function sealCommand(io: CliIo, file: string, opts: SealOpts): Promise<number> {
  const reviewer = opts.by.replace(/\s+/g, " ").trim().normalize("NFC");
  if (reviewer === "") throw new BadInput([issueOf("seal.byRequired", {}, "--by")]);
  if (reviewer.length > REVIEWER_MAX) throw new BadInput([issueOf("seal.byTooLong", { length: reviewer.length, limit: REVIEWER_MAX }, "--by")]);
  const date = opts.date === undefined ? new Date().toISOString().slice(0, 10) : opts.date.trim();
  if (!isDay(date)) throw new BadInput([issueOf("seal.badDate", { value: opts.date ?? "" }, "--date")]);
  const receiptFile = opts.receipt ?? defaultReceiptPath(file);
  const { workbook, assessment } = await openAssessment(file, io);
  const lang = langOf(io);
  const previous = readWorkbookSeal(workbook);
  if (previous.kind === "unreadable" && !opts.force) throw new BadInput([previous.issue]);
  if (previous.kind === "sealed" && !opts.force) {
    const r = previous.record;
    throw new BadInput([issueOf("seal.exists", { date: r.date, reviewer: r.reviewer, fingerprint: r.fingerprint }, file)]);
  }
  if (!opts.force && (await exists(receiptFile))) throw new BadInput([issueOf("seal.receiptExists", { file: receiptFile }, "--receipt")]);
  const sealed = await sealWorkbook(workbook, assessment, { date, reviewer }, sha256Hex);
  if (!sealed.ok) throw new BadInput([sealed.issue]);
  const receipt = sealReceiptOf(sealed.record, assessment, path.basename(file));
  const bytes = await saveWorkbook(workbook);
  await writeFileAtomic(receiptFile, new TextEncoder().encode(`${JSON.stringify(receipt, null, 2)}\n`), io);
  try {
    await writeFileAtomic(file, bytes, io);
  } catch (e) {
    // A receipt of a seal the workbook does not hold would mislead: it goes too.
    rmSync(receiptFile, { force: true });
    throw e;
  }
  if (previous.kind === "sealed") {
    const r = previous.record;
    io.out(sealText("seal.replaced", lang, { date: r.date, reviewer: r.reviewer, fingerprint: r.fingerprint }));
  }
  io.out(sealText("seal.done", lang, { file, date, reviewer, fingerprint: sealed.record.fingerprint, receipt: receiptFile }));
  return EXIT.ok;
}

/** Whether a text is a real day `YYYY-MM-DD`. */
function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
