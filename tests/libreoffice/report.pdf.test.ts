/**
 * The report and the visit report printed to PDF by LibreOffice, as `qualigrid report` prints them
 * (`printableCopy`: the workbook re-rendered, that one sheet printed, the paper set): every built-in,
 * three respondents and an evaluator with seeded ratings, evidence reviewed, a round closed (in
 * `QG_History`) and a second one rated, in French and in English, on A4 and on Letter — one
 * LibreOffice run for every file. On every page: the paper's size, portrait; the sheet's title (the
 * repeated first row, in column A: no page holds only columns spilled from the right); the header
 * and footer (organization, round, template, page of pages). In the document: every dimension (id
 * and title), the top 10 priorities the engine ranks (report), the criteria beyond the tolerance
 * (visit), the assessment date as printed; each table's last column header on the page of its first
 * (one page wide: nothing cut at the page's right edge).
 */
import type ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printableCopy, type Paper, type ReportKind } from "../../addin/xlsx/xlsx.report.copy.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import type { RoundRecord } from "../../addin/model/history.types.js";
import { isTextCriterion, scaleOfCriterion } from "../../addin/model/criterion.scale.js";
import { serialOfDay } from "../../addin/model/date.serial.js";
import { REVIEW_STATUSES } from "../../addin/model/review.status.js";
import { sha256WebCrypto } from "../../addin/model/seal.digest.js";
import { DEFAULT_WORKBOOK_SETTINGS } from "../../addin/model/settings.js";
import { naDisplayToken } from "../../addin/model/scale.js";
import { textOf } from "../../addin/model/text.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { respondentKey } from "../../addin/plan/grid.respondents.js";
import { EVIDENCE_STATUSES } from "../../addin/plan/labels.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import type { SheetPlan, TablePlan, WorkbookPlan } from "../../addin/plan/plan.types.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import { criteriaByPriority } from "../../addin/scoring/priority.js";
import { roundRecordOf } from "../../addin/scoring/round.record.js";
import { loadQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { exportPdfMany, LIBREOFFICE_INSTALL_HINT, missingPdfTools, PDF_TOOLS_INSTALL_HINT, pdfPages, type PdfPage } from "../support/libreoffice.js";
import { columnOf } from "../support/parity.js";
import { pick, seededRandom } from "../support/random.js";

const missing = missingPdfTools();
if (missing.length > 0) {
  console.warn(
    `\n[qualigrid] the printed report was NOT proved (report and visit report to PDF, one page wide, every dimension and priority on it, on A4 and Letter): ` +
      `${missing.join(", ")} missing. Install them with: ${LIBREOFFICE_INSTALL_HINT} ${PDF_TOOLS_INSTALL_HINT.replace(/^apt-get install -y --no-install-recommends /, "")}\n`,
  );
}

const RESPONDENTS = ["Direction", "CA", "Équipe"];
/** An ampersand, which Excel's header codes take as a code unless doubled. */
const ORGANIZATION = "Entraide & Partage des Moulins";
const CLOSED_ON = new Date(Date.UTC(2025, 10, 20));
const ASSESSED_ON = new Date(Date.UTC(2026, 5, 1));
const ROUND = "2025";
/** The round in the page header (report.plan.ts): « Cycle en cours (après LABEL) ». */
const ROUND_HEADER: Record<Lang, string> = { fr: `Cycle en cours (après ${ROUND})`, en: `Current round (after ${ROUND})` };
const PAPERS = [
  { paper: "a4", name: "A4", short: 595.3, long: 841.9 },
  { paper: "letter", name: "Letter", short: 612, long: 792 },
] as const satisfies readonly { paper: Paper; name: string; short: number; long: number }[];
type PaperCase = (typeof PAPERS)[number];
const KINDS: ReportKind[] = ["report", "visit"];

interface Case {
  template: Template;
  lang: Lang;
  /** The plan of the workbook printed (second round), for its sheets' titles and tables; null until made. */
  plan: WorkbookPlan | null;
  top10: string[];
  disagreements: string[];
  closedRounds: number;
  pdf: Map<string, string>;
  /** Why the case's workbook could not be made. */
  error?: string;
}

const dir = mkdtempSync(path.join(tmpdir(), "qg-report-pdf-"));
const CASES: Case[] = [];
// The PDFs are kept for a look with QG_KEEP_TMP=1.
afterAll(() => void (process.env.QG_KEEP_TMP || rmSync(dir, { recursive: true, force: true })));

/** Fills the grid (three respondents, the evaluator) and reviews the evidence, from `seed`. */
function fill(wb: ExcelJS.Workbook, plan: WorkbookPlan, template: Template, lang: Lang, seed: number): void {
  const rand = seededRandom(seed);
  const token = naDisplayToken(lang);
  const grid = tableOf(plan, "grid");
  const ws = wb.getWorksheet(grid.sheet) as ExcelJS.Worksheet;
  const all = template.dimensions.flatMap((d) => d.criteria);
  all.forEach((crit, i) => {
    if (isTextCriterion(crit)) return;
    const row = grid.table.top + 1 + i;
    const own = scaleOfCriterion(template, crit).levels.map((l) => l.value);
    const rating = (): string | number | null => {
      const roll = rand();
      return roll < 0.8 ? pick(rand, own) : roll < 0.9 ? token : null;
    };
    for (let k = 1; k <= RESPONDENTS.length; k++) ws.getCell(row, columnOf(grid.table, respondentKey("rating", k))).value = rating();
    ws.getCell(row, columnOf(grid.table, "evaluatorRating")).value = rating();
  });
  const ev = tableOf(plan, "evidence");
  const ews = wb.getWorksheet(ev.sheet) as ExcelJS.Worksheet;
  const accepted = EVIDENCE_STATUSES.find((s) => s.key === "accepted")?.text[lang] as string;
  for (let k = 0; k < 12; k++) {
    const set = (key: string, v: ExcelJS.CellValue): void => void (ews.getCell(ev.table.top + 1 + k, columnOf(ev.table, key)).value = v);
    set("criteria", pick(rand, all).id);
    set("title", `Document ${k + 1}`);
    set("status", accepted);
    set("reviewStatus", pick(rand, REVIEW_STATUSES)[lang]);
    set("reviewDate", serialOfDay(ASSESSED_ON));
    set("reviewer", "M. Tremblay");
  }
}

function tableOf(plan: WorkbookPlan, key: "grid" | "evidence"): { sheet: string; table: TablePlan } {
  const s = plan.sheets.find((x) => x.key === key);
  const table = s?.tables[0];
  if (!s || !table) throw new Error(`no ${key}`);
  return { sheet: s.name, table };
}

/** A workbook of `template` rated from `seed`, with `history`; its bytes and what the product reads of it. */
async function rated(template: Template, lang: Lang, seed: number, history: readonly RoundRecord[] | undefined) {
  const settings = { ...DEFAULT_WORKBOOK_SETTINGS, organization: ORGANIZATION, assessmentDate: ASSESSED_ON };
  const plan = buildPlan(template, { lang, respondents: RESPONDENTS, settings, blankRows: 20, ...(history ? { history } : {}) });
  const wb = await renderPlanToWorkbook(plan);
  fill(wb, plan, template, lang, seed);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const read = await loadQualigridWorkbook(bytes, `${template.id}.xlsx`);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return { plan, ...read.value, result: scoreAssessment(read.value.assessment.assessment, { today: ASSESSED_ON }) };
}

const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();
/** pdftotext writes typographic apostrophes as they are; the plan may hold either. */
const plain = (text: string): string => oneLine(text).replace(/[’']/g, "'");
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Whether `id` stands on the page whole: not cut, not inside a longer id. */
// Glued to a following word is still whole (an id that fills its column touches the next one's text),
// but not followed by a digit or a hyphen: « C1 » is not found in « C10 ».
const hasId = (text: string, id: string): boolean => new RegExp(`(^|[^\\w-])${escape(id)}(?![\\d-])`, "m").test(text);

/** A word of a PDF page as `pdftotext -bbox` places it (points, from the top left). */
interface Word {
  text: string;
  x: number;
  y: number;
  xMax: number;
  height: number;
}

/** The words of each page of a PDF, with their boxes (`pdftotext -bbox`). */
function pdfWords(file: string): Word[][] {
  const r = spawnSync("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext -bbox ${file}: ${r.stderr}`);
  const entity = (t: string): string => t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, "&");
  return r.stdout.split(/<page /).slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: entity(m[5] ?? "").replace(/’/g, "'"),
      x: Number(m[1]),
      y: Number(m[2]),
      xMax: Number(m[3]),
      height: Number(m[4]) - Number(m[2]),
    })),
  );
}

