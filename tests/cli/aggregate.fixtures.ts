// Member workbooks of a network for the aggregate's tests: Engagement Qualité workbooks made by
// the plan and the renderer, then rated with exceljs (independently of the project's reader).
import ExcelJS from "exceljs";
import fs from "node:fs";
import path from "node:path";
import { builtinTemplate } from "../../addin/model/builtin.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { renderPlanToBuffer } from "../../addin/xlsx/xlsx.render.js";

/** One member's workbook as a test describes it. */
export interface MemberSpec {
  file: string;
  organization: string;
  /** yyyy-mm-dd */
  date: string;
  /** Rating per criterion id: a level, "N/A", or absent (unanswered). */
  ratings: Record<string, number | "N/A">;
  /** Criteria with one accepted evidence item. */
  evidence?: string[];
  /** A comment written beside each rating (to prove no comment reaches the output). */
  comment?: string;
}

/** The Engagement Qualité template. */
export function eqTemplate(): NonNullable<ReturnType<typeof builtinTemplate>> {
  const t = builtinTemplate("engagement-qualite");
  if (!t) throw new Error("engagement-qualite is missing");
  return t;
}

/** Criterion ids of Engagement Qualité in template order, with their dimension. */
export function eqCriteria(): { id: string; dimension: string }[] {
  return eqTemplate().dimensions.flatMap((d) => d.criteria.map((c) => ({ id: c.id, dimension: d.id })));
}

/** A pseudo-random generator (mulberry32), so that generated networks are the same every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random ratings for every criterion: levels 1–4, some N/A, some unanswered. */
export function randomRatings(rand: () => number): Record<string, number | "N/A"> {
  const out: Record<string, number | "N/A"> = {};
  for (const { id } of eqCriteria()) {
    const x = rand();
    if (x < 0.08) continue;
    out[id] = x < 0.14 ? "N/A" : 1 + Math.floor(rand() * 4);
  }
  return out;
}

/** Writes a member's workbook into `dir` and returns its path. */
export async function writeMember(dir: string, spec: MemberSpec): Promise<string> {
  const plan = buildPlan(eqTemplate(), { lang: "fr", settings: { organization: spec.organization, assessmentDate: new Date(`${spec.date}T00:00:00Z`) } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderPlanToBuffer(plan)) as unknown as ArrayBuffer);
  const grid = tableOf(wb, "QG_Grid");
  const idCol = grid.headers.indexOf("Critère");
  const ratingCol = grid.headers.indexOf("Cotation");
  const commentCol = grid.headers.indexOf("Commentaire");
  for (let r = grid.top + 1; r <= grid.bottom; r++) {
    const id = String(grid.ws.getCell(r, grid.left + idCol).value ?? "");
    const rating = spec.ratings[id];
    if (rating !== undefined) grid.ws.getCell(r, grid.left + ratingCol).value = rating;
    if (spec.comment && commentCol >= 0) grid.ws.getCell(r, grid.left + commentCol).value = spec.comment;
  }
  const ev = tableOf(wb, "QG_Evidence");
  const evCriteria = ev.headers.indexOf("Critères");
  const evStatus = ev.headers.indexOf("Statut");
  const evTitle = ev.headers.indexOf("Titre du document");
  (spec.evidence ?? []).forEach((id, i) => {
    const row = ev.top + 1 + i;
    if (row > ev.bottom) throw new Error("too many evidence items for the blank rows");
    ev.ws.getCell(row, ev.left + evCriteria).value = id;
    ev.ws.getCell(row, ev.left + evStatus).value = "Acceptée";
    ev.ws.getCell(row, ev.left + evTitle).value = `Document ${id}`;
  });
  const file = path.join(dir, spec.file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

function tableOf(wb: ExcelJS.Workbook, name: string): { ws: ExcelJS.Worksheet; top: number; left: number; bottom: number; headers: string[] } {
  for (const ws of wb.worksheets) {
    const t = (ws as unknown as { tables: Record<string, { table: { name: string; tableRef?: string; ref: string } }> }).tables;
    for (const entry of Object.values(t)) {
      if (entry.table.name !== name) continue;
      const [a, b] = (entry.table.tableRef ?? entry.table.ref).split(":");
      const start = ws.getCell(a ?? "A1");
      const end = ws.getCell(b ?? a ?? "A1");
      const top = Number(start.row);
      const left = Number(start.col);
      const headers: string[] = [];
      for (let c = left; c <= Number(end.col); c++) headers.push(String(ws.getCell(top, c).value ?? "").trim());
      return { ws, top, left, bottom: Number(end.row), headers };
    }
  }
  throw new Error(`no table ${name}`);
}
