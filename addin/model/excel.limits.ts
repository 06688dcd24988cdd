/**
 * Excel's documented limits (« Spécifications et limites de Microsoft Excel ») that Qualigrid
 * enforces before writing, so it never writes a file Excel would repair or that it would refuse
 * to read itself.
 */
export const EXCEL_LIMITS = {
  /** Characters a cell holds. */
  cellText: 32_767,
  /** Characters of a formula's contents. */
  formula: 8_192,
  /** Characters of a sheet name. */
  sheetName: 31,
  /** Characters of a table or defined name. */
  name: 255,
  /** Rows of a sheet. */
  rows: 1_048_576,
  /** Columns of a sheet (XFD). */
  columns: 16_384,
} as const;

/**
 * Qualigrid's own bounds on template numbers, far beyond any real template and far inside what a
 * spreadsheet computes with exactly: a weight is 0 to 1,000,000, a level value (and a target level)
 * −1,000,000 to 1,000,000 (the template schema says the same); targets and maturity minimums are
 * 0 to 100.
 */
export const TEMPLATE_LIMITS = {
  weight: 1_000_000,
  levelValue: 1_000_000,
  /** Bytes of a template JSON file, checked before it is read. */
  fileBytes: 5 * 1024 * 1024,
} as const;

/**
 * What Qualigrid reads of a workbook at most (`WORKBOOK_LIMITS` in `addin/xlsx` uses it): rows and
 * cells, counting those that merges, data validations and defined names cover, about 1 KB each once
 * loaded. A 10,000-criterion workbook has about 420,000. A plan that would exceed it is refused
 * before it is written, so Qualigrid never writes a workbook it would refuse to read.
 */
export const READ_LIMITS = {
  cells: 1_000_000,
} as const;
