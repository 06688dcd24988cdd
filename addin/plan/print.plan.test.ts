import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import { columnLetter } from "../model/cell.address.js";
import type { Lang } from "../model/template.types.js";
import { buildPlan } from "./plan.build.js";
import type { SheetPlan } from "./plan.types.js";
import { PORTRAIT_WIDTH_CHARS, withPrint } from "./print.plan.js";

const bare: Omit<SheetPlan, "print"> = {
  key: "lists",
  name: "Listes",
  tabColor: "7F7F7F",
  widths: {},
  cells: [],
  tables: [],
  freeze: { rows: 0, cols: 0 },
  protect: true,
  conditionalFormats: [],
};

describe("withPrint", () => {
  it("puts every column the sheet fills in the print area, whole columns, and repeats the header row", () => {
    const sheet = withPrint(
      {
        ...bare,
        cells: [{ row: 1, col: 1, value: "titre", style: "title" }, { row: 3, col: 9, value: "x", style: "label" }],
        tables: [{ name: "T", top: 3, left: 2, columns: Array.from({ length: 4 }, (_, i) => ({ key: `k${i}`, header: `h${i}`, width: 5, input: false, style: "computed" as const })), rows: [], style: "TableStyleLight1" }],
        widths: { 2: 5, 3: 5, 4: 5, 5: 5 },
      },
      3,
    );
    expect(sheet.print).toEqual({ orientation: "portrait", repeatRows: { from: 3, to: 3 }, area: "A:I" });
  });

  it("prints landscape a sheet wider than a portrait page holds", () => {
    const narrow = withPrint({ ...bare, widths: { 1: PORTRAIT_WIDTH_CHARS } }, 1);
    const wide = withPrint({ ...bare, widths: { 1: PORTRAIT_WIDTH_CHARS, 2: 1 } }, 1);
    expect([narrow.print.orientation, wide.print.orientation]).toEqual(["portrait", "landscape"]);
  });
});

describe("the plan's print settings", () => {
  it.each(builtinTemplates().flatMap((t) => (["fr", "en"] as Lang[]).map((lang) => [`${t.id} (${lang})`, buildPlan(t, { lang })] as const)))(
    "cover every column a person reads of every table of %s, header rows repeated",
    (_, plan) => {
      for (const sheet of plan.sheets) {
        const [from, to] = sheet.print.area.split(":");
        expect(from, sheet.name).toBe("A");
        for (const t of sheet.tables) {
          const read = t.columns.map((c, i) => (c.style === "helper" ? 0 : t.left + i)).reduce((a, b) => Math.max(a, b), 0);
          expect(columnLetter(read).padStart(3, " ") <= (to ?? "").padStart(3, " "), `${sheet.name} ${t.name}`).toBe(true);
        }
        // The first table's header row repeats (the dashboard's QG_Themes, below QG_Scores, has its own).
        const first = sheet.tables[0];
        // A report in sections (page breaks between them) repeats its title row instead: each section has its own headers.
        if (first && !sheet.print.breaks) expect(sheet.print.repeatRows, sheet.name).toEqual({ from: first.top, to: first.top });
      }
      const grid = plan.sheets.find((s) => s.key === "grid");
      // The grid reaches its last column a person reads (« Preuves attendues », the evaluator's
      // columns), and stops before the helper columns the formulas use.
      const columns = grid?.tables[0]?.columns ?? [];
      const lastRead = columns.map((c, i) => (c.style === "helper" ? 0 : i + 1)).reduce((a, b) => Math.max(a, b), 0);
      expect(grid?.print.area).toBe(`A:${columnLetter(lastRead)}`);
      expect(columns.slice(lastRead).every((c) => c.style === "helper")).toBe(true);
      expect(columns.slice(lastRead).length).toBeGreaterThan(0);
    },
  );
});

describe("withPrint: a long title", () => {
  const sheet = (title: string, widths: Record<number, number>) => withPrint({ ...bare, widths, cells: [{ row: 1, col: 1, value: title, style: "title" }], tables: [] }, 4);

  it("takes in the columns a long title spills over, so that it prints whole", () => {
    // 60 characters of 14-pt bold ≈ 60 × 14/11 × 1.1 ≈ 84 width units: A (34) then default columns
    // (8.43 each) B to G reach 84.6.
    expect(sheet("x".repeat(60), { 1: 34 }).print.area).toBe("A:G");
    expect(sheet("Court", { 1: 34 }).print.area).toBe("A:A");
  });
});
