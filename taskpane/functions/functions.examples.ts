import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";
import { scaleBounds } from "../../addin/model/scale.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { wholeColumn } from "../../addin/plan/formula.js";
import { gridFeatures } from "../../addin/plan/grid.features.js";
import { EVIDENCE_STATUSES, HEADERS, type EvidenceKey, type GridKey } from "../../addin/plan/labels.js";
import { NAMES, TABLES } from "../../addin/plan/names.js";
import { functionName, type FunctionId } from "./functions.catalog.js";
import { call, formulaText, num, ref, text, type FormulaPart } from "./functions.formula.js";

/** What the examples are made from: the workbook's language, scale, first dimension and statuses. */
export interface ExampleSource {
  /** The language of the workbook's headers and statuses (its structured references depend on it). */
  lang: Lang;
  scaleMin: number;
  scaleMax: number;
  /**
   * The template rates criteria on several scales: the grid has each row's bounds (« Min échelle »,
   * « Max échelle »), which QG.SCORE, QG.DIMSCORE and QG.AGREEMENT then take instead of one scale.
   */
  scaleColumns: boolean;
  /** The template's first dimension. */
  dimension: string;
  /** The overall target. */
  target: number;
  /** The evidence status that counts for coverage, in the workbook's language. */
  acceptedStatus: string;
  /** The Qualigrid tables the workbook holds, of those the examples refer to. */
  tables: readonly string[];
  /**
   * The register has its expiry column and the workbook its reference date (`QG_ReferenceDate`,
   * which came with the settings): QG.COVERAGE's example then leaves out expired evidence, as the
   * workbook's coverage does.
   */
  expiry: boolean;
}

/** One example, ready to show and to insert. */
export interface FunctionExample {
  /** What `Range.formulas` takes: English names, commas. */
  invariant: string;
  /** What Excel shows in the user's language. */
  localized: string;
  /** The Qualigrid tables the formula refers to that the workbook lacks. */
  missingTables: string[];
}

const acceptedIn = (lang: Lang): string => EVIDENCE_STATUSES.find((s) => s.key === "accepted")?.text[lang] ?? "";

/** The source of a Qualigrid workbook read back. */
export function exampleSourceOfWorkbook(wb: AssessmentWorkbook): ExampleSource {
  const { min, max } = scaleBounds(wb.template.scale);
  return {
    lang: wb.lang,
    scaleMin: min,
    scaleMax: max,
    scaleColumns: gridFeatures(wb.template).scales,
    dimension: wb.template.dimensions[0]?.id ?? "",
    target: wb.overallTarget ?? wb.template.target,
    acceptedStatus: wb.acceptedStatus || acceptedIn(wb.lang),
    tables: wb.evidence === null ? [TABLES.grid] : [TABLES.grid, TABLES.evidence],
    // A row read without an expiry cell: the register lacks the column. `settings` is left out
    // only for a workbook made before them, which has no QG_ReferenceDate.
    expiry: wb.evidence !== null && wb.settings !== undefined && wb.evidence.every((e) => e.expiryCell !== null),
  };
}

/**
 * The source for a workbook without a grid: the examples as they would read in a grid of
 * `template` generated in `lang` with every part (a 1–4 scale and a dimension `D1` without one).
 */
export function exampleSourceOfTemplate(template: Template | null, lang: Lang): ExampleSource {
  const bounds = template ? scaleBounds(template.scale) : { min: 1, max: 4 };
  return {
    lang,
    scaleMin: bounds.min,
    scaleMax: bounds.max,
    scaleColumns: template ? gridFeatures(template).scales : false,
    dimension: template?.dimensions[0]?.id ?? "D1",
    target: template?.target ?? 75,
    acceptedStatus: acceptedIn(lang),
    tables: [TABLES.grid, TABLES.evidence],
    expiry: true,
  };
}

/** Excel's HSTACK, which puts the self-assessment and the evaluator's ratings side by side (Excel 365). */
const HSTACK: Record<Lang, string> = { en: "HSTACK", fr: "ASSEMB.H" };

