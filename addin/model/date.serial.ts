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
