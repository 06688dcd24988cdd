/**
 * Three-way parity of the QG.* custom functions, on seeded random assessments: for every dimension,
 *   - the custom function, called on the cells of the workbook as Excel passes them,
 *   - the engine (scoreAssessment on the same template, the ratings and evidence read with the
 *     workbook reader's parsers), and
 *   - the equivalent native formula (Excel 2007 functions: SUMPRODUCT, ISNUMBER, SEARCH, COUNTA…),
 *     written with exceljs WITHOUT cached values and recalculated by LibreOffice,
 * give the same number within 1e-9 — or all three give nothing — for SCORE (weighted and not),
 * DIMSCORE, GAP, COMPLETION and COVERAGE. A deliberately wrong formula must make the comparison fail.
 *
 * Native formulas stay free of IF inside SUMPRODUCT (Excel 2016 would need array entry, design.md);
 * N/A tokens are text, which SUMPRODUCT reads as 0 when given as a separate array, never in arithmetic.
 */
import "../functions/customFunctions.shim.js";
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isNaToken, parseRatingCell, type Rating } from "../../addin/model/scale.js";
import { parseTemplate } from "../../addin/model/template.parse.js";
import type { Template } from "../../addin/model/template.types.js";
import { EVIDENCE_STATUSES } from "../../addin/plan/labels.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import { assessmentOf } from "../../addin/scoring/assessment.test-helpers.js";
import { splitCriterionIds } from "../../addin/scoring/evidence.js";
import type { AssessmentResult } from "../../addin/scoring/scoring.types.js";
import { completion, coverage, dimscore, gap, score } from "../../functions/functions.js";
import { computedValue, findSoffice, LIBREOFFICE_INSTALL_HINT, recalculateMany } from "../support/libreoffice.js";
import { pick, seededRandom } from "../support/random.js";

const soffice = findSoffice();
if (!soffice) {
  console.warn(
    "\n[qualigrid] LibreOffice (soffice) not found: SKIPPING tests/libreoffice/functions.parity.test.ts. NOT proved: that " +
      "QG.SCORE, QG.DIMSCORE, QG.GAP, QG.COMPLETION and QG.COVERAGE equal the engine and the equivalent native formulas " +
      `recalculated by a spreadsheet engine. Install it with: ${LIBREOFFICE_INSTALL_HINT}\n`,
  );
}

const TOLERANCE = 1e-9;
const SCALES = [[1, 2, 3, 4], [0, 1, 2, 3, 4], [1, 2, 3, 4, 5], [0, 0.5, 1, 1.5, 2]];
const WEIGHTS = [0, 0.5, 1, 1, 1, 2, 3, 1.25];
const NA_SPELLINGS = ["S. O.", "SO", "so", "N/A", "na", "NC", "non applicable", "Sans objet", "not applicable", "non concerné"];
const ACCEPTED = "Acceptée";

/** One random assessment: grid rows grouped by dimension, evidence items, targets. */
interface Assessment {
  name: string;
  seed: number;
  scale: number[];
  dimensions: { id: string; target: number; rows: { criterion: string; weight: number; rating: number | string | null }[] }[];
  evidence: { criteria: string; status: string }[];
  /** Breaks the native DIMSCORE formula (99 × instead of 100 ×): the comparison must fail. */
  sabotage?: boolean;
}

function randomAssessment(name: string, seed: number, sabotage = false): Assessment {
  const rand = seededRandom(seed);
  const scale = pick(rand, SCALES);
  const dimCount = 3 + Math.floor(rand() * 4);
  let n = 0;
  const dimensions = Array.from({ length: dimCount }, (_, d) => {
    // One dimension in three of some cases has nothing rated: every score is empty there.
    const nothingRated = d === 1 && seed % 3 === 0;
    const rows = Array.from({ length: 2 + Math.floor(rand() * 11) }, () => {
      n += 1 + Math.floor(rand() * 3); // ids C1, C7, C70…: "C7" must not match "C70"
      const roll = rand();
      const rating = nothingRated ? (roll < 0.5 ? pick(rand, NA_SPELLINGS) : null) : roll < 0.6 ? pick(rand, scale) : roll < 0.75 ? pick(rand, NA_SPELLINGS) : null;
      return { criterion: `C${n}`, weight: pick(rand, WEIGHTS), rating };
    });
    return { id: `D${d + 1}`, target: Math.round(rand() * 100), rows };
  });
  const ids = dimensions.flatMap((d) => d.rows.map((r) => r.criterion));
  const statuses = EVIDENCE_STATUSES.map((s) => s.text.fr);
  const evidence = Array.from({ length: 1 + Math.floor(rand() * ids.length * 1.5) }, () => {
    if (rand() < 0.1) return { criteria: "", status: pick(rand, statuses) };
    const linked = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
      const id = rand() < 0.1 ? "ZZ9" : pick(rand, ids);
      return rand() < 0.2 ? id.toLowerCase() : id;
    });
    const status = pick(rand, statuses);
    return { criteria: linked.join(pick(rand, [",", ";", " ; ", ", "])), status: rand() < 0.2 ? status.toUpperCase() : status };
  });
  return { name, seed, scale, dimensions, evidence, sabotage };
}

