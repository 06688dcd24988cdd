import type ExcelJS from "exceljs";
import type { PlainValue } from "../model/table.plain.js";

/**
 * The value a cell shows: a formula's cached result, a rich text's or hyperlink's text, an
 * error as its code (`#N/A`). Empty text is read as blank.
 */
export function plainValue(cell: ExcelJS.Cell): PlainValue {
  return plain(cell.value);
}

function plain(v: ExcelJS.CellValue): PlainValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("") || null;
    if ("hyperlink" in v) return plain((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ("formula" in v || "sharedFormula" in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      if (r === undefined) return null;
      if (typeof r === "object" && r !== null && "error" in r) return String(r.error);
      return plain(r as ExcelJS.CellValue);
    }
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return null;
}
