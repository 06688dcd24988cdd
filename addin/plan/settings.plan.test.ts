import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import { SETTING_KEYS } from "../model/settings.js";
import type { Template } from "../model/template.types.js";
import { isFormula } from "./formula.js";
import { SETTING_LABELS } from "./labels.js";
import { NAMES, SETTING_NAMES } from "./names.js";
import { buildPlan } from "./plan.build.js";
import type { BlockCell, WorkbookPlan } from "./plan.types.js";

const TEMPLATE = builtinTemplates()[0] as Template;

/** The block cell a workbook name points to (a single cell of the plan). */
function named(plan: WorkbookPlan, name: string): BlockCell {
  const n = plan.names.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  const m = /^\$([A-Z]+)\$(\d+)$/.exec(n.ref);
  if (!m) throw new Error(`${name} is not one cell: ${n.ref}`);
  const col = [...(m[1] ?? "")].reduce((c, ch) => c * 26 + ch.charCodeAt(0) - 64, 0);
  const cell = plan.sheets.find((s) => s.name === n.sheet)?.cells.find((c) => c.row === Number(m[2]) && c.col === col);
  if (!cell) throw new Error(`no cell at ${name}`);
  return cell;
}

const formulaOf = (v: unknown): string => (isFormula(v) ? v.formula : "");

describe("QG_Settings on the lists sheet", () => {
  it("has one named, unlocked value per setting, with design.md's defaults", () => {
    const plan = buildPlan(TEMPLATE, { lang: "fr" });
    const values = SETTING_KEYS.map((k) => named(plan, SETTING_NAMES[k]));
    expect(values.map((c) => c.value)).toEqual([null, null, 0.8, "moyenne", 2, 1, "Non"]);
    expect(values.every((c) => c.input === true && c.style === "input")).toBe(true);
    expect(plan.sheets.find((s) => s.key === "lists")?.protect).toBe(true);
    const settings = plan.names.find((n) => n.name === NAMES.settings);
    expect(settings?.sheet).toBe("Listes");
    expect(settings?.ref).toBe("$R$4:$T$10");
  });

  it("writes each row's key and its label in the workbook's language", () => {
    for (const lang of ["fr", "en"] as const) {
      const plan = buildPlan(TEMPLATE, { lang });
      const cells = plan.sheets.find((s) => s.key === "lists")?.cells ?? [];
      SETTING_KEYS.forEach((key) => {
        const value = named(plan, SETTING_NAMES[key]);
        const row = cells.filter((c) => c.row === value.row && c.col < value.col).map((c) => c.value);
        expect(row.slice(-2)).toEqual([key, SETTING_LABELS[key][lang]]);
      });
    }
  });

  it("validates each value: a date, a share from 0 to 1, a list, numbers", () => {
    const plan = buildPlan(TEMPLATE, { lang: "en" });
    const rule = (k: (typeof SETTING_KEYS)[number]) => named(plan, SETTING_NAMES[k]).validation;
    expect(rule("organization")).toBeUndefined();
    expect(rule("assessmentDate")?.type).toBe("date");
    expect(rule("completionThreshold")).toMatchObject({ type: "decimal", min: 0, max: 1 });
    expect(rule("consolidation")).toMatchObject({ type: "list", source: `=${NAMES.consolidationChoices}` });
    expect(rule("spreadThreshold")).toMatchObject({ type: "decimal", min: 0 });
    expect(rule("agreementTolerance")).toMatchObject({ type: "decimal", min: 0 });
    expect(rule("showOthers")).toMatchObject({ type: "list", source: `=${NAMES.yesNo}` });
    expect(named(plan, SETTING_NAMES.completionThreshold).numFmt).toBe("0%");
  });

  it("writes the options' settings: the organization as text, the date as a real date", () => {
    const plan = buildPlan(TEMPLATE, {
      lang: "en",
      settings: { organization: "=cmd|' /C calc'!A0", assessmentDate: new Date(Date.UTC(2025, 2, 31)), completionThreshold: 0.6, consolidation: "median", showOthers: true },
    });
    expect(named(plan, SETTING_NAMES.organization).value).toBe("=cmd|' /C calc'!A0");
    const date = named(plan, SETTING_NAMES.assessmentDate);
    expect(date.value).toBe(45747); // Excel's day number of 2025-03-31
    expect(date.numFmt).toBe("yyyy-mm-dd");
    expect(named(plan, SETTING_NAMES.completionThreshold).value).toBe(0.6);
    expect(named(plan, SETTING_NAMES.consolidation).value).toBe("median");
    expect(named(plan, SETTING_NAMES.showOthers).value).toBe("Yes");
  });

  it("computes the reference date for expiry: the assessment date, else today", () => {
    const plan = buildPlan(TEMPLATE, { lang: "fr" });
    const ref = named(plan, NAMES.referenceDate);
    expect(formulaOf(ref.value)).toBe("=IF(ISNUMBER(QG_AssessmentDate),INT(QG_AssessmentDate),TODAY())");
    expect(ref.numFmt).toBe("yyyy-mm-dd");
  });
});

describe("formulas that read the settings", () => {
  it("count accepted evidence in the grid only when it has not expired by the reference date", () => {
    const plan = buildPlan(TEMPLATE, { lang: "fr" });
    const grid = plan.sheets.find((s) => s.key === "grid")?.tables[0];
    const col = grid?.columns.findIndex((c) => c.key === "acceptedEvidence") ?? -1;
    const f = formulaOf(grid?.rows[0]?.[col]);
    // Each evidence row says whether it counts; the grid sums the rows naming the criterion.
    expect(f).toContain("*QG_Evidence[Compte pour la couverture])");
    expect(f).not.toMatch(/SUMPRODUCT\([^)]*IF\(/); // no IF inside SUMPRODUCT: Excel 2016 would need array entry
    const register = plan.sheets.find((s) => s.key === "evidence")?.tables[0];
    const counts = register?.columns.findIndex((c) => c.key === "counts") ?? -1;
    expect(formulaOf(register?.rows[0]?.[counts])).toContain("OR(QG_Evidence[[#This Row],[Expiration]]=\"\",QG_Evidence[[#This Row],[Expiration]]>=QG_ReferenceDate)");
  });

  it("show « provisoire » beside the overall score, and no maturity level, below the completion threshold", () => {
    for (const lang of ["fr", "en"] as const) {
      const plan = buildPlan(TEMPLATE, { lang });
      const provisional = named(plan, NAMES.overallProvisional);
      const score = named(plan, NAMES.overallScore);
      expect([provisional.row, provisional.col]).toEqual([score.row, score.col + 1]);
      const word = lang === "fr" ? "provisoire" : "provisional";
      expect(formulaOf(provisional.value)).toBe(
        `=IF(QG_OverallCompletion<IF(ISNUMBER(QG_CompletionThreshold),QG_CompletionThreshold,0.8),"${word}","")`,
      );
      expect(formulaOf(named(plan, NAMES.overallMaturity).value)).toContain("QG_OverallCompletion>=IF(ISNUMBER(QG_CompletionThreshold),QG_CompletionThreshold,0.8)");
    }
  });
});
