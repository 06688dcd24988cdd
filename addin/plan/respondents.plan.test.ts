import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import { parseTemplate } from "../model/template.parse.js";
import { richTemplateJson } from "../model/template.rich.test-helpers.js";
import type { Template } from "../model/template.types.js";
import { isFormula } from "./formula.js";
import { respondentColumnHeaders, respondentHeader } from "./labels.js";
import { NAMES, TABLES } from "./names.js";
import { buildPlan } from "./plan.build.js";
import { planLimits } from "./plan.limits.js";
import type { TablePlan, WorkbookPlan } from "./plan.types.js";

const engagement = (): Template => builtinTemplates().find((t) => t.id === "engagement-qualite") as Template;
const rich = (): Template => {
  const r = parseTemplate(richTemplateJson());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const table = (plan: WorkbookPlan, name: string): TablePlan | undefined => plan.sheets.flatMap((s) => s.tables).find((t) => t.name === name);
const grid = (plan: WorkbookPlan): TablePlan => table(plan, TABLES.grid) as TablePlan;
const keys = (t: TablePlan): string[] => t.columns.map((c) => c.key);

describe("the respondents' layout of the plan", () => {
  it("keeps today's grid for one named respondent, and adds QG_Respondents", () => {
    const t = engagement();
    const today = buildPlan(t, { lang: "fr" });
    const named = buildPlan(t, { lang: "fr", respondents: ["Direction"] });
    expect(grid(named)).toEqual(grid(today));
    expect(table(named, TABLES.scores)).toEqual(table(today, TABLES.scores));
    expect(table(named, TABLES.discuss)).toBeUndefined();
    const r = table(named, TABLES.respondents) as TablePlan;
    expect(r.columns.map((c) => c.header)).toEqual(["Répondant", "Identifiant de copie", "Importé le", "Fichier importé"]);
    expect(r.rows).toEqual([["Direction", null, null, null]]);
    expect(named.sheets.find((s) => s.tables.includes(r))?.key).toBe("lists");
    expect(table(today, TABLES.respondents)).toBeUndefined();
  });

  it("gives two respondents their own rating and comment, then the consolidation, in the contract's order", () => {
    const plan = buildPlan(engagement(), { lang: "fr", respondents: ["Direction", "CA"] });
    const k = keys(grid(plan));
    expect(k.slice(0, 13)).toEqual(["dimension", "criterion", "text", "guidance", "rating.1", "comment.1", "rating.2", "comment.2", "agreed", "agreedReason", "consolidated", "spread", "toDiscuss"]);
    expect(k[13]).toBe("levelLabel");
    for (const gone of ["rating", "comment", "answer"]) expect(k).not.toContain(gone);
    expect(k.slice(k.indexOf("level.1"), k.indexOf("scored"))).toEqual(["level.1", "level.2", "points.1", "points.2", "counted.1", "counted.2", "discussRow"]);
    const headers = grid(plan).columns.map((c) => c.header);
    expect(headers).toContain("Cotation — Direction");
    expect(headers).toContain("Commentaire — CA");
    expect(headers).toContain("Cotation convenue");
    expect(headers).toContain("À discuter");
    const en = buildPlan(engagement(), { lang: "en", respondents: ["Direction", "CA"] });
    expect(grid(en).columns.map((c) => c.header)).toContain("Rating — CA");
    expect(respondentColumnHeaders("CA", "en")).toEqual({ rating: "Rating — CA", comment: "Comment — CA", answer: "Answer — CA" });
    expect(respondentHeader("level", "CA", "fr")).toBe("Niveau retenu — CA");
    // The help line says who rates where and what « À discuter » means; the dashboard lists at most 25 rows to discuss.
    const help = plan.sheets.find((s) => s.key === "grid")?.cells.find((c) => c.row === 2)?.value;
    expect(help).toMatch(/Cotation convenue.*À discuter/s);
    expect((table(plan, TABLES.discuss) as TablePlan).rows).toHaveLength(25);
    expect(plan.sheets.find((s) => s.key === "dashboard")?.cells.some((c) => isFormula(c.value) && c.value.formula.includes(`${NAMES.toDiscuss}>25`))).toBe(true);
  });

  it("gives seven respondents their answers in words on a template with text questions, and the dashboard their scores", () => {
    const names = ["A", "B", "C", "D", "E", "F", "G"];
    const plan = buildPlan(rich(), { lang: "en", respondents: names });
    const k = keys(grid(plan));
    expect(k.filter((x) => x.startsWith("rating."))).toHaveLength(7);
    expect(k.slice(k.indexOf("rating.1"), k.indexOf("rating.1") + 4)).toEqual(["rating.1", "answer.1", "comment.1", "rating.2"]);
    const scores = table(plan, TABLES.scores) as TablePlan;
    expect(keys(scores).slice(-8)).toEqual([...names.map((_, i) => `score.${i + 1}`), "toDiscuss"]);
    expect(scores.columns.at(-2)?.header).toBe("Score — G");
    const discuss = table(plan, TABLES.discuss) as TablePlan;
    expect(keys(discuss)).toEqual(["criterion", "text", "spread", "consolidated", ...names.map((_, i) => `rating.${i + 1}`)]);
    expect(plan.names.map((n) => n.name)).toContain(NAMES.toDiscuss);
    // One formula per column, the same on every row; the consolidation reads the respondents' levels as one range.
    const g = grid(plan);
    const at = g.columns.findIndex((c) => c.key === "consolidated");
    const first = g.rows[0]?.[at];
    expect(isFormula(first) && first.formula).toContain("QG_Grid[[#This Row],[Level counted — A]:[Level counted — G]]");
    expect(g.rows.every((r) => JSON.stringify(r[at]) === JSON.stringify(first))).toBe(true);
    // Each respondent's rating has the row's drop-down, as the agreed rating does.
    for (const c of g.columns.filter((x) => x.key.startsWith("rating.") || x.key === "agreed")) expect(c.validation?.type).toBe("list");
    expect(plan.sheets.find((s) => s.key === "grid")?.conditionalFormats).toHaveLength(1);
  });

  it("uses only Excel 2010 functions, without IF inside SUMPRODUCT", () => {
    const plan = buildPlan(rich(), { lang: "fr", respondents: ["A", "B", "C"] });
    const formulas = plan.sheets.flatMap((s) => s.tables.flatMap((t) => t.rows.flat())).filter(isFormula).map((x) => x.formula);
    for (const f of formulas) {
      expect(f).not.toMatch(/\b(MAXIFS|MINIFS|IFS|TEXTJOIN|FILTER|CONCAT|SWITCH|XLOOKUP)\(/);
      expect(f).not.toMatch(/SUMPRODUCT\([^)]*IF\(/);
    }
  });

  it("keeps a 20-respondent plan of the biggest built-in within Excel's limits", () => {
    const biggest = [...builtinTemplates()].sort((a, b) => b.dimensions.flatMap((d) => d.criteria).length - a.dimensions.flatMap((d) => d.criteria).length)[0] as Template;
    const names = Array.from({ length: 20 }, (_, i) => `Répondant numéro ${i + 1} ${"x".repeat(20)}`.slice(0, 40));
    for (const lang of ["fr", "en"] as const) expect(planLimits(buildPlan(biggest, { lang, respondents: names }))).toEqual([]);
  });
});
