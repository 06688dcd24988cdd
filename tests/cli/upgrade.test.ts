import fs from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { HEADERS } from "../../addin/plan/labels.js";
import { DEFAULT_PLAN_OPTIONS } from "../../addin/plan/plan.build.js";
import { actionsTable, evidenceTable } from "../../addin/plan/register.plan.js";
import { pick, seededRandom } from "../support/random.js";
import { cellAddress } from "../../addin/model/cell.address.js";
import { answeredWorkbook, column, crit, demoTemplate, DEMO_IDS, dim, findTable, gridRowOf, loadXlsx, parseJson, run, scoreJson, table, tempDir, writeJson, type TableAt, type TemplateJson } from "./cli.helpers.js";

interface SummaryJson {
  file: string;
  kept: string[];
  updated: string[];
  archived: string[];
  added: string[];
  archiveSheet: string | null;
  sheetsCopied: string[];
  columnsCopied: string[];
  notesKept: string[];
  notesMoved: string[];
  notesSheet: string | null;
}

/** The values a user typed in the demo workbook, by criterion. */
const answer = (id: string, i: number): Record<string, ExcelJS.CellValue> => ({
  Rating: (i % 4) + 1,
  Comment: `comment ${id}`,
  "Evaluator rating": ((i + 1) % 4) + 1,
  "Evaluator comment": `evaluator says ${id}`,
});

const EVIDENCE = [
  { ID: "E-1", Criteria: "C1; C3", "Document title": "Board minutes", Owner: "Ann", "Location or link": "https://example.org/a", Comment: "first" },
  { ID: "E-2", Criteria: "C5", "Document title": "Policy", Owner: "Bob", "Evaluator note": "ok" },
];
const ACTIONS = [
  { ID: "A-1", Criterion: "C3", Action: "Write the policy", Owner: "Ann", "Due date": new Date(Date.UTC(2027, 0, 31)), Indicator: "policy adopted" },
  { ID: "A-2", Criterion: "C7", Action: "Train the team", Owner: "Cy", Comment: "soon" },
];

/** A filled English demo workbook: answers, evaluator columns, evidence, actions, a user column and a user sheet. */
async function filledWorkbook(dir: string): Promise<string> {
  const file = path.join(dir, "filled.xlsx");
  const json = writeJson(dir, "demo.json", demoTemplate());
  expect((await run("new", json, "-o", file, "--lang", "en")).code).toBe(0);
  const wb = await loadXlsx(file);
  const g = table(wb, "QG_Grid");
  const extraCol = g.right + 2;
  g.sheet.getCell(g.top, extraCol).value = "My notes";
  DEMO_IDS.forEach((id, i) => {
    const r = gridRowOf(g, "Criterion", id);
    for (const [h, v] of Object.entries(answer(id, i))) g.sheet.getCell(r, column(g, h)).value = v;
    g.sheet.getCell(r, extraCol).value = `note ${id}`;
  });
  for (const [name, rows] of [["QG_Evidence", EVIDENCE], ["QG_Actions", ACTIONS]] as const) {
    const t = table(wb, name);
    rows.forEach((values, i) => {
      for (const [h, v] of Object.entries(values)) t.sheet.getCell(t.top + 1 + i, column(t, h)).value = v as ExcelJS.CellValue;
    });
  }
  // The user lowers D2's target on the dashboard and sets the overall target.
  const scores = table(wb, "QG_Scores");
  for (let r = scores.top + 1; r <= scores.bottom; r++) {
    if (scores.sheet.getCell(r, column(scores, "Dimension")).value === "D2") scores.sheet.getCell(r, column(scores, "Target")).value = 55;
  }
  const overall = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(wb.definedNames.getRanges("QG_OverallTarget").ranges[0] ?? "");
  if (!overall) throw new Error("no QG_OverallTarget");
  const dash = wb.getWorksheet(overall[1]);
  if (!dash) throw new Error("no dashboard");
  dash.getCell(`${overall[2]}${overall[3]}`).value = 75;
  const notes = wb.addWorksheet("My sheet");
  notes.getCell("A1").value = "hello";
  notes.getCell("B2").value = 42;
  notes.getCell("C2").value = { formula: "B2*2", result: 84 };
  await wb.xlsx.writeFile(file);
  return file;
}

