// Custom functions of the QG namespace. The webpack build reads the JSDoc below with
// custom-functions-metadata-plugin, writes functions.json from it and appends the
// `CustomFunctions.associate(id, function)` calls to this file's bundle. The bundle is loaded by the
// task pane page: the pane and the functions share one runtime (see manifest.xml).
//
// Placeholder until the custom-functions issue adds the scoring functions (thin wrappers over
// addin/scoring, see README.md in this folder).

// Replaced by webpack's DefinePlugin with the version from package.json.
declare const __QUALIGRID_VERSION__: string | undefined;

const ADDIN_VERSION = typeof __QUALIGRID_VERSION__ === "string" ? __QUALIGRID_VERSION__ : "dev";

/**
 * Returns the version of the Qualigrid add-in that computes the QG functions in this workbook.
 * @customfunction VERSION
 * @returns The add-in version, for example "0.1.0".
 */
export function version(): string {
  return ADDIN_VERSION;
}
