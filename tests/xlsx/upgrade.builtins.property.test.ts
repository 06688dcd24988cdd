/**
 * Property: each built-in's shipped 1.0.0 (tests/fixtures/builtins-1.0.0/*.json) upgraded to its
 * reworked 2.0.0 (templates/*.json), with seeded random answers of every kind (levels, N/A, blanks, values
 * outside the scale, comments, evaluator ratings and comments, a column of the user's own): every
 * old answer is in the new workbook at its criterion (as it was, or mapped by the criterion's
 * `levelMap`; a comment inside the merged one), or listed for review, or archived. Nothing is lost.
 */
import { readFileSync } from "node:fs";
import type ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import type { UpgradeReviewItem } from "../../addin/host/host.outcomes.js";
import { isNaToken } from "../../addin/model/scale.js";
import { parseTemplateText } from "../../addin/model/template.parse.js";
import type { Criterion, Lang, Template } from "../../addin/model/template.types.js";
import { HEADERS } from "../../addin/plan/labels.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { findTables, type FoundTable } from "../../addin/xlsx/xlsx.tables.js";
import { upgradeWorkbook } from "../../addin/xlsx/xlsx.upgrade.js";
import { pick, seededRandom } from "../support/random.js";

const PAIRS = [
  ["engagement-qualite", "engagement-qualite"],
  ["has-donner-le-cap", "donner-le-cap"],
  ["partenariat-usagers", "partenariat-usagers"],
  ["rqiiac-conditions", "rqiiac-conditions"],
  ["specifique-engagement", "specifique-engagement"],
] as const;
const SEEDS = [11, 12, 13];
const MINE = "Mes notes";