const qg = (id: FunctionId, ...args: FormulaPart[]): FormulaPart => call({ fr: functionName(id, "fr"), en: functionName(id, "en") }, ...args);

/** Builds each function's example; `ui` is the user's language (for words a person reads, like "median"). */
const EXAMPLES: Record<FunctionId, { tables: readonly string[]; build(s: ExampleSource, ui: Lang): FormulaPart }> = {
  SCORE: { tables: [TABLES.grid], build: (s) => score(s) },
  DIMSCORE: {
    tables: [TABLES.grid],
    build: (s) => qg("DIMSCORE", grid(s, "dimension"), grid(s, "rating"), text(s.dimension), ...scaleArgs(s)),
  },
  GAP: { tables: [TABLES.grid], build: (s) => qg("GAP", score(s), num(s.target)) },
  // The maturity bands of the workbook's lists sheet, which every Qualigrid workbook has.
  LEVEL: { tables: [TABLES.grid], build: (s) => qg("LEVEL", score(s), ref(NAMES.maturityMin), ref(NAMES.maturityLabels)) },
  COMPLETION: { tables: [TABLES.grid], build: (s) => qg("COMPLETION", grid(s, "rating")) },
  COVERAGE: {
    tables: [TABLES.grid, TABLES.evidence],
    // With the expiry dates and the reference date, the workbook's own coverage (expired items left out).
    build: (s) =>
      qg(
        "COVERAGE",
        grid(s, "criterion"),
        evidence(s, "criteria"),
        evidence(s, "status"),
        text(s.acceptedStatus),
        ...(s.expiry ? [evidence(s, "expiry"), ref(NAMES.referenceDate)] : []),
      ),
  },
  // Across scales, differences in default-scale levels against the workbook's tolerance (design.md).
  AGREEMENT: {
    tables: [TABLES.grid],
    build: (s) =>
      qg(
        "AGREEMENT",
        grid(s, "rating"),
        grid(s, "evaluatorRating"),
        ...(s.scaleColumns ? [ref(NAMES.agreementTolerance), ...scaleArgs(s), ref(NAMES.scaleMin), ref(NAMES.scaleMax)] : []),
      ),
  },
  SPREAD: { tables: [TABLES.grid], build: (s) => qg("SPREAD", respondents(s)) },
  CONSENSUS: { tables: [TABLES.grid], build: (s, ui) => qg("CONSENSUS", respondents(s), text(ui === "fr" ? "médiane" : "median")) },
};

function grid(s: ExampleSource, key: GridKey): FormulaPart {
  return ref(wholeColumn(TABLES.grid, HEADERS.grid[key][s.lang]));
}

function evidence(s: ExampleSource, key: EvidenceKey): FormulaPart {
  return ref(wholeColumn(TABLES.evidence, HEADERS.evidence[key][s.lang]));
}

function score(s: ExampleSource): FormulaPart {
  return qg("SCORE", grid(s, "rating"), ...scaleArgs(s));
}

/** The scale arguments: the grid's bounds of each row when there are several scales, else the scale's. */
function scaleArgs(s: ExampleSource): [FormulaPart, FormulaPart] {
  return s.scaleColumns ? [grid(s, "scaleMin"), grid(s, "scaleMax")] : [num(s.scaleMin), num(s.scaleMax)];
}

function respondents(s: ExampleSource): FormulaPart {
  return call(HSTACK, grid(s, "rating"), grid(s, "evaluatorRating"));
}

/** The example of function `id` on the workbook described by `source`, for a user reading `ui`. */
export function functionExample(id: FunctionId, source: ExampleSource, ui: Lang): FunctionExample {
  const example = EXAMPLES[id];
  const formula = example.build(source, ui);
  return {
    invariant: formulaText(formula, "invariant"),
    localized: formulaText(formula, ui),
    missingTables: example.tables.filter((t) => !source.tables.includes(t)),
  };
}
