// Types of metadata.localize.mjs (plain JavaScript, run by webpack.config.js), for the tests.

/** One entry of translations.fr.json: a function's French name and help, its parameters by English name. */
export interface FunctionTranslation {
  name: string;
  description: string;
  parameters?: Record<string, { name: string; description: string }>;
}

/** translations.fr.json. */
export interface TranslationTable {
  functions: Record<string, FunctionTranslation>;
}

export const METADATA_FILES: { en: "functions.json"; fr: "functions.fr.json" };

export class MetadataError extends Error {
  problems: string[];
  constructor(problems: string[]);
}

/** The English and French metadata (JSON text); throws a MetadataError listing every problem. */
export function localizedMetadata(
  generated: string | object,
  translations: TranslationTable,
  urls?: { devUrl?: string; deployUrl?: string },
): { en: string; fr: string };
