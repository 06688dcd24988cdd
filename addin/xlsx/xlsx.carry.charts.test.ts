import { describe, expect, it } from "vitest";
import { repointChart, repointedReference, sheetsResized, type TablePlace } from "./xlsx.carry.charts.js";

const scores = (first: number, last: number, sheet = "Tableau de bord"): TablePlace => ({
  name: "QG_Scores",
  sheet,
  header: first - 1,
  first,
  last,
  left: 1,
  headers: ["dimension", "titre", "poids", "score", "cible"],
});
const from = [scores(16, 18)];
const to = [scores(16, 19)];

describe("chart references over a Qualigrid table", () => {
  it("re-points a whole column's data rows, and its header cell, to the same column (by header) of the table of the same name", () => {
    expect(repointedReference("'Tableau de bord'!$D$16:$D$18", from, to)).toBe("'Tableau de bord'!$D$16:$D$19");
    expect(repointedReference("'tableau de bord'!A16:A18", from, to)).toBe("'tableau de bord'!$A$16:$A$19");
    expect(repointedReference("'Tableau de bord'!$D$15", from, [scores(20, 22)])).toBe("'Tableau de bord'!$D$19");
    // The column moved (a column inserted before it) and the sheet was renamed: found by header, named as formulas write it.
    const moved: TablePlace = { ...scores(16, 17, "Bord d'équipe"), headers: ["dimension", "nouvelle", "titre", "poids", "score", "cible"] };
    expect(repointedReference("'Tableau de bord'!$D$16:$D$18", from, [moved])).toBe("'Bord d''équipe'!$E$16:$E$17");
  });

  it("leaves what is not exactly one column's data rows: part of it, several columns, another sheet, a union, a name, a column the new table lacks", () => {
    for (const f of [
      "'Tableau de bord'!$D$16:$D$17",
      "'Tableau de bord'!$C$16:$D$18",
      "Autre!$D$16:$D$18",
      "('Tableau de bord'!$D$16,'Tableau de bord'!$D$18)",
      "QG_Scores[Score]",
      "'Tableau de bord'!$F$16:$F$18",
    ]) {
      expect(repointedReference(f, from, to), f).toBeUndefined();
    }
    expect(repointedReference("'Tableau de bord'!$E$16:$E$18", from, [{ ...scores(16, 19), headers: ["dimension", "titre", "poids", "score"] }])).toBeUndefined();
  });

  it("rewrites a chart part's c:f and empties the cache of each one it re-points, byte for byte elsewhere", () => {
    const C = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"';
    const ser = (f: string, pts: string): string =>
      `<c:val><c:numRef><c:f>${f}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/>${pts}</c:numCache></c:numRef></c:val>`;
    const pts = '<c:pt idx="0"><c:v>1</c:v></c:pt><c:pt idx="2"><c:v>3</c:v></c:pt>';
    const xml = `<c:chartSpace ${C}><c:ser>${ser("'Tableau de bord'!$D$16:$D$18", pts)}</c:ser><c:ser>${ser("'Tableau de bord'!$D$16:$D$17", pts)}</c:ser></c:chartSpace>`;
    const done = repointChart(xml, from, to);
    expect(done.xml).toBe(
      `<c:chartSpace ${C}><c:ser>${ser("'Tableau de bord'!$D$16:$D$19", "").replace('val="3"', 'val="4"')}</c:ser><c:ser>${ser("'Tableau de bord'!$D$16:$D$17", pts)}</c:ser></c:chartSpace>`,
    );
    expect(done.references.map((r) => r.to)).toEqual(["'Tableau de bord'!$D$16:$D$19", undefined]);
    expect(repointChart(xml, from, from).xml).toBe(xml);
    expect(sheetsResized(from, to)).toEqual(new Set(["tableau de bord"]));
    expect(sheetsResized(from, from).size).toBe(0);
  });
});
