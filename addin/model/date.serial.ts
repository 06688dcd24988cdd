import type { PlainValue } from "./table.plain.js";

/**
 * Whether a number format shows dates or times (`yyyy-mm-dd`, `d/m/yy h:mm`), ignoring quoted
 * text, `[colours]` and escaped characters, as spreadsheet readers decide that a number is a date.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === "General") return false;
  const bare = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  return /[ymdhs]/i.test(bare);
}

/** Excel's day serial (1900 date system) as a UTC date: 45413 → 2024-05-01. */
export function dateFromSerial(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
}

/** A UTC day as Excel's day serial (1900 date system): 2024-05-01 → 45413; a time of day is dropped. */
export function serialOfDay(day: Date): number {
  return Math.floor((day.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * The day a cell holds, as a UTC date at midnight: a date (a file's cells), Excel's serial number
 * (the open workbook's cells not formatted as dates), or ISO text `yyyy-mm-dd`; null otherwise.
 * A time of day is dropped whichever way the day came.
 */
export function dayOfCell(v: PlainValue): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()));
  if (typeof v === "number" && v > 0 && v < 2958466) return new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86_400_000);
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v.trim())) {
    const d = new Date(`${v.trim().slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}
