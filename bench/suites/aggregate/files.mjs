// The aggregate suite's inputs: N filled Engagement Qualité workbooks, made fast. ONE workbook is
// made by the product (buildPlan → renderPlanToBuffer), every criterion rated and some evidence
// accepted with exceljs; then each member is that workbook with, at the XML level, its own
// organization name (shared strings) and its own ratings (the grid sheet: a level 1–4 or blank),
// zipped again at the usual deflate level.
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const ROOT = new URL("../../../", import.meta.url);
const dist = (p) => import(new URL(`dist/addin/${p}`, ROOT).href);

const ORG = "ORGANISATION-GABARIT";

/** A pseudo-random generator (mulberry32), so that every run makes the same network. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The template workbook's parts, and where its rating cells are. */
async function templateParts() {
  const { builtinTemplate } = await dist("model/builtin.js");
  const { buildPlan } = await dist("plan/plan.build.js");
  const { renderPlanToBuffer } = await dist("xlsx/xlsx.render.js");
  const plan = buildPlan(builtinTemplate("engagement-qualite"), { lang: "fr", settings: { organization: ORG, assessmentDate: new Date("2025-06-30T00:00:00Z") } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await renderPlanToBuffer(plan));
  let grid;
  let evidence;
  for (const ws of wb.worksheets) {
    for (const { table } of Object.values(ws.tables)) {
      const [a, b] = (table.tableRef ?? table.ref).split(":");
      const t = { ws, top: ws.getCell(a).row, left: ws.getCell(a).col, bottom: ws.getCell(b).row, right: ws.getCell(b).col };
      t.headers = [];
      for (let c = t.left; c <= t.right; c++) t.headers.push(String(ws.getCell(t.top, c).value ?? ""));
      if (table.name === "QG_Grid") grid = t;
      if (table.name === "QG_Evidence") evidence = t;
    }
  }
  const ratingCol = grid.left + grid.headers.indexOf("Cotation");
  const ids = [];
  for (let r = grid.top + 1; r <= grid.bottom; r++) {
    grid.ws.getCell(r, ratingCol).value = 1;
    ids.push(String(grid.ws.getCell(r, grid.left + grid.headers.indexOf("Critère")).value));
  }
  ids.slice(0, 10).forEach((id, i) => {
    const row = evidence.top + 1 + i;
    evidence.ws.getCell(row, evidence.left + evidence.headers.indexOf("Critères")).value = id;
    evidence.ws.getCell(row, evidence.left + evidence.headers.indexOf("Statut")).value = "Acceptée";
    evidence.ws.getCell(row, evidence.left + evidence.headers.indexOf("Titre du document")).value = `Document ${i + 1}`;
  });
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const sheet = `xl/worksheets/sheet${grid.ws.id}.xml`;
  const letters = ratingCol <= 26 ? String.fromCharCode(64 + ratingCol) : null;
  if (!parts[sheet] || !letters) throw new Error("the grid sheet or its rating column was not found");
  return { parts, sheet, letters, top: grid.top + 1, bottom: grid.bottom };
}

/**
 * Writes `counts` batches of members into `dir` (`batch-1/…`), numbered on from one batch to the
 * next; returns the batches' folders. Each member: its own organization, 10 % of criteria blank.
 */
export async function writeNetwork(dir, counts) {
  const t = await templateParts();
  const strings = strFromU8(t.parts["xl/sharedStrings.xml"]);
  const sheet = strFromU8(t.parts[t.sheet]);
  if (!strings.includes(ORG)) throw new Error("the organization is not in the shared strings");
  const cell = new RegExp(`<c r="${t.letters}(\\d+)"([^>]*)><v>1</v></c>`, "g");
  const rand = seeded(19);
  const folders = [];
  let n = 0;
  for (const [b, count] of counts.entries()) {
    const folder = join(dir, `batch-${b + 1}`);
    mkdirSync(folder, { recursive: true });
    folders.push(folder);
    for (let i = 0; i < count; i++, n++) {
      const bias = rand();
      const rated = sheet.replace(cell, (all, row, attrs) => {
        const r = Number(row);
        if (r < t.top || r > t.bottom) return all;
        const x = rand();
        if (x < 0.1) return `<c r="${t.letters}${row}"${attrs}/>`;
        return `<c r="${t.letters}${row}"${attrs}><v>${1 + Math.min(3, Math.floor((x + bias) * 2))}</v></c>`;
      });
      const parts = { ...t.parts, "xl/sharedStrings.xml": strToU8(strings.replace(ORG, `Membre ${String(n + 1).padStart(5, "0")}`)), [t.sheet]: strToU8(rated) };
      writeFileSync(join(folder, `membre-${String(n + 1).padStart(5, "0")}.xlsx`), zipSync(parts, { level: 6 }));
    }
  }
  return folders;
}
