/**
 * What this Excel can do, from its requirement sets. The manifest asks for ExcelApi 1.7 (tables,
 * names, conditional formats, protection, freeze panes, chart series, selection events); newer
 * sets are optional and their features are left out rather than failing a generation.
 */
export interface ExcelFeatures {
  /** ExcelApi 1.7: everything a generation needs. */
  core: boolean;
  /** ExcelApi 1.8: data validation (drop-down lists, date and number checks). */
  dataValidation: boolean;
  /** ExcelApi 1.9: page layout (orientation, fit to width, print area and titles). */
  pageLayout: boolean;
}

/** `Office.context.requirements.isSetSupported`, or a stand-in for it. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/** Every feature on: what a test double or an up-to-date Excel offers. */
export const ALL_FEATURES: ExcelFeatures = { core: true, dataValidation: true, pageLayout: true };

/** The features of the Excel whose requirement sets `isSetSupported` answers for. */
export function excelFeatures(isSetSupported: IsSetSupported): ExcelFeatures {
  const excelApi = (v: string): boolean => {
    try {
      return isSetSupported("ExcelApi", v);
    } catch {
      return false;
    }
  };
  return { core: excelApi("1.7"), dataValidation: excelApi("1.8"), pageLayout: excelApi("1.9") };
}

/** The requirement set each feature needs, for messages. */
export const FEATURE_SETS: Record<keyof ExcelFeatures, string> = { core: "ExcelApi 1.7", dataValidation: "ExcelApi 1.8", pageLayout: "ExcelApi 1.9" };
