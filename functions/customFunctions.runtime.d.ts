// The part of the Custom Functions runtime (CustomFunctionsRuntime 1.3) that functions/ uses: the
// global `CustomFunctions` Excel provides to the functions' page. Declared here rather than through
// @types/custom-functions-runtime, which the project does not install; the shape and the error codes
// are those of Microsoft's declaration. Tests install a stand-in (tests/functions/custom-functions.shim.ts).

declare namespace CustomFunctions {
  /** An Excel error returned (thrown, or placed in a result array) by a custom function. */
  class Error {
    constructor(code: ErrorCode, message?: string);
    code: ErrorCode;
    /** Shown in the cell's error menu; only #VALUE! and #N/A can carry one. */
    message?: string;
  }

  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    /** An input error only: Excel does not accept it as a custom function's result. */
    invalidName = "#NAME?",
    /** An input error only: Excel does not accept it as a custom function's result. */
    invalidReference = "#REF!",
  }

  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Microsoft's signature
  function associate(id: string, functionObject: Function): void;
}
