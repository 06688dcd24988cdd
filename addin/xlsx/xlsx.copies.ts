import type ExcelJS from "exceljs";
import { issueOf } from "../model/messages/message.catalog.js";
import "../model/messages/messages.merge.js";
import type { InputIssue, Result } from "../model/template.types.js";
import { masterUnnamed } from "../workbook/merge.answers.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import { saveWorkbook } from "./xlsx.io.js";
import { readQualigridWorkbook } from "./xlsx.read.js";
import { recordRespondent, withRespondents } from "./xlsx.respondents.js";
import { dropSeal } from "./xlsx.seal.js";

/** One respondent's copy, ready to write. */
export interface RespondentCopy {
  respondent: string;
  copyId: string;
  /** The file name (no folder): `<base> - <name>.xlsx`. */
  file: string;
  bytes: Uint8Array;
}

/**
 * A respondent's name as a file name on Windows, macOS and Linux alike: the characters a file name
 * may not hold become "_", and trailing dots and spaces go (Windows drops them silently).
 */
export function fileSafeName(name: string): string {
  const safe = name
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, "_")
    .replace(/[. ]+$/u, "")
    .trim();
  return safe === "" ? "_" : safe;
}

/**
 * The workbook as read, but for the other respondents' answers, blanked: a copy leaves them out on
 * purpose, which `withRespondents` refuses for answers it would lose (the file itself is not changed).
 */
function onlyRespondent(a: AssessmentWorkbook, k: number): AssessmentWorkbook {
  const blank = { rating: null, comment: "", answer: null };
  // A row's own rating, comment and words are respondent 1's (workbook.types.ts): blanked with theirs.
  return { ...a, grid: a.grid.map((row) => ({ ...row, ...(k === 0 ? {} : blank), respondents: row.respondents.map((c, i) => (i === k ? c : { ...c, ...blank })) })) };
}

/**
 * One copy per named respondent (contract §6): each a one-respondent workbook of the same template,
 * version, language, settings and targets (`withRespondents` with that name alone), holding that
 * respondent's answers, the evidence, actions and steps, and stamped in `QG_Respondents` with a copy
 * id. A respondent who already has a copy id keeps it, so that copies made again for them merge as
 * the first ones did. A copy carries no seal (`QG_Seal`). The master's rows record the ids: the master workbook `wb` is changed in place
 * and is to be saved by the caller. Refused when the master names no respondent.
 */
export async function makeRespondentCopies(
  wb: ExcelJS.Workbook,
  master: AssessmentWorkbook,
  file: string,
  // Web Crypto: Node 20 and the browser both have it, so the pane's bundle needs no Node module.
  newId: () => string = () => globalThis.crypto.randomUUID(),
): Promise<Result<RespondentCopy[]>> {
  if (masterUnnamed(master)) return { ok: false, issues: [issueOf("copies.noRespondents", { file }, file)] };
  const base = (file.split(/[\\/]/).pop() ?? file).replace(/\.xlsx$/i, "");
  const issues: InputIssue[] = [];
  const names = new Map<string, string>();
  for (const r of master.respondents) {
    const key = fileSafeName(r.name).toLocaleLowerCase("fr");
    const first = names.get(key);
    if (first !== undefined) issues.push(issueOf("copies.sameFile", { first, second: r.name }, file));
    else names.set(key, r.name);
  }
  if (issues.length > 0) return { ok: false, issues };
  const copies: RespondentCopy[] = [];
  for (const [k, r] of master.respondents.entries()) {
    const made = await withRespondents(wb, onlyRespondent(master, k), [r.name]);
    if (!made.ok) return made;
    // A copy is not the sealed workbook: it answers to no seal.
    dropSeal(made.value);
    const read = readQualigridWorkbook(made.value, file);
    if (!read.ok) return read;
    const copyId = r.copyId.trim() !== "" ? r.copyId.trim() : newId();
    recordRespondent(made.value, read.value, r.name, { copyId, mergedOn: null, mergedFrom: "" });
    const bytes = await saveWorkbook(made.value, { carryFrom: wb });
    copies.push({ respondent: r.name, copyId, file: `${base} - ${fileSafeName(r.name)}.xlsx`, bytes });
  }
  for (const c of copies) recordRespondent(wb, master, c.respondent, { copyId: c.copyId });
  return { ok: true, value: copies, warnings: [] };
}
