import type { SealedEntry } from "../model/seal.canonical.js";
import { SEAL_FIELD_SEPARATOR } from "../model/seal.canonical.js";
import type { PlainValue } from "../model/table.plain.js";
import type { Lang } from "../model/template.types.js";

/**
 * `QG_Seal`, the sealed review (design.md "The evaluator"). Not part of the plan: a workbook gets it
 * only when sealed (`qualigrid seal`, « Sceller la revue »), written straight by the xlsx and Excel
 * writers on the lists sheet, right of everything else, one blank column apart. So new workbooks,
 * `check`'s formula check and workbooks of earlier layouts are unchanged.
 *
 * The block is four columns wide, one name (`QG_Seal`) over all of it:
 *   row 1  « Sceau de la revue »
 *   row 2  « Date du sceau »  | YYYY-MM-DD (text)
 *   row 3  « Réviseur »       | the reviewer's name
 *   row 4  « Entrée » | « Nature » | « Empreinte » | « Texte scellé »   (headers)
 *   row 5  « * »      | « Ensemble » | the fingerprint of the whole canonical text
 *   row 6… the criterion id or evidence id | « Critère » / « Preuve » | the entry's hash | its fields
 * The sealed text is kept as a JSON array of the entry's field values (the canonical text's U+001F
 * cannot go into a cell's XML); it reveals nothing new, being the workbook's own values, and lets
 * `check` say the old value of what changed. Left blank when longer than a cell holds.
 */
export const SEAL_NAME = "QG_Seal";

/** The block's fixed labels, French and English (either is read back). */
export const SEAL_LABELS = {
  title: { fr: "Sceau de la revue", en: "Review seal" },
  date: { fr: "Date du sceau", en: "Seal date" },
  reviewer: { fr: "Réviseur", en: "Reviewer" },
  entry: { fr: "Entrée", en: "Entry" },
  kind: { fr: "Nature", en: "Kind" },
  hash: { fr: "Empreinte", en: "Hash" },
  text: { fr: "Texte scellé", en: "Sealed text" },
  whole: { fr: "Ensemble", en: "Whole" },
  criterion: { fr: "Critère", en: "Criterion" },
  evidence: { fr: "Preuve", en: "Evidence" },
} as const satisfies Record<string, Record<Lang, string>>;

/** Columns of the block. */
export const SEAL_WIDTH = 4;
/** The entry that stands for the whole canonical text. */
export const SEAL_WHOLE = "*";
/** The longest text a cell holds (Excel's limit). */
const CELL_MAX = 32767;

/** What a seal records: when, by whom, the fingerprint, and each entry's hash (with its text when kept). */
export interface SealRecord {
  /** The seal's day, YYYY-MM-DD. */
  date: string;
  reviewer: string;
  fingerprint: string;
  entries: SealedEntry[];
}

/** Why a `QG_Seal` block could not be read: the row (1-based within the block) and what is wrong there. */
export interface SealBlockProblem {
  row: number;
  problem: "tooShort" | "noDate" | "noFingerprint" | "badKind" | "badHash";
}

/** The block's rows (each `SEAL_WIDTH` cells, all text) in the workbook's language. */
export function sealBlock(record: SealRecord, lang: Lang): string[][] {
  const L = (k: keyof typeof SEAL_LABELS): string => SEAL_LABELS[k][lang];
  return [
    [L("title"), "", "", ""],
    [L("date"), record.date, "", ""],
    [L("reviewer"), record.reviewer, "", ""],
    [L("entry"), L("kind"), L("hash"), L("text")],
    [SEAL_WHOLE, L("whole"), record.fingerprint, ""],
    ...record.entries.map((e) => [e.key, L(e.kind), e.hash, storedText(e.text)]),
  ];
}

/** A `QG_Seal` block read back (labels in either language), or the first problem found in it. */
export function readSealBlock(rows: readonly (readonly PlainValue[])[]): { ok: true; value: SealRecord } | { ok: false; problem: SealBlockProblem } {
  const text = (r: number, c: number): string => {
    const v = rows[r]?.[c];
    if (v === null || v === undefined) return "";
    return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
  };
  if (rows.length < 5) return { ok: false, problem: { row: rows.length + 1, problem: "tooShort" } };
  const date = text(1, 1);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ok: false, problem: { row: 2, problem: "noDate" } };
  const reviewer = text(2, 1);
  let fingerprint: string | null = null;
  const entries: SealedEntry[] = [];
  for (let r = 4; r < rows.length; r++) {
    const key = text(r, 0);
    const hash = text(r, 2).toLowerCase();
    if (key === "" && hash === "") continue;
    if (!/^[0-9a-f]{64}$/.test(hash)) return { ok: false, problem: { row: r + 1, problem: "badHash" } };
    if (key === SEAL_WHOLE) {
      fingerprint = hash;
      continue;
    }
    const kindText = text(r, 1).toLowerCase();
    const kind = (["criterion", "evidence"] as const).find((k) => SEAL_LABELS[k].fr.toLowerCase() === kindText || SEAL_LABELS[k].en.toLowerCase() === kindText);
    if (!kind) return { ok: false, problem: { row: r + 1, problem: "badKind" } };
    const kept = keptText(text(r, 3));
    entries.push({ kind, key, hash, ...(kept === undefined ? {} : { text: kept }) });
  }
  if (fingerprint === null) return { ok: false, problem: { row: 5, problem: "noFingerprint" } };
  return { ok: true, value: { date, reviewer, fingerprint, entries } };
}

/** An entry's text as the block keeps it: its fields as a JSON array; "" when absent or too long for a cell. */
function storedText(text: string | undefined): string {
  if (text === undefined) return "";
  const json = JSON.stringify(text.split(SEAL_FIELD_SEPARATOR));
  return json.length <= CELL_MAX ? json : "";
}

/** The entry's text from its kept form; undefined when not kept or unreadable (then no old values are shown). */
function keptText(cell: string): string | undefined {
  if (cell === "") return undefined;
  try {
    const fields: unknown = JSON.parse(cell);
    if (!Array.isArray(fields) || !fields.every((f) => typeof f === "string")) return undefined;
    return (fields as string[]).join(SEAL_FIELD_SEPARATOR);
  } catch {
    return undefined;
  }
}