const CASES: Assessment[] = [
  ...[11, 12, 13, 14, 15, 16, 17, 18].map((seed) => randomAssessment(`seed ${seed}`, seed)),
  randomAssessment("sabotaged native DIMSCORE", 19, true),
];

/** The engine's view of an assessment: a template (weights, targets) and the answers, read as the workbook reader reads cells. */
function engineResult(a: Assessment, unweighted = false): AssessmentResult {
  const parsed = parseTemplate({
    id: "parity",
    version: "1.0.0",
    title: "Parité",
    source: "test",
    scale: { levels: a.scale.map((v) => ({ value: v, label: `Niveau ${v}` })), notApplicable: true },
    target: 50,
    targetLevel: a.scale[a.scale.length - 1],
    dimensions: a.dimensions.map((d) => ({
      id: d.id,
      title: d.id,
      target: d.target,
      criteria: d.rows.map((r) => ({ id: r.criterion, text: r.criterion, weight: unweighted ? 1 : r.weight })),
    })),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const template: Template = parsed.value;
  const ratings: Record<string, Rating> = {};
  for (const d of a.dimensions) for (const r of d.rows) ratings[r.criterion] = parseRatingCell(r.rating, template.scale);
  const evidence = a.evidence.map((e) => ({ criteria: splitCriterionIds(e.criteria), status: e.status }));
  return scoreAssessment(assessmentOf(template, ratings, evidence, ACCEPTED));
}

// Sheet layout. Grid: A dimension, B criterion, C weight, D rating, E covered (0/1), F applicable (0/1).
// Evidence: A criteria, B status. Calc: one row per dimension, a column per native formula.
const CALC = { dimension: 1, score: 2, scoreUnweighted: 3, dimscore: 4, target: 5, gap: 6, completion: 7, coverage: 8, coverageAll: 9 } as const;

/** The first and last grid row of each dimension (rows are grouped by dimension). */
function dimensionRows(a: Assessment): { first: number; last: number }[] {
  let row = 2;
  return a.dimensions.map((d) => {
    const first = row;
    row += d.rows.length;
    return { first, last: row - 1 };
  });
}

function nativeWorkbook(a: Assessment): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const f = (formula: string): ExcelJS.CellFormulaValue => ({ formula, date1904: false });
  const min = a.scale[0] as number;
  const max = a.scale[a.scale.length - 1] as number;
  const gridRows = a.dimensions.reduce((s, d) => s + d.rows.length, 0);
  const last = gridRows + 1;
  const evLast = a.evidence.length + 1;

  const ev = wb.addWorksheet("Evidence");
  ev.addRow(["Criteria", "Status"]);
  for (const e of a.evidence) ev.addRow([e.criteria === "" ? null : e.criteria, e.status]);

  const grid = wb.addWorksheet("Grid");
  grid.addRow(["Dimension", "Criterion", "Weight", "Rating", "Covered", "Applicable"]);
  for (const d of a.dimensions) {
    for (const r of d.rows) {
      const row = grid.rowCount + 1;
      grid.addRow([d.id, r.criterion, r.weight, r.rating]);
      // Covered: some accepted evidence item names this criterion (",C7," never matches ",C70,").
      grid.getCell(row, 5).value = f(
        `IF(SUMPRODUCT(--ISNUMBER(SEARCH(","&B${row}&",",","&SUBSTITUTE(SUBSTITUTE(Evidence!$A$2:$A$${evLast}," ",""),";",",")&",")),` +
          `--(Evidence!$B$2:$B$${evLast}="${ACCEPTED}"))>0,1,0)`,
      );
      // Applicable: a number or a blank (the only texts in these grids are N/A tokens).
      grid.getCell(row, 6).value = f(`IF(ISNUMBER(D${row}),1,IF(D${row}="",1,0))`);
    }
  }

  const calc = wb.addWorksheet("Calc");
  calc.addRow(["Dimension", "SCORE", "SCORE unweighted", "DIMSCORE", "Target", "GAP", "COMPLETION", "COVERAGE", "COVERAGE all"]);
  const G = (col: string): string => `Grid!$${col}$2:$${col}$${last}`;
  const hundred = a.sabotage ? "99" : "100";
  dimensionRows(a).forEach(({ first, last: end }, i) => {
    const d = a.dimensions[i]!;
    const row = i + 2;
    const R = (col: string): string => `Grid!${col}${first}:${col}${end}`;
    // Looked up in lower case: DIMSCORE and SUMPRODUCT's "=" both ignore case.
    calc.getCell(row, CALC.dimension).value = i % 2 === 0 ? d.id : d.id.toLowerCase();
    // SCORE = 100 × Σw·(v − min)/(max − min) / Σw over numeric ratings = 100 × (Σw·v − min·Σw) / ((max − min)·Σw).
    const sw = `SUMPRODUCT(${R("C")},--ISNUMBER(${R("D")}))`;
    calc.getCell(row, CALC.score).value = f(`IF(${sw}=0,"",100*(SUMPRODUCT(${R("C")},${R("D")})-${min}*${sw})/((${max}-${min})*${sw}))`);
    const cnt = `COUNT(${R("D")})`;
    calc.getCell(row, CALC.scoreUnweighted).value = f(`IF(${cnt}=0,"",100*(SUM(${R("D")})-${min}*${cnt})/((${max}-${min})*${cnt}))`);
    const inDim = `--(${G("A")}=$A${row})`;
    const dw = `SUMPRODUCT(${inDim},${G("C")},--ISNUMBER(${G("D")}))`;
    calc.getCell(row, CALC.dimscore).value = f(`IF(${dw}=0,"",${hundred}*(SUMPRODUCT(${inDim},${G("C")},${G("D")})-${min}*${dw})/((${max}-${min})*${dw}))`);
    calc.getCell(row, CALC.target).value = d.target;
    calc.getCell(row, CALC.gap).value = f(`IF(OR(D${row}="",E${row}=""),"",E${row}-D${row})`);
    calc.getCell(row, CALC.completion).value = f(`COUNTA(${R("D")})/ROWS(${R("D")})`);
    const applicable = `SUMPRODUCT(${inDim},${G("F")})`;
    calc.getCell(row, CALC.coverage).value = f(`IF(${applicable}=0,"",SUMPRODUCT(${inDim},${G("E")},${G("F")})/${applicable})`);
    calc.getCell(row, CALC.coverageAll).value = f(`SUM(${R("E")})/ROWS(${R("E")})`);
  });
  return wb;
}

interface Prepared {
  a: Assessment;
  input: string;
}

const dir = mkdtempSync(path.join(tmpdir(), "qg-functions-parity-"));
const prepared: Prepared[] = [];
const recalculated = new Map<Assessment, ExcelJS.Workbook>();

describe.skipIf(!soffice)("QG.* functions = engine = native formulas recalculated by LibreOffice", () => {
  beforeAll(async () => {
    mkdirSync(path.join(dir, "in"));
    for (const [i, a] of CASES.entries()) {
      const input = path.join(dir, "in", `functions-${i}.xlsx`);
      await nativeWorkbook(a).xlsx.writeFile(input);
      prepared.push({ a, input });
    }
    const outputs = await recalculateMany(prepared.map((p) => p.input), path.join(dir, "out"), { timeoutMs: 300_000 });
    for (const [i, out] of outputs.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      recalculated.set(prepared[i]!.a, wb);
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const a of CASES) {
    it(a.sabotage ? "catches a deliberately wrong native DIMSCORE formula" : `agrees on every dimension (${a.name})`, () => {
      const wb = recalculated.get(a);
      if (!wb) throw new Error("case not recalculated");
      const mismatches = compare(a, wb);
      if (a.sabotage) expect(mismatches.filter((m) => m.includes(" DIMSCORE ")).length).toBeGreaterThan(0);
      else expect(mismatches).toEqual([]);
    });
  }

  it("has cases with scores, with empty scores, with coverage and with N/A rows", () => {
    const engines = CASES.map((a) => engineResult(a));
    const dims = engines.flatMap((e) => e.dimensions);
    expect(dims.filter((d) => d.score === null).length).toBeGreaterThan(0);
    expect(dims.filter((d) => d.score !== null && d.score > 0 && d.score < 100).length).toBeGreaterThan(10);
    expect(dims.filter((d) => d.evidenceCoverage !== null && d.evidenceCoverage > 0 && d.evidenceCoverage < 1).length).toBeGreaterThan(5);
    expect(dims.filter((d) => d.notApplicable > 0).length).toBeGreaterThan(10);
  });
});

/** Every figure on which the function, the engine and the native formula disagree, as readable lines. */
function compare(a: Assessment, wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  const grid = wb.getWorksheet("Grid") as ExcelJS.Worksheet;
  const ev = wb.getWorksheet("Evidence") as ExcelJS.Worksheet;
  const calc = wb.getWorksheet("Calc") as ExcelJS.Worksheet;
  const min = a.scale[0] as number;
  const max = a.scale[a.scale.length - 1] as number;

  // The ranges as Excel hands them to a custom function: the workbook's cells, blanks as null.
  const cells = (ws: ExcelJS.Worksheet, col: number, first: number, last: number): unknown[][] =>
    Array.from({ length: last - first + 1 }, (_, i) => [computedValue(ws.getCell(first + i, col))]);
  const lastGrid = grid.rowCount;
  const dimensionsCol = cells(grid, 1, 2, lastGrid);
  const ratingsCol = cells(grid, 4, 2, lastGrid);
  const weightsCol = cells(grid, 3, 2, lastGrid);
  const criteriaCol = cells(grid, 2, 2, lastGrid);
  const evidenceCriteria = cells(ev, 1, 2, ev.rowCount);
  const evidenceStatus = cells(ev, 2, 2, ev.rowCount);

  const engine = engineResult(a);
  const unweighted = engineResult(a, true);
  const rows = dimensionRows(a);

  /** The values (function, engine when it computes this figure, native) must all be empty or all equal numbers. */
  const same = (what: string, fn: unknown, eng: number | null | undefined, native: unknown): void => {
    const values = eng === undefined ? [fn, native] : [fn, eng, native];
    const empty = values.map((v) => v === null || v === "");
    if (empty.every(Boolean)) return;
    const numbers = values.filter((v): v is number => typeof v === "number");
    if (numbers.length < values.length || Math.max(...numbers) - Math.min(...numbers) > TOLERANCE) {
      out.push(`${what}: function ${JSON.stringify(fn)}, engine ${eng === undefined ? "—" : JSON.stringify(eng)}, native ${JSON.stringify(native)}`);
    }
  };
  const native = (row: number, col: number): unknown => computedValue(calc.getCell(row, col));

  const dimscores: unknown[][] = [];
  a.dimensions.forEach((d, i) => {
    const row = i + 2;
    const { first, last } = rows[i]!;
    const e = engine.dimensions[i]!;
    const slice = (col: unknown[][]): unknown[][] => col.slice(first - 2, last - 1);
    const query = computedValue(calc.getCell(row, CALC.dimension));

    same(`${d.id} SCORE`, score(slice(ratingsCol), min, max, slice(weightsCol)), e.score, native(row, CALC.score));
    same(`${d.id} SCORE unweighted`, score(slice(ratingsCol), min, max), unweighted.dimensions[i]!.score, native(row, CALC.scoreUnweighted));
    const ds = dimscore(dimensionsCol, ratingsCol, query, min, max, weightsCol);
    dimscores.push([ds]);
    same(`${d.id} DIMSCORE (as "${String(query)}")`, ds, e.score, native(row, CALC.dimscore));
    same(`${d.id} COMPLETION`, completion(slice(ratingsCol)), e.completion, native(row, CALC.completion));
    // The engine counts the applicable criteria: the function is given those (a filtered list).
    const applicable = d.rows.filter((r) => !(typeof r.rating === "string" && isNaToken(r.rating))).map((r) => [r.criterion]);
    same(`${d.id} COVERAGE`, coverage(applicable, evidenceCriteria, evidenceStatus, ACCEPTED), e.evidenceCoverage, native(row, CALC.coverage));
    // Every criterion of the dimension (its grid range), accepted evidence only: function and native formula.
    same(`${d.id} COVERAGE of all criteria`, coverage(slice(criteriaCol), evidenceCriteria, evidenceStatus, ACCEPTED), undefined, native(row, CALC.coverageAll));
  });

  // GAP on the column of DIMSCORE results against the column of targets, as a sheet would spill it.
  const targets = a.dimensions.map((d) => [d.target]);
  const gaps = gap(dimscores, targets);
  a.dimensions.forEach((d, i) => same(`${d.id} GAP`, gaps[i]?.[0], engine.dimensions[i]!.gap, native(i + 2, CALC.gap)));
  return out;
}
