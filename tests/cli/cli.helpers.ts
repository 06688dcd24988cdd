// Helpers for the command-line tests: run `main` in-process with a capturing io, make temp
// folders, read workbooks back with exceljs (independently of the project's own reader).
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { main } from "../../addin/cli/main.js";

const made: string[] = [];

// The temp folders of a test file are removed after it (set QG_KEEP_TMP=1 to keep them for a look).
afterAll(() => {
  if (process.env.QG_KEEP_TMP) return;
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** What one run of the command line printed and returned. */
export interface RunResult {
  code: number;
  /** Everything written to `out`, joined with newlines. */
  out: string;
  /** Everything written to `err`, joined with newlines. */
  err: string;
  /** Each `err` call, one entry per message. */
  errLines: string[];
}

/**
 * The system locale the in-process runs see, whatever the machine's: French, as our users' (the
 * commands that open a workbook speak its language; `--lang` still wins).
 */
export const TEST_LOCALE = { LANG: "fr_CA.UTF-8" } as const;

/** Runs `qualigrid <argv…>` in-process, under the French test locale. */
export async function run(...argv: string[]): Promise<RunResult> {
  return runIn(TEST_LOCALE, ...argv);
}

/** Runs `qualigrid <argv…>` in-process under the system locale `env` (`{ LANG: "en_US.UTF-8" }`). */
export async function runIn(env: Readonly<Record<string, string>>, ...argv: string[]): Promise<RunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t) }, env);
  return { code, out: out.join("\n"), err: err.join("\n"), errLines: err.flatMap((e) => e.split("\n")).filter((l) => l.trim() !== "") };
}

/** A fresh temporary folder for one test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qg-"));
  made.push(dir);
  return dir;
}

/** Writes a text file (UTF-8) and returns its path. */
export function writeText(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text, "utf8");
  return file;
}

/** Writes a template object as JSON and returns its path. */
export function writeJson(dir: string, name: string, json: unknown): string {
  return writeText(dir, name, `${JSON.stringify(json, null, 2)}\n`);
}

/** The five built-in template ids. */
export const BUILTIN_IDS = ["engagement-qualite", "rqiiac-conditions", "specifique-engagement", "donner-le-cap", "partenariat-usagers"];

/** The sheet names of a workbook, by language. */
export const SHEETS = {
  fr: { grid: "Grille", evidence: "Preuves", actions: "Plan d'action", dashboard: "Tableau de bord", template: "Modèle", lists: "Listes" },
  en: { grid: "Assessment", evidence: "Evidence", actions: "Action plan", dashboard: "Dashboard", template: "Template", lists: "Lists" },
} as const;

/** The stable table names. */
export const TABLE_NAMES = ["QG_Grid", "QG_Evidence", "QG_Actions", "QG_Scores", "QG_TemplateInfo", "QG_TemplateItems"];

/** A criterion of template JSON, as the tests write and read it. */
export interface CriterionJson {
  [key: string]: unknown;
  id: string;
  text?: unknown;
  guidance?: unknown;
  evidence?: unknown;
  weight?: number;
  targetLevel?: number;
}

/** A dimension of template JSON. */
export interface DimensionJson {
  [key: string]: unknown;
  id: string;
  title?: unknown;
  weight?: number;
  target?: number;
  criteria: CriterionJson[];
}

/** Template JSON (design.md, "Template JSON"), as the tests write it and as `show --json` prints it. */
export interface TemplateJson {
  [key: string]: unknown;
  id: string;
  version: string;
  title?: unknown;
  source?: unknown;
  scale: { levels: { value: number; label: unknown }[]; notApplicable?: boolean };
  target?: number;
  targetLevel?: number;
  dimensions: DimensionJson[];
}

/** One dimension of `score --json` (design.md). */
export interface ScoreDimensionJson {
  id: string;
  score: number | null;
  target: number;
  gap: number | null;
  answered: number;
  notApplicable: number;
  total: number;
  completion: number;
  evidenceCoverage: number | null;
  /** design.md "The evaluator": present when the grid has the evaluator's columns. */
  evaluator?: ScoreEvaluatorJson;
}