function template(path: string): Template {
  const r = parseTemplateText(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"), path);
  if (!r.ok) throw new Error(`${path}: ${JSON.stringify(r.issues)}`);
  return r.value;
}

type Field = "rating" | "comment" | "evaluatorRating" | "evaluatorComment";
const FIELDS: Field[] = ["rating", "comment", "evaluatorRating", "evaluatorComment"];

interface Given {
  id: string;
  header: string;
  value: ExcelJS.CellValue;
  field: Field | "mine";
}

function col(t: FoundTable, header: string): number {
  const i = t.headers.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${t.name}`);
  return t.left + i;
}

/** Fills the old grid at random; returns every non-blank value typed. */
function fill(t: FoundTable, old: Template, lang: Lang, rand: () => number): Given[] {
  const given: Given[] = [];
  const idCol = col(t, HEADERS.grid.criterion[lang]);
  const mineCol = t.right + 2;
  t.sheet.getCell(t.top, mineCol).value = MINE;
  const levels = old.scale.levels.map((l) => l.value);
  const ratings: ExcelJS.CellValue[] = [null, null, ...levels, ...levels, ...(old.scale.notApplicable ? ["N/A", "S. O."] : []), 9];
  for (let r = t.top + 1; r <= t.bottom; r++) {
    const id = String(t.sheet.getCell(r, idCol).value);
    const values: Record<Field | "mine", ExcelJS.CellValue> = {
      rating: pick(rand, ratings),
      comment: rand() < 0.5 ? `commentaire ${id} ${Math.floor(rand() * 1000)}` : null,
      evaluatorRating: rand() < 0.5 ? pick(rand, ratings) : null,
      evaluatorComment: rand() < 0.3 ? `évaluateur ${id}` : null,
      mine: rand() < 0.3 ? `note ${id} ${Math.floor(rand() * 10)}` : null,
    };
    for (const f of [...FIELDS, "mine"] as const) {
      const v = values[f];
      if (v === null) continue;
      const header = f === "mine" ? MINE : HEADERS.grid[f][lang];
      t.sheet.getCell(r, f === "mine" ? mineCol : col(t, header)).value = v;
      given.push({ id, header, value: v, field: f });
    }
  }
  return given;
}

function sameAnswer(a: ExcelJS.CellValue, b: ExcelJS.CellValue): boolean {
  if (typeof a === "string" && typeof b === "string" && isNaToken(a) && isNaToken(b)) return true;
  return a === b;
}

/** The reasons for review met, to show each kind of old answer was exercised. */
const REASONS = new Set<string>();

describe("upgrading each built-in from 1.0.0 to 2.0.0 loses no answer", () => {
  afterAll(() => {
    // Ratings of questions now in words, merged rows that differ, values no new scale has.
    for (const r of ["donner-le-cap:textQuestion", "specifique-engagement:merged", "partenariat-usagers:textQuestion", "rqiiac-conditions:notALevel"]) {
      expect(REASONS, [...REASONS].join(", ")).toContain(r);
    }
  });

  for (const [from, to] of PAIRS) {
    it.each(SEEDS)(`${from} → ${to}, seed %i`, async (seed) => {
      const rand = seededRandom(seed);
      const lang: Lang = seed % 2 === 0 ? "en" : "fr";
      const old = template(`tests/fixtures/builtins-1.0.0/${from}.json`);
      const next = template(`templates/${to}.json`);
      const wb = await renderPlanToWorkbook(buildPlan(old, { lang }));
      const oldGrid = findTables(wb).get("qg_grid") as FoundTable;
      const given = fill(oldGrid, old, lang, rand);
      const read = readQualigridWorkbook(wb, "old.xlsx");
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      const done = await upgradeWorkbook(wb, read.value, next);
      if (!done.ok) throw new Error(JSON.stringify(done.issues));
      const { workbook, summary } = done.value;
      expect(summary.to).toEqual({ id: next.id, version: "2.0.0" });
      const back = readQualigridWorkbook(workbook, "new.xlsx");
      expect(back.ok && back.value.template.id).toBe(next.id);

      const grid = findTables(workbook).get("qg_grid") as FoundTable;
      const newIdCol = col(grid, HEADERS.grid.criterion[lang]);
      const rowOf = new Map<string, number>();
      for (let r = grid.top + 1; r <= grid.bottom; r++) rowOf.set(String(grid.sheet.getCell(r, newIdCol).value).toLowerCase(), r);
      const criterionOf = new Map<string, Criterion>();
      for (const d of next.dimensions) for (const c of d.criteria) for (const id of [c.id, ...(c.replaces ?? [])]) criterionOf.set(id.toLowerCase(), c);
      const newMine = [...Array(grid.sheet.columnCount).keys()].map((i) => i + 1).find((c) => grid.sheet.getCell(grid.top, c).value === MINE);
      expect(newMine, `column ${MINE} carried`).toBeDefined();
      const archive = workbook.worksheets.find((ws) => ws.name === summary.archiveSheet);
      const reviewed = (g: Given): UpgradeReviewItem | undefined =>
        summary.review.find((i) => i.from === g.id && i.column === g.header && sameAnswer(i.value, g.value));

      for (const g of given) {
        const where = `${g.id} ${g.header} ${String(g.value)}`;
        if (summary.archived.includes(g.id)) {
          let found = false;
          archive?.eachRow((row) => {
            const values = (row.values as ExcelJS.CellValue[]).slice(1);
            if (values.includes(g.id) && values.some((v) => sameAnswer(v, g.value))) found = true;
          });
          expect(found, `${where}: on the archive sheet`).toBe(true);
          continue;
        }
        const c = criterionOf.get(g.id.toLowerCase());
        expect(c, `${where}: a criterion takes it`).toBeDefined();
        const r = rowOf.get((c as Criterion).id.toLowerCase()) as number;
        const cell = grid.sheet.getCell(r, g.field === "mine" ? (newMine as number) : col(grid, g.header));
        const now = cell.value;
        const mapped = typeof g.value === "number" ? c?.levelMap?.[String(g.value)] : undefined;
        const inCell =
          g.field === "comment" || g.field === "evaluatorComment"
            ? typeof now === "string" && now.includes(String(g.value))
            : sameAnswer(now, g.value) || (mapped !== undefined && now === mapped);
        expect(inCell || reviewed(g) !== undefined, `${where}: in the new grid (${String(now)}) or listed for review`).toBe(true);
      }
      for (const i of summary.review) REASONS.add(`${to}:${i.reason}`);
      // The review list is on the notes sheet, one row each, with its old value.
      if (summary.review.length > 0) {
        const notes = workbook.getWorksheet(summary.notesSheet ?? "") as ExcelJS.Worksheet;
        const rows: ExcelJS.CellValue[][] = [];
        notes.eachRow((row) => void rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
        for (const i of summary.review) expect(rows.some((v) => v[0] === i.criterion && v[1] === i.from && v[2] === i.column && sameAnswer(v[3] ?? null, i.value))).toBe(true);
      }
    });
  }
});
