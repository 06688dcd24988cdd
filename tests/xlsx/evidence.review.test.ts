/**
 * The evidence register read back with the evaluator's review (design.md "The evaluator"): the
 * review fields and their cells, the pre-formatted rows holding only the id the product wrote left
 * out, and a register made before the review columns read as before (no review).
 */
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import type { PlainTable, PlainValue } from "../../addin/model/table.plain.js";
import { HEADERS } from "../../addin/plan/labels.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { readAssessment } from "../../addin/workbook/workbook.read.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { plainTables } from "../../addin/xlsx/xlsx.tables.js";

const DAY = new Date(Date.UTC(2026, 4, 12));

async function register(): Promise<{ tables: Map<string, PlainTable>; evidence: PlainTable; set: (row: number, key: keyof typeof HEADERS.evidence, v: PlainValue) => void }> {
  const tables = plainTables(await renderPlanToWorkbook(buildPlan(builtinTemplates()[0]!, { lang: "fr", blankRows: 6 })));
  const evidence = tables.get("qg_evidence")!;
  const set = (row: number, key: keyof typeof HEADERS.evidence, v: PlainValue): void => {
    const c = evidence.headers.indexOf(HEADERS.evidence[key].fr);
    if (c < 0) throw new Error(`no column ${key}`);
    (evidence.rows[row] as PlainValue[])[c] = v;
  };
  return { tables, evidence, set };
}

describe("the evidence register's review, read back", () => {
  it("reads the review fields and their cells, and leaves out the rows holding only their id", async () => {
    const { tables, evidence, set } = await register();
    const first = builtinTemplates()[0]!.dimensions[0]!.criteria[0]!.id;
    set(0, "criteria", first);
    set(0, "status", "Acceptée");
    set(0, "reviewStatus", "À compléter");
    set(0, "evaluatorNote", "  Manque la signature ");
    set(0, "reviewDate", DAY);
    set(0, "reviewer", "M. Tremblay");
    set(2, "title", "Politique sans critère");
    const r = readAssessment(tables, new Map(), "c.xlsx");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.evidence?.map((e) => e.id)).toEqual(["E001", "E003"]);
    const [row] = r.value.evidence ?? [];
    expect(row?.review).toEqual({
      status: "À compléter",
      note: "Manque la signature",
      date: DAY,
      reviewer: "M. Tremblay",
      statusCell: { sheet: evidence.sheet, address: `L${evidence.top + 1}` },
      noteCell: { sheet: evidence.sheet, address: `M${evidence.top + 1}` },
      dateCell: { sheet: evidence.sheet, address: `N${evidence.top + 1}` },
      reviewerCell: { sheet: evidence.sheet, address: `O${evidence.top + 1}` },
    });
    expect(r.value.assessment.evidence?.[0]?.review).toEqual({ status: "À compléter", note: "Manque la signature", date: DAY, reviewer: "M. Tremblay" });
    expect(r.value.assessment.evidence?.[1]?.review).toEqual({ status: "", note: "", date: null, reviewer: "" });
  });

  it("reads a register made before the review columns as before: no review", async () => {
    const { tables, evidence, set } = await register();
    set(0, "criteria", "X");
    set(0, "evaluatorNote", "ok");
    const keep = evidence.headers.map((h, i) => (["Statut de la revue", "Date de revue", "Réviseur", "Compte pour la couverture", "Acceptée à la revue"].includes(h) ? -1 : i)).filter((i) => i >= 0);
    evidence.headers = keep.map((i) => evidence.headers[i] as string);
    evidence.rows = evidence.rows.map((r) => keep.map((i) => r[i] ?? null));
    // Without the computed columns the ids alone still say nothing: only the filled row is read.
    const r = readAssessment(tables, new Map(), "old.xlsx");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.evidence).toHaveLength(1);
    expect(r.value.evidence?.[0]?.review).toBeUndefined();
    expect(r.value.assessment.evidence?.[0]?.review).toBeNull();
  });
});
