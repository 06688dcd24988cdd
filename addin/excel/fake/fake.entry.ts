/**
 * How Excel stores what it is given in `Range.values` / `Range.formulas`, modelled for the fake
 * workbook so that tests see what a real Excel would make of each string: a formula from `=`, `+`,
 * `-` or `@`, a number or date or boolean or error from text that looks like one, and text kept
 * as text only when it looks like nothing else or starts with `'` (stored without it).
 */
export type Stored =
  | { kind: "empty" }
  | { kind: "text"; text: string; quotePrefix: boolean }
  | { kind: "number"; value: number; fromText: boolean }
  | { kind: "boolean"; value: boolean; fromText: boolean }
  | { kind: "error"; code: string }
  | { kind: "formula"; formula: string; fromText: boolean };

const ERRORS = new Set(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!"]);
const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|déc)[\p{L}]*\.?[\s\-/]+\d/iu;

/** What Excel stores for one entry of a `values` or `formulas` array; null means "leave the cell". */
export function storedOf(raw: unknown): Stored | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number") return { kind: "number", value: raw, fromText: false };
  if (typeof raw === "boolean") return { kind: "boolean", value: raw, fromText: false };
  const s = String(raw);
  if (s === "") return { kind: "empty" };
  if (s.startsWith("'")) return { kind: "text", text: s.slice(1), quotePrefix: true };
  if (s.startsWith("=")) return { kind: "formula", formula: s, fromText: false };
  const number = numberOf(s);
  if (number !== null) return { kind: "number", value: number, fromText: true };
  if (s.startsWith("+") || s.startsWith("-")) return { kind: "formula", formula: `=${s}`, fromText: true };
  if (s.startsWith("@")) return { kind: "formula", formula: `=${s.slice(1)}`, fromText: true };
  if (ERRORS.has(s.trim().toUpperCase())) return { kind: "error", code: s.trim().toUpperCase() };
  if (/^(true|false|vrai|faux)$/i.test(s.trim())) return { kind: "boolean", value: /^(true|vrai)$/i.test(s.trim()), fromText: true };
  const date = dateOf(s);
  if (date !== null) return { kind: "number", value: date, fromText: true };
  return { kind: "text", text: s, quotePrefix: false };
}

function numberOf(s: string): number | null {
  const m = /^\s*([-+]?)\s*[$€£]?\s*(\d[\d\s\u00a0]*([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?\s*(%?)\s*$/.exec(s);
  if (!m) return null;
  const n = Number(`${m[1]}${(m[2] ?? "").replace(/[\s\u00a0]/g, "").replace(",", ".")}${m[4] ?? ""}`);
  if (!Number.isFinite(n)) return null;
  return m[5] ? n / 100 : n;
}

function dateOf(s: string): number | null {
  const t = s.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t);
  if (m) return serial(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2,4}))?$/.exec(t);
  if (m) return serial(Number(m[3] ?? 2024), Number(m[2]), Number(m[1]));
  if (/^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?$/i.test(t)) return 0.5;
  if (MONTH.test(t)) return 45292;
  return null;
}

function serial(y: number, m: number, d: number): number {
  return (Date.UTC(y < 100 ? 2000 + y : y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** The value a cell shows (`Range.values`): formulas show "" (the fake does not calculate). */
export function shownValue(s: Stored): string | number | boolean {
  switch (s.kind) {
    case "empty":
    case "formula":
      return "";
    case "text":
      return s.text;
    case "error":
      return s.code;
    default:
      return s.value;
  }
}

/** What `Range.formulas` returns: the formula, or the shown value. */
export function formulaText(s: Stored): string | number | boolean {
  return s.kind === "formula" ? s.formula : shownValue(s);
}
