// Types of bundle.build.mjs, for the tests.

export interface FunctionsBuild {
  /** webpack's errors and warnings, as text. */
  errors: string[];
  warnings: string[];
  /** The files written to outDir. */
  files: string[];
  /** Every module in functions.js, as webpack names them ("./addin/…", "./node_modules/…"). */
  modules: string[];
}

/** Builds functions.js, functions.json and functions.fr.json alone into `outDir`. */
export function buildFunctionsBundle(options: { outDir: string; translations?: string; deployUrl?: string }): Promise<FunctionsBuild>;
