/**
 * Every sheet prints whole on A4 and on Letter: each built-in template's workbook, in French and in
 * English, printed to PDF by LibreOffice on both papers (one LibreOffice run for every file). On every
 * page of a sheet: the paper's size in the sheet's orientation; the sheet's first column (one page
 * wide: no page holds only columns spilled from the right); above the first row of data, the header
 * of every column a person reads (repeated on every page; the grid's « Preuves attendues » and the
 * evaluator's columns included). The registers are given enough rows to span several pages.
 */
import type ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import type { Lang } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { SheetKey, SheetPlan, WorkbookPlan } from "../../addin/plan/plan.types.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { exportPdfMany, LIBREOFFICE_INSTALL_HINT, missingPdfTools, PDF_TOOLS_INSTALL_HINT, pdfPages, type PdfPage } from "../support/libreoffice.js";

const missing = missingPdfTools();
if (missing.length > 0) {
  console.warn(
    `[qualigrid] printing was NOT proved (sheets one page wide, headers repeated, every read column printed, on A4 and Letter): ` +
      `${missing.join(", ")} missing. Install them with: ${LIBREOFFICE_INSTALL_HINT} ${PDF_TOOLS_INSTALL_HINT.replace(/^apt-get install -y --no-install-recommends /, "")}`,
  );
}

/** Sheets whose pages other suites prove: the reports (tests/libreoffice/report.pdf.test.ts), the history and the surveys. */
const PROVED_ELSEWHERE = new Set<SheetKey>(["report", "visit", "history", "surveys"]);

/** The papers, by exceljs's `paperSize` code, with their sides in points. */
const PAPERS = [
  { name: "A4", code: 9, short: 595.3, long: 841.9 },
  { name: "Letter", code: 1, short: 612, long: 792 },
] as const;
type Paper = (typeof PAPERS)[number];

/** Rows of each register: more than one page holds; and rows a user types below the table. */
// Enough rows for several pages even on Letter, with the register as wide as the evaluator's review columns make it.
const REGISTER_ROWS = 140;
const ADDED_ROWS = 3;
const code = (prefix: string, i: number): string => `${prefix}-${String(i + 1).padStart(3, "0")}`;

interface Workbook {
  label: string;
  plan: WorkbookPlan;
  pdf: Record<Paper["name"], string>;
}

const dir = mkdtempSync(path.join(tmpdir(), "qg-print-"));
const workbooks: Workbook[] = builtinTemplates().flatMap((t) =>
  (["fr", "en"] as Lang[]).map((lang) => ({
    label: `${t.id} (${lang})`,
    plan: buildPlan(t, { lang, blankRows: REGISTER_ROWS }),
    pdf: { A4: path.join(dir, "pdf", `${t.id}.${lang}.A4.pdf`), Letter: path.join(dir, "pdf", `${t.id}.${lang}.Letter.pdf`) },
  })),
);

/**
 * The register codes the test writes in the first column of the evidence register and the action
 * plan: every row of the table, then rows below it, as a user adds them.
 */
function fillRegisters(wb: ExcelJS.Workbook, plan: WorkbookPlan): void {
  for (const [key, prefix] of [["evidence", "P"], ["actions", "A"]] as const) {
    const sheet = plan.sheets.find((s) => s.key === key);
    const t = sheet?.tables[0];
    if (!sheet || !t) continue;
    const ws = wb.getWorksheet(sheet.name) as ExcelJS.Worksheet;
    for (let i = 0; i < t.rows.length + ADDED_ROWS; i++) ws.getCell(t.top + 1 + i, t.left).value = code(prefix, i);
  }
}

/** What every page of a sheet must show: values of its first column leftmost, and headers above the first of them. */
function expectations(sheet: SheetPlan, plan: WorkbookPlan): { values: Set<string>; headers: string[] } {
  const dimensionIds = plan.template.dimensions.map((d) => d.id);
  const readHeaders = (i = 0): string[] => (sheet.tables[i]?.columns ?? []).filter((c) => c.style !== "helper").map((c) => c.header);
  const rows = (sheet.tables[0]?.rows.length ?? 0) + ADDED_ROWS;
  switch (sheet.key) {
    case "grid": {
      // The text layer may glue a dimension id that fills its narrow column to the criterion id
      // beside it (« ETHIQUEETH-2 » on a page where the grid is shrunk to fit): still the first column.
      const glued = plan.template.dimensions.flatMap((d) => d.criteria.map((c) => `${d.id}${c.id}`));
      return { values: new Set([...dimensionIds, ...glued]), headers: readHeaders() };
    }
    case "dashboard":
      return { values: new Set(dimensionIds), headers: readHeaders() };
    case "evidence":
      return { values: new Set(Array.from({ length: rows }, (_, i) => code("P", i))), headers: readHeaders() };
    case "actions":
      return { values: new Set(Array.from({ length: rows }, (_, i) => code("A", i))), headers: readHeaders() };
    case "steps":
      // One row per step of the template, headed by its id.
      return { values: new Set((sheet.tables[0]?.rows ?? []).map((r) => String(r[0]))), headers: readHeaders() };
    case "template": {
      // Two tables side by side, either one the longer: the first column of each.
      const keys = (sheet.tables[0]?.rows ?? []).map((r) => String(r[0]));
      return { values: new Set([...keys, ...dimensionIds]), headers: [...readHeaders(0), ...readHeaders(1)] };
    }
    case "lists":
      // Its headers are labels in narrow columns, cut by their neighbours as on screen.
      return { values: new Set(plan.template.scale.levels.map((l) => String(l.value))), headers: [] };
    default:
      return { values: new Set(), headers: [] };
  }
}

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== "");
const oneLine = (text: string): string => words(text).join(" ");

