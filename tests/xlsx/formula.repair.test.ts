import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { applyFormulaRepairs, contentView } from "../../addin/xlsx/xlsx.formulas.js";

describe("applyFormulaRepairs", () => {
  it("reads shared formulas as each cell's own formula, and keeps the clones of a rewritten master", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    for (let r = 1; r <= 3; r++) ws.getCell(r, 1).value = r;
    ws.getCell("B1").value = { formula: "A1*2", result: 2, shareType: "shared", ref: "B1:B3" } as ExcelJS.CellFormulaValue;
    ws.getCell("B2").value = { sharedFormula: "B1", result: 4 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("B3").value = { sharedFormula: "B1", result: 6 } as ExcelJS.CellSharedFormulaValue;
    expect(contentView(wb).cell("S", 3, 2)).toEqual({ formula: "A3*2" });

    expect(applyFormulaRepairs(wb, [{ where: { sheet: "S", address: "B1" }, row: 1, col: 2, formula: "=A1*3" }])).toBe(1);
    expect(ws.getCell("B1").value).toEqual({ formula: "A1*3" });
    expect(ws.getCell("B2").value).toEqual({ formula: "A2*2", result: 4 });
    expect(ws.getCell("B3").value).toEqual({ formula: "A3*2", result: 6 });

    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const view = contentView(back);
    expect([1, 2, 3].map((r) => view.cell("S", r, 2))).toEqual([{ formula: "A1*3" }, { formula: "A2*2" }, { formula: "A3*2" }]);
    expect(view.cell("Nope", 1, 1)).toBeUndefined();
  });
});