/** The evaluator's figures in `score --json`. */
export interface ScoreEvaluatorJson {
  score: number | null;
  gap: number | null;
  answered: number;
  both: number;
  withinTolerance: number | null;
  meanAbsDiff: number | null;
}

/** `score --json` (design.md). */
export interface ScoreJson {
  template: { id: string; version: string };
  overall: { score: number | null; completion: number; [key: string]: unknown };
  dimensions: ScoreDimensionJson[];
}

/** Item `i` of a list; fails the test when there is none. */
export function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i} in a list of ${list.length}`);
  return item;
}

/** Dimension `d` of a template. */
export function dim(t: TemplateJson, d: number): DimensionJson {
  return at(t.dimensions, d);
}

/** Criterion `c` of dimension `d` of a template. */
export function crit(t: TemplateJson, d: number, c: number): CriterionJson {
  return at(dim(t, d).criteria, c);
}

/**
 * A small template written for these tests, so scores are easy to compute by hand:
 * scale 1–4 (min 1, max 4), default target 70, default target level 3.
 * - D1 (weight 2, target 80): C1 (w 1), C2 (w 2), C3 (w 1), C4 (w 1)
 * - D2 (weight 1): C5 (w 1), C6 (w 3)
 * - D3 (weight 1): C7, C8, C9, C10
 * - D4 (weight 1): C11 … C16
 */
export function demoTemplate(): TemplateJson {
  const c = (id: string, weight?: number): CriterionJson => ({
    id,
    text: { fr: `Énoncé du critère ${id}`, en: `Statement of criterion ${id}` },
    ...(weight === undefined ? {} : { weight }),
  });
  return {
    id: "demo-cli",
    version: "1.2.0",
    title: { fr: "Grille de démonstration", en: "Demo grid" },
    source: "Écrit pour les tests de la ligne de commande",
    scale: {
      levels: [
        { value: 1, label: { fr: "Non atteint", en: "Not met" } },
        { value: 2, label: { fr: "Partiel", en: "Partial" } },
        { value: 3, label: { fr: "Atteint", en: "Met" } },
        { value: 4, label: { fr: "Dépassé", en: "Exceeded" } },
      ],
      notApplicable: true,
    },
    target: 70,
    targetLevel: 3,
    dimensions: [
      { id: "D1", title: { fr: "Gouvernance", en: "Governance" }, weight: 2, target: 80, criteria: [c("C1", 1), c("C2", 2), c("C3"), c("C4")] },
      { id: "D2", title: { fr: "Offre de service", en: "Service offer" }, criteria: [c("C5"), c("C6", 3)] },
      { id: "D3", title: { fr: "Communication interne", en: "Internal communication" }, criteria: [c("C7"), c("C8"), c("C9"), c("C10")] },
      { id: "D4", title: { fr: "Partenaires", en: "Partners" }, criteria: [c("C11"), c("C12"), c("C13"), c("C14"), c("C15"), c("C16")] },
    ],
  };
}

/** The criterion ids of the demo template, in order. */
export const DEMO_IDS = Array.from({ length: 16 }, (_, i) => `C${i + 1}`);

/** Writes the demo template and a new workbook made from it; returns both paths. */
export async function newDemoWorkbook(dir: string, lang: "fr" | "en" = "fr", name = "grid.xlsx"): Promise<{ json: string; xlsx: string }> {
  const json = writeJson(dir, "demo.json", demoTemplate());
  const xlsx = path.join(dir, name);
  const r = await run("new", json, "-o", xlsx, "--lang", lang);
  if (r.code !== 0) throw new Error(`qualigrid new failed (${r.code}): ${r.err}`);
  return { json, xlsx };
}

/** Loads a workbook file with exceljs. */
export async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

/** A table as found in a worksheet: its sheet, its range and its headers. */
export interface TableAt {
  sheet: ExcelJS.Worksheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
  headers: string[];
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Finds a table by name in a loaded workbook (undefined when absent). */
export function findTable(wb: ExcelJS.Workbook, name: string): TableAt | undefined {
  for (const sheet of wb.worksheets) {
    const tables = (sheet as unknown as { tables?: Record<string, { table?: { name?: string; tableRef?: string; ref?: string } }> }).tables ?? {};
    for (const [key, t] of Object.entries(tables)) {
      const model = t.table ?? {};
      if ((model.name ?? key).toLowerCase() !== name.toLowerCase()) continue;
      const ref = model.tableRef ?? model.ref ?? "";
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
      if (!m) throw new Error(`table ${name} has an unexpected ref ${ref}`);
      const top = Number(m[2]);
      const left = colNumber(m[1] as string);
      const right = colNumber(m[3] as string);
      const headers: string[] = [];
      for (let c = left; c <= right; c++) headers.push(String(sheet.getCell(top, c).value ?? ""));
      return { sheet, top, left, bottom: Number(m[4]), right, headers };
    }
  }
  return undefined;
}

/** Like findTable, but fails when the table is missing. */
export function table(wb: ExcelJS.Workbook, name: string): TableAt {
  const t = findTable(wb, name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

/** The worksheet column number of a table column, found by its header. */
export function column(t: TableAt, header: string): number {
  const i = t.headers.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in [${t.headers.join(", ")}]`);
  return t.left + i;
}