/** Version 1.3.0: C3 removed, C17 added, C5's text changed, C7's weight changed. */
function nextVersion(version = "1.3.0"): TemplateJson {
  const t = demoTemplate();
  t.version = version;
  dim(t, 0).criteria.splice(2, 1);
  crit(t, 1, 0).text = { fr: "Nouvel énoncé C5", en: "New statement C5" };
  crit(t, 2, 0).weight = 2;
  dim(t, 0).target = 85;
  dim(t, 3).criteria.push({ id: "C17", text: { fr: "Critère ajouté", en: "Added criterion" } });
  return t;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === "object" && "formula" in v) return `=${v.formula}`;
  return String(v ?? "");
}

describe("qualigrid upgrade", () => {
  it("keeps every user-entered value: grid, evaluator columns, user column, evidence, actions, user sheet; archives removed criteria", async () => {
    const dir = tempDir();
    const file = await filledWorkbook(dir);
    const tpl = writeJson(dir, "v2.json", nextVersion());
    const out = path.join(dir, "out.xlsx");
    const r = await run("upgrade", file, "--template", tpl, "-o", out, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const s = parseJson<SummaryJson>(r.out);
    expect(s.archived).toEqual(["C3"]);
    expect(s.added).toEqual(["C17"]);
    expect([...s.updated].sort()).toEqual(["C5", "C7"]);
    expect(s.kept).toEqual(DEMO_IDS.filter((id) => !["C3", "C5", "C7"].includes(id)));
    expect(s.sheetsCopied).toEqual(["My sheet"]);
    expect(s.columnsCopied).toEqual(["My notes"]);

    const wb = await loadXlsx(out);
    const g = table(wb, "QG_Grid");
    const notesCol = g.right + 1;
    expect(g.sheet.getCell(g.top, notesCol).value).toBe("My notes");
    DEMO_IDS.forEach((id, i) => {
      if (id === "C3") return;
      const row = gridRowOf(g, "Criterion", id);
      for (const [h, v] of Object.entries(answer(id, i))) expect(g.sheet.getCell(row, column(g, h)).value, `${id} ${h}`).toBe(v);
      expect(g.sheet.getCell(row, notesCol).value).toBe(`note ${id}`);
    });
    const c17 = gridRowOf(g, "Criterion", "C17");
    for (const h of ["Rating", "Comment", "Evaluator rating", "Evaluator comment"]) expect(g.sheet.getCell(c17, column(g, h)).value ?? null).toBeNull();
    expect(g.sheet.getCell(gridRowOf(g, "Criterion", "C5"), column(g, "Statement")).value).toBe("New statement C5");
    expect(g.sheet.getCell(gridRowOf(g, "Criterion", "C7"), column(g, "Weight")).value).toBe(2);
    expect(() => gridRowOf(g, "Criterion", "C3")).toThrow();

    // The archive holds C3's row whole: its answers and the user's note.
    const archive = wb.getWorksheet("Archive");
    expect(archive).toBeDefined();
    const archived: string[] = [];
    archive?.eachRow((row) => row.eachCell((c) => void archived.push(cellText(c.value))));
    for (const v of [...Object.values(answer("C3", 2)).map(cellText), "note C3", "C3", "My notes", "Rating"]) expect(archived).toContain(v);

    for (const [name, rows] of [["QG_Evidence", EVIDENCE], ["QG_Actions", ACTIONS]] as const) {
      const t = table(wb, name);
      rows.forEach((values, i) => {
        for (const [h, v] of Object.entries(values)) {
          expect(cellText(t.sheet.getCell(t.top + 1 + i, column(t, h)).value), `${name} ${h}`).toBe(cellText(v as ExcelJS.CellValue));
        }
      });
    }
    const mine = wb.getWorksheet("My sheet");
    expect(mine?.getCell("A1").value).toBe("hello");
    expect(mine?.getCell("B2").value).toBe(42);
    expect(mine?.getCell("C2").formula).toBe("B2*2");

    // The result is a workbook the other commands read.
    // Targets: the user's (D2, overall) kept, the template's own new target (D1) applied.
    const score = await run("score", out, "--json");
    expect(score.code).toBe(0);
    const sj = scoreJson(score.out);
    expect(sj.template.version).toBe("1.3.0");
    expect(sj.dimensions.map((d) => [d.id, d.target])).toEqual([["D1", 85], ["D2", 55], ["D3", 70], ["D4", 70]]);
    expect(sj.overall["target"]).toBe(75);
  });

  it("prints a summary of kept, updated, archived and added criteria", async () => {
    const dir = tempDir();
    const file = await filledWorkbook(dir);
    const r = await run("upgrade", file, "--template", writeJson(dir, "v2.json", nextVersion()));
    expect(r.code).toBe(0);
    expect(r.out).toContain("1.2.0 → demo-cli 1.3.0");
    expect(r.out).toMatch(/kept: 13 \(/);
    expect(r.out).toContain("updated: 2 (C5, C7)");
    expect(r.out).toContain("archived: 1 (C3) → sheet Archive");
    expect(r.out).toContain("added: 1 (C17)");
    // In place: the file itself was upgraded.
    const wb = await loadXlsx(file);
    expect(wb.getWorksheet("Archive")).toBeDefined();
  });

  it("refuses an equal or older version and another template unless forced, writing nothing", async () => {
    const dir = tempDir();
    const file = await filledWorkbook(dir);
    const before = fs.readFileSync(file);
    for (const version of ["1.2.0", "1.1.9", "0.9.0"]) {
      const r = await run("upgrade", file, "--template", writeJson(dir, `v${version}.json`, nextVersion(version)));
      expect(r.code, version).toBe(2);
      expect(r.err).toMatch(/not higher than the workbook's version 1\.2\.0.*--force/);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }
    const other = { ...nextVersion("2.0.0"), id: "other-grid" };
    const r = await run("upgrade", file, "--template", writeJson(dir, "other.json", other));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/other-grid.*demo-cli.*--force/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    const forced = await run("upgrade", file, "--template", path.join(dir, "v1.1.9.json"), "--force", "-o", path.join(dir, "forced.xlsx"));
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("leaves the file byte for byte unchanged when the upgrade fails", async () => {
    const dir = tempDir();
    const file = await filledWorkbook(dir);
    const before = fs.readFileSync(file);
    const bad = writeJson(dir, "bad.json", { ...nextVersion(), scale: "nonsense" });
    expect((await run("upgrade", file, "--template", bad)).code).toBe(2);
    expect((await run("upgrade", file, "--template", path.join(dir, "missing.json"))).code).toBe(2);
    expect((await run("upgrade", file, "--template", writeJson(dir, "v2.json", nextVersion()), "-o", path.join(dir, "no", "such", "out.xlsx"))).code).toBe(2);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

/** A random template: 1–3 dimensions of 1–5 criteria, scale 1–4. */
function randomTemplate(rand: () => number, seed: number): TemplateJson {
  const t = demoTemplate();
  t.id = `prop-${seed}`;
  t.version = `${Math.floor(rand() * 3)}.${Math.floor(rand() * 5)}.${Math.floor(rand() * 5)}`;
  let n = 0;
  t.dimensions = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, d) => ({
    id: `D${d + 1}`,
    title: { fr: `Dimension ${d + 1}`, en: `Dimension ${d + 1}` },
    criteria: Array.from({ length: 1 + Math.floor(rand() * 5) }, () => {
      n++;
      return { id: `K${n}`, text: { fr: `Critère K${n}`, en: `Criterion K${n}` }, weight: 1 + Math.floor(rand() * 3) };
    }),
  }));
  return t;
}

/** A random next version: some criteria removed, texts and weights changed, criteria and a dimension added. */
function randomNext(rand: () => number, old: TemplateJson, firstId = 100): TemplateJson {
  const t = parseJson<TemplateJson>(JSON.stringify(old));
  const [major = 0, minor = 0, patch = 0] = t.version.split(".").map(Number);
  t.version = pick(rand, [`${major + 1}.0.0`, `${major}.${minor + 1}.0`, `${major}.${minor}.${patch + 1}`]);
  let added = firstId;
  for (const d of t.dimensions) {
    d.criteria = d.criteria.filter(() => rand() > 0.25);
    for (const c of d.criteria) {
      if (rand() < 0.2) c.text = { fr: `Nouvel énoncé ${c.id}`, en: `New statement ${c.id}` };
      if (rand() < 0.2) c.weight = 4;
    }
    if (rand() < 0.5) d.criteria.push({ id: `N${added++}`, text: { fr: "Ajouté", en: "Added" } });
    if (d.criteria.length === 0) d.criteria.push({ id: `N${added++}`, text: { fr: "Ajouté", en: "Added" } });
  }
  if (rand() < 0.3 && !t.dimensions.some((d) => d.id === "DX")) t.dimensions.push({ id: "DX", title: { fr: "Nouvelle", en: "New" }, criteria: [{ id: `N${added++}`, text: "Added" }] });
  return t;
}

/** Every cell's value in a workbook as text (formulas as `=…`), for "is it still somewhere" checks. */
async function allValues(file: string): Promise<Set<string>> {
  const wb = await loadXlsx(file);
  const out = new Set<string>();
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => void out.add(cellText(c.value))));
  return out;
}

/** A table's exceljs model, to change its range and columns as Excel does when a user extends it. */
interface TableModel {
  tableRef: string;
  autoFilterRef?: string;
  columns: { name: string; filterButton?: boolean }[];
}

function tableModel(t: TableAt): TableModel {
  const tables = (t.sheet as unknown as { tables: Record<string, { table: TableModel }> }).tables;
  const found = Object.values(tables).find((x) => x.table.tableRef.startsWith(cellAddress(t.top, t.left)));
  if (!found) throw new Error("table model not found");
  return found.table;
}

/** Gives a table a new bottom-right corner (rows or columns the user added to it). */
function extendTable(t: TableAt, bottom: number, right: number): void {
  const m = tableModel(t);
  const ref = `${cellAddress(t.top, t.left)}:${cellAddress(bottom, right)}`;
  m.tableRef = ref;
  if (m.autoFilterRef !== undefined) m.autoFilterRef = ref;
}

/**
 * Random user edits of a Qualigrid workbook (`round` tells rounds apart): ratings and comments,
 * user columns right of the grid or appended to it, a sorted grid, filters (filter buttons hidden,
 * rows hidden as a filter leaves them), register rows (within the blank rows and added below them,
 * extending the tables), notes typed outside the tables on Qualigrid sheets, and a user sheet.
 * Every text typed is pushed to `entered`; ratings given go to `ratings` (criterion → level).
 */
function userEdits(wb: ExcelJS.Workbook, rand: () => number, lang: "fr" | "en", tag: string, entered: string[], ratings: Map<string, number>): void {
  const g = table(wb, "QG_Grid");
  const H = HEADERS.grid;
  const text = (what: string): string => {
    const v = `${what}-${tag}-${Math.floor(rand() * 1e6)}`;
    entered.push(v);
    return v;
  };
  // Typing over a value entered earlier replaces it: that one is no longer expected anywhere.
  const put = (cell: ExcelJS.Cell, what: string): void => {
    const before = cell.value;
    const i = typeof before === "string" ? entered.indexOf(before) : -1;
    if (i >= 0) entered.splice(i, 1);
    cell.value = text(what);
  };
  // Random answers, and user columns right of the grid (after those an earlier round added).
  let x0 = g.right + 1;
  const used = (c: number): boolean => {
    for (let r = g.top; r <= g.bottom; r++) if (!blankValue(g.sheet.getCell(r, c).value)) return true;
    return false;
  };
  while (used(x0)) x0++;
  const extraCols = Math.floor(rand() * 3);
  for (let k = 0; k < extraCols; k++) put(g.sheet.getCell(g.top, x0 + k), `hdr${k}`);
  for (let r = g.top + 1; r <= g.bottom; r++) {
    const id = String(g.sheet.getCell(r, column(g, H.criterion[lang])).value);
    if (rand() < 0.8) {
      const level = 1 + Math.floor(rand() * 4);
      ratings.set(id, level);
      g.sheet.getCell(r, column(g, H.rating[lang])).value = level;
    }
    if (rand() < 0.7) put(g.sheet.getCell(r, column(g, H.comment[lang])), `c-${id}`);
    if (rand() < 0.4) put(g.sheet.getCell(r, column(g, H.evaluatorComment[lang])), `e-${id}`);
    for (let k = 0; k < extraCols; k++) if (rand() < 0.6) put(g.sheet.getCell(r, x0 + k), `x-${id}`);
  }
  // Sorted rows: the grid's rows in another order (every cell of the row moves, as a sort does).
  if (rand() < 0.5 && g.bottom > g.top + 1) {
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = g.top + 1; r <= g.bottom; r++) {
      const vals: ExcelJS.CellValue[] = [];
      for (let c = g.left; c < x0 + extraCols; c++) vals.push(g.sheet.getCell(r, c).value);
      rows.push(vals);
    }
    rows.reverse();
    rows.forEach((vals, i) => vals.forEach((v, j) => (g.sheet.getCell(g.top + 1 + i, g.left + j).value = v)));
  }
  // A user column appended to the grid table itself (Excel extends the table when a header is typed next to it).
  if (extraCols > 0 && x0 === g.right + 1 && rand() < 0.5) {
    const header = g.sheet.getCell(g.top, x0).value;
    tableModel(g).columns.push({ name: String(header), filterButton: true });
    extendTable(g, g.bottom, x0);
  }
  // Filters: some filter buttons hidden, some rows hidden as a filter leaves them.
  if (rand() < 0.5) {
    for (const c of tableModel(g).columns) if (rand() < 0.3) c.filterButton = false;
    for (let r = g.top + 1; r <= g.bottom; r++) if (rand() < 0.3) g.sheet.getRow(r).hidden = true;
  }
  // Evidence and action rows in every input column, some below the generated blank rows (the table extended).
  const opts = { ...DEFAULT_PLAN_OPTIONS, lang };
  for (const p of [evidenceTable(opts), actionsTable(opts)]) {
    const t = findTable(wb, p.name);
    if (!t) continue;
    let bottom = t.bottom;
    const fill = (row: number): void => {
      for (const c of p.columns) if (c.input && !c.validation && rand() < 0.7) put(t.sheet.getCell(row, column(t, c.header)), `${p.name}-${c.key}`);
    };
    const n = Math.floor(rand() * 6);
    for (let i = 0; i < n; i++) fill(t.top + 1 + i);
    if (rand() < 0.4) {
      bottom = t.bottom + 1 + Math.floor(rand() * 4);
      for (let r = t.bottom + 1; r <= bottom; r++) fill(r);
      extendTable(t, bottom, t.right);
    }
  }
  // Notes outside the tables: under the grid, beside the dashboard, under the registers.
  const spots: [string, number, number][] = [];
  for (let i = 0; i < 1 + Math.floor(rand() * 3); i++) spots.push([g.sheet.name, g.bottom + 1 + Math.floor(rand() * 4), 1 + Math.floor(rand() * 6)]);
  const dash = findTable(wb, "QG_Scores");
  if (dash && rand() < 0.7) spots.push([dash.sheet.name, 1 + Math.floor(rand() * 12), 20 + Math.floor(rand() * 3)]);
  for (const name of ["QG_Evidence", "QG_Actions"]) {
    const t = findTable(wb, name);
    if (t && rand() < 0.5) spots.push([t.sheet.name, t.bottom + 2 + Math.floor(rand() * 3), 1 + Math.floor(rand() * 4)]);
  }
  for (const [sheet, row, col] of spots) {
    const cell = wb.getWorksheet(sheet)?.getCell(row, col);
    if (cell && blankValue(cell.value)) cell.value = text("note");
  }
  // A user sheet.
  if (rand() < 0.7) {
    const ws = wb.addWorksheet(`Sheet ${tag}`);
    for (let i = 1; i <= 5; i++) if (rand() < 0.7) ws.getCell(i, 1 + Math.floor(rand() * 4)).value = text("sheet");
  }
}

function blankValue(v: ExcelJS.CellValue): boolean {
  return v === null || v === undefined || v === "";
}

/** Ratings: in the new grid for criteria of `next`, else in a row of the archive with the criterion. */
function expectRatings(wb: ExcelJS.Workbook, s: SummaryJson, next: TemplateJson, lang: "fr" | "en", ratings: Map<string, number>): void {
  const H = HEADERS.grid;
  const ng = table(wb, "QG_Grid");
  const archive = s.archiveSheet ? wb.getWorksheet(s.archiveSheet) : wb.getWorksheet("Archive");
  const nextIds = new Set(next.dimensions.flatMap((d) => d.criteria.map((c) => c.id)));
  for (const [id, level] of ratings) {
    if (nextIds.has(id)) {
      expect(ng.sheet.getCell(gridRowOf(ng, H.criterion[lang], id), column(ng, H.rating[lang])).value, id).toBe(level);
    } else {
      let found = false;
      archive?.eachRow((row) => {
        const cells: ExcelJS.CellValue[] = [];
        row.eachCell((c) => void cells.push(c.value));
        if (cells.includes(id) && cells.includes(level)) found = true;
      });
      expect(found, `${id} rating in the archive`).toBe(true);
    }
  }
  expect([...s.kept, ...s.updated, ...s.added].sort()).toEqual([...nextIds].sort());
}

async function upgradeJson(dir: string, file: string, next: TemplateJson, out: string): Promise<SummaryJson> {
  const r = await run("upgrade", file, "--template", writeJson(dir, `next-${next.version}.json`, next), "-o", out, "--json");
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return parseJson<SummaryJson>(r.out);
}

describe("qualigrid upgrade, property: no user-entered value is lost", () => {
  for (let seed = 1; seed <= 20; seed++) {
    it(`random template, answers, edits, filters, extended tables, notes and two upgrades (seed ${seed})`, async () => {
      const rand = seededRandom(seed * 7919);
      const dir = tempDir();
      const lang = pick(rand, ["fr", "en"] as const);
      const tpl = randomTemplate(rand, seed);
      const file = path.join(dir, "old.xlsx");
      expect((await run("new", writeJson(dir, "old.json", tpl), "-o", file, "--lang", lang)).code).toBe(0);
      const entered: string[] = [];
      const ratings = new Map<string, number>();

      const wb = await loadXlsx(file);
      userEdits(wb, rand, lang, `${seed}a`, entered, ratings);
      await wb.xlsx.writeFile(file);
      const next = randomNext(rand, tpl);
      const out = path.join(dir, "new.xlsx");
      const s = await upgradeJson(dir, file, next, out);
      const values = await allValues(out);
      for (const v of entered) expect(values.has(v), `${v} lost by the first upgrade`).toBe(true);
      expectRatings(await loadXlsx(out), s, next, lang, ratings);

      // A second upgrade of the upgraded workbook, after more edits.
      const wb2 = await loadXlsx(out);
      userEdits(wb2, rand, lang, `${seed}b`, entered, ratings);
      await wb2.xlsx.writeFile(out);
      const next2 = randomNext(rand, next, 200);
      const out2 = path.join(dir, "new2.xlsx");
      const s2 = await upgradeJson(dir, out, next2, out2);
      const values2 = await allValues(out2);
      for (const v of entered) expect(values2.has(v), `${v} lost by the second upgrade`).toBe(true);
      const final = await loadXlsx(out2);
      expectRatings(final, s2, next2, lang, ratings);
      // One archive and one notes sheet at most, whatever the number of upgrades.
      expect(final.worksheets.filter((w) => /^Archive \d/.test(w.name))).toEqual([]);
      expect(final.worksheets.filter((w) => /^Notes .* \d$/.test(w.name))).toEqual([]);
    });
  }
});

describe("qualigrid upgrade: what moved each dimension's score", () => {
  it("gives every dimension's score before and after, with the criteria archived, added or updated in it", async () => {
    const dir = tempDir();
    // Ratings 1,2,3,4 in turn (C16 N/A); scale 1–4. Worked out by hand:
    // D1 (C1 w1 =1, C2 w2 =2, C3 w1 =3, C4 w1 =4): before 100·(0 + 2·⅓ + ⅔ + 1)/5 = 46.67; C3 archived → 100·(2·⅓ + 1)/4 = 41.67.
    // D3 (C7 =3, C8 =4, C9 =1, C10 =2): before 100·(⅔ + 1 + 0 + ⅓)/4 = 50; C7's weight 1 → 2: 100·(2·⅔ + 1 + ⅓)/5 = 53.33.
    const file = await answeredWorkbook(dir, "en");
    const r = await run("upgrade", file, "--template", writeJson(dir, "v2.json", nextVersion()), "--json");
    expect(r.code, r.err).toBe(0);
    const s = parseJson<{ dimensions: { id: string; before: number | null; after: number | null; archived: string[]; added: string[]; updated: string[] }[] }>(r.out);
    const round = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);
    expect(s.dimensions.map((d) => ({ ...d, before: round(d.before), after: round(d.after) }))).toEqual([
      { id: "D1", before: 46.67, after: 41.67, archived: ["C3"], added: [], updated: [] },
      { id: "D2", before: 25, after: 25, archived: [], added: [], updated: ["C5"] },
      { id: "D3", before: 50, after: 53.33, archived: [], added: [], updated: ["C7"] },
      { id: "D4", before: 53.33, after: 53.33, archived: [], added: ["C17"], updated: [] },
    ]);
  });
});
