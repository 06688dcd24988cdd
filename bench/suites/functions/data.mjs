// The bench's inputs — ranges of 10,000 rows as Excel passes them to a custom function (arrays of
// rows, blanks as null) — and the floors: for each function, the minimal loop over the same arrays
// that computes the same number under the same rules, without checking anything.

import { pick, seededRandom as seeded } from "../../../dist/addin/excel/fake/random.js";

export const ROWS = 10_000;

/**
 * QG.DIMSCORE's inputs: a grid of 10,000 criteria in 20 dimensions (D01…D20), ratings 1–4 with
 * 10 % N/A tokens and 20 % blanks, weights 0.5, 1 or 2; the dimension asked for is D07.
 */
export function dimscoreInput(rows = ROWS) {
  const rand = seeded(20260701);
  const dims = [];
  const ratings = [];
  const weights = [];
  for (let i = 0; i < rows; i++) {
    dims.push([`D${String(1 + Math.floor(rand() * 20)).padStart(2, "0")}`]);
    const roll = rand();
    ratings.push([roll < 0.7 ? pick(rand, [1, 2, 3, 4]) : roll < 0.8 ? pick(rand, ["N/A", "S. O.", "SO"]) : null]);
    weights.push([pick(rand, [0.5, 1, 1, 2])]);
  }
  return { dimensions: dims, ratings, dimension: "D07", scaleMin: 1, scaleMax: 4, weights };
}

/**
 * QG.COVERAGE's inputs: 10,000 criterion ids (C1…C10000) and an evidence register of 10,000
 * items, each naming 1 to 3 criteria ("C12, C907;C4"), 10 % without criteria, with one of the five
 * French statuses; only « Acceptée » counts.
 */
export function coverageInput(rows = ROWS) {
  const rand = seeded(20260702);
  const statuses = ["À produire", "Fournie", "Acceptée", "À compléter", "Refusée"];
  const criteria = Array.from({ length: rows }, (_, i) => [`C${i + 1}`]);
  const links = [];
  const status = [];
  for (let i = 0; i < rows; i++) {
    const n = 1 + Math.floor(rand() * 3);
    const ids = Array.from({ length: n }, () => `C${1 + Math.floor(rand() * rows)}`);
    links.push([rand() < 0.1 ? null : ids.join(pick(rand, [", ", ";", " ; ", ","]))]);
    status.push([pick(rand, statuses)]);
  }
  return { criteria, evidenceCriteria: links, evidenceStatus: status, acceptedStatus: "Acceptée" };
}

/**
 * The floor of QG.DIMSCORE: one pass, the dimension compared ignoring case as SUMIFS does (each
 * distinct text upper-cased once), numbers scored and weighted, anything else (blank, N/A) skipped.
 */
export function dimscoreFloor({ dimensions, ratings, dimension, scaleMin, scaleMax, weights }) {
  const wanted = String(dimension).toLocaleUpperCase();
  const seen = new Map();
  const span = scaleMax - scaleMin;
  let sw = 0;
  let sum = 0;
  for (let i = 0; i < dimensions.length; i++) {
    const d = dimensions[i][0];
    let match = seen.get(d);
    if (match === undefined) {
      match = String(d).toLocaleUpperCase() === wanted;
      seen.set(d, match);
    }
    if (!match) continue;
    const v = ratings[i][0];
    if (typeof v !== "number") continue;
    const w = weights[i][0];
    sw += w;
    sum += (w * (v - scaleMin)) / span;
  }
  return sw > 0 ? (100 * sum) / sw : "";
}

/**
 * Not a floor, shown for scale: DIMSCORE's loop if ids had to be written exactly as asked
 * (`===`, which the bench's data happens to allow; Excel's SUMIFS and QG.DIMSCORE ignore case).
 */
export function dimscoreExactMatchLoop({ dimensions, ratings, dimension, scaleMin, scaleMax, weights }) {
  const span = scaleMax - scaleMin;
  let sw = 0;
  let sum = 0;
  for (let i = 0; i < dimensions.length; i++) {
    if (dimensions[i][0] !== dimension) continue;
    const v = ratings[i][0];
    if (typeof v !== "number") continue;
    const w = weights[i][0];
    sw += w;
    sum += (w * (v - scaleMin)) / span;
  }
  return sw > 0 ? (100 * sum) / sw : "";
}

/**
 * The floor of QG.COVERAGE: the ids named by accepted items in a set (one pass over the register,
 * each distinct status upper-cased once), then one pass over the criteria; ids compared ignoring case.
 */
export function coverageFloor({ criteria, evidenceCriteria, evidenceStatus, acceptedStatus }) {
  const accepted = acceptedStatus.toLocaleUpperCase();
  const seen = new Map();
  const named = new Set();
  for (let i = 0; i < evidenceCriteria.length; i++) {
    const status = evidenceStatus[i][0];
    let yes = seen.get(status);
    if (yes === undefined) {
      yes = String(status ?? "").toLocaleUpperCase() === accepted;
      seen.set(status, yes);
    }
    if (!yes) continue;
    for (const id of String(evidenceCriteria[i][0] ?? "").replace(/ /g, "").split(/[,;]/)) if (id !== "") named.add(id.toLowerCase());
  }
  let total = 0;
  let covered = 0;
  for (const row of criteria) {
    const c = row[0];
    if (c === null || c === "") continue;
    total++;
    if (named.has(String(c).trim().toLowerCase())) covered++;
  }
  return total > 0 ? covered / total : "";
}