/**
 * Whether `text` stands whole in one cell of a page: its words in order, each right after the one
 * before on the same line or, as a cell wraps (even inside a word, in a narrow column), at the
 * start of the next line under the cell's first word. (Whole: a cell cut at its column's edge ends
 * short and is not found.)
 */
function hasCell(words: readonly Word[], text: string): boolean {
  const want = plain(text).replace(/ /g, "");
  if (want === "") return true;
  for (const first of words) {
    // The cell's first word may be glued to the end of its left neighbour's text (an id that fills
    // its column, « ETHIQUEEthical »): its last three letters or more start the cell.
    const glued = first.text.length > 3 ? [...first.text].map((_, k) => first.text.slice(k)).find((t) => t.length >= 3 && want.startsWith(t)) : undefined;
    const start = want.startsWith(first.text) ? first.text : glued;
    if (start === undefined) continue;
    let got = start;
    // Where the cell's lines start: under its first word, or (glued) somewhere within that word.
    const under = (w: Word): boolean => (start === first.text ? Math.abs(w.x - first.x) < 2.5 : w.x > first.x && w.x < first.xMax);
    let at = first;
    while (got !== want) {
      const next =
        words.find((w) => Math.abs(w.y - at.y) < 1 && w.x >= at.xMax - 0.5 && w.x - at.xMax < 8 && want.startsWith(got + w.text)) ??
        words.find((w) => w.y - at.y > 0.5 * at.height && w.y - at.y < 1.8 * at.height && under(w) && want.startsWith(got + w.text));
      if (!next) break;
      got += next.text;
      at = next;
    }
    if (got === want) return true;
  }
  return false;
}

