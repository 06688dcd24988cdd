/**
 * Three-way parity of the QG.* custom functions, on seeded random assessments: for every dimension,
 *   - the custom function, called on the cells of the workbook as Excel passes them,
 *   - the engine (scoreAssessment on the same template, the ratings and evidence read with the
 *     workbook reader's parsers), and
 *   - the equivalent native formula (Excel 2007 functions: SUMPRODUCT, ISNUMBER, SEARCH, COUNTA…),
 *     written with exceljs WITHOUT cached values and recalculated by LibreOffice,
 * give the same number within 1e-9 — or all three give nothing — for SCORE (weighted and not),
 * DIMSCORE, GAP, COMPLETION and COVERAGE (with expiry dates around the assessment date: an accepted
 * item expired before it does not count). A deliberately wrong formula must make the comparison fail.
 *
 * Then the same on real Qualigrid workbooks: `QG.COVERAGE(…, QG_Evidence[Expiration],
 * QG_ReferenceDate)` on the recalculated cells = the engine reading the file = the workbook's own
 * coverage (grid and dashboard formulas), with and without an assessment date.
 *
 * Native formulas stay free of IF inside SUMPRODUCT (Excel 2016 would need array entry, design.md);
 * N/A tokens are text, which SUMPRODUCT reads as 0 when given as a separate array, never in arithmetic.
 */
import "../functions/customFunctions.shim.js";
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { dateFromSerial, serialOfDay } from "../../addin/model/date.serial.js";
import { isNaToken, parseRatingCell, type Rating } from "../../addin/model/scale.js";
import type { WorkbookSettings } from "../../addin/model/settings.js";
import { parseTemplate } from "../../addin/model/template.parse.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { EVIDENCE_STATUSES } from "../../addin/plan/labels.js";
import { NAMES } from "../../addin/plan/names.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { WorkbookPlan } from "../../addin/plan/plan.types.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import { assessmentOf } from "../../addin/scoring/assessment.test-helpers.js";
import { splitCriterionIds } from "../../addin/scoring/evidence.js";
import type { AssessmentResult } from "../../addin/scoring/scoring.types.js";
import { loadQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { completion, coverage, dimscore, gap, score } from "../../functions/functions.js";
import { computedValue, findSoffice, LIBREOFFICE_INSTALL_HINT, recalculateMany } from "../support/libreoffice.js";
import { columnOf } from "../support/parity.js";
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
  /** Each item's expiry date as an Excel day serial, or null (no date). */
  evidence: { criteria: string; status: string; expiry: number | null }[];
  /** The assessment date, an Excel day serial: the reference date for expiry. */
  reference: number;
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
  // 2025-03-31 and the days around it; an item's expiry: none, or some days before, on or after it.
  const reference = 45747 + seed;
  const expiryOf = (): number | null => (rand() < 0.35 ? null : reference + pick(rand, [-400, -30, -1, 0, 0, 1, 30, 400]));
  const evidence = Array.from({ length: 1 + Math.floor(rand() * ids.length * 1.5) }, () => {
    if (rand() < 0.1) return { criteria: "", status: pick(rand, statuses), expiry: expiryOf() };
    const linked = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
      const id = rand() < 0.1 ? "ZZ9" : pick(rand, ids);
      return rand() < 0.2 ? id.toLowerCase() : id;
    });
    const status = pick(rand, statuses);
    return { criteria: linked.join(pick(rand, [",", ";", " ; ", ", "])), status: rand() < 0.2 ? status.toUpperCase() : status, expiry: expiryOf() };
  });
  return { name, seed, scale, dimensions, evidence, reference, sabotage };
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
  const assessment = assessmentOf(template, ratings, evidence, ACCEPTED);
  // Expiry dates and the assessment date as the workbook reader reads them: UTC days.
  const dated = assessment.evidence?.map((item, i) => {
    const expiry = a.evidence[i]?.expiry ?? null;
    return { ...item, expiry: expiry === null ? null : dateFromSerial(expiry) };
  });
  return scoreAssessment({ ...assessment, evidence: dated ?? null, assessmentDate: dateFromSerial(a.reference) });
}

