import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import { NAMES, TABLES } from "./names.js";
import { buildPlan } from "./plan.build.js";
import { clashDetail, planClashes, planForWorkbook } from "./plan.clashes.js";
import type { WorkbookPlan } from "./plan.types.js";

const plan = buildPlan(builtinTemplates()[0]!, { lang: "fr" });
const none = { tables: [], sheets: [], definedNames: [] };

describe("planClashes", () => {
  it("finds nothing in an empty workbook, nor in a workbook of the user's own tables, names and sheets", () => {
    expect(planClashes(plan, none)).toEqual([]);
    expect(planClashes(null, none)).toEqual([]);
    const own = { tables: ["Budget", "Tableau1"], sheets: ["Grille", "Feuil1"], definedNames: ["TauxTVA"] };
    expect(planClashes(plan, own)).toEqual([]);
  });

  it("names a grid already there, and every Qualigrid table and name taken, in the workbook's order, tables first", () => {
    const existing = { tables: ["Budget", TABLES.evidence, TABLES.grid], sheets: [], definedNames: ["TauxTVA", NAMES.scaleMax] };
    const clashes = planClashes(plan, existing);
    expect(clashes).toEqual([
      { kind: "table", name: TABLES.evidence },
      { kind: "grid", name: TABLES.grid },
      { kind: "name", name: NAMES.scaleMax },
    ]);
    expect(clashDetail(clashes)).toBe(`${TABLES.evidence}, ${TABLES.grid}, ${NAMES.scaleMax}`);
  });

  it("compares names ignoring case, as Excel does, and names each clash once as the workbook spells it", () => {
    expect(planClashes(plan, { tables: ["qg_grid"], definedNames: ["QG_GRID", "qg_levelvalues"] })).toEqual([
      { kind: "grid", name: "qg_grid" },
      { kind: "name", name: "qg_levelvalues" },
    ]);
  });

  it("counts a table or name the plan itself adds, even outside Qualigrid's fixed list", () => {
    const extra: WorkbookPlan = { ...plan, names: [...plan.names, { name: "QG_Extra", sheet: plan.sheets[0]!.name, ref: "$A$1" }] };
    expect(planClashes(extra, { tables: ["QG_Extra"], definedNames: [] })).toEqual([{ kind: "table", name: "QG_Extra" }]);
    // Without a plan, only Qualigrid's own list counts.
    expect(planClashes(null, { tables: ["QG_Extra"], definedNames: [] })).toEqual([]);
    expect(planClashes(null, { tables: [TABLES.grid], definedNames: [] })).toEqual([{ kind: "grid", name: TABLES.grid }]);
  });
});

describe("planForWorkbook", () => {
  it("gives the plan back as it is when nothing is taken", () => {
    expect(planForWorkbook(plan, none)).toEqual({ ok: true, plan });
  });

  it("renames the plan's sheets whose name is taken, and leaves the rest", () => {
    const taken = plan.sheets[0]!.name;
    const placed = planForWorkbook(plan, { tables: ["Budget"], sheets: [taken.toUpperCase()], definedNames: [] });
    expect(placed.ok).toBe(true);
    if (!placed.ok) return;
    expect(placed.plan.sheets[0]!.name).toBe(`${taken} (2)`);
    expect(placed.plan.sheets.slice(1).map((s) => s.name)).toEqual(plan.sheets.slice(1).map((s) => s.name));
  });

  it("refuses with the clashes, whatever sheets are taken", () => {
    expect(planForWorkbook(plan, { tables: [TABLES.grid], sheets: [plan.sheets[0]!.name], definedNames: [] })).toEqual({
      ok: false,
      clashes: [{ kind: "grid", name: TABLES.grid }],
    });
  });
});
