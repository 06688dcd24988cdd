/**
 * The rule that keeps a plan's text as text when it goes through an API that parses what it is
 * given as if it were typed, as Office.js does with `Range.values` and `Range.formulas`.
 *
 * Office.js documents that a string starting with `=`, `+` or `-` is interpreted as a formula
 * (Excel.Range.values, learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member),
 * and it coerces strings the way typing does: `1.1` becomes a number, `2024-05-01` a date, `TRUE`
 * a boolean, `#N/A` an error, `@…` a formula in Excel's Lotus compatibility. Typing `'` first keeps
 * whatever follows as text: Excel stores the text without the apostrophe and marks the cell with
 * the quote-prefix flag (OOXML `quotePrefix`), so the value read back is the text unchanged
 * (office-js issue #6687 shows the other side: `range.formulas` returns such a cell without the
 * apostrophe). Text that itself starts with `'` therefore needs the prefix too, or Excel would eat
 * its first apostrophe.
 *
 * Which strings Excel coerces depends on the user's locale (dates, decimal separator, month
 * names), so the rule errs on the safe side: any text that does not start with a letter, the
 * boolean words, and letters followed by digits (« janv. 2024 », « Q1 »). The prefix costs nothing
 * but the flag on the cell: the value is the same text, formulas see the same text.
 */
export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  if (!/^\p{L}/u.test(text)) return true;
  if (/^(true|false|vrai|faux)$/i.test(text.trim())) return true;
  return /^\p{L}+\.?[\s\-/.]*\d/u.test(text);
}

/** The text as it must be entered so that Excel keeps it as text (see `needsTextPrefix`). */
export function textEntry(text: string): string {
  return needsTextPrefix(text) ? `'${text}` : text;
}
