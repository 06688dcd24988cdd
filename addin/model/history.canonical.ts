import type { HistoryRating, RoundAnswer, RoundCriterion, RoundFigures, RoundRecord } from "./history.types.js";
import { SEAL_ENTRY_SEPARATOR, SEAL_FIELD_SEPARATOR, sealValueText, type SealValue, type TextDigest } from "./seal.canonical.js";

/**
 * The canonical text of a closed round (design.md "Rounds, comparison and report"), by the seal's
 * rules (`sealValueText`: trimmed NFC texts with LF line ends, YYYY-MM-DD days, "" for nothing),
 * numbers at 15 significant digits in their shortest form (`historyNumberText`: what every
 * spreadsheet keeps of a value — LibreOffice saves no more — so a file saved by any of them keeps
 * its checks): fields joined by U+001F, rows by U+001E, in a fixed order. Its
 * SHA-256 is the round's fingerprint; each written row's own SHA-256, cut to `ROW_CHECK_LENGTH`, is
 * that row's check, so `check` names the very row a person changed.
 */

/** Hex characters of a row's check: enough to tell a changed row, short enough to read. */
export const ROW_CHECK_LENGTH = 12;

/** Significant digits a history number is compared at: what Excel and LibreOffice both keep of a value. */
const NUMBER_DIGITS = 15;

/**
 * A number cut to 15 significant digits as LibreOffice writes it: its shortest decimal form rounded
 * half away from zero (so 44.44444444444445, whose exact value is a hair below …445, gives
 * 44.4444444444445 — `toPrecision` would give …444). A number of 15 digits or fewer is itself.
 */
export function spreadsheetNumber(v: number): number {
  if (!Number.isFinite(v) || v === 0) return v;
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(Math.abs(v).toExponential());
  if (!m) return v;
  const digits = `${m[1] ?? ""}${m[2] ?? ""}`;
  if (digits.length <= NUMBER_DIGITS) return v;
  let kept = BigInt(digits.slice(0, NUMBER_DIGITS));
  if (Number(digits[NUMBER_DIGITS]) >= 5) kept += 1n;
  const out = Number(`${kept.toString()}e${Number(m[3]) - (NUMBER_DIGITS - 1)}`);
  return v < 0 ? -out : out;
}

/** A history value's canonical text: a number as a spreadsheet keeps it (`spreadsheetNumber`), shortest; anything else by the seal's rules. */
export function historyValueText(v: SealValue): string {
  return typeof v === "number" ? sealValueText(spreadsheetNumber(v)) : sealValueText(v);
}

/** A history rating as canonical text: a level's value, « N/A », or "". */
export function historyRatingText(r: HistoryRating): string {
  return r === "na" ? "N/A" : historyValueText(r);
}

/** The round-level fields every `QG_History` row repeats: label, closing day, template id and version. */
function roundFields(r: Pick<RoundRecord, "label" | "date" | "templateId" | "version">): SealValue[] {
  return [r.label, r.date, r.templateId, r.version];
}

/** The canonical text of one `QG_History` row: the round's fields, then every figure in `RoundFigures` order. */
export function figuresRowText(r: Pick<RoundRecord, "label" | "date" | "templateId" | "version">, f: RoundFigures): string {
  const e = f.evaluator;
  const values: SealValue[] = [
    ...roundFields(r),
    f.dimension,
    f.score,
    f.target,
    f.gap,
    f.answered,
    f.notApplicable,
    f.total,
    f.completion,
    f.evidenceCoverage,
    f.requiredNotMet,
    f.toDiscuss,
    f.reviewedCoverage,
    // No evaluator at all: every one of its fields is "" (its answered count is never blank otherwise).
    e?.score ?? null,
    e?.gap ?? null,
    e ? e.answered : null,
    e ? e.both : null,
    e?.withinTolerance ?? null,
    e?.meanAbsDiff ?? null,
  ];
  return values.map(historyValueText).join(SEAL_FIELD_SEPARATOR);
}

