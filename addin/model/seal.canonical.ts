import type { Assessment, CriterionAnswers, EvidenceItem, RespondentAnswer } from "./assessment.types.js";
import type { Rating } from "./scale.js";

/** Separates the fields of an entry (U+001F, unit separator). */
export const SEAL_FIELD_SEPARATOR = "\u001f";
/** Separates the entries of the canonical text (U+001E, record separator). */
export const SEAL_ENTRY_SEPARATOR = "\u001e";

/** A value as the seal reads it: text, a number, a flag, a day, or nothing. */
export type SealValue = string | number | boolean | Date | null;

/** One entry of the organization, in canonical form: which criterion or evidence row, and its fields. */
export interface SealEntry {
  kind: "criterion" | "evidence";
  /** The criterion id (the template's spelling), or the evidence row's id (`#n`, its place in the register, added when it has none or shares it). */
  key: string;
  /** Each field's name (`rating.1`, `comment.1`, `agreed`, `title`…) and canonical text, in canonical order. */
  fields: { name: string; value: string }[];
  /** The fields' values joined by U+001F: what the entry's own hash is taken over. */
  text: string;
}

/** An entry as a seal records it: its hash, and its canonical text when the seal keeps it (to say old and new values). */
export interface SealedEntry {
  kind: SealEntry["kind"];
  key: string;
  hash: string;
  text?: string;
}

/** A hex digest of a text (SHA-256 in the product: node:crypto on the command line, WebCrypto in the pane). */
export type TextDigest = (text: string) => string | Promise<string>;

/** What a seal records of the organization's entries: the fingerprint of the whole canonical text and each entry's hash. */
export interface SealPrint {
  fingerprint: string;
  entries: (SealedEntry & { text: string })[];
}

/** What changed in an entry of the organization since the seal. */
export interface SealChange {
  kind: SealEntry["kind"];
  key: string;
  change: "changed" | "added" | "removed";
  /** The fields that differ, with old and new values; null when the seal did not keep the entry's text. */
  fields: { name: string; old: string; new: string }[] | null;
}

/**
 * A value's canonical text (design.md "The evaluator"): text with line ends as LF, in NFC, trimmed;
 * a number in its shortest round-trip form; a day as YYYY-MM-DD (UTC); a flag as TRUE or FALSE;
 * nothing as "".
 */
export function sealValueText(v: SealValue): string {
  if (v === null) return "";
  if (typeof v === "number") return Object.is(v, -0) ? "0" : String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v.replace(/\r\n?/g, "\n").normalize("NFC").trim();
}

/**
 * A rating as the seal reads it: a level's value, « N/A » for not applicable whatever token was
 * typed (the token's spelling is no change of meaning), the text typed when it is unreadable, "" when blank.
 */
export function sealRatingValue(r: Rating): SealValue {
  switch (r.kind) {
    case "level":
      return r.value;
    case "na":
      return "N/A";
    case "invalid":
      return r.raw;
    case "blank":
      return null;
  }
}

/** An entry from its named fields, each made canonical. */
export function sealEntry(kind: SealEntry["kind"], key: string, fields: readonly (readonly [name: string, value: SealValue])[]): SealEntry {
  const canonical = fields.map(([name, value]) => ({ name, value: sealValueText(value) }));
  return { kind, key, fields: canonical, text: canonical.map((f) => f.value).join(SEAL_FIELD_SEPARATOR) };
}

/**
 * The organization's fields of an evidence row that the assessment does not carry, read from the
 * register by the caller (same order as `Assessment.evidence`); absent = blank.
 */
export type SealEvidenceExtra = Partial<Record<"type" | "owner" | "documentDate" | "comment", SealValue>>;

/**
 * The organization's entries of an assessment in canonical order: its criteria in template order —
 * the id, then per respondent in order the rating (a text question's words) and comment, then the
 * agreed rating and reason — then the evidence rows in row order with every field but the
 * evaluator's review (the register's columns in order; `extra` gives those the assessment lacks).
 * The evaluator's own fields are never read.
 */
export function sealEntries(a: Assessment, extra: readonly SealEvidenceExtra[] = []): SealEntry[] {
  const byId = new Map<string, CriterionAnswers>();
  for (const c of a.criteria) byId.set(c.criterion.toLowerCase(), c);
  const count = Math.max(1, a.respondents.length);
  const criteria = a.template.dimensions.flatMap((d) =>
    d.criteria.map((c) => {
      const given = byId.get(c.id.toLowerCase());
      const fields: [string, SealValue][] = [["id", c.id]];
      for (let k = 0; k < count; k++) {
        const answer = given?.answers[k];
        fields.push([`rating.${k + 1}`, answer ? answerValue(answer) : null], [`comment.${k + 1}`, answer?.comment ?? null]);
      }
      fields.push(["agreed", given?.agreed ? sealRatingValue(given.agreed.rating) : null], ["agreedReason", given?.agreed?.reason ?? null]);
      return sealEntry("criterion", c.id, fields);
    }),
  );
  const seen = new Set<string>();
  const evidence = (a.evidence ?? []).map((e, i) => {
    // A row without an id, or whose id an earlier row has, is named by its place (`#7`).
    const id = e.id.trim();
    const key = id !== "" && !seen.has(id) ? id : `${id}#${i + 1}`;
    seen.add(id);
    return sealEntry("evidence", key, evidenceFields(e, extra[i] ?? {}));
  });
  return [...criteria, ...evidence];
}

