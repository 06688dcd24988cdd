import { describe, expect, it } from "vitest";
import { repointFormula, type FormulaMoves } from "./xlsx.upgrade.formulas.js";

// The grid's rows 5–7 went one row down (a criterion inserted above them), row 8 went away (archived),
// row 9 stayed; columns A, B and E stayed, G went to H (a column inserted before it).
const moves: FormulaMoves = {
  sheets: new Map([
    ["grid", { rows: new Map([[4, 4], [5, 6], [6, 7], [7, 8], [9, 9]]), cols: new Map([[1, 1], [2, 2], [5, 5], [7, 8]]) }],
    ["evidence", { rows: new Map([[4, 4], [5, 5], [6, 6]]), cols: new Map([[1, 1], [3, 3]]) }],
    ["mine", { rows: "same", cols: "same" }],
  ]),
  names: new Set(["qg_levelvalues"]),
  tables: new Map([["qg_grid", new Set(["criterion", "rating", "comment"])]]),
};
const at = { sheet: "Grid", table: "QG_Grid" };
const moved = (f: string): string | undefined => repointFormula(f, at, moves)?.formula;

describe("repointFormula", () => {
  it("re-points references to cells that moved, keeping $ and the rest of the text", () => {
    expect(moved("B5")).toBe("B6");
    expect(moved("$E$5*2")).toBe("$E$6*2");
    expect(moved('IF(E5="B5",1,0)')).toBe('IF(E6="B5",1,0)');
    expect(moved("Grid!B6+Grid!$G$7")).toBe("Grid!B7+Grid!$H$8");
    expect(moved("Evidence!C5&\" \"&A9")).toBe("Evidence!C5&\" \"&A9");
    expect(repointFormula("Evidence!C5", at, moves)?.changed).toBe(false);
    expect(repointFormula("B5", at, moves)?.changed).toBe(true);
  });

  it("moves a range whose rows all moved by the same shift, whole columns as they are", () => {
    expect(moved("SUM(E5:E7)")).toBe("SUM(E6:E8)");
    expect(moved("5:6")).toBe("6:7");
    expect(moved("COUNTA(E:E)")).toBe("COUNTA(E:E)");
  });

  it("keeps Qualigrid's names, its tables' columns and a sheet copied whole", () => {
    expect(moved("INDEX(QG_LevelValues,1)")).toBe("INDEX(QG_LevelValues,1)");
    expect(moved("QG_Grid[[#This Row],[Rating]]+SUM(QG_Grid[Rating])")).toBe("QG_Grid[[#This Row],[Rating]]+SUM(QG_Grid[Rating])");
    expect(moved("Mine!Z99")).toBe("Mine!Z99");
  });

  it("refuses what it cannot re-point soundly", () => {
    for (const f of [
      "E8", // a row that went away
      "C5", // a column that did not come along
      "SUM(E5:E9)", // rows that did not move together
      "SUM(E5:E1048576)",
      "Dashboard!B5", // a sheet made anew
      "E5:Grid!E6", // a range made with `:` between references
      "[1]Grid!E5", // another workbook
      "MyName+1", // a name the new workbook lacks
      "QG_Grid[Bogus]",
      "Other[[#This Row],[x]]",
      "OFFSET(E5,1,0)",
      'INDIRECT("E"&ROW())',
      '"unterminated',
    ]) {
      expect(repointFormula(f, at, moves), f).toBeNull();
    }
  });

  it("refuses [#This Row] of its own table from outside it", () => {
    expect(repointFormula("QG_Grid[[#This Row],[Rating]]", { sheet: "Grid", table: null }, moves)).toBeNull();
  });
});
