import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";
import type { Template } from "../../addin/model/template.types.js";
import type { PlanOptions } from "../../addin/plan/plan.types.js";
import { scoreAssessment } from "../../addin/scoring/assessment.score.js";
import { checkAssessment } from "../../addin/workbook/workbook.check.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToBuffer } from "../../addin/xlsx/xlsx.render.js";
import { shippedBuiltin } from "../support/builtins.v1.js";

const TODAY = new Date(Date.UTC(2026, 10, 22));
// A first-version template (one scale, no question, no pre-filled action): Donner le CAP as shipped at 1.0.0.
const TEMPLATE: Template = shippedBuiltin("has-donner-le-cap");
const FIRST = TEMPLATE.dimensions[0]?.criteria[0]?.id ?? "";

/** A French workbook, every criterion rated, with rows edited by `edit` before it is read back. */
async function workbook(edit: (wb: ExcelJS.Workbook) => void, options: Partial<PlanOptions> = {}): Promise<AssessmentWorkbook> {
  const template = TEMPLATE;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await renderPlanToBuffer(buildPlan(template, { lang: "fr", ...options }))) as unknown as ArrayBuffer);
  const grid = wb.getWorksheet("Grille") as ExcelJS.Worksheet;
  const count = template.dimensions.reduce((n, d) => n + d.criteria.length, 0);
  for (let r = 5; r < 5 + count; r++) grid.getCell(r, 5).value = 3;
  edit(wb);
  const read = readQualigridWorkbook(wb, "x.xlsx");
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value;
}

const codes = (wb: AssessmentWorkbook, options = {}) => checkAssessment(wb, "fr", { today: TODAY, ...options }).map((f) => `${f.code} ${f.where.sheet}!${f.where.address}`);

describe("check", () => {
  it("finds nothing in a fully rated workbook with no evidence or action", async () => {
    expect(codes(await workbook(() => undefined))).toEqual([]);
  });

  it("flags an overdue action at its due date, but not one done or dropped, nor one due later", async () => {
    const wb = await workbook((w) => {
      const a = w.getWorksheet("Plan d'action") as ExcelJS.Worksheet;
      const row = (r: number, id: string, due: Date, status: string) => {
        a.getCell(r, 1).value = id;
        a.getCell(r, 6).value = "Marie";
        a.getCell(r, 8).value = due;
        a.getCell(r, 9).value = status;
      };
      row(5, "A-1", new Date(Date.UTC(2026, 0, 10)), "En cours");
      row(6, "A-2", new Date(Date.UTC(2026, 0, 10)), "Réalisée");
      row(7, "A-3", new Date(Date.UTC(2026, 0, 10)), "abandonnée");
      row(8, "A-4", new Date(Date.UTC(2027, 0, 10)), "À faire");
    });
    expect(codes(wb)).toEqual(["actionOverdue Plan d'action!H5"]);
    expect(checkAssessment(wb, "en", { today: TODAY })[0]?.message).toBe("action A-1 is overdue (due 2026-01-10): update its status or its due date");
  });

  it("flags expired evidence at its expiry date", async () => {
    const wb = await workbook((w) => {
      const e = w.getWorksheet("Preuves") as ExcelJS.Worksheet;
      e.getCell("A5").value = "P-1";
      e.getCell("B5").value = FIRST;
      e.getCell("I5").value = new Date(Date.UTC(2025, 5, 30));
      e.getCell("A6").value = "P-2";
      e.getCell("B6").value = FIRST;
      e.getCell("I6").value = new Date(Date.UTC(2027, 5, 30));
    });
    expect(codes(wb)).toEqual(["evidenceExpired Preuves!I5"]);
    expect(checkAssessment(wb, "fr", { today: TODAY })[0]?.message).toBe("la preuve P-1 est expirée depuis le 2025-06-30 : remplacez-la par un document à jour");
  });

  it("judges expiry as of the assessment date when the workbook has one, as the coverage does, and says so", async () => {
    // Assessment on 2026-03-31, checked on 2026-11-22 (TODAY).
    const assessmentDate = new Date(Date.UTC(2026, 2, 31));
    const wb = await workbook(
      (w) => {
        const e = w.getWorksheet("Preuves") as ExcelJS.Worksheet;
        const row = (r: number, id: string, expiry: Date) => {
          e.getCell(r, 1).value = id;
          e.getCell(r, 2).value = FIRST;
          e.getCell(r, 8).value = "Acceptée";
          e.getCell(r, 9).value = expiry;
        };
        row(5, "P-1", new Date(Date.UTC(2026, 0, 15))); // expired before the assessment date
        row(6, "P-2", new Date(Date.UTC(2026, 5, 30))); // expires between the assessment date and today
        row(7, "P-3", assessmentDate); // expires on the assessment date: still current that day
      },
      { settings: { assessmentDate } },
    );
    expect(wb.assessment.assessmentDate).toEqual(assessmentDate);
    expect(codes(wb)).toEqual(["evidenceExpired Preuves!I5"]);
    const [fr] = checkAssessment(wb, "fr", { today: TODAY });
    expect(fr?.message).toBe(
      "la preuve P-1 est expirée depuis le 2026-01-15, avant la date de l'évaluation (2026-03-31) : elle ne compte pas dans la couverture des preuves ; remplacez-la par un document à jour",
    );
    expect(checkAssessment(wb, "en", { today: TODAY })[0]?.message).toBe(
      "evidence P-1 expired on 2026-01-15, before the assessment date (2026-03-31): it does not count toward evidence coverage; replace it with a current document",
    );
    // The coverage agrees: P-2 and P-3 count for the criterion, P-1 does not.
    const first = scoreAssessment(wb.assessment, { today: TODAY }).criteria.find((c) => c.id === FIRST);
    expect(first?.evidenceCount).toBe(3);
    expect(first?.acceptedEvidenceCount).toBe(2);
  });

  it("reminds about confidential evidence linked outside the organization's storage", async () => {
    const wb = await workbook((w) => {
      const e = w.getWorksheet("Preuves") as ExcelJS.Worksheet;
      const row = (r: number, id: string, location: string, confidential: string) => {
        e.getCell(r, 1).value = id;
        e.getCell(r, 2).value = FIRST;
        e.getCell(r, 7).value = location;
        e.getCell(r, 10).value = confidential;
      };
      row(5, "P-1", "https://drive.example.com/d/abc", "Oui");
      row(6, "P-2", "https://intranet.organisme.org/docs/pv.pdf", "Oui");
      row(7, "P-3", "\\\\serveur\\qualite\\pv.pdf", "Oui");
      row(8, "P-4", "https://drive.example.com/d/xyz", "Non");
    });
    expect(codes(wb, { orgDomains: ["organisme.org"] })).toEqual(["confidentialLink Preuves!G5"]);
    expect(codes(wb)).toEqual(["confidentialLink Preuves!G5", "confidentialLink Preuves!G6"]);
    expect(checkAssessment(wb, "fr", { today: TODAY, orgDomains: ["organisme.org"] })[0]).toMatchObject({ severity: "warning" });
  });

  it("flags a criterion that has two rows in the grid", async () => {
    const wb = await workbook((w) => {
      const g = w.getWorksheet("Grille") as ExcelJS.Worksheet;
      g.getCell("B6").value = g.getCell("B5").value;
    });
    const found = codes(wb);
    expect(found).toContain("criterionDuplicated Grille!A6");
  });
});
