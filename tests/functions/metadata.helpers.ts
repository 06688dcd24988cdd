/**
 * The custom functions metadata as the build makes it, for the tests: Microsoft's generator
 * (custom-functions-metadata, the package custom-functions-metadata-plugin runs in the build) on
 * functions/functions.ts, then functions/metadata.localize.mjs with the French table.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { localizedMetadata, type TranslationTable } from "../../functions/metadata.localize.mjs";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const FUNCTIONS_SOURCE = fileURLToPath(new URL("../../functions/functions.ts", import.meta.url));
export const TRANSLATIONS = fileURLToPath(new URL("../../functions/translations.fr.json", import.meta.url));
export const DEV_URL = "https://localhost:3000/";

/** One parameter of the metadata. */
export interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
  repeating?: boolean;
}

/** One function of the metadata. */
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: "scalar" | "matrix" };
}

/** A metadata file (functions.json, functions.fr.json). */
export interface Metadata {
  allowCustomDataForDataTypeAny?: boolean;
  allowErrorForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

interface GenerateResult {
  metadataJson: string;
  errors: string[];
}

// Resolved from the plugin, which depends on it (the project does not list it itself).
const requireFromPlugin = createRequire(createRequire(import.meta.url).resolve("custom-functions-metadata-plugin"));
const { generateCustomFunctionsMetadata } = requireFromPlugin("custom-functions-metadata") as {
  generateCustomFunctionsMetadata(input: string, wantConsoleOutput?: boolean): Promise<GenerateResult>;
};

/** The metadata Microsoft's generator writes from the JSDoc of functions.ts (English). */
export async function generatedMetadata(): Promise<string> {
  const r = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
  if (r.errors.length > 0) throw new Error(`custom-functions-metadata: ${r.errors.join("; ")}`);
  return r.metadataJson;
}

export function translationTable(): TranslationTable {
  return JSON.parse(readFileSync(TRANSLATIONS, "utf8")) as TranslationTable;
}

/** Both files as the build writes them (no deployment URL). */
export async function shippedMetadata(): Promise<{ en: Metadata; fr: Metadata }> {
  const { en, fr } = localizedMetadata(await generatedMetadata(), translationTable(), { devUrl: DEV_URL });
  return { en: JSON.parse(en) as Metadata, fr: JSON.parse(fr) as Metadata };
}
