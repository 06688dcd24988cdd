import type { Lang } from "../../addin/model/template.types.js";
import { str } from "../../addin/plan/formula.js";

/**
 * A formula as a tree, so that one example gives both the invariant text written through Office.js
 * and the text Excel shows in the user's language.
 */
export type FormulaPart =
  /** A function call; `name` is the full name in each language (`QG.SCOREDIM`, `ASSEMB.H`). */
  | { kind: "call"; name: Record<Lang, string>; args: FormulaPart[] }
  /** A structured reference or a defined name (`QG_Grid[Cotation]`): the same in every language. */
  | { kind: "ref"; text: string }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string };

/** How formulas are written: the invariant syntax of Office.js, or as Excel shows them in a language. */
export type FormulaLocale = "invariant" | Lang;

/** The separators of a formula syntax. */
export interface FormulaSyntax {
  argumentSeparator: string;
  decimalSeparator: string;
}

// Excel takes the separators from the regional settings, not the display language; French-speaking
// regions (fr-FR, fr-CA, fr-BE, fr-CH) write `;` between arguments and a decimal comma.
const SYNTAX: Record<FormulaLocale, FormulaSyntax> = {
  invariant: { argumentSeparator: ",", decimalSeparator: "." },
  en: { argumentSeparator: ",", decimalSeparator: "." },
  fr: { argumentSeparator: ";", decimalSeparator: "," },
};

/** The separators Excel uses in `locale`. */
export function formulaSyntax(locale: FormulaLocale): FormulaSyntax {
  return SYNTAX[locale];
}

/** A call of a function named `name` in each language. */
export function call(name: Record<Lang, string>, ...args: FormulaPart[]): FormulaPart {
  return { kind: "call", name, args };
}

/** A reference written as it is in every language. */
export function ref(text: string): FormulaPart {
  return { kind: "ref", text };
}

/** A number literal. */
export function num(value: number): FormulaPart {
  return { kind: "number", value };
}

/** A text literal. */
export function text(value: string): FormulaPart {
  return { kind: "text", value };
}

/**
 * The formula `=…` in `locale`: `invariant` is what `Range.formulas` takes (English names, commas,
 * decimal point); `fr` / `en` is what Excel shows in that language.
 */
export function formulaText(formula: FormulaPart, locale: FormulaLocale): string {
  return `=${partText(formula, locale)}`;
}

function partText(part: FormulaPart, locale: FormulaLocale): string {
  const syntax = SYNTAX[locale];
  switch (part.kind) {
    case "call":
      return `${part.name[locale === "invariant" ? "en" : locale]}(${part.args.map((a) => partText(a, locale)).join(syntax.argumentSeparator)})`;
    case "ref":
      return part.text;
    case "number":
      return String(part.value).replace(".", syntax.decimalSeparator);
    case "text":
      return str(part.value);
  }
}
