// The QG.* custom functions. Each one converts Excel's arguments, calls its range function in
// addin/scoring/range.functions.ts and converts the result (functions.edge.ts): no scoring here.
//
// The webpack build reads the JSDoc below with custom-functions-metadata-plugin (English
// functions.json), then writes functions.fr.json from it and the French table in
// translations.fr.json (functions/metadata.localize.mjs); the plugin appends the
// `CustomFunctions.associate(id, function)` calls to this file's bundle, which the task pane page
// loads (one shared runtime, see manifest.xml).
//
// Every argument is typed `unknown` (`any` in the metadata): Excel then passes cells unconverted —
// blanks, N/A tokens, error values — and the engine's messages, not Excel's, explain a bad value.
//
// First: office.js may load after this bundle, or never (the browser workbench); see the module.
import "./functions.deferred.js";
import {
  agreementOfRanges,
  completionOfRange,
  consensusOfRows,
  coverageOfRange,
  dimensionScoreOfColumns,
  dimensionScoreOfRange,
  gapOfRange,
  levelOfRange,
  scoreOfRange,
  spreadOfRows,
} from "../addin/scoring/range.functions.js";
import {
  cellOf,
  columnResult,
  gridOf,
  gridResult,
  optionalCellOf,
  optionalGridOf,
  scalarResult,
} from "./functions.edge.js";

/**
 * Score from 0 to 100 of a set of ratings: each is placed on its scale (scale_min counts 0, scale_max 100), weighted and averaged. Left out: blanks, N/A and, given each row's bounds, a rating outside them or on a row without bounds.
 * @customfunction SCORE
 * @helpurl https://localhost:3000/help.html
 * @param ratings Ratings: numbers on the scale, N/A or blank.
 * @param scale_min Smallest level of the scale, e.g. 1; or each row's, same size as ratings, e.g. the grid's Scale min column.
 * @param scale_max Largest level of the scale, e.g. 4; or each row's, same size as ratings, e.g. the grid's Scale max column.
 * @param [weights] Weight of each rating (numbers ≥ 0), same size as ratings. Default: 1 each.
 * @returns The score from 0 to 100, or an empty result when nothing is rated.
 */
export function score(ratings: unknown[][], scale_min: unknown[][], scale_max: unknown[][], weights?: unknown[][]): number | string {
  return scalarResult(scoreOfRange(gridOf(ratings), gridOf(scale_min), gridOf(scale_max), optionalGridOf(weights)));
}

/**
 * Score from 0 to 100 of one dimension: the ratings of the rows whose dimension matches (ignoring case), weighted and averaged as QG.SCORE does, each on its scale.
 * @customfunction DIMSCORE
 * @helpurl https://localhost:3000/help.html
 * @param dimensions Dimension of each row, e.g. the grid's dimension column.
 * @param ratings Rating of each row, same size as dimensions.
 * @param dimension The dimension to score.
 * @param scale_min Smallest level of the scale, e.g. 1; or each row's, same size as ratings, e.g. the grid's Scale min column.
 * @param scale_max Largest level of the scale, e.g. 4; or each row's, same size as ratings, e.g. the grid's Scale max column.
 * @param [weights] Weight of each row (numbers ≥ 0), same size as ratings. Default: 1 each.
 * @returns The dimension's score from 0 to 100, or an empty result when none of its rows is rated.
 */
export function dimscore(
  dimensions: unknown[][],
  ratings: unknown[][],
  dimension: unknown,
  scale_min: unknown[][],
  scale_max: unknown[][],
  weights?: unknown[][],
): number | string {
  // Plain one-column ranges, the usual case, need no reading cell by cell first (see the engine).
  const quick = dimensionScoreOfColumns(dimensions, ratings, dimension, scale_min, scale_max, weights);
  if (quick !== undefined) return quick ?? "";
  return scalarResult(dimensionScoreOfRange(gridOf(dimensions), gridOf(ratings), cellOf(dimension), gridOf(scale_min), gridOf(scale_max), optionalGridOf(weights)));
}

/**
 * Gap between a target and a score: target − score, in points (positive = shortfall). Takes single cells or ranges and returns a range of the same shape.
 * @customfunction GAP
 * @helpurl https://localhost:3000/help.html
 * @param score Score or range of scores.
 * @param target Target, or a range of targets of the same size as score.
 * @returns target − score for each score; empty where the score or the target is blank.
 */
export function gap(score: unknown[][], target: unknown[][]): unknown[][] {
  return gridResult(gapOfRange(gridOf(score), gridOf(target)));
}

/**
 * Level reached by a score: the label of the highest threshold that is not above the score.
 * @customfunction LEVEL
 * @helpurl https://localhost:3000/help.html
 * @param score Score or range of scores.
 * @param thresholds Lower bound of each level, e.g. 0, 50, 75.
 * @param labels Label of each level, same size as thresholds.
 * @returns The label for each score; empty below every threshold.
 */
export function level(score: unknown[][], thresholds: unknown[][], labels: unknown[][]): unknown[][] {
  return gridResult(levelOfRange(gridOf(score), gridOf(thresholds), gridOf(labels)));
}

/**
 * Completion of a set of ratings from 0 to 1: rows answered (N/A included) over all rows.
 * @customfunction COMPLETION
 * @helpurl https://localhost:3000/help.html
 * @param ratings Ratings: numbers, N/A or blank.
 * @returns The share of rows answered, from 0 to 1.
 */