// Sheet layout. Grid: A dimension, B criterion, C weight, D rating, E covered (0/1), F applicable (0/1),
// G covered whatever the expiry (0/1). Evidence: A criteria, B status, C expiry; E1 the reference date.
// Calc: one row per dimension, a column per native formula.
const CALC = { dimension: 1, score: 2, scoreUnweighted: 3, dimscore: 4, target: 5, gap: 6, completion: 7, coverage: 8, coverageAll: 9, coverageNoExpiry: 10 } as const;
const REFERENCE_CELL = "Evidence!$E$1";

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
  ev.addRow(["Criteria", "Status", "Expiry", "Reference date", null]);
  // Real date cells, as the register's.
  for (const e of a.evidence) ev.addRow([e.criteria === "" ? null : e.criteria, e.status, e.expiry === null ? null : dateFromSerial(e.expiry)]);
  ev.getColumn(3).numFmt = "yyyy-mm-dd";
  ev.getCell("E1").value = dateFromSerial(a.reference);
  ev.getCell("E1").numFmt = "yyyy-mm-dd";

  const grid = wb.addWorksheet("Grid");
  grid.addRow(["Dimension", "Criterion", "Weight", "Rating", "Covered", "Applicable", "Covered whatever the expiry"]);
  for (const d of a.dimensions) {
    for (const r of d.rows) {
      const row = grid.rowCount + 1;
      grid.addRow([d.id, r.criterion, r.weight, r.rating]);
      // Covered: some accepted evidence item names this criterion (",C7," never matches ",C70,"),
      // and has not expired: no expiry date, or one on or after the reference date (the grid's rule).
      const names = `--ISNUMBER(SEARCH(","&B${row}&",",","&SUBSTITUTE(SUBSTITUTE(Evidence!$A$2:$A$${evLast}," ",""),";",",")&","))`;
      const accepted = `--(Evidence!$B$2:$B$${evLast}="${ACCEPTED}")`;
      const expiry = `Evidence!$C$2:$C$${evLast}`;
      const current = `--(((${expiry}="")+(${expiry}>=${REFERENCE_CELL}))>0)`;
      grid.getCell(row, 5).value = f(`IF(SUMPRODUCT(${names},${accepted},${current})>0,1,0)`);
      grid.getCell(row, 7).value = f(`IF(SUMPRODUCT(${names},${accepted})>0,1,0)`);
      // Applicable: a number or a blank (the only texts in these grids are N/A tokens).
      grid.getCell(row, 6).value = f(`IF(ISNUMBER(D${row}),1,IF(D${row}="",1,0))`);
    }
  }

  const calc = wb.addWorksheet("Calc");
  calc.addRow(["Dimension", "SCORE", "SCORE unweighted", "DIMSCORE", "Target", "GAP", "COMPLETION", "COVERAGE", "COVERAGE all", "COVERAGE whatever the expiry"]);
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
    calc.getCell(row, CALC.coverageNoExpiry).value = f(`IF(${applicable}=0,"",SUMPRODUCT(${inDim},${G("G")},${G("F")})/${applicable})`);
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
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

  for (const a of CASES) {
    it(a.sabotage ? "catches a deliberately wrong native DIMSCORE formula" : `agrees on every dimension (${a.name})`, () => {
      const wb = recalculated.get(a);
      if (!wb) throw new Error("case not recalculated");
      const mismatches = compare(a, wb);
      if (a.sabotage) expect(mismatches.filter((m) => m.includes(" DIMSCORE ")).length).toBeGreaterThan(0);
      else expect(mismatches).toEqual([]);
    });
  }

  it("has cases with scores, with empty scores, with coverage, with expired accepted evidence and with N/A rows", () => {
    const engines = CASES.map((a) => engineResult(a));
    const dims = engines.flatMap((e) => e.dimensions);
    // Accepted items left out for their expiry: a criterion with accepted evidence, none of it current.
    const expiredOnly = CASES.flatMap((a, i) => {
      const accepted = a.evidence.filter((e) => e.status.toUpperCase() === ACCEPTED.toUpperCase());
      return engines[i]!.criteria.filter((c) => c.acceptedEvidenceCount === 0 && accepted.some((e) => splitCriterionIds(e.criteria).some((id) => id.toLowerCase() === c.id.toLowerCase())));
    });
    expect(expiredOnly.length).toBeGreaterThan(2);
    // …and accepted items expiring on the reference day itself, which count.
    expect(CASES.some((a) => a.evidence.some((e) => e.expiry === a.reference && e.status.toUpperCase() === ACCEPTED.toUpperCase()))).toBe(true);
    expect(dims.filter((d) => d.score === null).length).toBeGreaterThan(0);
    expect(dims.filter((d) => d.score !== null && d.score > 0 && d.score < 100).length).toBeGreaterThan(10);
    expect(dims.filter((d) => d.evidenceCoverage !== null && d.evidenceCoverage > 0 && d.evidenceCoverage < 1).length).toBeGreaterThan(5);
    expect(dims.filter((d) => d.notApplicable > 0).length).toBeGreaterThan(10);
  });
});

