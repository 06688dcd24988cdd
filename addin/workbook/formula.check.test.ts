import { describe, expect, it } from "vitest";
import { normalizeFormula } from "./formula.check.js";

describe("normalizeFormula", () => {
  it("ignores the leading =, whitespace and case outside text, and _xlfn. prefixes", () => {
    expect(normalizeFormula("=if( a1 = 1 , sum(QG_Grid[Points]) , \"\")")).toBe(normalizeFormula('IF(A1=1,SUM(qg_grid[points]),"")'));
    expect(normalizeFormula("=_xlfn.IFERROR(1,2)")).toBe("IFERROR(1,2)");
  });

  it("keeps text literals as they are", () => {
    expect(normalizeFormula('IF(A1="S. O.",1,0)')).not.toBe(normalizeFormula('IF(A1="s.o.",1,0)'));
    expect(normalizeFormula('IF(A1="a ""b"" c",1,0)')).toBe('IF(A1="a ""b"" c",1,0)');
  });

  it("tells 100* from 90*", () => {
    expect(normalizeFormula("=100*A1")).not.toBe(normalizeFormula("=90*A1"));
  });
});