/** The canonical text: the entries' texts joined by U+001E. */
export function sealCanonicalText(entries: readonly SealEntry[]): string {
  return entries.map((e) => e.text).join(SEAL_ENTRY_SEPARATOR);
}

/** The fingerprint of the canonical text and each entry's own hash, by the digest given. */
export async function sealPrint(entries: readonly SealEntry[], digest: TextDigest): Promise<SealPrint> {
  const fingerprint = await digest(sealCanonicalText(entries));
  const hashed = await Promise.all(entries.map(async (e) => ({ kind: e.kind, key: e.key, hash: await digest(e.text), text: e.text })));
  return { fingerprint, entries: hashed };
}

/**
 * The organization's entries changed since the seal: matched by kind and key (criterion ids
 * case-insensitively), an entry whose hash differs is changed — with the fields that differ when
 * the seal kept its text —, one the seal lacks is added, one now missing is removed. Empty: intact.
 */
export function sealChanges(sealed: readonly SealedEntry[], now: readonly SealedEntry[]): SealChange[] {
  const keyOf = (e: { kind: string; key: string }): string => `${e.kind}\u0000${e.kind === "criterion" ? e.key.toLowerCase() : e.key}`;
  const current = new Map(now.map((e) => [keyOf(e), e]));
  const before = new Set(sealed.map(keyOf));
  const changes: SealChange[] = [];
  for (const old of sealed) {
    const e = current.get(keyOf(old));
    if (!e) changes.push({ kind: old.kind, key: old.key, change: "removed", fields: null });
    else if (e.hash !== old.hash) changes.push({ kind: old.kind, key: old.key, change: "changed", fields: fieldChanges(old, e) });
  }
  for (const e of now) if (!before.has(keyOf(e))) changes.push({ kind: e.kind, key: e.key, change: "added", fields: null });
  return changes;
}

function fieldChanges(old: SealedEntry, now: SealedEntry): SealChange["fields"] {
  if (old.text === undefined || now.text === undefined) return null;
  // By name, so that a respondent added since the seal shows as its own fields, not as every field shifted.
  const named = (text: string): Map<string, string> => {
    const values = text.split(SEAL_FIELD_SEPARATOR);
    return new Map(fieldNames(old.kind, values.length).map((name, i) => [name, values[i] ?? ""]));
  };
  const a = named(old.text);
  const b = named(now.text);
  const names = [...b.keys(), ...[...a.keys()].filter((n) => !b.has(n))];
  return names.flatMap((name) => ((a.get(name) ?? "") === (b.get(name) ?? "") ? [] : [{ name, old: a.get(name) ?? "", new: b.get(name) ?? "" }]));
}

/** The organization's fields of an evidence row, in the register's column order (the reviewer's columns left out). */
const EVIDENCE_FIELDS = ["id", "criteria", "title", "type", "owner", "documentDate", "location", "status", "expiry", "confidential", "comment"] as const;

function evidenceFields(e: EvidenceItem, extra: SealEvidenceExtra): [string, SealValue][] {
  const values: Record<(typeof EVIDENCE_FIELDS)[number], SealValue> = {
    id: e.id,
    // Already split: « A1, A2 » and « A1;A2 » name the same criteria.
    criteria: e.criteria.map((c) => c.trim()).join(","),
    title: e.title,
    type: extra.type ?? null,
    owner: extra.owner ?? null,
    documentDate: extra.documentDate ?? null,
    location: e.location,
    status: e.status,
    expiry: e.expiry,
    confidential: e.confidential,
    comment: extra.comment ?? null,
  };
  return EVIDENCE_FIELDS.map((name) => [name, values[name]]);
}

/** Field names of an entry of `count` fields, as `sealEntries` names them. */
function fieldNames(kind: SealEntry["kind"], count: number): string[] {
  if (kind === "evidence") return Array.from({ length: count }, (_, i) => EVIDENCE_FIELDS[i] ?? `field.${i + 1}`);
  const respondents = Math.max(0, Math.floor((count - 3) / 2));
  return ["id", ...Array.from({ length: respondents }, (_, k) => [`rating.${k + 1}`, `comment.${k + 1}`]).flat(), "agreed", "agreedReason"].slice(0, count);
}

/** A respondent's answer as sealed: a text question's words when answered in words, else the rating. */
function answerValue(a: RespondentAnswer): SealValue {
  return a.rating.kind !== "na" && a.text.trim() !== "" ? a.text : sealRatingValue(a.rating);
}