// ——— Real Qualigrid workbooks: the function on the workbook's own ranges, its engine, its formulas ———

const DAY = 86_400_000;
const now = new Date();
/** Today as LibreOffice's TODAY() gives it: the local calendar day, as a UTC day. */
const TODAY = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
const ASSESSMENT_DATE = new Date(Date.UTC(2025, 2, 31));
const [EQ, RQ] = builtinTemplates() as [Template, Template];

interface WorkbookCase {
  name: string;
  template: Template;
  lang: Lang;
  settings?: Partial<WorkbookSettings>;
  /** The reference date the expiry dates are spread around: the assessment date, else today. */
  reference: Date;
}

const WORKBOOK_CASES: WorkbookCase[] = [
  { name: "an assessment date (fr)", template: EQ, lang: "fr", settings: { assessmentDate: ASSESSMENT_DATE }, reference: ASSESSMENT_DATE },
  { name: "no assessment date, so today (en)", template: RQ, lang: "en", reference: TODAY },
];

/** A rating on most criteria (N/A on some, when the scale allows it), one register item per criterion, expiring around the reference date. */
function fillWorkbook(wb: ExcelJS.Workbook, plan: WorkbookPlan, c: WorkbookCase): void {
  const g = plan.sheets.find((s) => s.key === "grid");
  const gt = g?.tables[0];
  const e = plan.sheets.find((s) => s.key === "evidence");
  const et = e?.tables[0];
  if (!g || !gt || !e || !et) throw new Error("no grid or no register");
  const gws = wb.getWorksheet(g.name) as ExcelJS.Worksheet;
  const ews = wb.getWorksheet(e.name) as ExcelJS.Worksheet;
  const gcol = (k: string): number => columnOf(gt, k);
  const ecol = (k: string): number => columnOf(et, k);
  const ids = gt.rows.map((_, i) => String(gws.getCell(gt.top + 1 + i, gcol("criterion")).value));
  const levels = c.template.scale.levels.map((l) => l.value);
  const na = c.lang === "fr" ? "S/O" : "N/A";
  ids.forEach((_, i) => {
    const value = c.template.scale.notApplicable && i % 6 === 5 ? na : i % 9 === 8 ? null : (levels[i % levels.length] ?? null);
    gws.getCell(gt.top + 1 + i, gcol("rating")).value = value;
  });
  const status = (key: string): string => EVIDENCE_STATUSES.find((x) => x.key === key)?.text[c.lang] ?? "";
  const at = (days: number): Date => new Date(c.reference.getTime() + days * DAY);
  // Expired long ago, the day before, the very day, the day after, no date, later; every fifth item
  // only provided; some items name two criteria, so a criterion may have a current and an expired item.
  const expiries: (Date | null)[] = [at(-400), at(-1), at(0), at(1), null, at(30), at(-2)];
  ids.forEach((id, i) => {
    const row = et.top + 1 + i;
    if (row > et.top + et.rows.length) return;
    ews.getCell(row, ecol("criteria")).value = i % 4 === 3 ? `${id}; ${ids[(i + 1) % ids.length]}` : id;
    ews.getCell(row, ecol("status")).value = i % 5 === 4 ? status("provided") : status("accepted");
    ews.getCell(row, ecol("title")).value = `Doc ${i}`;
    const x = expiries[i % expiries.length] ?? null;
    if (x) ews.getCell(row, ecol("expiry")).value = x;
  });
}

interface PreparedWorkbook {
  c: WorkbookCase;
  plan: WorkbookPlan;
  input: string;
  engine: AssessmentResult;
}

const preparedWorkbooks: PreparedWorkbook[] = [];
const recalculatedWorkbooks = new Map<WorkbookCase, ExcelJS.Workbook>();