/**
 * One row of `QG_HistoryItems`: a respondent's rating and comment of a criterion, with the
 * criterion's settled state on its first row only (`criterion` null on the others).
 */
export interface HistoryItemRow {
  criterionId: string;
  criterion: RoundCriterion | null;
  answer: RoundAnswer;
}

/**
 * The rows of `QG_HistoryItems` for a round, in order: per criterion (the round's order) its
 * answers in the round's order, the criterion's own fields on the first. A criterion nobody answered
 * (a record not made by `roundRecordOf`) gets one blank answer of the unnamed respondent, so that
 * its fields have a row; answers naming no criterion of the round are not written.
 */
export function historyItemRows(r: Pick<RoundRecord, "criteria" | "answers">): HistoryItemRow[] {
  const byCriterion = new Map<string, RoundAnswer[]>();
  for (const a of r.answers) {
    const key = a.criterion.toLowerCase();
    const list = byCriterion.get(key) ?? [];
    list.push(a);
    byCriterion.set(key, list);
  }
  return r.criteria.flatMap((c) => {
    const answers = byCriterion.get(c.criterion.toLowerCase()) ?? [{ criterion: c.criterion, respondent: "", rating: null, answer: "", comment: "" }];
    return answers.map((answer, i) => ({ criterionId: c.criterion, criterion: i === 0 ? c : null, answer }));
  });
}

/**
 * The canonical text of one `QG_HistoryItems` row: round label, criterion, respondent, rating, a
 * text question's words, comment, then the criterion's fields ("" after its first row).
 */
export function itemRowText(label: string, row: HistoryItemRow): string {
  const c = row.criterion;
  const values = [
    sealValueText(label),
    sealValueText(row.criterionId),
    sealValueText(row.answer.respondent),
    historyRatingText(row.answer.rating),
    sealValueText(row.answer.answer ?? ""),
    sealValueText(row.answer.comment),
    sealValueText(c?.dimension ?? null),
    c ? historyRatingText(c.consolidated) : "",
    historyValueText(c?.score ?? null),
    c ? historyRatingText(c.evaluator) : "",
    sealValueText(c?.agreedReason ?? null),
    sealValueText(c?.evaluatorComment ?? null),
  ];
  return values.join(SEAL_FIELD_SEPARATOR);
}

/**
 * The canonical text of a whole round: its fields and respondents (one entry), then its
 * `QG_History` rows in order, then its `QG_HistoryItems` rows in order. The fingerprint is taken
 * over it, so a row added, removed or moved changes it.
 */
export function roundCanonicalText(r: Omit<RoundRecord, "fingerprint" | "rowChecks">): string {
  const head = [...roundFields(r), ...r.respondents].map(sealValueText).join(SEAL_FIELD_SEPARATOR);
  const figures = r.figures.map((f) => figuresRowText(r, f));
  const items = historyItemRows(r).map((row) => itemRowText(r.label, row));
  return [head, ...figures, ...items].join(SEAL_ENTRY_SEPARATOR);
}

/** A row's check: the first `ROW_CHECK_LENGTH` hex characters of the SHA-256 of its canonical text. */
export async function rowCheckOf(text: string, digest: TextDigest): Promise<string> {
  return (await digest(text)).slice(0, ROW_CHECK_LENGTH);
}

/** A round's fingerprint and each row's check, by the digest given (node:crypto or WebCrypto, same hex). */
export async function roundPrint(r: Omit<RoundRecord, "fingerprint" | "rowChecks">, digest: TextDigest): Promise<{ fingerprint: string; rowChecks: { figures: string[]; items: string[] } }> {
  const fingerprint = await digest(roundCanonicalText(r));
  const figures = await Promise.all(r.figures.map((f) => rowCheckOf(figuresRowText(r, f), digest)));
  const items = await Promise.all(historyItemRows(r).map((row) => rowCheckOf(itemRowText(r.label, row), digest)));
  return { fingerprint, rowChecks: { figures, items } };
}
