/**
 * The plan's charts and print settings, as LibreOffice reads them from a file Qualigrid wrote:
 * the dashboard's `QG_ScoresChart` is kept (converted back to .xlsx, its chart part still draws
 * QG_Scores' cells) and printed (its title and the dimensions on the dashboard's page); the grid's
 * header and footer are on each of its pages and a page starts after each of its manual breaks.
 */
import { strFromU8, unzipSync } from "fflate";
import fs from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { OVERALL_ROW, type RoundRecord } from "../../addin/model/history.types.js";
import { handRound, roundFigures } from "../../addin/scoring/round.test-helpers.js";
import type { Template } from "../../addin/model/template.types.js";
import { CHART_LABELS } from "../../addin/plan/chart.plan.js";
import { TEXTS } from "../../addin/plan/labels.js";
import { TABLES } from "../../addin/plan/names.js";
import { columnLetter } from "../../addin/model/cell.address.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { WorkbookPlan } from "../../addin/plan/plan.types.js";
import { renderPlanToBuffer } from "../../addin/xlsx/xlsx.render.js";
import { exportPdfMany, missingPdfTools, pdfPages, recalculateMany, type PdfPage } from "../support/libreoffice.js";

const missing = missingPdfTools();
if (missing.length > 0) console.warn(`[qualigrid] charts and print settings in LibreOffice NOT proved: ${missing.join(", ")} missing`);

const template = builtinTemplates().find((t) => t.dimensions.length >= 3) as Template;
/** The grid's rows after which a page starts: after its 4th and its 9th criteria. */
const AFTER = [4, 9];
const HEADER = "QGENTETE";
const FOOTER = "QGPIED";

/** A closed round with every dimension at 40: the chart's third series, « Cycle précédent ». */
const ROUND: RoundRecord = handRound({
  label: "2025",
  date: new Date(Date.UTC(2025, 0, 15)),
  templateId: template.id,
  version: template.version,
  figures: [...template.dimensions.map((d) => d.id), OVERALL_ROW].map((d) => roundFigures(d, 40, 80)),
});

function planWithPrint(): WorkbookPlan {
  const plan = buildPlan(template, { lang: "fr", history: [ROUND] });
  const sheets = plan.sheets.map((s) => {
    if (s.key !== "grid") return s;
    const top = s.tables[0]?.top ?? 4;
    return { ...s, print: { ...s.print, breaks: AFTER.map((n) => top + n), header: `&L${HEADER}&RÉdition`, footer: `&C${FOOTER} &P / &N` } };
  });
  return { ...plan, sheets };
}

const criteria = template.dimensions.flatMap((d) => d.criteria.map((c) => c.id));
const has = (page: PdfPage, id: string): boolean => new RegExp(`(^|\\s)${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s|$)`, "m").test(page.text);

describe.skipIf(missing.length > 0)("plan charts and print settings through LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "qg-charts-"));
  const file = path.join(dir, "in", "charts.xlsx");
  let pages: PdfPage[] = [];
  let converted: Record<string, Uint8Array> = {};

  beforeAll(async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, await renderPlanToBuffer(planWithPrint()));
    const [pdf] = await exportPdfMany([file], path.join(dir, "pdf"));
    pages = pdfPages(pdf ?? "");
    const [xlsx] = await recalculateMany([file], path.join(dir, "xlsx"));
    converted = unzipSync(fs.readFileSync(xlsx ?? ""));
  });

  it("keeps QG_ScoresChart: a radar over QG_Scores' columns, in the file LibreOffice saves", () => {
    const charts = Object.keys(converted)
      .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
      .map((n) => strFromU8(converted[n] as Uint8Array));
    // The dashboard's chart is the one over the dashboard's cells (the report has its own).
    const rows = (col: string): RegExp => new RegExp(`Tableau de bord(?:'|&apos;)!\\$${col}\\$16:\\$${col}\\$${15 + template.dimensions.length}`);
    const found = charts.filter((x) => rows("D").test(x));
    expect(found).toHaveLength(1);
    const scoresChart = found[0] ?? "";
    expect(scoresChart).toContain("radarChart");
    // Score, target and the previous round: three series over the table's columns.
    expect(scoresChart.match(/<c:ser>/g)).toHaveLength(3);
    const dashboard = planWithPrint().sheets.find((s) => s.key === "dashboard");
    const scores = dashboard?.tables.find((t) => t.name === TABLES.scores);
    const previous = columnLetter((scores?.left ?? 1) + (scores?.columns.findIndex((c) => c.key === "previousScore") ?? -99));
    for (const col of ["A", "E", previous]) expect(scoresChart).toMatch(rows(col));
    expect(scoresChart).toContain(CHART_LABELS.previousRound.fr);
  });

  it("prints the chart on the dashboard's page: its title, every dimension and the previous round's legend", () => {
    // The dashboard's page is the one with its own title line (the report may have a chart of the same title).
    const dashboard = pages.find((p) => p.text.includes(CHART_LABELS.scoresTitle.fr) && p.text.includes(`— ${TEXTS.dashboardSubtitle.fr}`));
    expect(dashboard, "a page with the chart's title").toBeDefined();
    for (const d of template.dimensions) expect(dashboard?.text).toContain(d.id);
    expect(dashboard?.text).toContain(CHART_LABELS.previousRound.fr);
  });

  it("prints the grid's header and footer on each of its pages, and starts a page after each break", () => {
    const grid = pages.filter((p) => p.text.includes(HEADER));
    expect(grid.length).toBeGreaterThanOrEqual(AFTER.length + 1);
    for (const p of grid) {
      expect(p.text).toContain("Édition");
      expect(p.text).toMatch(new RegExp(`${FOOTER} \\d+ / \\d+`));
    }
    for (const n of AFTER) {
      const last = criteria[n - 1] as string;
      const next = criteria[n] as string;
      const at = grid.findIndex((p) => has(p, next));
      expect(at, `the page of ${next}`).toBeGreaterThan(0);
      expect(has(grid[at] as PdfPage, last), `${last} is on the page before ${next}'s`).toBe(false);
      expect(has(grid[at - 1] as PdfPage, last)).toBe(true);
    }
  });
});