describe.skipIf(!soffice)("QG.COVERAGE(…, QG_Evidence[Expiration], QG_ReferenceDate) = engine = the workbook's coverage, recalculated by LibreOffice", () => {
  beforeAll(async () => {
    mkdirSync(path.join(dir, "workbooks"), { recursive: true });
    for (const [i, c] of WORKBOOK_CASES.entries()) {
      const plan = buildPlan(c.template, { lang: c.lang, blankRows: 20, ...(c.settings ? { settings: c.settings } : {}) });
      const wb = await renderPlanToWorkbook(plan);
      fillWorkbook(wb, plan, c);
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      const input = path.join(dir, "workbooks", `workbook-${i}.xlsx`);
      writeFileSync(input, bytes);
      // The engine reads the file as the command line does: the assessment date included.
      const read = await loadQualigridWorkbook(bytes, input);
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      preparedWorkbooks.push({ c, plan, input, engine: scoreAssessment(read.value.assessment.assessment, { today: TODAY }) });
    }
    const outputs = await recalculateMany(
      preparedWorkbooks.map((p) => p.input),
      path.join(dir, "workbooks-out"),
      { timeoutMs: 300_000 },
    );
    for (const [i, out] of outputs.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      recalculatedWorkbooks.set(preparedWorkbooks[i]!.c, wb);
    }
  }, 600_000);

  for (const c of WORKBOOK_CASES) {
    it(`agrees on every criterion, every dimension and overall: ${c.name}`, () => {
      const p = preparedWorkbooks.find((x) => x.c === c);
      const wb = recalculatedWorkbooks.get(c);
      if (!p || !wb) throw new Error("case not prepared");
      expect(compareWorkbook(p, wb)).toEqual([]);
      // The case holds what it claims: accepted evidence left out for its expiry, and some counted.
      expect(p.engine.criteria.some((x) => x.acceptedEvidenceCount < x.evidenceCount)).toBe(true);
      expect(p.engine.criteria.some((x) => x.acceptedEvidenceCount > 0)).toBe(true);
      expect(p.engine.overall.evidenceCoverage).toBeGreaterThan(0);
      expect(p.engine.overall.evidenceCoverage).toBeLessThan(1);
    });
  }
});