export function completion(ratings: unknown[][]): number | string {
  return scalarResult(completionOfRange(gridOf(ratings)));
}

/**
 * Evidence coverage from 0 to 1: the share of criteria with at least one evidence item. An item's cell may name several criteria, separated by , or ;. Given expiry dates, an item that expired before the reference date does not count.
 * @customfunction COVERAGE
 * @helpurl https://localhost:3000/help.html
 * @param criteria Criterion ids to check.
 * @param evidence_criteria Criteria named by each evidence item, e.g. "C1; C2".
 * @param [evidence_status] Status of each evidence item, same size as evidence_criteria.
 * @param [accepted_status] Count only the items with this status, e.g. "Accepted". Default: every item.
 * @param [evidence_expiry] Expiry date of each evidence item, same size as evidence_criteria; blank = no expiry. Default: no item expires.
 * @param [reference_date] Date the expiry dates are compared with, e.g. QG_ReferenceDate. Default: today.
 * @returns The share of criteria covered, from 0 to 1.
 */
export function coverage(
  criteria: unknown[][],
  evidence_criteria: unknown[][],
  evidence_status?: unknown[][],
  accepted_status?: unknown,
  evidence_expiry?: unknown[][],
  reference_date?: unknown,
): number | string {
  return scalarResult(
    coverageOfRange(
      gridOf(criteria),
      gridOf(evidence_criteria),
      optionalGridOf(evidence_status),
      optionalCellOf(accepted_status),
      optionalGridOf(evidence_expiry),
      optionalCellOf(reference_date),
    ),
  );
}

/**
 * Agreement between two sets of ratings from 0 to 1, e.g. self-assessment and evaluator: among rows rated on both sides (not N/A), the share where the ratings differ by at most the tolerance, in levels of the default scale when each row's bounds are given.
 * @customfunction AGREEMENT
 * @helpurl https://localhost:3000/help.html
 * @param ratings_a First ratings, e.g. the self-assessment.
 * @param ratings_b Second ratings, same size, e.g. the evaluator's.
 * @param [tolerance] Largest difference still counted as agreement, in levels of the default scale, e.g. QG_AgreementTolerance. Default: 0.
 * @param [scale_min] Smallest level of each row's scale, same size as ratings_a, e.g. the grid's Scale min column. Default: differences as they are.
 * @param [scale_max] Largest level of each row's scale, same size as ratings_a, e.g. the grid's Scale max column.
 * @param [default_min] Smallest level of the default scale, e.g. QG_ScaleMin. Needed with per-row bounds.
 * @param [default_max] Largest level of the default scale, e.g. QG_ScaleMax. Needed with per-row bounds.
 * @returns The share of rows in agreement, from 0 to 1; empty when no row is rated on both sides.
 */
export function agreement(
  ratings_a: unknown[][],
  ratings_b: unknown[][],
  tolerance?: unknown,
  scale_min?: unknown[][],
  scale_max?: unknown[][],
  default_min?: unknown,
  default_max?: unknown,
): number | string {
  return scalarResult(
    agreementOfRanges(
      gridOf(ratings_a),
      gridOf(ratings_b),
      optionalCellOf(tolerance),
      optionalGridOf(scale_min),
      optionalGridOf(scale_max),
      optionalCellOf(default_min),
      optionalCellOf(default_max),
    ),
  );
}

/**
 * Spread of the answers on each row (max − min of the levels given), for several respondents rating the same criteria. N/A, text and blanks are left out. Returns a column.
 * @customfunction SPREAD
 * @helpurl https://localhost:3000/help.html
 * @param ratings_matrix One row per criterion, one column per respondent, e.g. the grid's Level counted columns of every respondent.
 * @param [levels] The scale's level values, e.g. QG_LevelValues: a number that is not one of them is left out. Default: every number counts.
 * @returns The spread of each row; empty for a row without levels.
 */
export function spread(ratings_matrix: unknown[][], levels?: unknown[][]): unknown[][] {
  return columnResult(spreadOfRows(gridOf(ratings_matrix), optionalGridOf(levels)));
}

/**
 * Consolidated rating of each row, for several respondents rating the same criteria: the agreed rating when one is given, else the mean (or median) of the levels given, else N/A when someone said N/A, else empty. Text is left out. Returns a column.
 * @customfunction CONSENSUS
 * @helpurl https://localhost:3000/help.html
 * @param ratings_matrix One row per criterion, one column per respondent, e.g. the grid's Level counted columns of every respondent.
 * @param [method] "mean" or "median" (or "moyenne", "médiane"), e.g. QG_Consolidation. Default: "mean".
 * @param [agreed] Agreed rating of each row, one cell per row of ratings_matrix, e.g. the grid's Agreed rating column. A level or N/A wins; blank: the respondents' ratings count.
 * @param [levels] The scale's level values, e.g. QG_LevelValues: a number that is not one of them is left out. Default: every number counts.
 * @returns The consolidated rating of each row: a number, the N/A token (S. O. or N/A), or empty.
 */
export function consensus(ratings_matrix: unknown[][], method?: unknown, agreed?: unknown[][], levels?: unknown[][]): unknown[][] {
  return columnResult(consensusOfRows(gridOf(ratings_matrix), optionalCellOf(method), optionalGridOf(agreed), optionalGridOf(levels)));
}
