import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import { isTextCriterion } from "../model/criterion.scale.js";
import { OVERALL_ROW, type RoundRecord } from "../model/history.types.js";
import type { Template } from "../model/template.types.js";
import { isFormula } from "./formula.js";
import { VISIT_TEXTS } from "./labels.js";
import { TABLES } from "./names.js";
import { buildPlan } from "./plan.build.js";
import type { BlockCell, PlanOptions, PlanValue, SheetPlan, TablePlan } from "./plan.types.js";
import { VISIT_DISAGREEMENTS_MAX, VISIT_RECOMMENDATIONS_MAX, visitHeaderFooter } from "./visit.plan.js";

const TEMPLATES = builtinTemplates();
const first = (): Template => {
  const t = TEMPLATES[0];
  if (!t) throw new Error("no built-in");
  return t;
};

function visitOf(template: Template, options: Partial<PlanOptions> = {}): SheetPlan {
  const s = buildPlan(template, options).sheets.find((x) => x.key === "visit");
  if (!s) throw new Error("no visit sheet");
  return s;
}

const formulaIn = (v: PlanValue | undefined): string => (v !== undefined && isFormula(v) ? v.formula : "");
const formulaOf = (c: BlockCell): string => formulaIn(c.value);
function tableIn(s: SheetPlan, name: string): TablePlan {
  const t = s.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

/** A closed round with only what the header reads. */
function round(label: string): RoundRecord {
  return { label, date: new Date(Date.UTC(2025, 11, 1)), templateId: "x", version: "1", respondents: [""], figures: [], criteria: [], answers: [], fingerprint: "" };
}

describe("the visit report sheet", () => {
  it("comes right after the report, in French and English, only with the review, the dashboard and the report", () => {
    for (const lang of ["fr", "en"] as const) {
      const keys = buildPlan(first(), { lang }).sheets.map((s) => s.key);
      expect(keys.indexOf("visit")).toBe(keys.indexOf("report") + 1);
      expect(buildPlan(first(), { lang }).sheets.find((s) => s.key === "visit")?.name).toBe(lang === "fr" ? "Rapport de visite" : "Visit report");
    }
    const none = (o: Partial<PlanOptions>): boolean => !buildPlan(first(), o).sheets.some((s) => s.key === "visit");
    expect(none({ review: false })).toBe(true);
    expect(none({ report: false })).toBe(true);
    expect(none({ parts: { evidence: true, actions: true, dashboard: false } })).toBe(true);
  });

  it("gives the grid its disagreement rank only with the sheet: a workbook made before it keeps its grid", () => {
    const keys = (o: Partial<PlanOptions>): string[] => buildPlan(first(), o).sheets.flatMap((s) => s.tables).find((t) => t.name === TABLES.grid)?.columns.map((c) => c.key) ?? [];
    expect(keys({}).at(-1)).toBe("disagreementRow");
    expect(keys({ report: false })).not.toContain("disagreementRow");
    expect(keys({ review: false })).not.toContain("disagreementRow");
    const grid = buildPlan(first(), {}).sheets.flatMap((s) => s.tables).find((t) => t.name === TABLES.grid);
    const i = grid?.columns.findIndex((c) => c.key === "disagreementRow") ?? -1;
    const cell = grid?.rows[0]?.[i];
    expect(grid?.columns[i]?.style).toBe("helper");
    expect(isFormula(cell) ? cell.formula : "").toBe(
      '=IF(ISNUMBER(QG_Grid[[#This Row],[Écart évaluateur]]),IF(QG_Grid[[#This Row],[Dans la tolérance]]=0,ROW(),""),"")',
    );
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))("has a row per dimension then the overall row, and a list as long as the rated criteria allow (%s)", (_id, template) => {
    const s = visitOf(template, { lang: "fr" });
    const scores = tableIn(s, TABLES.visitScores);
    expect(scores.rows.map((r) => r[0])).toEqual([...template.dimensions.map((d) => d.id), "Ensemble"]);
    expect(scores.columns.map((c) => c.header)).toEqual(["Dimension", "Titre", "Score autoévaluation", "Score évaluateur", "Écart évaluateur", "Cotés des deux côtés", "Part dans la tolérance", "Écart absolu moyen (niveaux)"]);
    const a = `$A$${scores.top + 1}`;
    expect(formulaIn(scores.rows[0]?.[3])).toBe(`=IFERROR(IF(INDEX(QG_Scores[Score évaluateur],MATCH(${a},QG_Scores[Dimension],0))="","",INDEX(QG_Scores[Score évaluateur],MATCH(${a},QG_Scores[Dimension],0))),"")`);
    expect(scores.rows.at(-1)?.slice(2).map(formulaIn)).toEqual(["=QG_OverallScore", "=QG_EvaluatorScore", "=QG_EvaluatorGap", "=QG_EvaluatorBoth", "=QG_Agreement", "=QG_MeanAbsDiff"]);
    const rated = template.dimensions.flatMap((d) => d.criteria).filter((c) => !isTextCriterion(c)).length;
    const list = tableIn(s, TABLES.visitDisagreements);
    expect(list.rows).toHaveLength(Math.min(rated, VISIT_DISAGREEMENTS_MAX));
    expect(formulaIn(list.rows[1]?.[0])).toContain("SMALL(QG_Grid[Rang désaccord évaluateur],2)");
    // Two lines a row, headers whole: the heights are set, since neither Excel nor LibreOffice fits them.
    expect(list.rowHeights?.every((h) => h === 30)).toBe(true);
    expect(list.headerHeight).toBeGreaterThanOrEqual(30);
  });

  it("lists the recommendations by chaining MATCH in a helper column beyond the print area", () => {
    const s = visitOf(first(), { lang: "fr" });
    const t = tableIn(s, TABLES.visitRecommendations);
    expect(t.rows).toHaveLength(VISIT_RECOMMENDATIONS_MAX);
    const k = t.columns.findIndex((c) => c.key === "position");
    expect(t.left + k).toBe(9);
    expect(t.columns[k]).toMatchObject({ style: "helper", header: VISIT_TEXTS.recoPosition.fr });
    expect(formulaIn(t.rows[0]?.[k])).toBe('=IFERROR(MATCH("Évaluation externe",QG_Actions[Source],0),"")');
    const one = t.top + 1;
    expect(formulaIn(t.rows[1]?.[k])).toBe(
      `=IFERROR($I$${one}+MATCH("Évaluation externe",INDEX(QG_Actions[Source],$I$${one}+1):INDEX(QG_Actions[Source],ROWS(QG_Actions[Source])),0),"")`,
    );
    expect(formulaIn(t.rows[1]?.[0])).toBe(`=IF($I$${one + 1}="","",IF(INDEX(QG_Actions[Code],$I$${one + 1})="","",INDEX(QG_Actions[Code],$I$${one + 1})))`);
    expect(s.print.area).toBe("A:H");
  });

  it("leaves out the evidence review without a register and the recommendations without an action plan", () => {
    const s = visitOf(first(), { lang: "en", parts: { evidence: false, actions: false, dashboard: true } });
    const text = [...s.cells.map((c) => (typeof c.value === "string" ? c.value : formulaOf(c))), ...s.tables.flatMap((t) => t.rows.flat().map(formulaIn))].join("\n");
    expect(text).not.toContain(TABLES.evidence);
    expect(text).not.toContain(TABLES.actions);
    expect(text).toContain("3. Review seal");
    expect(s.tables.map((t) => t.name)).toEqual([TABLES.visitScores, TABLES.visitDisagreements]);
    // Without a register, the priority stands where the accepted evidence would.
    expect(tableIn(s, TABLES.visitDisagreements).columns.map((c) => c.key)).toContain("priority");
  });

  it("reads the seal through IFERROR, so that an unsealed workbook says so", () => {
    for (const lang of ["fr", "en"] as const) {
      const s = visitOf(first(), { lang });
      const date = s.cells.find((c) => formulaOf(c).includes("INDEX(QG_Seal,2,2)"));
      expect(date && formulaOf(date)).toBe(`=IFERROR(INDEX(QG_Seal,2,2)&"","${VISIT_TEXTS.notSealed[lang]}")`);
      expect(s.cells.filter((c) => formulaOf(c).includes("INDEX(QG_Seal,5,3)")).map(formulaOf)).toEqual([
        '=IFERROR(MID(INDEX(QG_Seal,5,3)&"",1,32),"")',
        '=IFERROR(MID(INDEX(QG_Seal,5,3)&"",33,32),"")',
      ]);
    }
  });

  it("prints portrait, a page for the first section, the break and every cell a person reads inside the print area", () => {
    for (const template of TEMPLATES) {
      const s = visitOf(template);
      expect(s.print.area).toBe("A:H");
      const bottom = Math.max(...s.cells.map((c) => c.row));
      expect(s.print.orientation).toBe("portrait");
      expect(s.print.breaks).toHaveLength(1);
      for (const b of s.print.breaks ?? []) expect(b).toBeLessThan(bottom);
      // Every cell a person reads is in columns A–H; only the recommendations' helper is beyond.
      expect(Math.max(...s.cells.map((c) => c.col))).toBeLessThanOrEqual(8);
      for (const t of s.tables) {
        expect(t.columns.slice(8 - t.left + 1).every((c) => c.style === "helper"), t.name).toBe(true);
        // No section's last row runs into a page break: a break falls between sections.
        for (const b of s.print.breaks ?? []) expect(b < t.top || b > t.top + t.rows.length, t.name).toBe(true);
      }
      // Portrait, one page wide at about 100 %: the printed columns' widths.
      const width = Array.from({ length: 8 }, (_, i) => s.widths[i + 1] ?? 0).reduce((a, b) => a + b, 0);
      expect(width).toBeLessThanOrEqual(100);
    }
  });

  it("uses Excel 2010 functions only, without array entry or IF inside SUMPRODUCT", () => {
    const formulas = TEMPLATES.flatMap((t) => {
      const s = visitOf(t);
      return [...s.cells.map(formulaOf), ...s.tables.flatMap((x) => x.rows.flat().map(formulaIn))];
    }).filter((x) => x !== "");
    expect(formulas.length).toBeGreaterThan(50);
    for (const x of formulas) {
      expect(x).not.toMatch(/\b(MAXIFS|MINIFS|TEXTJOIN|IFS|XLOOKUP|CONCAT|SWITCH|FILTER|SORT|UNIQUE|LET)\(/);
      expect(x).not.toMatch(/SUMPRODUCT\([^)]*\bIF\(/);
      expect(x.length).toBeLessThan(8192);
    }
  });

  it("puts the template, the organization, the round and the date in the page header and footer", () => {
    const template = first();
    const opts = (o: Partial<PlanOptions>): PlanOptions => ({ lang: "fr", parts: { evidence: true, actions: true, dashboard: true }, blankRows: 20, ...o });
    const a = visitHeaderFooter(template, opts({ settings: { organization: "Maison & Cie" } }));
    expect(a.header).toContain(`${template.id} ${template.version}`);
    expect(a.header).toContain("&R&8Maison && Cie");
    expect(a.footer).toBe("&L&8Premier cycle&C&8&D&R&8Page &P / &N");
    const b = visitHeaderFooter(template, opts({ lang: "en", history: [round("2024"), round("2025")], settings: { organization: "2 Rivers" } }));
    expect(b.footer.startsWith("&L&8Current round (after 2025)&C")).toBe(true);
    // A leading digit after the size code would read as part of the size.
    expect(b.header).toContain("&R&8 2 Rivers");
    const long = visitHeaderFooter(template, opts({ settings: { organization: "&".repeat(500) } }));
    expect(long.header.length).toBeLessThanOrEqual(255);
    expect(visitOf(template, { settings: { organization: "Maison & Cie" } }).print.header).toBe(a.header);
    expect(OVERALL_ROW).not.toBe("");
  });

  it("writes its French texts with OQLF spacing: a non-breaking space before « : » and inside « », none before « ; »", () => {
    for (const [key, both] of Object.entries(VISIT_TEXTS)) {
      const fr: string = both.fr;
      expect(fr, key).not.toMatch(/[^\u00a0&] ?:(?!\/)/u);
      expect(fr, key).not.toMatch(/«(?!\u00a0)|[^\u00a0]»/u);
      expect(fr, key).not.toMatch(/[ \u00a0\u202f];/u);
    }
  });
});
