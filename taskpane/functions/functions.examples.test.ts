import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { parseTemplate } from "../../addin/model/template.parse.js";
import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import type { Lang } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { workbookFromPlan } from "../host/memory.host.js";
import { fixtureTemplate, fixtureWorkbook } from "../test/fixtures.js";
import { FUNCTION_IDS, type FunctionId } from "./functions.catalog.js";
import { exampleSourceOfTemplate, exampleSourceOfWorkbook, functionExample } from "./functions.examples.js";
import { call, formulaText, num, ref, text } from "./functions.formula.js";

describe("formula text", () => {
  const formula = call({ en: "QG.AGREEMENT", fr: "QG.ACCORD" }, ref("QG_Grid[Cotation]"), ref("QG_Grid[Cotation évaluateur]"), num(0.5));

  it("writes the invariant form with English names, commas and a decimal point", () => {
    expect(formulaText(formula, "invariant")).toBe("=QG.AGREEMENT(QG_Grid[Cotation],QG_Grid[Cotation évaluateur],0.5)");
    expect(formulaText(formula, "en")).toBe(formulaText(formula, "invariant"));
  });

  it("writes the French form with French names, semicolons and a decimal comma", () => {
    expect(formulaText(formula, "fr")).toBe("=QG.ACCORD(QG_Grid[Cotation];QG_Grid[Cotation évaluateur];0,5)");
  });

  it("quotes text with inner quotes doubled, the same in every language", () => {
    const f = call({ en: "F", fr: "F" }, text('dit « oui » ou "non"'), num(-2));
    expect(formulaText(f, "invariant")).toBe('=F("dit « oui » ou ""non""",-2)');
    expect(formulaText(f, "fr")).toBe('=F("dit « oui » ou ""non""";-2)');
  });
});

/** The invariant example of each function on the fixture workbook (1–4 scale, GOUV first, target 75). */
const FIXTURE_EXAMPLES: Record<Lang, Record<FunctionId, string>> = {
  fr: {
    SCORE: "=QG.SCORE(QG_Grid[Cotation],1,4)",
    DIMSCORE: '=QG.DIMSCORE(QG_Grid[Dimension],QG_Grid[Cotation],"GOUV",1,4)',
    GAP: "=QG.GAP(QG.SCORE(QG_Grid[Cotation],1,4),75)",
    LEVEL: "=QG.LEVEL(QG.SCORE(QG_Grid[Cotation],1,4),QG_MaturityMin,QG_MaturityLabels)",
    COMPLETION: "=QG.COMPLETION(QG_Grid[Cotation])",
    COVERAGE: '=QG.COVERAGE(QG_Grid[Critère],QG_Evidence[Critères],QG_Evidence[Statut],"Acceptée",QG_Evidence[Expiration],QG_ReferenceDate)',
    AGREEMENT: "=QG.AGREEMENT(QG_Grid[Cotation],QG_Grid[Cotation évaluateur])",
    SPREAD: "=QG.SPREAD(HSTACK(QG_Grid[Cotation],QG_Grid[Cotation évaluateur]))",
    CONSENSUS: '=QG.CONSENSUS(HSTACK(QG_Grid[Cotation],QG_Grid[Cotation évaluateur]),"médiane")',
  },
  en: {
    SCORE: "=QG.SCORE(QG_Grid[Rating],1,4)",
    DIMSCORE: '=QG.DIMSCORE(QG_Grid[Dimension],QG_Grid[Rating],"GOUV",1,4)',
    GAP: "=QG.GAP(QG.SCORE(QG_Grid[Rating],1,4),75)",
    LEVEL: "=QG.LEVEL(QG.SCORE(QG_Grid[Rating],1,4),QG_MaturityMin,QG_MaturityLabels)",
    COMPLETION: "=QG.COMPLETION(QG_Grid[Rating])",
    COVERAGE: '=QG.COVERAGE(QG_Grid[Criterion],QG_Evidence[Criteria],QG_Evidence[Status],"Accepted",QG_Evidence[Expiry date],QG_ReferenceDate)',
    AGREEMENT: "=QG.AGREEMENT(QG_Grid[Rating],QG_Grid[Evaluator rating])",
    SPREAD: "=QG.SPREAD(HSTACK(QG_Grid[Rating],QG_Grid[Evaluator rating]))",
    CONSENSUS: '=QG.CONSENSUS(HSTACK(QG_Grid[Rating],QG_Grid[Evaluator rating]),"median")',
  },
};

