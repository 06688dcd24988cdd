/**
 * A stand-in for the `CustomFunctions` global Excel gives the functions' page, enough to run the
 * QG.* functions as plain functions in Node: `CustomFunctions.Error`, `CustomFunctions.ErrorCode`
 * (the codes of Microsoft's CustomFunctionsRuntime 1.3 declaration) and `associate`, which records
 * what it is given. Import it before calling a function; `setDisplayLanguage` plays Office's
 * `Office.context.displayLanguage`.
 */

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

type Code = (typeof ErrorCode)[keyof typeof ErrorCode];

/** CustomFunctions.Error as the tests see it. */
export class CustomFunctionsErrorShim {
  constructor(
    readonly code: Code,
    readonly message?: string,
  ) {}
}

/** The functions handed to `CustomFunctions.associate`, by id. */
export const associated = new Map<string, unknown>();

const shim = {
  Error: CustomFunctionsErrorShim,
  ErrorCode,
  associate(id: string, fn: unknown): void {
    associated.set(id, fn);
  },
};

(globalThis as { CustomFunctions?: unknown }).CustomFunctions = shim;

/** Plays Office.js in the shared runtime: `Office.context.displayLanguage`, or no Office at all. */
export function setDisplayLanguage(tag: string | undefined): void {
  const g = globalThis as { Office?: unknown };
  if (tag === undefined) delete g.Office;
  else g.Office = { context: { displayLanguage: tag } };
}

/** An Excel error as it arrives in an input cell (allowErrorForDataTypeAny). */
export function inputError(code: Code): CustomFunctionsErrorShim {
  return new CustomFunctionsErrorShim(code);
}

/** What a call threw, which must be a CustomFunctions.Error. */
export function thrownBy(call: () => unknown): CustomFunctionsErrorShim {
  try {
    call();
  } catch (e) {
    if (e instanceof CustomFunctionsErrorShim) return e;
    throw new Error(`expected a CustomFunctions.Error, got ${String(e)}`);
  }
  throw new Error("expected a CustomFunctions.Error, but the call returned");
}
