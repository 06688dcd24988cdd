import { NAMES, TABLES } from "./names.js";
import { withFreeSheetNames } from "./plan.rename.js";
import type { WorkbookPlan } from "./plan.types.js";

/** The names a workbook already uses, as a renderer or a host reads them before writing a plan. */
export interface WorkbookNames {
  tables: readonly string[];
  sheets: readonly string[];
  definedNames: readonly string[];
}

/** Something in a workbook that stops a plan from being written into it: Qualigrid never overwrites. */
export interface PlanClash {
  /**
   * `grid`: a Qualigrid grid (a `QG_Grid` table) is already there; `table`, `name`: a table or a
   * defined name the plan needs is taken (tables and defined names share one namespace in Excel).
   */
  kind: "grid" | "table" | "name";
  /** As the workbook spells it. */
  name: string;
}

/**
 * What in a workbook holding `existing` would stop `plan` (any plan when null: Qualigrid's own table
 * and name list, which every plan draws from), in the workbook's order, tables first. Empty: the
 * plan can be written; taken sheet names never stop it (`planForWorkbook` avoids them). Names
 * compare ignoring case, as Excel does.
 */
export function planClashes(plan: WorkbookPlan | null, existing: Pick<WorkbookNames, "tables" | "definedNames">): PlanClash[] {
  const ours = new Set(
    [
      ...Object.values(TABLES),
      ...Object.values(NAMES),
      ...(plan ? [...plan.sheets.flatMap((s) => s.tables.map((t) => t.name)), ...plan.names.map((n) => n.name)] : []),
    ].map((n) => n.toLowerCase()),
  );
  const grid = TABLES.grid.toLowerCase();
  const found = [
    ...existing.tables.map((name): PlanClash => ({ kind: name.toLowerCase() === grid ? "grid" : "table", name })),
    ...existing.definedNames.map((name): PlanClash => ({ kind: "name", name })),
  ];
  const seen = new Set<string>();
  return found.filter((c) => {
    const key = c.name.toLowerCase();
    if (!ours.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The clashes as one line of technical detail under the « already holds a grid » message. */
export function clashDetail(clashes: readonly PlanClash[]): string {
  return clashes.map((c) => c.name).join(", ");
}

/** A plan made ready for a workbook, or the clashes that stop it. */
export type PlanPlacement = { ok: true; plan: WorkbookPlan } | { ok: false; clashes: PlanClash[] };

/**
 * The check both renderers run before writing anything: `plan` with its sheets renamed where a name
 * is already taken (« Grille (2) »), or, when `planClashes` finds anything, the clashes and no plan.
 */
export function planForWorkbook(plan: WorkbookPlan, existing: WorkbookNames): PlanPlacement {
  const clashes = planClashes(plan, existing);
  if (clashes.length > 0) return { ok: false, clashes };
  return { ok: true, plan: withFreeSheetNames(plan, existing.sheets) };
}
