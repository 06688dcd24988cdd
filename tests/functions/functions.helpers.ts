/**
 * Helpers shared by the QG.* function tests. They build inputs the way Excel passes them and read
 * what a function threw; they compute nothing, so every expected value stays written by hand.
 */
import { thrownBy, type CustomFunctionsErrorShim } from "./customFunctions.shim.js";
import { setDisplayLanguage } from "./customFunctions.shim.js";

/** A one-column range, as Excel passes `A2:A5`. */
export function col(...cells: unknown[]): unknown[][] {
  return cells.map((c) => [c]);
}

/** The #VALUE! message a call gives in French and in English (Office's display language fr-CA, then en-US). */
export function messages(call: () => unknown): { fr: string; en: string } {
  const read = (tag: string): string => {
    setDisplayLanguage(tag);
    try {
      const e: CustomFunctionsErrorShim = thrownBy(call);
      if (e.code !== "#VALUE!") throw new Error(`expected #VALUE!, got ${e.code}`);
      return e.message ?? "";
    } finally {
      setDisplayLanguage(undefined);
    }
  };
  return { fr: read("fr-CA"), en: read("en-US") };
}

/** The error code a call threw, and its message if any. */
export function errorOf(call: () => unknown): { code: string; message?: string } {
  const e = thrownBy(call);
  return e.message === undefined ? { code: e.code } : { code: e.code, message: e.message };
}