/** The headers a person reads in a table of the sheet: not the helpers. */
const readHeaders = (t: TablePlan): string[] => t.columns.filter((c) => c.style !== "helper").map((c) => c.header);
const sheetOf = (plan: WorkbookPlan, kind: ReportKind): SheetPlan => {
  const s = plan.sheets.find((x) => x.key === kind);
  if (!s) throw new Error(`no ${kind} sheet in the plan`);
  return s;
};

describe.skipIf(missing.length > 0)("the report and the visit report printed by LibreOffice, on A4 and on Letter", () => {
  beforeAll(async () => {
    const inputs: string[] = [];
    mkdirSync(path.join(dir, "xlsx"));
    let seed = 18_000;
    for (const [t, template] of builtinTemplates().entries()) {
      const lang: Lang = t % 2 === 0 ? "fr" : "en";
      // Round 1, rated and closed; round 2 rated on top of it. A template that cannot be prepared
      // fails its own cases (with why), not the others'.
      const c: Case = { template, lang, plan: null, top10: [], disagreements: [], closedRounds: 0, pdf: new Map() };
      CASES.push(c);
      try {
        const first = await rated(template, lang, ++seed, undefined);
        const round = await roundRecordOf(first.assessment, first.result, ROUND, CLOSED_ON, sha256WebCrypto);
        const second = await rated(template, lang, ++seed, [round]);
        c.plan = second.plan;
        c.top10 = criteriaByPriority(second.result.criteria).slice(0, 10).map((x) => x.id);
        c.disagreements = second.result.disagreements.slice(0, 25);
        c.closedRounds = second.assessment.history?.length ?? 0;
        for (const kind of KINDS) {
          for (const p of PAPERS) {
            const name = `${template.id}.${kind}.${p.name}`;
            const file = path.join(dir, "xlsx", `${name}.xlsx`);
            const copy = await printableCopy(second.workbook, second.assessment, kind, p.paper, file);
            if (!copy.ok) throw new Error(copy.issues.map((i) => i.message).join("\n"));
            writeFileSync(file, copy.value);
            inputs.push(file);
            c.pdf.set(`${kind}.${p.name}`, path.join(dir, "pdf", `${name}.pdf`));
          }
        }
      } catch (e) {
        c.error = `${template.id} (${lang}) could not be prepared: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    await exportPdfMany(inputs, path.join(dir, "pdf"), { timeoutMs: 600_000 });
  }, 700_000);

  const cases = builtinTemplates().flatMap((t) => KINDS.flatMap((kind) => PAPERS.map((p): [string, ReportKind, string, PaperCase] => [t.id, kind, p.name, p])));

  it.each(cases)("%s, %s on %s: every page whole, everything on it", (id, kind, _, paper) => {
    const c = CASES.find((x) => x.template.id === id);
    if (!c) throw new Error(`${id} not prepared`);
    expect(c.error).toBeUndefined();
    if (!c.plan) throw new Error(`${id}: no plan`);
    expect(c.closedRounds, "the workbook printed has a closed round").toBe(1);
    const sheet = sheetOf(c.plan, kind);
    const file = c.pdf.get(`${kind}.${paper.name}`) as string;
    const pages: PdfPage[] = pdfPages(file);
    const words = pdfWords(file);
    expect(words).toHaveLength(pages.length);
    expect(pages.length).toBeGreaterThan(0);
    // The report breaks between its sections: more than one page.
    expect(pages.length, "a page per section at least").toBeGreaterThanOrEqual((sheet.print.breaks?.length ?? 0) + 1);
    expect(sheet.print.orientation).toBe("portrait");
    const title = plain(String(sheet.cells.find((x) => x.row === 1 && x.col === 1)?.value ?? ""));
    const footerTitle = plain(textOf(c.template.title, c.lang)).slice(0, 30);
    pages.forEach((page, n) => {
      const where = `${id} ${kind} ${paper.name}, page ${n + 1} of ${pages.length}`;
      expect(Math.abs(page.width - paper.short) < 1 && Math.abs(page.height - paper.long) < 1, `${where}: ${page.width} × ${page.height} pt`).toBe(true);
      const text = plain(page.text);
      // Row 1 (column A) repeats on every page: a page without it holds only columns spilled from the right.
      expect(text, `${where}: the title (column A) missing\n${page.text}`).toContain(title);
      expect(text, `${where}: header (organization)`).toContain(ORGANIZATION);
      expect(text, `${where}: header (round)`).toContain(ROUND_HEADER[c.lang]);
      expect(text, `${where}: footer (template)`).toContain(footerTitle);
      expect(text, `${where}: footer (page of pages)`).toMatch(new RegExp(`(^| )${n + 1} ?/ ?${pages.length}( |$)`));
    });
    const all = pages.map((p) => p.text).join("\n");
    for (const d of c.template.dimensions) {
      expect(hasId(all, d.id), `${where(id, kind, paper)}: dimension ${d.id}`).toBe(true);
      if (kind === "report") expect(words.some((w) => hasCell(w, textOf(d.title, c.lang))), `${where(id, kind, paper)}: title of ${d.id}`).toBe(true);
    }
    if (kind === "report") {
      expect(c.top10.length, "a top 10 to look for").toBeGreaterThan(0);
      for (const x of c.top10) expect(hasId(all, x), `${where(id, kind, paper)}: priority ${x}`).toBe(true);
      expect(all, "the assessment date as the workbook prints it (yyyy-mm-dd)").toContain("2026-06-01");
    } else {
      expect(c.disagreements.length, "criteria beyond the tolerance to look for").toBeGreaterThan(0);
      for (const x of c.disagreements) expect(hasId(all, x), `${where(id, kind, paper)}: disagreement ${x}`).toBe(true);
    }
    // One page wide: each table's last column is on the page of its first.
    for (const t of sheet.tables) {
      const headers = readHeaders(t);
      const firstHeader = headers[0] ?? "";
      const lastHeader = headers[headers.length - 1] ?? "";
      const page = words.find((w) => hasCell(w, firstHeader) && hasCell(w, lastHeader));
      expect(page, `${where(id, kind, paper)}: ${t.name}'s first and last headers (« ${firstHeader} », « ${lastHeader} ») on one page`).toBeDefined();
    }
  });
});

function where(id: string, kind: ReportKind, paper: PaperCase): string {
  return `${id} ${kind} ${paper.name}`;
}