/** The pages of each sheet: a sheet starts on the page that shows its title (row 1, not repeated). */
function pagesBySheet(pages: PdfPage[], plan: WorkbookPlan): Map<SheetKey, PdfPage[]> {
  // The whole title: the print area takes in the columns a long title spills over, so none is cut.
  const titles = plan.sheets.map((s) => oneLine(String(s.cells.find((c) => c.row === 1 && c.col === 1)?.value ?? "")));
  const out = new Map<SheetKey, PdfPage[]>();
  let current = -1;
  for (const page of pages) {
    const next = plan.sheets[current + 1];
    if (next && oneLine(page.text).includes(titles[current + 1] ?? "\0")) {
      current++;
      out.set(next.key, []);
    }
    const sheet = plan.sheets[current];
    if (!sheet) throw new Error(`a page before the first sheet's title: ${page.text.slice(0, 200)}`);
    out.get(sheet.key)?.push(page);
  }
  return out;
}

describe.skipIf(missing.length > 0)("every sheet printed by LibreOffice, on A4 and on Letter", () => {
  beforeAll(async () => {
    const inputs: string[] = [];
    mkdirSync(path.join(dir, "xlsx"));
    for (const w of workbooks) {
      const wb = await renderPlanToWorkbook(w.plan);
      fillRegisters(wb, w.plan);
      for (const paper of PAPERS) {
        // OOXML's paper codes; exceljs's `PaperSize` type leaves out Letter (1).
        for (const ws of wb.worksheets) ws.pageSetup.paperSize = paper.code as number as ExcelJS.PaperSize;
        const file = path.join(dir, "xlsx", path.basename(w.pdf[paper.name]).replace(/\.pdf$/, ".xlsx"));
        await wb.xlsx.writeFile(file);
        inputs.push(file);
      }
    }
    await exportPdfMany(inputs, path.join(dir, "pdf"), { timeoutMs: 300_000 });
  }, 320_000);

  const cases = workbooks.flatMap((w) => PAPERS.map((p): [string, string, Workbook, Paper] => [w.label, p.name, w, p]));

  it.each(cases)("%s on %s: every sheet one page wide, headers on every page", (_, __, w, paper) => {
    const pages = pdfPages(w.pdf[paper.name]);
    const bySheet = pagesBySheet(pages, w.plan);
    expect([...bySheet.keys()]).toEqual(w.plan.sheets.map((s) => s.key));
    for (const sheet of w.plan.sheets) {
      const sheetPages = bySheet.get(sheet.key) ?? [];
      const { values, headers } = expectations(sheet, w.plan);
      // The registers hold REGISTER_ROWS rows; engagement-qualite's grid has 43 criteria.
      if (sheet.key === "evidence" || sheet.key === "actions" || (sheet.key === "grid" && w.plan.template.id === "engagement-qualite")) {
        expect(sheetPages.length, `${sheet.name}: several pages, so that repeated headers are proved`).toBeGreaterThan(1);
      }
      if (sheet.key === "evidence" || sheet.key === "actions") {
        const last = code(sheet.key === "evidence" ? "P" : "A", REGISTER_ROWS + ADDED_ROWS - 1);
        expect(words(sheetPages.map((p) => p.text).join("\n")), `${sheet.name}: a row added below the table prints`).toContain(last);
      }
      // The reports, the history and the surveys: pages proved by tests/libreoffice/report.pdf.test.ts and their own suites.
      if (PROVED_ELSEWHERE.has(sheet.key)) return;
      sheetPages.forEach((page, n) => {
        const where = `${w.label}, ${paper.name}, ${sheet.name}, page ${n + 1} of ${sheetPages.length}`;
        const [w1, h1] = sheet.print.orientation === "landscape" ? [paper.long, paper.short] : [paper.short, paper.long];
        expect(Math.abs(page.width - w1) < 1 && Math.abs(page.height - h1) < 1, `${where}: ${page.width} × ${page.height} pt`).toBe(true);
        const lines = page.text.split("\n");
        // A row of data starts, at the page's left edge, with a value of the first column.
        const first = lines.findIndex((l) => values.has(words(l)[0] ?? ""));
        expect(first, `${where}: no value of the first column (a page of columns spilled from the right?)\n${page.text}`).toBeGreaterThanOrEqual(0);
        const above = new Set(words(lines.slice(0, first).join(" ")));
        const absent = headers.filter((h) => !words(h).every((x) => above.has(x)));
        expect(absent, `${where}: headers missing above the first row\n${lines.slice(0, first + 1).join("\n")}`).toEqual([]);
      });
    }
  });
});
