import { OVERALL_ROW, type RoundRecord } from "../../addin/model/history.types.js";
import { fileNamePart } from "../host/file.name.js";

/** A closed round as the « Cycles » screen lists it. */
export interface RoundLine {
  label: string;
  date: Date;
  version: string;
  /** The round's overall score (its `OVERALL_ROW` figures); null when it was not scored. */
  score: number | null;
  /** Overall score − the round before's, in points; null for the first round or when either is null. */
  change: number | null;
}

/** The overall score a closed round recorded, or null. */
export function overallOf(round: RoundRecord): number | null {
  return round.figures.find((f) => f.dimension === OVERALL_ROW)?.score ?? null;
}

/** The closed rounds, oldest first, each with its overall score and its change since the round before. */
export function roundLines(history: readonly RoundRecord[]): RoundLine[] {
  return history.map((r, i) => {
    const score = overallOf(r);
    const before = i > 0 ? overallOf(history[i - 1] as RoundRecord) : null;
    return { label: r.label, date: r.date, version: r.version, score, change: score !== null && before !== null ? score - before : null };
  });
}

/** Why a round label cannot be used: empty, or already a closed round's (labels are unique, case-insensitively). */
export function roundLabelIssue(label: string, history: readonly RoundRecord[]): "empty" | "taken" | null {
  const wanted = label.trim().toLocaleLowerCase();
  if (wanted === "") return "empty";
  return history.some((r) => r.label.trim().toLocaleLowerCase() === wanted) ? "taken" : null;
}

/** A `YYYY-MM-DD` day as a UTC day, or null when it is not a real day. */
export function parseDay(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // 2026-02-31 rolls over to March: not a day.
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

/** A UTC day as `YYYY-MM-DD`. */
export function dayText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today on the user's clock, as `YYYY-MM-DD` (the date field's default). */
export function todayText(now: Date = new Date()): string {
  return dayText(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

/** The next round's workbook's file name: `base` (the template id and the closed round, localized) made safe. */
export function roundFileName(base: string): string {
  return `${fileNamePart(base) || "qualigrid"}.xlsx`;
}

/** A change in points with its sign (`+5`, `−3,5`, `0`), in the pane's number format. */
export function signed(change: number, format: (n: number) => string): string {
  // Rounded first, so that −0.04 shows as 0 and not as « −0 ».
  const shown = format(Math.abs(change));
  if (shown === format(0)) return shown;
  return `${change > 0 ? "+" : "\u2212"}${shown}`;
}