describe("function examples", () => {
  it.each(["fr", "en"] as const)("use the %s workbook's headers, first dimension, scale and target", (lang) => {
    const source = exampleSourceOfWorkbook(fixtureWorkbook(lang));
    const invariant = Object.fromEntries(FUNCTION_IDS.map((id) => [id, functionExample(id, source, lang).invariant]));
    expect(invariant).toEqual(FIXTURE_EXAMPLES[lang]);
  });

  it("show the French names and separators to a French user, and insert the invariant form", () => {
    const example = functionExample("DIMSCORE", exampleSourceOfWorkbook(fixtureWorkbook("fr")), "fr");
    expect(example.localized).toBe('=QG.SCOREDIM(QG_Grid[Dimension];QG_Grid[Cotation];"GOUV";1;4)');
    expect(example.invariant).toBe('=QG.DIMSCORE(QG_Grid[Dimension],QG_Grid[Cotation],"GOUV",1,4)');
    expect(functionExample("SPREAD", exampleSourceOfWorkbook(fixtureWorkbook("fr")), "fr").localized).toBe(
      "=QG.DISPERSION(ASSEMB.H(QG_Grid[Cotation];QG_Grid[Cotation évaluateur]))",
    );
  });

  it("follow the workbook's language, not the user's: an English workbook in a French Excel", () => {
    const example = functionExample("COVERAGE", exampleSourceOfWorkbook(fixtureWorkbook("en")), "fr");
    expect(example.localized).toBe('=QG.COUVERTURE(QG_Grid[Criterion];QG_Evidence[Criteria];QG_Evidence[Status];"Accepted";QG_Evidence[Expiry date];QG_ReferenceDate)');
  });

  it("leave the expiry out of QG.COVERAGE where the workbook has no expiry column or no reference date (made before the settings)", () => {
    const wb = fixtureWorkbook("fr");
    const without = '=QG.COVERAGE(QG_Grid[Critère],QG_Evidence[Critères],QG_Evidence[Statut],"Acceptée")';
    const withoutSettings = { ...wb, settings: undefined };
    expect(functionExample("COVERAGE", exampleSourceOfWorkbook(withoutSettings), "fr").invariant).toBe(without);
    const row = { id: "P-1", criteria: "C1", title: "", status: "Acceptée", row: 5, criteriaCell: { sheet: "Preuves", address: "B5" } };
    const noColumn = { ...wb, evidence: [{ ...row, expiry: null, expiryCell: null }] };
    expect(functionExample("COVERAGE", exampleSourceOfWorkbook(noColumn), "fr").invariant).toBe(without);
    const withColumn = { ...wb, evidence: [{ ...row, expiry: 45747, expiryCell: { sheet: "Preuves", address: "H5" } }] };
    expect(functionExample("COVERAGE", exampleSourceOfWorkbook(withColumn), "fr").invariant).toContain(",QG_Evidence[Expiration],QG_ReferenceDate)");
  });

  it("take the scale, first dimension and target of the workbook's own template", () => {
    const template = fixtureTemplate();
    template.scale.levels = [0, 1, 2, 3, 4, 5].map((value) => ({ value, label: `N${value}` }));
    template.dimensions.reverse();
    const wb = workbookFromPlan(buildPlan(template, { lang: "fr", overallTarget: 60 }));
    const source = exampleSourceOfWorkbook(wb);
    expect(functionExample("DIMSCORE", source, "fr").invariant).toBe('=QG.DIMSCORE(QG_Grid[Dimension],QG_Grid[Cotation],"COMM",0,5)');
    expect(functionExample("GAP", source, "fr").invariant).toBe("=QG.GAP(QG.SCORE(QG_Grid[Cotation],0,5),60)");
  });

  it("take each row's bounds from the grid when the template has several scales, and the default scale for QG.AGREEMENT", () => {
    const parsed = parseTemplate(richTemplateJson());
    if (!parsed.ok) throw new Error("the rich template does not parse");
    const plan = buildPlan(parsed.value, { lang: "fr" });
    const source = exampleSourceOfWorkbook(workbookFromPlan(plan));
    expect(functionExample("SCORE", source, "fr").invariant).toBe("=QG.SCORE(QG_Grid[Cotation],QG_Grid[Min échelle],QG_Grid[Max échelle])");
    expect(functionExample("DIMSCORE", source, "fr").localized).toBe('=QG.SCOREDIM(QG_Grid[Dimension];QG_Grid[Cotation];"GOUV";QG_Grid[Min échelle];QG_Grid[Max échelle])');
    expect(functionExample("AGREEMENT", source, "fr").invariant).toBe(
      "=QG.AGREEMENT(QG_Grid[Cotation],QG_Grid[Cotation évaluateur],QG_AgreementTolerance,QG_Grid[Min échelle],QG_Grid[Max échelle],QG_ScaleMin,QG_ScaleMax)",
    );
    expect(functionExample("SCORE", exampleSourceOfTemplate(parsed.value, "en"), "en").invariant).toBe("=QG.SCORE(QG_Grid[Rating],QG_Grid[Scale min],QG_Grid[Scale max])");
    // Every reference is one the workbook has.
    const columns = new Map(plan.sheets.flatMap((s) => s.tables.map((t) => [t.name, t.columns.map((c) => c.header)] as const)));
    const names = new Set(plan.names.map((n) => n.name));
    for (const id of FUNCTION_IDS) {
      for (const m of functionExample(id, source, "fr").invariant.matchAll(/(QG_\w+)(\[([^\]]*)\])?/g)) {
        const [, name, bracket, column] = m;
        if (bracket) expect(columns.get(name ?? "") ?? [], `${id}: ${m[0]}`).toContain(column);
        else expect(names.has(name ?? ""), `${id}: ${name}`).toBe(true);
      }
    }
  });

  it("name the table an example needs that the workbook lacks", () => {
    const source = exampleSourceOfWorkbook(fixtureWorkbook("fr", { evidence: false }));
    const missing = FUNCTION_IDS.filter((id) => functionExample(id, source, "fr").missingTables.length > 0);
    expect(missing).toEqual(["COVERAGE"]);
    expect(functionExample("COVERAGE", source, "fr").missingTables).toEqual(["QG_Evidence"]);
  });

  it("fall back to a template in the user's language without a grid", () => {
    const source = exampleSourceOfTemplate(fixtureTemplate(), "en");
    expect(functionExample("DIMSCORE", source, "en").invariant).toBe('=QG.DIMSCORE(QG_Grid[Dimension],QG_Grid[Rating],"GOUV",1,4)');
    expect(functionExample("DIMSCORE", exampleSourceOfTemplate(null, "fr"), "fr").invariant).toBe('=QG.DIMSCORE(QG_Grid[Dimension],QG_Grid[Cotation],"D1",1,4)');
  });

  // Excel refuses a formula naming a table column that does not exist: every reference must be in the workbook.
  it.each(builtinTemplates().flatMap((t) => (["fr", "en"] as const).map((lang) => ({ id: t.id, template: t, lang }))))(
    "refer only to tables, columns and names a workbook of $id in $lang has",
    ({ template, lang }) => {
      const plan = buildPlan(template, { lang });
      const columns = new Map(plan.sheets.flatMap((s) => s.tables.map((t) => [t.name, t.columns.map((c) => c.header)] as const)));
      const names = new Set(plan.names.map((n) => n.name));
      const source = exampleSourceOfWorkbook(workbookFromPlan(plan));
      for (const id of FUNCTION_IDS) {
        const formula = functionExample(id, source, lang).invariant;
        for (const m of formula.matchAll(/(QG_\w+)(\[([^\]]*)\])?/g)) {
          const [, name, bracket, column] = m;
          if (bracket) expect(columns.get(name ?? "") ?? [], `${id}: ${m[0]}`).toContain(column);
          else expect(names.has(name ?? ""), `${id}: ${name}`).toBe(true);
        }
      }
    },
  );
});