/** The worksheet row of a criterion in the grid table (the column headed `criterionHeader`). */
export function gridRowOf(t: TableAt, criterionHeader: string, id: string): number {
  const col = column(t, criterionHeader);
  for (let r = t.top + 1; r <= t.bottom; r++) if (String(t.sheet.getCell(r, col).value) === id) return r;
  throw new Error(`criterion ${id} not found in the grid`);
}

/** The names in a French workbook's `QG_Respondents`, in order. */
export async function respondentNames(file: string): Promise<string[]> {
  const wb = await loadXlsx(file);
  const t = table(wb, "QG_Respondents");
  const c = column(t, "Répondant");
  const out: string[] = [];
  for (let r = t.top + 1; r <= t.bottom; r++) out.push(String(t.sheet.getCell(r, c).value));
  return out;
}

/** The cell of a criterion's row in one grid column, e.g. its rating cell. */
export function gridCell(wb: ExcelJS.Workbook, lang: "fr" | "en", id: string, header: string): ExcelJS.Cell {
  const t = table(wb, "QG_Grid");
  return t.sheet.getCell(gridRowOf(t, lang === "fr" ? "Critère" : "Criterion", id), column(t, header));
}

/** Parses the JSON `score --json` printed. */
export function scoreJson(text: string): ScoreJson {
  return parseJson<ScoreJson>(text);
}

/** Parses the JSON `show --json` printed. */
export function templateJson(text: string): TemplateJson {
  return parseJson<TemplateJson>(text);
}

/** Parses the JSON a command printed (fails the test with the text when it does not parse). */
export function parseJson<T = unknown>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new Error(`not JSON: ${String(e)}\n${text}`);
  }
}

/** A demo workbook (French unless told) with every criterion answered from a hand-written CSV: levels 1–4 in turn, C16 not applicable. */
export async function answeredWorkbook(dir: string, lang: "fr" | "en" = "fr"): Promise<string> {
  const { xlsx } = await newDemoWorkbook(dir, lang);
  const lines = DEMO_IDS.map((id, i) => `${id},${id === "C16" ? "N/A" : (i % 4) + 1},`);
  const csv = writeText(dir, "answers.csv", ["criterion,rating,comment", ...lines, ""].join("\n"));
  const r = await run("fill", xlsx, "--answers", csv);
  if (r.code !== 0) throw new Error(r.err);
  return xlsx;
}

/** Opens a workbook with exceljs, lets `edit` change it, and saves it in place. */
export async function editWorkbook(file: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = await loadXlsx(file);
  edit(wb);
  await wb.xlsx.writeFile(file);
}
