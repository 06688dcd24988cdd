/**
 * Column widths in the plan count characters as Excel's file format does (`<col width="10">`,
 * what exceljs writes): with Calibri 11, whose widest digit is 7 pixels, a width `w` is
 * `trunc(((256·w + trunc(128/7)) / 256) · 7)` pixels (ECMA-376 §18.3.1.13), padding included.
 * Office.js sets `format.columnWidth` in points, at 96 pixels per inch: ¾ point per pixel. So the
 * same plan gives the same column on screen from a file and from the live renderer.
 */
export function columnWidthPoints(characters: number): number {
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}

/** Inches to points, for page margins. */
export function inchesToPoints(inches: number): number {
  return Math.round(inches * 72 * 100) / 100;
}