/** Every coverage figure on which the function, the engine and the recalculated workbook disagree. */
function compareWorkbook(p: PreparedWorkbook, wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  const { plan, engine, c } = p;
  const same = (what: string, fn: unknown, eng: number | null, book: unknown): void => {
    const values = [fn, eng, book];
    if (values.every((v) => v === null || v === "")) return;
    const numbers = values.filter((v): v is number => typeof v === "number");
    if (numbers.length < values.length || Math.max(...numbers) - Math.min(...numbers) > TOLERANCE) {
      out.push(`${what}: function ${JSON.stringify(fn)}, engine ${JSON.stringify(eng)}, workbook ${JSON.stringify(book)}`);
    }
  };
  const sheetOf = (key: string) => {
    const s = plan.sheets.find((x) => x.key === key);
    const t = s?.tables[0];
    if (!s || !t) throw new Error(`no ${key} table`);
    const ws = wb.getWorksheet(s.name) as ExcelJS.Worksheet;
    const col = (k: string): number => columnOf(t, k);
    // A table column's body, as Excel passes `Table[Column]`: one row per table row.
    const body = (k: string): unknown[][] => t.rows.map((_, i) => [asSerial(computedValue(ws.getCell(t.top + 1 + i, col(k))))]);
    return { t, ws, col, body };
  };
  const named = (name: string): unknown => {
    const n = plan.names.find((x) => x.name === name);
    return n ? computedValue((wb.getWorksheet(n.sheet) as ExcelJS.Worksheet).getCell(n.ref.replace(/\$/g, ""))) : `no name ${name}`;
  };

  const ev = sheetOf("evidence");
  const criteria = ev.body("criteria");
  const status = ev.body("status");
  const expiry = ev.body("expiry");
  const accepted = EVIDENCE_STATUSES.find((x) => x.key === "accepted")?.text[c.lang] ?? "";
  const reference = asSerial(named(NAMES.referenceDate));
  if (reference !== serialOfDay(c.settings?.assessmentDate ?? TODAY)) out.push(`QG_ReferenceDate: ${JSON.stringify(reference)}`);
  const qgCoverage = (ids: unknown[][]): unknown => coverage(ids, criteria, status, accepted, expiry, reference);

  const g = sheetOf("grid");
  const rows = g.t.rows.map((_, i) => ({
    id: computedValue(g.ws.getCell(g.t.top + 1 + i, g.col("criterion"))),
    dimension: computedValue(g.ws.getCell(g.t.top + 1 + i, g.col("dimension"))),
    na: computedValue(g.ws.getCell(g.t.top + 1 + i, g.col("notApplicable"))),
    covered: computedValue(g.ws.getCell(g.t.top + 1 + i, g.col("covered"))),
  }));
  // Per criterion: the grid's « covered » helper (applicable criteria only; N/A ones show 0).
  engine.criteria.forEach((x, i) => {
    const r = rows[i];
    if (!r || r.id !== x.id) return void out.push(`grid row ${i + 1}: ${JSON.stringify(r?.id)}, engine ${x.id}`);
    if (r.na === 1) return;
    same(`${x.id} covered`, qgCoverage([[r.id]]), x.acceptedEvidenceCount > 0 ? 1 : 0, r.covered);
  });
  const applicable = (dimension?: string): unknown[][] => rows.filter((r) => r.na === 0 && (dimension === undefined || r.dimension === dimension)).map((r) => [r.id]);

  const d = sheetOf("dashboard");
  engine.dimensions.forEach((x, i) => {
    same(`${x.id} coverage`, qgCoverage(applicable(x.id)), x.evidenceCoverage, computedValue(d.ws.getCell(d.t.top + 1 + i, d.col("coverage"))));
  });
  same("overall coverage", qgCoverage(applicable()), engine.overall.evidenceCoverage, named(NAMES.overallCoverage));
  // Without an assessment date the reference date is today: omitting it gives the same figure.
  if (!c.settings?.assessmentDate) {
    same("overall coverage, reference date omitted", coverage(applicable(), criteria, status, accepted, expiry), engine.overall.evidenceCoverage, named(NAMES.overallCoverage));
  }
  return out;
}

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
  // Excel hands a date cell to a custom function as its day serial.
  const evidenceExpiry = cells(ev, 3, 2, ev.rowCount).map(([v]) => [asSerial(v)]);
  const reference = asSerial(computedValue(ev.getCell("E1")));

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

    same(`${d.id} SCORE`, score(slice(ratingsCol), [[min]], [[max]], slice(weightsCol)), e.score, native(row, CALC.score));
    same(`${d.id} SCORE unweighted`, score(slice(ratingsCol), [[min]], [[max]]), unweighted.dimensions[i]!.score, native(row, CALC.scoreUnweighted));
    const ds = dimscore(dimensionsCol, ratingsCol, query, [[min]], [[max]], weightsCol);
    dimscores.push([ds]);
    same(`${d.id} DIMSCORE (as "${String(query)}")`, ds, e.score, native(row, CALC.dimscore));
    same(`${d.id} COMPLETION`, completion(slice(ratingsCol)), e.completion, native(row, CALC.completion));
    // The engine counts the applicable criteria: the function is given those (a filtered list).
    const applicable = d.rows.filter((r) => !(typeof r.rating === "string" && isNaToken(r.rating))).map((r) => [r.criterion]);
    same(`${d.id} COVERAGE`, coverage(applicable, evidenceCriteria, evidenceStatus, ACCEPTED, evidenceExpiry, reference), e.evidenceCoverage, native(row, CALC.coverage));
    // Every criterion of the dimension (its grid range), accepted evidence only: function and native formula.
    same(
      `${d.id} COVERAGE of all criteria`,
      coverage(slice(criteriaCol), evidenceCriteria, evidenceStatus, ACCEPTED, evidenceExpiry, reference),
      undefined,
      native(row, CALC.coverageAll),
    );
    // Without the new arguments, the function counts every accepted item, as it always did.
    same(`${d.id} COVERAGE whatever the expiry`, coverage(applicable, evidenceCriteria, evidenceStatus, ACCEPTED), undefined, native(row, CALC.coverageNoExpiry));
  });

  // GAP on the column of DIMSCORE results against the column of targets, as a sheet would spill it.
  const targets = a.dimensions.map((d) => [d.target]);
  const gaps = gap(dimscores, targets);
  a.dimensions.forEach((d, i) => same(`${d.id} GAP`, gaps[i]?.[0], engine.dimensions[i]!.gap, native(i + 2, CALC.gap)));
  return out;
}

/** A cell as Excel hands it to a custom function: a date as its day serial, anything else as it is. */
function asSerial(v: unknown): unknown {
  return v instanceof Date ? serialOfDay(v) : v;
}
