import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { columnLetter, quoteSheet } from "../../addin/model/cell.address.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { parseTemplate } from "../../addin/model/template.parse.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { HEADERS, SHEET_NAMES } from "../../addin/plan/labels.js";
import { NAMES, TABLES } from "../../addin/plan/names.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToBuffer } from "../../addin/xlsx/xlsx.render.js";
import { findTables } from "../../addin/xlsx/xlsx.tables.js";

async function generate(template: Template, lang: Lang, parts = { evidence: true, actions: true, dashboard: true }): Promise<ExcelJS.Workbook> {
  const bytes = await renderPlanToBuffer(buildPlan(template, { lang, parts }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const HOSTILE = ((): Template => {
  const r = parseTemplate({
    id: "hostile",
    version: "1.0.0",
    title: "=cmd|' /C calc'!A0",
    source: "+SUM(1,2)",
    scale: { levels: [{ value: 1, label: "@bas" }, { value: 2, label: "-haut" }] },
    target: 50,
    targetLevel: 2,
    dimensions: [
      {
        id: "D1",
        title: "=1+1",
        criteria: [
          { id: "C1", text: '=HYPERLINK("http://example.invalid","clic")', guidance: "<img src=x onerror=alert(1)>" },
          { id: "C2", text: "+33", evidence: "-x" },
        ],
      },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
})();

describe("a generated workbook", () => {
  it.each(["fr", "en"] as const)("has the sheets and tables of design.md in %s", async (lang) => {
    const wb = await generate(builtinTemplates()[0] as Template, lang);
    // Engagement Qualité 2.0.0 has the programme's five process steps (« Démarche », QG_Steps).
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      (["dashboard", "grid", "evidence", "actions", "steps", "report", "visit", "template", "lists"] as const).map((k) => SHEET_NAMES[k][lang]),
    );
    // QG_Themes only for a template with themes (the second version's); this one has none. QG_Respondents
    // and QG_Discuss only for named respondents.
    const absent: string[] = [TABLES.themes, TABLES.respondents, TABLES.discuss];
    // Closed rounds' and surveys' tables only with them (issue 18), and so the report's lists of changes and
    // surveys; its list of required criteria only for a template with some.
    absent.push(TABLES.history, TABLES.historyItems, TABLES.surveys, TABLES.surveyAnswers, TABLES.surveyComments);
    absent.push(TABLES.reportRequired, TABLES.reportSurveys, TABLES.reportChanges);
    expect([...findTables(wb).values()].map((t) => t.name).sort()).toEqual(Object.values(TABLES).filter((t) => !absent.includes(t)).sort());
  });

  it.each(builtinTemplates().map((t) => [t.id, t] as const))("holds one grid row per criterion of %s", async (_, template) => {
    const wb = await generate(template, "fr");
    const grid = findTables(wb).get(TABLES.grid.toLowerCase());
    const count = template.dimensions.reduce((n, d) => n + d.criteria.length, 0);
    expect(grid && grid.bottom - grid.top).toBe(count);
    const read = readQualigridWorkbook(wb, "x.xlsx");
    expect(read.ok && read.value.grid.map((r) => r.criterion)).toEqual(template.dimensions.flatMap((d) => d.criteria.map((c) => c.id)));
  });

  it("carries its template: reading it back gives the same template", async () => {
    for (const template of builtinTemplates()) {
      const read = readQualigridWorkbook(await generate(template, "en"), "x.xlsx");
      expect(read.ok).toBe(true);
      expect(JSON.parse(JSON.stringify(read.ok && read.value.template))).toEqual(JSON.parse(JSON.stringify(template)));
    }
  });

  it("unlocks input cells and locks formula cells on protected sheets", async () => {
    const wb = await generate(builtinTemplates()[0] as Template, "fr");
    const grid = wb.getWorksheet("Grille") as ExcelJS.Worksheet;
    expect((grid as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const header = (text: string): number => {
      for (let c = 1; c <= grid.columnCount; c++) if (grid.getCell(4, c).value === text) return c;
      throw new Error(text);
    };
    for (const input of [HEADERS.grid.rating.fr, HEADERS.grid.comment.fr, HEADERS.grid.evaluatorRating.fr]) {
      expect(grid.getCell(5, header(input)).protection?.locked, input).toBe(false);
    }
    for (const computed of [HEADERS.grid.gap.fr, HEADERS.grid.priority.fr, HEADERS.grid.points.fr, HEADERS.grid.text.fr]) {
      expect(grid.getCell(5, header(computed)).protection?.locked, computed).not.toBe(false);
    }
    const dash = wb.getWorksheet("Tableau de bord") as ExcelJS.Worksheet;
    expect(dash.getCell("B6").protection?.locked).toBe(false); // overall target
    expect(dash.getCell("B5").protection?.locked).not.toBe(false); // overall score
  });

  it("offers the scale and S. O. in a drop-down on every rating cell", async () => {
    const template = builtinTemplates()[0] as Template;
    const wb = await generate(template, "fr");
    const grid = wb.getWorksheet("Grille") as ExcelJS.Worksheet;
    const dv = (grid as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] } | undefined> } }).dataValidations.model;
    const count = template.dimensions.reduce((n, d) => n + d.criteria.length, 0);
    const ratingCol = grid.getRow(4).values as unknown[];
    const col = ratingCol.indexOf(HEADERS.grid.rating.fr);
    for (let r = 5; r < 5 + count; r++) {
      const v = dv[grid.getCell(r, col).address];
      expect(v?.type).toBe("list");
      expect(v?.formulae).toEqual([NAMES.ratingChoices]);
    }
    const lists = wb.getWorksheet("Listes") as ExcelJS.Worksheet;
    const choices = wb.definedNames.getRanges(NAMES.ratingChoices).ranges[0] ?? "";
    const [, range] = choices.split("!");
    const [a, b] = (range ?? "").replace(/\$/g, "").split(":");
    const top = Number(a?.replace(/\D/g, ""));
    const bottom = Number(b?.replace(/\D/g, ""));
    const values = Array.from({ length: bottom - top + 1 }, (_, i) => lists.getCell(`A${top + i}`).value);
    expect(values).toEqual([...template.scale.levels.map((l) => l.value), "S. O."]);
  });

  it("writes template text that looks like a formula as text", async () => {
    const wb = await generate(HOSTILE, "fr");
    const grid = wb.getWorksheet("Grille") as ExcelJS.Worksheet;
    const texts: ExcelJS.Cell[] = [];
    grid.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === "string" && /^[=+\-@]/.test(cell.value)) texts.push(cell);
    }));
    expect(texts.map((c) => c.value)).toEqual(expect.arrayContaining(['=HYPERLINK("http://example.invalid","clic")', "+33", "-x", "=1+1"]));
    for (const c of texts) expect(c.type).toBe(ExcelJS.ValueType.String);
    const title = grid.getCell("A1");
    expect(title.type).toBe(ExcelJS.ValueType.String);
  });

  it("marks formula columns as calculated so Excel extends them to added rows", async () => {
    const plan = buildPlan(builtinTemplates()[0] as Template, { lang: "fr" });
    const bytes = await renderPlanToBuffer(plan);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Plan d'action") as unknown as { tables: Record<string, { table: { columns: { name: string; calculatedColumnFormula?: string }[] } }> };
    const overdue = sheet.tables[TABLES.actions]?.table.columns.find((c) => c.name === HEADERS.actions.overdue.fr);
    expect(overdue?.calculatedColumnFormula).toMatch(/^IF\(AND\(ISNUMBER\(QG_Actions\[\[#This Row\],\[Échéance\]\]\)/);
    // …and it survives a read and a write (what `fill` does).
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const sheet2 = again.getWorksheet("Plan d'action") as unknown as typeof sheet;
    expect(sheet2.tables[TABLES.actions]?.table.columns.find((c) => c.name === HEADERS.actions.overdue.fr)?.calculatedColumnFormula).toBe(overdue?.calculatedColumnFormula);
  });

  it("leaves out the evidence register and its columns when that part is not chosen", async () => {
    const wb = await generate(builtinTemplates()[0] as Template, "en", { evidence: false, actions: false, dashboard: true });
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Dashboard", "Assessment", "Process", "Report", "Visit report", "Template", "Lists"]);
    const grid = findTables(wb).get(TABLES.grid.toLowerCase());
    expect(grid?.headers).not.toContain(HEADERS.grid.evidenceCount.en);
    expect(findTables(wb).get(TABLES.scores.toLowerCase())?.headers).not.toContain(HEADERS.scores.coverage.en);
  });
});

describe("table headers", () => {
  it("hold no character that structured references would need to escape", () => {
    for (const table of Object.values(HEADERS)) {
      for (const both of Object.values(table)) for (const h of Object.values(both)) expect(h).not.toMatch(/[[\]#']/);
    }
  });

  it("are unique in each table, in each language and across languages", () => {
    for (const [name, table] of Object.entries(HEADERS)) {
      for (const lang of ["fr", "en"] as const) {
        const hs = Object.values(table).map((b) => b[lang].toLowerCase());
        expect(new Set(hs).size, `${name} ${lang}`).toBe(hs.length);
      }
      // A French header must not be another column's English header: readers accept both languages.
      const owner = new Map<string, string>();
      for (const [key, both] of Object.entries(table) as [string, Record<string, string>][]) {
        for (const h of Object.values(both)) {
          const prev = owner.get(h.toLowerCase());
          expect(prev === undefined || prev === key, `${name}: "${h}" names ${prev} and ${key}`).toBe(true);
          owner.set(h.toLowerCase(), key);
        }
      }
    }
  });
});

describe("print settings", () => {
  /** The workbook part and each sheet's part of a rendered file, as text. */
  function parts(bytes: Uint8Array): { book: string; sheets: string[] } {
    const files = unzipSync(bytes);
    const text = (name: string): string => strFromU8(files[name] ?? new Uint8Array());
    const sheets = Object.keys(files)
      .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
      .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]))
      .map(text);
    return { book: text("xl/workbook.xml"), sheets };
  }
  /** The text of each `_xlnm.<name>` defined name, by sheet index, XML entities decoded. */
  function printNames(book: string, name: "Print_Area" | "Print_Titles"): Map<number, string> {
    const out = new Map<number, string>();
    for (const m of book.matchAll(new RegExp(`<definedName name="_xlnm\\.${name}" localSheetId="(\\d+)">([^<]*)</definedName>`, "g"))) {
      out.set(Number(m[1]), (m[2] ?? "").replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
    }
    return out;
  }

  it.each(builtinTemplates().flatMap((t) => (["fr", "en"] as const).map((lang) => [`${t.id} (${lang})`, t, lang] as const)))(
    "every sheet of %s: one page wide, as many tall as needed, its header row repeated, every column it fills in the print area",
    async (_, template, lang) => {
      const plan = buildPlan(template, { lang });
      const bytes = await renderPlanToBuffer(plan);
      const { book, sheets } = parts(bytes);
      const areas = printNames(book, "Print_Area");
      const titles = printNames(book, "Print_Titles");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      plan.sheets.forEach((sheet, i) => {
        const xml = sheets[i] ?? "";
        expect(xml, sheet.name).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
        expect(xml, sheet.name).toMatch(/<pageSetup [^>]*fitToWidth="1" fitToHeight="0"/);
        expect(xml, sheet.name).toMatch(new RegExp(`<pageSetup orientation="${sheet.print.orientation}"`));
        // No paper size: the printer's default (A4 or Letter) is used, and one page wide fits both.
        expect(xml, sheet.name).not.toMatch(/paperSize=/);
        const header = sheet.print.repeatRows.from;
        expect(titles.get(i), sheet.name).toBe(`${quoteSheet(sheet.name)}!$${header}:$${header}`);
        // Whole columns, from A to the plan's last printed column, at least the last column the sheet
        // fills (the grid's helper columns left out).
        const ws = wb.getWorksheet(sheet.name) as ExcelJS.Worksheet;
        const helpers = sheet.tables.flatMap((t) => t.columns.flatMap((c, j) => (c.style === "helper" ? [t.left + j] : [])));
        let last = ws.columnCount;
        while (helpers.includes(last)) last--;
        const [, to] = sheet.print.area.split(":");
        expect(areas.get(i), sheet.name).toBe(`${quoteSheet(sheet.name)}!$A:$${to}`);
        expect((to ?? "").padStart(3, " ") >= columnLetter(last).padStart(3, " "), sheet.name).toBe(true);
        // …and the header row is the row of the sheet's first table's headers (the dashboard's
        // QG_Themes, below QG_Scores, has its own).
        // A report in sections (page breaks between them) repeats its title row instead.
        if (!sheet.print.breaks) {
          expect(sheet.tables[0]?.top ?? header, sheet.name).toBe(header);
          for (const t of sheet.tables) expect(t.top, sheet.name).toBeGreaterThanOrEqual(header);
        }
      });
    },
  );

  it("prints every grid column a person reads, « Preuves attendues » and the evaluator's included, and not the helpers", () => {
    const plan = buildPlan(builtinTemplates()[0] as Template, { lang: "fr" });
    const grid = plan.sheets.find((s) => s.key === "grid");
    const table = grid?.tables[0];
    const [from, to] = (grid?.print.area ?? "").split(":");
    expect(from).toBe("A");
    const readable = (table?.columns ?? []).filter((c) => c.style !== "helper");
    expect(to).toBe(columnLetter((table?.left ?? 0) + readable.length - 1));
    expect(table?.columns.slice(readable.length).every((c) => c.style === "helper")).toBe(true);
    const headers = readable.map((c) => c.header);
    for (const h of [HEADERS.grid.expectedEvidence.fr, HEADERS.grid.evaluatorRating.fr, HEADERS.grid.evaluatorComment.fr]) expect(headers).toContain(h);
  });

  it("keeps valid print names through a read and a write (what `fill` does), a sheet name with an apostrophe included", async () => {
    const plan = buildPlan(builtinTemplates()[0] as Template, { lang: "fr" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderPlanToBuffer(plan)) as unknown as ArrayBuffer);
    const again = new Uint8Array(await wb.xlsx.writeBuffer());
    const { book } = parts(again);
    const i = plan.sheets.findIndex((s) => s.key === "actions");
    const actions = plan.sheets[i];
    expect(actions?.name).toBe("Plan d'action");
    // The quote doubled inside the quoted name, as Excel writes it; whole columns kept whole.
    expect(printNames(book, "Print_Titles").get(i)).toBe("'Plan d''action'!$4:$4");
    expect(printNames(book, "Print_Area").get(i)).toBe(`'Plan d''action'!${actions?.print.area.replace(/([A-Z]+)/g, "$$$1")}`);
    expect(printNames(book, "Print_Area").get(plan.sheets.findIndex((s) => s.key === "grid"))).toMatch(/^Grille!\$A:\$[A-Z]+$/);
  });
});
